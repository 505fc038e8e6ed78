"""The review screen's forms: marking a payout statement paid, as `uplift payout paid` does, and
holding one with its reason, as `uplift payout hold` does."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from sales.approvals import to_pay
from sales.payout import Statement, money
from sales.text import TEXT_MAX
from tui.i18n import _
from tui.review_text import changed_since_paid_text
from tui.screens.fields_form import FieldsForm
from tui.user_text import text_input


def paid_form(board, statement: Statement, approve_key: str,
              reading: Callable[[], AbstractContextManager] = nullcontext) -> FieldsForm:
    """Mark `statement`'s approval paid, with payroll's reference (optional). It says first when
    the statement changed since it was approved: the lead then knows the payment is for what was
    approved, not for what the statement says now. `reading`: the board as it reads the cycle
    the statement is of (a past one's, or now)."""
    approval = statement.approval
    heading = _("Mark {rep}'s approved statement {id} paid ({amount} to pay)?").format(
        rep=statement.rep, id=approval.id, amount=money(to_pay(approval, statement.paid) or 0))
    rows = [("ref", _("Payroll reference (optional)"),
             text_input("", max_length=TEXT_MAX, placeholder=_("the payroll run, e.g. 2026-12")))]

    def save(values: dict):
        with reading():
            return board.mark_paid(statement.rep, values["ref"].strip())

    return FieldsForm(heading, rows, save, note=changed_since_paid_text(statement, approve_key),
                      action=_("Mark paid"))


def hold_form(board, statement: Statement,
              reading: Callable[[], AbstractContextManager] = nullcontext) -> FieldsForm:
    """Hold `statement` for its cycle with a reason (the dispute, as the rep reads it on their
    statement): not approved, marked paid or exported for payroll until a lead releases it.
    The form returns (the hold, whether anything changed)."""
    heading = _("Hold {rep}'s payout statement ({amount}) out of approval and payroll?").format(
        rep=statement.rep, amount=money(statement.total))
    rows = [("reason", _("Reason (the rep reads it on their statement)"),
             text_input("", max_length=TEXT_MAX, placeholder=_("e.g. Disputed split on D-7")))]

    def save(values: dict):
        with reading():
            return board.hold_payout(statement.rep, values["reason"])

    return FieldsForm(heading, rows, save, action=_("Hold"), required=("reason",))
