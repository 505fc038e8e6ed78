"""The review weighs the cycle's spending against what it won: the budget spent in the cycle
(spend dated in it) and what that came to per deal won."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

TODAY = date.today()


@pytest.fixture
def cycle(run):
    """A cycle around today; 3 deals won in it; 900 + 300.5 spent in it, 5,000 before it began."""
    start, end = TODAY - timedelta(days=30), TODAY + timedelta(days=30)
    assert run("plan", "info", "--start", start, "--end", end)[0] == 0
    for n in range(1, 4):
        assert run("deal", "add", f"Deal {n}", "--value", "1000", "--owner", "ali")[0] == 0
        assert run("deal", "move", f"D-{n}", "Won")[0] == 0
    run("strategy", "add", "Fairs")
    run("budget", "request", "Booth", "8000", "--strategy", "S-1")
    run("budget", "approve", "B-1", "--reason", "ok")
    for amount, day in (("5000", TODAY - timedelta(days=40)), ("900", TODAY - timedelta(days=2)),
                        ("300.5", TODAY)):
        assert run("budget", "spend", "B-1", amount, "--on", day)[0] == 0
    return start, end


def test_the_review_says_what_the_cycle_spent_and_per_deal_won(cycle, run) -> None:
    process = json.loads(run("review", "--json")[1])["process"]
    assert (process["won_deals"], process["spent"], process["spent_per_won"]) == (3, 1200.5, 400.17)
    rows = run("review")[1].splitlines()  # (the values right-aligned under "not recorded")
    assert "budget spent" + " " * 16 + "1,200.5" in rows and "spent per deal won" + " " * 11 + "400.17" in rows
    report = run("review", "export", "-o", "-")[1]
    assert "| Budget spent | 1,200.5 |\n| Spent per deal won | 400.17 |\n" in report


def test_a_past_cycle_counts_its_own_spending_and_none_won_says_a_dash(cycle, run, monkeypatch) -> None:
    before = (TODAY - timedelta(days=60), TODAY - timedelta(days=31))
    process = json.loads(run("review", "--json", "--start", before[0], "--end", before[1])[1])["process"]
    assert (process["won_deals"], process["spent"], process["spent_per_won"]) == (0, 5000, None)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    rows = run("review", "--start", before[0], "--end", before[1])[1].splitlines()
    assert "预算支出" + " " * 9 + "5,000" in rows and "每个赢单的支出" + " " * 7 + "–" in rows
