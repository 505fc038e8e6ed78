"""`uplift cycle` in Chinese counts the tasks as a Chinese reader counts them: the label, then the
number, with Chinese commas (`待办 1，进行中 1`), not the English order with ASCII commas
(`1 待办, 1 进行中`); the goals behind are named in Chinese brackets."""

from __future__ import annotations


def test_the_task_counts_read_in_chinese_order(run, monkeypatch) -> None:
    assert run("task", "move", "T-1", "doing", user="ali")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("cycle")
    assert code == 0
    assert "\n  2 个任务：待办 1，进行中 1，受阻 0，完成 0 · " in out, out


def test_english_keeps_its_order(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert "\n  2 tasks: 2 to do, 0 doing, 0 blocked, 0 done · " in run("cycle")[1]
