"""Forms of the pipeline: create or edit a deal, log an activity on one, and record what its
customer paid (a lead's: under an incentive plan with `release: paid` it releases commission)."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select, Static

from sales.dates import DateError, parse_date
from sales.deals import Deal, outcome_of
from sales.errors import Invalid
from sales.numbers import parse_number
from sales.splits import parse_splits, read_splits, splits_text
from sales.text import NAME_MAX, TITLE_MAX
from sales.touches import TOUCH_TYPES
from tui.i18n import N_, _, bracketed, enumerated
from tui.keys import save_hint
from tui.number_text import form_number
from tui.screens.form_base import DATE_HINT, DATE_PLACEHOLDER, FormBase, Reading, error_line
from tui.user_text import plain, plain_rich, tell, text_input, with_current
from tui.widgets.form_heading import FormHeading
from tui.widgets.tick_list import TickBox

#: The payment form's day box is the form's width: its placeholder says it all.
PAID_ON_HINT = "YYYY-MM-DD, today, -3d, fri"
FIELDS = ("title", "account", "product", "key_account", "owner", "stage", "business", "value", "close", "forecast",
          "next_step", "splits", "strategy", "lost_reason")
#: Whether winning the deal brings a new customer (sales.deals.BUSINESS_KINDS), as the form offers it.
#: Short enough for the closed box a third of the form wide at 80 columns (`new if its first win`
#: and `existing customer` wrapped it over two lines); "by first win" as the Forecast box's "by stage".
BUSINESS_CHOICES = (("auto", N_("by first win")), ("new", N_("new customer")),
                    ("existing", N_("existing")))
#: How a deal counts in the forecast (sales.deals.FORECAST_CATEGORIES), as the form offers them.
FORECAST_CHOICES = (("auto", N_("by stage")), ("commit", N_("commit")), ("best_case", N_("best case")),
                    ("omit", N_("left out")))


class DealForm(FormBase):
    field_names = FIELDS

    def __init__(self, deal: Deal | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.deal = deal

    def compose(self) -> ComposeResult:
        board = self.app.board
        deal = self.deal
        stages = [(plain_rich(f"{s.name} ({s.probability}%)"), s.name) for s in board.stages()]
        with VerticalScroll(classes="dialog form"):
            yield FormHeading(_("Edit {id}").format(id=deal.id) if deal else _("New deal"), save_hint(self))
            yield error_line("error-form")
            yield from self._field("title", _("Title"), text_input(deal.title if deal else "", max_length=TITLE_MAX, id="title"))
            with Horizontal(classes="field-row"):
                yield from self._field("account", _("Account"), text_input(deal.account if deal else "", id="account"),
                                       error=False)
                yield from self._field("product", _("Product"), text_input(
                    deal.product if deal else "", id="product", max_length=NAME_MAX, suggester=SuggestFromList(known_products(board),
                                                                                          case_sensitive=False)), error=False)
                yield from self._field("key_account", _("Key account"), TickBox(
                    _("key account"), deal.key_account if deal else False, id="key_account"), error=False)
            yield from self._row_errors(("account", _("Account")), ("product", _("Product")),
                                        ("key_account", _("Key account")))
            with Horizontal(classes="field-row"):
                yield from self._owner_field("deal.edit" if deal else "deal.add",
                                             deal.owner if deal else board.actor, say_why=False, error=False)
                yield from self._field("stage", _("Stage"), Select(
                    with_current(stages, deal and deal.stage), id="stage", allow_blank=False,
                    value=deal.stage if deal else stages[0][1]), error=False)
                yield from self._field("business", _("Customer"), Select(
                    [(plain_rich(_(label)), value) for value, label in BUSINESS_CHOICES], id="business",
                    allow_blank=False, value=deal.business if deal else "auto"), error=False)
            yield from self._row_errors(("owner", _("Owner")), ("stage", _("Stage")), ("business", _("Customer")))
            with Horizontal(classes="field-row"):
                yield from self._field("value", _("Value"), text_input(
                    form_number(deal.value) if deal else "", id="value", placeholder=_("48000, 48k, 1.2M")), error=False)
                yield from self._field("close", _("Expected close"), text_input(
                    str(deal.close or "") if deal else "", placeholder=DATE_PLACEHOLDER, id="close"), error=False)
                yield from self._field("forecast", _("Forecast"), Select(
                    [(plain_rich(_(label)), value) for value, label in FORECAST_CHOICES], id="forecast",
                    allow_blank=False, value=deal.forecast if deal else "auto"), error=False)
            yield from self._row_errors(("value", _("Value")), ("close", _("Expected close")),
                                        ("forecast", _("Forecast")))
            yield from self._hint(_(DATE_HINT))
            yield from self._field("next_step", _("Next step"), text_input(deal.next_step if deal else "", id="next_step"))
            splitter = board.may("deal.split")
            yield from self._field("splits", _("Split credit (other reps' shares; the owner keeps the rest)") + (
                "" if splitter else " · " + _("a lead's to change")), text_input(
                splits_text(deal.splits) if deal else "", placeholder=split_example(board, deal) if splitter else "",
                id="splits", disabled=not splitter))
            strategies = [(plain_rich(f"{s.id}  {s.title}"), s.id) for s in board.strategies()]
            # (the campaign that brought it, counted for it in the review; a row of its own: beside
            # it, the lost reason's suggestions were cut at 80 columns)
            yield from self._field("strategy", _("Strategy (that brought it)"), Select(
                with_current(strategies, deal and deal.strategy), id="strategy", prompt=_("no strategy"),
                value=deal.strategy if deal and deal.strategy else Select.NULL))
            yield from self._field("lost_reason", _("Lost reason (when lost)"), reason_input(
                board, deal.lost_reason if deal else ""))
            if deal is not None and (deal.payments or outcome_of(deal, board.stages()) == "won"):
                yield Static(plain(payments_text(deal, board.today())), classes="dialog-hint", id="deal-payments")
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        if self.deal is not None:
            self.item = self.deal.id
            self.remember_opened()

    def values(self) -> dict:
        board = self.app.board
        fields: dict = {name: self.query_one(f"#{name}", Input).value
                        for name in ("title", "account", "product", "next_step", "lost_reason")}
        fields["key_account"] = self.query_one("#key_account", Checkbox).value
        for name in ("owner", "stage", "forecast", "business"):
            value = self.query_one(f"#{name}").value
            fields[name] = None if value in (Select.NULL, "") else value
        strategy = self.query_one("#strategy", Select).value
        fields["strategy"] = "" if strategy in (Select.NULL, None) else strategy  # ("": none, cleared on an edit)
        if not any(s.name == fields["stage"] and s.outcome == "lost" for s in board.stages()):
            fields["lost_reason"] = ""  # moved out of the lost stage here: no longer lost for a reason
        reading = Reading()
        with reading.field():
            if not fields["title"].strip():
                raise Invalid("title", "a deal needs a title")
        with reading.field():
            try:
                fields["splits"] = parse_splits(self.query_one("#splits", Input).value)
            except ValueError as error:
                raise Invalid("splits", error) from None
            read_splits(fields["owner"], fields["splits"])  # (with the other fields' problems)
        text = self.query_one("#value", Input).value.strip()
        with reading.field():
            try:
                fields["value"] = parse_number(text) if text else 0.0
            except ValueError:
                raise Invalid("value", "{text!r} is not an amount", text=text) from None
        text = self.query_one("#close", Input).value.strip()
        with reading.field():
            try:
                fields["close"] = parse_date(text, board.today()).isoformat() if text else ""
            except DateError as error:
                raise Invalid("close", error) from None
        reading.done()
        return fields

    def action_save(self) -> None:
        self.submit(self._save_deal)

    def _save_deal(self) -> Deal:
        board = self.app.board
        fields = self.values()
        if self.deal is None:
            title = fields.pop("title")
            fields["owner"] = fields["owner"] or ""  # "nobody": nobody's, not the actor's
            return board.add_deal(title, **{k: v for k, v in fields.items() if v != "" or k == "owner"})
        deal = board.update_deal(self.deal.id, **self.changed_here(fields))
        tell_payments_kept(self, self.deal, deal)
        return deal


def payments_text(deal: Deal, today: date | None = None) -> str:
    """What the customer has paid on the deal, and each payment (`$` on the pipeline adds one);
    one dated after `today` is marked: it is received, and releases commission, from its day."""
    from sales.deals import paid_on
    from sales.payout import money, pct

    paid = paid_on(deal)
    said = _("Customer paid {paid} of {value}").format(paid=money(paid), value=money(deal.value))
    if deal.value:
        said += bracketed(pct(paid / deal.value * 100))
    lines = [said] + [f"  {p.on}  {money(p.amount)}" + (f"  {p.note}" if p.note else "")
                      + ("  " + _("(after today: counts from that day)") if today and p.on > today else "")
                      for p in deal.payments]
    return "\n".join(lines)


def known_products(board) -> list[str]:
    """The products the board's deals and incentive plans name, for the product box to complete."""
    named = [deal.product for deal in board.deals() if deal.product]
    named += [rate.product for plan in board.incentive_plans() for rate in plan.product_rates]
    return sorted(set(named), key=str.casefold)


def split_example(board, deal: Deal | None) -> str:
    """How splits are typed, with two of the board's reps other than the owner where it has them."""
    owner = deal.owner if deal else board.actor
    reps = [m.name for m in board.members() if m.role == "rep" and m.name != owner][:2]
    first, second = reps if len(reps) == 2 else ("bo", "cy")
    return _("e.g. {first} 40, {second} 10").format(first=first, second=second)


def reason_input(board, value: str = "", **options) -> Input:
    """A lost reason's box, completing the board's reasons (then the usual ones) as one types."""
    from tui.winloss_text import usual_reasons

    reasons = board.lost_reasons(usual_reasons())
    return text_input(value, id="lost_reason", max_length=NAME_MAX, placeholder=", ".join(reasons[:4]) + ", …",
                      suggester=SuggestFromList(reasons, case_sensitive=False), **options)


class DealMoveForm(FormBase):
    """A dialog asked as a deal is closed: the deal, the stage it moves to, and the save key saying so."""

    def __init__(self, deal: Deal, stage: str) -> None:
        super().__init__(classes="dialog-screen")
        self.deal, self.stage = deal, stage
        self.save_key_says(_("Move to {stage}").format(stage=stage))


class LostReasonForm(DealMoveForm):
    """Asked as a deal is moved to the lost stage: why? Saving moves it with the reason (blank:
    with none); escape leaves it where it was."""

    field_names = ("lost_reason",)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(plain(_("Why was {id} {title} lost?").format(id=self.deal.id, title=self.deal.title)),
                         classes="dialog-question")
            yield error_line("error-form")
            yield from self._field("lost_reason", _("Lost reason"), reason_input(self.app.board))
            if any(s.name == self.deal.stage and s.outcome == "won" for s in self.app.board.stages()):
                yield Static(plain(_("{id} is won: lost now, it is lost after it was won, and the commission it "
                                     "earned is clawed back. Won by mistake? Escape, then ctrl+z takes the win "
                                     "back; x marks an open deal lost.").format(id=self.deal.id)),
                             classes="dialog-hint field-warning")
            yield Static(plain(_("→ takes the suggestion · enter moves it to {stage} · escape leaves it where it is")
                               .format(stage=self.stage)), classes="dialog-hint")
            yield from close_tasks_box(self.app.board, self.deal)
            yield from self._buttons(_("Move to {stage}").format(stage=self.stage))

    def on_mount(self) -> None:
        self.query_one("#lost_reason", Input).focus()

    @on(Input.Submitted, "#lost_reason")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        reason = self.query_one("#lost_reason", Input).value.strip()
        close = closing_tasks(self)
        def move():
            deal = self.app.board.move_deal(self.deal.id, self.stage, reason, close_tasks=close)
            tell_payments_kept(self, self.deal, deal)
            return deal
        self.submit(move)


def close_tasks_box(board, deal: Deal) -> ComposeResult:
    """A won or lost deal's open follow-ups, named, with a box to mark them done in the same
    change (one undo): left open, they turn overdue in My day for a deal no longer in play."""
    tasks = board.open_tasks_for(deal.id)
    if tasks:
        yield Checkbox(plain_rich(_("Also mark its open tasks done: {tasks}").format(
            tasks=enumerated(f"{t.id} {t.title}" for t in tasks))), id="close_tasks")


def closing_tasks(form: FormBase) -> bool:
    """Whether the form's box says to mark the deal's open tasks done (no box: it has none)."""
    boxes = form.query("#close_tasks")
    return bool(boxes) and boxes.first(Checkbox).value


class WonForm(DealMoveForm):
    """Asked as a deal is marked won (`v` on the pipeline): straight to the won stage, not through
    each stage between (which would add a 0-day stay to each). Enter moves it; escape leaves it."""

    field_names = ("close_tasks",)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(plain(_("Mark {id} {title} won ({value})?").format(
                id=self.deal.id, title=self.deal.title, value=f"{self.deal.value:,.0f}")), classes="dialog-question")
            yield error_line("error-form")
            yield from close_tasks_box(self.app.board, self.deal)
            yield Static(plain(_("enter moves it to {stage} · escape leaves it where it is").format(stage=self.stage)),
                         classes="dialog-hint")
            yield from self._buttons(_("Move to {stage}").format(stage=self.stage))

    def on_mount(self) -> None:
        self.query_one("#save").focus()

    def action_save(self) -> None:
        close = closing_tasks(self)
        self.submit(lambda: self.app.board.move_deal(self.deal.id, self.stage, close_tasks=close))


class ActivityForm(FormBase):
    """Log a call, visit, meeting or email on a deal (and its account), and set its next step and
    that step's date in the same change (prefilled with the deal's: left as they are, only the
    activity is logged)."""

    field_names = ("type", "note", "next_step", "next_due")

    def __init__(self, deal: Deal) -> None:
        super().__init__(classes="dialog-screen")
        self.deal = deal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield FormHeading(_("Log an activity on {id} {title}").format(id=self.deal.id, title=self.deal.title),
                              save_hint(self))
            yield error_line("error-form")
            yield from self._field("type", _("Type"), Select(
                [(plain_rich(_(t)), t) for t in TOUCH_TYPES], id="type", allow_blank=False, value="call"))
            yield from self._field("note", _("Note"), text_input(id="note"))
            yield from self._field("next_step", _("Next step"), text_input(self.deal.next_step, id="next_step"))
            yield from self._field("next_due", _("Next step due"), text_input(
                str(self.deal.next_due or ""), placeholder=DATE_PLACEHOLDER, id="next_due"))
            yield from self._hint(_(DATE_HINT))
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.submit(self._log)

    def _log(self):
        board = self.app.board
        step = self.query_one("#next_step", Input).value
        text = self.query_one("#next_due", Input).value.strip()
        try:
            due = parse_date(text, board.today()) if text else None
        except DateError as error:
            raise Invalid("next_due", error) from None
        return board.log_activity(
            self.query_one("#type", Select).value, self.query_one("#note", Input).value, deal=self.deal.id,
            # (only what was changed here: a rep who may log on a deal but not edit it logs as before)
            next_step=None if step.strip() == self.deal.next_step.strip() else step,
            next_due=None if due == self.deal.next_due else (due.isoformat() if due else ""))


class PaymentForm(FormBase):
    """Record money the customer paid on a won deal: amount, day (today unless given), and the
    invoice or reference. A lead's (it releases commission under `release: paid`)."""

    field_names = ("amount", "on", "note")

    def __init__(self, deal: Deal) -> None:
        super().__init__(classes="dialog-screen")
        self.deal = deal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield FormHeading(_("What has the customer paid on {id} {title}?").format(
                id=self.deal.id, title=self.deal.title), save_hint(self))
            yield Static(plain(payments_text(self.deal, self.app.board.today())), classes="dialog-hint")
            yield error_line("error-form")
            yield from self._field("amount", _("Amount paid"), text_input(id="amount", placeholder=_("12000, 12k")))
            yield from self._field("on", _("Paid on"), text_input(placeholder=PAID_ON_HINT, id="on"))
            yield from self._field("note", _("Invoice or reference"), text_input(id="note", max_length=NAME_MAX))
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.submit(self._record)

    def _record(self) -> Deal:
        board = self.app.board
        reading = Reading()
        amount = day = None
        text = self.query_one("#amount", Input).value.strip()
        with reading.field():
            try:
                amount = parse_number(text)
            except ValueError:
                raise Invalid("amount", "{text!r} is not an amount", text=text) from None
        text = self.query_one("#on", Input).value.strip()
        with reading.field():
            try:
                day = parse_date(text, board.today()) if text else None
            except DateError as error:
                raise Invalid("on", error) from None
        reading.done()
        return board.record_payment(self.deal.id, amount, day, self.query_one("#note", Input).value)


def tell_payments_kept(widget, old: Deal, deal: Deal) -> None:
    """A notification when a deal its customer paid on leaves won (sales.deals.payments_kept)."""
    from sales.deals import payments_kept
    from tui.i18n import say

    note = payments_kept(old, deal, widget.app.board.stages())
    if note:
        tell(widget, say(note))
