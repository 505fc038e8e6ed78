"""Payout approvals (phase 5): a lead signs off a rep's payout statement for the cycle, as
commission tools lock a period's statements before payroll. The approval keeps the statement as
it stood (its lines and total), so a deal moved afterwards shows as a change against what was
approved, instead of quietly changing what the rep was told.

Once payroll has paid an approved statement, the lead marks the approval paid (when, by whom,
the payroll's reference). An approval is the whole statement for the cycle, so what has been
paid for the cycle is the most an approval marked paid said (payroll pays the difference up
to each one and never takes money back), and what is *to pay* is the latest approval's total
less that: after a deal moved and the statement was approved again, only the difference is left
to pay. An approval below what was paid is not a payment below zero: the difference was paid
beyond it (`overpaid`), a recoverable balance the next cycle not yet paid nets, as a statement
below zero carries its balance on (sales/payout.py).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import msgspec

from sales.numbers import cents
from sales.phrases import Phrase, as_builtins, kept
from sales.tasks import LongText, Ref
from sales.text import TEXT_MAX, clean_multiline

if TYPE_CHECKING:
    from sales.payout import Statement  # (which refers to Approval: imported here only for types)


class ApprovedLine(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    text: Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
    amount: float | None = None
    #: the line's template and values (sales.phrases.as_builtins), so it is said in any language
    said: dict[Annotated[str, msgspec.Meta(max_length=TEXT_MAX)], Any] | None = None

    def shown(self) -> str:
        """The line as approved: the Phrase it was (said in the reader's language), else its
        English (a `said` edited by hand that does not make that English is not believed)."""
        try:
            phrase = kept(self.said, self.text)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return self.text
        return phrase if str(phrase) == self.text else self.text


class Approval(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str  # P-3
    rep: Ref
    plan: Ref | None = None  # the incentive plan the statement was made under
    start: date | None = None  # the cycle it is for
    end: date | None = None
    total: float
    lines: list[ApprovedLine] = []
    by: Ref
    at: datetime
    note: LongText = ""
    paid_at: datetime | None = None  # when payroll paid it (marked by a lead)
    paid_by: Ref | None = None
    paid_ref: LongText = ""  # the payroll run's reference

    def __post_init__(self) -> None:
        self.note = clean_multiline(self.note)
        self.paid_ref = clean_multiline(self.paid_ref)


class PayoutHold(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A lead's hold on one rep's payout statement for a cycle (a dispute: "Disputed split on
    D-7"), as commission tools let a statement be held out of a payroll run: until a lead
    releases it, the statement is not approved, marked paid or exported for payroll, and the
    rep reads the hold and its reason on it."""

    id: str  # W-2
    rep: Ref
    start: date | None = None  # the cycle it holds
    end: date | None = None
    reason: LongText
    by: Ref
    at: datetime
    released_at: datetime | None = None  # when a lead released it (None: it holds)
    released_by: Ref | None = None

    def __post_init__(self) -> None:
        self.reason = clean_multiline(self.reason)


def approval_fields(statement: "Statement", start: date | None, end: date | None) -> dict:
    """What an approval of `statement` keeps (without its id, approver and time)."""
    return {"rep": statement.rep, "plan": statement.plan, "start": start, "end": end, "total": statement.total,
            "lines": [{"text": str(line.text), "amount": line.amount,  # (the English, and its template)
                       "said": as_builtins(line.text) if isinstance(line.text, Phrase) else None}
                      for line in statement.lines]}


def paid_so_far(approvals: list[Approval]) -> float | None:
    """What has been paid for a rep's cycle, of their approvals for it (oldest first): the most
    a paid approval said (each payment paid the difference up to it, none took money back);
    None when none is paid."""
    paid = [a.total for a in approvals if a.paid_at is not None]
    return max(paid) if paid else None


def to_pay(approval: Approval | None, paid: float | None) -> float | None:
    """What is left to pay of the latest approval, given what was paid (never below zero: what
    was paid beyond it is `overpaid`, carried on); None without approval."""
    if approval is None:
        return None
    return max(cents(approval.total - (paid or 0.0)), 0.0)


def overpaid(approval: Approval | None, paid: float | None) -> float:
    """Below zero: what was paid for the cycle beyond its latest approval (a paid statement
    approved again lower), a balance carried into the next cycle not yet paid; 0.0 when nothing was."""
    if approval is None or paid is None:
        return 0.0
    return min(cents(approval.total - paid), 0.0) + 0.0


def waits_for_approval(statement: "Statement") -> bool:
    """Whether a lead is asked to approve the statement: on a plan, never approved and with an
    amount in it (a new cycle's first days, nothing won yet: every line at 0.00, asking for five
    approvals of nothing), or approved and changed since (down to 0.00 too: what was approved no
    longer stands)."""
    if statement.plan is None:
        return False
    if statement.approval is not None:
        return not same_as_approved(statement.approval, statement)
    return bool(statement.total or statement.held or statement.carried_in or statement.carried_out
                or any(line.amount for line in statement.lines))


def payout_state(statement: "Statement") -> str:
    """Where a statement stands, for a team's overview (as QuotaPath lists it): `held`, `no plan`,
    `paid` or `approved` (as approved still), `to approve` (new, or changed since its approval) or
    `nothing to approve` (never approved, every amount 0.00: what approving everyone skips)."""
    if statement.hold is not None:
        return "held"
    if statement.plan is None:
        return "no plan"
    approval = statement.approval
    if approval is not None and same_as_approved(approval, statement):
        return "paid" if approval.paid_at is not None else "approved"
    return "to approve" if waits_for_approval(statement) else "nothing to approve"


def changed_since_approval(statement: "Statement") -> bool:
    """Whether the statement no longer says what its approval says (a deal moved since)."""
    return statement.approval is not None and not same_as_approved(statement.approval, statement)


def _as_said_now(line: ApprovedLine) -> tuple[str, float | None]:
    """An approved line's text and amount, its words brought up to date where only the words
    changed: a carry line approved as "balance of -800.00 carried into the next cycle: ..." or
    "800.00 owed, carried into the next cycle as a balance: ..." is the same line as "800.00
    owed, carried into the next cycle not yet paid as a balance: ..." (same amount), not a change
    since the approval."""
    from sales.payout import CARRIED_OUT, CARRIED_OUT_BEFORE, CARRIED_OUT_NEXT, money  # (it imports this module)

    template = (line.said or {}).get("template")
    if line.amount and (template in (CARRIED_OUT_BEFORE, CARRIED_OUT_NEXT) or (template is None and any(
            line.text.startswith(head) and line.text.endswith(tail) for head, tail in (
                CARRIED_OUT_BEFORE.split("{balance}"), CARRIED_OUT_NEXT.split("{owed}"))))):
        return CARRIED_OUT.format(owed=money(line.amount)), line.amount
    return line.text, line.amount


def _weighed(approval: Approval) -> list[ApprovedLine]:
    """An approval's lines that say what it signs off: not the note a deal lost or reopened
    since adds under its held line (sales.payout.FORFEITED), which moves no money."""
    from sales.payout import FORFEITED  # (sales.payout imports this module)

    return [line for line in approval.lines if (line.said or {}).get("template") not in FORFEITED]


def _weighed_now(statement: "Statement") -> list:
    """The statement's lines that an approval is held to (not its "forfeited" notes: _weighed)."""
    return [line for line in statement.lines if line.kind != "forfeited"]


def same_as_approved(approval: Approval, statement: "Statement") -> bool:
    """Whether the statement still says what was approved, line for line; or only a customer's
    payment after the cycle has moved its lines since (`_released_later`). A deal lost since is
    not a change: its note says so (_weighed)."""
    if approval.total != statement.total:
        return False
    said = [_as_said_now(line) for line in _weighed(approval)]
    return said == [(line.text, line.amount) for line in _weighed_now(statement)] or \
        _released_later(approval, statement)


#: Where a customer's payment after the cycle moves an approved statement's lines (release
#: `paid`, sales.payout): each deal's held line, the note that adds them up, and the line that
#: takes off what a later cycle's statement released (their English, for an approval kept
#: before lines had their templates).
_MOVED_BY_RELEASE = re.compile(r"^\S+: commission .* earned; customer paid |^released as customers pay: "
                               r"|^\S+: .* of its commission released on payments after ")


def _released_later(approval: Approval, statement: "Statement") -> bool:
    """Whether the statement says what was approved but for what a payment dated after the cycle
    released into a later cycle's statement (same total; only its held lines, their note and the
    line taking the release off moved): that commission is paid there, not here, so this
    statement has not changed since its approval (it said "CHANGED since ... (+0.00)")."""
    from sales.payout import RELEASED_LATER  # (sales.payout imports this module)

    if not any(line.kind == "released" and (line.amount or 0) < 0 for line in statement.lines):
        return False  # (nothing released into a later cycle)

    def moved(text: str, template: str | None) -> bool:
        return _MOVED_BY_RELEASE.match(template or text) is not None or template == RELEASED_LATER

    kept = [_as_said_now(line) for line in _weighed(approval)
            if not moved(line.text, (line.said or {}).get("template"))]
    now = [(line.text, line.amount) for line in _weighed_now(statement)
           if not moved(str(line.text), as_builtins(line.text).get("template") if isinstance(line.text, Phrase)
                        else None)]
    return kept == now


def changes_since(approval: Approval, statement: "Statement") -> tuple[list[ApprovedLine], list]:
    """What the statement no longer says of what was approved, and what it says that was not
    approved (its lines, the totals aside: the change of total is said on its own), each in the
    order of its statement: what a rep reads to see why the figure moved."""
    approved = [line for line in _weighed(approval)
                if not line.text.startswith(("total payout = ", "total payable now = "))]
    now = [line for line in _weighed_now(statement) if line.kind != "total"]
    left = [(line.text, line.amount) for line in now]
    was = [_as_said_now(line) for line in approved]
    gone = []
    for line, said in zip(approved, was):
        if said in left:
            left.remove(said)
        else:
            gone.append(line)
    new = []
    for line in now:
        if (str(line.text), line.amount) in was:
            was.remove((str(line.text), line.amount))
        else:
            new.append(line)
    return gone, new
