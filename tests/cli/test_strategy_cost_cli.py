"""What each strategy costs, beside it: the budget approved for it and what was spent, its tasks'
lines with it (a rejected line's spending too: that money is gone)."""

from __future__ import annotations

import json

import pytest

from store.board import Board


@pytest.fixture
def costed(team):
    """S-1 (for G-1): B-1 approved 1,000 of 1,200, 300 + 200.5 spent; T-1 serves S-1 and its
    line B-2 was rejected, 50 spent anyway. S-2: B-3 only requested. S-3: no line."""
    lead = Board(team, actor="dana")
    lead.add_goal("Grow")
    for title in ("Fairs", "Bundle", "Resellers"):
        lead.add_strategy(title, goals=["G-1"])
    lead.update_task("T-1", strategy="S-1")
    lead.approve_budget(lead.request_budget("Booth", 1200, strategy="S-1").id, "one booth", 1000)
    lead.record_spend("B-1", 300)
    lead.record_spend("B-1", 200.5)
    lead.reject_budget(lead.request_budget("Taxi", 80, task="T-1").id, "walk")
    lead.record_spend("B-2", 50)
    lead.request_budget("Trainer", 900, strategy="S-2")
    return team


def test_strategy_list_says_what_each_costs(costed, run) -> None:
    code, out, err = run("strategy", "list")
    assert code == 0, err
    rows = [line.split() for line in out.splitlines()[:4]]
    assert rows[0] == ["ID", "DIMENSION", "GOALS", "TASKS", "APPROVED", "SPENT", "TITLE"]
    assert rows[1][-4:] == ["1", "1,000", "550.50", "Fairs"]  # 300 + 200.50 on B-1, 50 on T-1's B-2
    assert rows[2][-3:] == ["0", "0", "Bundle"]
    assert rows[3][-3:] == ["–", "–", "Resellers"]
    listed = json.loads(run("strategy", "list", "--json")[1])
    assert [(s["id"], s["approved"], s["spent"]) for s in listed] == [("S-1", 1000, 550.5), ("S-2", 0, 0),
                                                                      ("S-3", 0, 0)]


@pytest.mark.parametrize(("lang", "said"), [("en", "budget 1,000 approved, 550.50 spent"),
                                            ("zh", "预算已批准 1,000，已支出 550.50")])
def test_goal_show_puts_each_strategys_cost_under_it(costed, run, monkeypatch, lang, said) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    out = run("goal", "show", "G-1")[1].splitlines()
    at = out.index("    S-1  Fairs")
    assert out[at + 1:at + 5] == [f"         {said}", "    S-2  Bundle", "         " + said.replace(
        "1,000", "0").replace("550.50", "0"), "    S-3  Resellers"]
