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


async def test_at_80x24_the_chart_takes_the_height_and_its_weeks_are_even(tmp_path) -> None:
    """At 80x24 the chart had four rows in a dialog of blank lines, and plotext dropped some of
    the fourteen weekly labels that did not fit (10-15, 10-22, 11-05, ...: uneven). The dialog now
    takes every line and the labels come every other week, all of them."""
    import re
    from datetime import date

    from textual_plotext import PlotextPlot

    app = UpliftApp(demo_board(build_demo(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen) and app.screen.is_mounted)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen) and text(app, "#burnup-title"))
        await pilot.pause()
        chart = app.screen.query_one("#burnup-chart", PlotextPlot)
        assert chart.size.height >= 12
        drawn = chart.plt.build().splitlines()
        axis = next(i for i, line in enumerate(drawn) if "└" in line)
        labels = re.findall(r"\d\d-\d\d", drawn[axis + 1])
        start = app.board.period()[0]
        days = [(date(start.year + (int(m) < start.month), int(m), int(d)) - start).days
                for m, d in (label.split("-") for label in labels)]
        assert len(days) >= 6 and days[0] == 0
        assert {b - a for a, b in zip(days, days[1:])} == {14}


async def test_c_shows_an_earlier_cycles_burn_up(team) -> None:
    """After the turn, c picks the last cycle (named as the plan was then) and shows its burn-up as it ended;
    dates only corrected (Q4 typed a week late) are that cycle, listed once with the dates it last had (the
    Review screen's c asks the same list: tui.cycle_choices)."""
    from datetime import datetime, timezone

    from store.board import Board
    from tui.screens.dialogs import Pick

    now = datetime(2027, 1, 10, 12, tzinfo=timezone.utc)
    lead = Board(team, actor="dana", clock=lambda: now)
    lead.set_plan_info("Q4", "2026-10-08", "2027-01-07")
    lead.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    lead.set_plan_info("Q1", "2027-01-04", "2027-03-31")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen) and text(app, "#burnup-title"))
        assert text(app, "#burnup-title").startswith("Burn-up 2027-01-04 to 2027-03-31")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        assert [label for label, _ in app.screen.choices] == ["2027-01-04 to 2027-03-31 (now) · Q1",
                                                              "2026-10-01 to 2026-12-31 · Q4"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen)
                    and text(app, "#burnup-title").startswith("Burn-up 2026-10-01 to 2026-12-31"))
        assert "The cycle ended on 2026-12-31" in text(app, "#burnup-summary")
