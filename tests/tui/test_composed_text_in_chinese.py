"""Text the domain composes, in Chinese on the screens: the alerts list (`!`) and the activity
feed (`f` on the pipeline), their words in the interface's language, the data in them as typed."""

from __future__ import annotations

from datetime import datetime, timezone

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.i18n import set_language
from tui.screens.alerts import AlertsScreen


async def test_an_overdue_task_is_said_in_chinese_on_the_alerts_list(team, monkeypatch) -> None:
    Board(team, actor="dana").update_task("T-2", due="2026-11-20")  # bea's "Visit Betasoloin"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    now = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)  # six days after it was due
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4", "exclamation_mark")
            await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.alerts)
            listed = app.screen.query_one("#alert-list")
            shown = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
            assert any("T-2“Visit Betasoloin”（bea）于 2026-11-20 到期，已过 6 天，状态为待办" in s for s in shown), shown
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()


async def test_the_activity_feed_says_each_change_in_chinese(team, monkeypatch) -> None:
    from textual.widgets import DataTable

    from tui.screens.feed import FeedScreen

    Board(team, actor="dana").move_task("T-1", "doing")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4", "f")
            await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.query_one(DataTable).row_count)
            table = app.screen.query_one(DataTable)
            said = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
            assert said[0] == "把 T-1 从待办移到进行中", said
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()


async def test_the_feed_is_filtered_by_a_type_named_in_chinese(team, monkeypatch) -> None:
    """The feed says `记录了一次电话`, so `ali 电话` picks ali's calls, as `ali call` does."""
    from textual.widgets import DataTable, Input

    from tui.screens.feed import FeedScreen

    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    Board(team, actor="ali").log_activity("call", "intro", deal="D-1")
    Board(team, actor="ali").log_activity("meeting", "demo", deal="D-1")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4", "f")
            await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.query_one(DataTable).row_count)
            placeholder = str(app.screen.query_one("#feed-filter", Input).placeholder)
            assert placeholder == "例如 李雷 电话   或   D-4"
            for typed in ("ali 电话", "ali call"):
                app.screen.query_one("#feed-filter", Input).value = typed
                await pilot.pause()
                table = app.screen.query_one(DataTable)
                said = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
                assert said == ["在 D-1 记录了一次电话：intro"], (typed, said)
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()
