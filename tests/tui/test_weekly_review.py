"""The weekly review from the pipeline (key w): tick an item, step to last week, see a tick made
from the command line appear."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.weekly_review import WeeklyReviewScreen


def rows(app, which: str = "#weekly-table") -> list[list[str]]:
    table = app.screen.query_one(which, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def title(app) -> str:
    return str(app.screen.query_one("#weekly-title", Static).render())


async def test_tick_step_back_and_see_another_processs_tick(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    other = Board(team, actor="dana")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline" and app.screen.is_mounted)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and len(rows(app)) == 9)
        assert "0 of 9 done" in title(app) and "(this week)" in title(app)
        other.add_deal("Acme", value=1500, owner="ali")  # made this week: the week's pipeline says so
        await until(pilot, lambda: ["+ new", "1", "1,500", "D-1"] in rows(app, "#weekly-pipeline"), timeout=5)
        await pilot.press("down", "space")
        await until(pilot, lambda: rows(app)[1][0] == "[x]")
        assert rows(app)[1][2] == "dana" and "1 of 9 done" in title(app)
        assert other.checklist("weekly")[1][1].by == "dana"
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: "(this week)" not in title(app))
        assert all(row[0] == "[ ]" for row in rows(app))
        other.tick_checklist(4, which="weekly", day=other.today() - timedelta(weeks=1))
        await until(pilot, lambda: rows(app)[4][0] == "[x]", timeout=5)
        await pilot.press("right_square_bracket")  # back to this week, and to its new deal
        await until(pilot, lambda: "(this week)" in title(app))
        pipeline = app.screen.query_one("#weekly-pipeline", DataTable)
        pipeline.focus()
        pipeline.move_cursor(row=1)
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "pipeline" and not isinstance(app.screen, WeeklyReviewScreen)
                    and app.screen.kanban.focused_id == "D-1")


async def test_next_week_stops_at_this_week(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline" and app.screen.is_mounted)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and len(rows(app)) == 9)
        this_week = title(app)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: any("the weeks to come have none yet" in str(n.message)
                                       for n in app._notifications))
        assert title(app) == this_week and "(this week)" in this_week
        await pilot.press("space")  # ticks this week's item, not one of a week to come
        await until(pilot, lambda: rows(app)[0][0] == "[x]")
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: "(this week)" not in title(app))
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: title(app) == this_week.replace("0 of 9", "1 of 9"))
    board = Board(team, actor="dana")
    assert board.checklist("weekly")[0][1].by == "dana"
    assert board.checklist("weekly", board.today() + timedelta(weeks=1))[0][1] is None


async def test_a_rep_is_told_only_a_lead_ticks(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline" and app.screen.is_mounted)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and len(rows(app)) == 9)
        await pilot.press("enter")
        await until(pilot, lambda: any("only a lead" in str(n.message) for n in app._notifications))
        assert rows(app)[0][0] == "[ ]"


async def test_left_open_over_midnight_into_a_new_week_it_shows_the_new_week(team) -> None:
    """Open on Sunday 13 December 2026 at 23:59:30 (week 50, ticked one item); at 00:00:30 on
    Monday it is week 51's review, this week's, with nothing ticked yet, though no one changed
    the board. Last week, stepped back to, stays the week shown over midnight."""
    from datetime import datetime, timezone

    now = [datetime(2026, 12, 13, 23, 59, 30, tzinfo=timezone.utc)]
    lead = Board(team, actor="dana", clock=lambda: now[0])
    lead.tick_checklist(0, which="weekly")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now[0]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline" and app.screen.is_mounted)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and len(rows(app)) == 9)
        assert title(app) == "Weekly review 2026-W50 (this week) · 1 of 9 done"
        now[0] = datetime(2026, 12, 14, 0, 0, 30, tzinfo=timezone.utc)
        await until(pilot, lambda: "2026-W51" in title(app))  # (the app's look at the date, twice a second)
        assert title(app) == "Weekly review 2026-W51 (this week) · 0 of 9 done"
        await pilot.press("space")  # a tick goes to the week shown: the new one
        await until(pilot, lambda: "1 of 9 done" in title(app))
        assert Board(team, actor="dana", clock=lambda: now[0]).checklist("weekly")[0][1].by == "dana"
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: title(app) == "Weekly review 2026-W50 · 1 of 9 done")
        now[0] = datetime(2026, 12, 21, 0, 0, 30, tzinfo=timezone.utc)  # a week later: W50 is still shown
        await app.watch_board()
        assert title(app) == "Weekly review 2026-W50 · 1 of 9 done"


async def test_a_ticks_day_is_whole_at_80_columns(team) -> None:
    """Who ticked and when, at 80x24: the day (as `uplift weekly` gives it), whole; with the
    time too, the column read `2026-` cut at the dialog's edge."""
    board = Board(team, actor="dana")
    board.tick_checklist(0, which="weekly")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline" and app.screen.is_mounted)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and len(rows(app)) == 9)
        await pilot.pause()
        assert rows(app)[0][2:] == ["dana", board.today().isoformat()]
        table = app.screen.query_one("#weekly-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
