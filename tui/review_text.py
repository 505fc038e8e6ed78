"""The review's words shared by `uplift payout` and the Review screen: a statement's approval."""

from __future__ import annotations

from sales.approvals import same_as_approved
from sales.payout import Statement, money
from tui.i18n import _


def approval_text(statement: Statement, how: str) -> str:
    """Whether the statement is approved for the cycle, by whom and when, and whether it still
    says what was approved (a deal moved since changes it). `how`: how a lead approves it here."""
    if statement.plan is None:
        return _("nothing to approve")
    approval = statement.approval
    if approval is None:
        return _("not approved yet (a lead: {how})").format(how=how)
    said = _("approved by {by} on {at} ({id}): {total}").format(
        by=approval.by, at=f"{approval.at:%Y-%m-%d %H:%M}", id=approval.id, total=money(approval.total))
    if same_as_approved(approval, statement):
        return said
    change = statement.total - approval.total
    return said + "; " + _("CHANGED since: {now} now ({change})").format(
        now=money(statement.total), change=("+" if change >= 0 else "") + money(change))
