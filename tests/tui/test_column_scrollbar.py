"""A kanban column that scrolls draws its scrollbar's thumb on its right border, where the cards
gave up a cell of every line to it: at 80 columns that broke words (`Packagi-` / `ng`,
`2027年` / `1月`). Its mouse works there as before: a click below the thumb pages down."""

from __future__ import annotations

import pytest

from tests.tui.demo_board import build_demo, demo_board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.widgets.kanban import Kanban


def card_lines(app) -> list[str]:
    lines = []
    for column in app.screen.query_one(Kanban).columns:
        for y in range(column.size.height):
            text = column.render_line(y).text
            if text.lstrip().startswith(("▎", "▌")):
                lines.append(text.strip().lstrip("▎▌").strip())
    return lines


async def open_pipeline(app, pilot) -> None:
    await pilot.press("4")
    await until(pilot, lambda: app.screen.query(Kanban) and app.screen.query_one(Kanban).card is not None)
    await pilot.pause()


@pytest.mark.parametrize("lang, whole", [("en", "Packaging"), ("zh", "2027年1月")])
async def test_a_scrolling_columns_cards_keep_their_width_at_80_columns(tmp_path, monkeypatch, lang, whole) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    app = UpliftApp(demo_board(build_demo(tmp_path, lang), lang))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pipeline(app, pilot)
        columns = app.screen.query_one(Kanban).columns
        scrolling = [column for column in columns if column._drawn is not None and column._drawn.scrolls]
        assert scrolling
        for column in scrolling:
            assert column._drawn.body_width == column.size.width  # no cell kept back for the bar
            right = [line.text[-1] for line in column.render_lines(column.region.reset_offset)]
            assert "│" in right and any(cell != "│" for cell in right[1:-1])  # the thumb, on the border
        lines = card_lines(app)
        assert any(whole in line for line in lines), lines
        assert not any(line.endswith("-") for line in lines), lines


async def test_a_click_on_the_border_below_the_thumb_pages_the_column_down(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    app = UpliftApp(demo_board(build_demo(tmp_path, "en"), "en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pipeline(app, pilot)
        column = next(c for c in app.screen.query_one(Kanban).columns if c._drawn is not None and c._drawn.scrolls)
        assert column.scroll_offset.y == 0
        await pilot.click(column, offset=(column.outer_size.width - 1, column.outer_size.height - 2))
        await pilot.pause()
        assert column.scroll_offset.y > 0
