"""The app's refresh (the poll that re-reads the screens when another process changed the board)
reads one moment of the board: a screen that reads the tasks and then the deals does not see the
tasks from before another process's import and the deals from after it. That change waits for the
refresh, and is seen whole at the next poll; a change made in the app meanwhile goes through.

The writer is another process (`python -c`), as another rep's `uplift` is; the screen here is a
test's own, with the hook every screen of the app has (`refresh_board`), that gives the writer
the time to write between its two reads."""

from __future__ import annotations

import asyncio
import fcntl
import os
import subprocess
import sys
from pathlib import Path

from textual.screen import Screen

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp

#: another rep's import, one change over the tasks, the deals and the log
WRITER = """
import sys
from store.board import Board
board = Board(sys.argv[1], actor="ali")
board.lock_wait = 60.0
board.import_plan({"schema": 1, "tasks": [{"title": "from the import", "owner": "ali"}],
                   "deals": [{"title": "Acme", "value": 5, "stage": board.stages()[0].name, "owner": "ali"}]})
"""


async def _writing(folder: Path) -> subprocess.Popen:
    """The writer started, once it holds the writers' lock (or is done): its change then waits
    only for the readers' lock that this process's refresh may hold."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)])
    probe = os.open(folder / ".lock", os.O_RDONLY)
    try:
        for _ in range(3000):  # (at most a minute on a busy machine)
            if writer.poll() is not None:
                break
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe, fcntl.LOCK_UN)
            except BlockingIOError:
                break
            await asyncio.sleep(0.02)
    finally:
        os.close(probe)
    await asyncio.sleep(0.5)  # (time enough to write, were it let)
    return writer


class TwoReads(Screen):
    """Reads the tasks, lets another rep's import start, reads the deals (once)."""

    def __init__(self, change_here: bool = False) -> None:
        super().__init__()
        self.change_here = change_here
        self.seen: list[tuple[int, int]] = []
        self.writer: subprocess.Popen | None = None

    async def refresh_board(self) -> None:
        board = self.app.board
        tasks = len(board.tasks())
        if self.writer is None:
            self.writer = await _writing(board.path)
            if self.change_here:  # (made while the refresh reads, and the writer waits for it)
                board.add_task("made in the app")
                tasks = len(board.tasks())
        self.seen.append((tasks, len(board.deals())))


async def test_one_refresh_reads_the_tasks_and_the_deals_of_one_moment(team) -> None:
    screen = TwoReads()
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(screen)
        Board(team, actor="bea").add_task("a change the poll sees")  # (T-3)
        await until(pilot, lambda: screen.seen, timeout=120)
        assert screen.seen[0] == (3, 0)  # both before the import
        await asyncio.to_thread(screen.writer.wait, 120)
        assert screen.writer.returncode == 0
        await until(pilot, lambda: screen.seen[-1] != (3, 0), timeout=30)
        assert screen.seen[-1] == (4, 1)  # the next poll: both after


async def test_a_change_made_while_the_refresh_reads_goes_through(team) -> None:
    """The app's own change lets the refresh's hold go (the writer waiting for it holds the
    writers' lock the change needs); what the refresh reads after it is read anew, with it."""
    screen = TwoReads(change_here=True)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(screen)
        Board(team, actor="bea").add_task("a change the poll sees")  # (T-3)
        await until(pilot, lambda: screen.seen, timeout=120)
        await asyncio.to_thread(screen.writer.wait, 120)
        assert screen.writer.returncode == 0
    assert screen.seen[0] == (5, 1)  # the import, then the change made here, and both seen
    assert [t.title for t in Board(team, actor="dana").tasks()][-2:] == ["from the import", "made in the app"]
