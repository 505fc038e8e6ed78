"""What a person reads without colour (NO_COLOR, a monochrome terminal, a colour-blind reader): a
ticked box, a goal behind its pace, a column over its WIP limit, the burn-up's lines, each told by
a glyph or a word as well as by its colour."""

from __future__ import annotations

import pytest
from textual.widgets import SelectionList, TabbedContent

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp

SIZE = (100, 30)


def boxes(listing: SelectionList) -> list[str]:
    """The box drawn before each item (`▐X▌` ticked, `▐ ▌` not), as the terminal shows it."""
    lines = ["".join(segment.text for segment in listing.render_line(y)) for y in range(listing.option_count)]
    return [line[:3] for line in lines]


async def test_a_ticked_checklist_item_differs_from_an_unticked_one_without_colour(team, monkeypatch) -> None:
    """The Diagnose checklist drew every box as `▐X▌`, a ticked one told only by its X's colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    Board(team, actor="dana").tick_checklist(1, True)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#diagnose-tabs"))
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-checklist"
        checklist = app.screen.query_one("#checklist", SelectionList)
        await until(pilot, lambda: checklist.option_count >= 3 and checklist.size.height >= 3)
        assert boxes(checklist)[:3] == ["▐ ▌", "▐X▌", "▐ ▌"]
        checklist.focus()
        await pilot.press("home", "space")  # ticks the first
        await until(pilot, lambda: boxes(checklist)[:3] == ["▐X▌", "▐X▌", "▐ ▌"])


def screen_text(app: UpliftApp) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


async def test_the_burn_ups_lines_are_told_apart_by_their_marks(tmp_path) -> None:
    """The tasks, those done and the even pace were three braille lines told apart only by colour,
    and the legend three `━━` in those colours."""
    from tests.tui.demo_board import build_demo, demo_board
    from tui.screens.burnup import BurnUpScreen

    app = UpliftApp(demo_board(build_demo(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "b")
        await until(pilot, lambda: isinstance(app.screen, BurnUpScreen)
                    and str(app.screen.query_one("#burnup-legend").render()))
        await pilot.pause()
        legend = str(app.screen.query_one("#burnup-legend").render())
        assert legend == "⠒⠒ Tasks   ▄▄ Done   •• Even pace"
        drawn = screen_text(app)
        assert any("\u2801" <= ch <= "\u28ff" for ch in drawn)  # braille: the tasks
        assert any(ch in "▖▗▘▙▚▛▜▝▞▟" for ch in drawn)  # quarter blocks (not the frame's ▀ ▄): those done
        assert "•" in drawn  # dots: the even pace
