"""The Diagnose screen's dialogs: which file to diagnose (and how), and a note's form."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from sales.errors import Invalid, UpliftError
from sales.notes import KIND_LABELS, NOTE_KINDS, NOTE_TAGS, TAG_LABELS, Note
from tui.i18n import N_, _
from tui.keys import save_hint, shown_key
from tui.user_text import plain, plain_rich, text_area, text_input


@dataclass
class RunRequest:
    """What the file prompt asks for: the same choices as `uplift diagnose`."""

    paths: list[str]
    overrides: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    period: str = "month"


def split_list(text: str) -> list[str]:
    """`a=b, c d=e` -> ["a=b", "c d=e"]: comma-separated, so column names may hold spaces."""
    return [part.strip() for part in text.split(",") if part.strip()]


class DiagnoseFileForm(ModalScreen[RunRequest | None]):
    """Ask for a record file (and optional --map / --join / period); enter runs it."""

    BINDINGS = [
        Binding("ctrl+s", "run", N_("Run"), id="diagnose-form.run"),
        Binding("escape", "cancel", N_("Cancel"), id="diagnose-form.cancel"),
    ]

    def __init__(self, last: RunRequest | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.last = last

    def compose(self) -> ComposeResult:
        last = self.last or RunRequest([])
        with VerticalScroll(classes="dialog form"):
            yield Static(plain(_("Diagnose sales records   (enter runs, escape cancels)")), classes="dialog-question")
            yield Static(plain(_("File (CSV or XLSX)")), classes="field-label")
            yield text_input(", ".join(last.paths), placeholder="~/exports/orders-2026.csv", id="path")
            yield Static(classes="field-error", id="error-path")
            yield Static(plain(_("Column mapping, optional: COLUMN=FIELD, COLUMN=FIELD "
                                 "(the board remembers it for files with the same columns)")), classes="field-label")
            yield text_input(", ".join(last.overrides), placeholder="Umsatz=amount, Datum=date", id="map")
            yield Static(plain(_("Join, optional: FILE:KEY, ...")), classes="field-label")
            yield text_input(", ".join(last.joins), placeholder="sales_teams.csv:sales_agent", id="join")
            yield Static(plain(_("Period")), classes="field-label")
            yield Select([(plain_rich(_("month")), "month"), (plain_rich(_("quarter")), "quarter")],
                         value=last.period, allow_blank=False, id="period")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Run (enter)"), id="run", variant="primary")
                yield Button(_("Cancel (esc)"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def action_run(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.query_one("#error-path", Static).update(plain(_("name a file to diagnose")))
            return
        paths = [str(Path(p).expanduser()) for p in split_list(text)] if "," in text else [str(Path(text).expanduser())]
        self.dismiss(RunRequest(paths, split_list(self.query_one("#map", Input).value),
                                split_list(self.query_one("#join", Input).value),
                                self.query_one("#period", Select).value))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_run()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#run")
    def _run(self) -> None:
        self.action_run()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()


class NoteForm(ModalScreen[Note | None]):
    """Add or edit an interview note or a piece of customer feedback, with its tags."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="note-form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="note-form.cancel"),
    ]

    def __init__(self, note: Note | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        heading = _("Edit {id}").format(id=note.id) if note else _("New note")
        with VerticalScroll(classes="dialog form"):
            yield Static(plain(heading + "   " + save_hint(self, "note-form.save", "note-form.cancel")), classes="dialog-question")
            yield Static(classes="field-error", id="error-form")
            yield text_area(note.text if note else "", id="note-text-input", soft_wrap=True)
            with Horizontal(classes="field-row"):
                with Vertical(classes="field"):
                    yield Static(plain(_("Kind")), classes="field-label")
                    yield Select([(plain_rich(_(KIND_LABELS[k])), k) for k in NOTE_KINDS], allow_blank=False,
                                 value=note.kind if note else "interview", id="kind")
                with Vertical(classes="field"):
                    yield Static(plain(_("From (who said it)")), classes="field-label")
                    yield text_input(note.source if note else "", max_length=80, id="source")
            yield Static(plain(_("Tags (space toggles)")), classes="field-label")
            yield SelectionList(*(Selection(plain(_(TAG_LABELS[t])), t, bool(note and t in note.tags))
                                  for t in NOTE_TAGS), id="tags")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain(_("Save ({key})").format(key=shown_key(self, 'note-form.save'))), id="save",
                             variant="primary")
                yield Button(_("Cancel (esc)"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note-text-input", TextArea).focus()

    def action_save(self) -> None:
        board = self.app.board
        fields = {"text": self.query_one("#note-text-input", TextArea).text,
                  "kind": self.query_one("#kind", Select).value,
                  "source": self.query_one("#source", Input).value,
                  "tags": list(self.query_one("#tags", SelectionList).selected)}
        try:
            if self.note is None:
                text = fields.pop("text")
                saved = board.add_note(text, **fields)
            else:
                saved = board.update_note(self.note.id, **fields)
        except (Invalid, UpliftError) as error:
            self.query_one("#error-form", Static).update(plain(error))
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
