"""A status or priority the board does not know, typed in Chinese, is refused naming what it
takes in both words (`doing/进行中`, `high/高`): the refusal listed only the English keys, though
`进行中` and `高` are taken, so a Chinese reader was not told the words they would type."""

from __future__ import annotations


def test_an_unknown_status_names_each_in_both_words(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("task", "move", "T-1", "做", user="ali")
    assert code == 2
    assert "'做' 不是状态（可选：todo/待办，doing/进行中，blocked/受阻，done/完成）" in err
    assert run("task", "move", "T-1", "进行中", user="ali")[0] == 0


def test_an_unknown_priority_names_each_in_both_words(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("task", "add", "回访", "--priority", "超级")
    assert code == 2
    assert "'超级' 不是优先级（可选：low/低，normal/普通，high/高，urgent/紧急）" in err
    assert run("task", "add", "回访", "--priority", "高")[0] == 0


def test_english_refusals_are_unchanged(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert "'zz' is not a status (one of: todo, doing, blocked, done)" in run("task", "list", "--status", "zz")[2]
    assert "invalid choice: 'zz' (choose from 'low', 'normal', 'high', 'urgent')" in run(
        "task", "add", "x", "--priority", "zz")[2]
