"""A past cycle's statement of a deal lost or reopened since says that what it held will not be
released, not "held until paid": no payment is taken on it any more (figures by hand in the
comments)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan
from tests.cli.test_payout_released_later_cli import PLAN  # D-1 won in Q1, 4,000 of 10,000 paid then

Q1 = ("--start", "2027-01-01", "--end", "2027-03-31")


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def test_a_deal_lost_since_says_its_held_commission_is_not_released_and_the_approval_stands(run) -> None:
    # Q1: D-1 earns 5% of 10,000 = 500; 40% paid: 200 payable, 300 held
    assert run("payout", "approve", *Q1)[1] == "P-1 ali: 200.00\n"
    assert run("deal", "move", "D-1", "Lost", "--reason", "budget")[0] == 0
    lines = run("payout", *Q1)[1].splitlines()
    held = lines.index("  D-1: commission 500.00 earned; customer paid 4,000 of 10,000 (40%): 200.00 payable, "
                       "300.00 held until paid")
    assert lines[held + 1] == "  D-1 was lost since: the 300.00 held will not be released"
    assert "CHANGED" not in "\n".join(lines)
    assert run("payout", "approve", *Q1)[1] == "Nothing to approve: every statement says what its approval says.\n"


def test_in_chinese_and_for_a_deal_reopened_since(run, monkeypatch) -> None:
    assert run("deal", "move", "D-1", "Lead")[0] == 0
    out = run("payout", *Q1)[1]
    assert "  D-1 was reopened since (Lead): the 300.00 held will not be released; won again, it counts in the " \
           "cycle it is won in\n" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "  D-1 此后已重新打开（Lead）：暂扣的 300.00 不会再发放；再次赢单后，计入赢单所在的周期\n" in \
        run("payout", *Q1)[1]
    assert run("deal", "move", "D-1", "Won")[0] == 0  # won again: its payments release it again
    assert "不会再发放" not in run("payout", *Q1)[1]
