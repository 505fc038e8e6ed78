"""Payout statements at the edges a sales-ops person checks first, every figure worked out by hand
in the comments (not by sales/payout.py): deals won on the cycle's first and last day and just
outside it, a deal split three ways, a rep with no quota, a deal won then lost, an amount with
more decimals than cents, a half cent, and a rep who has left the board.

The cycle is read after it ended (now is fixed at 4 January 2027): a plan file may not date a win
in the days to come, and the edges are its last second and the first one after it."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan, run_uplift

#: now, for the tests that read the edge cases' cycle (2026-10-01 to 2026-12-31): after its end
AFTER_THE_CYCLE = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)

EDGES = """\
schema: 1
plan:
  name: Edge cases
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
- {name: cy, role: rep}
- {name: dee, role: rep}
- {name: eve, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: First day, owner: ali, stage: Won, value: 60000, history: [{stage: Won, at: '2026-10-01T00:00:00Z'}]}
- {id: D-2, title: Last day, owner: ali, stage: Won, value: 45000.555, product: Widget,
   history: [{stage: Won, at: '2026-12-31T23:59:59Z'}]}
- {id: D-3, title: Day before, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2026-09-30T23:59:59Z'}]}
- {id: D-4, title: Day after, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-01-01T00:00:00Z'}]}
- {id: D-5, title: Three ways, owner: bea, stage: Won, value: 30000, splits: [{rep: ali, share: 33.33}, {rep: cy, share: 33.33}],
   history: [{stage: Won, at: '2026-11-15T10:00:00Z'}]}
- {id: D-7, title: Won then lost, owner: cy, stage: Lost, value: 40000, lost_reason: cancelled,
   history: [{stage: Lead, at: '2026-10-01T10:00:00Z'}, {stage: Won, at: '2026-10-20T10:00:00Z'},
             {stage: Lost, at: '2026-11-20T10:00:00Z'}]}
- {id: D-8, title: Whale, owner: bea, stage: Won, value: 200000, product: widget, history: [{stage: Won, at: '2026-12-01T10:00:00Z'}]}
- {id: D-9, title: No plan, owner: dee, stage: Won, value: 5000, history: [{stage: Won, at: '2026-12-01T10:00:00Z'}]}
- {id: D-10, title: Leaver, owner: eve, stage: Won, value: 8000, history: [{stage: Won, at: '2026-11-01T10:00:00Z'}]}
incentives:
- id: I-1
  name: Edge plan
  quotas: [{rep: ali, amount: 100000}, {rep: bea, amount: 50000}, {rep: cy, amount: 80000}, {rep: eve, amount: 40000}]
  tiers: [{from_pct: 0, to_pct: 50, rate: 2}, {from_pct: 50, to_pct: 100, rate: 5}, {from_pct: 100, rate: 10}]
  product_rates: [{product: Widget, rate: 1}]
  cap: 6000
  bonuses: [{name: Club, amount: 1000, measure: attainment, at_least: 100}]
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, EDGES, AFTER_THE_CYCLE)


def statements(out: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for block in out.strip().split("\n\n"):
        head, *lines = block.splitlines()
        found[head.split(" ")[0]] = [head, *(line.strip() for line in lines)]
    return found


def test_every_reps_statement_as_worked_out_by_hand(run) -> None:
    code, out, _ = run("payout")
    said = statements(out)
    # ali: D-1 (won on the first day, 60,000), a 33.33% share of D-5 (30,000 x 0.3333 = 9,999) and
    # D-2 (won in the last second of the last day; 45,000.555 is kept as 45,000.56, half up). D-3
    # and D-4 were won a second before and after the cycle: not counted. Won 114,999.56 of
    # 100,000 = 114.99956%, written 115%. Tiers: 2% of 50,000 = 1,000; 5% of 50,000 = 2,500;
    # 10% of 14,999.56 = 1,499.956 = 1,499.96. Widget at 1% of 45,000.56 = 450.0056 = 450.01.
    # 5,449.97 under the 6,000 cap; the Club's 1,000 on top: 6,449.97.
    assert said["ali"] == [
        "ali (I-1): 6,449.97", "won 60,000 on D-1 First day", "won 9,999 on D-5 Three ways, a 33.33% split of 30,000",
        "won 45,000.56 on D-2 Last day (Widget)", "won value 114,999.56 of quota 100,000 = attainment 115%",
        "tier 0–50%: 2% of 50,000 = 1,000.00", "tier 50–100%: 5% of 50,000 = 2,500.00",
        "accelerator above 100%: 10% of 14,999.56 = 1,499.96", "won 45,000.56 on Widget at 1% (D-2) = 450.01",
        "bonus “Club”: attainment 115% ≥ 100% = 1,000.00", "total payout = 6,449.97",
        "not approved yet (a lead: uplift payout approve)"]
    # bea owns D-5 with the 33.34% the splits leave (10,002) and won D-8 (200,000, its product
    # spelled "widget"): 210,002 of 50,000 = 420.004%. Tiers 500 + 1,250 + 10% of 160,002 =
    # 16,000.20; the product 2,000: 19,750.20, cut to the cap: 6,000 - 19,750.20 = -13,750.20.
    # The bonus is not capped: 7,000.00.
    assert said["bea"][0] == "bea (I-1): 7,000.00"
    assert "won 10,002 on D-5 Three ways, a 33.34% split of 30,000" in said["bea"]
    assert "cap 6,000 applied: -13,750.20" in said["bea"]
    # cy: a 33.33% share of D-5, 9,999 of 80,000 = 12.49875%, 12.5%; 2% of it = 199.98. D-7 was
    # won on 20 October and lost on 20 November, both in the cycle: never part of what it pays,
    # nothing to claw back (an approval made while it was won shows the change).
    assert said["cy"] == [
        "cy (I-1): 199.98", "won 9,999 on D-5 Three ways, a 33.33% split of 30,000",
        "D-7 was won on 2026-10-20 and lost on 2026-11-20, in the cycle: not counted, nothing to claw back",
        "won value 9,999 of quota 80,000 = attainment 12.5%", "tier 0–50%: 2% of 9,999 = 199.98",
        "total payout = 199.98", "not approved yet (a lead: uplift payout approve)"]
    # dee has no quota in I-1, and I-1 has none for everyone: on no plan
    assert said["dee"][:3] == ["dee (no incentive plan): 0.00", "won 5,000 on D-9 No plan",
                               "dee is on no incentive plan: nothing to pay"]
    # the three reps' shares of D-5 add up to the deal
    code, out, _ = run("payout", "--csv")
    rows = {row["rep"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows["ali"]["won_value"], rows["ali"]["total"], rows["cy"]["clawback"]) == ("114999.56", "6449.97", "0")
    assert 9999 + 10002 + 9999 == 30000


def test_a_half_cent_and_a_half_tenth_of_a_percent_round_up(tmp_path, capsys, monkeypatch) -> None:
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    run("member", "add", "dana", "--role", "lead")
    run("member", "add", "ali", "--role", "rep")
    run("deal", "add", "Acme", "--owner", "ali", "--value", "1001", "--stage", "won")
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Small\nquota: 2000\ntiers: [{from_pct: 0, rate: 0.5}]\n")
    run("incentive", "set", str(plan))
    code, out, _ = run("payout")
    # 1,001 of 2,000 = 50.05%: 50.1% (Python's round gives 50.0); 0.5% of 1,001 = 5.005: 5.01
    assert "  won value 1,001 of quota 2,000 = attainment 50.1%" in out.splitlines()
    assert "  tier 0%+: 0.5% of 1,001 = 5.01" in out.splitlines()
    assert out.startswith("ali (I-1): 5.01\n")
    row = next(csv.DictReader(io.StringIO(run("payout", "--csv")[1])))
    assert (row["attainment_pct"], row["commission"], row["total"]) == ("50.1", "5.01", "5.01")  # for payroll too


def test_a_rep_who_left_keeps_the_statement_of_what_they_earned(run, tmp_path) -> None:
    # eve won D-10 (8,000 of her 40,000 quota: 20%, 2% of it = 160.00) and then left the board
    code, out, _ = run("payout", "approve", "--rep", "eve")
    assert code == 0 and out == "P-1 eve: 160.00\n"
    assert run("member", "remove", "eve")[0] == 0
    code, out, _ = run("payout", "--rep", "eve")
    assert code == 0 and out.splitlines()[:5] == [
        "eve (I-1): 160.00", "  won 8,000 on D-10 Leaver", "  won value 8,000 of quota 40,000 = attainment 20%",
        "  tier 0–50%: 2% of 8,000 = 160.00", "  total payout = 160.00"]
    assert out.splitlines()[-1].endswith("(P-1): 160.00; not paid yet")  # as approved: not changed by leaving
    code, out, _ = run("payout", "--csv")
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == ["ali", "bea", "cy", "dee", "eve"]
    assert run("payout", "paid", "--rep", "eve")[1] == "P-1 eve: 160.00 paid\n"
    code, out, _ = run("leaderboard")  # the team's ranking is of the reps on it
    assert "eve" not in out
    # one who left holding only a split of a deal won in the cycle (10% of D-1's 60,000): 6,000 of
    # their 20,000 quota, 30%: 2% of it = 120.00
    plan = tmp_path / "i1.yaml"
    plan.write_text(run("incentive", "show", "I-1")[1].replace("  - rep: eve\n", "  - rep: gus\n    amount: 20000\n  - rep: eve\n"))
    assert run("member", "add", "gus", "--role", "rep")[0] == 0 and run("incentive", "set", str(plan))[0] == 0
    assert run("deal", "edit", "D-1", "--split", "gus 10")[0] == 0
    assert run("member", "remove", "gus")[0] == 0
    code, out, _ = run("payout", "--rep", "gus")
    assert code == 0 and out.splitlines()[:5] == [
        "gus (I-1): 120.00", "  won 6,000 on D-1 First day, a 10% split of 60,000",
        "  won value 6,000 of quota 20,000 = attainment 30%", "  tier 0–50%: 2% of 6,000 = 120.00",
        "  total payout = 120.00"]
    # a lead who leaves is no rep: their won deals earn no statement
    assert run("member", "add", "fay", "--role", "lead")[0] == 0
    assert run("deal", "add", "Fay's", "--owner", "fay", "--value", "100", "--stage", "won")[0] == 0
    assert run("member", "remove", "fay")[0] == 0
    code, _, err = run("payout", "--rep", "fay")
    assert code == 1 and "'fay' is not a rep of this board" in err


def test_split_shares_add_up_to_the_deal_to_the_cent(tmp_path, capsys, monkeypatch) -> None:
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    for name, role in (("dana", "lead"), ("ali", "rep"), ("bea", "rep"), ("cy", "rep")):
        run("member", "add", name, "--role", role)
    run("deal", "add", "Acme", "--owner", "ali", "--value", "3000.03", "--stage", "won", "--split", "bea 50")
    run("deal", "add", "Betasol", "--owner", "ali", "--value", "100", "--stage", "won", "--split", "bea 33.33, cy 33.33")
    rows = {row["rep"]: row for row in csv.DictReader(io.StringIO(run("payout", "--csv")[1]))}
    # D-1: bea 50% of 3,000.03 = 1,500.015, 1,500.02 half up; ali the rest, 1,500.01 (not 1,500.02 too).
    # D-2: bea and cy 33.33 each, ali the 33.34 left. In all ali 1,533.35, bea 1,533.35, cy 33.33:
    # 3,100.03, the two deals to the cent.
    assert (rows["ali"]["won_value"], rows["bea"]["won_value"], rows["cy"]["won_value"]) == (
        "1533.35", "1533.35", "33.33")


def test_incentive_list_says_a_plans_quotas_are_set_per_rep(run, tmp_path, monkeypatch) -> None:
    plan = tmp_path / "both.yaml"
    plan.write_text("id: I-2\nname: Both\nquota: 50000\nquotas: [{rep: dee, amount: 30000}]\n")
    run("incentive", "set", str(plan))
    code, out, _ = run("incentive", "list")
    # I-1 has only the four reps' own quotas (it read `–`, as a plan without any); I-2 has both
    assert code == 0 and [line[:26].rstrip() for line in out.splitlines()] == [
        "ID   QUOTA", "I-1  4 set per rep", "I-2  50,000; 1 set per rep"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "I-1  4 人单独设定" in run("incentive", "list")[1]


def test_a_deal_won_before_the_cycle_does_not_change_what_a_later_clawback_takes(run, tmp_path) -> None:
    earlier = tmp_path / "q3.yaml"
    earlier.write_text("deals:\n- {id: D-20, title: Q3 win, owner: cy, stage: Lost, value: 50000, lost_reason: cancelled,\n"
                       "   history: [{stage: Won, at: '2026-09-10T10:00:00Z'}, {stage: Lost, at: '2026-11-25T10:00:00Z'}]}\n")
    assert run("plan", "import", str(earlier))[0] == 0
    code, out, _ = run("payout", "--rep", "cy")
    # D-20 was won in September, before the cycle, and lost in it: the earlier cycle's won value
    # before it is not on record, so its slice starts at the bottom of the tiers: 2% of 40,000 +
    # 5% of 10,000 = 1,300. D-7, won and lost in this cycle, is not counted and not clawed back.
    # 199.98 - 1,300 = -1,100.02: paid as 0.00, the rest carried into the next cycle.
    assert out.splitlines()[:8] == [
        "cy (I-1): 0.00", "  won 9,999 on D-5 Three ways, a 33.33% split of 30,000",
        "  D-7 was won on 2026-10-20 and lost on 2026-11-20, in the cycle: not counted, nothing to claw back",
        "  won value 9,999 of quota 80,000 = attainment 12.5%", "  tier 0–50%: 2% of 9,999 = 199.98",
        "  clawback D-20 lost after won (commission counted on 50,000): -1,300.00",
        "  1,100.02 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero",
        "  total payout = 0.00"]
