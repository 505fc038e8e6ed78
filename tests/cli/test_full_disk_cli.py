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
