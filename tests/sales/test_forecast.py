"""The forecast against a small pipeline worked out by hand.

Cycle 2026-10-01 to 2026-12-31, today 2026-11-20. Default stages: Lead 10%, Qualified 25%,
Proposal 50%, Negotiation 75%. Plan: quota 100,000 each; tiers 0-50% at 0%, 50-100% at 5%,
100%+ at 8%; a bonus of 1,000 at attainment 100%.

ali: won 60,000 (D-1, in November) and 5,000 before the cycle (D-2, not counted);
     open: D-3 Negotiation 20,000 closing 12-10 (commit), D-4 Proposal 30,000 closing 11-15
     (slipped: its date has passed), D-5 Lead 40,000 closing 2027-01-20 (later),
     D-6 Qualified 8,000 with no close date (undated).
bea: open: D-7 Negotiation 50,000 closing 12-20 (commit).
D-8: nobody's (no owner), open Proposal 10,000 closing 12-01.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import msgspec
import pytest

from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.forecast import OTHERS, forecast
from sales.incentives import IncentivePlan

START, END = date(2026, 10, 1), date(2026, 12, 31)
NOW = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
PLAN = msgspec.convert({"id": "I-1", "name": "Q4", "quota": 100000,
                        "tiers": [{"from_pct": 0, "to_pct": 50, "rate": 0},
                                  {"from_pct": 50, "to_pct": 100, "rate": 5}, {"from_pct": 100, "rate": 8}],
                        "bonuses": [{"name": "Club", "measure": "attainment", "at_least": 100, "amount": 1000}]},
                       IncentivePlan)


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 12, tzinfo=timezone.utc)


def deal(number: int, stage: str, value: float, close: date | None = None, owner: str | None = "ali",
         entered: datetime | None = None) -> Deal:
    history = [StageEntry("Lead", at(2026, 9, 1))]
    if stage != "Lead":
        history.append(StageEntry(stage, entered or at(2026, 10, 15)))
    return Deal(id=f"D-{number}", title=f"Deal {number}", account=f"Account {number}", owner=owner, stage=stage,
                value=value, close=close, history=history)


DEALS = [
    deal(1, "Won", 60000, entered=at(2026, 11, 5)),
    deal(2, "Won", 5000, entered=at(2026, 9, 20)),
    deal(3, "Negotiation", 20000, date(2026, 12, 10)),
    deal(4, "Proposal", 30000, date(2026, 11, 15)),
    deal(5, "Lead", 40000, date(2027, 1, 20)),
    deal(6, "Qualified", 8000),
    deal(7, "Negotiation", 50000, date(2026, 12, 20), owner="bea"),
    deal(8, "Proposal", 10000, date(2026, 12, 1), owner=None),
]


def run(**options):
    return forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END, NOW, **options)


def test_a_reps_numbers() -> None:
    ali = run().reps[0]
    assert ali.rep == "ali" and ali.quota == 100000
    assert ali.won == 60000                       # D-2 was won before the cycle
    assert ali.commit == 20000                    # D-3 (75%)
    assert ali.best_case == 50000                 # D-3 + D-4; D-5 closes later, D-6 has no date
    assert ali.weighted == 20000 * 0.75 + 30000 * 0.5
    assert ali.counted == 2 and ali.slipped == ["D-4"] and ali.undated == ["D-6"] and ali.later == 40000
    assert ali.forecast == 60000 + 30000
    assert ali.gap == 100000 - 90000
    assert ali.coverage == pytest.approx(50000 / 40000)


def test_a_reps_payouts_now_and_if_deals_close() -> None:
    ali = run().reps[0]
    assert ali.payout == 0.05 * 10000             # 60% attainment: 5% of the 50-60% slice
    assert ali.payout_commit == 0.05 * 30000      # 80,000 won: 5% of 30,000
    # 110,000 won: 5% of 50,000 + 8% of 10,000 + the club bonus
    assert ali.payout_best_case == 2500 + 800 + 1000


def test_nobodys_deals_and_the_team() -> None:
    result = run()
    assert [r.rep for r in result.reps] == ["ali", "bea", OTHERS]
    bea, others = result.reps[1], result.reps[2]
    assert (bea.won, bea.commit, bea.best_case, bea.weighted) == (0, 50000, 50000, 37500)
    assert bea.payout == 0 and bea.payout_commit == 0  # 50,000 is 50% attainment: the 0% band only
    assert (others.quota, others.payout, others.best_case, others.weighted) == (None, None, 10000, 5000)
    team = result.team
    assert team.quota == 200000 and team.won == 60000
    assert team.best_case == 50000 + 50000 + 10000
    assert team.weighted == 30000 + 37500 + 5000
    assert team.gap == 200000 - (60000 + 72500)
    assert team.coverage == pytest.approx(110000 / 140000)
    assert team.payout == 500 and team.payout_best_case == 4300  # ali 4,300; bea 0
    assert team.slipped == ["D-4"] and team.undated == ["D-6"]


def test_month_by_month() -> None:
    months = {m.month: m for m in run().months}
    assert list(months) == ["2026-11", "2026-12", "2027-01"]
    # November: D-1 won; D-4 slipped, so expected now (November)
    assert (months["2026-11"].won, months["2026-11"].deals, months["2026-11"].value) == (60000, 1, 30000)
    assert (months["2026-12"].deals, months["2026-12"].value, months["2026-12"].commit) == (3, 80000, 70000)
    assert months["2026-12"].weighted == 15000 + 37500 + 5000
    assert months["2027-01"].after_cycle and not months["2026-12"].after_cycle


def test_the_commit_threshold() -> None:
    ali = run(commit_pct=50).reps[0]
    assert ali.commit == 50000 and ali.payout_commit == ali.payout_best_case


def test_one_reps_forecast() -> None:
    result = run(only="bea")
    assert [r.rep for r in result.reps] == ["bea"]
    assert result.team.best_case == 50000
    assert [(m.month, m.value) for m in result.months] == [("2026-12", 50000)]


def test_no_cycle_end_counts_every_dated_deal() -> None:
    result = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali"], None, None, NOW)
    ali = result.reps[0]
    assert ali.won == 65000 and ali.best_case == 90000 and ali.later == 0


def test_a_deal_expected_after_the_cycle_ended_pays_nothing_more() -> None:
    late = datetime(2027, 1, 10, 9, tzinfo=timezone.utc)  # the cycle is over; D-3 is still open
    result = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END, late)
    ali = result.reps[0]
    assert ali.payout_best_case == ali.payout


def test_once_the_cycle_has_ended_no_open_deal_counts_in_it() -> None:
    """On 10 January the Q4 cycle is over: D-3 (due 10 Dec), D-4 (15 Nov), bea's D-7 (20 Dec)
    and D-8 (1 Dec) are still open and can only close now, after it. They were counted as
    slipped, adding their weighted value to a quarter that had ended. The forecast is what was
    won (ali 60,000; bea 0); every dated open deal is later."""
    late = datetime(2027, 1, 10, 9, tzinfo=timezone.utc)
    result = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END, late)
    ali, bea = result.reps[:2]
    assert (ali.counted, ali.best_case, ali.weighted, ali.commit, ali.slipped) == (0, 0, 0, 0, [])
    assert (ali.forecast, ali.later, ali.later_ids) == (60000, 20000 + 30000 + 40000, ["D-3", "D-4", "D-5"])
    assert (bea.counted, bea.forecast, bea.later) == (0, 0, 50000)
    assert (result.team.counted, result.team.forecast) == (0, 60000)
    during = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END, NOW)
    assert during.reps[0].slipped == ["D-4"] and during.reps[0].counted == 2  # while it runs, D-4 counts


def test_an_owner_calls_a_deal_commit_or_leaves_it_out() -> None:
    import msgspec as ms

    called = [ms.structs.replace(d, forecast="commit") if d.id == "D-4" else  # Proposal 30,000, by hand
              ms.structs.replace(d, forecast="omit") if d.id == "D-3" else d for d in DEALS]
    ali = forecast(called, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END, NOW).reps[0]
    assert ali.omitted == ["D-3"]
    assert ali.commit == 30000 and ali.best_case == 30000     # D-3 (20,000) is out of every figure
    assert ali.weighted == 30000 * 0.5                        # weighted stays by the stage
    assert ali.payout_commit == 0.05 * (90000 - 50000)        # 90,000 won: 5% of the 50-90% slice
    months = {m.month: m for m in forecast(called, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, END,
                                           NOW).months}
    assert months["2026-11"].commit == 30000 and months["2026-12"].value == 50000 + 10000  # D-7, D-8; not D-3


def test_the_month_the_cycle_ends_in_keeps_the_deals_after_its_last_day_apart() -> None:
    # a cycle to 2026-12-15: D-3 (12-10) is in it; D-7 (12-20) closes after it, in the same month
    result = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], START, date(2026, 12, 15), NOW)
    rows = [(m.month, m.after_cycle, m.deals, m.value) for m in result.months]
    assert rows == [("2026-11", False, 1, 30000), ("2026-12", False, 2, 30000), ("2026-12", True, 1, 50000),
                    ("2027-01", True, 1, 40000)]
    # the rows in the cycle add up to the team's best case, as the rows after it to what is left out
    assert sum(m.value for m in result.months if not m.after_cycle) == result.team.best_case == 60000
    assert sum(m.value for m in result.months if m.after_cycle) == result.team.later == 90000


def test_a_cycle_not_begun_counts_only_the_deals_closing_in_it() -> None:
    """Read on 2026-11-20, the next cycle (2027-01-04 to 03-31): a deal closing before its first
    day belongs to the cycle it closes in, overdue ones too (D-4, closing 11-15, is the running
    cycle's); D-5 (2027-01-20) is the only one it counts."""
    result = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], date(2027, 1, 4), date(2027, 3, 31), NOW)
    ali = result.reps[0]
    assert (ali.best_case, ali.counted, ali.slipped) == (40000, 1, [])
    assert ali.weighted == 40000 * 0.10 and ali.won == 0
    assert (ali.earlier, ali.earlier_ids) == (20000 + 30000, ["D-3", "D-4"])
    assert result.team.earlier_ids == ["D-3", "D-4", "D-7", "D-8"]
    assert result.team.earlier == 20000 + 30000 + 50000 + 10000
    assert result.team.best_case == 40000 and result.team.weighted == 4000
    # months before it are marked so, and the rows in it add up to the best case
    rows = [(m.month, m.before_cycle, m.deals, m.value) for m in result.months]
    assert rows == [("2026-11", True, 1, 30000), ("2026-12", True, 3, 80000), ("2027-01", False, 1, 40000)]
    assert sum(m.value for m in result.months if not m.before_cycle and not m.after_cycle) == 40000
    # once it runs (today 2027-01-10), an overdue deal is expected now: counted, slipped
    running = forecast(DEALS, DEFAULT_STAGES, [], [PLAN], ["ali", "bea"], date(2027, 1, 4), date(2027, 3, 31),
                       datetime(2027, 1, 10, 9, tzinfo=timezone.utc)).reps[0]
    assert (running.earlier, running.slipped, running.best_case) == (0, ["D-3", "D-4"], 20000 + 30000 + 40000)
