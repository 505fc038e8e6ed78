"""The burn-up of a new cycle: the tasks done in the last one are last cycle's work, so they neither
fill the new cycle's scope nor count as done in it (the even pace is then of the work still to do);
the open tasks carried over are its scope, and the last cycle's burn-up, read before the turn, had
them all."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


def test_last_cycles_done_tasks_are_not_the_new_cycles(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))  # Q4 2026 running
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    tasks = json.loads(run("task", "list", "--json")[1])
    done = sum(1 for t in tasks if t["status"] == "done")
    assert 0 < done < len(tasks)
    old = json.loads(run("burnup", "--json")[1])["days"][-1]
    assert (old["scope"], old["done"]) == (len(tasks), done)

    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("task", "add", "Plan the Q1 kickoff", "--owner", "ali")[0] == 0
    first_open = next(t["id"] for t in tasks if t["status"] != "done")
    assert run("task", "move", first_open, "done")[0] == 0
    chart = json.loads(run("burnup", "--json")[1])
    today = chart["days"][-1]
    assert (today["scope"], today["done"]) == (len(tasks) - done + 1, 1)
    first = chart["days"][0]  # 2027-01-04, before the new task: the open tasks carried over
    assert (first["scope"], first["done"], first["even_pace"]) == (len(tasks) - done, 0, round((len(tasks) - done) / 87, 2))
    code, out, _ = run("burnup")
    assert code == 0 and f"{len(tasks) - done + 1} tasks, 1 done" in out
    # the last cycle's burn-up is still there to read, as it ended: its own tasks and those done
    past = json.loads(run("burnup", "--start", "2026-10-01", "--end", "2026-12-31", "--json")[1])
    assert (past["start"], past["end"], past["days"][-1]["day"]) == ("2026-10-01", "2026-12-31", "2026-12-31")
    assert (past["days"][-1]["scope"], past["days"][-1]["done"]) == (len(tasks), done)
    code, _, err = run("burnup", "--start", "2026-10-01")
    assert (code, err) == (2, "uplift: a cycle has a first and a last day: give --start and --end\n")
