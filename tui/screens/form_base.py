"""The base of Uplift's forms: one place for their fields, keys, buttons and error lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from sales.errors import Invalid, Reason, Refused, UpliftError
from tui.i18n import N_, _, enumerated, said, said_reason
from tui.keys import shown_key
from tui.user_text import plain
from tui.widgets.footer import Footer

#: A date box's placeholder, short enough for a box a third of a form wide at 80 columns;
#: the other ways to write a date are in a hint under the row (FormBase._hint).
DATE_PLACEHOLDER = "YYYY-MM-DD"
DATE_HINT = N_("Dates: YYYY-MM-DD, 31/12/2026, 12/25, today, +3d, -1w or a weekday (fri)")


class FieldErrors(UpliftError):
    """Several fields a form could not read at once (dates, amounts): each is shown next to
    its field, so that one save names every one of them (FormBase.submit). Its own message, for
    anything else that says an UpliftError, is the first of them with a count of the others,
    said in the interface's language as any error is."""

    def __init__(self, errors: list[Invalid]) -> None:
        first, *others = errors
        super().__init__(Reason("{error} (and {count} more)", error=first, count=len(others)) if others
                         else Reason("{error}", error=first))
        self.errors = errors


class Reading:
    """Collects what a form's fields say is wrong while it reads them: ``with reading.field():``
    around each, then ``reading.done()`` raises them all together (FieldErrors)."""

    def __init__(self) -> None:
        self.errors: list[Invalid] = []

    @contextmanager
    def field(self) -> Iterator[None]:
        try:
            yield
        except Invalid as error:
            self.errors.append(error)

    def done(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise FieldErrors(self.errors)


def error_line(id: str, field: str | None = None) -> Static:
    """A form's line for an error (under a field, or `error-form` under the heading): it takes no
    room while empty (the `.field-error` rule hides it until `show_errors` sets `-shown`), so that
    two or three more fields fit at 80x24. `field`: the field's label, for a line under a row of
    fields rather than under its own box, which says whose error it is (`Baseline: ...`)."""
    line = Static(classes="field-error", id=id)
    line.said_of = field
    return line


class FormBase(ModalScreen):
    """What every form shares: labelled fields with an error line each, ctrl+s saves, escape
    cancels, and a save that shows a refusal next to its field (or at the top)."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]
    field_names: tuple[str, ...] = ()

    @on(events.Mount)
    def _own_footer(self) -> None:
        """Its own keys in a footer (save, cancel): a modal form stops the keys of the screen
        beneath, whose footer, still in sight, promised them."""
        self.mount(Footer())

    def save_key_says(self, words: str) -> None:
        """The footer says what the save key does, as the form's button does ("Close goal",
        "Move to Lost"), not "Save"."""
        bindings = self._bindings.key_to_bindings  # (this form's own copy of its class's)
        for key, listed in bindings.items():
            bindings[key] = [replace(b, description=words) if b.id == "form.save" else b for b in listed]

    def _field(self, name: str, label: str, widget, error: bool = True) -> ComposeResult:
        """A labelled box; `error`: with its error line under it (a box in a row of fields has
        its line under the row instead: `_row_errors`)."""
        with Vertical(classes=f"field field-{name}"):
            yield Static(plain(label), classes="field-label")
            yield widget
            if error:
                yield error_line(f"error-{name}")

    def _row_errors(self, *fields: tuple[str, str]) -> ComposeResult:
        """The error lines of a row of fields (name, label), under the row at the form's width,
        each named for its field (`Due: ...`): under a third-width box at 80x24 one wrapped into
        many narrow lines."""
        for name, label in fields:
            yield error_line(f"error-{name}", label)

    def _owner_field(self, action: str, owner: str | None, *, say_why: bool = True,
                     error: bool = True) -> ComposeResult:
        """The Owner box of a task or a deal (`action`: task.add, deal.edit …): every member for
        whoever may give work to others; a rep, who may not, sees it fixed at themselves (the
        store would refuse another owner only after the whole form was filled in). `say_why`:
        the label says it is a lead's to change (a label in a row of fields has no room); `error`:
        its error line under it (not in a row: `_row_errors`)."""
        from textual.widgets import Select

        from tui.user_text import plain_rich, text_input

        board = self.app.board
        names = [m.name for m in board.members()]
        if not names:
            yield from self._field("owner", _("Owner"), text_input(owner or "", id="owner"), error)
            return
        others = [name for name in names if name != board.actor]
        if not others or board.may(action, owner=board.actor, new_owner=others[0]):
            yield from self._field("owner", _("Owner"), Select(
                [(plain_rich(name), name) for name in names], id="owner", prompt=_("nobody"),
                value=owner if owner in names else Select.NULL), error)
            return
        label = _("Owner") + (" · " + _("a lead's to change") if say_why else "")
        yield from self._field("owner", label, Select(
            [(plain_rich(board.actor), board.actor)], id="owner", allow_blank=False, value=board.actor,
            disabled=True), error)

    def _hint(self, text: str) -> ComposeResult:
        """A muted line under a row of fields saying how to fill them: a box beside others is
        too narrow at 80 columns for a placeholder that says it all (it would be cut)."""
        yield Static(plain(text), classes="field-hint")

    def _buttons(self, label: str | None = None) -> ComposeResult:
        """Save and Cancel; `label` names the save button otherwise (a form that runs something)."""
        with Horizontal(classes="dialog-buttons"):
            label = label or _("Save ({key})").format(key=shown_key(self, 'form.save'))
            yield Button(plain(label), id="save", variant="primary")
            yield Button(_("Cancel ({key})").format(key=shown_key(self, "form.cancel")), id="cancel")

    #: The id of the item the form edits (T-4, D-2, G-1 ...), for a save to see who changed it
    #: since the form opened (`changed_here`); None for a form that makes one.
    item: str | None = None

    def remember_opened(self) -> None:
        """Keep what the fields hold as the form opens, read as a save reads them, so that a save
        sends only what was changed here (`changed_here`): what someone else changed meanwhile
        (a rep over SSH, a script, the lead in another terminal) is not written back over. And
        the item's newest change then, so that a save can see whether a field changed here was
        also changed since by someone (`changed_here` then asks first)."""
        try:
            self.opened: dict | None = self.values()
        except UpliftError:  # an item that does not read back whole: a save sends every field
            self.opened = None
        if self.item is not None:
            newest = self.app.board.history(item=self.item, limit=1)
            self.seen_change = newest[0].seq if newest else 0

    def changed_here(self, fields: dict, read: Callable[[dict], dict] | None = None) -> dict:
        """The fields whose values differ from those the form opened with; `read`: how the form's
        values become the item's fields (a form that keeps its widgets' values as they are)."""
        opened = getattr(self, "opened", None)
        if opened is not None and read is not None:
            try:
                opened = read(opened)
            except UpliftError:
                opened = None
        changed = fields if opened is None else {
            name: value for name, value in fields.items() if name not in opened or opened[name] != value}
        self._not_over_others(changed)
        return changed

    def _not_over_others(self, changed: dict) -> None:
        """Refused, once, when a field changed here was changed by someone since the form opened
        (ali moved the task over SSH while the lead edited its status): saving would put the
        lead's value over theirs unseen. The form says who; saving again goes ahead."""
        seen = getattr(self, "seen_change", None)
        if self.item is None or seen is None or not changed:
            return
        since = []
        for record in self.app.board.history(item=self.item):  # (newest first)
            if record.seq <= seen:
                break
            if set(record.after or {}) & set(changed):
                since.append(record)
        if since:
            self.seen_change = since[0].seq  # said once: the next save puts this form's values
            people = enumerated(sorted({r.actor for r in since}))
            raise Refused("{people} changed {item} since this form opened: {key} again saves yours over "
                          "theirs, esc cancels", people=people, item=self.item, key=shown_key(self, "form.save"))

    def show_error(self, field: str, message: str) -> None:
        self.show_errors([(field, message)])

    def field_of(self, field: str) -> str | None:
        """The form's field an error's `field` names (`steps[0].text` is `steps`), or None:
        it is then shown at the top of the form."""
        name = field.split(".")[0].split("[")[0]
        return name if name in self.field_names else None

    def field_widget(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def show_errors(self, errors: list[tuple[str, str]]) -> None:
        """Each (field, message) next to its field (or at the top); the first such field focused
        and its error line scrolled into view (focusing alone may leave the line below the view),
        or the top line when no error has a field of its own."""
        for error in self.query(".field-error"):
            error.update("")
            error.remove_class("-shown")
        first = None
        for field, message in errors:
            name = self.field_of(field)
            line = self.query_one(f"#error-{name}" if name else "#error-form", Static)
            of = getattr(line, "said_of", None)
            line.update(plain(_("{name}: ").format(name=of) + message if of else message))
            line.add_class("-shown")
            if name and first is None:
                self.field_widget(name).focus()
                first = line
        # (after the layout has given the line, hidden while empty, its height)
        self.call_after_refresh((first or self.query_one("#error-form", Static)).scroll_visible, animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def submit(self, save: Callable[[], Any]) -> None:
        """Run `save`; close the form with its result, or show why it was refused."""
        try:
            result = save()
        except FieldErrors as errors:
            self.show_errors([(error.field, said_reason(error)) for error in errors.errors])
            return
        except Invalid as error:
            self.show_error(error.field, said_reason(error))
            return
        except UpliftError as error:
            self.show_error("form", said(error))
            return
        self.dismiss(result)
