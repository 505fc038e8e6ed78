"""`o` on the pipeline: the focused deal's account page (the Accounts screen's), through Pilot; a
deal chosen there is shown on the pipeline; a deal with no account says how to give it one."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from textual.widgets import DataTable, Static

from store.board import Board
from tests.tui.waiting import palette_prompts, run_palette, until
from tui.app import UpliftApp
from tui.screens.accounts import AccountScreen
from tui.screens.pipeline import PipelineScreen
from tui.widgets.footer import Footer

NOW = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)


def board_with_accounts(tmp_path) -> Board:
    """D-1 and D-2 are Acme's (spelled two ways), D-3 Betasol's, D-4 has no account."""
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.add_deal("Acme renewal", account="Acme", owner="dana", value=12000, stage="Proposal")
    board.add_deal("Acme add-on", account="ACME", owner="dana", value=3000, stage="Lead")
    board.add_deal("Betasol pilot", account="Betasol", owner="dana", value=20000)
    board.add_deal("Walk-in order", owner="dana", value=500)
    return board


async def on_pipeline(pilot, app: UpliftApp) -> PipelineScreen:
    await pilot.press("4")
    await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted
                and app.screen.kanban.focused_id)
    return app.screen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_o_opens_the_focused_deals_account_and_enter_shows_a_deal(tmp_path, size) -> None:
    app = UpliftApp(board_with_accounts(tmp_path))
    async with app.run_test(size=size) as pilot:
        pipeline = await on_pipeline(pilot, app)
        await pipeline.focus_item("D-1")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen)
                    and app.screen.query_one("#account-deals", DataTable).row_count)
        await pilot.pause()
        assert str(app.screen.query_one("#account-heading", Static).render()).startswith("Acme · ")
        table = app.screen.query_one("#account-deals", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["D-2", "D-1"]  # Lead, Proposal
        await pilot.press("enter")  # D-2, the page's first: shown on the pipeline, the page closed
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.kanban.focused_id == "D-2")
        assert len(app.screen_stack) == 1
        await pilot.press("o", "escape")  # escape: back on the pipeline, where it was
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        assert app.screen.kanban.focused_id == "D-2"


async def test_o_on_a_deal_without_an_account_says_so_and_opens_nothing(tmp_path) -> None:
    app = UpliftApp(board_with_accounts(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        pipeline = await on_pipeline(pilot, app)
        await pipeline.focus_item("D-4")
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is pipeline
        assert any("D-4 has no account: its form (e) gives it one" in str(n.message) for n in app._notifications)


async def test_o_is_in_the_pipelines_footer(tmp_path) -> None:
    app = UpliftApp(board_with_accounts(tmp_path))
    async with app.run_test(size=(200, 40)) as pilot:  # (wide enough for every key of the screen)
        await on_pipeline(pilot, app)
        await until(pilot, lambda: "account" in {key.action for key in app.screen.query_one(Footer).keys})


async def test_the_palette_finds_an_account_by_its_name_and_opens_its_page(tmp_path) -> None:
    app = UpliftApp(board_with_accounts(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_palette(pilot, app, "betasol")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen)
                    and app.screen.query_one("#account-deals", DataTable).row_count == 1)
        await pilot.pause()
        assert str(app.screen.query_one("#account-heading", Static).render()).startswith("Betasol · ")
        await pilot.press("enter")  # D-3: shown on the pipeline
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.kanban.focused_id == "D-3")


async def test_the_palette_shows_an_account_named_like_markup_as_typed(tmp_path) -> None:
    board = board_with_accounts(tmp_path)
    board.add_deal("Kestrel order", account="[bold]Kestrel[/] Marine", owner="dana", value=500)
    app = UpliftApp(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompts = await palette_prompts(pilot, app, "kestrel marine")
        assert any("[bold]Kestrel[/] Marine" in prompt for prompt in prompts)
