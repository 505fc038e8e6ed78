"""The deal form (pipeline, key 4) names the strategy that brought the deal: it shows it, picks
another, clears it, and a new deal takes one."""

from __future__ import annotations

from textual.widgets import Input, Select

from store.board import Board
from tui.app import UpliftApp
from tui.screens.deal_form import DealForm
from tui.screens.pipeline import PipelineScreen

SIZE = (120, 40)


async def open_form(pilot, app: UpliftApp, key: str) -> Select:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, DealForm)
    return app.screen.query_one("#strategy", Select)


async def save(pilot, app: UpliftApp) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, PipelineScreen)


async def test_the_deal_form_shows_changes_and_clears_the_strategy(team) -> None:
    lead = Board(team, actor="dana")
    for title in ("Fairs", "Webinars"):
        lead.add_strategy(title)
    lead.add_deal("Isdom pilot", owner="ali", value=18000, strategy="S-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        strategy = await open_form(pilot, app, "e")
        assert strategy.value == "S-1"
        strategy.value = "S-2"
        await save(pilot, app)
        assert Board(team, actor="dana").deal("D-1").strategy == "S-2"
        strategy = await open_form(pilot, app, "e")
        assert strategy.value == "S-2"
        strategy.clear()
        await save(pilot, app)
    board = Board(team, actor="dana")
    assert board.deal("D-1").strategy is None
    assert [r.after for r in board.log.newest_first()][:2] == [{"strategy": None}, {"strategy": "S-2"}]


async def test_a_new_deal_takes_a_strategy_and_an_edit_leaves_it(team) -> None:
    Board(team, actor="dana").add_strategy("Fairs")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        strategy = await open_form(pilot, app, "n")
        assert strategy.value == Select.NULL
        app.screen.query_one("#title", Input).value = "Gamma expansion"
        strategy.value = "S-1"
        await save(pilot, app)
        await open_form(pilot, app, "e")
        app.screen.query_one("#next_step", Input).value = "Send the quote"
        await save(pilot, app)
    deal = Board(team, actor="dana").deal("D-1")
    assert (deal.title, deal.strategy, deal.next_step) == ("Gamma expansion", "S-1", "Send the quote")


async def test_a_long_strategy_title_keeps_the_box_on_one_line_at_80_columns(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_strategy("Target mid-market manufacturers in the north with a two-week pilot and a bundle offer")
    lead.add_deal("Isdom pilot", owner="ali", strategy="S-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        strategy = await open_form(pilot, app, "e")
        assert strategy.value == "S-1" and strategy.region.height == 3
