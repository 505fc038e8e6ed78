"""Behind pace is judged once, on the percentages as said (one decimal): the goal's mark, `today`,
the cycle and the off-pace alert agree. A goal a hair behind (61.537% against 61.538%) was marked
behind while the alert, comparing 61.5% with 61.5%, said nothing."""

from __future__ import annotations

from datetime import datetime, timezone

from store.board import Board

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)  # 56 of the 91 days from 10-01 to 12-31


def _board(team) -> Board:
    board = Board(team, actor="dana", clock=lambda: NOW)
    board.add_goal("Grow", owner="dana", metric="revenue", baseline=0, target=91_000,
                   start="2026-10-01", deadline="2026-12-31")
    return board


def test_a_hair_behind_is_on_pace_everywhere(team) -> None:
    board = _board(team)
    board.checkin("G-1", 55_999)  # 61.537% of the way; 56 / 91 = 61.538% expected: both 61.5%
    assert board.report("G-1").pace.behind is False
    assert [a for a in board.alerts() if a.kind == "pace"] == []


def test_a_tenth_of_a_point_behind_is_behind_everywhere(team) -> None:
    board = _board(team)
    board.checkin("G-1", 55_900)  # 61.4% of the way against 61.5%
    assert board.report("G-1").pace.behind is True
    [alert] = [a for a in board.alerts() if a.kind == "pace"]
    assert str(alert.message) == "G-1 is behind its pace: 61.4% by now where 61.5% was expected (0.1% short)"
