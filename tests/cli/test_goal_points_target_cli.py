"""A rate's target in percentage points (`+5pp`, `+5 points`): win rate 40% → 45%. A `+5%` on a
rate stays a change in % of the baseline (40% → 42%), and every command that takes it says so, and
how points are written. Points on an amount or a count are bad input. The numbers are worked by
hand in the comments."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files


def _goal(run, goal: str = "G-1") -> dict:
    return json.loads(run("goal", "show", goal, "--json")[1])["goal"]


@pytest.mark.parametrize("typed", ["+5pp", "+5 pp", "+5 points", "+5 pts", "+5PP", "5pp", "+5 percentage points",
                                   "+5个百分点", "+５pp"])
def test_points_on_a_rate_add_to_the_baseline(run, typed) -> None:
    code, out, err = run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", typed)
    assert (code, out, err) == (0, "G-1\n", "")  # nothing to explain: points are what they say
    goal = _goal(run)
    assert (goal["target"], goal["target_kind"]) == (5, "points")
    assert "increase to 45% (+5 pts)" in run("goal", "show", "G-1")[1]  # 40 + 5, not 40 * 1.05 = 42


def test_progress_counts_toward_the_target_in_points(run) -> None:
    assert run("goal", "add", "Convert", "--metric", "conversion", "--unit", "%", "--baseline", "30",
               "--target", "-4 points")[0] == 0
    assert "decrease to 26% (-4 pts)" in run("goal", "show", "G-1")[1]  # 30 - 4: a decrease, read from the numbers
    assert run("goal", "checkin", "G-1", "29")[0] == 0
    # 1 of the 4 points from 30 to 26 gone: 25% of the way
    assert _goal(run)["progress"] == pytest.approx(0.25)


def test_a_percentage_change_of_a_rate_says_what_it_came_to(run) -> None:
    code, out, err = run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", "+5%")
    assert (code, out) == (0, "G-1\n")  # stdout stays the id scripts read
    # 40 * 1.05 = 42
    assert err == "note: G-1: win rate 40% → 42%: +5% of 40%; for points write +5pp\n"
    assert (_goal(run)["target"], _goal(run)["target_kind"]) == (5, "percent")
    assert "increase to 42% (+5%)" in run("goal", "show", "G-1")[1]
    # edited to points, as the note says: 40 + 5 = 45, and no note
    assert run("goal", "edit", "G-1", "--target", "+5pp")[::2] == (0, "")
    assert "increase to 45% (+5 pts)" in run("goal", "show", "G-1")[1]
    # an amount's +15% needs no note: 15% of it is what anyone means
    assert run("goal", "add", "Grow", "--metric", "revenue", "--baseline", "1.2M", "--target", "+15%")[::2] == (0, "")


def test_edit_and_carry_say_it_too(run) -> None:
    assert run("goal", "add", "Win", "--metric", "win_rate", "--baseline", "30", "--target", "35")[0] == 0
    code, out, err = run("goal", "edit", "G-1", "--target", "-10%")
    # 30 * 0.9 = 27
    assert (code, out, err) == (0, "G-1\n", "note: G-1: win rate 30% → 27%: -10% of 30%; for points write -10pp\n")


@pytest.mark.parametrize("metric", ["revenue", "units", "new_customers"])
def test_points_on_an_amount_or_a_count_are_bad_input(run, team, metric) -> None:
    before = snapshot_files(team)
    assert run("goal", "add", "Grow", "--metric", metric, "--baseline", "1000", "--target", "+5pp")[::2] == (
        2, f"uplift: target: '+5pp' is a change in percentage points, but {metric} is not a rate: give the target "
           "itself (such as 1.38M), or a change from the baseline in % (+5%)\n")
    assert run("goal", "add", "Win", "--metric", "win_rate", "--target", "+fivepp")[::2] == (
        2, "uplift: target: '+fivepp' is not a number of points (e.g. +5pp, -2.5 points)\n")
    assert snapshot_files(team) == before


def test_a_score_in_points_takes_points_too(run) -> None:
    """An NPS measured in points: +5 points from 20 is 25, as on a rate."""
    assert run("goal", "add", "Happier", "--metric", "nps", "--unit", "points", "--baseline", "20",
               "--target", "+5 points")[::2] == (0, "")
    assert "increase to 25 points (+5 pts)" in run("goal", "show", "G-1")[1]


def test_a_plan_file_reads_points_and_notes_a_percentage_of_a_rate(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("goals:\n"
                    "- {title: Win a, metric: win_rate, baseline: 40, target: +5pp}\n"
                    "- {title: Win b, metric: win_rate, baseline: 40, target: +5%}\n"
                    "- {title: Grow, metric: revenue, baseline: 1000, target: +2 points}\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", plan)
    assert (code, out) == (2, "")
    assert err.startswith(f"{plan}:4: goals[2].target: '+2 points' is a change in percentage points, but revenue "
                          "is not a rate")
    assert snapshot_files(team) == before
    plan.write_text(plan.read_text(encoding="utf-8").replace("+2 points", "+2%"), encoding="utf-8")
    code, out, err = run("plan", "import", plan)
    assert code == 0, err
    assert err == "note: G-2: win rate 40% → 42%: +5% of 40%; for points write +5pp\n"  # not G-1, not G-3 (revenue)
    goals = {g["title"]: g for g in json.loads(run("goal", "list", "--json")[1])}
    assert (goals["Win a"]["target"], goals["Win a"]["target_kind"]) == (5, "points")
    assert (goals["Win b"]["target"], goals["Win b"]["target_kind"]) == (5, "percent")
    # exported and read back, a points target stays points
    exported = run("plan", "export")[1]
    assert "target: 5\n  target_kind: points" in exported


def test_a_rate_goal_may_not_aim_or_start_outside_0_to_100(run, team) -> None:
    from tests.conftest import snapshot_files  # (nothing is written by a refusal)

    code, _, err = run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", "140")
    assert (code, err) == (2, "uplift: target: win rate is a rate from 0 to 100%: a target of 140% is not one\n")
    # +20% of 90 is 108: judged where it lands
    code, _, err = run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "90", "--target", "+20%")
    assert (code, err) == (2, "uplift: target: win rate is a rate from 0 to 100%: a target of 108% is not one\n")
    code, _, err = run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "-5", "--target", "40")
    assert (code, err) == (2, "uplift: baseline: win rate is a rate from 0 to 100%: a baseline of -5% is not one\n")
    assert run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", "+5pp")[0] == 0
    before = snapshot_files(team)
    code, _, err = run("goal", "edit", "G-1", "--target", "100.5")
    assert (code, err) == (2, "uplift: target: win rate is a rate from 0 to 100%: a target of 100.5% is not one\n")
    assert "increase to 45% (+5 pts)" in run("goal", "show", "G-1")[1]
    assert snapshot_files(team) == before
