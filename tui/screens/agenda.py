"""The Today screen (`T` anywhere, "My day" in the palette): what needs you now, from every
phase at once (sales/agenda.py); enter on a line jumps to its task, deal or goal."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sales.errors import UpliftError
from tui.agenda_text import (alerts_line, budget_line, heading, held_line, nothing_line, payouts_line, quota_line,
                             sections)
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import Hanging, plain, tell
from tui.widgets.footer import Footer


def day_line(item: str, line: str) -> Hanging:
    """A line of the day under its item's id, wrapping under its text."""
    return Hanging([("  " + item, line.removeprefix(f"{item}  "))])


class TodayScreen(ModalScreen[str | None]):
    """Returns the id of the chosen line's item (enter), or None (escape)."""

    DEFAULT_CLASSES = "dialog-screen"  # centred, as every dialog

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="today.close"), help_key("today")]

    def __init__(self, who: str | None = None) -> None:
        super().__init__()
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog today"):
            yield Static(id="today-title", classes="dialog-question")
            yield OptionList(id="today-list")
            with Vertical(classes="dialog-foot"):  # under the list, which scrolls in what is left
                yield Static(id="today-quota")
                yield Static(plain(_("enter jumps to the item · {close} closes").format(
                    close=shown_key(self, "today.close"))), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one(OptionList).focus()

    def show(self) -> None:
        try:
            agenda = self.app.board.agenda(self.who)
        except UpliftError as error:
            tell(self, error, "error")
            return
        self.query_one("#today-title", Static).update(plain(heading(agenda)))
        options: list[Option | None] = []
        for title, lines in sections(agenda):
            if options:
                options.append(None)
            options.append(Option(plain(title), disabled=True))
            options += [Option(day_line(item, line), id=f"{n}:{item}") for n, (item, line) in
                        enumerate(lines, len(options))]
        if not options:
            options.append(Option(plain(nothing_line()), disabled=True))
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.set_options(options)
        if highlighted is not None and highlighted < listing.option_count:
            listing.highlighted = highlighted
        else:  # the first line under a heading
            listing.highlighted = next((i for i in range(listing.option_count)
                                        if not listing.get_option_at_index(i).disabled), None)
        extra = [line for line in (quota_line(agenda), payouts_line(agenda), held_line(agenda), budget_line(agenda),
                                   alerts_line(agenda)) if line]
        quota = self.query_one("#today-quota", Static)
        quota.update(plain("\n".join(extra)))
        quota.display = bool(extra)

    async def refresh_board(self) -> None:
        """Another process changed the board: show the day as it is now."""
        self.show()

    @on(OptionList.OptionHighlighted)
    def _first_heading_in_view(self, event: OptionList.OptionHighlighted) -> None:
        """On the first item, the list's top is in view: its heading says what the item is (the
        list, longer than the screen, opened a line down, the heading above it out of view)."""
        listing = event.option_list
        first = next((i for i in range(listing.option_count) if not listing.get_option_at_index(i).disabled), None)
        if event.option_index == first:
            listing.call_after_refresh(listing.scroll_home, animate=False, immediate=True)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or "").split(":", 1)[-1] or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
