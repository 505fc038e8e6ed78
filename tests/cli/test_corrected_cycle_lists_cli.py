"""Every list of the plan's past cycles reads them by one rule (Board.earlier_cycles): dates only
corrected (a week moved) are the same cycle, with the dates it last had, not a cycle of their own.
A board whose Q4 was typed a week late, corrected, then turned to Q1 has had two cycles: the
store's list, `budget edit --cycle last`, winloss's last cycle and the calendar all say so."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.conftest import fix_now

Q4 = (date(2026, 10, 1), date(2026, 12, 31))  # (as corrected: first typed 2026-10-08 to 2027-01-07)
Q1 = (date(2027, 1, 1), date(2027, 3, 31))


@pytest.fixture
def run(team, run, monkeypatch):
    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--name", "Q4", "--start", "2026-10-08", "--end", "2027-01-07")[0] == 0
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0  # (a week earlier)
    assert run("plan", "info", "--name", "Q1", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0
    return run


def test_the_store_lists_two_cycles_the_earlier_with_its_corrected_dates(run, team) -> None:
    from store.board import Board

    board = Board(team, actor="dana")
    assert board.cycles() == [Q1, Q4]
    assert board.known_cycles() == [Q1, Q4]  # (no payout approved: the plan's cycles alone)
    assert [(c.name, c.start, c.end) for c in board.past_cycle_days()] == [("Q4", *Q4)]


def test_the_last_cycle_is_the_corrected_one(run) -> None:
    code, line, _ = run("budget", "request", "Fair booth", "500", "--task", "T-1")
    assert code == 0
    assert run("budget", "edit", line.strip(), "--cycle", "last")[0] == 0
    code, out, _ = run("budget", "list", "--start", "2026-10-01", "--end", "2026-12-31")
    assert code == 0 and "Fair booth" in out
    code, out, _ = run("winloss")
    assert code == 0
    assert "The last cycle's: `uplift winloss --since 2026-10-01 --until 2026-12-31`" in out


def test_the_calendar_has_two_cycles(run) -> None:
    code, out, _ = run("calendar")
    assert code == 0
    starts = [line for line in out.splitlines() if line.startswith("SUMMARY:Cycle starts")]
    assert starts == ["SUMMARY:Cycle starts: Q4", "SUMMARY:Cycle starts: Q1"]
    assert "DTSTART;VALUE=DATE:20261001" in out and "20261008" not in out
