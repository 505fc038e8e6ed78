"""The Diagnose screen's breakdowns at 80x24: the figures were cut at the screen's edge
(`Repu…`) and had to be scrolled to unseen. Long headings take two lines (`Avg` / `order`), so
a group's table fits; a column that still does not fit is left blank, not cut, and named under
the table, with ← → to scroll to it."""

from __future__ import annotations

from pathlib import Path

import pytest

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
