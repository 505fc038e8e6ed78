"""The Calendar screen (A anywhere, "Calendar" in the palette): the month's tasks due, deals'
close dates, goals' deadlines and the cycle's own days on their days, overdue ones marked, weeks
from Monday or (`week_start: sunday`) Sunday, a day cursor that moves across months, `m` for only
mine, and enter on a day, then on an item, jumping to it; the day's list follows the board."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from textual.widgets import OptionList, Static

from store.board import Board
from tests.tui.waiting import run_palette, until
from tui.app import UpliftApp
from tui.screens.calendar import CalendarScreen, DayScreen, MonthGrid

#: Thursday 10 December 2026: the month's weeks run Monday 30 November to Sunday 3 January.
NOW = datetime(2026, 12, 10, 9, tzinfo=timezone.utc)


def at_now(path, actor: str) -> Board:
    return Board(path, actor=actor, clock=lambda: NOW)


def build(team) -> None:
    """T-1 (ali's, due 1 Dec: overdue), T-3 (bea's, due today), D-1 (ali's, closes 15 Dec), G-1
    (dana's, deadline 20 Dec), a title that looks like markup on 11 Dec, the cycle ending 31 Dec."""
    lead = at_now(team, "dana")
    lead.set_plan_info("Q4", date(2026, 10, 1), date(2026, 12, 31))
    lead.add_task("Send quote", owner="bea", due="2026-12-10")
    lead.add_task("[red]Hi", owner="bea", due="2026-12-11")
    lead.add_deal("Acme", owner="ali", value=12000, close=date(2026, 12, 15))
    lead.add_goal("Grow", owner="dana", deadline=date(2026, 12, 20))


def cells(app) -> dict[int, list[str]]:
    """Each day of December as its cell reads: its items' lines (blank ones left out), by the
    day of the month. December 2026's page has five weeks, from Monday 30 November."""
    grid = app.screen.query_one(MonthGrid)
    lines = grid.render().plain.split("\n")
    per_week = grid.week_lines()
    found: dict[int, list[str]] = {}
    for week in range(5):
        block = [line.split("│") for line in lines[1 + week * per_week:1 + (week + 1) * per_week]]
        for column in range(7):
            day = date(2026, 11, 30) + timedelta(days=7 * week + column)
            assert block[0][column].strip().lstrip("▸").split()[0] == str(day.day)
            if day.month == 12:
                found[day.day] = [row[column].strip() for row in block[1:] if row[column].strip()]
    return found


def title(app) -> str:
    return str(app.screen.query_one("#calendar-title", Static).render())


async def open_calendar(app, pilot) -> None:
    await pilot.press("A")
    await until(pilot, lambda: isinstance(app.screen, CalendarScreen) and app.screen.days)
    await pilot.pause()


async def test_the_month_shows_each_days_items_with_titles_and_overdue_marked(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        assert title(app) == "Dec 2026 · everyone · 6 dates"
        days = cells(app)
        assert days[1] == ["!T-1 Call Acme"]  # due 1 December, not done: overdue on the 10th
        assert days[10] == ["T-3 Send quote"]  # due today: not overdue
        assert days[11] == ["T-4 [red]Hi"]  # the board's text, as typed: never markup
        assert days[15] == ["D-1 Acme"]
        assert days[20] == ["G-1 Grow"]
        assert days[31] == ["■ end Q4"]  # the cycle's last day: its tag for an id, and its name
        assert all(not items for day, items in days.items() if day not in (1, 10, 11, 15, 20, 31))
        lines = app.screen.query_one(MonthGrid).render().plain.split("\n")
        assert lines[0].split("│")[0].strip() == "Mon"


async def test_at_80_columns_the_cells_show_ids_and_a_full_day_says_how_many_more(team) -> None:
    build(team)
    lead = at_now(team, "dana")
    for n in range(3):
        lead.add_task(f"Extra {n}", owner="ali", due="2026-12-20")  # T-5, T-6, T-7, with G-1
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(app, pilot)
        days = cells(app)
        assert days[1] == ["!T-1"]
        assert days[15] == ["D-1"]
        # 24 lines leave a week of five four lines: its days' numbers and three of items; the
        # 20th's four (by id, as `uplift calendar` lists them: G-1, T-5, T-6, T-7) do not fit
        assert app.screen.query_one(MonthGrid).week_lines() == 4
        assert days[20] == ["G-1", "T-5", "+2"]


async def test_the_cursor_moves_by_day_week_and_month_and_t_comes_back(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        screen = app.screen
        assert screen.cursor == date(2026, 12, 10)
        await pilot.press("right", "up")
        assert screen.cursor == date(2026, 12, 4)
        await pilot.press("right_square_bracket")
        assert screen.cursor == date(2027, 1, 4)
        assert title(app).startswith("Jan 2027 · everyone")
        await pilot.press("pageup", "pageup")
        assert screen.cursor == date(2026, 11, 4)
        await pilot.press("t")
        assert screen.cursor == date(2026, 12, 10)
        await pilot.press("down", "down", "down")  # into January's first days
        assert screen.cursor == date(2026, 12, 31)
        await pilot.press("left_square_bracket")
        assert screen.cursor == date(2026, 11, 30)  # (30 November: the month has no 31st)


async def test_m_shows_only_mine_and_again_everyones(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert title(app) == "Dec 2026 · mine (dana) · 2 dates"  # dana's goal, the cycle's end
        days = cells(app)
        assert days[1] == [] and days[15] == [] and days[20] == ["G-1 Grow"]
        await pilot.press("m")
        await pilot.pause()
        assert cells(app)[1] == ["!T-1 Call Acme"]


async def test_enter_lists_the_days_items_and_enter_on_one_jumps_to_it(team) -> None:
    build(team)
    lead = at_now(team, "dana")
    lead.add_task("Prepare Acme call", owner="ali", due="2026-12-01")  # T-5, beside T-1
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("up", "left", "left")  # Thursday 10th to Tuesday 1st
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)
        assert [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)] == \
            ["T-1 Call Acme (overdue)", "T-5 Prepare Acme call (overdue)"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.current_mode == "plan" and len(app.screen_stack) == 1)
        await until(pilot, lambda: getattr(app.focused, "card", None) is not None and app.focused.card.id == "T-5")


async def test_a_deal_chosen_on_its_day_shows_on_the_pipeline_and_an_empty_day_says_so(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("left", "enter")  # Wednesday 9th: nothing
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert any("Nothing falls on 2026-12-09." in str(n.message) for n in app._notifications)
        await pilot.press("right", "right", "right", "right", "right", "right", "enter")  # the 15th
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)
        assert str(listing.get_option_at_index(0).prompt) == "D-1 closes: Acme (12,000)"
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "pipeline" and len(app.screen_stack) == 1)


async def test_the_palettes_calendar_opens_it_and_a_click_moves_the_cursor(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_palette(pilot, app, "Calendar")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen) and app.screen.days)
        await pilot.pause()
        grid = app.screen.query_one(MonthGrid)
        # the third week's line of numbers (14 to 20 December), its fifth day: Friday the 18th
        await pilot.click(MonthGrid, offset=(grid.margin() + 4 * (grid.cell_width() + 1) + 2, 1 + 2 * grid.week_lines()))
        assert app.screen.cursor == date(2026, 12, 18)


async def test_a_chinese_title_is_cut_whole_characters_and_every_line_fits(team) -> None:
    from rich.cells import cell_len

    build(team)
    at_now(team, "dana").add_task("拜访北区五家最大客户", owner="ali", due="2026-12-12")  # T-5
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        grid = app.screen.query_one(MonthGrid)
        # a cell of (116 - 6) // 7 = 15 columns, a space and 14 for the text: `T-5 ` and four
        # characters of two cells each, then …, where a fifth would leave no room for it
        assert cells(app)[12] == ["T-5 拜访北区…"]
        assert all(cell_len(line) <= grid.size.width for line in grid.render().plain.split("\n"))


async def test_someone_not_on_the_board_is_told_and_keeps_everyones_dates(team) -> None:
    build(team)
    app = UpliftApp(at_now(team, "zoe"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("m")
        await until(pilot, lambda: any("'zoe' is not a member" in str(n.message) for n in app._notifications))
        assert title(app) == "Dec 2026 · everyone · 6 dates"
        await pilot.press("m")  # (one press, not two, asks for the own dates again)
        await until(pilot, lambda: len([n for n in app._notifications if "'zoe'" in str(n.message)]) == 2)


def grid_rows(app) -> list[list[str]]:
    """The grid's lines, each split into its seven cells (stripped)."""
    lines = app.screen.query_one(MonthGrid).render().plain.split("\n")
    return [[cell.strip() for cell in line.split("│")] for line in lines]


async def test_a_week_that_starts_on_sunday_heads_and_moves_alike(team, own_config_dir) -> None:
    """`week_start: sunday`: December 2026's page runs from Sunday 29 November to Saturday 2
    January; Thursday the 10th is the fifth column of the second week, and the arrows go from
    a week's Sunday back to the Saturday before, at the end of the row above."""
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text("week_start: sunday\n")
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        rows, per_week = grid_rows(app), app.screen.query_one(MonthGrid).week_lines()
        assert rows[0] == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        first, second = rows[1], rows[1 + per_week]
        assert [cell.split()[0].lstrip("▸") for cell in first] == ["29", "30", "1", "2", "3", "4", "5"]
        assert second[4] == "▸10 today" and rows[2 + per_week][4] == "T-3 Send quote"
        await pilot.press("left", "left", "left", "left")
        assert app.screen.cursor == date(2026, 12, 6) and grid_rows(app)[1 + per_week][0] == "▸6"
        await pilot.press("left")  # Sunday's day before: Saturday the 5th, the row above's last
        assert app.screen.cursor == date(2026, 12, 5) and grid_rows(app)[1][6] == "▸5"
        await pilot.press("down")
        assert app.screen.cursor == date(2026, 12, 12) and grid_rows(app)[1 + per_week][6] == "▸12"
        margin = app.screen.query_one(MonthGrid).margin()
        await pilot.click(MonthGrid, offset=(margin + 1, 1 + 2 * per_week))  # the third week's first day
        assert app.screen.cursor == date(2026, 12, 13)


async def test_a_bad_week_start_is_reported_and_monday_kept(team, own_config_dir) -> None:
    own_config_dir.mkdir(parents=True)
    config = own_config_dir / "config.yaml"
    config.write_text("theme: uplift-dark\nweek_start: friday\n")
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    assert app.startup_problems == [f"{config}:2: week_start: 'friday' is not a week's first day "
                                    "(monday or sunday) (ignored)"]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        assert grid_rows(app)[0][0] == "Mon"


async def test_the_cycles_own_days_are_on_the_grid_and_in_the_days_list(team) -> None:
    """The cycle (1 October to 31 December) starts on the 1st of October's page and ends on the
    31st of December's, where the incentive plan's payout period ends too: days of no item,
    listed but not chosen."""
    build(team)
    lead = at_now(team, "dana")
    lead.save_incentive_plan({"name": "Q4 commission", "quotas": [{"rep": "ali", "amount": 50000}],
                              "tiers": [{"from_pct": 0, "rate": 5}]})
    lead.set_plan_budget(20000)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        assert title(app) == "Dec 2026 · everyone · 7 dates"
        assert cells(app)[31] == ["■ end Q4", "$ payout Q4 c…"]
        await pilot.press("down", "down", "down", "enter")  # Thursday the 31st
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)
        assert [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)] == \
            ["Cycle ends: Q4", "Payout period ends: Q4 commission"]
        assert all(listing.get_option_at_index(i).disabled for i in range(listing.option_count))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert title(app) == "Oct 2026 · everyone · 1 date"
        # October 2026 starts on a Thursday: the first week's fourth column
        first_week = grid_rows(app)[2]
        assert first_week[3] == "▶ start Q4" and not any(first_week[:3] + first_week[4:])


async def test_the_days_list_follows_changes_made_elsewhere(team) -> None:
    """Open on the 15th (D-1), the list takes in a task given that day in another process, drops
    the deal moved to the 16th and says the day is empty once the task is done; the month under it
    shows the same."""
    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("right", "right", "right", "right", "right", "enter")  # Tuesday the 15th
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)

        def shown() -> list[str]:
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        elsewhere = at_now(team, "dana")
        elsewhere.add_task("Prepare Acme", owner="ali", due="2026-12-15")  # T-5
        await app.watch_board()  # (the half-second poll, at once)
        await pilot.pause()
        assert shown() == ["D-1 closes: Acme (12,000)", "T-5 Prepare Acme"] and listing.highlighted == 0
        await pilot.press("down")
        elsewhere.update_deal("D-1", close=date(2026, 12, 16))
        await app.watch_board()
        await pilot.pause()
        assert shown() == ["T-5 Prepare Acme"] and listing.highlighted == 0  # still on T-5
        elsewhere.move_task("T-5", "done")
        await app.watch_board()
        await pilot.pause()
        assert shown() == ["Nothing falls on 2026-12-15."] and listing.highlighted is None
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        assert cells(app)[15] == [] and cells(app)[16] == ["D-1 Acme"]


async def test_training_is_on_its_day_a_reps_own_and_the_teams_and_enter_shows_it_on_the_budget(team) -> None:
    """L-1 (the whole team's, 14 Dec), L-2 (ali's by its audience, 17 Dec), L-3 (bea's, 18 Dec),
    L-4 (done on 2 Dec: not overdue), L-5 (no day: nowhere). Ali's own dates (`m`) leave out only
    bea's; enter on a training item's line shows it in the budget screen's training table."""
    build(team)
    lead = at_now(team, "dana")
    lead.add_training("Pricing", audience="all reps", on=date(2026, 12, 14))
    lead.add_training("Demo kit", audience="Ali and Chen", on=date(2026, 12, 17))
    lead.add_training("Objections", audience="bea", on=date(2026, 12, 18))
    lead.add_training("Caps", on=date(2026, 12, 2))
    lead.set_training_done("L-4")
    lead.add_training("Someday")
    app = UpliftApp(at_now(team, "ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        days = cells(app)
        assert days[2] == ["L-4 Caps"]  # done: no `!`
        assert (days[14], days[17], days[18]) == (["L-1 Pricing"], ["L-2 Demo kit"], ["L-3 Objections"])
        assert title(app) == "Dec 2026 · everyone · 10 dates"
        await pilot.press("m")
        await pilot.pause()
        assert title(app) == "Dec 2026 · mine (ali) · 6 dates"  # T-1, D-1, L-1, L-2, L-4, the cycle's end
        assert cells(app)[18] == [] and cells(app)[17] == ["L-2 Demo kit"]
        await pilot.press("down", "enter")  # Thursday 17th
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)
        assert str(listing.get_option_at_index(0).prompt) == "L-2 training: Demo kit"
        await pilot.press("enter")
        from tui.screens.budget import BudgetScreen

        await until(pilot, lambda: isinstance(app.screen, BudgetScreen) and app.current_mode == "goals")
        table = app.screen.query_one("#training-table")
        await until(pilot, lambda: app.focused is table)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "L-2"


async def test_at_80_columns_the_cycles_days_are_tagged_to_fit_and_listed_whole(team) -> None:
    build(team)
    at_now(team, "dana").save_incentive_plan({"name": "Q4 commission", "quotas": [{"rep": "ali", "amount": 50000}],
                                              "tiers": [{"from_pct": 0, "rate": 5}]})
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(app, pilot)
        assert cells(app)[31] == ["■ end", "$ payout"]
        await pilot.press("down", "down", "down", "enter")  # Thursday the 31st
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        listing = app.screen.query_one(OptionList)
        assert [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)] == \
            ["Cycle ends: Q4", "Payout period ends: Q4 commission"]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert grid_rows(app)[2][3] == "▶ start"  # Thursday 1 October


async def test_midnight_moves_today_and_what_is_overdue_with_the_board_unchanged(team) -> None:
    """Open on Thursday 10 December at 23:59:30 (UTC, the reader's clock); at 00:00:30 the 10th is
    no longer today: T-3, due the 10th and still open, is overdue, and the cursor left on today
    is on the 11th."""
    build(team)
    now = [datetime(2026, 12, 10, 23, 59, 30, tzinfo=timezone.utc)]
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now[0]))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        grid = app.screen.query_one(MonthGrid)
        assert grid.today == date(2026, 12, 10) and cells(app)[10] == ["T-3 Send quote"]
        now[0] = datetime(2026, 12, 11, 0, 0, 30, tzinfo=timezone.utc)
        await until(pilot, lambda: grid.today == date(2026, 12, 11))  # (the app's look at the date)
        assert cells(app)[10] == ["!T-3 Send quo…"]  # (the `!` takes a cell)
        assert grid.cursor == date(2026, 12, 11)
        lines = grid.render().plain.split("\n")
        assert "▸11 today" in lines[1 + grid.week_lines()] and "10 today" not in grid.render().plain


async def test_midnight_reaches_my_day_and_the_boards_cards_under_it(team) -> None:
    """My day, open over the board at midnight, says the new day; the board's card of T-3 (due
    the 10th) is overdue from the 11th, though no one changed the board."""
    from tests.tui.waiting import until as wait_for
    from tui.screens.agenda import TodayScreen
    from tui.widgets.kanban import Kanban

    build(team)
    now = [datetime(2026, 12, 10, 23, 59, 30, tzinfo=timezone.utc)]
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now[0]))
    async with app.run_test(size=(120, 40)) as pilot:

        def card(task_id: str):
            return next(c for column in app.screen.query_one(Kanban).columns for c in column.cards if c.id == task_id)

        await wait_for(pilot, lambda: card("T-3") is not None)
        assert "overdue" not in card("T-3").classes and "overdue" in card("T-1").classes
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        heading = app.screen.query_one("#today-title", Static)
        assert str(heading.render()) == "dana's day, 2026-12-10"
        now[0] = datetime(2026, 12, 11, 0, 0, 30, tzinfo=timezone.utc)
        await wait_for(pilot, lambda: str(heading.render()) == "dana's day, 2026-12-11")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TodayScreen))
        assert "overdue" in card("T-3").classes


async def test_a_phase_screen_away_over_midnight_shows_the_new_day_when_it_comes_back(team) -> None:
    """The board left for the pipeline before midnight, shown again after: T-3 (due the 10th)
    is overdue, the board unchanged."""
    from tui.widgets.kanban import Kanban

    build(team)
    now = [datetime(2026, 12, 10, 23, 59, 30, tzinfo=timezone.utc)]
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now[0]))
    async with app.run_test(size=(120, 40)) as pilot:

        def classes() -> set[str]:
            return next(c.classes for column in app.screen.query_one(Kanban).columns for c in column.cards
                        if c.id == "T-3")

        await until(pilot, lambda: "overdue" not in classes())
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "pipeline")
        now[0] = datetime(2026, 12, 11, 0, 0, 30, tzinfo=timezone.utc)
        await app.watch_board()  # (the half-second poll, which looks at the date too, at once)
        await pilot.press("3")
        await until(pilot, lambda: app.current_mode == "plan" and "overdue" in classes())


async def test_midnight_is_the_readers_own_in_their_time_zone(team, monkeypatch) -> None:
    """Ali lives in Shanghai (UTC+8): his 11 December starts at 16:00 UTC on the 10th, and his
    Calendar moves to it then, as `uplift today` would say."""
    from store.board_core import BoardCore

    build(team)
    at_now(team, "dana").set_member_zone("ali", "Asia/Shanghai")
    real = BoardCore._now
    now = [datetime(2026, 12, 10, 15, 59, 30, tzinfo=timezone.utc)]
    monkeypatch.setattr(BoardCore, "_now", lambda self: now[0].astimezone(real(self).tzinfo))
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        grid = app.screen.query_one(MonthGrid)
        assert grid.today == date(2026, 12, 10)
        now[0] = datetime(2026, 12, 10, 16, 0, 30, tzinfo=timezone.utc)
        await until(pilot, lambda: grid.today == date(2026, 12, 11))


@pytest.mark.parametrize("width", [80, 100, 120, 160])
async def test_the_seven_days_are_equally_wide_the_cells_left_over_in_the_margins(team, width) -> None:
    """At 120 columns Sunday was five cells wider than the other days (it took all the cells
    that do not divide by seven); now each day is as wide as the others on every line, the
    cells left over are split between the margins (one more on the right at most), and fewer
    than seven are left over (a day could not be a cell wider). A click in the left margin is
    on no day; one on a day's first cell is on that day."""
    from rich.cells import cell_len

    build(team)
    app = UpliftApp(at_now(team, "dana"))
    async with app.run_test(size=(width, 40)) as pilot:
        await open_calendar(app, pilot)
        grid = app.screen.query_one(MonthGrid)
        for line in grid.render().plain.split("\n"):
            days = line.split("│")
            day = cell_len(days[-1])
            left, right = cell_len(days[0]) - day, grid.size.width - cell_len(line)
            assert len(days) == 7 and [cell_len(d) for d in days[1:]] == [day] * 6
            assert 0 <= left <= right <= left + 1 and left + right < 7
        if left:
            await pilot.click(MonthGrid, offset=(left - 1, 1 + grid.week_lines()))
            assert app.screen.cursor == date(2026, 12, 10)  # (today: where it opened)
        await pilot.click(MonthGrid, offset=(left, 1 + grid.week_lines()))  # Monday 7 December
        assert app.screen.cursor == date(2026, 12, 7)
