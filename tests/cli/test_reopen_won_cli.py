"""A won deal moved back out of won: allowed (a CRM reopens a won deal), its payments kept for
the record and said so; a deal won without an expected close date gets the day it was won."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_uplift


@pytest.fixture
def board(tmp_path, capsys, monkeypatch):
    """dana leads, ali is a rep; ali's D-1 Acme (60,000) is won with 12,000.50 paid; D-2 is open
    and has no expected close date."""
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert runner("member", "add", "dana", "--role", "lead")[0] == 0
    assert runner("member", "add", "ali", "--role", "rep")[0] == 0
    assert runner("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won",
                  "--close", "2026-11-01")[0] == 0
    assert runner("deal", "add", "Betasol", "--owner", "ali", "--value", "10000")[0] == 0
    assert runner("deal", "paid", "D-1", "12000.5", "--on", "2026-11-03")[0] == 0
    return runner


def shown(runner, deal_id: str) -> dict:
    return json.loads(runner("deal", "show", deal_id, "--json")[1])


def test_reopening_a_paid_won_deal_keeps_its_payments_and_says_so(board) -> None:
    code, out, err = board("deal", "move", "D-1", "Lead")
    assert (code, out) == (0, "D-1 → Lead\n")
    assert err == "D-1 is open again and keeps the 12,000.50 its customer paid, for the record: " \
                  "it counts again once the deal is won\n"
    assert shown(board, "D-1")["paid"] == 12000.5


def test_losing_a_paid_won_deal_says_the_payments_stay(board) -> None:
    code, _, err = board("deal", "move", "D-1", "lost", "--reason", "price")
    assert code == 0
    assert err == "D-1 is lost and keeps the 12,000.50 its customer paid, for the record\n"


def test_said_in_chinese(board, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = board("deal", "edit", "D-1", "--stage", "Lead")
    assert code == 0
    assert err == "D-1 已重新打开，客户已付的 12,000.50 仍作记录保留：商机再次赢单后重新计入\n"


def test_moves_without_payments_say_nothing_more(board) -> None:
    assert board("deal", "move", "D-2", "Proposal")[2] == ""
    assert board("deal", "move", "D-2", "won")[2] == ""


def test_a_deal_won_without_a_close_date_closes_today(board) -> None:
    code, _, _ = board("deal", "move", "D-2", "won")
    assert code == 0
    today = json.loads(board("deal", "show", "D-2", "--json")[1])["deal"]["history"][-1]["at"][:10]
    assert shown(board, "D-2")["deal"]["close"] == today
    assert board("deal", "add", "Cyma", "--stage", "won")[0] == 0
    assert shown(board, "D-3")["deal"]["close"] == today


def test_a_won_deals_close_date_is_kept(board) -> None:
    assert shown(board, "D-1")["deal"]["close"] == "2026-11-01"
    assert board("deal", "move", "D-1", "Lead")[0] == 0
    assert board("deal", "move", "D-1", "won")[0] == 0
    assert shown(board, "D-1")["deal"]["close"] == "2026-11-01"


def test_winning_is_still_a_move_in_the_log(board) -> None:
    assert board("deal", "move", "D-2", "won", user="ali")[0] == 0
    code, out, _ = board("log", "--json")
    entries = json.loads(out)
    newest = entries[0] if isinstance(entries, list) else entries["entries"][0]
    assert newest["action"] == "deal.move"
