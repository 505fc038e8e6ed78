"""Readers see a change over several files whole or not at all (store/files.py ViewLock)."""

from __future__ import annotations

import errno
import multiprocessing

import pytest

from store.board import Board
from store.files import BoardBusy

BATCH = 1500  # each import spans two or three shards of 1,000 tasks, and its 1,500 log records
BATCHES = 3


def _importer(path: str) -> None:
    board = Board(path, actor="dana")
    for batch in range(BATCHES):
        board.import_plan({"schema": 1, "tasks": [{"title": f"batch {batch} task {n}"} for n in range(BATCH)]})


def _read_while_importing(board_path, read) -> set[int]:
    """Run the imports in another process and `read` (-> tasks seen) until they are done."""
    Board(board_path, actor="dana")
    worker = multiprocessing.get_context("fork").Process(target=_importer, args=(str(board_path),))
    worker.start()
    reader = Board(board_path, actor="dana")
    seen = set()
    while worker.is_alive():
        seen.add(read(reader))
    worker.join(120)
    assert worker.exitcode == 0
    seen.add(read(reader))
    return seen


def test_a_reader_sees_every_import_over_several_shards_whole_with_its_log_records(board_path) -> None:
    def read(reader: Board) -> int:
        with reader.reading():
            tasks = reader.tasks()
            newest = reader.history(limit=1)
        assert len(tasks) % BATCH == 0, f"{len(tasks)} tasks: part of an import"
        assert (newest[0].seq if newest else 0) == len(tasks), "the tasks and their log records differ"
        return len(tasks)

    seen = _read_while_importing(board_path, read)
    assert max(seen) == BATCH * BATCHES


def test_a_listing_alone_sees_all_of_an_import_or_none(board_path) -> None:
    def read(reader: Board) -> int:
        count = len(reader.tasks())
        assert count % BATCH == 0, f"{count} tasks: part of an import"
        return count

    assert max(_read_while_importing(board_path, read)) == BATCH * BATCHES


def test_the_poll_reloads_a_change_whole(board_path) -> None:
    def read(reader: Board) -> int:
        reader.changed()
        ids = {task.id for task in reader.tasks()}
        assert len(ids) % BATCH == 0
        return len(ids)

    assert max(_read_while_importing(board_path, read)) == BATCH * BATCHES


def test_a_change_made_while_reading_is_made_and_then_read(board_path) -> None:
    board = Board(board_path, actor="dana")
    with board.reading():
        before = len(board.tasks())
        added = board.add_task("call back")
        assert len(board.tasks()) == before + 1
    assert board.task(added.id).title == "call back"
    assert Board(board_path, actor="dana").task(added.id).title == "call back"


def test_a_change_waits_for_a_reader_and_gives_up_with_nothing_written(board_path) -> None:
    board = Board(board_path, actor="dana")
    board.add_task("first")
    reader = Board(board_path, actor="bea")
    board.lock_wait = 0.2
    with reader.reading():
        with pytest.raises(BoardBusy):
            board.add_task("second")
    fresh = Board(board_path, actor="dana")
    assert [task.title for task in fresh.tasks()] == ["first"]
    assert len(fresh.history()) == 1
    assert board.add_task("second").id == "T-2"  # the reader gone, it goes through


def test_a_board_whose_folder_cannot_be_locked_is_read_and_written(board_path, monkeypatch) -> None:
    import store.files as files

    board = Board(board_path, actor="dana")
    board.import_plan({"schema": 1, "tasks": [{"title": f"task {n}"} for n in range(1200)]})
    real = files.fcntl.flock

    def no_locks_here(fd, operation):
        if operation & (files.fcntl.LOCK_SH | files.fcntl.LOCK_EX) and _is_folder(fd):
            raise OSError(errno.ENOLCK, "No locks available")
        return real(fd, operation)

    monkeypatch.setattr(files.fcntl, "flock", no_locks_here)
    other = Board(board_path, actor="dana")
    assert len(other.tasks()) == 1200
    other.add_task("one more")
    assert len(Board(board_path, actor="dana").tasks()) == 1201


def _is_folder(fd: int) -> bool:
    import os
    import stat

    return stat.S_ISDIR(os.fstat(fd).st_mode)


def _slow_importer(path: str) -> None:
    board = Board(path, actor="dana")
    board.lock_wait = 3.0  # (a deadlock ends in BoardBusy here, not in a hung test)
    board.import_plan({"schema": 1, "tasks": [{"title": f"imported {n}"} for n in range(3000)]})


def test_a_change_made_while_reading_does_not_wait_on_a_writer_waiting_for_the_reader(board_path) -> None:
    import fcntl
    import os

    reader = Board(board_path, actor="dana")
    worker = multiprocessing.get_context("fork").Process(target=_slow_importer, args=(str(board_path),))
    with reader.reading():
        assert reader.tasks() == []
        worker.start()
        probe = os.open(board_path / ".lock", os.O_RDONLY)
        try:  # until the importer holds the writers' lock (it then waits for this reader to apply)
            while worker.is_alive():
                try:
                    fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(probe, fcntl.LOCK_UN)
                except BlockingIOError:
                    break
        finally:
            os.close(probe)
        added = reader.add_task("written while reading")
        assert reader.task(added.id).title == "written while reading"
    worker.join(60)
    assert worker.exitcode == 0
    assert len(Board(board_path, actor="dana").tasks()) == 3001
