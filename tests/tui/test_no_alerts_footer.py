"""The Alerts list with no alert offers no snooze: its footer said `s Snooze` under "No
alerts"; with one, it does."""

from __future__ import annotations

from pathlib import Path

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.alerts import AlertsScreen
from tui.widgets.footer import Footer


async def footer_keys(app: UpliftApp, pilot) -> dict[str, str]:
    await pilot.press("4", "exclamation_mark")
    await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.query_one(Footer).keys)
    await pilot.pause()
    return {k.description: k.key_display for k in app.screen.query_one(Footer).keys}


async def test_no_alerts_no_snooze_key(board_path: Path) -> None:
    Board(board_path, actor="dana").add_member("dana", "lead")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(100, 30)) as pilot:
        keys = await footer_keys(app, pilot)
        assert "No alerts" in str(app.screen.query_one("#alerts-heading").render())
        assert "Close" in keys and "Snooze" not in keys


async def test_an_alert_offers_the_snooze_key(team: Path) -> None:
    Board(team, actor="dana").add_task("Late call", owner="ali", due="2020-01-01")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(100, 30)) as pilot:
        keys = await footer_keys(app, pilot)
        assert app.screen.alerts and keys.get("Snooze") == "s"
