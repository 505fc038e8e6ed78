"""Textual's own words the app shows, in Chinese: the footer's ^p key (命令面板, whole, where
it stayed `palette` for fear of being cut) and what ctrl+c says (Textual's
`Do you want to quit?`)."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.tui.waiting import palette_hits, until
from tui.app import UpliftApp
from tui.widgets.footer import Footer
from tui.widgets.kanban import Kanban


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_palette_key_is_said_in_chinese_and_drawn_whole(team, monkeypatch, size) -> None:
    """On the Diagnose screen, whose keys leave room for it at 120 columns; at 80 the word gives
    way to a key (q 退出 and ? 帮助 are never left out), the key stays."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        await pilot.press("1")
        await until(pilot, lambda: app.current_mode == "diagnose" and app.screen.query(Footer)
                    and app.screen.query_one(Footer).palette is not None)
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        line = footer.render_line(0).text
        assert line.rstrip().endswith("▏^p 命令面板" if size[0] >= 120 else "▏^p")
        assert "palette" not in line and "? 帮助" in line and "q 退出" in line
        assert footer.palette.tooltip == "打开命令面板"


async def test_ctrl_c_says_how_to_quit_in_chinese(team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        await pilot.press("ctrl+c")
        await until(pilot, lambda: app._notifications)
        notice = list(app._notifications)[-1]
        assert (notice.title, notice.message) == ("要退出吗？", "按 ^q 退出应用")
        await pilot.press("ctrl+q")  # the key it names quits
        await pilot.pause()
        assert not app.is_running


async def test_english_command_names_find_commands_in_the_chinese_palette(team, monkeypatch) -> None:
    """A person used to `theme` types it in the Chinese interface: the command is found, shown in
    Chinese with its English name beside it; Textual's own commands (quit) and ours alike."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        assert "更换主题 · Change theme" in await palette_hits(pilot, app, "theme")
        await pilot.press("escape")
        assert "退出 · Quit" in await palette_hits(pilot, app, "quit")
        await pilot.press("escape")
        assert "前往商机管道与漏斗 · Go to Pipeline & funnel" in await palette_hits(pilot, app, "pipeline")
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "pipeline")
