"""Accounts through the store API: the list (one line per customer, however its name is typed)
and one account's page. The expected figures are the deals' values added up by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sales.errors import NotFound
from store.board import Board

START = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def board(tmp_path):
    """dana leads, ali and bea are reps; the cycle is Q4 2026; the clock is moved by each test."""
    now = [START]
    lead = Board(tmp_path, actor="dana", clock=lambda: now[0])
    lead.add_member("dana", "lead")
    lead.add_member("ali", "rep")
    lead.add_member("bea", "rep")
    lead.set_plan_info("Q4", start="2026-10-01", end="2026-12-31")
    lead.now = now
    return lead


def at(board, day: str, hour: int = 10) -> None:
    board.now[0] = datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def as_(board, who: str) -> Board:
    return Board(board.path, actor=who, clock=lambda: board.now[0])


def test_one_account_however_its_name_is_typed(board):
    """`Acme`, `ACME` and ` acme ` on three deals and an activity are one account, named as most
    of them spell it; open value is its open deals' values, won only what was won in the cycle."""
    at(board, "2026-09-20")  # before the cycle
    old = board.add_deal("Acme first order", account="Acme", owner="ali", value=4000)
    board.move_deal(old.id, "Won")
    at(board, "2026-10-05")
    board.add_deal("Acme renewal", account="Acme", owner="ali", value=12000, stage="Proposal")
    board.add_deal("Acme add-on", account="ACME", owner="bea", value=3000, key_account=True)
    won = board.add_deal("Acme training", account="  acme ", owner="ali", value=2500)
    board.move_deal(won.id, "Won")
    lost = board.add_deal("Acme pilot", account="Acme", owner="ali", value=900)
    board.move_deal(lost.id, "Lost", reason="price")
    board.add_deal("Betasol pilot", account="Betasol", owner="bea", value=20000)
    at(board, "2026-10-07")
    as_(board, "bea").log_activity("visit", "Met the buyer", account="ACME")
    at(board, "2026-10-09")
    as_(board, "ali").log_activity("call", "Sent the quote", deal="D-2")
    as_(board, "ali").log_activity("email", "Intro", account="Corvid")  # an account only activities name

    rows = {r.name: r for r in board.accounts()}
    assert list(rows) == ["Betasol", "Acme", "Corvid"]  # the biggest open value first
    acme = rows["Acme"]
    assert (acme.open_deals, acme.open_value) == (2, 12000 + 3000)
    assert (acme.won_deals, acme.won_value) == (1, 2500)  # (the first order was won before the cycle)
    assert acme.lost_deals == 1
    assert acme.key_account is True
    assert acme.owners == ["ali", "bea"]  # those of its open deals
    assert acme.last_activity == date(2026, 10, 9)
    assert rows["Betasol"].last_activity is None
    corvid = rows["Corvid"]
    assert (corvid.open_deals, corvid.open_value, corvid.owners, corvid.last_activity) == (0, 0, [], date(2026, 10, 9))


def test_an_accounts_page(board):
    at(board, "2026-10-02")
    board.add_deal("Acme add-on", account="Acme", owner="bea", value=3000, stage="Lead", next_step="Call the buyer")
    board.add_deal("Acme renewal", account="Acme", owner="ali", value=12000, stage="Proposal",
                   close="2026-12-15", next_step="Send the revised quote")
    board.add_deal("Acme small", account="acme", owner="ali", value=500, stage="Proposal")
    first = board.add_deal("Acme first order", account="Acme", owner="ali", value=4000)
    at(board, "2026-10-10")
    board.move_deal(first.id, "Won")
    second = board.add_deal("Acme second order", account="Acme", owner="ali", value=1000)
    at(board, "2026-10-20")
    board.move_deal(second.id, "Won")
    pilot = board.add_deal("Acme pilot", account="Acme", owner="ali", value=900)
    board.move_deal(pilot.id, "Lost", reason="price")
    board.add_deal("Betasol pilot", account="Betasol", owner="bea", value=20000)
    at(board, "2026-10-21")
    board.log_activity("visit", "Walked the plant", account="acme")
    at(board, "2026-10-22")
    board.log_activity("call", "Sent the quote", deal="D-2")
    board.log_activity("call", "Betasol call", deal="D-7")
    board.add_note("ACME's buyer says our price is too high", kind="feedback", tags=["pain_point"])
    board.add_note("The Acmeville plant is closing", kind="feedback")  # another word: not a mention
    board.add_note("Renewal talk", kind="feedback", source="acme procurement")
    at(board, "2026-10-25", 9)

    page = board.account("  ACME ")
    assert page.account.name == "Acme"
    # open deals by stage along the pipeline, then biggest first; each with its next step
    assert [(d.id, d.stage, d.next_step) for d in page.open] == [
        ("D-1", "Lead", "Call the buyer"), ("D-2", "Proposal", "Send the revised quote"), ("D-3", "Proposal", "")]
    assert page.open[1].close == date(2026, 12, 15)
    assert [(d.id, d.closed) for d in page.won] == [("D-5", date(2026, 10, 20)), ("D-4", date(2026, 10, 10))]
    assert [(d.id, d.lost_reason) for d in page.lost] == [("D-6", "price")]
    assert [t.note for t in page.activities] == ["Sent the quote", "Walked the plant"]  # newest first
    assert page.last_touch == datetime(2026, 10, 22, 10, tzinfo=timezone.utc)
    assert page.days_since_touch == 3
    assert sorted(n.text for n in page.notes) == ["ACME's buyer says our price is too high", "Renewal talk"]


def test_a_rep_reads_every_account(board):
    """Reps read every deal (sales/permissions.py), so every account, as a lead does."""
    board.add_deal("Acme renewal", account="Acme", owner="ali", value=12000)
    board.add_deal("Betasol pilot", account="Betasol", owner="bea", value=20000)
    rep = as_(board, "ali")
    assert [r.name for r in rep.accounts()] == ["Betasol", "Acme"]
    assert rep.account("betasol").open[0].owner == "bea"


def test_no_such_account_names_the_nearest(board):
    board.add_deal("Acme renewal", account="Acme Corp", value=12000)
    with pytest.raises(NotFound, match="did you mean Acme Corp"):
        board.account("Acme Crop")
    with pytest.raises(NotFound, match="account list"):
        board.account("Zebra")
    with pytest.raises(NotFound):
        board.account("   ")


def test_deals_without_an_account_are_no_account(board):
    board.add_deal("Someone's order", value=100)
    assert board.accounts() == []


def test_a_board_without_a_cycle_counts_every_won_deal(tmp_path):
    now = datetime(2026, 10, 1, tzinfo=timezone.utc)
    board = Board(tmp_path, actor="dana", clock=lambda: now)
    for days, value in ((0, 100), (200, 50)):
        now += timedelta(days=days)
        deal = board.add_deal("Order", account="Acme", value=value)
        board.move_deal(deal.id, "Won")
    (acme,) = board.accounts()
    assert (acme.won_deals, acme.won_value) == (2, 150)


def test_an_activity_on_another_spelling_keeps_a_key_account_warm(board):
    """`ACME  corp` (spaced and cased otherwise) is the deal's `Acme Corp`: a visit logged on it
    counts for the quiet key-account alert and is found by the feed's item, as on the page."""
    at(board, "2026-10-01")
    board.add_deal("Acme renewal", account="Acme Corp", owner="ali", value=12000, key_account=True)
    at(board, "2026-10-20")  # 19 days after it entered its stage: past the 14 days allowed
    assert [a.item for a in board.alerts() if a.kind == "quiet"] == ["D-1"]
    board.log_activity("visit", "Walked the plant", account="ACME  corp")
    assert [a.item for a in board.alerts() if a.kind == "quiet"] == []
    assert [r.after["note"] for r in board.feed(item="acme corp")] == ["Walked the plant"]
    assert board.account("acme corp").days_since_touch == 0
