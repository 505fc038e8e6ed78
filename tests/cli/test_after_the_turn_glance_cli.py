"""After the turn to a new cycle: the cycle at a glance counts the new cycle's work as the
burn-up does (last cycle's done tasks are not this one's), and the burn-up of a cycle that has
ended reads as ended, not as running."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


def test_the_glance_leaves_out_last_cycles_done_tasks(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))  # Q4 2026 running
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    tasks = json.loads(run("task", "list", "--json")[1])
    status = {s: sum(1 for t in tasks if t["status"] == s) for s in ("todo", "doing", "blocked", "done")}
    assert json.loads(run("cycle", "--json")[1])["plan"]["tasks"] == status  # (Q4: all of them)

    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("task", "add", "Plan the Q1 kickoff", "--owner", "ali")[0] == 0  # (to do)
    first_todo = next(t["id"] for t in tasks if t["status"] == "todo")
    assert run("task", "move", first_todo, "done")[0] == 0
    # the Q4 tasks still open, the new one, and one of them done in Q1: none of Q4's done ones
    expected = {"todo": status["todo"], "doing": status["doing"], "blocked": status["blocked"], "done": 1}
    assert json.loads(run("cycle", "--json")[1])["plan"]["tasks"] == expected
    scope = sum(expected.values())
    code, out, _ = run("cycle")
    assert code == 0 and (f"{scope} tasks: {expected['todo']} to do, {expected['doing']} doing, "
                          f"{expected['blocked']} blocked, 1 done") in out
    today = json.loads(run("burnup", "--json")[1])["days"][-1]
    assert (today["scope"], today["done"]) == (scope, 1)  # the burn-up agrees


def test_an_ended_cycles_burn_up_reads_as_ended(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 31, 12, tzinfo=timezone.utc))  # Q4 2026's last day
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    tasks = json.loads(run("task", "list", "--json")[1])
    open_ = sum(1 for t in tasks if t["status"] != "done")
    out = run("burnup")[1]  # while it runs, it reads as running
    assert out.startswith("Burn-up 2026-10-01 to 2026-12-31: day 92 of 92\n") and "would be done by now" in out

    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))  # over, no new cycle yet
    ended = run("burnup")[1]
    assert ended == run("burnup", "--start", "2026-10-01", "--end", "2026-12-31")[1]  # (read as an earlier cycle)
    assert ended.startswith("Burn-up 2026-10-01 to 2026-12-31: the cycle has ended (92 days)\n")
    assert "day 92 of 92" not in ended and "by now" not in ended
    assert f"{len(tasks)} tasks, {len(tasks) - open_} done" in ended
    assert f"The cycle ended on 2026-12-31 with {open_} tasks open." in ended


def test_one_task_left_open_is_said_as_one(run, monkeypatch) -> None:
    """The ended cycle's line said "with 1 tasks open"."""
    fix_now(monkeypatch, datetime(2026, 12, 1, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("task", "done", "T-2")[0] == 0  # the team's T-1 stays open
    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))
    assert "The cycle ended on 2026-12-31 with 1 task open." in run("burnup")[1].splitlines()


def test_a_new_cycles_statements_at_nothing_are_not_to_approve(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    assert "Payouts: 3 to approve" in run("today")[1]  # (Q4: ali, bea and chen have earned; dev and emma 0.00)

    fix_now(monkeypatch, datetime(2027, 1, 5, 12, tzinfo=timezone.utc))  # Q1 2027's second day: nothing won yet
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    statements = json.loads(run("payout", "--json")[1])
    assert len(statements) == 5 and {s["total"] for s in statements} == {0.0}
    code, out, _ = run("today")
    assert code == 0 and "Payouts:" not in out
    # one won deal: that rep's statement has something to approve, the others still nothing
    # (ali's quota 60,000: 0% to 30,000, 5% of the 10,000 above = 500.00)
    deal = json.loads(run("deal", "add", "Q1 opener", "--value", "40000", "--owner", "ali", "--json")[1])["deal"]
    assert run("deal", "move", deal["id"], "won")[0] == 0
    assert [s["total"] for s in json.loads(run("payout", "--json")[1]) if s["rep"] == "ali"] == [500.0]
    assert "Payouts: 1 to approve (`uplift payout`)" in run("today")[1]


def test_an_ended_cycle_without_tasks_is_not_told_to_add_one(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0  # (its tasks came in on 2026-12-20)
    out = run("burnup", "--start", "2026-07-01", "--end", "2026-09-30")[1]
    assert out.startswith("Burn-up 2026-07-01 to 2026-09-30: the cycle has ended (92 days)\n")
    assert out.endswith("\nThe cycle had no tasks.\n")
