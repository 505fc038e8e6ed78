"""Payout approvals (phase 5): a lead signs off a rep's payout statement for the cycle, as
commission tools lock a period's statements before payroll. The approval keeps the statement as
it stood (its lines and total), so a deal moved afterwards shows as a change against what was
approved, instead of quietly changing what the rep was told.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import msgspec

from sales.tasks import LongText, Ref
from sales.text import TEXT_MAX, clean_multiline

if TYPE_CHECKING:
    from sales.payout import Statement  # (which refers to Approval: imported here only for types)


class ApprovedLine(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    text: Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
    amount: float | None = None


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

    def __post_init__(self) -> None:
        self.note = clean_multiline(self.note)


def approval_fields(statement: "Statement", start: date | None, end: date | None) -> dict:
    """What an approval of `statement` keeps (without its id, approver and time)."""
    return {"rep": statement.rep, "plan": statement.plan, "start": start, "end": end, "total": statement.total,
            "lines": [{"text": line.text, "amount": line.amount} for line in statement.lines]}


def same_as_approved(approval: Approval, statement: "Statement") -> bool:
    """Whether the statement still says what was approved, line for line."""
    return approval.total == statement.total and \
        [(line.text, line.amount) for line in approval.lines] == [(line.text, line.amount) for line in statement.lines]
