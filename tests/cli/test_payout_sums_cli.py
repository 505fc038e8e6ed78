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


def test_each_deals_commission_adds_up_to_the_tier_lines(run, tmp_path) -> None:
    """Under release on payment each deal's share of the commission was rounded on its own:
    1.81 + 11.73 = 13.54 beside a tier line of 13.53."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Paid\nquota: 1000\nrelease: paid\n"
                    "tiers: [{from_pct: 0, to_pct: 50, rate: 0}, {from_pct: 50, to_pct: 100, rate: 5}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    run("deal", "add", "Acme", "--owner", "ali", "--value", "536.10", "--stage", "won")
    run("deal", "add", "Betasol", "--owner", "ali", "--value", "234.50", "--stage", "won")
    run("deal", "paid", "D-1", "536.10", "--on", "2026-11-01")
    run("deal", "paid", "D-2", "234.50", "--on", "2026-11-01")
    # 770.60 won: 5% of the 270.60 above 500 = 13.53. D-1 fills 500 to 536.10: 5% of 36.10 = 1.805,
    # 1.81; D-2 the rest, 5% of 234.50 = 11.725, which with D-1's makes 13.53: 11.72
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  tier 50–100%: 5% of 270.60 = 13.53" in lines
    assert ("  D-1: commission 1.81 earned; customer paid 536.10 of 536.10 (100%): 1.81 payable, 0.00 held until paid"
            in lines)
    assert ("  D-2: commission 11.72 earned; customer paid 234.50 of 234.50 (100%): 11.72 payable, 0.00 held until paid"
            in lines)
    assert "  total payable now = 13.53" in lines


def test_a_bounded_accelerator_and_a_decelerator_are_named_as_they_pay(run, tmp_path, monkeypatch) -> None:
    """A 100–150% tier paying more than the tiers below quota is the accelerator (it read as a plain
    tier); a tier above it paying less (a decelerator) is not called an accelerator."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Decel\nquota: 10000\ntiers: [{from_pct: 0, to_pct: 100, rate: 5}, "
                    "{from_pct: 100, to_pct: 150, rate: 10}, {from_pct: 150, rate: 2}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    run("deal", "add", "Acme", "--owner", "ali", "--value", "20000", "--stage", "won")
    # 5% of 10,000 = 500; 10% of 10,000 to 15,000 = 500; 2% of the 5,000 above 15,000 = 100: 1,100
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 1,100.00"
    assert lines[3:6] == ["  tier 0–100%: 5% of 10,000 = 500.00", "  accelerator 100–150%: 10% of 5,000 = 500.00",
                          "  tier 150%+: 2% of 5,000 = 100.00"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "  加速档 100–150%：5,000 的 10% = 500.00" in run("payout", "--rep", "ali")[1].splitlines()
