"""The help of the goal, strategy, budget, training, diagnose, diagnosis, review, payout,
leaderboard and incentive verbs in Chinese; examples of what to type stay as typed, and
English is unchanged."""

from __future__ import annotations

import re

import pytest

VERBS = [
    ("goal",), ("goal", "list"), ("goal", "add"), ("goal", "edit"), ("goal", "show"), ("goal", "delete"),
    ("goal", "checkin"),
    ("strategy",), ("strategy", "list"), ("strategy", "add"), ("strategy", "edit"), ("strategy", "delete"),
    ("budget",), ("budget", "list"), ("budget", "request"), ("budget", "approve"), ("budget", "reject"),
    ("budget", "edit"), ("budget", "spend"), ("budget", "total"),
    ("training",), ("training", "list"), ("training", "add"), ("training", "done"), ("training", "delete"),
    ("diagnose",), ("diagnosis",), ("diagnosis", "list"), ("diagnosis", "show"), ("diagnosis", "delete"),
    ("review",), ("review", "answer"), ("review", "tick"), ("review", "export"),
    ("payout",), ("payout", "approve"), ("payout", "paid"), ("leaderboard",),
    ("incentive",), ("incentive", "list"), ("incentive", "show"), ("incentive", "set"),
]

# Three English words in a row, outside the usage lines: a description or help left in English.
ENGLISH_WORDS = re.compile(r"\b[a-z]{2,}[,;]? [a-z]{2,}[,;]? [a-z]{2,}\b")


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_a_verbs_help_has_no_english_sentence_left_in_chinese(run, monkeypatch, verb) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run(*verb, "--help")
    assert code == 0
    described = [line for line in out.split("\n\n", 1)[1].splitlines()  # after the usage,
                 if not line.startswith("  uplift ")]  # (and not the examples: commands, typed as they are)
    assert [line for line in described if ENGLISH_WORDS.search(line)] == []


def test_the_help_says_the_descriptions_options_and_groups_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run("goal", "add", "--help")
    assert "\n添加目标并打印其编号\n" in out
    assert "  --region NAME         范围：区域（all 表示全部）\n" in out
    assert ("  --target N            绝对值（1.38M）、变化量（+15%），或比率的百分点变化\n"
            "                        （+5pp）\n") in out  # (wrapped by cells at 80 columns)
    assert "  --deadline DATE       YYYY-MM-DD, +6w, ...\n" in out  # (an example of what to type stays)
    code, out, _ = run("budget", "--help")
    assert "预算子命令:" in out and "    total     设置计划的总预算（仅限主管）\n" in out
    code, out, _ = run("payout", "paid", "--help")
    assert "  --ref TEXT    薪资批次的编号\n" in out  # (aligned with --start DATE, a past cycle's)
    code, out, _ = run("review", "--help")
    assert "\n每个目标的目标值与实际值、过程指标，以及差距分析的回答。\n" in out and "复盘子命令:" in out
    code, out, _ = run("diagnose", "--help")
    assert "只以 JSON 打印完整诊断" in out


def test_the_english_help_is_unchanged(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("goal", "add", "--help")
    assert "\nadd a goal and print its id\n" in out
    assert "  --region NAME         scope: the region (all for every one)\n" in out
    assert "  --product-line NAME   scope: the product line (all for every one)\n" in out
    assert "  --target N            a value (1.38M), a change (+15%) or rate points (+5pp)\n" in out
    code, out, _ = run("budget", "--help")
    assert "budget commands:" in out and "    total     set the plan's whole budget (leads only)\n" in out
    code, out, _ = run("incentive", "set", "--help")
    assert "\nadd or replace incentive plans from a YAML file (lead); prints their ids\n" in out
