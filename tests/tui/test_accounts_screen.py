"""The Accounts screen (key O) through Pilot: the list, enter opens an account's page, enter on a
deal there shows it on the pipeline; at 120x40 and at 80x24."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from store.board import Board
from tests.tui.waiting import run_palette, until
from tui.app import UpliftApp
from tui.screens.accounts import AccountScreen, AccountsScreen
from tui.screens.pipeline import PipelineScreen

NOW = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)
ODD = "[bold]Kestrel[/] Marine"  # an account's name is data, never markup


def small_board(tmp_path) -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.add_deal("Acme renewal", account="Acme", owner="dana", value=12000, stage="Proposal",
                   next_step="Send the revised quote")
    board.add_deal("Acme add-on", account="acme", owner="dana", value=3000, stage="Lead")
    board.add_deal("Betasol pilot", account="Betasol", owner="dana", value=20000)
    board.add_deal("Kestrel order", account=ODD, owner="dana", value=500)
    board.log_activity("call", "Walked them through the quote", deal="D-1")
    return board


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def static_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_list_an_accounts_page_and_a_deal_on_the_pipeline(tmp_path, size) -> None:
    app = UpliftApp(small_board(tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen)
                    and app.screen.query_one("#accounts-table", DataTable).row_count)
        await pilot.pause()
        table = app.screen.query_one("#accounts-table", DataTable)
        assert [r[0] for r in rows(table)] == ["Betasol", "Acme", ODD]  # the biggest open value first
        assert rows(table)[1][1:3] == ["2", "15,000"]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen)
                    and app.screen.query_one("#account-deals", DataTable).row_count)
        await pilot.pause()
        assert static_text(app, "#account-heading").startswith("Acme · ")
        deals = app.screen.query_one("#account-deals", DataTable)
        assert [r[0] for r in rows(deals)] == ["D-2", "D-1"]  # Lead, then Proposal
        assert rows(deals)[1][-1] == "Send the revised quote"
        assert "Walked them through the quote" in static_text(app, "#account-activities")
        assert deals.virtual_size.width <= deals.scrollable_content_region.width
        await pilot.press("escape")  # back to the list, then the page again
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen)
                    and app.screen.query_one("#account-deals", DataTable).row_count)
        await pilot.press("down", "enter")  # D-1: shown on the pipeline, the dialogs closed
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.kanban.focused_id == "D-1")
        assert len(app.screen_stack) == 1


async def test_a_name_that_looks_like_markup_is_shown_as_typed(tmp_path) -> None:
    app = UpliftApp(small_board(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen)
                    and app.screen.query_one("#accounts-table", DataTable).row_count)
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen))
        await pilot.pause()
        assert static_text(app, "#account-heading").startswith(f"{ODD} · ")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: len(app.screen_stack) == 1)


async def test_an_empty_board_says_how_an_account_is_made(tmp_path) -> None:
    app = UpliftApp(Board(tmp_path / "b", actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen))
        await pilot.pause()
        assert static_text(app, "#accounts-heading").startswith("No accounts yet")


async def test_the_palettes_accounts_opens_the_list(tmp_path) -> None:
    app = UpliftApp(small_board(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_palette(pilot, app, "Accounts")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen)
                    and app.screen.query_one("#accounts-table", DataTable).row_count == 3)


async def test_an_account_only_activities_name_has_a_page_without_deals(tmp_path) -> None:
    """Corvid was visited but has no deal: its page has no deals' table, its visit is there, and
    the page itself has the focus (it scrolls with the keys)."""
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.log_activity("visit", "Intro visit", account="Corvid")
    app = UpliftApp(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("O")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen)
                    and app.screen.query_one("#accounts-table", DataTable).row_count)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AccountScreen) and app.screen.is_mounted)
        await pilot.pause()
        assert not app.screen.query_one("#account-deals", DataTable).display
        assert "Intro visit" in static_text(app, "#account-activities")
        assert isinstance(app.focused, VerticalScroll)  # the page
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AccountsScreen))
