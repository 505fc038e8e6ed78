"""Payout statements over two or three cycles of random small boards (deals won, paid by their
customers in the cycle, before it or in a gap between cycles, lost, reopened and won again;
statements approved, paid, held and released, past cycles approved again), built through the
store API: every statement's figures add up (earned - held + released + carried_in = total +
carried_out), nothing is paid below zero, and, once every cycle is approved and paid, payroll has
paid each deal's released commission once: what was paid, less what the rep still owes, is the
commission the customers' payments released (worked out here from the deals alone, at a flat 5%)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from hypothesis import example, given
from hypothesis import strategies as st

from sales.approvals import to_pay, waits_for_approval
from sales.numbers import cents
from store.board import Board
from tests.property.strategies import FUZZ

RATE = 5  # percent, one tier from 0%: each deal's commission is its own (no tiers, no cap)
FLAT = {"quota": 50000, "tiers": [{"from_pct": 0, "rate": RATE}]}


def _cycles(gap: int) -> list[tuple[date, date]]:
    """Three quarters of 2027; the second starts `gap` days late (a gap nobody's cycle covers)."""
    return [(date(2027, 1, 1), date(2027, 3, 31)), (date(2027, 4, 1) + timedelta(days=gap), date(2027, 6, 30)),
            (date(2027, 7, 1), date(2027, 9, 30))]


wins = st.tuples(st.just("win"), st.integers(10, 400).map(lambda hundreds: hundreds * 100 + 1))  # odd cents on 5%
# deal, % of what is left, the day: today, this cycle's first, the day before it (a gap's last,
# or the last cycle's last), the last cycle's last day and the day after it, or some days back or on
pays = st.tuples(st.just("pay"), st.integers(0, 9), st.integers(1, 100),
                 st.one_of(st.sampled_from(("today", "start", "start-1", "last end", "last end+1")),
                           st.integers(-60, 20)))  # (after today: it counts from its day)
approves = st.tuples(st.sampled_from(("approve", "paid")), st.integers(0, 2))  # this cycle, one back, two back
step = st.one_of(
    wins, pays, pays, approves, approves,
    st.tuples(st.just("lose"), st.integers(0, 9)), st.tuples(st.just("lose"), st.integers(0, 9)),
    st.tuples(st.just("reopen"), st.integers(0, 9)),  # a won deal back in the pipeline, or an open one won again
    st.tuples(st.just("value"), st.integers(0, 9), st.integers(-50, 50)),  # a won deal's value edited, by %
    st.tuples(st.just("hold"), st.booleans()),  # hold (True) or release (False) this cycle's
    st.tuples(st.just("wait"), st.integers(1, 30)),
)
#: a cycle: a deal or two won, some steps, and (mostly) its statement approved and paid at its end
steps = st.tuples(st.lists(wins, max_size=2), st.lists(step, max_size=6),
                  st.sampled_from(([], [("approve", 0), ("paid", 0)], [("approve", 0), ("paid", 0)]))).map(
    lambda parts: [*parts[0], *parts[1], *parts[2]])


def _check(board: Board, cycles: list[tuple[date, date]]) -> None:
    for start, end in cycles:
        with board.reading_cycle(start, end):
            (ali,) = board.payouts("ali")
        where = f"{start} to {end}: {[(line.text, line.amount) for line in ali.lines]}"
        assert cents(ali.earned - ali.held + ali.released + ali.carried_in) == cents(ali.total + ali.carried_out), where
        assert ali.total >= 0 and ali.carried_out <= 0 and ali.overpaid <= 0, where
        assert (to_pay(ali.approval, ali.paid) or 0) >= 0, where
        assert cents(sum(line.amount for line in ali.lines if line.amount is not None and line.kind != "total")) \
            == ali.total, where


def _play(path, release: str, gap: int, plan: list[list[tuple]], incentive: dict,
          approving: bool = True) -> tuple[Board, list[str], date, float, float]:
    """The board `plan` makes, cycle by cycle (its approvals, marks of paid and holds left out
    unless `approving`), each statement checked after each step; then every cycle approved and paid.
    Returns the board, its deals' ids, the last day, what was paid and what the rep still owes."""
    cycles = _cycles(gap)[:len(plan)]
    now = [datetime.combine(cycles[0][0], time(12), timezone.utc)]
    board = Board(path, actor="dana", clock=lambda: now[0])
    board.import_plan({
        "plan": {"name": "Q1", "period": {"start": str(cycles[0][0]), "end": str(cycles[0][1])}},
        "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}],
        "stages": [{"name": "Lead", "probability": 10}, {"name": "Won", "probability": 100, "outcome": "won"},
                   {"name": "Lost", "probability": 0, "outcome": "lost"}],
        "incentives": [{"id": "I-1", "name": "Plan", "release": release, **incentive}],
    })
    deals: list[str] = []
    for number, ((start, end), cycle_steps) in enumerate(zip(cycles, plan)):
        now[0] = max(now[0], datetime.combine(start, time(12), timezone.utc))
        if number:
            board.set_plan_info(f"Q{number + 1}", start, end)
        for step in cycle_steps:
            kind = step[0]
            today = now[0].date()
            if kind == "win":
                deals.append(board.add_deal(f"Deal {len(deals)}", owner="ali", value=step[1], stage="Won").id)
            elif kind == "pay" and deals:
                deal = board.deal(deals[step[1] % len(deals)])
                left = cents(deal.value - sum(p.amount for p in deal.payments))
                amount = cents(max(left * step[2] / 100, 0.01))
                won_on = max(h.at for h in deal.history if h.stage == "Won").date()
                last_end = cycles[number - 1][1] if number else start - timedelta(days=1)
                on = {"today": today, "start": start, "start-1": start - timedelta(days=1), "last end": last_end,
                      "last end+1": last_end + timedelta(days=1)}.get(step[3]) \
                    if isinstance(step[3], str) else today + timedelta(days=step[3])
                if deal.stage == "Won" and left > 0:
                    board.record_payment(deal.id, min(amount, left), max(on, won_on))
            elif kind == "value" and deals:
                deal = board.deal(deals[step[1] % len(deals)])
                value = max(cents(deal.value * (100 + step[2]) / 100), sum(p.amount for p in deal.payments), 1)
                if deal.stage == "Won":
                    board.update_deal(deal.id, value=value)
            elif kind == "reopen" and deals:
                deal = board.deal(deals[step[1] % len(deals)])
                if deal.stage != "Lost":
                    board.move_deal(deal.id, "Lead" if deal.stage == "Won" else "Won")
            elif kind == "lose" and deals:
                deal = board.deal(deals[step[1] % len(deals)])
                if deal.stage == "Won":
                    board.move_deal(deal.id, "Lost", "budget")
            elif kind in ("approve", "paid") and approving:
                cycle = cycles[max(number - step[1], 0)]
                with board.reading_cycle(*cycle):
                    (ali,) = board.payouts("ali")
                    if ali.hold is None:
                        (board.approve_payouts if kind == "approve" else board.mark_paid)("ali")
            elif kind == "hold" and approving:
                (ali,) = board.payouts("ali")
                if step[1]:
                    board.hold_payout("ali", "Disputed split")
                elif ali.hold is not None:
                    board.release_hold("ali")
            elif kind == "wait":
                now[0] = min(now[0] + timedelta(days=step[1]), datetime.combine(end, time(12), timezone.utc))
            _check(board, cycles[:number + 1])
        if number + 1 < len(cycles):  # into the gap, if any, and on to the next cycle
            now[0] = datetime.combine(end + timedelta(days=1), time(12), timezone.utc)
    # settle: release the holds, approve and pay every cycle, oldest first, until nothing moves
    for _ in range(len(cycles) + 1):
        for cycle in cycles:
            with board.reading_cycle(*cycle):
                (ali,) = board.payouts("ali")
                if ali.hold is not None:
                    board.release_hold("ali")
                board.approve_payouts("ali")
                board.mark_paid("ali")
    _check(board, cycles)
    paid = owed = 0.0
    for cycle in cycles:
        with board.reading_cycle(*cycle):
            (ali,) = board.payouts("ali")
        # (a statement never approved whose every amount is 0.00 is not asked for, nor approved)
        assert ali.approval is not None or not waits_for_approval(ali), (cycle, ali.lines)
        assert (to_pay(ali.approval, ali.paid) or 0) == 0, (cycle, ali.lines)
        paid = cents(paid + (ali.paid or 0))
    # what the rep still owes: every balance the next cycle's statement nets (the last cycle's
    # carry and what was paid beyond it, and any that passed over later cycles already paid)
    following = (*_cycles(gap), (date(2027, 10, 1), date(2027, 12, 31)))[len(cycles)]
    with board.reading_cycle(*following):
        (ali,) = board.payouts("ali")
    owed = ali.carried_in
    return board, deals, now[0].date(), paid, owed


@FUZZ
@example(release="paid", gap=10,  # a payment in the gap
         plan=[[("win", 10001), ("approve", 0)], [("pay", 0, 100, "start-1")]])
@example(release="won", gap=0, plan=[[("win", 10001), ("approve", 0), ("paid", 0)],  # a balance carried on, netted
                                     [("lose", 0), ("approve", 0), ("paid", 0)], [("win", 1001), ("approve", 0)]])
@example(release="won", gap=0, plan=[[("win", 10001), ("pay", 0, 50, "today"), ("approve", 0), ("paid", 0)],
                                      [("value", 0, -40), ("approve", 1), ("paid", 1), ("win", 2001)]])  # overpaid
@example(release="won", gap=0, plan=[[("win", 10001), ("approve", 0), ("paid", 0)],  # overpaid after the next
                                     [("win", 2001), ("approve", 0), ("paid", 0), ("value", 0, -40),  # cycle was paid:
                                      ("approve", 1)], [("win", 3001)]])  # carried into the third
@example(release="won", gap=0, plan=[[("win", 10001), ("approve", 0), ("paid", 0)], [("approve", 0), ("paid", 0)],
                                     [("win", 2001), ("approve", 0), ("paid", 0), ("value", 0, -40), ("approve", 2)]])
@example(release="won", gap=0, plan=[[("win", 10001), ("approve", 0), ("paid", 0)],  # overpaid while the next
                                     [("win", 2001), ("approve", 0), ("value", 0, -40), ("approve", 1),  # cycle was
                                      ("paid", 0)], [("win", 3001)]])  # approved, then paid on that approval
@example(release="paid", gap=0, plan=[[("win", 10001), ("hold", True), ("approve", 0), ("hold", False),  # a hold
                                       ("pay", 0, 30, "today"), ("approve", 0), ("paid", 0)],
                                      [("pay", 0, 100, "start"), ("lose", 0), ("approve", 0), ("approve", 1)]])
@given(release=st.sampled_from(("paid", "paid", "won")), gap=st.sampled_from((0, 0, 10)),
       plan=st.lists(steps, min_size=2, max_size=3))
def test_every_statement_adds_up_and_payroll_pays_released_commission_once(tmp_path_factory, release, gap,
                                                                           plan) -> None:
    board, deals, today, paid, owed = _play(tmp_path_factory.mktemp("pay"), release, gap, plan, FLAT)
    released = 0.0
    for deal in map(board.deal, deals):
        won = max(h.at for h in deal.history if h.stage == "Won").date()
        in_a_cycle = any(start <= won <= end for start, end in _cycles(gap)[:len(plan)])
        if deal.stage == "Won" and in_a_cycle:
            commission = cents(deal.value * RATE / 100)
            share = 1.0 if release == "won" else \
                min(sum(p.amount for p in deal.payments if p.on <= today) / deal.value, 1.0)
            released = cents(released + commission - cents(commission * (1 - share)))
    # (the statements round 5% of a cycle's won value, and each deal's slice of it, to the cent,
    # where this adds up each deal's: a cent a deal apart at most; paying twice is more)
    assert abs(cents(paid + owed - released)) <= 0.01 * len(deals), (paid, owed, released)


#: tiers below and above quota and a cap: each deal's commission is the slice of them it fills
TIERED = {"quota": 30000, "cap": 2500, "tiers": [
    {"from_pct": 0, "to_pct": 50, "rate": 2}, {"from_pct": 50, "to_pct": 100, "rate": 5}, {"from_pct": 100, "rate": 8}]}


@FUZZ
@given(release=st.sampled_from(("paid", "paid", "won")), gap=st.sampled_from((0, 0, 10)),
       plan=st.lists(steps, min_size=2, max_size=3))
def test_what_payroll_pays_does_not_depend_on_when_statements_were_approved(tmp_path_factory, release, gap,
                                                                            plan) -> None:
    """Under tiers and a cap, the same deals and payments pay the same, whether each cycle was
    approved, paid, held and approved again along the way or only once at the end."""
    *_, paid, owed = _play(tmp_path_factory.mktemp("pay"), release, gap, plan, TIERED)
    *_, paid_once, owed_once = _play(tmp_path_factory.mktemp("once"), release, gap, plan, TIERED, approving=False)
    deals = sum(1 for cycle in plan for step in cycle if step[0] == "win")
    assert abs(cents(paid + owed - paid_once - owed_once)) <= 0.01 * deals, (paid, owed, paid_once, owed_once)
