"""After the turn of a cycle: a lead paging the calendar back to last quarter still finds where it
began and ended (each cycle named as it was then, with its own event uids), dates only corrected
are not shown as a cycle of their own, a goal carried on is not overdue on its old deadline, and a
new cycle's empty win/loss says where the last cycle's is."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.calendar_month import overdue
from store.board import Board
from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


@pytest.fixture
def run(board_path, capsys, monkeypatch):
    fix_now(monkeypatch, datetime(2027, 1, 10, 12, tzinfo=timezone.utc))  # Q4 2026 is over
    runner = run_uplift(board_path, capsys, monkeypatch)
    assert runner("plan", "new", "--from", "sample-quarter")[0] == 0  # North team, Q4 2026: 2026-10-01..12-31
    return runner


def cycle_days(run) -> dict[str, tuple]:
    from icalendar import Calendar

    code, data, _ = run("calendar")
    assert code == 0
    return {str(e["UID"]).split("@")[0]: (e["DTSTART"].dt, str(e["SUMMARY"]))
            for e in Calendar.from_ical(data.encode()).walk("VEVENT") if str(e["UID"]).startswith("cycle-")}


def test_last_cycles_days_stay_on_the_calendar_after_the_turn(run) -> None:
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    days = cycle_days(run)
    assert days["cycle-start"] == (date(2027, 1, 4), "Cycle starts: North team, Q1 2027")
    assert days["cycle-end"] == (date(2027, 3, 31), "Cycle ends: North team, Q1 2027")
    assert days["cycle-start-2026-10-01"] == (date(2026, 10, 1), "Cycle starts: North team, Q4 2026")
    assert days["cycle-end-2026-10-01"] == (date(2026, 12, 31), "Cycle ends: North team, Q4 2026")


def test_dates_only_corrected_are_not_a_cycle_of_their_own(run) -> None:
    assert run("plan", "info", "--start", "2026-10-08", "--end", "2027-01-07")[0] == 0  # a week later
    assert {uid for uid in cycle_days(run) if not uid.startswith("cycle-payouts")} == {"cycle-start", "cycle-end"}


def test_a_goal_carried_on_is_not_overdue_on_its_old_deadline(run, board_path) -> None:
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0
    events = {e.uid: e for e in Board(board_path, actor="dana").calendar_events()}
    today = date(2027, 1, 10)
    assert not overdue(events["G-1-deadline"], today)  # carried on: decided
    assert overdue(events["G-2-deadline"], today)  # neither carried nor closed: still waiting


def test_a_new_cycles_empty_win_loss_points_to_the_last_cycles(run) -> None:
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    code, out, _ = run("winloss")
    assert (code, out.splitlines()[1:]) == (0, [
        "No deal was won or lost in this window.",
        "The last cycle's: `uplift winloss --since 2026-10-01 --until 2026-12-31`"])
    assert "Won " in run("winloss", "--since", "2026-10-01", "--until", "2026-12-31")[1]
    assert "The last cycle's" not in run("winloss", "--since", "2027-01-04")[1]  # (a window asked for: as asked)


def test_a_rep_reading_the_cycle_at_the_turn_is_told_who_acts(run) -> None:
    assert "the cycle is over: a lead reviews it and starts the next" in run("cycle", user="ali")[1]
    assert "start the next with `uplift plan info" in run("cycle")[1]  # (the lead: the commands)
    assert run("plan", "info", "--name", "North team, Q1 2027", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    rep = run("cycle", user="ali")[1]
    assert "the last cycle's goals not carried on: G-1, G-2 (a lead carries one on, or closes it with how it ended)" \
        in rep
    assert "uplift goal carry" not in rep
    assert "`uplift goal carry ID --target N`" in run("cycle")[1]
