"""A past cycle's statements and leaderboard on the command line (`--start --end`, as `uplift
review` reads one), and its approvals: commission its customers paid after it ended (a plan with
`release: paid`) is approved and paid for that cycle."""

from __future__ import annotations

import json
from datetime import date, timedelta


def test_a_past_cycles_commission_released_after_it_ended_is_approved_and_paid_for_it(run, tmp_path,
                                                                                      monkeypatch) -> None:
    today = date.today()
    start, end = (today - timedelta(days=10)).isoformat(), (today + timedelta(days=10)).isoformat()
    run("plan", "info", "--start", start, "--end", end)
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 10000\ntiers: [{from_pct: 0, rate: 10}]\nrelease: paid\n")
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "4000", "--stage", "won")
    run("deal", "paid", "D-1", "1000", "--on", start)
    # 10% of 4,000 = 400 earned; a quarter paid: 100 payable
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 100.00\n"
    assert run("payout", "paid", "--rep", "ali", "--ref", "M1")[1] == "P-1 ali: 100.00 paid (M1)\n"
    later = today + timedelta(days=11)
    run("plan", "info", "--start", later.isoformat(), "--end", (later + timedelta(days=90)).isoformat())
    run("deal", "paid", "D-1", "3000")  # the rest, paid in the next cycle
    assert run("payout", "--rep", "ali")[1].splitlines()[0] == "ali (I-1): 0.00"  # this cycle: nothing won yet
    code, out, _ = run("payout", "--rep", "ali", "--start", start, "--end", end)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "ali (I-1): 400.00"  # all of it released now
    assert "  won 4,000 on D-1 Acme" in lines
    signed = next(line for line in lines if line.startswith("  approved by dana on "))
    assert signed.endswith("(P-1): 100.00; paid on " + signed.split("paid on ")[1][:10]
                           + " (M1); CHANGED since: 400.00 now (+300.00)")
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json", "--start", start, "--end", end)[1])
    assert (ali["total"], ali["held"], ali["approval"]["id"]) == (400, 0, "P-1")
    row = run("payout", "--csv", "--start", start, "--end", end)[1].splitlines()[1]
    assert row.startswith(f"ali,I-1,{start},{end},10000,4000,40,400,0,0,400,P-1,dana,")
    board = json.loads(run("leaderboard", "--json", "--start", start, "--end", end)[1])
    assert [(r["rep"], r["attainment"], r["won_value"]) for r in board] == [("ali", 0.4, 4000), ("bea", 0, 0)]
    # the lead's day says so, until it is approved again
    assert (f"Payouts of the cycle {start} to {end}: 1 statement approved then has changed since "
            f"(`uplift payout --start {start} --end {end}`)") in run("today")[1].splitlines()
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert (f"{start} 至 {end} 周期的提成：1 份当时已批准的提成单此后已变化"
            f"（`uplift payout --start {start} --end {end}`）") in run("today")[1].splitlines()
    monkeypatch.setenv("UPLIFT_LANG", "en")
    # approved again for that cycle, payroll pays the difference (either way of giving the cycle)
    assert run("payout", "--start", start, "--end", end, "approve", "--rep", "ali")[1] == "P-2 ali: 400.00\n"
    assert run("payout", "paid", "--start", start, "--end", end, "--ref", "M2")[1] == \
        "P-2 ali: 400.00 paid (M2); 100.00 of it paid before, so 300.00 now\n"
    approvals = json.loads(run("payout", "--rep", "ali", "--json", "--start", start, "--end", end)[1])[0]["approval"]
    assert (approvals["id"], approvals["start"], approvals["end"]) == ("P-2", start, end)
    assert run("payout", "--start", start)[0] == 2  # a cycle has both ends
    assert "Payouts of the cycle" not in run("today")[1]
