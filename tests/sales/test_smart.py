"""Each SMART rule, passing and failing, with the reasons a lead reads."""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from sales import smart
from sales.goals import Goal, Strategy


def goal(**fields) -> Goal:
    base = {"id": "G-1", "title": "Grow revenue", "owner": "dana", "metric": "revenue",
            "scope": {"region": "North"}, "baseline": 200.0, "target": 230.0,
            "deadline": "2026-12-31"}
    return msgspec.convert({**base, **fields}, Goal)


def test_specific_passes_with_scope_and_owner() -> None:
    verdict = smart.specific(goal())
    assert verdict.passed and verdict.letter == "S"
    assert "region North" in verdict.reason and "dana" in verdict.reason


@pytest.mark.parametrize("fields, reason", [
    ({"scope": {}}, "no scope"),
    ({"owner": None}, "no owner"),
])
def test_specific_fails_without_scope_or_owner(fields, reason) -> None:
    verdict = smart.specific(goal(**fields))
    assert not verdict.passed and reason in verdict.reason


def test_specific_names_both_missing_parts() -> None:
    verdict = smart.specific(goal(scope={}, owner=None))
    assert "no scope" in verdict.reason and "no owner" in verdict.reason


def test_measurable_passes_with_metric_baseline_and_target() -> None:
    verdict = smart.measurable(goal())
    assert verdict.passed and verdict.reason == "revenue from 200 to 230"


@pytest.mark.parametrize("fields, reason", [
    ({"metric": ""}, "no metric"),
    ({"baseline": None}, "no baseline"),
    ({"target": None}, "no target"),
    ({"metric": "", "baseline": None, "target": None}, "no metric, no baseline, no target"),
])
def test_measurable_fails_naming_what_is_missing(fields, reason) -> None:
    verdict = smart.measurable(goal(**fields))
    assert not verdict.passed and verdict.reason == reason


def test_measurable_fails_when_the_target_points_the_wrong_way() -> None:
    verdict = smart.measurable(goal(target=180.0))  # "increase to" 180 from 200
    assert not verdict.passed and "does not increase" in verdict.reason


# Q1 -> Q2 is +9.2%, Q2 -> Q3 is -5%: the best rise seen is +9.2%.
HISTORY = [("2026-Q3", 103.74), ("2026-Q1", 100.0), ("2026-Q2", 109.2)]


def test_achievable_fails_when_asking_more_than_the_best_change_seen() -> None:
    verdict = smart.achievable(goal(target=15.0, target_kind="percent"), HISTORY)
    assert not verdict.passed
    assert verdict.reason == "asks for +15.0% where the best change seen was +9.2% (5.8 points more)"


def test_achievable_passes_within_the_best_change_seen() -> None:
    verdict = smart.achievable(goal(target=216.0), HISTORY)  # +8% of 200
    assert verdict.passed and verdict.reason == "asks for +8.0%; the best change seen was +9.2%"


@pytest.mark.parametrize("history", [[], [("2026-Q3", 100.0)]])
def test_achievable_fails_without_history(history) -> None:
    verdict = smart.achievable(goal(), history)
    assert not verdict.passed and verdict.reason == "no history to judge by"


def test_achievable_for_a_decrease_compares_the_biggest_fall() -> None:
    # 50 -> 45 is -10%; the goal asks 40 -> 30, -25%
    verdict = smart.achievable(goal(baseline=40.0, target=30.0, direction="decrease"),
                               [("2026-Q1", 50.0), ("2026-Q2", 45.0)])
    assert verdict.reason == "asks for -25.0% where the best change seen was -10.0% (15.0 points more)"
    assert not verdict.passed


def test_achievable_from_a_zero_baseline_compares_units() -> None:
    # 0 -> 3 -> 5: best rise +3; the goal asks 0 -> 4
    verdict = smart.achievable(goal(baseline=0.0, target=4.0),
                               [("2026-Q1", 0.0), ("2026-Q2", 3.0), ("2026-Q3", 5.0)])
    assert not verdict.passed and verdict.reason == "asks for +4 where the best change seen was +3 (1 more)"


def test_holding_a_level_already_met_is_achievable() -> None:
    verdict = smart.achievable(goal(direction="above", target=180.0), [])
    assert verdict.passed


def test_relevant_needs_a_linked_strategy() -> None:
    linked = Strategy(id="S-2", title="Bundle", goals=["G-1"])
    other = Strategy(id="S-3", title="Elsewhere", goals=["G-9"])
    served, unserved = smart.relevant(goal(), [linked, other]), smart.relevant(goal(), [other])
    assert (served.letter, served.passed, served.reason) == ("R", True, "served by S-2")
    assert (unserved.letter, unserved.passed, unserved.reason) == ("R", False, "no strategy linked to it")


def test_a_reason_travels_as_templates_and_values_that_make_it_up() -> None:
    """So that an interface in another language can say the same (tui/screens/goals.py)."""
    for verdict in smart.check(goal(scope={}, owner=None, metric="", target=None, deadline=None)) + \
            smart.check(goal(), history=[("2026-Q1", 150.0), ("2026-Q2", 200.0)]):
        assert verdict.parts and all(template in smart.MESSAGES for template, _ in verdict.parts)
        assert verdict.sep.join(t.format(**values) for t, values in verdict.parts) == verdict.reason
    missing = smart.measurable(goal(metric="", target=None))
    assert [t for t, _ in missing.parts] == ["no metric", "no target"] and missing.sep == ", "


def test_time_bound_passes_inside_the_plan_period() -> None:
    verdict = smart.time_bound(goal(), date(2026, 10, 1), date(2026, 12, 31))
    assert verdict.passed and verdict.reason == "by 2026-12-31"


@pytest.mark.parametrize("deadline, reason", [
    (None, "no deadline"),
    ("2027-01-15", "the deadline 2027-01-15 is after the plan ends (2026-12-31)"),
    ("2026-09-30", "the deadline 2026-09-30 is before the plan starts (2026-10-01)"),
])
def test_time_bound_fails_without_a_deadline_or_outside_the_period(deadline, reason) -> None:
    verdict = smart.time_bound(goal(deadline=deadline), date(2026, 10, 1), date(2026, 12, 31))
    assert not verdict.passed and verdict.reason == reason


def test_check_gives_the_five_letters_in_order() -> None:
    verdicts = smart.check(goal(), history=HISTORY, strategies=[])
    assert [v.letter for v in verdicts] == ["S", "M", "A", "R", "T"]
    assert [v.passed for v in verdicts] == [True, True, False, False, True]  # +15% > +9.2%; no strategy


def test_a_quarters_goal_is_judged_by_changes_over_three_months() -> None:
    """Monthly history 100, 200, 110, 120, 130, 140, 150: one month's best swing is +100%
    (100 -> 200), but over three months the best is +27.3% (110 -> 140). A quarter's +50% is
    beyond that; a month's goal is judged month to month."""
    history = [(f"2026-{m:02d}", v) for m, v in zip(range(1, 8), (100, 200, 110, 120, 130, 140, 150))]
    quarter = goal(baseline=100.0, target=150.0, start="2026-10-01", deadline="2026-12-31")
    verdict = smart.achievable(quarter, history)
    assert not verdict.passed
    assert verdict.reason == "asks for +50.0% where the best change seen was +27.3% (22.7 points more)"
    month = goal(baseline=100.0, target=150.0, start="2026-12-01", deadline="2026-12-31")
    assert smart.achievable(month, history).reason == "asks for +50.0%; the best change seen was +100.0%"
    # a history shorter than the goal: the longest span it has
    assert smart.achievable(quarter, history[:2]).reason == "asks for +50.0%; the best change seen was +100.0%"


def test_a_goal_without_its_own_start_is_judged_over_the_plans_period() -> None:
    """The README's first goal has a deadline and no start: it is the cycle's (a quarter), as its
    baseline is taken, so it is judged by changes over three months too, not month to month."""
    history = [(f"2026-{m:02d}", v) for m, v in zip(range(1, 8), (100, 200, 110, 120, 130, 140, 150))]
    cycles = goal(baseline=100.0, target=150.0, deadline="2026-12-31")
    verdicts = smart.check(cycles, history=history, period_start=date(2026, 10, 1), period_end=date(2026, 12, 31))
    assert verdicts[2].reason == "asks for +50.0% where the best change seen was +27.3% (22.7 points more)"
    assert smart.achievable(cycles, history).reason == "asks for +50.0%; the best change seen was +100.0%"  # no plan


# a win rate by quarter: 27% -> 31% is +4 points, 31% -> 29.5% is -1.5
RATES = [("2026-Q1", 27.0), ("2026-Q2", 31.0), ("2026-Q3", 29.5)]


def test_a_rates_achievable_says_points_and_where_the_best_change_was_seen() -> None:
    rate = goal(metric="win_rate", unit="%", baseline=31.0, target=40.0, start="2026-10-01", deadline="2026-12-31")
    verdict = smart.achievable(rate, RATES)
    assert not verdict.passed
    assert verdict.reason == ("40% is 9 points above the baseline 31%, 5 more than the best change seen: "
                              "+4 points (27% in 2026-Q1 to 31% in 2026-Q2)")
    within = smart.achievable(msgspec.structs.replace(rate, target=33.0), RATES)
    assert within.passed
    assert within.reason == ("33% is 2 points above the baseline 31%; the best change seen was +4 points "
                             "(27% in 2026-Q1 to 31% in 2026-Q2)")


def test_a_falling_rates_achievable_compares_the_biggest_fall() -> None:
    churn = goal(metric="churn_rate", unit="%", baseline=12.0, target=8.0, direction="decrease",
                 start="2026-10-01", deadline="2026-12-31")
    verdict = smart.achievable(churn, [("2026-Q1", 14.0), ("2026-Q2", 12.5), ("2026-Q3", 13.0)])
    # the best fall seen: 14% -> 12.5%, -1.5 points; 8% asks 4 below 12%, 2.5 more
    assert not verdict.passed
    assert verdict.reason == ("8% is 4 points below the baseline 12%, 2.5 more than the best change seen: "
                              "-1.5 points (14% in 2026-Q1 to 12.5% in 2026-Q2)")


def test_achievable_says_which_number_it_lacks() -> None:
    """A goal made of a weak spot has a baseline from the diagnosis and no target yet: it said
    "no baseline and target to judge", which read as though the baseline were missing too."""
    assert smart.achievable(goal(target=None), HISTORY).reason == "no target to judge the change by"
    assert smart.achievable(goal(baseline=None), HISTORY).reason == "no baseline to judge the change from"
    assert smart.achievable(goal(baseline=None, target=None), HISTORY).reason == "no baseline and target to judge"
