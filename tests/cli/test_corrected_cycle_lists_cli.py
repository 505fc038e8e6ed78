"""Every list of the plan's past cycles reads them by one rule (Board.earlier_cycles): dates only
corrected (a week moved) are the same cycle, with the dates it last had, not a cycle of their own.
A board whose Q4 was typed a week late, corrected, then turned to Q1 has had two cycles: the
store's list, `budget edit --cycle last`, winloss's last cycle and the calendar all say so; and a
lead's day does not take the cycle now, its dates corrected after a payout approval, for a past one."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tests.conftest import fix_now

Q4 = (date(2026, 10, 1), date(2026, 12, 31))  # (as corrected: first typed 2026-10-08 to 2027-01-07)
Q1 = (date(2027, 1, 1), date(2027, 3, 31))


@pytest.fixture
def turned(run, monkeypatch):
    """`run`, on the team board once Q4's dates were corrected and the plan turned to Q1."""
    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--name", "Q4", "--start", "2026-10-08", "--end", "2027-01-07")[0] == 0
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0  # (a week earlier)
    assert run("plan", "info", "--name", "Q1", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0
    return run


def test_the_store_lists_two_cycles_the_earlier_with_its_corrected_dates(turned, team) -> None:
    from store.board import Board

    board = Board(team, actor="dana")
    assert board.cycles() == [Q1, Q4]
    assert board.known_cycles() == [Q1, Q4]  # (no payout approved: the plan's cycles alone)
    assert [(c.name, c.start, c.end) for c in board.past_cycle_days()] == [("Q4", *Q4)]


def test_the_last_cycle_is_the_corrected_one(turned) -> None:
    code, line, _ = turned("budget", "request", "Expo stand", "500", "--task", "T-1")
    assert code == 0
    assert turned("budget", "edit", line.strip(), "--cycle", "last")[0] == 0
    code, out, _ = turned("budget", "list", "--start", "2026-10-01", "--end", "2026-12-31")
    assert code == 0 and [row.split()[0] for row in out.splitlines()[1:2]] == [line.strip()]
    code, out, _ = turned("winloss")
    assert code == 0
    assert "The last cycle's: `uplift winloss --since 2026-10-01 --until 2026-12-31`" in out


def test_the_calendar_has_two_cycles(turned) -> None:
    code, out, _ = turned("calendar")
    assert code == 0
    starts = [line for line in out.splitlines() if line.startswith("SUMMARY:Cycle starts")]
    assert starts == ["SUMMARY:Cycle starts: Q4", "SUMMARY:Cycle starts: Q1"]
    assert "DTSTART;VALUE=DATE:20261001" in out and "20261008" not in out


def test_a_lead_s_day_takes_approvals_of_dates_since_corrected_as_the_cycle_nows(run, tmp_path, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 15, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--name", "Q4", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 10000\ntiers: [{from_pct: 0, rate: 10}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Acme", "--owner", "ali", "--value", "4000", "--stage", "won")[0] == 0
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 400.00\n"  # (10% of 4,000)
    assert run("plan", "info", "--start", "2026-10-08", "--end", "2027-01-07")[0] == 0  # (a week later)
    assert run("deal", "add", "Beta", "--owner", "ali", "--value", "1000", "--stage", "won")[0] == 0
    code, out, _ = run("today")
    assert code == 0
    assert "Payouts: 1 to approve (`uplift payout`)" in out  # (ali's, for the dates the cycle has now)
    assert "Payouts of the cycle" not in out  # (not "of the cycle 2026-10-01 to 2026-12-31", a past one)
