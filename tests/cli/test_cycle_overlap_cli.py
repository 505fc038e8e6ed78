"""A new cycle starts after the last one ends: `plan info` (and a plan file's `plan.period`)
refuses new dates that share only the last few days of the cycle now, or any day of an earlier
cycle, naming both cycles' dates (exit 2, nothing written); dates only corrected, which keep most
of the cycle's days, are taken as they were."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files


@pytest.fixture
def run(team, run):
    assert run("plan", "info", "--name", "Q4", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    return run


def test_a_next_cycle_sharing_the_last_ones_last_days_is_refused(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("plan", "info", "--name", "Q1", "--start", "2026-12-29", "--end", "2027-03-31")
    assert (code, out) == (2, "")
    assert err == ("uplift: start: the cycle 2026-12-29 to 2027-03-31 shares only 2026-12-29 to 2026-12-31 with the "
                   "cycle now, 2026-10-01 to 2026-12-31: a new cycle starts after the last one ends (after "
                   "2026-12-31); dates only corrected keep most of the cycle's days\n")
    assert snapshot_files(team) == before


def test_dates_corrected_then_a_cycle_on_from_where_the_last_one_ended(run) -> None:
    # a week later, then back: corrections (most days kept), the last cycle ends 2026-12-31 after all
    assert run("plan", "info", "--start", "2026-10-08", "--end", "2027-01-07")[0] == 0
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("plan", "info", "--name", "Q1", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0
    # Q1 moved back into Q4's days: most of Q1's days kept, but Q4's last ones taken
    code, _, err = run("plan", "info", "--start", "2026-12-20", "--end", "2027-03-31")
    assert code == 2 and ("the cycle 2026-12-20 to 2027-03-31 shares 2026-12-20 to 2026-12-31 with an earlier "
                          "cycle, 2026-10-01 to 2026-12-31: a cycle starts after the one before it ends") in err
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0  # (back to Q4 as it was)
    assert run("plan", "info", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0


def test_a_plan_files_period_is_held_to_the_same_rule(run, team, tmp_path) -> None:
    plan = tmp_path / "q1.yaml"
    plan.write_text("plan:\n  name: Q1\n  period:\n    start: 2026-12-15\n    end: 2027-03-31\n")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert err.startswith(f"{plan}:3: plan.period: the cycle 2026-12-15 to 2027-03-31 shares only 2026-12-15 to "
                          "2026-12-31 with the cycle now, 2026-10-01 to 2026-12-31")
    assert snapshot_files(team) == before
    plan.write_text("plan:\n  name: Q1\n  period:\n    start: 2027-01-01\n    end: 2027-03-31\n")
    assert run("plan", "import", str(plan))[0] == 0
