"""A rep made a lead during the cycle keeps the statement of what they earned as a rep, as a rep
who left the board does (figures worked out by hand in the comments)."""

from __future__ import annotations

import csv
import io


def test_a_rep_made_a_lead_keeps_their_statement_for_the_cycle(run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Flat\nquota: 10000\ntiers: [{from_pct: 0, rate: 10}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Acme", "--owner", "ali", "--value", "3000", "--stage", "won")[0] == 0
    assert run("deal", "add", "Beta", "--owner", "bea", "--value", "2000", "--stage", "won")[0] == 0
    assert run("member", "role", "ali", "lead")[0] == 0
    # ali won 3,000 as a rep: 10% = 300.00 (the statement was gone from payroll once ali led)
    code, out, _ = run("payout", "--csv")
    rows = {row["rep"]: row["total"] for row in csv.DictReader(io.StringIO(out))}
    assert (code, rows) == (0, {"bea": "200", "ali": "300"})
    assert run("payout", "--rep", "ali")[1].splitlines()[0] == "ali (I-1): 300.00"
    code, out, _ = run("payout", "approve", "--rep", "ali")
    assert (code, out) == (0, "P-1 ali: 300.00\n")
    assert "ali (left)" in run("forecast")[1]
    assert "ali" not in run("leaderboard")[1]  # (the team's reps)
