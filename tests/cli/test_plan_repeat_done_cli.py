"""A repeating task marked done in a plan file makes its next occurrence, as `uplift task done`
does (a rep ticking the weekly review done in a file must not end its repeats); the dry run says
so, and a file that already holds the next one, or the board's own file read onto a fresh board,
makes no second one."""

from __future__ import annotations

import json


def _tasks(run, board=()) -> list:
    return sorted(((t["id"], t["status"], t["due"], t.get("previous")) for t in
                   json.loads(run(*board, "task", "list", "--json")[1])), key=lambda t: int(t[0][2:]))


def _done_in_a_file(run, tmp_path, user: str = "ali"):
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan), user=user)[0] == 0
    text = plan.read_text()
    assert text.count("  status: todo\n  priority: normal\n  due: 2026-12-04\n") == 1
    plan.write_text(text.replace("  status: todo\n  priority: normal\n  due: 2026-12-04\n",
                                 "  status: done\n  priority: normal\n  due: 2026-12-04\n"))
    return plan


def test_a_repeating_task_done_in_a_file_makes_its_next(team, run, tmp_path) -> None:
    code, out, err = run("task", "add", "Weekly review", "--owner", "ali", "--due", "2026-12-04", "--every", "weekly")
    assert code == 0, err
    plan = _done_in_a_file(run, tmp_path)
    code, out, _ = run("plan", "import", str(plan), "--dry-run", user="ali")
    assert code == 0
    assert out.startswith("Would create 1:\n  T-4  Weekly review\nWould change 1:\n  T-3  (status)\n")
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert code == 0, err
    assert out.startswith("Created 1:\n  T-4  Weekly review\nChanged 1:\n  T-3  (status)\n")
    assert _tasks(run)[2:] == [("T-3", "done", "2026-12-04", None), ("T-4", "todo", "2026-12-11", "T-3")]
    # the same file again, and the board's file read onto a fresh board: no second one
    assert run("plan", "import", str(plan), user="ali")[1].startswith("Created 0\nChanged 0\n")
    assert run("plan", "export", "-o", str(plan))[0] == 0
    fresh = ("--board", str(tmp_path / "fresh"))
    assert run(*fresh, "plan", "import", str(plan))[0] == 0
    assert _tasks(run, fresh) == _tasks(run)
