"""A past cycle's statements and leaderboard on the command line (`--start --end`, as `uplift
review` reads one): read with their approvals, never approved or paid there."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import snapshot_files


def test_a_past_cycles_statements_and_leaderboard_are_read_not_signed(run, team, tmp_path) -> None:
    today = date.today()
    start, end = (today - timedelta(days=10)).isoformat(), (today + timedelta(days=10)).isoformat()
    run("plan", "info", "--start", start, "--end", end)
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 10000\ntiers: [{from_pct: 0, rate: 10}]\n")
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "4000", "--stage", "won")
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 400.00\n"
    later = today + timedelta(days=11)
    run("plan", "info", "--start", later.isoformat(), "--end", (later + timedelta(days=90)).isoformat())
    assert run("payout", "--rep", "ali")[1].splitlines()[0] == "ali (I-1): 0.00"  # this cycle: nothing won yet
    code, out, _ = run("payout", "--rep", "ali", "--start", start, "--end", end)
    lines = out.splitlines()
    # 10% of 4,000 = 400.00, as approved then
    assert code == 0 and lines[0] == "ali (I-1): 400.00"
    assert "  won 4,000 on D-1 Acme" in lines and lines[-1].startswith("  approved by dana on ")
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json", "--start", start, "--end", end)[1])
    assert (ali["total"], ali["approval"]["id"]) == (400, "P-1")
    row = run("payout", "--csv", "--start", start, "--end", end)[1].splitlines()[1]
    assert row.startswith(f"ali,I-1,{start},{end},10000,4000,40,400,0,0,400,P-1,dana,")
    board = json.loads(run("leaderboard", "--json", "--start", start, "--end", end)[1])
    assert [(r["rep"], r["attainment"], r["won_value"]) for r in board] == [("ali", 40, 4000), ("bea", 0, 0)]
    before = snapshot_files(team)
    code, out, err = run("payout", "--start", start, "--end", end, "approve")
    assert (code, out) == (1, "")
    assert err == ("uplift: a past cycle's payouts are read, not approved: statements are approved in the plan's "
                   "cycle now (uplift payout approve, without --start and --end)\n")
    assert run("payout", "--start", start, "--end", end, "paid")[0] == 1
    assert snapshot_files(team) == before
    assert run("payout", "--start", start)[0] == 2  # a cycle has both ends
