"""The activity log, undo and payout statements in the interface's language: their words in Chinese under
UPLIFT_LANG=zh, with its ids, names and status labels as the interface says them; --json as
it is in English."""

from __future__ import annotations

import json


def test_the_log_and_an_undo_say_the_change_in_chinese(run, monkeypatch) -> None:
    assert run("task", "move", "T-1", "doing")[0] == 0
    code, out, err = run("log", "--item", "T-1")
    assert code == 0 and out.splitlines()[1].endswith("dana  moved T-1 from To do to Doing")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("log", "--item", "T-1")
    header, newest, *_ = out.splitlines()
    assert header.split() == ["时间", "人员", "说明"]
    assert newest.endswith("dana  把 T-1 从待办移到进行中")
    code, out, err = run("undo")
    assert code == 0 and out.startswith("已撤销（") and out.splitlines()[1] == "  把 T-1 从待办移到进行中"
    code, out, err = run("log", "--item", "T-1")
    assert out.splitlines()[1].endswith("dana  已撤销：把 T-1 从待办移到进行中")  # (the move it took back, as undo said)
    code, out, err = run("log", "--item", "T-1", "--json")
    assert json.loads(out)[0]["action"] == "task.move.undo"  # scripts read the records, not the words


def test_a_payout_statement_is_said_in_chinese(run, monkeypatch) -> None:
    code, out, err = run("payout", "--rep", "ali")
    assert (code, err) == (0, "") and out.splitlines()[:2] == [
        "ali (no incentive plan): 0.00", "  ali is on no incentive plan: nothing to pay"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("payout", "--rep", "ali")
    assert (code, err) == (0, "") and out.splitlines()[:2] == ["ali（没有激励方案）：0.00", "  ali 没有参加激励方案：无需发放"]
    code, out, err = run("payout", "--rep", "ali", "--json")
    assert json.loads(out)[0]["lines"][0]["text"] == "ali is on no incentive plan: nothing to pay"


def test_a_changed_item_names_its_fields_in_chinese(run, monkeypatch) -> None:
    """`changed T-1: title … → …, priority … → …` names the fields (and a priority or status)
    as the interface does; the titles as typed; the English as it was."""
    assert run("task", "edit", "T-1", "--title", "Call Acme today", "--priority", "high", "--status", "doing",
               user="ali")[0] == 0
    english = "ali   changed T-1: title Call Acme → Call Acme today, status todo → doing, priority normal → high"
    assert run("log", "--item", "T-1")[1].splitlines()[1].endswith(english)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("log", "--item", "T-1")[1].splitlines()[1].endswith(
        "ali   修改了 T-1：标题：Call Acme → Call Acme today，状态：待办 → 进行中，优先级：普通 → 高")
    code, out, _ = run("log", "--item", "T-1", "--json")
    assert json.loads(out)[0]["after"]["priority"] == "high"
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("plan", "info", "--name", "Q1")[0] == 0
    english = run("log", "--limit", "1")[1].splitlines()[1]
    assert "dana  changed board: name " in english and english.endswith(" → Q1")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    chinese = run("log", "--limit", "1")[1].splitlines()[1]
    assert "dana  修改了看板：名称：" in chinese and chinese.endswith(" → Q1")
