"""Commission released as customers pay (an incentive plan's `release: paid`): what a customer
paid on a won deal, recorded by a lead, releases that part of the deal's commission; the rest is
held. Every expected figure below is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.errors import Invalid, Refused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
TIERS = [{"from_pct": 0, "to_pct": 50, "rate": 0}, {"from_pct": 50, "to_pct": 100, "rate": 5},
         {"from_pct": 100, "rate": 8}]


def _won(deal_id: str, value: float, day: int, **more) -> dict:
    return {"id": deal_id, "title": f"Deal {deal_id}", "owner": "ali", "stage": "Won", "value": value,
            "history": [{"stage": "Lead", "at": "2026-10-05T10:00:00+00:00"},
                        {"stage": "Won", "at": f"2026-11-{day:02d}T10:00:00+00:00"}], **more}


def _board(path, release: str = "paid", deals: list[dict] | None = None, **plan) -> Board:
    board = Board(path, actor="dana", clock=lambda: NOW)
    board.import_plan({
        "plan": {"name": "Q4", "period": {"start": "2026-10-01", "end": "2026-12-31"}},
        "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}],
        "deals": deals if deals is not None else [_won("D-1", 60_000, 2)],
        "incentives": [{"id": "I-1", "name": "Q4", "quota": 100_000, "tiers": TIERS, "release": release, **plan}],
    })
    return board


def test_a_60000_deal_half_paid_releases_half_its_commission(tmp_path) -> None:
    board = _board(tmp_path / "b")
    board.record_payment("D-1", 30_000, date(2026, 11, 20), "INV-88")
    ali = board.payouts("ali")[0]
    # attainment counts won value, not what was paid: 60,000 / 100,000 = 60%
    assert ali.won_value == 60_000 and ali.attainment == 60
    # tiers: 0% on the first 50,000 (0.00), 5% of the next 10,000 = 500.00: earned 500
    assert [(line.kind, line.amount) for line in ali.lines if line.kind == "tier"] == [("tier", 0), ("tier", 500)]
    # the customer paid 30,000 of 60,000 (50%): 250.00 of the 500.00 is payable, 250.00 held
    held = [line for line in ali.lines if line.kind == "held"]
    assert [(line.text, line.amount) for line in held] == [
        ("D-1: commission 500.00 earned; customer paid 30,000 of 60,000 (50%): 250.00 payable, "
         "250.00 held until paid", -250)]
    assert (ali.release, ali.earned, ali.total, ali.held) == ("paid", 500, 250, 250)
    assert "released as customers pay: earned 500.00; payable 250.00; held 250.00 until customers pay" in [
        line.text for line in ali.lines]
    assert ali.lines[-1].text == "total payable now = 250.00"
    assert [(d.deal, d.earned, d.paid, d.paid_pct, d.payable, d.held) for d in ali.deals] == [
        ("D-1", 500, 30_000, 50, 250, 250)]
    board.record_payment("D-1", 30_000)  # the rest: nothing held any more
    ali = board.payouts("ali")[0]
    assert (ali.earned, ali.total, ali.held) == (500, 500, 0)
    assert [p.on for p in board.deal("D-1").payments] == [date(2026, 11, 20), NOW.date()]


def _two_deals(tmp_path, release: str, **plan) -> Board:
    """D-1: 60,000 won 2 Nov, 30,000 paid; D-2: 50,000 of GTX Pro (2% product rate) won 9 Nov,
    paid in full in two payments; a 1,000 bonus at 100% attainment."""
    board = _board(tmp_path / release, release, [_won("D-1", 60_000, 2), _won("D-2", 50_000, 9, product="GTX Pro")],
                   product_rates=[{"product": "GTX Pro", "rate": 2}],
                   bonuses=[{"name": "Quota club", "amount": 1000, "measure": "attainment", "at_least": 100}], **plan)
    board.record_payment("D-1", 30_000)
    board.record_payment("D-2", 20_000)
    board.record_payment("D-2", 30_000)
    return board


def test_each_deal_releases_the_tier_slice_it_occupies_and_its_product_rate(tmp_path) -> None:
    ali = _two_deals(tmp_path, "paid").payouts("ali")[0]
    # won 110,000 of 100,000 = 110%; tiers 5% of 50,000 = 2,500 and 8% of 10,000 = 800; GTX Pro
    # 2% of 50,000 = 1,000: commission 4,300; the bonus 1,000 (not held): earned 5,300.
    # D-1, won first, fills 0-60,000: 0% of 50,000 + 5% of 10,000 = 500; half paid: 250 held.
    # D-2 fills 60,000-110,000: 5% of 40,000 + 8% of 10,000 + 1,000 = 3,800; paid in full.
    assert (round(ali.attainment, 6), ali.commission, ali.bonuses) == (110, 4300, 1000)
    assert [(d.deal, d.earned, d.payable, d.held) for d in ali.deals] == [("D-1", 500, 250, 250),
                                                                           ("D-2", 3800, 3800, 0)]
    assert (ali.earned, ali.total, ali.held) == (5300, 5050, 250)


def test_release_won_pays_the_whole_commission_as_before(tmp_path) -> None:
    ali = _two_deals(tmp_path, "won").payouts("ali")[0]
    # the same deals and payments: 4,300 commission + 1,000 bonus, all payable
    assert (ali.release, ali.total, ali.earned, ali.held, ali.deals) == ("won", 5300, 5300, 0, [])
    assert not [line for line in ali.lines if line.kind == "held"]
    assert ali.lines[-1].text == "total payout = 5,300.00"


def test_the_cap_cuts_each_deals_commission_in_proportion(tmp_path) -> None:
    ali = _two_deals(tmp_path, "paid", cap=2150).payouts("ali")[0]
    # 4,300 capped at 2,150: each deal keeps half. D-1 250 earned, half paid: 125 held; D-2
    # 1,900, paid. Payable: 2,150 - 125 + the 1,000 bonus = 3,025; earned 3,150.
    assert [(d.deal, d.earned, d.held) for d in ali.deals] == [("D-1", 250, 125), ("D-2", 1900, 0)]
    assert (ali.earned, ali.total, ali.held) == (3150, 3025, 125)


def test_a_deal_lost_after_won_takes_back_only_what_was_released(tmp_path) -> None:
    september = {"history": [{"stage": "Won", "at": "2026-09-20T10:00:00+00:00"}]}
    board = _board(tmp_path / "b", deals=[_won("D-1", 60_000, 2) | september])  # won in the cycle before
    board.record_payment("D-1", 15_000)
    board.move_deal("D-1", "Lost", "price")
    ali = board.payouts("ali")[0]
    # D-1 earned 500 (from the bottom of the tiers: 5% of the 10,000 above 50,000); 15,000 of
    # 60,000 (25%) paid, so 125 of it had been released: that is what is taken back
    assert ali.clawback == -125 and (ali.total, ali.held, ali.carried_out) == (0, 0, -125)
    assert any("25% of it released as paid" in line.text for line in ali.lines if line.kind == "clawback")


def test_who_may_record_a_payment_and_what(tmp_path) -> None:
    board = _board(tmp_path / "b", deals=[_won("D-1", 60_000, 2),
                                          {"id": "D-2", "title": "Open", "owner": "ali", "stage": "Proposal",
                                           "value": 10_000}])
    with pytest.raises(Refused, match="only a lead may record what customers have paid"):
        Board(board.path, actor="ali", clock=lambda: NOW).record_payment("D-1", 100)  # ali's own deal
    with pytest.raises(Refused, match="D-2 is in Proposal, not won"):
        board.record_payment("D-2", 100)
    for amount in (0, -5, float("nan")):
        with pytest.raises(Invalid, match="amount: a payment is more than 0"):
            board.record_payment("D-1", amount)
    board.record_payment("D-1", 50_000)
    with pytest.raises(Invalid, match="10,000.01 is more than is left to pay on D-1: 10,000.00 of 60,000.00"):
        board.record_payment("D-1", 10_000.01)
    assert [p.amount for p in board.deal("D-1").payments] == [50_000]
    with pytest.raises(Invalid, match="more than the deal's value"):  # a deal cannot be worth less than was paid
        board.update_deal("D-1", value=40_000)


def test_a_payment_is_logged_and_undone(tmp_path) -> None:
    board = _board(tmp_path / "b")
    board.record_payment("D-1", 12_000, date(2026, 12, 1), "INV-88")
    from sales.activity import describe

    record = next(board.log.newest_first())
    assert record.action == "deal.paid" and record.actor == "dana"
    assert describe(record) == "recorded a payment of 12,000 on D-1 (2026-12-01, INV-88)"
    board.undo()
    assert board.deal("D-1").payments == [] and board.payouts("ali")[0].total == 0
    board.redo()
    assert [p.amount for p in board.deal("D-1").payments] == [12_000]


def test_payments_and_the_release_travel_in_plan_files(tmp_path) -> None:
    board = _board(tmp_path / "b")
    board.record_payment("D-1", 12_000, date(2026, 12, 1), "INV-88")
    text = dump_plan(board.export_plan())
    assert "  payments:\n  - amount: 12000\n    'on': 2026-12-01\n    note: INV-88\n" in text
    assert "  release: paid\n" in text
    other = Board(tmp_path / "other", actor="dana", clock=lambda: NOW)
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.deal("D-1").payments == board.deal("D-1").payments
    assert other.payouts("ali")[0].total == board.payouts("ali")[0].total == 100  # 500 × 12,000 / 60,000


def test_a_rep_may_not_add_payments_through_a_plan_file(tmp_path) -> None:
    from sales.plan_check import PlanRefused

    board = _board(tmp_path / "b")
    document = parse_plan_text(dump_plan(board.export_plan()).encode()).document
    document["deals"][0]["payments"] = [{"amount": 60_000, "on": "2026-12-01"}]
    with pytest.raises(PlanRefused, match="deals\\[0\\].payments"):
        Board(board.path, actor="ali", clock=lambda: NOW).import_plan(document)
    assert board.deal("D-1").payments == []


def test_a_split_deal_releases_each_reps_share_as_the_whole_deal_is_paid(tmp_path) -> None:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan({
        "plan": {"name": "Q4", "period": {"start": "2026-10-01", "end": "2026-12-31"}},
        "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}, {"name": "bea", "role": "rep"}],
        "deals": [_won("D-1", 60_000, 2, product="GTX Pro", splits=[{"rep": "bea", "share": 50}])],
        "incentives": [{"id": "I-1", "name": "Q4", "quota": 100_000, "tiers": TIERS, "release": "paid",
                        "product_rates": [{"product": "GTX Pro", "rate": 2}]}],
    })
    board.record_payment("D-1", 15_000)
    # each rep is credited 30,000: 30% of quota, in the 0% tier; GTX Pro 2% of 30,000 = 600
    # earned each. The customer paid 15,000 of the whole 60,000 (25%): 150 payable, 450 held.
    for rep in ("ali", "bea"):
        statement = board.payouts(rep)[0]
        assert [(d.deal, d.value, d.paid, d.earned, d.payable, d.held) for d in statement.deals] == [
            ("D-1", 60_000, 15_000, 600, 150, 450)], rep
        assert (statement.earned, statement.total, statement.held) == (600, 150, 450)


def test_sums_of_money_on_a_statement_are_written_to_the_cent(tmp_path) -> None:
    """A deal of 60,536.10 half paid: its value, what was paid and the tier's base (the 10,536.10
    between 50,000 and 100,000) are written to the cent, as money is (`60,536.1` before)."""
    board = _board(tmp_path / "b", deals=[_won("D-1", 60_536.10, 2)])
    board.record_payment("D-1", 30_268.05, date(2026, 11, 20))
    ali = board.payouts("ali")[0]
    texts = [line.text for line in ali.lines]
    assert any("5% of 10,536.10" in text for text in texts), texts
    held = next(line.text for line in ali.lines if line.kind == "held")
    assert "customer paid 30,268.05 of 60,536.10 (50%)" in held, held
