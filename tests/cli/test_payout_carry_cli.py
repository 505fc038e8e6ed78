"""A statement below zero (a clawback bigger than the cycle's earnings) is paid as 0.00 and its
balance carried into the next cycle, whose statement nets it once the first is approved
(figures worked out by hand in the comments)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q3, Q4, Q1, Q2 = (("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-12-31"), ("2027-01-01", "2027-03-31"),
                  ("2027-04-01", "2027-06-30"))

PLAN = """\
schema: 1
plan:
  name: Carry
  period: {start: 2027-04-01, end: 2027-06-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: First, owner: ali, stage: Won, value: 40000, history: [{stage: Won, at: '2026-08-03T10:00:00Z'}]}
- {id: D-2, title: Whale, owner: ali, stage: Lost, value: 20000, lost_reason: cancelled,
   history: [{stage: Won, at: '2026-09-10T10:00:00Z'}, {stage: Lost, at: '2026-10-05T10:00:00Z'}]}
- {id: D-3, title: Small, owner: ali, stage: Won, value: 4000, history: [{stage: Won, at: '2026-11-10T10:00:00Z'}]}
- {id: D-4, title: Next, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-01-20T10:00:00Z'}]}
- {id: D-5, title: Later, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def payout(run, cycle: tuple[str, str]) -> list[str]:
    code, out, err = run("payout", "--rep", "ali", "--start", cycle[0], "--end", cycle[1])
    assert code == 0, err
    return out.splitlines()


def approve(run, cycle: tuple[str, str]) -> str:
    return run("payout", "approve", "--rep", "ali", "--start", cycle[0], "--end", cycle[1])[1]


def test_a_balance_below_zero_is_carried_until_earnings_cover_it(run) -> None:
    # Q3: D-1 40,000 and D-2 20,000 (lost only in Q4: Q3 counts it): 5% of 60,000 = 3,000
    assert payout(run, Q3)[0] == "ali (I-1): 3,000.00"
    assert approve(run, Q3) == "P-1 ali: 3,000.00\n"
    # Q4: D-3 4,000 at 5% = 200; D-2 clawed back: 5% of 20,000 = -1,000; 200 - 1,000 = -800:
    # paid as 0.00, and -800 carried
    q4 = payout(run, Q4)
    assert q4[0] == "ali (I-1): 0.00"
    assert "  clawback D-2 lost after won (commission counted on 20,000): -1,000.00" in q4
    assert "  800.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in q4
    assert "  total payout = 0.00" in q4
    # Q1, while Q4 is not approved yet: nothing is carried (Q3's approval left nothing below zero)
    q1 = payout(run, Q1)
    assert q1[0] == "ali (I-1): 500.00"  # D-4 10,000 at 5%
    assert not any("balance" in line for line in q1)
    assert approve(run, Q4) == "P-2 ali: 0.00\n"
    # Q1 now: 500 - 800 = -300: paid as 0.00, -300 carried on
    q1 = payout(run, Q1)
    assert q1[0] == "ali (I-1): 0.00"
    assert "  balance carried from 2026-10-01 to 2026-12-31 (P-2): -800.00" in q1
    assert "  300.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in q1
    assert approve(run, Q1) == "P-3 ali: 0.00\n"
    # Q2 (the plan's cycle now): D-5 20,000 at 5% = 1,000, less the 300 Q1 left: 700
    q2 = run("payout", "--rep", "ali")[1].splitlines()
    assert q2[0] == "ali (I-1): 700.00"
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-3): -300.00" in q2
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (ali["total"], ali["carried_in"], ali["carried_out"]) == (700, -300, 0)
    header, row = run("payout", "--csv")[1].splitlines()[:2]
    assert header.endswith(",carried_in,carried_out") and row.endswith(",-300,0")
    # Q1 read again: the balance it carried in and out, for payroll
    header, row = run("payout", "--csv", "--start", Q1[0], "--end", Q1[1])[1].splitlines()[:2]
    assert row.startswith("ali,I-1,2027-01-01,2027-03-31,") and row.endswith(",-800,-300")


def test_a_statement_approved_below_zero_before_balances_were_carried_is_carried(tmp_path, capsys,
                                                                                monkeypatch) -> None:
    # an approval kept with a total below zero (approved before statements stopped at 0.00)
    plan = (PLAN + "approvals:\n- {id: P-1, rep: ali, plan: I-1, start: 2027-01-01, end: 2027-03-31, "
                   "total: -250, by: dana, at: '2027-04-02T09:00:00Z'}\n")
    run = board_from_plan(tmp_path, capsys, monkeypatch, plan, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))
    q2 = run("payout", "--rep", "ali")[1].splitlines()
    assert q2[0] == "ali (I-1): 750.00"  # 1,000 - 250
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-1): -250.00" in q2


def test_said_in_chinese(run, monkeypatch) -> None:
    approve(run, Q3)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    q4 = payout(run, Q4)
    assert "  欠款 800.00 作为余额结转至下一个尚未发放的周期：提成不低于零发放" in q4
    approve(run, Q4)
    assert "  结转自 2026-10-01 至 2026-12-31 周期的余额（P-2）：-800.00" in payout(run, Q1)


FORMER_WORDS = [
    ("balance of -800.00 carried into the next cycle: nothing is paid below zero",
     "balance of {balance} carried into the next cycle: nothing is paid below zero", {"balance": "-800.00"}),
    # (before it said the balance passes over a next cycle paid already)
    ("800.00 owed, carried into the next cycle as a balance: nothing is paid below zero",
     "{owed} owed, carried into the next cycle as a balance: nothing is paid below zero", {"owed": "800.00"}),
]


@pytest.mark.parametrize(("text", "template", "values"), FORMER_WORDS)
def test_an_approval_of_the_carry_lines_former_words_is_not_a_change(tmp_path, capsys, monkeypatch,
                                                                     text, template, values) -> None:
    # approved when the line said "balance of -800.00 carried ..." (amount +800, as now), or
    # "800.00 owed, carried into the next cycle as ...": the same line in new words, not "CHANGED since"
    run = board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))
    approve(run, Q3)
    lines = json.loads(run("payout", "--rep", "ali", "--json", "--start", Q4[0], "--end", Q4[1])[1])[0]["lines"]
    old = [{"text": text, "amount": 800, "said": {"template": template, "values": values}}
           if line["kind"] == "carried" else {"text": line["text"], "amount": line["amount"]} for line in lines]
    kept = {"approvals": [{"id": "P-9", "rep": "ali", "plan": "I-1", "start": Q4[0], "end": Q4[1], "total": 0,
                           "by": "dana", "at": "2027-01-05T09:00:00Z",
                           "lines": [{k: v for k, v in line.items() if v is not None} for line in old]}]}
    import yaml
    again = tmp_path / "again.yaml"
    again.write_text(PLAN + yaml.safe_dump(kept))
    assert run("plan", "import", str(again))[0] == 0
    q4 = payout(run, Q4)
    assert not any("CHANGED" in line for line in q4), q4
    # and the next cycle still reads its balance
    assert "  balance carried from 2026-10-01 to 2026-12-31 (P-9): -800.00" in payout(run, Q1)
