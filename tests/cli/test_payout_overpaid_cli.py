"""A paid statement approved again lower is never a payment below zero: what was paid beyond it
is a balance carried into the next cycle, as a statement below zero carries its own; the carry
line's amount and words agree; and `earned`, `held` and the total stay consistent with a carry
(figures worked out by hand in the comments)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q1, Q2 = ("2027-01-01", "2027-03-31"), ("2027-04-01", "2027-06-30")

PLAN = """\
schema: 1
plan:
  name: Overpaid
  period: {start: 2027-04-01, end: 2027-06-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: Early, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-01-20T10:00:00Z'}]}
- {id: D-2, title: Later, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def in_q1(*words: str) -> list[str]:
    return [*words, "--start", Q1[0], "--end", Q1[1]]


def test_a_paid_statement_approved_lower_carries_the_difference_into_the_next_cycle(run) -> None:
    # Q1: D-1 10,000 at 5% = 500, approved and paid
    assert run(*in_q1("payout", "approve", "--rep", "ali"))[1] == "P-1 ali: 500.00\n"
    assert run(*in_q1("payout", "paid", "--rep", "ali", "--ref", "M1"))[0] == 0
    # D-1 was worth 4,000 after all: Q1 now 5% of 4,000 = 200, approved again
    assert run("deal", "edit", "D-1", "--value", "4000")[0] == 0
    assert run(*in_q1("payout", "approve", "--rep", "ali"))[1] == "P-2 ali: 200.00\n"
    q1 = run(*in_q1("payout", "--rep", "ali"))[1].splitlines()
    # 500 paid, 200 approved: nothing to pay (not -300.00), 300 carried on as a balance of -300
    assert ("  approved by dana on 2027-04-20 12:00 (P-2): 200.00; 500.00 paid before; 0.00 to pay; "
            "300.00 paid beyond it, carried into the next cycle not yet paid as a balance of -300.00") in q1
    header, row = run(*in_q1("payout", "--csv"))[1].splitlines()[:2]
    cells = dict(zip(header.split(","), row.split(",")))
    assert (cells["paid_so_far"], cells["to_pay"]) == ("500", "0")
    (q1_json,) = json.loads(run(*in_q1("payout", "--rep", "ali", "--json"))[1])
    assert (q1_json["total"], q1_json["paid"], q1_json["overpaid"]) == (200, 500, -300)
    # marking it paid pays nothing and says where the 300 went
    assert run(*in_q1("payout", "paid", "--rep", "ali"))[1] == (
        "P-2 ali: 200.00 marked paid; 500.00 paid before, so nothing now; "
        "300.00 paid beyond it, carried into the next cycle not yet paid as a balance of -300.00\n")
    # Q2 (the cycle now): D-2 20,000 at 5% = 1,000, less the 300 paid beyond Q1's approval = 700
    q2 = run("payout", "--rep", "ali")[1].splitlines()
    assert q2[0] == "ali (I-1): 700.00"
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-2): -300.00" in q2
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (ali["total"], ali["carried_in"], ali["earned"]) == (700, -300, 1000)


def test_the_carry_lines_amount_agrees_with_its_words(run) -> None:
    # Q1 approved and paid at 500; D-1 lost in Q2: -500 clawed back there; D-2 lost too, so Q2
    # earns nothing: 0 - 500 = -500, paid as 0.00 and 500 owed carried on
    run(*in_q1("payout", "approve", "--rep", "ali"))
    run("deal", "move", "D-1", "Lost", "--reason", "cancelled")
    run("deal", "move", "D-2", "Lost", "--reason", "cancelled")
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    (carry,) = [line for line in ali["lines"] if line["kind"] == "carried"]
    # the line adds +500 (bringing -500 up to 0.00) and says so: 500.00 owed
    assert carry == {"kind": "carried", "amount": 500.0,
                     "text": "500.00 owed, carried into the next cycle not yet paid as a balance: "
                             "nothing is paid below zero"}
    assert sum(line["amount"] for line in ali["lines"] if line["kind"] != "total" and line["amount"]) == 0
    assert (ali["total"], ali["earned"], ali["carried_out"]) == (0, -500, -500)
    row = next(csv.DictReader(io.StringIO(run("payout", "--csv")[1].lstrip("\ufeff"))))
    assert (row["total"], row["earned"], row["carried_out"]) == ("0", "-500", "-500")
    # approved, it is read back into the next cycle as the balance it is
    run("payout", "approve", "--rep", "ali")
    run("plan", "info", "--start", "2027-07-01", "--end", "2027-09-30")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  balance carried from 2027-04-01 to 2027-06-30 (P-2): -500.00" in lines


def test_under_release_on_payment_earned_held_and_to_pay_agree_with_a_carry(tmp_path, capsys, monkeypatch) -> None:
    plan = (PLAN.replace("tiers: [{from_pct: 0, rate: 5}]", "tiers: [{from_pct: 0, rate: 5}], release: paid")
            .replace("value: 10000,", "value: 10000, payments: [{amount: 10000, 'on': 2027-02-01}],")
            .replace("value: 20000,", "value: 20000, payments: [{amount: 8000, 'on': 2027-04-16}],"))
    run = board_from_plan(tmp_path, capsys, monkeypatch, plan, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))
    run("deal", "move", "D-1", "Lost", "--reason", "cancelled")
    # Q2: D-2 earns 5% of 20,000 = 1,000; its customer paid 8,000 (40%): 400 payable, 600 held.
    # D-1 (Q1, paid in full, so all 500 of it released) lost: -500. Earned 1,000 - 500 = 500;
    # payable 500 - 600 = -100: paid as 0.00, 100 owed carried on
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (ali["earned"], ali["held"], ali["total"], ali["carried_out"]) == (500, 600, 0, -100)
    texts = [line["text"] for line in ali["lines"]]
    assert "released as customers pay: earned 500.00; payable -100.00; held 600.00 until customers pay" in texts
    assert "100.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in texts


def test_the_payout_forecast_nets_a_carried_balance_and_says_so(tmp_path, capsys, monkeypatch) -> None:
    open_deal = "- {id: D-3, title: Open, owner: ali, stage: Proposal, value: 10000, close: 2027-05-15}\n"
    plan = (PLAN.replace("- {name: Won,", "- {name: Proposal, probability: 80}\n- {name: Won,")
            .replace("incentives:", open_deal + "incentives:"))
    run = board_from_plan(tmp_path, capsys, monkeypatch, plan, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))
    # Q1 paid at 500, approved again at 200 (D-1 worth 4,000): 300 carried into Q2
    run(*in_q1("payout", "approve", "--rep", "ali"))
    run(*in_q1("payout", "paid", "--rep", "ali"))
    run("deal", "edit", "D-1", "--value", "4000")
    run(*in_q1("payout", "approve", "--rep", "ali"))
    # Q2: won D-2 20,000 at 5% = 1,000, less 300 = 700; if D-3 (80%: commit) closes,
    # 5% of 30,000 = 1,500, less 300 = 1,200
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    assert (ali["payout"], ali["payout_commit"], ali["payout_best_case"]) == (700, 1200, 1200)
    assert (ali["carried"], ali["carried_from"]) == (-300, "P-2")
    out = run("forecast", "--rep", "ali")[1]
    assert "Payouts net a balance carried from an earlier cycle: ali -300.00 (P-2)" in out


def test_the_csv_writes_approved_at_and_paid_at_as_the_json_does(run) -> None:
    run(*in_q1("payout", "approve", "--rep", "ali"))
    run(*in_q1("payout", "paid", "--rep", "ali", "--ref", "M1"))
    row = next(csv.DictReader(io.StringIO(run(*in_q1("payout", "--csv"))[1].lstrip("\ufeff"))))
    (ali,) = json.loads(run(*in_q1("payout", "--rep", "ali", "--json"))[1])
    # the fixed clock: 2027-04-20 12:00 UTC, in the one ISO form both write
    assert row["approved_at"] == ali["approval"]["at"] == "2027-04-20T12:00:00Z"
    assert row["paid_at"] == ali["approval"]["paid_at"] == "2027-04-20T12:00:00Z"
