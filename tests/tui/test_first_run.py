"""The app on a board made for this run says where the board is (nothing else does)."""

from __future__ import annotations

from store.board import Board
from tui.app import UpliftApp


async def test_a_board_made_now_is_said_with_its_path(tmp_path) -> None:
    path = tmp_path / "b"
    app = UpliftApp(Board(path, actor="dana", create=True), made=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert f"A new board was made at {path}" in [str(n.message) for n in app._notifications]


async def test_a_board_that_was_there_is_not_said_new(tmp_path) -> None:
    app = UpliftApp(Board(tmp_path / "b", actor="dana", create=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not any("new board" in str(n.message) for n in app._notifications)
