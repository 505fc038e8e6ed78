"""A task done in the last cycle and reopened in this one is this cycle's work again: the burn-up
counts it in scope from the day it was reopened (and done once it is done again), the cycle at a
glance counts it with its status, and the last cycle's burn-up, read by its dates, still has it
done then (and counts one reopened in it from its reopening). Expected numbers are worked out by
hand in the comments."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


def _at(monkeypatch, day: int, month: int = 1, year: int = 2027) -> None:
    fix_now(monkeypatch, datetime(year, month, day, 12, tzinfo=timezone.utc))


def test_a_task_reopened_in_the_cycle_is_its_work_again(board_path, capsys, monkeypatch) -> None:
    run = run_uplift(board_path, capsys, monkeypatch)
    _at(monkeypatch, 20, 11, 2026)
    assert run("member", "add", "dana", "--role", "lead")[0] == 0
    assert run("plan", "info", "--start", "2026-12-01", "--end", "2026-12-31")[0] == 0
    for title in ("Call Acme", "Send the price list", "Plan the kickoff", "Clean the CRM"):
        assert run("task", "add", title)[0] == 0
    assert run("task", "move", "T-4", "done")[0] == 0  # done in November, before December's cycle
    _at(monkeypatch, 10, 12, 2026)
    assert run("task", "move", "T-1", "done")[0] == 0
    assert run("task", "move", "T-2", "done")[0] == 0
    _at(monkeypatch, 15, 12, 2026)
    assert run("task", "move", "T-4", "doing")[0] == 0  # reopened in December
    _at(monkeypatch, 20, 12, 2026)
    assert run("task", "move", "T-4", "done")[0] == 0

    _at(monkeypatch, 4)  # the turn: Q1 2027 from 4 January; T-1 and T-2 are last cycle's work
    assert run("plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    _at(monkeypatch, 5)
    assert run("task", "move", "T-1", "doing")[0] == 0  # reopened on 5 January
    _at(monkeypatch, 7)
    assert run("task", "move", "T-1", "done")[0] == 0  # done again on 7 January
    _at(monkeypatch, 8)
    assert run("task", "move", "T-2", "todo")[0] == 0  # reopened on 8 January, still open

    chart = json.loads(run("burnup", "--json")[1])
    # 4 Jan: T-3 only; 5-6 Jan: T-1 back (open); 7 Jan: T-1 done; 8 Jan: T-2 back (open)
    assert [(d["day"], d["scope"], d["done"]) for d in chart["days"]] == [
        ("2027-01-04", 1, 0), ("2027-01-05", 2, 0), ("2027-01-06", 2, 0), ("2027-01-07", 2, 1),
        ("2027-01-08", 3, 1)]
    assert chart["pace_per_day"] == 0.25  # 1 done over the 4 days since the first
    code, out, _ = run("burnup")
    assert code == 0 and "3 tasks, 1 done (33%), 2 open." in out

    # the glance counts as the burn-up does: T-1 done, T-2 and T-3 to do; the same pace
    glance = json.loads(run("cycle", "--json")[1])["plan"]
    assert glance["tasks"] == {"todo": 2, "doing": 0, "blocked": 0, "done": 1}
    assert glance["pace"] == 0.25

    # the last cycle's burn-up, by its dates, as it ended: T-1 to T-3 from its first day, T-4 from
    # its reopening on 15 December, done again on the 20th; T-1 and T-2 done then, reopened later
    past = json.loads(run("burnup", "--start", "2026-12-01", "--end", "2026-12-31", "--json")[1])["days"]
    assert [(d["day"], d["scope"], d["done"]) for d in past if d["day"][-2:] in ("01", "10", "14", "15", "20", "31")] \
        == [("2026-12-01", 3, 0), ("2026-12-10", 3, 2), ("2026-12-14", 3, 2), ("2026-12-15", 4, 2),
            ("2026-12-20", 4, 3), ("2026-12-31", 4, 3)]
