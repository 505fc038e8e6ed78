"""A modal form built from a list of fields; saving calls a function, whose Invalid lands next to its field.

Used for the small forms of the goals and budget screens (check-in, strategy, budget request,
decision, spending). Each field is (name, label, widget); a tuple of fields is one row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Union

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from tui.i18n import _
from tui.keys import save_hint, shown_key
from tui.screens.form_base import FormBase, error_line
from tui.user_text import plain
from tui.widgets.form_heading import FormHeading

class Hint(str):
    """A row that is a muted line of how to fill the row above it (dates, amounts): the boxes of
    a row are too narrow at 80 columns for placeholders that say it all."""


Field = tuple[str, str, Widget]
Row = Union[Field, tuple[Field, ...], Hint]


def widget_value(widget: Widget) -> Any:
    """What a field holds: text, a chosen value (None for none), or the ticked values."""
    if isinstance(widget, Select):
        return None if widget.value in (Select.NULL, "") else widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    if isinstance(widget, TextArea):
        return widget.text
    return widget.value


class FieldsForm(FormBase):

    def __init__(self, heading: str, rows: Sequence[Row], save: Callable[[dict], Any], *,
                 note: str = "", action: str | None = None, required: Sequence[str] = ()) -> None:
        """`note`: a warning under the heading, to read before saving; `action`: what the save
        button says instead of Save (a form that does something: "Mark paid"); `required`: the
        fields a save needs filled in, said next to each in the interface's language (the store
        says it too, but in English, and for a number as "'' is not a number")."""
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.rows = rows
        self.save = save
        self.note = note
        self.action = action
        self.required = tuple(required)
        self.names: list[str] = []
        if action:
            self.save_key_says(action)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield FormHeading(self.heading, save_hint(self))
            if self.note:
                yield Static(plain(self.note), classes="form-note", id="form-note")
            yield error_line("error-form")
            for row in self.rows:
                if isinstance(row, Hint):
                    yield from self._hint(row)
                elif isinstance(row[0], tuple):
                    with Horizontal(classes="field-row"):
                        for field in row:
                            yield from self._field(*field, error=False)
                    # the row's errors under it, the form's width: under a quarter-width box
                    # (Baseline at 80x24) one wrapped into ten narrow lines
                    yield from self._row_errors(*((name, label) for name, label, _widget in row))
                else:
                    yield from self._field(*row)
            yield from self._buttons(self.action and _("{action} ({key})").format(
                action=self.action, key=shown_key(self, "form.save")))

    def _field(self, name: str, label: str, widget: Widget, error: bool = True) -> ComposeResult:
        self.names.append(name)
        widget.id = f"field-{name}"
        with Vertical(classes=f"field field-{name}"):
            yield Static(plain(label), classes="field-label")
            yield widget
            if error:
                yield error_line(f"error-{name}")

    def on_mount(self) -> None:
        if self.names:
            self.field(self.names[0]).focus()
        self.remember_opened()  # (an edit sends only what was changed here: changed_here)

    def field(self, name: str) -> Widget:
        return self.query_one(f"#field-{name}")

    def values(self) -> dict:
        return {name: widget_value(self.field(name)) for name in self.names}

    def field_of(self, field: str) -> str | None:
        """The innermost of the form's fields that `field` names (`scope.region` is `region`)."""
        parts = field.replace("[", ".").split(".")
        return next((p for p in reversed(parts) if p in self.names), None)

    def field_widget(self, name: str) -> Widget:
        return self.field(name)

    def action_save(self) -> None:
        values = self.values()
        empty = [(name, _("must not be empty")) for name in self.required if not str(values[name] or "").strip()]
        if empty:
            self.show_errors(empty)
            return
        self.submit(lambda: self.save(values))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
