"""A week's Monday midnight on the machine's clock is that week's midnight, summer time or not:
read from December (CET, +01:00), a deal won at 00:30 on Monday 2026-06-01 (CEST, +02:00) was won
in that week (2026-W23), not in the one before, as the burn-up's days already end at their own
midnight (store/burnup.py). The clock is the default one: the machine's, a fixed offset."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from store.board import Board


@pytest.fixture
def berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class MachineClock:
    """The machine's clock as the board reads it by default (`datetime.now().astimezone()`), set."""

    def __init__(self, *moment: int) -> None:
        self.at(*moment)

    def at(self, *moment: int) -> None:
        self.moment = datetime(*moment).astimezone()

    def __call__(self) -> datetime:
        return self.moment


def test_a_summer_monday_begins_at_its_own_midnight(tmp_path, berlin) -> None:
    clock = MachineClock(2026, 5, 20, 9)
    board = Board(tmp_path / "b", actor="dana", clock=clock)
    board.add_deal("Acme", value=1000)
    board.add_deal("Beta", value=500)
    clock.at(2026, 5, 31, 23, 30)  # Sunday night: W22
    board.move_deal("D-2", "Won")
    clock.at(2026, 6, 1, 0, 30)  # Monday, half past midnight: W23
    board.move_deal("D-1", "Won")
    clock.at(2026, 12, 3, 9)  # read in winter
    assert [c.id for c in board.week_movement(date(2026, 6, 1)).won] == ["D-1"]
    assert [c.id for c in board.week_movement(date(2026, 5, 25)).won] == ["D-2"]
    week = board.week_movement(date(2026, 6, 3))
    assert (week.start.isoformat(), week.end.isoformat()) == ("2026-06-01T00:00:00+02:00", "2026-06-08T00:00:00+02:00")


def test_the_forecast_trend_starts_each_week_at_its_own_midnight(tmp_path, berlin) -> None:
    """Eight Mondays back from December reach into October's summer time (until Oct 25)."""
    clock = MachineClock(2026, 12, 3, 9)
    board = Board(tmp_path / "b", actor="dana", clock=clock)
    mondays = [p.at for p in board.forecast_trend(weeks=8)][:-1]
    assert [m.isoformat() for m in mondays] == [
        "2026-10-12T00:00:00+02:00", "2026-10-19T00:00:00+02:00", "2026-10-26T00:00:00+01:00",
        "2026-11-02T00:00:00+01:00", "2026-11-09T00:00:00+01:00", "2026-11-16T00:00:00+01:00",
        "2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00"]
