"""The Today screen tells a lead the budget requests waiting for them, and where to decide them."""

from __future__ import annotations

from textual.widgets import Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.agenda import TodayScreen


async def test_the_today_screen_says_where_to_decide_them(team) -> None:
    for who, title in (("ali", "Booth"), ("bea", "Taxi")):
        Board(team, actor=who).request_budget(title, 100, task="T-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert "Budget: 2 requests waiting for your decision (2 then b, the budget screen)" in \
            str(app.screen.query_one("#today-quota", Static).render()).splitlines()
