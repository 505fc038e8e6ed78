"""A deal won in one cycle and lost in the next: the first cycle's statement stands as it was
approved and paid, and the next claws the commission back once (it was taken twice when the
past cycle was approved again: once as the difference, once as the clawback)."""

from __future__ import annotations

from datetime import datetime, timezone

from sales.approvals import same_as_approved
from store.board import Board
from store.plan_yaml import parse_plan_text

PLAN = b"""\
incentives:
- {name: Q, quota: 100000, tiers: [{from_pct: 0, to_pct: 50, rate: 0}, {from_pct: 50, rate: 5}]}
"""


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00").replace(tzinfo=timezone.utc)


def test_a_deal_lost_after_its_cycle_is_clawed_back_once(team) -> None:
    def board(day: str) -> Board:
        return Board(team, actor="dana", clock=lambda: at(day))

    board("2026-10-01").set_plan_info("Q4", "2026-10-01", "2026-12-31")
    board("2026-10-01").import_plan(parse_plan_text(PLAN).document)
    won = next(s.name for s in board("2026-10-01").stages() if s.outcome == "won")
    lost = next(s.name for s in board("2026-10-01").stages() if s.outcome == "lost")
    board("2026-11-10").add_deal("Acme", owner="ali", value=60000, stage=won)
    # 60,000 of 100,000: 5% of the 10,000 above 50,000 = 500
    (approval,) = board("2026-12-31").approve_payouts("ali")
    assert approval.total == 500
    board("2026-12-31").mark_paid("ali")
    board("2027-01-02").set_plan_info("Q1", "2027-01-01", "2027-03-31")
    board("2027-01-15").move_deal("D-1", lost, "budget")
    later = board("2027-01-20")
    with later.reading_cycle(*map(lambda d: datetime.fromisoformat(d).date(), ("2026-10-01", "2026-12-31"))):
        (q4,) = later.payouts("ali")
    assert q4.total == 500 and same_as_approved(q4.approval, q4)  # as approved and paid: nothing to pay again
    (q1,) = later.payouts("ali")
    # Q1 takes it back from the bottom of the tiers (Q4's won value before it is not Q1's): 0% of
    # 50,000 and 5% of 10,000 = 500, once
    assert [line.text for line in q1.lines if line.kind == "clawback"] == [
        "clawback D-1 lost after won (commission counted on 60,000): -500.00"]
    assert (q1.total, q1.carried_out) == (0, -500)  # (paid as 0.00: carried into the next cycle)
    assert later.agenda("dana").past_payouts == []
