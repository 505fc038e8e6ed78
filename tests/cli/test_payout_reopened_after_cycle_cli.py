"""A won deal reopened (moved back into the pipeline) after its cycle ended acts as one lost after
its cycle: the past, approved statement stands, and the cycle it was reopened in claws it back;
won again, it counts again where it is won (figures worked out by hand in the comments)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q4 = ("2026-10-01", "2026-12-31")

PLAN = """\
schema: 1
plan:
  name: Reopened
  period: {start: 2027-01-01, end: 2027-03-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Proposal, probability: 50}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: First, owner: ali, stage: Won, value: 30000, history: [{stage: Won, at: '2026-11-10T10:00:00Z'}]}
- {id: D-2, title: Second, owner: ali, stage: Proposal, value: 20000,
   history: [{stage: Won, at: '2026-11-20T10:00:00Z'}, {stage: Proposal, at: '2027-01-10T10:00:00Z'}]}
- {id: D-3, title: Third, owner: ali, stage: Won, value: 30000, history: [{stage: Won, at: '2027-01-15T10:00:00Z'}]}
- {id: D-4, title: Brief, owner: ali, stage: Lead, value: 5000,
   history: [{stage: Won, at: '2027-01-05T10:00:00Z'}, {stage: Lead, at: '2027-01-12T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, to_pct: 100, rate: 5}, {from_pct: 100, rate: 10}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 1, 20, 12, tzinfo=timezone.utc))


def q4(run) -> list[str]:
    code, out, err = run("payout", "--rep", "ali", "--start", Q4[0], "--end", Q4[1])
    assert code == 0, err
    return out.splitlines()


def test_a_deal_reopened_after_its_cycle_is_clawed_back_now_and_the_past_statement_stands(run) -> None:
    # Q4: D-1 30,000 and D-2 20,000 (reopened only in January: Q4 counts it): 50,000 of 50,000,
    # 5% of it = 2,500
    before = q4(run)
    assert before[0] == "ali (I-1): 2,500.00"
    assert "  won 20,000 on D-2 Second" in before
    assert run("payout", "approve", "--rep", "ali", "--start", Q4[0], "--end", Q4[1])[1] == "P-1 ali: 2,500.00\n"
    # Q1: D-3 30,000 at 5% = 1,500; D-2 clawed back: it filled 30,000 to 50,000 of Q4's tiers,
    # 5% of 20,000 = 1,000; 1,500 - 1,000 = 500. D-4, won and reopened in January, is a note
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 500.00"
    assert "  clawback D-2 reopened after won (Proposal; commission counted on 20,000): -1,000.00" in lines
    assert "  D-4 was won on 2027-01-05 and is open again (Lead): not counted while it is open" in lines
    # Q4 read again: as approved, not changed since
    after = q4(run)
    assert after[0] == "ali (I-1): 2,500.00" and not any("CHANGED" in line for line in after)
    # D-2 won again in January: Q1 counts it again, 30,000 + 20,000 = 50,000 at 5% = 2,500, and
    # still takes back what Q4 paid on it: 2,500 - 1,000 = 1,500; Q4 stands
    assert run("deal", "move", "D-2", "Won")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 1,500.00"
    assert "  won 20,000 on D-2 Second" in lines
    assert "  clawback D-2 reopened after won (Proposal; commission counted on 20,000): -1,000.00" in lines
    assert q4(run)[0] == "ali (I-1): 2,500.00"


def test_said_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  追回 D-2（赢单后重新打开（Proposal），提成按 20,000 计）：-1,000.00" in lines


def test_a_rep_made_a_lead_keeps_a_statement_for_the_clawback(run) -> None:
    # ali is made a lead in January and D-3 is reopened too (won and reopened in Q1: a note);
    # D-2's reopening still claws back 1,000 in Q1, so ali keeps a statement there, as for a deal
    # lost after its cycle: 0 - 1,000, paid as 0.00 and carried
    assert run("deal", "move", "D-3", "Proposal")[0] == 0
    code, _, err = run("member", "role", "ali", "lead")
    assert code == 0, err
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 0.00"
    assert "  1,000.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in lines
    assert "  clawback D-2 reopened after won (Proposal; commission counted on 20,000): -1,000.00" in lines
