"""A board write reaches the disk before it replaces the old file: each file is fsynced, then
renamed over the old one (the rest of the suite skips fsync for speed: tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from store.board import Board


def test_every_file_a_change_writes_is_fsynced_before_it_is_renamed_into_place(tmp_path: Path,
                                                                              monkeypatch) -> None:
    board = Board(tmp_path / "board", actor="dana")
    board.add_member("dana", "lead")
    events: list[tuple[str, str]] = []
    really_replace = os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))

    def replace(source, target) -> None:
        events.append(("replace", str(source)))
        really_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    board.add_task("Call Acme", owner="dana")
    replaced = [name for what, name in events if what == "replace"]
    assert replaced  # the change wrote at least one file
    for name in replaced:
        fsynced = events.index(("fsync", name))
        assert fsynced < events.index(("replace", name)), events
    assert Board(tmp_path / "board", actor="dana").task("T-1").title == "Call Acme"
