"""The Diagnose screen's breakdowns at 80x24: the figures were cut at the screen's edge
(`Repu…`) and had to be scrolled to unseen. Long headings take two lines (`Avg` / `order`), so
a group's table fits; a column that still does not fit is left blank, not cut, and named under
the table, with ← → to scroll to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sales.text import display_width
from tests.tui.demo_board import built_in_utc
from tests.tui.test_screen_sizes import demo_app_in
from tests.tui.waiting import until
from tui.widgets.whole_columns import WholeColumnsTable

SMALL = (80, 24)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return built_in_utc(tmp_path_factory, "bd80")


def headings(table: WholeColumnsTable) -> list[str]:
    return [" ".join(column.label.plain.replace("▲", "").replace("▼", "").split()) for column in table.ordered_columns]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_each_breakdown_fits_or_names_what_is_out_of_view(demo, lang) -> None:
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#table-region") and app.screen.query_one("#table-region").row_count)
        app.screen.query_one("#diagnose-tabs").active = "tab-breakdowns"
        for pane in ("bd-period", "bd-region", "bd-rep"):
            app.screen.query_one("#breakdown-tabs").active = pane
            await pilot.pause()
            await pilot.pause()
            name = pane.removeprefix("bd-")
            table = app.screen.query_one(f"#table-{name}", WholeColumnsTable)
            more = app.screen.query_one(f"#more-{name}")
            view = table.scrollable_content_region.width
            assert 0 < view <= 80
            # the columns wholly in view, from the left; the rest named under the table
            x, shown = 0, []
            for column, heading in zip(table.ordered_columns, headings(table)):
                x += column.get_render_width(table)
                if x <= view:
                    shown.append(heading)
            hidden = headings(table)[len(shown):]
            if hidden:
                await until(pilot, lambda: more.display)
                said = str(more.render())
                assert all(h in said for h in hidden), said
            else:
                assert not more.display
            if name == "region" and lang == "en":  # the demo's fits whole, its long headings on two lines
                assert table.virtual_size.width <= view
                assert "Avg order" in headings(table) and table.header_height == 2


def screen_lines(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_demos_period_table_fits_whole_at_80_columns(demo, lang) -> None:
    """The demo's own diagnosis (X-1, five quarters of past sales with customers and costs): its
    period table was 5 cells wider than its room at 80 columns, ROI out of view. It fits now:
    every column on the screen, none named as out of view, and the sort arrow (on the heading's
    shorter line) widens nothing."""
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#table-period") and app.screen.query_one("#table-period").row_count)
        await pilot.press("k")  # the kept diagnoses, newest first: X-2 (the tests' own), X-1 (the demo's)
        await until(pilot, lambda: type(app.screen).__name__ == "Pick")
        await pilot.press("down", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "DiagnoseScreen"
                    and app.screen.shown_id == "X-1")
        app.screen.query_one("#diagnose-tabs").active = "tab-breakdowns"
        app.screen.query_one("#breakdown-tabs").active = "bd-period"
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#table-period", WholeColumnsTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width <= 80
        assert not app.screen.query_one("#more-period").display
        lines = screen_lines(app)
        header = next(i for i, line in enumerate(lines) if "Revenue" in line or "收入" in line)
        heading_text = " ".join(lines[header:header + 2])
        for heading in headings(table):
            for word in heading.split():
                assert word in heading_text, (word, heading_text)
        assert "ROI" in lines[header] and all(display_width(line) == 80 for line in lines)
        if lang == "en":  # (Period / ▲: the arrow on the header's second line, beside `order`)
            assert "▲" in lines[header + 1]
        # the five quarters' rows, each with its ROI in view at the right (0.55 to 0.57)
        rows = [line for line in lines if line.split()[:1] and line.split()[0][:4] in ("2025", "2026")]
        assert len(rows) == 5 and all(re.search(r" 0\.\d\d\s*$", row) for row in rows), rows


@pytest.fixture(scope="module")
def superstore(tmp_path_factory) -> Path:
    """A board with Superstore's diagnosis kept (by month: 48 months, profit and discount, the
    cost taken as the sales less the profit)."""
    from store.board import Board
    from tests.conftest import DATA

    if not DATA.is_dir():
        pytest.skip(f"shared data not found at {DATA}")
    path = tmp_path_factory.mktemp("superstore")
    Board(path, actor="dana").run_diagnosis([DATA / "superstore" / "superstore.csv"])
    return path


def january_2019(path: Path) -> tuple[float, float]:
    """Superstore's revenue and margin in January 2019, read from the file here (DD/MM/YY)."""
    import csv

    sales = profit = 0.0
    with open(path, encoding="utf-8-sig", newline="") as file:
        for row in csv.DictReader(file):
            if row["Order Date"].endswith("/01/19"):
                sales, profit = sales + float(row["Sales"]), profit + float(row["Profit"])
    return sales, profit / sales


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_superstores_period_table_fits_80_columns_leaving_out_what_its_columns_say(superstore, lang) -> None:
    """Superstore's period table (eleven columns) scrolled sideways at 80 columns, ROI, Margin and
    Avg disc. out of view. Below 100 columns it leaves out the new customers' share (their count
    stands beside the customers') and ROI (its cost is the sales less the profit: ROI is margin /
    (1 - margin)): it fits whole, margin and discount in view, nothing named as out of view. At
    120 columns every column is there again, the table still sorted by the column it was."""
    from store.board import Board
    from tests.conftest import DATA
    from tui.app import UpliftApp
    from tui.i18n import set_language

    revenue, margin = january_2019(DATA / "superstore" / "superstore.csv")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", lang)
        set_language(lang)
        try:
            app = UpliftApp(Board(superstore, actor="dana"))
            async with app.run_test(size=SMALL) as pilot:
                await pilot.press("1")
                await until(pilot, lambda: app.screen.query("#table-period")
                            and app.screen.query_one("#table-period").row_count == 48)
                app.screen.query_one("#diagnose-tabs").active = "tab-breakdowns"
                app.screen.query_one("#breakdown-tabs").active = "bd-period"
                table = app.screen.query_one("#table-period", WholeColumnsTable)
                await until(pilot, lambda: table.scrollable_content_region.width > 0)
                await pilot.pause()
                assert table.virtual_size.width <= table.scrollable_content_region.width <= 80
                assert not app.screen.query_one("#more-period").display
                english = ["Period", "Revenue", "Orders", "Avg order", "Customers", "New cust.", "Repurchase",
                           "Margin", "Avg disc."]
                if lang == "en":
                    assert headings(table) == english
                lines = screen_lines(app)
                first = next(line for line in lines if line.startswith(" 2019-01"))
                assert f"{revenue:,.0f}" in first and first.rstrip().endswith("%")
                assert f"{margin * 100:.1f}%" in first.split()
                for _step in range(7):  # s: sorted by the next column, from Period to Margin
                    await pilot.press("s")
                sorted_by = lambda: next(i for i, c in enumerate(table.ordered_columns)  # noqa: E731
                                         if "▲" in c.label.plain or "▼" in c.label.plain)
                await until(pilot, lambda: sorted_by() == 7)  # Margin (利润率), biggest first
                await pilot.resize_terminal(120, 40)
                await until(pilot, lambda: len(table.ordered_columns) == 11)
                assert sorted_by() == 9  # still Margin, where it stands among the eleven
                if lang == "en":
                    assert headings(table) == english[:6] + ["New %", "Repurchase", "ROI", "Margin", "Avg disc."]
        finally:
            set_language("en")
