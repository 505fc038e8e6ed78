"""Tasks and deals in shards of a thousand: a change rewrites one bounded file whatever the size of
the board, a change over several shards is still all or nothing, and numbers are never reused."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from store.board import Board

ROOT = Path(__file__).resolve().parents[2]
MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def _json(path: Path) -> dict:
    return json.loads(path.read_text())


def _import_tasks(board: Board, count: int) -> None:
    board.import_plan({"schema": 1, "tasks": [{"title": f"task {n}"} for n in range(count)]})


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


def test_one_import_over_three_shards_then_a_move_rewrites_only_its_shard(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 2100)
    folder = board_path / "tasks"
    assert [len(_json(p)["tasks"]) for p in sorted(folder.iterdir())] == [1000, 1000, 100]
    before = _mtimes(folder)
    board.move_task("T-1500", "done")
    after = _mtimes(folder)
    assert [name for name in before if before[name] != after[name]] == ["0001.json"]
    assert _json(folder / "0001.json")["tasks"]["1500"]["status"] == "done"
    assert Board(board_path, actor="dana").task("T-1500").status == "done"


def test_the_first_task_of_a_shard_brings_the_counter_with_it(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 1000)
    assert board.add_task("the thousand and first").id == "T-1001"
    assert _json(board_path / "tasks" / "0001.json")["_meta"]["1"]["next"]["tasks"] == 1002
    board.delete_task("T-1001")
    assert board.add_task("not a reused number").id == "T-1002"


DIE_ON_SECOND_SHARD = """
import os, sys
import store.storage as storage
real = storage.atomic_write
def dying(path, data, mode):
    if path.parent.name == "tasks" and path.name == "0001.json":
        os._exit(9)  # killed with the first shard written and the second not
    return real(path, data, mode)
storage.atomic_write = dying
from store.board import Board
Board(sys.argv[1], actor="dana").import_plan(
    {"schema": 1, "tasks": [{"title": f"crossing {n}"} for n in range(4)]})
"""


def test_a_change_over_two_shards_killed_half_way_is_finished_by_the_next_writer(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 998)
    result = subprocess.run([sys.executable, "-c", DIE_ON_SECOND_SHARD, str(board_path)], cwd=ROOT)
    assert result.returncode == 9
    assert set(_json(board_path / "tasks" / "0000.json")["tasks"]) >= {"999", "1000"}
    assert not (board_path / "tasks" / "0001.json").exists()
    survivor = Board(board_path, actor="dana")
    assert survivor.add_task("after the crash").id == "T-1003"
    titles = {t.id: t.title for t in survivor.tasks()}
    assert [titles[f"T-{n}"] for n in range(999, 1003)] == [f"crossing {n}" for n in range(4)]


def test_another_process_adding_a_shard_is_seen_by_a_watcher(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 1000)
    watcher = Board(board_path, actor="dana")
    assert len(watcher.tasks()) == 1000
    watcher.changed()
    assert watcher.changed() is False
    board.add_task("in a new shard")
    assert watcher.changed() is True
    assert len(watcher.tasks()) == 1001
    assert watcher.changed() is False


def test_a_listing_after_a_change_converts_only_what_changed(board_path, monkeypatch) -> None:
    import msgspec

    import store.board_core as core

    board = Board(board_path, actor="dana")
    _import_tasks(board, 1500)
    assert len(board.tasks()) == 1500
    converted = Counter()
    real = msgspec.convert

    def counting(obj, model, **kwargs):
        converted[getattr(model, "__name__", str(model))] += 1
        return real(obj, model, **kwargs)
    monkeypatch.setattr(core.msgspec, "convert", counting)
    board.move_task("T-1200", "doing")
    assert [t.status for t in board.tasks() if t.id == "T-1200"] == ["doing"]
    assert converted["Task"] <= 3  # the task read for the move, and its new version listed
    monkeypatch.undo()


def test_the_weeks_snapshot_kept_by_difference_matches_a_count_of_every_deal(board_path) -> None:
    moment = [MONDAY]
    board = Board(board_path, actor="dana", clock=lambda: moment[0])
    stages = [s.name for s in board.stages()]
    ids = [board.add_deal(f"deal {n}", value=n + 1, stage=stages[n % 3]).id for n in range(12)]
    for n, deal_id in enumerate(ids):
        board.move_deal(deal_id, stages[(n * 5) % len(stages)])
    board.delete_deal(ids[0])
    board.import_plan({"schema": 1, "deals": [{"title": "from a plan", "value": 5, "stage": stages[4]}]})
    moment[0] = MONDAY + timedelta(days=7)  # a new week: its first change counts every deal
    board.move_deal(ids[1], stages[2])
    board.move_deal(ids[2], stages[5])
    expected = Counter(d.stage for d in board.deals())
    week = board.pipeline_snapshots()["2026-W46"]
    assert week == {name: expected.get(name, 0) for name in stages}
    assert board.pipeline_snapshots()["2026-W45"]["Won"] == 1 + sum(
        1 for n in range(1, 12) if stages[(n * 5) % len(stages)] == "Won")
    assert board.take_snapshot()["counts"] == week


RANK = {"high": 0, "normal": 1, "low": 2}  # as the board stacks cards: most urgent first


def _expected_order(board_path: Path) -> list[str]:
    """The tasks in board order, from the files, sorted here by priority, due date and number."""
    docs = [doc for p in sorted((board_path / "tasks").iterdir()) for doc in _json(p)["tasks"].values()]
    docs.sort(key=lambda d: (RANK[d["priority"]], d.get("due") or "9999-12-31", int(d["id"][2:])))
    return [d["id"] for d in docs]


def test_the_listing_stays_in_order_through_small_changes_and_another_writer(board_path) -> None:
    board = Board(board_path, actor="dana")
    board.import_plan({"schema": 1, "tasks": [
        {"title": f"task {n}", "priority": ("high", "normal", "low")[n % 3],
         "due": f"2027-01-{1 + n % 28:02d}"} for n in range(1200)]})
    assert [t.id for t in board.tasks()] == _expected_order(board_path)
    board.update_task("T-5", priority="high", due="2026-12-01")  # to the very top
    board.update_task("T-1100", priority="low", due=None)  # to the very bottom
    board.update_task("T-700", due="2027-01-15")
    board.delete_task("T-42")
    board.add_task("new", priority="high", due="2027-01-02")
    assert [t.id for t in board.tasks()] == _expected_order(board_path)
    other = Board(board_path, actor="dana")
    other.import_plan({"schema": 1, "tasks": [{"title": f"more {n}", "priority": "high"} for n in range(100)]})
    other.move_task("T-3", "done")
    assert [t.id for t in board.tasks()] == _expected_order(board_path)
    assert board.tasks()[0].id == "T-5"
