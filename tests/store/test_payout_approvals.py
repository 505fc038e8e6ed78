"""Payout approvals on the sample plan: a lead signs off the statements; a later change shows
against what was approved; nothing is approved twice; a rep may not approve."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

import pytest

from sales.errors import Refused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)


@pytest.fixture
def sample(tmp_path) -> Board:
    board = Board(tmp_path / "sample", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(files("plans").joinpath("sample-quarter.yaml").read_bytes()).document)
    return board


def test_a_lead_approves_the_statements_as_they_stand(sample) -> None:
    made = sample.approve_payouts()  # (dev's and emma's are 0.00, every line: not asked for, not approved)
    assert [(a.id, a.rep, a.total) for a in made] == [("P-1", "ali", 1368), ("P-2", "bea", 3430), ("P-3", "chen", 875)]
    bea = made[1]
    assert (bea.by, bea.at, bea.plan, str(bea.start), str(bea.end)) == ("dana", NOW, "I-1", "2026-10-01", "2026-12-31")
    assert bea.lines[-1].text == "total payout = 3,430.00" and bea.lines[-1].amount == 3430
    assert sample.approve_payouts() == []  # nothing changed: nothing to approve again
    assert {s.rep: s.approval and s.approval.id for s in sample.payouts()} == {
        "ali": "P-1", "bea": "P-2", "chen": "P-3", "dev": None, "emma": None}


def test_a_change_after_approval_shows_and_a_new_approval_takes_it(sample) -> None:
    from sales.approvals import same_as_approved

    sample.approve_payouts(rep="bea")
    Board(sample.path, actor="bea", clock=lambda: NOW).move_deal("D-16", "Won")  # bea's 9,500
    bea = sample.payouts("bea")[0]
    assert bea.approval.total == 3430 and bea.total == 3430 + 950  # 8% of 9,500 on top
    assert not same_as_approved(bea.approval, bea)
    again = sample.approve_payouts(rep="bea", note="December payroll")
    assert [(a.id, a.total, a.note) for a in again] == [("P-2", 4380, "December payroll")]
    assert sample.payouts("bea")[0].approval.id == "P-2"


def test_only_a_lead_approves_and_an_approval_can_be_undone(sample) -> None:
    with pytest.raises(Refused, match="only a lead"):
        Board(sample.path, actor="ali", clock=lambda: NOW).approve_payouts()
    sample.approve_payouts(rep="chen")
    sample.undo()
    assert sample.approvals() == [] and sample.payouts("chen")[0].approval is None


def test_a_new_cycle_starts_unapproved_and_approvals_travel_in_plan_files(sample, tmp_path) -> None:
    sample.approve_payouts(rep="ali")
    text = dump_plan(sample.export_plan())
    assert "approvals:\n- id: P-1\n  rep: ali\n" in text
    other = Board(tmp_path / "other", actor="dana", clock=lambda: NOW)
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.payouts("ali")[0].approval.id == "P-1"
    sample.set_plan_info("North team, Q1 2027", start="2027-01-01", end="2027-03-31")
    assert sample.payouts("ali")[0].approval is None  # approved for another cycle


def test_paid_statements_and_what_is_left_to_pay_after_a_change(sample) -> None:
    """bea: 3,430 approved (P-1) and paid. Her D-16 (9,500) won later adds 950 (the test above);
    approved again (P-2, 4,380): 3,430 paid so far, 950 to pay."""
    from sales.approvals import to_pay

    assert sample.mark_paid() == []  # nothing approved yet: nothing to mark
    sample.approve_payouts(rep="bea")
    marked = sample.mark_paid(ref="Dec payroll")
    assert [(a.id, a.paid_by, a.paid_at, a.paid_ref) for a in marked] == [("P-1", "dana", NOW, "Dec payroll")]
    bea = sample.payouts("bea")[0]
    assert (bea.paid, to_pay(bea.approval, bea.paid)) == (3430, 0)
    assert sample.mark_paid() == []  # paid already
    Board(sample.path, actor="bea", clock=lambda: NOW).move_deal("D-16", "Won")
    sample.approve_payouts(rep="bea")
    bea = sample.payouts("bea")[0]
    assert (bea.approval.id, bea.approval.paid_at, bea.paid, to_pay(bea.approval, bea.paid)) == ("P-2", None, 3430, 950)
    with pytest.raises(Refused, match="only a lead"):
        Board(sample.path, actor="bea", clock=lambda: NOW).mark_paid()
    assert [a.id for a in sample.mark_paid("bea")] == ["P-2"]
    assert sample.history(limit=1)[0].action == "payout.pay"
    sample.undo()
    assert sample.payouts("bea")[0].approval.paid_at is None
