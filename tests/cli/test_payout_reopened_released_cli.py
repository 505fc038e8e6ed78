"""A deal won in one cycle, paid in part there, reopened in the next and won again and paid in
full: its clawback takes back what was released of its commission, and its line says how that
was released (part in its cycle, the rest on payments since), not one share for all of it
(figures worked out by hand in the comments)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q1 = ["--start", "2027-01-01", "--end", "2027-03-31"]

PLAN = """\
schema: 1
plan:
  name: Reopen
  period: {start: 2027-04-01, end: 2027-06-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: Early, owner: ali, stage: Won, value: 10000, payments: [{amount: 4000, 'on': 2027-02-01}],
   history: [{stage: Won, at: '2027-01-20T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}], release: paid}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def test_the_clawback_says_what_its_cycle_released_and_what_payments_since_did(run, monkeypatch) -> None:
    # Q1: D-1 earns 5% of 10,000 = 500; its customer paid 4,000 (40%): 200 payable, approved and paid
    assert run("payout", "approve", *Q1)[1] == "P-1 ali: 200.00\n"
    run("payout", "paid", *Q1)
    # Q2: reopened, and the clawback takes back the 40% released: -200
    run("deal", "move", "D-1", "Lead")
    assert ("  clawback D-1 reopened after won (Lead; commission counted on 10,000, 40% of it released as paid): "
            "-200.00") in run("payout", "--rep", "ali")[1].splitlines()
    # won again in Q2 and paid in full (the other 6,000): Q1's held 300 is released here (+300), the
    # clawback takes back all 500 released (200 in Q1, 300 now), and the win pays 500 again
    run("deal", "move", "D-1", "Won")
    run("deal", "paid", "D-1", "6000", "--on", "2027-04-20")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert ("  clawback D-1 reopened after won (Lead; commission counted on 10,000, 40% of it released as paid in "
            "its cycle and 60% on payments since): -500.00") in lines
    assert "  released on payment of D-1, earned in P-1: 300.00" in lines
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    # -500 + 500 + 300 = 300: with Q1's 200, the deal's 500 is paid once
    assert (ali["total"], ali["clawback"], ali["released"]) == (300, -500, 300)
    # in Chinese too
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "其中 40% 在当期随付款发放，60% 在之后随付款发放" in run("payout", "--rep", "ali")[1]
