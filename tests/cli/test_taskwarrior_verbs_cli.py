"""The verbs a taskwarrior user's fingers type: start, stop, annotate, modify."""

from __future__ import annotations

import json

from store.board import Board
from tests.conftest import snapshot_files


def _task(team, task_id: str):
    return Board(team, actor="dana").task(task_id)


def test_start_moves_to_doing_and_stop_back_to_todo(team, run):
    code, out, _ = run("task", "start", "T-1", user="ali")
    assert (code, out) == (0, "T-1 → Doing\n")
    assert _task(team, "T-1").status == "doing"
    code, out, _ = run("task", "stop", "T-1", user="ali")
    assert (code, out) == (0, "T-1 → To do\n")
    assert _task(team, "T-1").status == "todo"


def test_stop_on_a_task_not_started_moves_nothing_and_says_so(team, run):
    before = snapshot_files(team)
    code, out, _ = run("task", "stop", "T-1", user="ali")
    assert (code, out) == (0, "T-1 is To do, not started: nothing to stop\n")
    assert snapshot_files(team) == before
    code, out, err = run("task", "stop", "T-1", "--json", user="ali")
    assert code == 0 and json.loads(out)["task"]["status"] == "todo" and "nothing to stop" in err


def test_start_several_and_stop_only_the_started(team, run):
    assert run("task", "start", "T-1", "T-2")[0] == 0
    assert run("task", "stop", "T-2")[0] == 0
    code, out, _ = run("task", "stop", "T-1", "T-2")
    assert code == 0
    assert out.splitlines() == ["T-2 is To do, not started: nothing to stop", "T-1 → To do"]


def test_a_done_task_is_not_started_nothing_written(team, run):
    assert run("task", "done", "T-2")[0] == 0
    before = snapshot_files(team)
    code, out, err = run("task", "start", "T-1", "T-2")
    assert (code, out) == (1, "")
    assert err == "uplift: T-2 is done: `uplift task move T-2 doing` reopens it\n"
    assert snapshot_files(team) == before


def test_annotate_is_comment_and_modify_is_edit(team, run):
    assert run("task", "annotate", "T-1", "Sent", "the", "quote", user="ali") == (0, "commented on T-1: Sent the quote\n", "")
    assert [c.text for c in _task(team, "T-1").comments] == ["Sent the quote"]
    assert run("task", "modify", "T-1", "--due", "2026-12-24", user="ali")[0] == 0
    assert _task(team, "T-1").due.isoformat() == "2026-12-24"
