"""The whole cycle at a glance (`C` anywhere, "The cycle at a glance" in the palette): where
each of the five phases stands (sales/cycle.py); enter on a phase opens its screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sales.errors import UpliftError
from tui.cycle_text import heading, phases
from tui.i18n import N_, _
from tui.keys import shown_key, shown_key_of
from tui.remote import is_remote
from tui.screens.dialogs import help_key
from tui.user_text import Hanging, plain, tell
from tui.widgets.footer import Footer


class CycleScreen(ModalScreen[str | None]):
    """Returns the mode (screen) of the chosen phase (enter), or None (escape)."""

    DEFAULT_CLASSES = "dialog-screen"  # centred, as every dialog

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="cycle.close"),
                Binding("s", "setup", N_("Team and cycle"), id="cycle.setup"), help_key("cycle")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog cycle"):
            yield Static(id="cycle-title", classes="dialog-question")
            yield OptionList(id="cycle-list")
            yield Static(plain(_("enter opens the phase's screen · {setup} team and cycle · {close} closes").format(
                setup=shown_key(self, "cycle.setup"), close=shown_key(self, "cycle.close"))), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one(OptionList).focus()

    def show(self) -> None:
        try:
            cycle = self.app.board.cycle()
        except UpliftError as error:
            tell(self, error, "error")
            return
        board = self.app.board
        self.query_one("#cycle-title", Static).update(plain(heading(cycle, shown_key(self, "cycle.setup"),
                                                                    may_set=board.may("board.settings"))))
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        options: list[Option | None] = []
        keys = (shown_key_of(self.app, "app.diagnose", "1"), shown_key_of(self.app, "diagnose.open", "f"),
                shown_key_of(self.app, "app.goals", "2"), shown_key_of(self.app, "goals.carry", "o"))
        for mode, title, lines in phases(cycle, keys, may_diagnose=board.may("diagnosis.save"), remote=is_remote(),
                                          may_carry=board.may("goal.add")):
            if options:
                options.append(None)
            options.append(Option(Hanging([("", line) for line in lines], heading=title), id=mode))
        listing.set_options(options)
        listing.highlighted = highlighted if highlighted is not None else 0

    async def refresh_board(self) -> None:
        """Another process changed the board: show the cycle as it is now."""
        self.show()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_setup(self) -> None:
        """The team and cycle settings, over this screen (closed, it shows the cycle as set)."""
        from tui.screens.team_setup import TeamSetupScreen

        self.app.push_screen(TeamSetupScreen(), lambda _none: self.show())

    def action_cancel(self) -> None:
        self.dismiss(None)
