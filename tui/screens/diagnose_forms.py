"""The Diagnose screen's dialogs: which file to diagnose (and how), and a note's form."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from sales.notes import KIND_LABELS, NOTE_KINDS, NOTE_TAGS, TAG_LABELS, Note
from sales.text import LINE_MAX, list_commas, safe
from store.record_files import MOST_NAMED, record_files_in
from tui.i18n import N_, _
from tui.keys import save_hint, shown_key
from tui.screens.form_base import FormBase, error_line
from tui.user_text import plain, plain_rich, text_area, text_input
from tui.widgets.path_input import PathInput
from tui.widgets.form_heading import FormHeading
from tui.widgets.tick_list import TickList


@dataclass
class RunRequest:
    """What the file prompt asks for: the same choices as `uplift diagnose`."""

    paths: list[str]
    overrides: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    period: str = "month"
    date_format: str | None = None  # as `--date-format`: dayfirst, monthfirst, iso or a strftime format


def expand_join(spec: str) -> str:
    """`~/teams.csv:agent` -> `/home/me/teams.csv:agent`, as a shell would have expanded it."""
    file, sep, key = spec.rpartition(":")
    return f"{Path(file).expanduser()}{sep}{key}" if sep and file.startswith("~") else spec


def split_list(text: str) -> list[str]:
    """`a=b, c d=e, "Q1, Q2.csv"` -> ["a=b", "c d=e", "Q1, Q2.csv"]: comma-separated, so names may
    hold spaces; an item that holds a comma is quoted, as in a line of CSV."""
    items = next(csv.reader([text], skipinitialspace=True), [])
    return [item.strip() for item in items if item.strip()]


def join_list(items: list[str]) -> str:
    """What split_list reads back as `items`: an item with a comma or a quote goes in quotes."""
    return ", ".join('"' + item.replace('"', '""') + '"' if "," in item or '"' in item else item
                     for item in items)


def file_paths(text: str) -> list[str]:
    """The files the prompt names. The whole text, when it names something that exists, is one
    file, commas and all (`Q1, Q2.csv`); otherwise it is a list (`a.csv, b.csv`), in which a name
    that holds a comma is quoted (`"Q1, Q2.csv", Q3.csv`). `~` is the home folder."""
    whole = Path(text.strip()).expanduser()
    if whole.exists():
        return [str(whole)]
    return [str(Path(item).expanduser()) for item in split_list(text)]


class DiagnoseFileForm(FormBase):
    """Ask for a record file (and optional --map / --join / period); enter (or the form's save
    key) runs it."""

    field_names = ("path", "map", "join", "period", "date_format")
    # its save key runs the file, as its heading and button say (the footer said "Save")
    BINDINGS = [Binding("ctrl+s", "save", N_("Run"), id="form.save")]

    def __init__(self, last: RunRequest | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.last = last

    def compose(self) -> ComposeResult:
        last = self.last or RunRequest([])
        with VerticalScroll(classes="dialog form"):
            yield Static(plain(_("Diagnose sales records   (enter runs, {cancel} cancels)").format(
                cancel=shown_key(self, "form.cancel"))), classes="dialog-question")
            yield error_line("error-form")
            yield from self._field("path", _("File (CSV, XLSX or XLS; tab or right completes a name)"), PathInput(
                safe(join_list(last.paths))[:LINE_MAX], max_length=LINE_MAX,
                placeholder="~/exports/orders-2026.csv", id="path"))
            yield from self._field("map", _("Column mapping, optional: COLUMN=FIELD, COLUMN=FIELD "
                                            "(the board remembers it for files with the same columns)"),
                                   text_input(join_list(last.overrides), placeholder=_("Umsatz=amount, Datum=date"),
                                              id="map"))
            yield from self._field("join", _("Join, optional: FILE:KEY (or FILE:KEY=ITS_KEY), ..."), text_input(
                join_list(last.joins), placeholder="sales_teams.csv:sales_agent", id="join"))
            yield from self._field("period", _("Period"), Select(
                [(plain_rich(_("month")), "month"), (plain_rich(_("quarter")), "quarter")],
                value=last.period, allow_blank=False, id="period"))
            yield from self._field("date_format", _("Dates, optional: dayfirst, monthfirst, iso or a format "
                                                    "such as %d.%m.%Y (when 03/04 could be either)"),
                                   text_input(last.date_format or "", placeholder="dayfirst", id="date_format"))
            yield from self._buttons(_("Run (enter)"))

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def action_save(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show_error("path", _("name a file to diagnose"))
            return
        paths = file_paths(text)
        if not paths:  # nothing but commas and quotes
            self.show_error("path", _("name a file to diagnose"))
            return
        if folder := next((Path(p) for p in paths if Path(p).is_dir()), None):
            self._folder_given(folder, text)
            return
        # (a Chinese input method's ，and 、 part the mapping's and the joins' items too)
        self.dismiss(RunRequest(paths, split_list(list_commas(self.query_one("#map", Input).value)),
                                [expand_join(j) for j in split_list(list_commas(self.query_one("#join", Input).value))],
                                self.query_one("#period", Select).value,
                                self.query_one("#date_format", Input).value.strip() or None))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def _folder_given(self, folder: Path, text: str) -> None:
        """A folder where a file was wanted ("Is a directory" said nothing useful): the record files
        it holds, and the box goes into it (`/` added) so that tab completes one of their names."""
        files = record_files_in(folder)
        if not files:
            self.show_error("path", _("{folder} is a folder, not a file, and holds no CSV, XLSX or XLS file").format(
                folder=folder))
        else:
            shown = ", ".join(files[:MOST_NAMED]) + (", …" if len(files) > MOST_NAMED else "")
            self.show_error("path", _("{folder} is a folder, not a file; its sales files: {files} "
                                      "(type a name; tab completes it)").format(folder=folder, files=shown))
        box = self.query_one("#path", Input)
        if len(file_paths(text)) == 1 and not text.endswith("/"):
            box.value = text + "/"
            box.cursor_position = len(box.value)
        box.focus()


class NoteForm(FormBase):
    """Add or edit an interview note or a piece of customer feedback, with its tags."""

    field_names = ("kind", "source", "tags")

    def __init__(self, note: Note | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        heading = _("Edit {id}").format(id=note.id) if note else _("New note")
        with VerticalScroll(classes="dialog form"):
            yield FormHeading(heading, save_hint(self, "form.save", "form.cancel"))
            yield error_line("error-form")
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
            yield TickList(*(Selection(plain(_(TAG_LABELS[t])), t, bool(note and t in note.tags))
                                  for t in NOTE_TAGS), id="tags")
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#note-text-input", TextArea).focus()
        if self.note is not None:
            self.item = self.note.id
            self.remember_opened()

    def values(self) -> dict:
        return {"text": self.query_one("#note-text-input", TextArea).text,
                "kind": self.query_one("#kind", Select).value,
                "source": self.query_one("#source", Input).value,
                "tags": list(self.query_one("#tags", SelectionList).selected)}

    def action_save(self) -> None:
        board = self.app.board
        fields = self.values()
        if not fields["text"].strip():  # in the interface's language (the store says it in English)
            self.show_error("form", _("a note needs some text"))
            return
        if self.note is None:
            text = fields.pop("text")
            self.submit(lambda: board.add_note(text, **fields))
        else:
            self.submit(lambda: board.update_note(self.note.id, **self.changed_here(fields)))
