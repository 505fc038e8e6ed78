"""A goal with a baseline and no check-in stands at its baseline (`goal show` says so); its pace
alert says it has no check-in yet, not "0% by now", until one comes."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


def test_a_goal_at_its_baseline_is_told_it_has_no_check_in(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    assert run("goal", "add", "Grow upsell revenue", "--metric", "revenue", "--region", "all", "--owner", "dana",
               "--baseline", "100000", "--target", "150000", "--deadline", "2026-12-31")[1] == "G-4\n"
    assert "(its baseline, no check-in yet)" in run("goal", "show", "G-4")[1]
    # the cycle runs from 2026-10-01 to the deadline 2026-12-31, 91 days: 80 of them gone by 2026-12-20
    code, out, _ = run("alerts")
    line = next(line for line in out.splitlines() if "G-4" in line)
    assert code == 0 and line.endswith(
        "G-4 has no check-in yet: it stands at its baseline where 87.9% of the way was expected by now")
    assert "behind its pace: 0%" not in out
    # dana's day lists it as waiting for a check-in, not among the goals behind pace at 0%
    day = [line for line in run("today")[1].splitlines() if "G-4" in line]
    assert day == ["  G-4  Grow upsell revenue · no check-in yet"]
    # a check-in at 110,000: 10,000 of the 50,000 way, 20%
    assert run("goal", "checkin", "G-4", "110000")[0] == 0
    line = next(line for line in run("alerts")[1].splitlines() if "G-4" in line)
    assert line.endswith("G-4 is behind its pace: 20% by now where 87.9% was expected (67.9% short)")
    assert "  G-4  Grow upsell revenue · 20% of the way where 87.9% was expected by now" in run("today")[1]
