"""The burn-up (key b on the task board, "Burn-up" in the palette), through Pilot on the demo
board: today's line matches the tasks on the board, m shows only yours, escape closes."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.demo_board import TODAY, build_demo, demo_board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.board import BoardScreen
from tui.screens.burnup import BurnUpScreen


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_burn_up_from_the_task_board(tmp_path) -> None:
    board = demo_board(build_demo(tmp_path))
    tasks = board.tasks()
    done = sum(1 for t in tasks if t.status == "done")
    mine = [t for t in tasks if t.owner == "dana"]
    start, end = board.period()
    app = UpliftApp(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen) and app.screen.is_mounted)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen) and text(app, "#burnup-title"))
        assert text(app, "#burnup-title") == (f"Burn-up {start} to {end}: day {(TODAY - start).days + 1} "
                                              f"of {(end - start).days + 1}")
        assert text(app, "#burnup-summary").startswith(
            f"{len(tasks)} tasks, {done} done ({done / len(tasks):.0%}), {len(tasks) - done} open.")
        await pilot.press("m")
        assert text(app, "#burnup-title").endswith("· dana's tasks")
        assert f"{len(mine)} tasks, {sum(t.status == 'done' for t in mine)} done" in text(app, "#burnup-summary")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))


async def test_the_open_burn_up_shows_a_task_done_elsewhere(team) -> None:
    """ali finishes T-1 from the command line while the lead has the burn-up open: it counts
    at the next poll."""
    from store.board import Board

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen) and text(app, "#burnup-summary"))
        assert text(app, "#burnup-summary").startswith("2 tasks, 0 done (0%), 2 open.")
        Board(team, actor="ali").move_task("T-1", "done")
        await app.watch_board()  # (the half-second poll, at once)
        await until(pilot, lambda: text(app, "#burnup-summary").startswith("2 tasks, 1 done (50%), 1 open."))


async def test_q_closes_the_burn_up_as_it_closes_my_day_and_the_details(team) -> None:
    from store.board import Board

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen))
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert app.is_running
