"""Last cycle's goals read after the plan moved on: a goal carried on names the goal that carries
it, and one that ran wholly in the last cycle stays time-bound (judged by its own dates, not failed
for ending before the new cycle it was never in); a new goal dated before the plan still fails."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_uplift


@pytest.fixture
def run(board_path, capsys, monkeypatch):
    runner = run_uplift(board_path, capsys, monkeypatch)
    assert runner("plan", "new", "--from", "sample-quarter")[0] == 0  # Q4 2026: 2026-10-01 to 2026-12-31
    assert runner("plan", "info", "--name", "Q1", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    return runner


def _smart(run, goal: str) -> dict[str, tuple[bool, str]]:
    smart = json.loads(run("goal", "show", goal, "--json")[1])["goal"]["smart"]
    return {letter: (v["passed"], v["reason"]) for letter, v in smart.items()}


def test_last_cycles_goal_says_what_carried_it_and_stays_time_bound(run) -> None:
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0
    out = run("goal", "show", "G-1")[1]
    assert "\n  carried on into the next cycle as G-4\n" in out
    assert "\n    T pass  by 2026-12-31\n" in out
    assert "carried on into" not in run("goal", "show", "G-2")[1]  # (not carried: nothing to name)
    assert _smart(run, "G-2")["T"][0] is True


def test_a_new_goal_dated_before_the_plan_still_fails_time_bound(run) -> None:
    code, out, _ = run("goal", "add", "Late one", "--metric", "revenue", "--target", "2M", "--deadline", "2026-12-20")
    assert code == 0
    assert _smart(run, out.split()[0].rstrip(":"))["T"] == (
        False, "the deadline 2026-12-20 is before the plan starts (2027-01-04)")
