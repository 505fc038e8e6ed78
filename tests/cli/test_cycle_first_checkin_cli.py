"""`uplift cycle` agrees with alerts and My day: a goal behind pace only for standing at its
baseline with no check-in is waiting for a first check-in, not counted behind."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now


def test_a_goal_at_its_baseline_waits_for_a_first_check_in(board_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 20, 12, tzinfo=timezone.utc))
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("plan", "new", "--from", "sample-quarter")[0] == 0
    assert "  3 goals: 0 on pace, 3 behind (G-1, G-2, G-3)" in run("cycle")[1].splitlines()
    assert run("goal", "add", "Grow upsell revenue", "--metric", "revenue", "--region", "all", "--owner", "dana",
               "--baseline", "100000", "--target", "150000", "--deadline", "2026-12-31")[1] == "G-4\n"
    # 80 of the cycle's 91 days gone (87.9% expected), G-4 at its baseline: "no check-in yet" in alerts
    assert "G-4 has no check-in yet" in run("alerts")[1]
    code, out, _ = run("cycle")
    assert code == 0 and ("  4 goals: 0 on pace, 3 behind (G-1, G-2, G-3), 1 waiting for a first check-in (G-4)"
                          in out.splitlines())
    goals = json.loads(run("cycle", "--json")[1])["goals"]
    assert (goals["behind"], goals["first_checkin"]) == (["G-1", "G-2", "G-3"], ["G-4"])
    # a check-in at 110,000: 20% of the way where 87.9% was expected, so behind now
    assert run("goal", "checkin", "G-4", "110000")[0] == 0
    assert "  4 goals: 0 on pace, 4 behind (G-1, G-2, G-3, G-4)" in run("cycle")[1].splitlines()
