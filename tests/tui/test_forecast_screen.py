"""The forecast from the pipeline (key F): the reps' rows and the team's, the commit threshold
stepping with c, and enter showing a rep's deals on the pipeline. The sample plan, on
2026-12-02 (its numbers are worked out in tests/store/test_review.py)."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

import pytest
from textual.widgets import DataTable, Static

from store.board import Board
from store.plan_yaml import parse_plan_text
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.forecast import ForecastScreen
from tui.screens.pipeline import PipelineScreen, money

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)


def rows(app, table: str = "#forecast-reps") -> list[list[str]]:
    found = app.screen.query_one(table, DataTable)
    return [[str(c) for c in found.get_row_at(i)] for i in range(found.row_count)]


def title(app) -> str:
    return str(app.screen.query_one("#forecast-title", Static).render())


def sample(tmp_path) -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(files("plans").joinpath("sample-quarter.yaml").read_bytes()).document)
    return board


async def open_forecast(app, pilot) -> None:
    """The pipeline, then F: the forecast with its five reps and the team."""
    await pilot.press("4")
    await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
    await pilot.press("F")
    await until(pilot, lambda: isinstance(app.screen, ForecastScreen) and len(rows(app)) == 6)


async def test_the_forecast_from_the_pipeline(tmp_path) -> None:
    board = sample(tmp_path)
    app = UpliftApp(board)
    async with app.run_test(size=(150, 45)) as pilot:
        await open_forecast(app, pilot)
        assert "2026-10-01 to 2026-12-31" in title(app) and "75% or more" in title(app)
        ali = rows(app)[0]
        assert ali[:9] == ["ali", "60,000", "42,400", "18,000", "23,500", "16,250", "58,650", "1,350", "1.3×"]
        assert ali[9:] == ["1,368.00", "3,280.00", "3,830.00"]
        assert rows(app)[1][7] == "met" and rows(app)[5][0] == "team"
        trend = rows(app, "#forecast-trend")  # the plan came in just now: no deal as the weeks began
        assert len(trend) == 9 and trend[-1][:2] == ["now", "152,400"] and trend[0][1] == "0"
        assert str(app.screen.query_one("#forecast-trend-note", Static).render()) == (
            "The board had no deal before this week: a board knows its deals from the day they reached it.")
        assert [r[0] for r in rows(app, "#forecast-months")] == [
            "2026-10", "2026-11", "2026-12", "2027-01 (after the cycle)", "2027-02 (after the cycle)"]
        await pilot.press("c")  # 75% -> 10%: every open deal is commit
        await until(pilot, lambda: "10% or more" in title(app))
        assert rows(app)[0][3] == "23,500" and rows(app)[0][10] == rows(app)[0][11]
        await pilot.press("down", "enter")  # bea's deals
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.owner_filter == "bea")
        assert "Deals of bea" in str(app.screen.query_one("#pipeline-status", Static).render())
        await pilot.press("m")  # as the status line says: everyone's
        await until(pilot, lambda: app.screen.owner_filter is None)


async def test_a_reps_deals_from_the_forecast_include_those_they_share(tmp_path) -> None:
    from tui.widgets.kanban import Kanban

    board = sample(tmp_path)
    board.update_deal("D-3", splits=[{"rep": "bea", "share": 40}])  # ali's Isdom pilot
    app = UpliftApp(board)
    async with app.run_test(size=(150, 45)) as pilot:
        await open_forecast(app, pilot)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.owner_filter == "bea")
        await pilot.pause()
        columns = app.screen.query_one(Kanban).columns
        shown = {card.id for column in columns for card in column.cards}
        assert "D-3" in shown and all(board.deal(d).owner == "bea" or d == "D-3" for d in shown)
        for column in columns:  # each header sums the deals it shows (bea's), not everyone's
            value = sum(board.deal(card.id).value for card in column.cards)
            assert column.data.summary.startswith(money(value) + " · "), column.data.summary


async def test_every_column_of_the_reps_table_shows_at_120_columns(tmp_path) -> None:
    """The README's terminal size: the twelve columns fit without scrolling sideways."""
    board = sample(tmp_path)
    app = UpliftApp(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_forecast(app, pilot)
        await pilot.pause()
        table = app.screen.query_one("#forecast-reps", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0


async def test_the_pipelines_dialogs_show_their_own_keys_and_answer_help(tmp_path) -> None:
    """A dialog stops the app's keys: its footer says what works there (not the pipeline's keys
    beneath it), and `?` lists them."""
    from tui.screens.help import Help
    from tui.screens.weekly_review import WeeklyReviewScreen
    from tui.screens.winloss import WinLossScreen
    from tui.widgets.footer import Footer

    app = UpliftApp(sample(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        for key, dialog in (("F", ForecastScreen), ("W", WinLossScreen), ("w", WeeklyReviewScreen)):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, dialog))
            assert app.screen.query(Footer)  # its own footer, over the pipeline's
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, Help))
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, dialog))
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, PipelineScreen))


async def test_the_whole_history_is_reached_from_the_keyboard(tmp_path) -> None:
    """At the README's 120×40 and at 80×24 the history does not fit under the reps and the months:
    tab (as the dialog's hint says) brings its eight weeks, now and its note into view."""
    from textual.containers import VerticalScroll

    for size in ((120, 40), (80, 24)):
        app = UpliftApp(sample(tmp_path / f"{size[0]}"))
        async with app.run_test(size=size) as pilot:
            await open_forecast(app, pilot)
            await pilot.press("tab", "tab")
            await until(pilot, lambda: app.focused is app.screen.query_one("#forecast-trend"))
            await pilot.pause()
            view = app.screen.query_one(VerticalScroll).scrollable_content_region
            trend = app.screen.query_one("#forecast-trend", DataTable)
            assert trend.row_count == 9 and str(trend.get_row_at(8)[0]) == "now"
            for widget in (trend, app.screen.query_one("#forecast-trend-note")):
                assert view.contains_region(widget.region), (size, widget.id, widget.region, view)


def screen_lines(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


async def test_chinese_headings_take_one_line_and_the_first_rep_follows_them(tmp_path, monkeypatch) -> None:
    """At 80 columns the English headings take two lines (`If best` / `case`); the Chinese ones
    fit on one each, so the reps follow straight under them (a blank second line stood there)."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_forecast(app, pilot)
        await pilot.pause()
        lines = screen_lines(app)
        header = next(i for i, line in enumerate(lines) if "销售代表" in line and "配额" in line)
        assert rows(app)[0][0] in lines[header + 1]


async def test_english_headings_still_take_two_lines(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    app = UpliftApp(sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_forecast(app, pilot)
        await pilot.pause()
        assert app.screen.query_one("#forecast-reps", DataTable).header_height == 2


async def test_the_chinese_columns_out_of_view_are_listed_with_chinese_commas(tmp_path, monkeypatch) -> None:
    """视图之外（← → 左右滚动）：覆盖率、提成、… (the English `, ` stood between Chinese names; a list
    takes the enumeration comma, 、)."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(sample(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_forecast(app, pilot)
        more = app.screen.query_one("#forecast-more", Static)
        await until(pilot, lambda: "视图之外" in str(more.render()))
        listed = str(more.render()).split("：", 1)[1]
        assert "、" in listed and ", " not in listed and "，" not in listed


async def test_k_opens_the_coaching_notes_on_the_highlighted_rep(tmp_path) -> None:
    from textual.widgets import Select

    from tui.screens.coaching import CoachingScreen

    app = UpliftApp(sample(tmp_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await open_forecast(app, pilot)
        await pilot.press("down")
        rep = rows(app)[1][0]
        await pilot.press("k")  # as on the Review's leaderboard
        await until(pilot, lambda: isinstance(app.screen, CoachingScreen))
        assert app.screen.query_one("#coaching-rep", Select).value == rep == "bea"


@pytest.mark.parametrize("reps", [4, 5])
async def test_a_table_that_scrolls_sideways_shows_its_rows_without_a_scrollbar_for_them(tmp_path, reps) -> None:
    """At 80 columns the reps' table scrolls sideways, and its scrollbar took one of the twelve
    lines the table is given: nine reps and the team under two heading lines (12 lines) showed a
    vertical scrollbar for one line. Those lines show whole, the scrollbar under them; with one
    rep more (13 lines) the table scrolls down as well, as any long table does."""
    board = sample(tmp_path)
    for n in range(reps):
        board.add_member(f"rep{n}", "rep")
    app = UpliftApp(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await pilot.press("F")
        await until(pilot, lambda: isinstance(app.screen, ForecastScreen) and len(rows(app)) == 6 + reps)
        table = app.screen.query_one("#forecast-reps", DataTable)
        lines = table.header_height + table.row_count
        await until(pilot, lambda: table.show_horizontal_scrollbar and table.virtual_size.height == lines)
        await pilot.pause()
        assert table.show_vertical_scrollbar == (lines > 12)
        assert table.scrollable_content_region.height == min(lines, 12)
