"""An incentive plan pays the cycles that begin from its `start` to its `end`: a new plan for the
next cycle leaves the statements of a cycle already approved and paid as they were (figures
worked out by hand in the comments)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import fix_now

#: A day after the second cycle (2027-01-01 to 2027-03-31): every win and loss below is past, as
#: a plan file must date them (a record still to come is refused).
AFTER_BOTH = datetime(2027, 4, 5, 12, 0, tzinfo=UTC)

Q4 = """\
schema: 1
plan:
  name: Q
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: Q4 deal, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2026-11-10T10:00:00Z'}]}
- {id: D-2, title: Q1 deal, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-01-10T10:00:00Z'}]}
- {id: D-3, title: Lost in Q1, owner: ali, stage: Lost, value: 10000, lost_reason: cancelled,
   history: [{stage: Won, at: '2026-12-01T10:00:00Z'}, {stage: Lost, at: '2027-01-20T10:00:00Z'}]}
incentives:
- {id: I-1, name: Q4 plan, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


def test_a_plan_for_the_next_cycle_leaves_the_last_ones_statements_as_paid(tmp_path, capsys, monkeypatch) -> None:
    from tests.cli.conftest import run_uplift

    fix_now(monkeypatch, AFTER_BOTH)
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    plan = tmp_path / "q4.yaml"
    plan.write_text(Q4)
    assert run("plan", "import", str(plan))[0] == 0
    # Q4: D-1 20,000 and D-3 10,000 (lost after Q4 ended: Q4 counts it) at 5% = 1,500.00, approved and paid
    assert run("payout", "approve")[1] == "P-1 ali: 1,500.00\n"
    assert run("payout", "paid", "--ref", "Q4")[0] == 0
    assert run("plan", "info", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0
    plans = tmp_path / "q1.yaml"
    plans.write_text("- {id: I-1, name: Q4 plan, quota: 50000, tiers: [{from_pct: 0, rate: 5}], end: 2026-12-31}\n"
                     "- {name: Q1 plan, quota: 40000, tiers: [{from_pct: 0, rate: 8}], start: 2027-01-01}\n")
    assert run("incentive", "set", str(plans))[1] == "I-2\nI-1\n"
    # Q1 under I-2: D-2 10,000 at 8% = 800.00; D-3, lost in Q1, is taken back as I-1 paid it in Q4:
    # 5% of 10,000 = 500.00 (at I-2's 8% it was 800.00): 300.00
    assert run("payout")[1].splitlines()[:6] == [
        "ali (I-2): 300.00", "  won 10,000 on D-2 Q1 deal", "  won value 10,000 of quota 40,000 = attainment 25%",
        "  tier 0%+: 8% of 10,000 = 800.00", "  clawback D-3 lost after won (commission counted on 10,000): -500.00",
        "  total payout = 300.00"]
    # Q4 read again: still I-1's 1,500.00, as paid (under I-2 it would say 8% of 30,000 = 2,400.00, CHANGED)
    lines = run("payout", "--start", "2026-10-01", "--end", "2026-12-31")[1].splitlines()
    assert lines[0] == "ali (I-1): 1,500.00"
    assert "(P-1): 1,500.00; paid on " in lines[-1] and lines[-1].endswith(" (Q4)")  # not CHANGED since
    assert "  end: 2026-12-31" in run("incentive", "show", "I-1")[1].splitlines()
    assert [line.split()[4:7] for line in run("incentive", "list")[1].splitlines()[1:]] == [
        ["to", "2026-12-31", "Q4"], ["from", "2027-01-01", "Q1"]]


def test_a_plan_that_ends_before_it_starts_is_bad_input(run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Q\nquota: 1000\nstart: 2027-01-01\nend: 2026-12-31\n")
    code, out, err = run("incentive", "set", str(plan))
    assert (code, out) == (2, "")
    assert "plan.yaml:4: incentives[0].end: the plan ends (2026-12-31) before it starts (2027-01-01)" in err


def test_a_clawback_is_released_as_the_plan_that_paid_it_released_it(tmp_path, capsys, monkeypatch) -> None:
    """Q4's plan paid at booking; Q1's releases commission as customers pay. D-3, won in Q4 with
    nothing paid by its customer and lost in Q1, had its 500.00 paid in Q4: taken back whole
    (as Q1's plan would count it, 0% of it released, it took back nothing)."""
    from tests.cli.conftest import run_uplift

    fix_now(monkeypatch, AFTER_BOTH)
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    plan = tmp_path / "q4.yaml"
    plan.write_text(Q4)
    assert run("plan", "import", str(plan))[0] == 0
    assert run("plan", "info", "--start", "2027-01-01", "--end", "2027-03-31")[0] == 0
    plans = tmp_path / "q1.yaml"
    plans.write_text("- {id: I-1, name: Q4 plan, quota: 50000, tiers: [{from_pct: 0, rate: 5}], end: 2026-12-31}\n"
                     "- {name: Q1 plan, quota: 40000, tiers: [{from_pct: 0, rate: 8}], start: 2027-01-01, "
                     "release: paid}\n")
    assert run("incentive", "set", str(plans))[0] == 0
    lines = run("payout")[1].splitlines()
    assert "  clawback D-3 lost after won (commission counted on 10,000): -500.00" in lines
