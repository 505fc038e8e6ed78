"""Payout arithmetic against cases computed by hand: tier boundaries, the accelerator, a cap, a
clawback, a per-product rate. Quota 100,000; tiers 0-50% at 0%, 50-100% at 5%, above 100% at 8%
(marginal: each rate on the slice of won value inside its band)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.incentives import IncentivePlan
from sales.payout import recognitions, statement
from sales.review import rep_results

START, END = date(2026, 10, 1), date(2026, 12, 31)
TIERS = [{"from_pct": 0, "to_pct": 50, "rate": 0}, {"from_pct": 50, "to_pct": 100, "rate": 5},
         {"from_pct": 100, "rate": 8}]


def plan(**extra) -> IncentivePlan:
    import msgspec

    return msgspec.convert({"id": "I-1", "name": "Q4", "quota": 100000, "tiers": TIERS, **extra}, IncentivePlan)


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=timezone.utc)


def deal(number: int, value: float, *stages: tuple[str, datetime], product: str = "", owner: str = "ali",
         account: str = "") -> Deal:
    history = [StageEntry(name, when) for name, when in stages]
    return Deal(id=f"D-{number}", title=f"Deal {number}", owner=owner, value=value, product=product,
                account=account or f"Account {number}", stage=history[-1].stage, history=history)


def won(number: int, value: float, day: int = 10, **fields) -> Deal:
    return deal(number, value, ("Lead", at(10, 2)), ("Won", at(11, day)), **fields)


def pay(deals: list[Deal], **extra):
    results = rep_results("ali", deals, DEFAULT_STAGES, [], START, END)
    return statement(plan(**extra), results)


def amounts(made) -> dict[str, float]:
    return {line.text: line.amount for line in made.lines if line.amount is not None}


@pytest.mark.parametrize(("sales", "total"), [
    (0, 0.0),
    (50000, 0.0),          # the top of the 0% tier: nothing yet
    (50001, 0.05),         # one above it: 5% of 1
    (60000, 500.0),        # 5% of 10,000
    (100000, 2500.0),      # the whole 5% band: 5% of 50,000
    (100001, 2500.08),     # plus 8% of 1
    (120000, 4100.0),      # 2,500 + 8% of 20,000
])
def test_tier_boundaries_and_the_accelerator(sales, total) -> None:
    made = pay([won(1, sales)] if sales else [])
    assert made.total == total


def test_each_tier_says_what_and_how() -> None:
    made = pay([won(1, 120000)])
    assert made.attainment == 120
    assert amounts(made) == {
        "tier 0–50%: 0% of 50,000 = 0.00": 0.0,
        "tier 50–100%: 5% of 50,000 = 2,500.00": 2500.0,
        "accelerator above 100%: 8% of 20,000 = 1,600.00": 1600.0,
        "total payout = 4,100.00": 4100.0,
    }
    assert made.lines[0].text == "won 120,000 on D-1 Deal 1"
    assert made.lines[1].text == "won value 120,000 of quota 100,000 = attainment 120%"


def test_a_tier_not_reached_is_left_out() -> None:
    made = pay([won(1, 40000)])
    assert [line.kind for line in made.lines] == ["won", "attainment", "tier", "total"]
    assert made.total == 0


def test_a_cap_brings_the_commission_down_but_not_a_bonus() -> None:
    bonus = [{"name": "Quota club", "amount": 1000, "measure": "attainment", "at_least": 100}]
    made = pay([won(1, 120000)], cap=3000, bonuses=bonus)
    lines = amounts(made)
    assert lines["cap 3,000 applied: -1,100.00"] == -1100.0  # 4,100 earned, 3,000 paid
    assert lines["bonus “Quota club”: attainment 120% ≥ 100% = 1,000.00"] == 1000.0
    assert made.commission == 3000 and made.total == 4000.0


def test_a_cap_not_reached_adds_no_line() -> None:
    made = pay([won(1, 60000)], cap=3000)
    assert all(line.kind != "cap" for line in made.lines) and made.total == 500


def test_a_product_rate_is_paid_on_top_of_the_tiers() -> None:
    made = pay([won(1, 60000), won(2, 12400, day=12, product="GTX Pro"), won(3, 5000, day=13, product="GTX Plus")],
               product_rates=[{"product": "gtx pro", "rate": 6}])
    lines = amounts(made)
    # 77,400 won: 5% of 27,400 = 1,370; GTX Pro 6% of 12,400 = 744; GTX Plus has no rate
    assert lines["tier 50–100%: 5% of 27,400 = 1,370.00"] == 1370.0
    assert lines["won 12,400 on GTX Pro at 6% (D-2) = 744.00"] == 744.0
    assert made.total == 2114.0


def test_a_deal_won_and_lost_in_the_cycle_is_not_counted_and_not_clawed_back() -> None:
    # D-1 60,000 won on 11-10 (5% of 10,000 = 500); D-2 10,000 won on 11-12 and lost on 11-20: never
    # part of what the cycle pays, so nothing to take back (it was taken twice: out of the won value
    # and again as a clawback). D-3 lost without ever being won: nothing.
    deals = [won(1, 60000), deal(2, 10000, ("Lead", at(10, 2)), ("Won", at(11, 12)), ("Lost", at(11, 20))),
             deal(3, 8000, ("Lead", at(10, 2)), ("Lost", at(11, 5)))]
    made = pay(deals)
    assert amounts(made)["tier 50–100%: 5% of 10,000 = 500.00"] == 500.0
    assert "D-2 was won on 2026-11-12 and lost on 2026-11-20, in the cycle: not counted, nothing to claw back" in [
        line.text for line in made.lines if line.kind == "note"]
    assert made.clawback == 0 and made.total == 500.0
    assert not [line for line in made.lines if line.kind == "clawback"]


def test_a_deal_won_in_an_earlier_cycle_and_lost_in_this_one_is_clawed_back_from_the_bottom() -> None:
    # D-2 60,000 won on 09-12 (the cycle before) and lost on 11-20: its slice from the bottom of the
    # tiers, 0% of 50,000 and 5% of 10,000 = 500, is taken back in this cycle
    deals = [won(1, 60000), deal(2, 60000, ("Lead", at(9, 2)), ("Won", at(9, 12)), ("Lost", at(11, 20)))]
    made = pay(deals)
    assert amounts(made)["clawback D-2 lost after won (commission counted on 60,000): -500.00"] == -500.0
    assert made.clawback == -500 and made.total == 0.0


def test_a_clawback_in_the_accelerator_band_and_with_a_product_rate() -> None:
    # D-2 105,000 of GTX Pro won in September, lost in November: from the bottom, 0% of 50,000 +
    # 5% of 50,000 + 8% of 5,000 + 6% of 105,000 = 0 + 2,500 + 400 + 6,300 = 9,200 back.
    # D-1 95,000 won in the cycle: 5% of 45,000 = 2,250.
    deals = [won(1, 95000), deal(2, 105000, ("Lead", at(9, 2)), ("Won", at(9, 12)), ("Lost", at(11, 20)),
                                 product="GTX Pro")]
    made = pay(deals, product_rates=[{"product": "GTX Pro", "rate": 6}])
    assert made.clawback == -9200.0
    # 2,250 - 9,200 = -6,950: paid as 0.00, the rest carried into the next cycle
    assert (made.total, made.carried_out) == (0, round(2250 - 9200, 2))


def test_no_clawback_when_the_plan_says_so() -> None:
    deals = [deal(2, 10000, ("Lead", at(9, 2)), ("Won", at(9, 12)), ("Lost", at(11, 20)))]
    assert pay(deals, clawback=False).total == 0 and pay(deals, clawback=False).clawback == 0


def test_deals_won_outside_the_period_do_not_count() -> None:
    early = deal(1, 80000, ("Lead", at(9, 1)), ("Won", at(9, 20)))
    assert pay([early]).won_value == 0


def test_without_a_plan_or_a_quota_nothing_is_paid_and_the_statement_says_why() -> None:
    results = rep_results("ali", [won(1, 60000)], DEFAULT_STAGES, [], START, END)
    assert statement(None, results).lines[-1].text == "ali is on no incentive plan: nothing to pay"
    import msgspec

    no_quota = msgspec.convert({"id": "I-2", "name": "x", "quotas": [{"rep": "bea", "amount": 5}],
                                "tiers": TIERS}, IncentivePlan)
    assert "no quota for ali in I-2" in statement(no_quota, results).lines[1].text


def test_recognition_goes_to_the_leader_or_to_everyone_over_the_threshold() -> None:
    deals = [won(1, 120000), won(2, 90000, owner="bea"), won(3, 30000, owner="chen")]
    results = [rep_results(r, deals, DEFAULT_STAGES, [], START, END) for r in ("ali", "bea", "chen")]
    made = recognitions(plan(recognition=[{"award": "Rep of the quarter", "measure": "attainment"},
                                          {"award": "Masterclass", "measure": "won_value", "at_least": 90000}]),
                        results)
    assert made == {"ali": ["Rep of the quarter", "Masterclass"], "bea": ["Masterclass"]}


def test_overlapping_tiers_are_refused() -> None:
    import msgspec

    with pytest.raises(msgspec.ValidationError, match="overlap"):
        msgspec.convert({"id": "I-1", "name": "x", "tiers": [{"from_pct": 0, "to_pct": 60, "rate": 0},
                                                            {"from_pct": 50, "rate": 5}]}, IncentivePlan)


def test_review_findings_say_what_each_goal_lacks_or_missed_by() -> None:
    from sales.review import GoalResult, ProcessMetrics
    from sales.review_report import findings

    def goal(gid, unit, target, actual, attainment, gap, source="check-in C-1"):
        return GoalResult(gid, "t", "m", unit, "increase", target, actual, source, attainment, gap)

    said = findings([goal("G-1", "", None, 5, None, None), goal("G-2", "%", 40, 34.5, 86.25, 5.5),
                     goal("G-3", "", 10, None, None, None, "no data"), goal("G-4", "$", 100, -0.04, -0.04, 100.04)],
                    ProcessMetrics(0, 0, 0, 0, None, None))
    assert said == ["G-1 has no target to measure against.",
                    "G-2 missed its target by 5.5 points (86.3% attained).",  # 86.25: half up
                    "G-3 has no actual to compare with its target (no data).",
                    "G-4 missed its target by $100.04 (0% attained)."]
