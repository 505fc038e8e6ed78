"""What lasts is kept out of the garbage collector's full passes after the app's first frame, and
given back when the app goes (tui/app.py). The rest of the suite skips the full collection
before the freeze (tests/conftest.py); here it runs as in the app."""

from __future__ import annotations

import gc

import tui.app
from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp


async def test_the_app_freezes_after_its_first_frame_and_unfreezes_when_it_goes(team, monkeypatch) -> None:
    monkeypatch.setattr(tui.app, "gc", gc)
    collected: list[int] = []
    really_collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *generation: collected.append(1) or really_collect(*generation))
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0)
        assert collected  # a full collection before the freeze: no garbage is kept for good
    assert gc.get_freeze_count() == 0
