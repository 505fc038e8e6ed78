"""Coaching notes on a rep (`k` on the Review screen, "Coaching notes" in the palette): what a lead
wrote down to work on with them, as `uplift coach ali` lists it, where a lead looks at the rep.

Private, as Lattice keeps 1:1 notes: a lead picks any rep and reads every note on them (`n` writes
one); a rep reads only the notes about themselves; anyone else, none (store.touches.coaching_notes
decides what is read; the store refuses a rep's `n`, said at once here).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, DataTable, Select, Static

from sales.errors import UpliftError
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key, permitted
from tui.time_text import when
from tui.user_text import plain, plain_rich, tell, text_area
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer

COLUMNS = (N_("When"), N_("By"), N_("Note"))  # after ID (as every table says it)


class CoachingScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="coaching.close"),
        Binding("n", "new_note", N_("New note"), id="coaching.new"),
        help_key("coaching"),
    ]

    def __init__(self, rep: str | None = None) -> None:
        super().__init__()
        self.rep = rep

    def offers(self, action: str) -> bool:
        """Whether the footer shows the key of `action`: writing a note is a lead's (pressed by a
        rep, `n` still says the rule)."""
        return action != "new_note" or self.app.board.may("coaching.add")

    def reps(self) -> list[str]:
        """The reps whose notes the actor may read: every rep for a lead, themselves for a rep."""
        board = self.app.board
        if board.role == "lead":
            return board.reps()
        return [board.actor] if board.role == "rep" else []

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog forecast", can_focus=False):
            yield Static(plain(_("Coaching notes")), classes="dialog-question")
            yield Select([], prompt=_("Rep"), allow_blank=True, id="coaching-rep")
            # the note takes the room the other columns leave, on up to three lines: at 80 columns it
            # ran off the dialog's edge mid-word
            yield FillTable(cursor_type="row", zebra_stripes=True, id="coaching-notes", fill=("note",), lines=3)
            yield Static(id="coaching-empty")
            yield Static(plain(_("{new} new note (a lead's) · {close} close").format(
                new=shown_key(self, "coaching.new"), close=shown_key(self, "coaching.close"))
                if self.offers("new_note") else _("{close} close").format(close=shown_key(self, "coaching.close"))),
                classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#coaching-notes", DataTable)
        for key, name in zip(("id", "when", "by", "note"), ("ID", *(_(name) for name in COLUMNS))):
            table.add_column(plain_rich(name), key=key)
        reps = self.reps()
        select = self.query_one("#coaching-rep", Select)
        select.set_options([(plain_rich(rep), rep) for rep in reps])
        if reps:
            select.value = self.rep if self.rep in reps else reps[0]
        self.show()
        self.query_one("#coaching-notes", DataTable).focus()

    def picked(self) -> str | None:
        value = self.query_one("#coaching-rep", Select).value
        return value if isinstance(value, str) else None

    @on(Select.Changed, "#coaching-rep")
    def _rep_changed(self) -> None:
        self.show()

    def show(self) -> None:
        table = self.query_one("#coaching-notes", DataTable)
        table.clear()
        rep = self.picked()
        empty = self.query_one("#coaching-empty", Static)
        if rep is None:
            empty.update(plain(_("No coaching notes to read: they are read by the leads and the rep they are about.")))
            return
        try:
            notes = self.app.board.coaching_notes(rep)
        except UpliftError as error:
            tell(self, error, "error")
            return
        for note in reversed(notes):  # (newest first, as the feed)
            words = note.note.replace("\n", " ")
            if note.private:
                words = _("(private) {note}").format(note=words)
            table.add_row(*(plain_rich(cell) for cell in (note.id, when(note.at.isoformat()), note.by, words)), key=note.id)
        empty.update(plain("" if notes else _("No coaching notes on {rep} yet.").format(rep=rep)))

    def action_new_note(self) -> None:
        from tui.screens.fields_form import FieldsForm

        rep = self.picked()
        if not permitted(self, "coaching.add"):
            return
        if rep is None:
            tell(self, _("No rep to write a note on: add one with `uplift member add NAME --role rep`"), "warning")
            return
        board = self.app.board

        def save(values: dict):
            return board.add_coaching_note(rep, values["note"], private=bool(values["private"]))

        def saved(_made) -> None:
            self.show()

        self.app.push_screen(FieldsForm(_("Coaching note on {rep}").format(rep=rep),
                                        [("note", _("Note"), text_area("")),
                                         ("private", "", Checkbox(plain_rich(_("Private: for the leads, not {rep}").format(
                                             rep=rep)), value=False))], save, required=("note",)), saved)
