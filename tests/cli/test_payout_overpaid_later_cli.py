"""What payroll paid beyond a cycle's approval (a paid statement approved again lower) is carried
into the first later cycle whose statement was not yet paid when it arose: a next cycle paid by
then stands as paid, and the balance passes over it rather than being lost (figures worked out
by hand in the comments)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

Q1, Q2 = ("2027-01-01", "2027-03-31"), ("2027-04-01", "2027-06-30")

PLAN = """\
schema: 1
plan:
  name: Overpaid later
  period: {start: 2027-07-01, end: 2027-09-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: Early, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-01-20T10:00:00Z'}]}
- {id: D-2, title: Middle, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
- {id: D-3, title: Late, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2027-07-10T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 7, 20, 12, tzinfo=timezone.utc))


def cycle(dates: tuple[str, str], *words: str) -> list[str]:
    return [*words, "--start", dates[0], "--end", dates[1]]


def statement(run, *words: str) -> dict:
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json", *words)[1])
    return ali


def identity_holds(s: dict) -> bool:
    # earned - held + released + carried_in = total + carried_out
    return round(s["earned"] - s["held"] + s["released"] + s["carried_in"], 2) == \
        round(s["total"] + s["carried_out"], 2)


def test_a_balance_passes_over_a_next_cycle_paid_already(run) -> None:
    # Q1: D-1 10,000 at 5% = 500, approved and paid; Q2: D-2 20,000 at 5% = 1,000, approved and paid
    assert run(*cycle(Q1, "payout", "approve", "--rep", "ali"))[1] == "P-1 ali: 500.00\n"
    run(*cycle(Q1, "payout", "paid", "--rep", "ali"))
    assert run(*cycle(Q2, "payout", "approve", "--rep", "ali"))[1] == "P-2 ali: 1,000.00\n"
    run(*cycle(Q2, "payout", "paid", "--rep", "ali"))
    # D-1 was worth 4,000: Q1 approved again at 200, 500 paid: 300 paid beyond it
    run("deal", "edit", "D-1", "--value", "4000")
    assert run(*cycle(Q1, "payout", "approve", "--rep", "ali"))[1] == "P-3 ali: 200.00\n"
    # Q2 was paid before that: it stands as paid (1,000, no balance, not changed since)
    q2 = statement(run, "--start", Q2[0], "--end", Q2[1])
    assert (q2["total"], q2["carried_in"]) == (1000, 0)
    assert not [line for line in q2["lines"] if line["kind"] == "carried"]
    assert "CHANGED" not in run(*cycle(Q2, "payout", "--rep", "ali"))[1]
    # Q3 (the cycle now), the first not yet paid, nets it: D-3 10,000 at 5% = 500, less 300 = 200
    q3 = statement(run)
    assert (q3["earned"], q3["carried_in"], q3["total"]) == (500, -300, 200)
    assert identity_holds(q3)
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 200.00"
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-3): -300.00" in lines
    # and Q1's statement says where it went: not "the next cycle" (Q2, paid), the next not yet paid
    q1 = run(*cycle(Q1, "payout", "--rep", "ali"))[1]
    assert "300.00 paid beyond it, carried into the next cycle not yet paid as a balance of -300.00" in q1


def test_a_next_cycle_approved_but_not_paid_takes_the_balance_once(run) -> None:
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))
    run(*cycle(Q1, "payout", "paid", "--rep", "ali"))
    run(*cycle(Q2, "payout", "approve", "--rep", "ali"))  # P-2: 1,000, not paid yet
    run("deal", "edit", "D-1", "--value", "4000")
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))  # P-3: 200 of 500 paid: -300
    # Q2 not paid then: it nets the 300 (1,000 - 300 = 700), changed since its approval
    q2 = statement(run, "--start", Q2[0], "--end", Q2[1])
    assert (q2["total"], q2["carried_in"]) == (700, -300)
    assert identity_holds(q2)
    # and Q3 does not take it as well: 500, nothing carried in
    q3 = statement(run)
    assert (q3["total"], q3["carried_in"]) == (500, 0)
    # approved again and paid, Q2 still has it and Q3 still not
    assert run(*cycle(Q2, "payout", "approve", "--rep", "ali"))[1] == "P-4 ali: 700.00\n"
    run(*cycle(Q2, "payout", "paid", "--rep", "ali"))
    assert statement(run)["total"] == 500, run("payout", "--rep", "ali")[1]


def test_the_forecast_nets_a_balance_that_passed_over_a_paid_cycle(run) -> None:
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))
    run(*cycle(Q1, "payout", "paid", "--rep", "ali"))
    run(*cycle(Q2, "payout", "approve", "--rep", "ali"))
    run(*cycle(Q2, "payout", "paid", "--rep", "ali"))
    run("deal", "edit", "D-1", "--value", "4000")
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    # Q3 won 500, less the 300 Q1 was paid beyond its approval P-3
    assert (ali["payout"], ali["carried"], ali["carried_from"]) == (200, -300, "P-3")


def test_a_next_cycle_paid_on_its_approval_of_before_passes_the_balance_on(run) -> None:
    """Q2, approved but not paid when Q1's balance arose, netted it on its statement; marked paid
    on that approval of before (1,000, not the 700 netted), it stands as paid, and the balance goes
    to Q3, not lost."""
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))  # P-1: 500
    run(*cycle(Q1, "payout", "paid", "--rep", "ali"))
    run(*cycle(Q2, "payout", "approve", "--rep", "ali"))  # P-2: 1,000, not paid yet
    run("deal", "edit", "D-1", "--value", "4000")
    run(*cycle(Q1, "payout", "approve", "--rep", "ali"))  # P-3: 200 of 500 paid: -300
    assert statement(run, "--start", Q2[0], "--end", Q2[1])["total"] == 700  # (Q2 nets it, for now)
    code, out, _ = run(*cycle(Q2, "payout", "paid", "--rep", "ali"))  # payroll pays P-2's 1,000
    assert (code, out) == (0, "P-2 ali: 1,000.00 paid\n")
    q2 = statement(run, "--start", Q2[0], "--end", Q2[1])
    assert (q2["total"], q2["carried_in"], q2["paid"]) == (1000, 0, 1000)
    assert "CHANGED" not in run(*cycle(Q2, "payout", "--rep", "ali"))[1]
    # Q3 nets the 300: D-3 10,000 at 5% = 500, less 300 = 200
    q3 = statement(run)
    assert (q3["earned"], q3["carried_in"], q3["total"]) == (500, -300, 200)
    assert identity_holds(q3)
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-3): -300.00" in run("payout", "--rep", "ali")[1]


CLAWED = PLAN.replace("deals:\n", """deals:
- {id: D-4, title: Before, owner: ali, stage: Lost, value: 2000, history: [{stage: Won, at: '2026-11-10T10:00:00Z'},
   {stage: Lost, at: '2027-02-10T10:00:00Z'}]}
""")


def test_a_balance_below_zero_passes_over_a_next_cycle_paid_already(tmp_path, capsys, monkeypatch) -> None:
    """A statement below zero carries its balance into the next cycle not yet paid, as what was
    paid beyond an approval does: Q2, paid before Q1 went below zero, stands as paid, and Q3 nets
    both (the carry was lost: Q3 read only Q2's approval, which carried nothing)."""
    run = board_from_plan(tmp_path, capsys, monkeypatch, CLAWED, datetime(2027, 7, 20, 12, tzinfo=timezone.utc))
    # Q1: D-1 10,000 at 5% = 500, less D-4's clawback (lost in Q1: 5% of 2,000 = 100) = 400, paid
    assert run(*cycle(Q1, "payout", "approve", "--rep", "ali"))[1] == "P-1 ali: 400.00\n"
    run(*cycle(Q1, "payout", "paid", "--rep", "ali"))
    assert run(*cycle(Q2, "payout", "approve", "--rep", "ali"))[1] == "P-2 ali: 1,000.00\n"
    run(*cycle(Q2, "payout", "paid", "--rep", "ali"))
    # D-4 was worth 20,000: its clawback is 1,000, Q1 comes to 500 - 1,000 = -500: 0.00 paid, 500
    # carried out; and 400 was paid: 400 paid beyond it
    assert run("deal", "edit", "D-4", "--value", "20000")[0] == 0
    assert run(*cycle(Q1, "payout", "approve", "--rep", "ali"))[1] == "P-3 ali: 0.00\n"
    q1 = statement(run, "--start", Q1[0], "--end", Q1[1])
    assert (q1["total"], q1["carried_out"], q1["overpaid"]) == (0, -500, -400)
    assert "500.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in \
        run(*cycle(Q1, "payout", "--rep", "ali"))[1]
    # Q2 stands as paid, nothing carried in
    q2 = statement(run, "--start", Q2[0], "--end", Q2[1])
    assert (q2["total"], q2["carried_in"]) == (1000, 0)
    # Q3 nets both, 900: D-3's 500 less 900 is -400, paid as 0.00 and carried on
    q3 = statement(run)
    assert (q3["earned"], q3["carried_in"], q3["total"], q3["carried_out"]) == (500, -900, 0, -400)
    assert identity_holds(q3)
    assert "  balance carried from 2027-01-01 to 2027-03-31 (P-3): -900.00" in run("payout", "--rep", "ali")[1]
