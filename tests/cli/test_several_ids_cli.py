"""Several tasks in one command, as taskwarrior takes them (`task done T-1 T-2 T-5`): all or nothing."""

from __future__ import annotations

import json

from store.board import Board
from tests.conftest import snapshot_files


def _statuses(team) -> dict[str, str]:
    return {t.id: t.status for t in Board(team, actor="dana").tasks()}


def test_done_several_records_each_and_one_undo_takes_them_back(team, run):
    run("task", "add", "Send the quote", "--owner", "ali")  # T-3
    code, out, err = run("task", "done", "T-1", "T-3", user="ali")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["T-1 → Done", "T-3 → Done"]
    assert _statuses(team) == {"T-1": "done", "T-2": "todo", "T-3": "done"}
    moves = [r for r in Board(team, actor="dana").history() if r.action == "task.move"]
    assert sorted(r.item for r in moves) == ["T-1", "T-3"]  # one record per task
    assert run("undo", user="ali")[0] == 0
    assert _statuses(team) == {"T-1": "todo", "T-2": "todo", "T-3": "todo"}


def test_move_several_then_the_status(team, run):
    code, out, _ = run("task", "move", "T-1", "t-2", "doing")
    assert code == 0
    assert out.splitlines() == ["T-1 → Doing", "T-2 → Doing"]
    assert _statuses(team) == {"T-1": "doing", "T-2": "doing"}


def test_one_missing_writes_nothing_and_names_it(team, run):
    before = snapshot_files(team)
    code, out, err = run("task", "done", "T-1", "T-9")
    assert (code, out) == (1, "")
    assert "T-9" in err
    assert snapshot_files(team) == before


def test_one_refused_writes_nothing_and_names_it(team, run):
    before = snapshot_files(team)
    code, out, err = run("task", "done", "T-1", "T-2", user="ali")  # T-2 is bea's
    assert (code, out) == (1, "")
    assert err.startswith("uplift: T-2: ")
    assert snapshot_files(team) == before


def test_not_an_id_is_bad_input(team, run):
    before = snapshot_files(team)
    code, _, err = run("task", "move", "T-1", "banana", "done")
    assert code == 2 and "banana" in err
    assert snapshot_files(team) == before


def test_an_id_given_twice_moves_once(team, run):
    code, out, _ = run("task", "done", "T-1", "t-1")
    assert code == 0 and out.splitlines() == ["T-1 → Done"]


def test_json_of_several_is_a_list_of_what_one_prints(team, run):
    code, out, _ = run("task", "done", "T-1", "T-2", "--json")
    shown = json.loads(out)
    assert code == 0 and [s["task"]["id"] for s in shown] == ["T-1", "T-2"]
    assert all(s["task"]["status"] == "done" and s["next"] is None for s in shown)
    code, out, _ = run("task", "done", "T-1", "--json")  # one: the object, as before
    assert json.loads(out)["task"]["id"] == "T-1"


def test_delete_several_all_or_nothing(team, run):
    before = snapshot_files(team)
    code, _, err = run("task", "delete", "T-1", "T-2", user="ali")  # a rep may not delete
    assert code == 1 and snapshot_files(team) == before
    code, out, _ = run("task", "delete", "T-1", "T-2")
    assert code == 0 and out.splitlines() == ["deleted T-1", "deleted T-2"]
    assert _statuses(team) == {}
