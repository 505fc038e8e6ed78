"""The machine refusing a board write (a full disk): the line names the board file, exit 1,
nothing written."""

from __future__ import annotations

import errno
import os

from tests.conftest import snapshot_files


def test_a_full_disk_names_the_board_file_and_writes_nothing(run, team, monkeypatch) -> None:
    before = snapshot_files(team)

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, out, err = run("task", "add", "One more task")
    assert (code, out) == (1, "")
    assert err == f"uplift: {team / 'log' / '000000001.json'}: No space left on device\n"
    assert snapshot_files(team) == before  # no change, and no temporary file left behind
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    assert run("task", "add", "One more task") == (0, "T-3\n", "")


def test_a_folder_that_may_not_be_written_names_the_board_file(run, team, monkeypatch) -> None:
    """(Said as the temporary file beside it, `.0000.json.tmp-1234-9f8e7d6c`, which no one knows.)"""
    before = snapshot_files(team)
    really_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if ".tmp-" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return really_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    code, out, err = run("task", "add", "One more task")
    assert (code, out) == (1, "")
    assert err == f"uplift: {team / 'log' / '000000001.json'}: Permission denied\n"
    assert snapshot_files(team) == before


def test_a_change_logged_but_not_made_says_the_next_change_makes_it(run, team, monkeypatch) -> None:
    """The disk filled between logging a change and making it, and the log could not be taken
    back either: the command said only "No space left on device" (exit 1), and the next change
    to the board made the task it had said was not added."""
    import store.storage

    real = store.storage.atomic_write
    writes: list[str] = []

    def filling(path, data, mode):
        writes.append(str(path))
        if len(writes) > 1:  # the log's record is written; the task, and taking the record back, fail
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, mode)

    monkeypatch.setattr(store.storage, "atomic_write", filling)
    code, out, err = run("task", "add", "Two")
    assert (code, out) == (1, "")
    assert err == (f"uplift: {team / 'tasks' / '0000.json'}: No space left on device; the change is in the activity "
                   "log but not on the board yet: the next change to the board makes it (undo then takes it back)\n")
    monkeypatch.setattr(store.storage, "atomic_write", real)
    assert run("task", "add", "Three") == (0, "T-4\n", "")
    assert [line.split()[0] for line in run("task", "list")[1].splitlines()[1:]] == ["T-1", "T-2", "T-3", "T-4"]
