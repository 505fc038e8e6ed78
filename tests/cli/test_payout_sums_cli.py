"""A statement's total is the sum of its lines as they are written, to the cent, whatever
amounts a plan gives (figures worked out by hand in the comments)."""

from __future__ import annotations

import csv
import io


def test_bonuses_of_half_a_cent_are_paid_as_written(run, tmp_path) -> None:
    """Two bonuses of 0.005 were written 0.01 each while the total added 0.005 + 0.005 = 0.01:
    a statement whose lines add up to 10.02 said 10.01."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Small\nquota: 2000\ntiers: [{from_pct: 0, rate: 1}]\ncap: 500.004\n"
                    "bonuses:\n- {name: one, amount: 0.005, measure: won_deals, at_least: 1}\n"
                    "- {name: two, amount: 0.005, measure: won_deals, at_least: 1}\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Acme", "--owner", "ali", "--value", "1000", "--stage", "won")[0] == 0
    # 1% of 1,000 = 10.00; each bonus 0.005 is 0.01 to the cent (half up): 10.02
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 10.02"
    assert "  bonus “one”: deals won 1 ≥ 1 = 0.01" in lines and "  total payout = 10.02" in lines
    row = next(csv.DictReader(io.StringIO(run("payout", "--csv")[1])))
    assert (row["commission"], row["bonuses"], row["total"]) == ("10", "0.02", "10.02")
    assert "cap: 500\n" in run("incentive", "show", "I-1")[1]
