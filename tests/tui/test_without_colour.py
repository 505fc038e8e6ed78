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


async def test_a_column_over_its_wip_limit_says_so(team) -> None:
    """A column over its limit was told only by its red outline: `To do  2 · WIP 1` read as a
    column at ease. At its limit it reads as before."""
    from tui.widgets.kanban import Kanban

    lead = Board(team, actor="dana")
    lead.set_wip_limit("todo", 1)  # the two tasks are to do
    lead.set_wip_limit("doing", 1)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        todo, doing = app.screen.query_one(Kanban).columns[:2]
        assert todo.render_line(0).text.strip() == "To do  2 · over WIP 1"
        assert todo.has_class("over")
        Board(team, actor="dana").move_task("T-2", "doing")
        await app.watch_board()
        await until(pilot, lambda: todo.render_line(0).text.strip() == "To do  1 · WIP 1")
        assert doing.render_line(0).text.strip() == "Doing  1 · WIP 1"


@pytest.mark.parametrize("lang, behind", [("en", "behind pace: 34% of the way from baseline to target"),
                                          ("zh", "落后于进度：")])
async def test_a_goal_behind_its_pace_says_so(tmp_path, monkeypatch, lang, behind) -> None:
    """The goal's line of where it stands was drawn in the error colour when behind, and said
    nothing of it. The demo's G-1: 1,262,000 of the way from 1,200,000 to 1,380,000 is 34%, where
    more than half the cycle has gone."""
    from tests.tui.demo_board import build_demo, demo_board
    from tui.i18n import set_language

    path = build_demo(tmp_path)
    monkeypatch.setenv("UPLIFT_LANG", lang)
    set_language(lang)
    app = UpliftApp(demo_board(path))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2")
            await until(pilot, lambda: app.screen.query("#goal-pace") and str(app.screen.query_one("#goal-pace").render()))
            assert behind in str(app.screen.query_one("#goal-pace").render())
    finally:
        set_language("en")


async def test_the_deal_forms_key_account_box_is_empty_until_ticked(team) -> None:
    """The Key account box was `▐X▌` ticked or not, told only by the X's colour."""
    from textual.widgets import Checkbox

    from tui.screens.deal_form import DealForm

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await until(pilot, lambda: isinstance(app.screen, DealForm))
        box = app.screen.query_one("#key_account", Checkbox)
        assert str(box.render()).startswith("▐ ▌")
        box.focus()
        await pilot.press("space")
        await until(pilot, lambda: box.value and str(box.render()).startswith("▐X▌"))


async def test_the_smart_badges_keep_their_colour_and_bold_on_the_ansi_themes(team) -> None:
    """On Textual's ANSI themes (the terminal's own 16 colours) a badge's style was `bold
    ansi_green`, which Rich cannot parse: the badges were drawn plain."""
    from rich.style import Style
    from textual.coordinate import Coordinate
    from textual.widgets import DataTable

    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue", metric="revenue", owner="dana", scope={"region": "North"})
    app = UpliftApp(Board(team, actor="dana"), theme="ansi-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.query("#goals-table") and app.screen.query_one("#goals-table").row_count)
        table = app.screen.query_one("#goals-table", DataTable)
        passed, failed = (table.get_cell_at(Coordinate(0, column)) for column in (1, 5))  # S (owned), T (no deadline)
        assert (passed.plain, failed.plain) == ("S ✓", "T ✗")
        styles = [cell.style if isinstance(cell.style, Style) else Style.parse(cell.style) for cell in (passed, failed)]
        assert [(s.bold, s.color.number) for s in styles] == [(True, 2), (True, 1)]  # ANSI green, red
