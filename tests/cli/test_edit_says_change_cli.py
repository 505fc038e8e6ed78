"""`task edit`, `task comment` and `deal edit` say what they changed, in the activity log's words
(they printed the bare id); `--json` prints the item as before."""

from __future__ import annotations

import json


def test_task_edit_says_each_change_and_an_edit_that_changed_nothing(run) -> None:
    # T-1 "Call Acme" (ali's, due 2026-12-01, priority normal)
    assert run("task", "edit", "T-1", "--due", "2026-12-08", "--priority", "high") == (
        0, "T-1: priority normal → high, due 2026-12-01 → 2026-12-08\n", "")
    assert run("task", "edit", "T-1", "--priority", "high")[1] == "T-1: nothing changed\n"
    (line,) = [r for r in json.loads(run("log", "--item", "T-1", "--json")[1]) if r["action"] == "task.edit"]
    assert line["after"] == {"priority": "high", "due": "2026-12-08"}
    assert json.loads(run("task", "edit", "T-1", "--priority", "low", "--json")[1])["task"]["id"] == "T-1"


def test_task_comment_says_the_comment(run) -> None:
    assert run("task", "comment", "T-1", "Sent", "the", "quote", user="ali") == (
        0, "commented on T-1: Sent the quote\n", "")


def test_deal_edit_says_each_change_and_the_language_its_reader_reads(run) -> None:
    assert run("deal", "add", "Acme renewal", "--value", "1000", "--owner", "ali")[0] == 0
    assert run("deal", "edit", "D-1", "--value", "2500", "--next", "Send proposal")[1] == (
        "D-1: value 1,000 → 2,500, next_step – → Send proposal\n")
    assert json.loads(run("deal", "edit", "D-1", "--value", "3000", "--json")[1])["deal"]["value"] == 3000


def test_the_change_is_said_in_chinese_to_a_chinese_reader(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "edit", "T-1", "--priority", "high")[1] == "T-1：优先级：普通 → 高\n"
