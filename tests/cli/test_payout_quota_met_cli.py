"""A rep whose deals add up to their quota exactly is at 100%: the quota bonus, the accelerator
and recognition are theirs (figures worked out by hand in the comments)."""

from __future__ import annotations

import json

QUOTA_CLUB = """\
name: Q
quota: 60000
tiers: [{from_pct: 0, to_pct: 100, rate: 5}, {from_pct: 100, rate: 10}]
bonuses:
- {name: Quota club, amount: 1000, measure: attainment, at_least: 100}
- {name: Sixty, amount: 100, measure: won_value, at_least: 60000}
recognition: [{award: Club, measure: attainment, at_least: 100}]
"""


def test_deals_that_add_up_to_the_quota_reach_it(run, tmp_path) -> None:
    """27,627.92 + 28,806.01 + 3,566.07 is 60,000.00, ali's quota; added as floats it was
    59,999.99999999999: no bonus, no recognition, and "attainment 100%" beside them."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(QUOTA_CLUB)
    assert run("incentive", "set", str(plan))[0] == 0
    for value in ("27627.92", "28806.01", "3566.07"):
        assert run("deal", "add", "Order", "--owner", "ali", "--value", value, "--stage", "won")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    # 5% of 60,000 = 3,000.00; nothing above the quota; the two bonuses 1,000 + 100: 4,100.00
    assert lines[0] == "ali (I-1): 4,100.00"
    assert "  won value 60,000 of quota 60,000 = attainment 100%" in lines
    assert "  bonus “Quota club”: attainment 100% ≥ 100% = 1,000.00" in lines
    assert "  recognition: Club" in lines
    board = json.loads(run("leaderboard", "--json")[1])
    assert (board[0]["won_value"], board[0]["attainment"]) == (60000, 1.0)  # (JSON's ratios are fractions)
    rep = json.loads(run("forecast", "--rep", "ali", "--json")[1])["reps"][0]
    assert (rep["won"], rep["gap"], rep["payout"]) == (60000, 0, 4100)


def test_an_attainment_just_short_of_a_threshold_does_not_read_as_reaching_it(run, tmp_path) -> None:
    """59,974 of 60,000 is 99.9566...%: to a tenth it was written `100%`, beside no quota bonus
    and no accelerator."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(QUOTA_CLUB)
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Order", "--owner", "ali", "--value", "59974", "--stage", "won")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    # 5% of 59,974 = 2,998.70, no bonus
    assert lines[0] == "ali (I-1): 2,998.70"
    assert "  won value 59,974 of quota 60,000 = attainment 99.96%" in lines
    assert not any("bonus" in line for line in lines)
    # away from any threshold, a tenth as before: 30,000.60 of 60,000 = 50.001%
    assert run("deal", "edit", "D-1", "--value", "30000.60")[0] == 0
    assert "  won value 30,000.60 of quota 60,000 = attainment 50%" in run("payout", "--rep", "ali")[1].splitlines()


def test_a_won_value_bonus_says_the_won_value_to_the_cent(run, tmp_path) -> None:
    """A won-value bonus's line rounded the won value to a tenth: 0.01 won against a threshold
    of 0.01 read `won value 0 ≥ 0.01`."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Cents\nquota: 1000\ntiers: [{from_pct: 0, rate: 1}]\n"
                    "bonuses: [{name: First cent, amount: 5, measure: won_value, at_least: 0.01}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Penny", "--owner", "ali", "--value", "0.01", "--stage", "won")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    # 1% of 0.01 = 0.0001, 0.00; the bonus 5.00
    assert "  bonus “First cent”: won value 0.01 ≥ 0.01 = 5.00" in lines
    assert lines[0] == "ali (I-1): 5.00"


def test_a_reps_forecast_month_says_their_split_share_to_the_cent(run, tmp_path) -> None:
    """A 50% split of 1,000.01: bea 500.01 (half up), ali, the owner, what it leaves, 500.00; the
    month's won value in `forecast --json` said 500.005 for both."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(QUOTA_CLUB)
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Shared", "--owner", "ali", "--value", "1000.01", "--stage", "won")[0] == 0
    assert run("deal", "edit", "D-1", "--split", "bea=50")[0] == 0
    for rep, share in (("bea", 500.01), ("ali", 500)):
        data = json.loads(run("forecast", "--rep", rep, "--json")[1])
        assert (data["reps"][0]["won"], [m["won"] for m in data["months"]]) == (share, [share])


def test_an_attainment_a_cent_short_of_a_huge_quota_is_cut_not_rounded_up(run, tmp_path) -> None:
    """99,999,999,999.99 of 100,000,000,000 is 99.99999999999%: to six decimals it still rounds to
    100, so it is cut there."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Big\nquota: 100000000000\ntiers: [{from_pct: 0, rate: 1}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Big", "--owner", "ali", "--value", "99999999999.99", "--stage", "won")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert ("  won value 99,999,999,999.99 of quota 100,000,000,000 = attainment 99.999999%") in lines
    # 1% of 99,999,999,999.99 = 999,999,999.9999: 1,000,000,000.00 to the cent
    assert lines[0] == "ali (I-1): 1,000,000,000.00"
