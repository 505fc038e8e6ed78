"""Dialogs for plan files: ask for a path, list a file's problems, confirm an import's changes."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import Confirm
from tui.user_text import plain, text_input
from tui.widgets.footer import Footer


class AskPath(ModalScreen[str | None]):
    """A file path typed by the user (enter), or nothing (escape)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="path.cancel")]

    def __init__(self, question: str, default: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-question")
            yield text_input(self.default, placeholder=_("path/to/plan.yaml"), id="path", max_length=4096)
            yield Static(plain(_("enter: go · {cancel}: cancel").format(cancel=shown_key(self, "path.cancel"))), classes="dialog-hint")
        yield Footer()  # its own keys, not the board's beneath, which do nothing while it is open

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlanProblems(ModalScreen[None]):
    """Why a plan file was not imported: one `FILE:LINE: path: what is wrong` per line."""

    BINDINGS = [Binding("escape,enter,q", "dismiss", N_("Close"), id="problems.close")]

    def __init__(self, title: str, lines: Sequence[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog plan-problems"):
            yield Static(plain(self.title_text), classes="dialog-question")
            with VerticalScroll(classes="dialog-body"):
                yield Static(plain("\n".join(self.lines)), id="problem-lines")
            yield Static(plain(_("Nothing was written. {close} closes.").format(close=shown_key(self, "problems.close"))), classes="dialog-hint")
        yield Footer()


class ImportPreview(Confirm, inherit_bindings=False):
    """What an import would do (the dry run); y applies it, n or escape leaves the board alone.

    A Confirm (its buttons and answers) that shows the dry run's lines under the question."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Import"), id="preview.yes"),
        Binding("n,escape", "answer(False)", N_("Cancel"), id="preview.no"),
    ]

    def __init__(self, title: str, lines: Sequence[str]) -> None:
        super().__init__(title)
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog plan-preview"):
            yield Static(plain(self.question), classes="dialog-question")
            with VerticalScroll(classes="dialog-body"):
                yield Static(plain("\n".join(self.lines)), id="preview-lines")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Import (y)"), id="yes", variant="primary")
                yield Button(_("Cancel (n)"), id="no")
        yield Footer()
