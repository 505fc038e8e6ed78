"""The app's add form on a single-user board (no members yet) gives the new task to the one
person using it, as `task add` without --owner does."""

from __future__ import annotations

from store.board import Board
from tui.app import UpliftApp
from tui.screens.task_form import TaskForm


async def test_a_task_added_in_the_form_is_the_one_persons(board_path) -> None:
    Board(board_path, actor="fay", create=True)
    app = UpliftApp(Board(board_path, actor="fay"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, TaskForm)
        await pilot.press(*"Quote Acme")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
    assert Board(board_path, actor="fay").task("T-1").owner == "fay"
