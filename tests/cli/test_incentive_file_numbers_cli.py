"""An incentive plan file (and any plan file) with `.nan` or `.inf` for a number, or a quota for
someone not on the team, is bad input naming the line: nothing is written, the board reads on."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("threshold, said", [(".nan", ".nan"), (".inf", ".inf"), ("-.inf", "-.inf")])
def test_a_threshold_that_is_not_a_number_is_bad_input(run, tmp_path, threshold, said) -> None:
    """`.nan` was taken, kept in the board's JSON as null, and every command after it failed to
    read the board."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 1000\ntiers: [{from_pct: 0, rate: 10}]\n"
                    f"bonuses: [{{name: B, amount: 10, measure: won_deals, at_least: {threshold}}}]\n"
                    f"recognition: [{{award: Star, measure: won_deals, at_least: {threshold}}}]\n")
    code, out, err = run("incentive", "set", str(plan))
    assert (code, out) == (2, "")
    assert f"plan.yaml:4: incentives[0].bonuses[0].at_least: expected a number, got {said}\n" in err
    assert f"plan.yaml:5: incentives[0].recognition[0].at_least: expected a number, got {said}\n" in err
    assert run("incentive", "list")[1].startswith("No incentive plans")
    assert run("payout")[0] == 0


def test_an_approval_total_that_is_not_a_number_is_bad_input(run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("approvals:\n- {id: P-7, rep: ali, total: .nan, by: dana, at: '2026-12-01T10:00:00Z'}\n")
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert "plan.yaml:2: approvals[0].total: expected a number, got .nan\n" in err
    assert run("payout")[0] == 0


def test_a_quota_for_someone_not_on_the_team_is_bad_input(run, tmp_path) -> None:
    """`alli`'s quota was kept for nobody, and ali was paid on the plan's quota for everyone."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 1000\nquotas: [{rep: bea, amount: 500}, {rep: alli, amount: 2000}]\n")
    code, out, err = run("incentive", "set", str(plan))
    assert (code, out) == (2, "")
    assert ("plan.yaml:3: incentives[0].quotas[1].rep: 'alli' is not a member; did you mean 'ali'? "
            "(members: ali, bea, dana)\n") in err
    assert run("incentive", "list")[1].startswith("No incentive plans")


def test_tiers_that_leave_a_band_out_are_bad_input(run, tmp_path) -> None:
    """With 0–50% and then 60%+, won value between 50% and 60% of the quota was paid nothing and
    no line of the statement said so."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 1000\ntiers: [{from_pct: 0, to_pct: 50, rate: 0}, {from_pct: 60, rate: 5}]\n")
    code, out, err = run("incentive", "set", str(plan))
    assert (code, out) == (2, "")
    assert ("plan.yaml:3: incentives[0].tiers: the tiers leave 50–60% out: start a tier where the one before it "
            "ends (a tier at rate 0 pays nothing)\n") in err
    plan.write_text("name: Q\nquota: 1000\ntiers: [{from_pct: 50, to_pct: 100, rate: 3}, {from_pct: 100, rate: 5}]\n")
    assert run("incentive", "set", str(plan))[0] == 0  # (nothing below 50%: a threshold, not a gap)


def test_a_reps_own_quota_of_0_sets_them_no_target_as_the_plans_does(run, tmp_path) -> None:
    """A plan's `quota: 0` was taken and a rep's own refused ("must be more than 0"), so a rep
    ramping up could not be given none beside the others' quotas."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 1000\nquotas: [{rep: ali, amount: 0}]\ntiers: [{from_pct: 0, rate: 10}]\n"
                    "product_rates: [{product: Widget, rate: 2}]\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "add", "Acme", "--owner", "ali", "--value", "500", "--product", "Widget", "--stage", "won")[0] == 0
    # no tier applies without a target; the product rate does: 2% of 500 = 10.00
    assert run("payout", "--rep", "ali")[1].splitlines()[:5] == [
        "ali (I-1): 10.00", "  won 500 on D-1 Acme (Widget)", "  ali's quota in I-1 is 0: tiers not applied",
        "  won 500 on Widget at 2% (D-1) = 10.00", "  total payout = 10.00"]
