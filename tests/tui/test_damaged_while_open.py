"""A board file damaged while the app is open: said once, not again at every poll."""

from __future__ import annotations

from store.board import Board
from tests.tui.waiting import notices
from tui.app import UpliftApp


def said_damaged(app: UpliftApp) -> int:
    return sum("damaged board file" in str(n.message) for n in app._notifications)


async def test_a_file_damaged_while_open_is_said_once_until_it_changes(team) -> None:
    shard = team / "tasks" / "0000.json"
    good = shard.read_bytes()
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        shard.write_bytes(good[: len(good) // 2])
        for _ in range(4):  # the app polls twice a second
            await app.watch_board()
        await pilot.pause()
        assert said_damaged(app) == 1
        shard.write_bytes(good)  # repaired...
        await app.watch_board()
        shard.write_bytes(good[: len(good) // 2])  # ...and damaged again: said again
        await app.watch_board()
        await app.watch_board()
        await pilot.pause()
        assert said_damaged(app) == 2


async def test_a_full_disk_is_said_and_the_app_goes_on(team, monkeypatch) -> None:
    """A change the machine refuses (a full disk; a board folder that may not be written) ended
    the app as a bug (exit 3, "the board failed: PermissionError ...")."""
    import errno
    import os

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        monkeypatch.setattr(os, "fsync", full_disk)
        await pilot.press("shift+right")
        await pilot.pause()
        said = notices(app)
        assert f"{team / 'log' / '000000001.json'}: No space left on device" in said
        assert app.is_running and app._crash is None
        monkeypatch.undo()
    assert [t.status for t in Board(team, actor="dana").tasks()] == ["todo", "todo"]
