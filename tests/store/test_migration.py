"""Boards from the last release (schema 1, every table in its one file) open in this one: the
first open moves the tasks and deals into shards, keeps everything else, and a migration that
is killed part way leaves a board that opens and finishes the move.

tests/store/data/board-v1 was written by that release (tests/store/data/make_board_v1.py)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

import store.storage as storage
from store.board import Board
from store.schema import SCHEMA_VERSION
from store.task_board import TaskBoard
from tests.conftest import snapshot_files

OLD_BOARD = Path(__file__).parent / "data" / "board-v1"
SAME_WEEK = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)  # the fixture was made on 2026-11-23


@pytest.fixture
def old_board(tmp_path: Path) -> Path:
    path = tmp_path / "board"
    shutil.copytree(OLD_BOARD, path)
    return path


def _json(path: Path) -> dict:
    return json.loads(path.read_text())


def test_a_board_of_the_last_release_opens_with_everything_it_held(old_board) -> None:
    records = len(_json(old_board / "log" / "000000001.json")["activity"])
    board = Board(old_board, actor="dana", clock=lambda: SAME_WEEK)
    assert _json(old_board / "board.json")["meta"]["1"]["schema"] == SCHEMA_VERSION == 2
    assert [(t.id, t.status, t.owner) for t in board.tasks()] == [("T-1", "doing", "ali"), ("T-2", "todo", "dana")]
    assert [s.text for s in board.task("T-1").steps] == ["list them", "call"]
    assert {d.id: d.stage for d in board.deals()} == {"D-1": "Qualified", "D-2": "Lead"}
    assert [m.name for m in board.members()] == ["ali", "dana"]
    assert [(g.id, g.title) for g in board.goals()] == [("G-1", "Grow North revenue 15%")]
    assert [c.value for c in board.checkins()] == [1200000]
    assert [s.key for s in board.snoozes()] == ["quiet:D-2"]
    assert [n.text for n in board.notes()] == ["Customers ask for faster delivery"]
    assert board.pipeline_snapshots()["2026-W48"]["Qualified"] == 1
    assert len(board.history()) == records
    assert board.history(item="T-3")[0].action == "task.delete"


def test_the_tasks_and_deals_move_into_shards_and_out_of_their_old_files(old_board) -> None:
    Board(old_board, actor="dana")
    assert not (old_board / "tasks.json").exists()  # nothing else lived there
    assert set(_json(old_board / "tasks" / "0000.json")["tasks"]) == {"1", "2"}
    assert set(_json(old_board / "deals" / "0000.json")["deals"]) == {"1", "2"}
    deals_file = _json(old_board / "deals.json")
    assert "deals" not in deals_file and set(deals_file) >= {"weeks", "snoozes"}
    assert "deals" not in deals_file["_meta"]["1"]["next"]


def test_numbers_go_on_from_the_old_counters_even_past_a_deleted_item(old_board) -> None:
    board = Board(old_board, actor="dana", clock=lambda: SAME_WEEK)
    assert board.add_task("after the upgrade").id == "T-4"  # T-3 was deleted before: not reused
    assert board.add_deal("after the upgrade", value=1).id == "D-3"


def test_the_weeks_snapshot_goes_on_from_the_migrated_one(old_board) -> None:
    board = Board(old_board, actor="dana", clock=lambda: SAME_WEEK)
    board.move_deal("D-2", "Proposal")
    counts = board.pipeline_snapshots()["2026-W48"]
    assert (counts["Lead"], counts["Qualified"], counts["Proposal"]) == (0, 1, 1)


def test_opening_a_migrated_board_again_writes_nothing(old_board) -> None:
    Board(old_board, actor="dana")
    before = snapshot_files(old_board)
    Board(old_board, actor="dana").tasks()
    assert snapshot_files(old_board) == before


def test_a_change_the_old_release_logged_but_did_not_apply_is_redone_after_the_migration(old_board) -> None:
    """The journal's records name (file, table, id), which mean the same in both layouts."""
    tasks_file = old_board / "tasks.json"
    data = _json(tasks_file)
    data["tasks"]["1"]["status"] = "todo"  # as if killed after logging T-1's move to doing
    log = old_board / "log" / "000000001.json"
    records = _json(log)
    last = max(records["activity"], key=int)
    move = next(r for r in records["activity"].values() if r["action"] == "task.move")
    records["activity"] = {k: r for k, r in records["activity"].items() if r["seq"] <= move["seq"]}
    log.write_text(json.dumps(records))
    tasks_file.write_text(json.dumps(data))
    assert last != str(move["seq"])  # the fixture has later changes, dropped here
    board = Board(old_board, actor="dana")
    board.add_goal("the next change")
    assert board.task("T-1").status == "doing"


def _failing_write(monkeypatch, name: str) -> None:
    real = storage.atomic_write

    def write(path, data, mode):
        if str(path).endswith(name):
            raise OSError(f"disk full writing {name}")
        return real(path, data, mode)
    monkeypatch.setattr(storage, "atomic_write", write)


def test_a_migration_that_fails_before_its_commit_leaves_the_old_board_to_migrate_again(
        old_board, monkeypatch) -> None:
    _failing_write(monkeypatch, "board.json")
    with pytest.raises(OSError, match="disk full"):
        Board(old_board, actor="dana")
    assert _json(old_board / "board.json")["meta"]["1"]["schema"] == 1
    assert set(_json(old_board / "tasks.json")["tasks"]) == {"1", "2"}  # the old files are intact
    monkeypatch.undo()
    board = Board(old_board, actor="dana")
    assert [t.id for t in board.tasks()] == ["T-1", "T-2"]
    assert board.add_task("next").id == "T-4"


def test_a_migration_that_fails_after_its_commit_leaves_a_board_that_works(old_board, monkeypatch) -> None:
    _failing_write(monkeypatch, "deals.json")  # tidying the old file, after board.json says 2
    with pytest.raises(OSError, match="disk full"):
        Board(old_board, actor="dana")
    monkeypatch.undo()
    board = Board(old_board, actor="dana", clock=lambda: SAME_WEEK)
    assert {d.id: d.stage for d in board.deals()} == {"D-1": "Qualified", "D-2": "Lead"}
    board.move_deal("D-2", "Won")
    assert board.deal("D-2").stage == "Won"
    assert board.add_deal("new", value=1).id == "D-3"


def _one_file_board(path: Path, tasks: int, next_task: int) -> None:
    """A schema-1 board written as the last release lays one out, with `tasks` tasks."""
    path.mkdir()
    (path / "board.json").write_text(json.dumps({
        "meta": {"1": {"schema": 1, "name": "old", "wip": {}}}, "members": {}, "_meta": {"1": {"next": {}}}}))
    docs = {str(n): {"id": f"T-{n}", "title": f"task {n}"} for n in range(1, tasks + 1)}
    (path / "tasks.json").write_text(json.dumps({"tasks": docs, "_meta": {"1": {"next": {"tasks": next_task}}}}))


def test_thousands_of_old_tasks_are_split_a_thousand_to_a_shard(tmp_path) -> None:
    path = tmp_path / "board"
    _one_file_board(path, 2500, 2501)
    board = TaskBoard(path, actor="dana")
    shards = sorted((path / "tasks").iterdir())
    assert [p.name for p in shards] == ["0000.json", "0001.json", "0002.json"]
    held = [sorted(int(k) for k in _json(p)["tasks"]) for p in shards]
    assert [(h[0], h[-1], len(h)) for h in held] == [(1, 1000, 1000), (1001, 2000, 1000), (2001, 2500, 500)]
    assert len(board.tasks()) == 2500
    assert board.add_task("next").id == "T-2501"


def test_a_counter_past_the_last_task_keeps_its_number_in_a_shard_of_its_own(tmp_path) -> None:
    path = tmp_path / "board"
    _one_file_board(path, 900, 1501)  # T-901..T-1500 were added and deleted
    board = TaskBoard(path, actor="dana")
    assert _json(path / "tasks" / "0001.json") == {"tasks": {}, "_meta": {"1": {"next": {"tasks": 1501}}}}
    assert board.add_task("next").id == "T-1501"
