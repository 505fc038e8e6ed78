"""A rep over SSH on a laptop, at 80x24: the review's strategies keep their deals and numbers
whole (the headers take two lines instead, the titles are cut with `…`), the goal carry form's
buttons are on screen, and the budget's own keys are in the footer."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, DataTable

from store.board import Board
from tests.tui.demo_board import build_demo, built_in_utc, demo_board
from tests.tui.test_screen_sizes import demo_app_in, inside_screen, table_lines
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.fields_form import FieldsForm
from tui.widgets.footer import Footer

SMALL = (80, 24)


async def filled_table(app, pilot, keys: tuple[str, ...], table_id: str) -> DataTable:
    """Press `keys` (a screen, then a dialog on it), each let settle, until the table `table_id`
    is mounted with rows: the table as drawn."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await until(pilot, lambda: app.screen.query(f"#{table_id}") and app.screen.query_one(f"#{table_id}").row_count)
    await pilot.pause()
    return app.screen.query_one(f"#{table_id}", DataTable)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return built_in_utc(tmp_path_factory, "at80")


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_strategies_deals_and_numbers_read_whole_at_80_columns(demo, lang) -> None:
    """`D-4,` / `D-5` was drawn over two lines, the title squeezed to ten cells: now each row's
    first line holds its id, tasks, deals, won deals, value, spent and return whole, the table
    fits the screen, and a title cut short ends with `…`."""
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press("5")
        await until(pilot, lambda: app.screen.query("#review-strategies")
                    and app.screen.query_one("#review-strategies").row_count)
        app.screen.query_one("#review-tabs").active = "tab-review-strategies"
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#review-strategies", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        lines = table_lines(table)
        results = app.board.strategy_results()
        assert any(len(r.won) >= 2 for r in results)  # the case in point: `D-4, D-5` in the demo
        for result in results:
            line = next(line for line in lines if line.split()[:1] == [result.strategy])
            won = ("、" if lang == "zh" else ", ").join(result.won) or "–"
            spent = f"{result.spent:,.0f}"
            # (the columns in order, each whole, on the row's first line)
            pattern = r"\s+".join(map(re.escape, [result.strategy, f"{result.done} / {result.tasks}",
                                                  str(len(result.deals)), won])) + r"\s+\S+\s+" + re.escape(spent)
            assert re.search(pattern, line), line
        title_cells = [line for line in lines if line.rstrip().endswith("…")]
        assert title_cells  # the long titles are the ones cut


async def test_the_goal_carry_forms_buttons_are_in_view_at_80x24(tmp_path) -> None:
    """The carry form's Carry on and Cancel were below the fold at 80x24: they are on screen as
    it opens; escape cancels it, and enter in the title carries the goal on."""
    now = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
    board = Board(tmp_path, actor="dana", clock=lambda: now)
    board.add_member("dana", role="lead")
    board.add_goal("Grow Q3 revenue to 150", metric="revenue", unit="$", baseline=100, target=150,
                   start="2026-07-01", deadline="2026-09-30")
    board.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    app = UpliftApp(Board(tmp_path, actor="dana", clock=lambda: now))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.query("#goals-table") and app.screen.query_one("#goals-table").row_count)
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await pilot.pause()
        for button in app.screen.query(Button):
            assert inside_screen(app, button), button.id
            assert app.screen.find_widget(button).region == button.region  # (drawn, not scrolled away)
        assert {button.id for button in app.screen.query(Button)} == {"save", "cancel"}
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        assert [goal.id for goal in board.goals()] == ["G-1"]
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await pilot.press("enter")  # (the title box has the focus)
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
    assert board.goal("G-2").carried_from == "G-1"


async def test_the_budgets_own_keys_are_in_the_footer_at_80_columns(demo) -> None:
    """At 80 columns the footer showed `q Quit esc Back c Cycles` and cut Spend: the palette's
    word gives way to the budget's keys, and quit and back (where q would quit the app) stay."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("b")
        await until(pilot, lambda: type(app.screen).__name__ == "BudgetScreen")
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: any(item.description == "Request" for item in footer.keys))
        await pilot.pause()
        line = footer.render_line(0).text
        for key, description in [("?", "Help"), ("q", "Quit"), ("esc", "Back"), ("r", "Request"),
                                 ("a", "Approve"), ("x", "Reject"), ("p", "Spend")]:
            assert f"{key} {description}" in line, line
        assert line.split("▏")[0].rstrip().endswith("…")


def column_headings(table: DataTable) -> list[str]:
    return [" ".join(column.label.plain.split()) for column in table.ordered_columns]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_forecast_never_draws_a_column_cut_in_half(demo, lang) -> None:
    """At 80 columns the reps' table showed its next column half-cut (`Co` over `1.`): a column
    not wholly in view is left out whole, as the table opens and at each step → and ← scroll,
    which bring in a column at a time until the last is in view."""
    from tui.forecast_text import REP_COLUMNS
    from tui.i18n import _

    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        table = await filled_table(app, pilot, ("4", "F"), "forecast-reps")
        assert table.max_scroll_x > 0  # (the case in point: twelve columns do not fit 80 cells)
        headings = [" ".join(_(name).split()) for name in REP_COLUMNS]

        def drawn() -> tuple[list[str], str]:
            """The words of the heading's lines, and the team's row."""
            lines = table_lines(table)
            words = [word for line in lines[:table.header_height] for word in line.split()]
            return words, next(line for line in lines if line.split()[:1] == [_("team")])

        seen = set()
        for keys in [[]] + [["right"]] * len(headings) + [["left"]] * len(headings):
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            words, row = drawn()
            # every word drawn in the heading belongs to a heading drawn whole
            whole = [h for h in headings if all(part in words for part in h.split())]
            assert sorted(words) == sorted(part for h in whole for part in h.split()), (words, whole)
            assert len(row.split()) == len(whole), (row, whole)  # (a cell each, none cut)
            seen.update(whole)
        assert seen == set(headings)  # (each came into view whole)
        assert table.scroll_x == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_budget_lines_title_has_room_at_80_columns(demo, lang) -> None:
    """Line titles got ten cells (`Booth at t…`) beside the one-word headers and cells that
    cannot wrap: where with them a title would get less than 24 cells (and less than its whole
    width), Category and By are left out; at 120 columns they are back."""
    from tui.i18n import _

    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        table = await filled_table(app, pilot, ("2", "b"), "budget-lines")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        widths = {key.value: column.get_render_width(table) for key, column in table.columns.items()}
        assert "Category" not in widths and "By" not in widths
        assert widths["Title"] >= 24 + 2 * table.cell_padding or all(
            cell_len(line.title) <= widths["Title"] for line in app.board.budget_lines())
        line = app.board.budget_lines()[0]
        assert any(line.title[:20] in text for text in table_lines(table))
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "Category" in [key.value for key in table.columns])
        assert [key.value for key in table.columns][-2:] == ["By", "Title"]
        assert _(line.category) in " ".join(table_lines(table))


@pytest.mark.parametrize("lang, shown", [("en", False), ("zh", True)])
async def test_the_budget_keeps_category_and_by_where_the_titles_keep_their_room(demo, lang, shown) -> None:
    """Category and By were left out under 110 columns whatever their width: at 90 columns the
    Chinese headers and cells (`类别`, `市场`, `王芳`) leave every title 24 cells or more, so
    they stay; the English ones (`Category`, `marketing`, `Requested`) would leave a title 23, so
    they go, as at 80. Either way the table fits and no title gets less than 24 cells (or its whole
    width)."""
    async with demo_app_in(demo, (90, 30), lang) as (app, pilot):
        table = await filled_table(app, pilot, ("2", "b"), "budget-lines")
        keys = [key.value for key in table.columns]
        assert ("Category" in keys and "By" in keys) == shown, keys
        assert table.virtual_size.width <= table.scrollable_content_region.width
        title = table.columns["Title"].get_render_width(table) - 2 * table.cell_padding
        assert title >= min(24, max(cell_len(line.title) for line in app.board.budget_lines()))
        if shown:  # the categories and who asked, as the board has them
            line = app.board.budget_lines()[0]
            row = table.get_row(line.id)
            assert str(row[keys.index("By")]) == line.requested_by


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_goals_title_has_room_in_the_review_at_80_columns(demo, lang) -> None:
    """The review's Goals tab gave a title 13 cells (`Grow` / `quarterly re…`): where Baseline
    would leave the source and the title less than their room, it goes, and Gap (the target less
    the actual, both in view) with it; a title's first line holds the words that fit in its first 20 cells; at
    120 columns both are back."""
    from tui.i18n import _

    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        table = await filled_table(app, pilot, ("5",), "review-goals")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        keys = [key.value for key in table.columns]
        assert "Gap" not in keys and "Baseline" not in keys and "Source" in keys
        assert table.columns[keys[-1]].get_render_width(table) >= 20 + 2 * table.cell_padding
        title = app.board.goal("G-1").title
        first = next(line for line in table_lines(table) if line.split()[:1] == ["G-1"])
        # (wrapped at words: the first line holds every whole word that fits in 20 cells)
        words, fits = title.split(), ""
        while words and len(f"{fits} {words[0]}".strip()) <= 20:
            fits = f"{fits} {words.pop(0)}".strip()
        assert fits and fits in first, first
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "Gap" in [key.value for key in table.columns])
        assert [key.value for key in table.columns][:2] == ["Goal", "Baseline"]
        assert _("Gap") in table_lines(table)[0]


async def test_the_feed_and_coaching_notes_read_whole_at_80_columns(tmp_path) -> None:
    """The activity feed and a rep's coaching notes ran past the dialog's edge at 80 columns,
    cut mid-word (`asked to mov`): what happened, or the note, takes the room the other columns
    leave and wraps under itself; the table no longer scrolls sideways, a vertical scrollbar's
    two cells included."""
    note = ("Ask for the next step on every call, and write it into the deal before you hang up; "
            "then we check them together on Friday")
    demo = build_demo(tmp_path)  # a copy of its own: the note is not the other tests'
    demo_board(demo).add_coaching_note("ali", note)
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("f")
        await until(pilot, lambda: app.screen.query("#feed-table"))
        app.screen.query_one("#feed-filter").value = ""  # everyone's
        table = app.screen.query_one("#feed-table", DataTable)
        await until(pilot, lambda: table.row_count > 20)
        await pilot.pause()
        assert table.show_vertical_scrollbar  # more rows than room: the case in point
        assert table.virtual_size.width <= table.scrollable_content_region.width
        text = " ".join(" ".join(table_lines(table)).split())
        assert "commented on T-24: Two of the five asked to move the visit to next month." in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("k")
        await until(pilot, lambda: app.screen.query("#coaching-notes"))
        table = app.screen.query_one("#coaching-notes", DataTable)
        await until(pilot, lambda: table.row_count >= 1)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert note in " ".join(" ".join(table_lines(table)).split())
