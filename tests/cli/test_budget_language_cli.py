"""`uplift budget`'s flags and words in the interface's language; the English unchanged."""

from __future__ import annotations

import pytest

from store.board import Board


@pytest.fixture
def spent(team):
    """B-1 approved 800 and 900 spent; B-2 only requested, 50 spent; the plan's budget 500."""
    board = Board(team, actor="dana")
    line = board.request_budget("Booth", 1000, task="T-1")
    board.approve_budget(line.id, "ok", 800)
    board.record_spend(line.id, 900, None, "")
    board.record_spend(board.request_budget("Fair", 200, task="T-2").id, 50, None, "")
    board.set_plan_budget(500)
    return team


def test_budget_flags_and_words_are_said_in_chinese(spent, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("budget", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "状态", "类别", "申请", "批准", "已支出", "用于", "由", "标题"]
    assert lines[1].split()[:3] == ["B-1", "已批准", "其他"]
    assert lines[3] == "计划预算 500 · 已批准 800 · 已支出 950 · 待审批 200 · 超出计划预算 300"
    assert lines[4:] == ["! B-1“Booth”：已批准 800，已支出 900（超出 100）",
                         "! B-2“Fair”：已支出 50，但该预算项的状态是已申请",
                         "! 已批准 800，计划预算为 500（超出 300）",
                         "! 已支出 950，计划预算为 500（超出 450）"]
    code, out, err = run("budget", "spend", "B-1", "10")
    assert code == 0 and err.splitlines() == ["警告：B-1“Booth”：已批准 800，已支出 910（超出 110）",
                                              "警告：已批准 800，计划预算为 500（超出 300）",
                                              "警告：已支出 960，计划预算为 500（超出 460）"]
    code, out, err = run("budget", "reject", "B-2", "--reason", "no")
    assert out == "B-2 已驳回\n"
    code, out, err = run("budget", "total", "none")
    assert out == "没有计划预算\n"


def test_budget_flags_stay_english_in_english_and_in_json(spent, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, err = run("budget", "list")
    assert out.splitlines()[3] == "plan budget 500 · approved 800 · spent 950 · waiting 200 · 300 over the plan's budget"
    assert out.splitlines()[4:] == ["! B-1 “Booth”: 900 spent of 800 approved (100 over)",
                                    "! B-2 “Fair”: 50 spent but the line is requested",
                                    "! approved 800 of the plan's 500 budget (300 over)",
                                    "! spent 950 of the plan's 500 budget (450 over)"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("budget", "list", "--json")
    import json
    assert json.loads(out)["flags"][1] == "B-2 “Fair”: 50 spent but the line is requested"


@pytest.mark.parametrize(("lang", "said"), [("en", "200 left to approve"), ("zh", "还可批准 200")])
def test_the_totals_say_what_is_left_to_approve_within_the_budget(team, run, monkeypatch, lang, said) -> None:
    board = Board(team, actor="dana")
    board.approve_budget(board.request_budget("Booth", 800, task="T-1").id, "ok", 800)
    board.set_plan_budget(1000)  # 1000 - 800 approved
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("budget", "list")
    assert code == 0, err
    assert out.splitlines()[2].endswith(" · " + said)
