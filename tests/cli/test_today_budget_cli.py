"""A lead's day says the budget requests waiting for their decision, as it says the payouts
waiting; a rep's does not (a rep does not decide them)."""

from __future__ import annotations

import pytest

from store.board import Board


@pytest.fixture
def asked(team):
    """Two requests waiting (ali's, bea's), one decided."""
    for who, title in (("ali", "Booth"), ("bea", "Taxi"), ("ali", "Lunch")):
        Board(team, actor=who).request_budget(title, 100, task="T-1")
    Board(team, actor="dana").reject_budget("B-3", "no")
    return team


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Budget: 2 requests waiting for your decision (`uplift budget list --status requested`)"),
    ("zh", "预算：2 项申请待你审批（`uplift budget list --status requested`）")])
def test_a_leads_day_says_the_requests_waiting(asked, run, monkeypatch, lang, said) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert said in run("today")[1].splitlines()
    assert "`uplift budget list" not in run("today", user="ali")[1]
    assert run("today", "--json")[1].count('"budget_requests":2') == 1


def test_one_request_is_said_in_the_singular(team, run) -> None:
    Board(team, actor="ali").request_budget("Booth", 100, task="T-1")
    assert "Budget: 1 request waiting for your decision (`uplift budget list --status requested`)" in \
        run("today")[1].splitlines()
