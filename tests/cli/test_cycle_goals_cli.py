"""`uplift cycle` accounts for every goal of the cycle: the README's first goal (a target, no
baseline) has no pace to judge, and the Goals line said "1 goal: 0 on pace, 0 behind"."""

from __future__ import annotations

import json


def test_a_goal_with_no_pace_to_judge_is_named(run) -> None:
    assert run("plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("goal", "add", "Grow revenue to 1.5M", "--metric", "revenue", "--target", "1.5M",
               "--deadline", "2027-03-31")[0] == 0
    code, out, _ = run("cycle")
    assert code == 0 and "  1 goal: 0 on pace, 0 behind, 1 with no pace to judge yet (G-1)" in out.splitlines()
    assert json.loads(run("cycle", "--json")[1])["goals"]["unpaced"] == ["G-1"]
    run("goal", "close", "G-1", "--outcome", "dropped")
    assert "  1 goal: 0 on pace, 0 behind, 1 closed (G-1)" in run("cycle")[1].splitlines()


def test_one_strategy_is_said_as_one(run) -> None:
    """The Goals line counted "1 strategies"."""
    assert run("goal", "add", "Grow revenue to 1.5M", "--metric", "revenue", "--target", "1.5M")[0] == 0
    assert run("strategy", "add", "Win back lapsed accounts", "--goal", "G-1")[0] == 0
    assert "  1 waiting for a check-in · 1 strategy" in run("cycle")[1].splitlines()
    assert run("strategy", "add", "Bundle the renewals", "--goal", "G-1")[0] == 0
    assert "  1 waiting for a check-in · 2 strategies" in run("cycle")[1].splitlines()
