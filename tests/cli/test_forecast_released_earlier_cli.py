"""The payout forecast counts the commission that customers' payments dated by the cycle's end
release from earlier cycles' approved statements (a payment recorded with a later date is when
the money is expected), and says under the table what it leaves out: commission still held with
no payment dated to release it (figures worked out by hand in the comments)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan
from tests.cli.test_payout_released_later_cli import PLAN  # D-1 won in Q1, part paid then; D-2 won in Q2

Q1 = ["--start", "2027-01-01", "--end", "2027-03-31"]


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def test_payments_dated_in_the_cycle_release_earlier_commission_into_the_forecast(run) -> None:
    # Q1: D-1 earns 5% of 10,000 = 500; 4,000 of 10,000 paid (40%): 200 approved, 300 held
    assert run("payout", "approve", *Q1)[1] == "P-1 ali: 200.00\n"
    # 3,000 more expected on 10 May (after today, in Q2): 70% paid by Q2's end, 350 payable,
    # 150 more than the approval paid; 150 still held past Q2's end
    assert run("deal", "paid", "D-1", "3000", "--on", "2027-05-10")[0] == 0
    # Q2: D-2 5% of 20,000 = 1,000, plus the 150 released from Q1 = 1,150
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    assert (ali["payout"], ali["released"], ali["held_earlier"]) == (1150, 150, 150)
    out = run("forecast")[1]
    assert "Payouts include commission of earlier cycles that customers' payments dated by the cycle's end " \
           "release: ali 150.00" in out
    assert "Left out of the payouts: commission of earlier cycles still held until customers pay, no payment " \
           "dated by the cycle's end: ali 150.00" in out
    # the statement today releases nothing yet (the 3,000 is not received): 1,000
    (statement,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (statement["total"], statement["released"]) == (1000, 0)


def test_without_held_commission_the_forecast_says_nothing_of_it(run) -> None:
    out = run("forecast")[1]
    assert "earlier cycles" not in out
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    assert (ali["payout"], ali["released"], ali["held_earlier"]) == (1000, 0, 0)


def test_a_lost_deals_held_commission_is_not_waiting_for_payment(run) -> None:
    """D-1 lost in Q2 will never be paid on: its held 300 is forfeited (its clawback takes back
    the 200 released, nothing of what was held), not "still held until customers pay"."""
    run("payout", "approve", *Q1)  # P-1: 200 released of D-1's 500, 300 held
    assert run("deal", "move", "D-1", "Lost", "--reason", "budget")[0] == 0
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    # Q2: D-2 1,000, less D-1's clawback of what was released (500 x 40% = 200): 800
    assert (ali["payout"], ali["released"], ali["held_earlier"]) == (800, 0, 0)
    assert "earlier cycles" not in run("forecast")[1]


def test_a_deal_won_again_since_is_not_paid_twice_by_a_payment_dated_later(run, monkeypatch) -> None:
    """D-1 reopened in Q2 and won again: its new win earns 500 afresh, its clawback takes back
    what was released of the old one; the customer's 6,000 dated 10 May releases the old 300
    held, and the clawback then takes it back too: the forecast is what Q2 pays then."""
    run("payout", "approve", *Q1)  # P-1: 200 released of D-1's 500, 300 held
    for stage in ("Lead", "Won"):
        assert run("deal", "move", "D-1", stage)[0] == 0
    assert run("deal", "paid", "D-1", "6000", "--on", "2027-05-10")[0] == 0
    # Q2: tiers 5% of 30,000 = 1,500; clawback of the 40% paid today, 200: 1,300 (nothing held)
    (ali,) = json.loads(run("forecast", "--json")[1])["reps"]
    assert (ali["payout"], ali["released"], ali["held_earlier"]) == (1300, 0, 0)
    # on 20 May: 1,500, the clawback of all 500 and the 300 released: 1,300, as forecast
    from tests.conftest import fix_now

    fix_now(monkeypatch, datetime(2027, 5, 20, 12, tzinfo=timezone.utc))
    (statement,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (statement["total"], statement["released"], statement["clawback"]) == (1300, 300, -500)
