"""Long, wide (CJK) and right-to-left text lays out without breaking the board: the phase
screens render at 80x24 and 120x40, and a kanban's columns keep their share of the width
whatever their cards hold."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from sales.errors import Invalid
from sales.text import TITLE_MAX
from store.board import Board
from tests.hostile.fixtures import CJK, LONG, RTL
from tui.app import UpliftApp
from tui.themes import variable_defaults
from tui.widgets.kanban import CardData, ColumnData, Kanban

SIZES = [(80, 24), (120, 40)]
LONGEST = ("Longest " + "W" * TITLE_MAX)[:TITLE_MAX]


def seed_wide(path) -> Board:
    board = Board(path, actor="dana")
    board.add_member("dana", "lead")
    goal = board.add_goal(LONGEST, metric="revenue", target=10, description=LONG[:4000])
    board.add_goal((CJK * 8)[:TITLE_MAX], metric="revenue", target=10)
    board.add_goal((RTL + " ") * 5, metric="revenue", target=10)
    for title in (LONGEST, (CJK * 8)[:TITLE_MAX], ((RTL + " ") * 6)[:TITLE_MAX]):
        board.add_task(title, owner="dana", goal=goal.id, expected_result=LONG[:4000])
        board.add_deal(title, account=CJK, value=10**12)
    board.add_task("short", status="doing")
    return board


def assert_columns_keep_their_share(kanban: Kanban) -> None:
    columns = kanban.columns
    widths = [column.region.width for column in columns]
    assert sum(len(column.cards) for column in columns) > 0
    share = kanban.region.width / len(columns)
    assert all(abs(width - share) <= 1 for width in widths), (widths, share)
    for column in columns:  # a column draws its cards: every line it draws fits inside it
        inside = column.scrollable_content_region.width
        for y in range(column.scrollable_content_region.height):
            assert column.render_line(y).cell_length == inside


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_phase_screens_lay_out_long_wide_and_rtl_titles(board_path, size) -> None:
    seed_wide(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=size) as pilot:
        for mode, has_kanban in (("plan", True), ("pipeline", True), ("goals", False)):
            await app.switch_mode(mode)
            await pilot.pause()
            screen = app.screen
            assert screen.region.width == size[0]
            if has_kanban:
                assert_columns_keep_their_share(screen.query_one(Kanban))
            app.save_screenshot(path=str(board_path.parent), filename=f"{mode}.svg")
        assert app.return_code is None  # nothing crashed


class OneKanban(App):
    CSS_PATH = UpliftApp.CSS_PATH

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme)  # the variables Uplift's CSS uses

    def compose(self) -> ComposeResult:
        yield Kanban(["todo", "doing", "done"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_ten_thousand_character_card_keeps_to_its_column(size) -> None:
    """The store refuses such a title; the widget must still cope with whatever it is given."""
    app = OneKanban()
    async with app.run_test(size=size) as pilot:
        kanban = app.query_one(Kanban)
        await kanban.sync([ColumnData("todo", LONG, [CardData("T-1", LONG, LONG, LONG)]),
                           ColumnData("doing", CJK * 50, [CardData("T-2", CJK * 600, RTL * 100)]),
                           ColumnData("done", "Done", [CardData("T-3", "x")])])
        await pilot.pause()
        assert_columns_keep_their_share(kanban)


def test_a_title_past_the_cap_is_refused_with_the_limit_named(board_path) -> None:
    board = Board(board_path, actor="dana")
    with pytest.raises(Invalid) as caught:
        board.add_task(LONG)
    assert caught.value.field == "title"
    assert f"at most {TITLE_MAX} characters" in str(caught.value)


@pytest.mark.parametrize("width", [30, 39, 48, 120])
async def test_a_column_header_never_breaks_a_name_inside_a_word(width) -> None:
    """`Negotiation` in a narrow column: whole, or cut with … when that is too wide, with its
    count beside it on the same line (a count alone on the next line read as the value's); the
    summary follows; all on one line when it fits."""
    app = OneKanban()
    async with app.run_test(size=(width, 14)) as pilot:
        kanban = app.query_one(Kanban)
        await kanban.sync([ColumnData("todo", "Negotiation", [CardData("D-1", "Acme")], None, "40.0k · w 30.0k"),
                           ColumnData("doing", "Won", [], None, "0 · w 0"),
                           ColumnData("done", "Lost", [])])
        await pilot.pause()
        column = kanban.columns[0]
        inner = column.scrollable_content_region.width
        lines = [column.render_line(y).text.strip() for y in range(3)]
        one_line = "Negotiation  1  40.0k · w 30.0k"
        if len(one_line) <= inner - 2:  # (the header's padding)
            assert lines[0] == one_line
        else:
            name, _, count = lines[0].rpartition(" ")
            assert count == "1"
            assert name.strip() == "Negotiation" or (name.endswith("…") and "Negotiation".startswith(name[:-1]))
            assert "40.0k" in " ".join(lines[1:])  # then the summary
        assert kanban.columns[2].render_line(0).text.strip() in ("Lost  0", "Lost 0", "Lost")  # (closed up when narrow)
