"""Forms of the pipeline: create or edit a deal, and log an activity on one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from sales.dates import DateError, parse_date
from sales.deals import Deal
from sales.errors import Invalid, UpliftError
from sales.text import TITLE_MAX
from sales.touches import TOUCH_TYPES
from tui.keys import save_hint, shown_key
from tui.user_text import plain, plain_rich, text_input, with_current

DATE_HINT = "YYYY-MM-DD, today, +30d, fri"
FIELDS = ("title", "account", "key_account", "owner", "stage", "value", "close", "next_step")


class FormBase(ModalScreen):
    """What the two forms share: labelled fields with an error line each; ctrl+s, escape."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]
    field_names: tuple[str, ...] = ()

    def _field(self, name: str, label: str, widget) -> ComposeResult:
        with Vertical(classes=f"field field-{name}"):
            yield Static(plain(label), classes="field-label")
            yield widget
            yield Static(classes="field-error", id=f"error-{name}")

    def _buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(plain(f"Save ({shown_key(self, 'form.save')})"), id="save", variant="primary")
            yield Button("Cancel (esc)", id="cancel")

    def show_error(self, field: str, message: str) -> None:
        for error in self.query(".field-error"):
            error.update("")
        name = field.split(".")[0].split("[")[0]
        target = f"#error-{name}" if name in self.field_names else "#error-form"
        self.query_one(target, Static).update(plain(message))
        if name in self.field_names:
            self.query_one(f"#{name}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()


class DealForm(FormBase):
    field_names = FIELDS

    def __init__(self, deal: Deal | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.deal = deal

    def compose(self) -> ComposeResult:
        board = self.app.board
        deal = self.deal
        members = [(plain_rich(m.name), m.name) for m in board.members()]
        stages = [(plain_rich(f"{s.name} ({s.probability}%)"), s.name) for s in board.stages()]
        with VerticalScroll(classes="dialog form"):
            yield Static(plain((f"Edit {deal.id}" if deal else "New deal") + "   " + save_hint(self)),
                         classes="dialog-question")
            yield Static(classes="field-error", id="error-form")
            yield from self._field("title", "Title", text_input(deal.title if deal else "", max_length=TITLE_MAX, id="title"))
            with Horizontal(classes="field-row"):
                yield from self._field("account", "Account", text_input(deal.account if deal else "", id="account"))
                yield from self._field("key_account", "Key account", Checkbox(
                    "key account", deal.key_account if deal else False, id="key_account"))
            with Horizontal(classes="field-row"):
                if members:
                    owner = deal.owner if deal else board.actor
                    yield from self._field("owner", "Owner", Select(
                        members, id="owner", prompt="nobody",
                        value=owner if owner in {m.name for m in board.members()} else Select.NULL))
                else:
                    yield from self._field("owner", "Owner", text_input(deal.owner or "" if deal else "", id="owner"))
                yield from self._field("stage", "Stage", Select(
                    with_current(stages, deal and deal.stage), id="stage", allow_blank=False, value=deal.stage if deal else stages[0][1]))
            with Horizontal(classes="field-row"):
                yield from self._field("value", "Value", text_input(
                    f"{deal.value:g}" if deal else "", id="value", type="number"))
                yield from self._field("close", "Expected close", text_input(
                    str(deal.close or "") if deal else "", placeholder=DATE_HINT, id="close"))
            yield from self._field("next_step", "Next step", text_input(deal.next_step if deal else "", id="next_step"))
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def values(self) -> dict:
        board = self.app.board
        fields: dict = {name: self.query_one(f"#{name}", Input).value
                        for name in ("title", "account", "next_step")}
        fields["key_account"] = self.query_one("#key_account", Checkbox).value
        for name in ("owner", "stage"):
            value = self.query_one(f"#{name}").value
            fields[name] = None if value in (Select.NULL, "") else value
        text = self.query_one("#value", Input).value.strip()
        try:
            fields["value"] = float(text) if text else 0.0
        except ValueError:
            raise Invalid("value", f"{text!r} is not an amount") from None
        text = self.query_one("#close", Input).value.strip()
        try:
            fields["close"] = parse_date(text, board.today()).isoformat() if text else ""
        except DateError as error:
            raise Invalid("close", str(error)) from None
        return fields

    def action_save(self) -> None:
        board = self.app.board
        try:
            fields = self.values()
            if self.deal is None:
                title = fields.pop("title")
                saved = board.add_deal(title, **{k: v for k, v in fields.items() if v != ""})
            else:
                saved = board.update_deal(self.deal.id, **fields)
        except Invalid as error:
            self.show_error(error.field, error.reason)
            return
        except UpliftError as error:
            self.show_error("form", str(error))
            return
        self.dismiss(saved)


class ActivityForm(FormBase):
    """Log a call, visit, meeting or email on a deal (and its account)."""

    field_names = ("type", "note")

    def __init__(self, deal: Deal) -> None:
        super().__init__(classes="dialog-screen")
        self.deal = deal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(plain(f"Log an activity on {self.deal.id} {self.deal.title}"), classes="dialog-question")
            yield Static(classes="field-error", id="error-form")
            yield from self._field("type", "Type", Select(
                [(plain_rich(t), t) for t in TOUCH_TYPES], id="type", allow_blank=False, value="call"))
            yield from self._field("note", "Note", text_input(id="note"))
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            touch = self.app.board.log_activity(self.query_one("#type", Select).value,
                                                self.query_one("#note", Input).value, deal=self.deal.id)
        except Invalid as error:
            self.show_error(error.field, error.reason)
            return
        except UpliftError as error:
            self.show_error("form", str(error))
            return
        self.dismiss(touch)
