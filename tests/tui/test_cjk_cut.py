"""Chinese text cut or wrapped in a table cell or a header: cut after its last whole character,
the … right after it (Rich's and Textual's cut, reaching the middle of a wide character, put a
space before the …: `赢得 25 家中型企业新 …`), and wrapped between any two characters, as the
cards' titles are (`赢得 25` stood alone above `家中型企业新客户`)."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.tui.demo_board import build_demo, demo_board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.goals import GoalsScreen
from tui.screens.review import ReviewScreen


def screen_lines(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


async def test_a_cut_chinese_goal_title_ends_in_an_ellipsis_after_its_last_character(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    board = demo_board(build_demo(tmp_path, "zh"), "zh")
    titles = {goal.id: goal.title for goal in board.goals()}
    app = UpliftApp(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen) and app.screen.query_one(DataTable).row_count)
        await pilot.pause()
        rows = [line for line in screen_lines(app) if line.startswith(" G-") and " ✓ " in line]
        assert rows and all("…" in row for row in rows)  # (each is cut at 80 columns)
        for row in rows:
            title = titles[row.split()[0]]
            shown = row[:row.index("…")][-6:]  # the title's last characters shown, right before the …
            assert not shown.endswith(" "), row
            assert shown.strip() in title, row


async def test_a_chinese_title_in_the_reviews_goals_wraps_between_characters(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    board = demo_board(build_demo(tmp_path, "zh"), "zh")
    app = UpliftApp(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and app.screen.query_one("#review-goals", DataTable).row_count)
        await pilot.pause()
        lines = screen_lines(app)
        first = next(i for i, line in enumerate(lines) if line.startswith(" G-3 "))
        # the title's first line is full, not `赢得 25` alone above the rest
        # (at 80 columns Gap is left out: the title has 20 cells, the first line all but `客户`)
        assert lines[first].rstrip().endswith("赢得 25 家中型企业新"), lines[first]
        assert lines[first + 1].rstrip().endswith(" 客户"), lines[first + 1]
