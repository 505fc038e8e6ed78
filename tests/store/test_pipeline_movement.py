"""What changed in the pipeline in a week, rebuilt from the activity log (store.week_movement).

The week is 2026-W48, Monday 2026-11-23 to Monday 2026-11-30. Before it (Nov 20):
  D-1 Acme 10,000 Lead · D-2 Beta 5,000 Proposal closing 2026-12-10 · D-3 Gamma 8,000
  Negotiation · D-4 Delta 2,000 Lead · D-5 Eps 3,000 won · D-6 Iota 700 Lead.
In the week:
  D-1 10,000 -> 12,000 (increased 2,000) and Lead -> Qualified (advanced)
  D-2 5,000 -> 4,000 (decreased 1,000), close 2026-12-10 -> 2027-01-15 (pushed)
  D-3 won (8,000) · D-4 lost for price (2,000) · D-5 reopened into Proposal (3,000)
  D-7 Zeta 6,000 new · D-8 Eta added and deleted (nothing) · D-9 Theta 500 added and won
  D-6 deleted (removed 700)
After it (Dec 1): D-1 12,000 -> 20,000 (not this week's: undone for the week's end).

Open at the start: D-1, D-2, D-3, D-4, D-6 = 5 deals, 25,700.
Open at the end: D-1 12,000, D-2 4,000, D-5 3,000, D-7 6,000 = 4 deals, 25,000.
25,700 + new 6,500 + reopened 3,000 + increased 2,000 - decreased 1,000 - won 8,500 - lost 2,000
- removed 700 = 25,000.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from store.board import Board


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def on(self, month: int, day: int, hour: int = 9) -> None:
        self.moment = datetime(2026, month, day, hour, tzinfo=timezone.utc)


@pytest.fixture
def week(tmp_path) -> Board:
    clock = Clock()
    board = Board(tmp_path / "b", actor="dana", clock=clock)
    board.add_deal("Acme", value=10000)
    board.add_deal("Beta", value=5000, stage="Proposal", close="2026-12-10")
    board.add_deal("Gamma", value=8000, stage="Negotiation")
    board.add_deal("Delta", value=2000)
    board.add_deal("Eps", value=3000)
    board.move_deal("D-5", "Won")
    board.add_deal("Iota", value=700)
    clock.on(11, 24)
    board.update_deal("D-1", value=12000)
    board.move_deal("D-1", "Qualified")
    board.update_deal("D-2", value=4000, close="2027-01-15")
    board.move_deal("D-3", "Won")
    board.move_deal("D-4", "Lost", "price")
    clock.on(11, 25)
    board.move_deal("D-5", "Proposal")
    board.add_deal("Zeta", value=6000)
    board.add_deal("Eta", value=1000)
    board.delete_deal("D-8")
    board.add_deal("Theta", value=500)
    board.move_deal("D-9", "Won")
    clock.on(11, 26)
    board.delete_deal("D-6")
    clock.on(12, 1)
    board.update_deal("D-1", value=20000)
    return board


def ids(changes) -> list[tuple[str, float]]:
    return [(c.id, c.amount) for c in changes]


def test_the_weeks_waterfall(week) -> None:
    moved = week.week_movement(date(2026, 11, 25))
    assert moved.start == datetime(2026, 11, 23, tzinfo=timezone.utc)
    assert moved.end == datetime(2026, 11, 30, tzinfo=timezone.utc)
    assert (moved.open_start, moved.open_end) == ((5, 25700), (4, 25000))
    assert ids(moved.new) == [("D-7", 6000), ("D-9", 500)]
    assert ids(moved.reopened) == [("D-5", 3000)]
    assert ids(moved.increased) == [("D-1", 2000)] and ids(moved.decreased) == [("D-2", 1000)]
    assert ids(moved.won) == [("D-3", 8000), ("D-9", 500)]
    assert [(c.id, c.amount, c.detail) for c in moved.lost] == [("D-4", 2000, "price")]
    assert ids(moved.removed) == [("D-6", 700)]
    assert moved.open_start[1] + moved.net == moved.open_end[1]
    assert [(c.id, c.detail) for c in moved.advanced] == [("D-1", "Lead → Qualified")]
    assert [(c.id, c.detail) for c in moved.pushed] == [("D-2", "2026-12-10 → 2027-01-15")]
    assert moved.moved_back == moved.pulled_in == []


def test_this_week_runs_to_now_and_a_quiet_week_moves_nothing(week) -> None:
    week.move_deal("D-2", "Negotiation")
    week.undo()  # undone: no advance this week
    this_week = week.week_movement(date(2026, 12, 1))  # Monday Nov 30 to now (Dec 1, 09:00)
    assert this_week.end == datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
    assert (this_week.open_start, this_week.open_end) == ((4, 25000), (4, 33000))
    assert ids(this_week.increased) == [("D-1", 8000)] and this_week.net == 8000
    assert this_week.advanced == this_week.moved_back == []
    quiet = week.week_movement(date(2026, 11, 10))
    assert quiet.open_start == quiet.open_end == (0, 0) and quiet.net == 0 and not quiet.new


def test_the_forecast_as_each_week_began(tmp_path) -> None:
    """No cycle dates: every dated open deal counts. D-1 10,000 Proposal (50%) closing 12-15,
    made Nov 10, into Negotiation (75%, commit) Nov 18, won Nov 25. D-2 4,000 Lead (10%) closing
    12-20, made Nov 17, raised to 6,000 Nov 24. Now: Dec 1, 09:00; three weeks back.
      Nov 16: best 10,000, weighted 5,000, commit 0, won 0: forecast 5,000
      Nov 23: best 14,000, weighted 7,500 + 400 = 7,900, commit 10,000: forecast 7,900
      Nov 30 and now: won 10,000; best 6,000, weighted 600, commit 0: forecast 10,600"""
    clock = Clock()
    board = Board(tmp_path / "b", actor="dana", clock=clock)
    clock.on(11, 10)
    board.add_deal("One", value=10000, stage="Proposal", close="2026-12-15")
    clock.on(11, 17)
    board.add_deal("Two", value=4000, close="2026-12-20")
    clock.on(11, 18)
    board.move_deal("D-1", "Negotiation")
    clock.on(11, 24)
    board.update_deal("D-2", value=6000)
    clock.on(11, 25)
    board.move_deal("D-1", "Won")
    clock.on(12, 1)
    points = board.forecast_trend(3)
    assert [p.at.date() for p in points] == [date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30),
                                            date(2026, 12, 1)]
    assert [(p.won, p.commit, p.best_case, p.weighted, p.forecast) for p in points] == [
        (0, 0, 10000, 5000, 5000), (0, 10000, 14000, 7900, 7900),
        (10000, 0, 6000, 600, 10600), (10000, 0, 6000, 600, 10600)]


def test_past_deals_imported_this_week_are_neither_new_nor_won(tmp_path) -> None:
    """A CRM's history put on the board this week (won and lost in 2017) was never open in the
    week: the waterfall leaves it out, while a deal added and won in the week still counts."""
    clock = Clock()
    clock.on(11, 24)
    board = Board(tmp_path / "b", actor="dana", clock=clock)
    past = tmp_path / "past.csv"
    past.write_text("opportunity_id,account,deal_stage,engage_date,close_date,close_value\n"
                    "A1,Acme,Won,2017-01-10,2017-03-01,1000\n"
                    "A2,Beta,Lost,2017-02-10,2017-04-01,0\n")
    board.import_deals(past)
    board.add_deal("Gamma", value=500)
    board.move_deal("D-3", "Won")
    moved = board.week_movement(date(2026, 11, 24))
    assert ids(moved.new) == [("D-3", 500)]
    assert ids(moved.won) == [("D-3", 500)]
    assert moved.lost == []
    assert (moved.open_start, moved.open_end) == ((0, 0), (0, 0))
