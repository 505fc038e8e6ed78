"""A goal carried on into a cycle after it began (`goal carry` a week late) is judged from the day
it was carried on, where its baseline was taken: on pace that day, not a week behind at once; a
goal carried on before its cycle began counts from the cycle's first day as ever. Expected shares
are worked out by hand in the comments."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan, run_uplift
from tests.conftest import fix_now

PLAN = """\
schema: 1
plan:
  name: North team, Q4 2026
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
goals:
- {id: G-1, title: Book 40 demos, owner: ali, metric: demos booked, baseline: 10, target: 40,
   start: 2026-10-01, deadline: 2026-12-31}
checkins:
- {id: C-1, goal: G-1, value: 30, by: ali, at: '2026-12-20T16:00:00+00:00'}
"""
Q1 = ("--start", "2027-01-04", "--end", "2027-03-31")


def _at(monkeypatch, day: int, month: int = 1) -> None:
    fix_now(monkeypatch, datetime(2027, month, day, 12, tzinfo=timezone.utc))


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    runner = board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2026, 12, 28, 12, tzinfo=timezone.utc))
    assert runner("plan", "info", "--name", "North team, Q1 2027", *Q1)[0] == 0
    return runner


def _pace(run, goal: str) -> tuple[float, bool]:
    shown = json.loads(run("goal", "show", goal, "--json")[1])["goal"]
    return round(shown["expected"] * 100, 1), shown["behind"]


def test_a_goal_carried_on_a_week_late_is_paced_from_that_day(run, monkeypatch) -> None:
    _at(monkeypatch, 11)  # a week into Q1 (4 January to 31 March)
    assert run("goal", "carry", "G-1", "--target", "60")[0] == 0  # G-2, from 30 (G-1 at its end)
    assert json.loads(run("goal", "show", "G-2", "--json")[1])["goal"]["carried_on"] == "2027-01-11"
    assert _pace(run, "G-2") == (0.0, False)  # (counted from the cycle's start: 7 of 86 days, 8.1% behind)
    cycle = json.loads(run("cycle", "--json")[1])["goals"]
    assert "G-2" not in cycle["behind"] + cycle["first_checkin"]
    assert "G-2" not in run("alerts")[1]

    _at(monkeypatch, 25)  # two weeks on: 14 of the 79 days from 11 January to 31 March, 17.7%
    assert run("goal", "checkin", "G-2", "36", user="ali")[0] == 0  # 6 of the 30 to go: 20%
    assert _pace(run, "G-2") == (17.7, False)  # (from the cycle's start: 21 of 86 days, 24.4%: behind)
    shown = run("goal", "show", "G-2")[1]
    assert "\n  carries G-1 on from the last cycle, since 2027-01-11 (its pace counts from then)\n" in shown
    assert "20% of the way from baseline to target, 18% expected by now" in shown


def test_a_goal_carried_on_before_the_cycle_began_is_paced_from_its_first_day(run, monkeypatch) -> None:
    assert run("goal", "carry", "G-1", "--target", "60")[0] == 0  # on 28 December, before Q1
    _at(monkeypatch, 25)  # 21 of the 86 days from 4 January to 31 March: 24.4%
    assert _pace(run, "G-2") == (24.4, True)  # (no check-in yet: 0% of the way)
    assert "\n  carries G-1 on from the last cycle\n" in run("goal", "show", "G-2")[1]
