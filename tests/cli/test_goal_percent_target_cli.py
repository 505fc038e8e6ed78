"""`--target 50%`: of a rate (win rate, conversion, a metric in %) it is that rate; of an amount or
a count (revenue, units, customers) it names no value and is bad input; signed (`+15%`) it is a
change from the baseline, whatever the metric. A plan file's `target: 50%` is read by the same rule."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files

NOT_A_RATE = ("uplift: target: '50%' is a percentage, but {metric} is not a rate: give the target itself "
              "(such as 1.38M), or a change from the baseline with its sign (+50%)\n")


def _goal(run, goal: str = "G-1") -> dict:
    return json.loads(run("goal", "show", goal, "--json")[1])["goal"]


@pytest.mark.parametrize("metric", ["revenue", "units", "new_customers", "average_order_value"])
def test_a_percentage_of_an_amount_or_a_count_is_bad_input(run, team, metric) -> None:
    before = snapshot_files(team)
    assert run("goal", "add", "Grow", "--metric", metric, "--baseline", "1000", "--target", "50%")[::2] == (
        2, NOT_A_RATE.format(metric=metric.replace("_", " ")))  # (a KPI in words)
    assert snapshot_files(team) == before


def test_an_amount_in_a_currency_of_ones_own_metric_is_no_rate_either(run) -> None:
    code, out, err = run("goal", "add", "Bookings", "--metric", "bookings", "--unit", "$", "--target", "50%")
    assert (code, out) == (2, "") and "'50%' is a percentage, but bookings is not a rate" in err


@pytest.mark.parametrize("metric, unit", [("win_rate", None), ("Win rate", None), ("conversion", None),
                                          ("close_rate", None), ("demo_to_deal", "%")])
def test_a_percentage_of_a_rate_is_that_rate(run, metric, unit) -> None:
    extra = ["--unit", unit] if unit else []
    code, out, err = run("goal", "add", "Win more", "--metric", metric, "--baseline", "40", "--target", "50%", *extra)
    assert (code, out) == (0, "G-1\n"), err
    goal = _goal(run)
    assert (goal["target"], goal["target_kind"]) == (50, "absolute")  # 50%, not 40% and half again (60%)


def test_a_signed_percentage_is_a_change_from_the_baseline_whatever_the_metric(run) -> None:
    assert run("goal", "add", "Grow", "--metric", "revenue", "--baseline", "1.2M", "--target", "+15%")[0] == 0
    assert (_goal(run)["target"], _goal(run)["target_kind"]) == (15, "percent")
    assert "increase to 1,380,000 (+15%)" in run("goal", "show", "G-1")[1]  # 1.2M * 1.15


def test_edit_and_carry_read_the_target_by_the_goals_own_metric(run, team) -> None:
    assert run("goal", "add", "Grow", "--metric", "revenue", "--baseline", "1.2M", "--target", "1.38M")[0] == 0
    assert run("goal", "add", "Win", "--metric", "win_rate", "--baseline", "31", "--target", "40")[0] == 0
    before = snapshot_files(team)
    assert run("goal", "edit", "G-1", "--target", "50%")[::2] == (2, NOT_A_RATE.format(metric="revenue"))
    assert run("goal", "carry", "G-1", "--target", "50%")[::2] == (2, NOT_A_RATE.format(metric="revenue"))
    assert snapshot_files(team) == before
    assert run("goal", "edit", "G-2", "--target", "45%")[0] == 0
    assert (_goal(run, "G-2")["target"], _goal(run, "G-2")["target_kind"]) == (45, "absolute")
    # the metric given with the target is the one that counts: revenue becomes a win rate here
    assert run("goal", "edit", "G-1", "--metric", "win_rate", "--baseline", "30", "--target", "35%")[0] == 0
    assert (_goal(run)["target"], _goal(run)["target_kind"]) == (35, "absolute")


def test_a_plan_files_percentage_target_follows_the_same_rule(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("goals:\n"
                    "- {title: Grow, metric: revenue, unit: $, baseline: 1000, target: 50%}\n"
                    "- {title: Win more, metric: win_rate, baseline: 31, target: 40%}\n"
                    "- {title: Grow more, metric: revenue, baseline: 1000, target: +15%}\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", plan)
    assert (code, out) == (2, "")
    assert err.startswith(f"{plan}:2: goals[0].target: '50%' is a percentage, but revenue is not a rate: ")
    assert snapshot_files(team) == before
    plan.write_text(plan.read_text(encoding="utf-8").replace("target: 50%", "target: 1500"), encoding="utf-8")
    code, _, err = run("plan", "import", plan)
    assert code == 0, err
    goals = {g["title"]: g for g in json.loads(run("goal", "list", "--json")[1])}
    assert (goals["Win more"]["target"], goals["Win more"]["target_kind"]) == (40, "absolute")
    assert (goals["Grow more"]["target"], goals["Grow more"]["target_kind"]) == (15, "percent")
