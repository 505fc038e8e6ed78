"""A deal won in one cycle and lost in the next: the first cycle's statement stands as it was
approved and paid, and the next claws the commission back once (it was taken twice when the
past cycle was approved again: once as the difference, once as the clawback)."""

from __future__ import annotations

from datetime import date, datetime, timezone

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


def test_a_payment_dated_in_a_gap_between_cycles_is_released_in_the_next(tmp_path) -> None:
    """Q1 ends on 31 March and Q2 starts on 10 April: a customer's payment dated 5 April, after
    Q1 was approved, is taken off Q1's statement as paid in later cycles, so Q2 pays it (it was
    paid by neither)."""
    now = [at("2027-01-10")]
    board = Board(tmp_path / "b", actor="dana", clock=lambda: now[0])
    board.import_plan({
        "plan": {"name": "Q1", "period": {"start": "2027-01-01", "end": "2027-03-31"}},
        "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}],
        "stages": [{"name": "Lead", "probability": 10}, {"name": "Won", "probability": 100, "outcome": "won"},
                   {"name": "Lost", "probability": 0, "outcome": "lost"}],
        "incentives": [{"id": "I-1", "name": "Flat", "quota": 50000, "tiers": [{"from_pct": 0, "rate": 5}],
                        "release": "paid"}],
    })
    deal = board.add_deal("Acme", owner="ali", value=10000, stage="Won")
    board.record_payment(deal.id, 4000, date(2027, 1, 20))
    now[0] = at("2027-03-31")
    # 5% of 10,000 = 500; 4,000 of 10,000 paid (40%): 200 payable, 300 held
    assert [a.total for a in board.approve_payouts("ali")] == [200]
    board.mark_paid("ali")
    now[0] = at("2027-04-12")
    board.set_plan_info("Q2", "2027-04-10", "2027-06-30")
    board.record_payment(deal.id, 6000, date(2027, 4, 5))  # in the gap: the other 300 released
    with board.reading_cycle(date(2027, 1, 1), date(2027, 3, 31)):
        (q1,) = board.payouts("ali")
    assert q1.total == 200 and q1.released == -300
    (q2,) = board.payouts("ali")
    assert [(line.text, line.amount) for line in q2.lines if line.kind == "released"] == [
        ("released on payment of D-1, earned in P-1: 300.00", 300)]
    assert q2.total == 300
