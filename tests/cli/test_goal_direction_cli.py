"""A goal whose target lies below its baseline (churn from 12% to 8%) is a decrease, as Lattice and
Tability read it, without being told; a direction said against the numbers is refused."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest


def _goal(run, goal: str = "G-1") -> dict:
    return json.loads(run("goal", "show", goal, "--json")[1])["goal"]


def test_a_target_below_the_baseline_is_a_decrease_and_counts_down(run) -> None:
    today = date.today()
    start, deadline = today - timedelta(days=30), today + timedelta(days=30)
    assert run("goal", "add", "Cut churn", "--metric", "churn", "--unit", "%", "--baseline", "12",
               "--target", "8", "--start", start, "--deadline", deadline)[:2] == (0, "G-1\n")
    out = run("goal", "show", "G-1")[1]
    assert "  target    decrease to 8%\n" in out and "M pass  churn from 12% to 8%" in out
    assert _goal(run)["direction"] == "decrease"
    # half the time gone: a steady pace is half of the way from 12 down to 8, i.e. at 10
    code, out, _ = run("goal", "checkin", "G-1", "10")
    assert code == 0 and out.endswith("at 10%; 50% of the way from baseline to target, 50% expected by now\n")
    goal = _goal(run)
    assert (goal["progress"], goal["expected"], goal["expected_value"], goal["behind"]) == (0.5, 0.5, 10.0, False)
    assert "G-1" not in run("alerts")[1]
    run("goal", "checkin", "G-1", "11")  # 1 of the 4 points: a quarter of the way, behind
    goal = _goal(run)
    assert (goal["progress"], goal["behind"]) == (0.25, True)
    assert "G-1 is behind its pace: 25% by now where 50% was expected (25% short)" in run("alerts")[1]


def test_a_direction_said_against_the_numbers_is_refused_and_nothing_is_written(run) -> None:
    code, out, err = run("goal", "add", "Cut churn", "--baseline", "12", "--target", "8", "--direction", "increase")
    assert (code, out) == (2, "")
    assert err == ("uplift: direction: the target 8 is below the baseline 12: an increase needs a higher target "
                   "(leave the direction out and a lower target is taken as a decrease)\n")
    assert json.loads(run("goal", "list", "--json")[1]) == []
    run("goal", "add", "Shorter cycle", "--baseline", "60", "--target", "45")
    code, _, err = run("goal", "edit", "G-1", "--direction", "increase")
    assert code == 2 and err.startswith("uplift: direction: the target 45 is below the baseline 60:")
    assert _goal(run)["direction"] == "decrease"
    code, _, err = run("goal", "edit", "G-1", "--target", "70", "--direction", "decrease")
    assert code == 2 and err == ("uplift: direction: the target 70 is above the baseline 60: a decrease needs a lower "
                                 "target (leave the direction out and a higher target is taken as an increase)\n")
    assert _goal(run)["target"] == 45


def test_the_direction_follows_the_numbers_when_they_change(run) -> None:
    run("goal", "add", "Churn", "--baseline", "12", "--target", "8")
    assert run("goal", "edit", "G-1", "--target", "15")[0] == 0
    assert _goal(run)["direction"] == "increase"
    run("goal", "add", "Cycle", "--metric", "sales_cycle_days", "--baseline", "60", "--target", "-25%")
    assert "  target    decrease to 45 (-25%)\n" in run("goal", "show", "G-2")[1]
    # "stay above/below" is kept as said: either can hold from either side
    run("goal", "add", "Floor", "--baseline", "12", "--target", "8", "--direction", "above")
    assert _goal(run, "G-3")["direction"] == "above"


def test_a_new_baseline_alone_past_the_target_does_not_turn_the_goal_round(run) -> None:
    """Revenue to grow from 100,000 to 120,000; a newer diagnosis says 130,000 and the lead sets
    it as the baseline. The goal silently became "decrease to 120,000". A baseline alone that
    would turn the way is refused (exit 2, nothing written); with a new target, or the direction
    said, it is taken. A goal that had no baseline yet takes its way from the first one."""
    run("goal", "add", "Revenue", "--baseline", "100000", "--target", "120000")
    code, out, err = run("goal", "edit", "G-1", "--baseline", "130000")
    assert (code, out) == (2, "")
    assert err == ("uplift: baseline: the baseline 130,000 is above the target 120,000: the increase would become "
                   "a decrease; give a new target with it, or say the direction\n")
    assert (_goal(run)["baseline"], _goal(run)["direction"]) == (100000, "increase")
    assert run("goal", "edit", "G-1", "--baseline", "110000")[0] == 0  # still below the target: fine
    assert run("goal", "edit", "G-1", "--baseline", "130000", "--target", "150000")[0] == 0
    assert (_goal(run)["baseline"], _goal(run)["direction"]) == (130000, "increase")
    run("goal", "add", "Churn", "--baseline", "12", "--target", "8")
    code, _, err = run("goal", "edit", "G-2", "--baseline", "6")
    assert code == 2 and "the baseline 6 is below the target 8: the decrease would become an increase" in err
    assert run("goal", "edit", "G-2", "--baseline", "6", "--direction", "increase")[0] == 0
    run("goal", "add", "Cycle days", "--target", "45")
    assert run("goal", "edit", "G-3", "--baseline", "60")[0] == 0
    assert _goal(run, "G-3")["direction"] == "decrease"


def test_the_refusal_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("goal", "add", "降低流失", "--baseline", "12", "--target", "8", "--direction", "increase")
    assert code == 2
    assert err == "uplift: direction: 目标值 8 低于基线 12：增长的目标需要更高的目标值（不填方向时，低于基线的目标值视为降低）\n"
    code, _, err = run("goal", "add", "缩短周期", "--baseline", "60", "--target", "70", "--direction", "decrease")
    assert err == "uplift: direction: 目标值 70 高于基线 60：降低的目标需要更低的目标值（不填方向时，高于基线的目标值视为增长）\n"


@pytest.mark.parametrize(("said", "expected"), [("", "decrease"), ("  direction: increase\n", "increase")])
def test_a_plan_file_without_a_direction_takes_it_from_the_numbers(run, tmp_path, said, expected) -> None:
    """One that says it is kept as said (a board's own export says every goal's, and reads back)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("goals:\n- title: Cut churn\n  baseline: 12\n  target: 8\n" + said)
    assert run("plan", "import", plan)[0] == 0
    assert _goal(run)["direction"] == expected


def test_a_percentage_is_no_value_for_a_goal_measured_in_dollars(run, monkeypatch) -> None:
    """`50%` was taken as 50: a revenue goal at $50."""
    run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue", "--unit", "$", "--baseline", "1.2M", "--target", "1.38M")
    run("goal", "add", "Win rate", "--owner", "ali", "--metric", "win_rate", "--unit", "%", "--baseline", "31", "--target", "40")
    code, out, err = run("goal", "checkin", "G-1", "50%", user="ali")
    assert (code, out) == (2, "")
    assert err == "uplift: value: '50%' is a percentage, but the goal is measured in $: give its value in $\n"
    assert json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["checkins"] == []
    code, out, _ = run("goal", "checkin", "G-2", "36%", user="ali")  # a rate is given in %
    assert code == 0 and "at 36%; 56% of the way" in out  # 5 of 9 points
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("goal", "checkin", "G-1", "50%")[2] == "uplift: value: '50%' 是百分比，但该目标以 $ 计量：请以 $ 填写数值\n"


def test_minus_zero_is_zero(run) -> None:
    """`-0` was kept as -0.0: `--json` said "value":-0.0, "baseline":-0.0."""
    run("goal", "add", "New customers", "--baseline", "-0", "--target", "10")
    out = run("goal", "checkin", "G-1", "-0", "--json")[1]
    assert '"value":0.0' in out and '"baseline":0.0' in out and "-0.0" not in out


@pytest.mark.parametrize("typed", ["abc%", "50%%", "nan%"])
def test_a_bad_change_is_said_as_typed(run, typed) -> None:
    """`abc%` was said as 'abc' is not a number; `50%%` was taken as +50%."""
    code, out, err = run("goal", "add", "X", "--baseline", "100", "--target", typed)
    assert (code, out) == (2, "")
    assert err == f"uplift: target: {typed!r} is not a number (e.g. 1200000, 1.2M, 250k, 31.5)\n"
