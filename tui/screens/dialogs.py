"""Small modal dialogs: confirm a step, pick one of a list."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from sales.errors import UpliftError
from tui.i18n import N_, _
from tui.user_text import plain, tell
from tui.widgets.footer import Footer


def permitted(screen: Screen, action: str, owner: str | None = None) -> bool:
    """Whether the actor may do `action` (a lead's: a goal, a budget decision, a payout), to an
    item of `owner`'s that keeps its owner (a rep's own task or deal); if not, the rule is said
    at once, before a form asks for answers its save would refuse."""
    try:
        screen.app.board.require(action, owner, owner)
    except UpliftError as error:
        tell(screen, error, "error")
        return False
    return True


def help_key(screen: str) -> Binding:
    """`?` on a dialog that lists its keys in its own footer: a modal screen stops the app's
    bindings, so without it `?` did nothing there (while the footer of the screen beneath, still in
    sight, promised it)."""
    return Binding("question_mark", "app.help", N_("Help"), id=f"{screen}.help")


class Confirm(ModalScreen[bool]):
    """Ask a yes/no question; y says yes, n or escape says no, enter presses the focused button.

    Yes has the focus, unless the step is `destructive` (a delete, replacing a file): then No
    has it, so that a reflexive enter leaves things as they were and only y (or a click on
    Yes) goes ahead."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, *, destructive: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.destructive = destructive

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Yes (y)"), id="yes", variant="error" if self.destructive else "primary")
                yield Button(_("No (n)"), id="no")
        yield Footer()  # y and n: the footer beneath, still in sight, promised its screen's keys

    def on_mount(self) -> None:
        self.query_one("#no" if self.destructive else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Pick(ModalScreen[str | None]):
    """Choose one value from a list (enter), or nothing (escape)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="pick.cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick"):
            yield Static(plain(self.title_text), classes="dialog-question")
            yield OptionList(*(Option(plain(label), id=str(index))
                               for index, (label, _) in enumerate(self.choices)))
        yield Footer()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
