"""A lost shard never makes an id be given again: the log's counters (store/activity_log.py)."""

from __future__ import annotations

import json
import shutil

from store.board import Board


def _import_tasks(board: Board, count: int) -> None:
    board.import_plan({"schema": 1, "tasks": [{"title": f"task {n}"} for n in range(count)]})


def test_the_newest_shard_deleted_then_a_new_task_gets_a_fresh_id(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 1500)
    board.move_task("T-3", "doing")  # (the newest change is not the import, which the next writer would redo)
    (board_path / "tasks" / "0001.json").unlink()
    fresh = Board(board_path, actor="dana")
    assert len(fresh.tasks()) == 1000
    assert fresh.add_task("after the loss").id == "T-1501"
    assert fresh.add_task("and the next").id == "T-1502"


def test_every_shard_lost_then_numbers_go_on(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 20)
    board.add_deal("Acme renewal", value=1000)
    shutil.rmtree(board_path / "tasks")
    shutil.rmtree(board_path / "deals")
    fresh = Board(board_path, actor="dana")
    assert fresh.add_task("after the loss").id == "T-21"
    assert fresh.add_deal("Globex", value=500).id == "D-2"


def test_a_shard_put_back_from_an_older_copy_does_not_give_its_numbers_again(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 10)
    older = (board_path / "tasks" / "0000.json").read_bytes()
    _import_tasks(board, 5)
    board.move_task("T-3", "doing")
    (board_path / "tasks" / "0000.json").write_bytes(older)
    assert Board(board_path, actor="dana").add_task("after the restore").id == "T-16"


def test_a_log_from_before_the_counters_gives_them_from_its_records(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 1500)
    board.move_task("T-1200", "doing")
    (newest,) = sorted((board_path / "log").glob("*.json"))[-1:]
    data = json.loads(newest.read_bytes())
    assert data.pop("_meta")["1"]["next"] == {"tasks/tasks": 1501}
    newest.write_text(json.dumps(data))  # as the release before them wrote it
    (board_path / "tasks" / "0001.json").unlink()
    fresh = Board(board_path, actor="dana")
    assert fresh.add_task("after the loss").id == "T-1501"
    newest = sorted((board_path / "log").glob("*.json"))[-1]
    assert json.loads(newest.read_bytes())["_meta"]["1"]["next"]["tasks/tasks"] == 1502


def test_a_new_log_segment_carries_the_counters_over(board_path) -> None:
    board = Board(board_path, actor="dana")
    _import_tasks(board, 1000)  # one segment of 1,000 records: the next change starts another
    board.move_task("T-3", "doing")
    segments = sorted((board_path / "log").glob("*.json"))
    assert len(segments) == 2
    assert json.loads(segments[-1].read_bytes())["_meta"]["1"]["next"] == {"tasks/tasks": 1001}
    (board_path / "tasks" / "0000.json").unlink()
    assert Board(board_path, actor="dana").add_task("after the loss").id == "T-1001"
