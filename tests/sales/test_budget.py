"""Budget rules: deciding a request, totals against the plan's budget, and the flags."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales import budget, permissions
from sales.budget import BudgetLine, SpendEntry
from sales.errors import Refused

AT = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)


def line(number: int = 1, requested: float = 5000.0, **fields) -> BudgetLine:
    return BudgetLine(id=f"B-{number}", title=f"Line {number}", strategy="S-1",
                      requested=requested, requested_by="ali", **fields)


def spend(line_id: str, amount: float, number: int = 1) -> SpendEntry:
    return SpendEntry(id=f"E-{number}", line=line_id, amount=amount, on=date(2026, 11, 2), by="ali", at=AT)


def test_a_line_is_for_a_strategy_or_a_task() -> None:
    with pytest.raises(ValueError, match="strategy or a task"):
        BudgetLine(id="B-1", title="Booth", requested=1.0, requested_by="ali")


def test_approving_grants_what_was_asked_unless_less_is_given() -> None:
    approved = budget.decide(line(), True, "worth it", "dana")
    assert (approved.status, approved.approved, approved.decided_by, approved.reason) == \
        ("approved", 5000.0, "dana", "worth it")
    assert budget.decide(line(), True, "half now", "dana", 2500.0).approved == 2500.0


def test_approving_more_than_was_asked_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and the 5,000 requested"):
        budget.decide(line(), True, "sure", "dana", 6000.0)


def test_rejecting_keeps_nothing_approved() -> None:
    rejected = budget.decide(line(), False, "no trade shows this quarter", "dana")
    assert (rejected.status, rejected.approved) == ("rejected", 0.0)


@pytest.mark.parametrize("approve", [True, False])
def test_a_decision_needs_a_reason(approve) -> None:
    with pytest.raises(ValueError, match="say why"):
        budget.decide(line(), approve, "  ", "dana")


def test_a_line_is_decided_once() -> None:
    approved = budget.decide(line(), True, "ok", "dana")
    with pytest.raises(ValueError, match="already approved by dana"):
        budget.decide(approved, False, "changed my mind", "dana")


def test_totals_and_flags_against_the_plan_budget() -> None:
    lines = [budget.decide(line(1, 5000.0), True, "ok", "dana", 4000.0),  # approved 4,000
             line(2, 3000.0),                                             # still requested
             budget.decide(line(3, 2000.0), False, "no", "dana")]          # rejected
    entries = [spend("B-1", 3000.0, 1), spend("B-1", 1500.0, 2), spend("B-3", 200.0, 3)]
    sums = budget.totals(lines, entries, 4200.0)
    assert (sums.requested, sums.approved, sums.spent, sums.left) == (3000.0, 4000.0, 4700.0, 200.0)
    assert budget.flags(lines, entries, 4200.0) == [
        "B-1 “Line 1”: 4,500 spent of 4,000 approved (500 over)",
        "B-3 “Line 3”: 200 spent but the line is rejected",
        "spent 4,700 of the plan's 4,200 budget (500 over)",
    ]


def test_no_flags_when_spending_stays_within_approvals() -> None:
    lines = [budget.decide(line(1), True, "ok", "dana")]
    assert budget.flags(lines, [spend("B-1", 5000.0)], None) == []
    assert budget.flags(lines, [], 4000.0) == ["approved 5,000 of the plan's 4,000 budget (1,000 over)"]


def test_who_may_do_what_with_budget() -> None:
    def may(action: str, actor: str, role: str | None, owner: str | None = None) -> bool:
        try:
            permissions.check(action, actor, role, single_user=False, owner=owner, new_owner=owner)
        except Refused:
            return False
        return True

    assert may("budget.request", "ali", "rep")
    assert not may("budget.approve", "ali", "rep") and not may("budget.reject", "ali", "rep")
    assert may("budget.approve", "dana", "lead") and may("budget.reject", "dana", "lead")
    assert may("budget.spend", "ali", "rep", owner="ali")
    assert not may("budget.spend", "ali", "rep", owner="bea")
    assert not may("budget.total", "ali", "rep") and not may("training.add", "ali", "rep")
    assert not may("budget.request", "zed", None)
    assert may("goal.checkin", "ali", "rep", owner="ali") and not may("goal.add", "ali", "rep")
    assert not may("goal.checkin", "ali", "rep") and not may("goal.checkin", "ali", "rep", owner="dana")
