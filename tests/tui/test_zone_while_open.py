"""A time zone set while the app is open (in another terminal, by the person or their lead)
counts at once: the feed shows the log on the reader's new clock without reopening."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import DataTable

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.feed import FeedScreen
from tui.time_text import show_times_for

EAST = "Pacific/Kiritimati"  # UTC+14: no machine running the tests is on it


async def test_a_zone_set_elsewhere_moves_the_feeds_times(team) -> None:
    lead = Board(team, actor="dana")
    lead.move_task("T-1", "doing")
    stamp = lead.history(limit=1)[0].at
    as_written = stamp[:16].replace("T", " ")
    on_east = datetime.fromisoformat(stamp).astimezone(ZoneInfo(EAST)).strftime("%Y-%m-%d %H:%M")
    assert as_written != on_east
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4", "f")
            await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.query_one(DataTable).row_count)
            def first() -> str:  # the move's time (setting the zone is logged too, above it)
                table = app.screen.query_one(DataTable)
                rows = [table.get_row_at(n) for n in range(table.row_count)]
                return next(str(row[0]) for row in rows if "T-1" in " ".join(map(str, row)))

            assert first().startswith(as_written), first()
            Board(team, actor="dana").set_member_zone("dana", EAST)  # another terminal
            await until(pilot, lambda: first().startswith(on_east))
    finally:
        Board(team, actor="dana").set_member_zone("dana", "local")
        show_times_for(Board(team, actor="dana"))  # no zones again: later tests read stamps as written
