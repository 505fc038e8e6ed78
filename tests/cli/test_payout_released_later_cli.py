"""Commission held by an approved statement (`release: paid`) and released by a customer's
payment after that approval reaches payroll in the statement of the cycle the payment is dated
in, as its own line, once: the earlier cycle's statement takes it off again, so approving that
cycle again pays nothing twice (figures worked out by hand in the comments)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q1 = ("--start", "2027-01-01", "--end", "2027-03-31")

PLAN = """\
schema: 1
plan:
  name: Released
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
- {id: D-2, title: Later, owner: ali, stage: Won, value: 20000, payments: [{amount: 20000, 'on': 2027-04-16}],
   history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}], release: paid}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def statement(run, *cycle: str) -> dict:
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json", *cycle)[1])
    return ali


def test_a_payment_after_the_approval_is_released_once_in_the_cycle_it_is_dated_in(run) -> None:
    # Q1: D-1 earns 5% of 10,000 = 500; its customer paid 4,000 (40%): 200 payable, 300 held
    assert run("payout", "approve", "--rep", "ali", *Q1)[1] == "P-1 ali: 200.00\n"
    run("payout", "paid", "--rep", "ali", *Q1)
    # the customer pays the other 6,000 on 18 April, in Q2
    assert run("deal", "paid", "D-1", "6000", "--on", "2027-04-18")[0] == 0
    # Q2: D-2 5% of 20,000 = 1,000 (paid in full), and D-1's 300 released: 1,300
    q2 = run("payout", "--rep", "ali")[1].splitlines()
    assert q2[0] == "ali (I-1): 1,300.00"
    assert "  released on payment of D-1, earned in P-1: 300.00" in q2
    ali = statement(run)
    assert (ali["total"], ali["earned"], ali["held"], ali["released"]) == (1300, 1000, 0, 300)
    # Q1 still pays 200: the 300 is Q2's to pay (taken off here, so approving Q1 again adds nothing)
    q1 = run("payout", "--rep", "ali", *Q1)[1].splitlines()
    assert q1[0] == "ali (I-1): 200.00"
    assert ("  D-1: 300.00 of its commission released on payments after 2027-03-31, paid in later cycles"
            in q1)
    # only the release moved Q1's lines (its total is what was approved and paid): not changed since
    # P-1, so there is nothing to approve again (it said "CHANGED since: 200.00 now (+0.00)")
    q1_text = "\n".join(q1)
    assert "CHANGED" not in q1_text and "since P-1" not in q1_text
    assert statement(run, *Q1)["approval"]["id"] == "P-1"
    assert run("payout", "approve", "--rep", "ali", *Q1)[1] == (
        "Nothing to approve: every statement says what its approval says.\n")
    # Q2's line stays as it was: once, not twice
    assert statement(run)["total"] == 1300
    assert run("payout", "approve", "--rep", "ali")[1] == "P-2 ali: 1,300.00\n"
    # and once Q2 is approved, neither moves
    assert (statement(run, *Q1)["total"], statement(run)["total"]) == (200, 1300)
    assert "CHANGED" not in run("payout", "--rep", "ali")[1]


def test_a_past_cycle_approved_only_after_the_payment_counts_it_there_and_not_again(run) -> None:
    # the customer pays the rest on 18 April, before Q1 is approved: Q1 counts it (500), Q2 does not
    run("deal", "paid", "D-1", "6000", "--on", "2027-04-18")
    assert run("payout", "approve", "--rep", "ali", *Q1)[1] == "P-1 ali: 500.00\n"
    q2 = statement(run)
    assert q2["total"] == 1000 and not any(line["kind"] == "released" for line in q2["lines"])
    assert statement(run, *Q1)["total"] == 500


def test_a_release_into_a_later_cycle_is_no_change_but_a_payment_in_the_cycle_is(run, tmp_path) -> None:
    # Q1 approved at 200 (D-1: 500 earned, 40% paid); then 3,000 paid dated in Q1 and 3,000 in Q2
    assert run("payout", "approve", "--rep", "ali", *Q1)[1] == "P-1 ali: 200.00\n"
    assert run("deal", "paid", "D-1", "3000", "--on", "2027-04-18")[0] == 0
    # the Q2 payment alone: Q1's total stays 200, nothing changed since P-1, in the text, the
    # json, the report; Q2 pays the 150 released (5% of 3,000)
    q1 = run("payout", "--rep", "ali", *Q1)[1]
    assert "CHANGED" not in q1 and "since P-1" not in q1
    (row,) = csv.DictReader(io.StringIO(run("payout", "--csv", *Q1)[1]))
    assert (row["approval"], row["changed_since_approval"]) == ("P-1", "no")
    report = tmp_path / "q1.md"
    assert run("review", "export", "-o", str(report), *Q1)[0] == 0
    assert "CHANGED" not in report.read_text() and "since P-1" not in report.read_text()
    assert "  released on payment of D-1, earned in P-1: 150.00" in run("payout", "--rep", "ali")[1]
    # a payment dated in Q1, recorded after its approval, is a change: 70% paid by its end,
    # 350.00 payable (of 500), +150.00 against the 200.00 approved
    assert run("deal", "paid", "D-1", "3000", "--on", "2027-03-15")[0] == 0
    q1 = run("payout", "--rep", "ali", *Q1)[1]
    assert "CHANGED since: 350.00 now (+150.00)" in q1
    assert run("payout", "approve", "--rep", "ali", *Q1)[1] == "P-2 ali: 350.00\n"
