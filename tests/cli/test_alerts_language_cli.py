"""`uplift alerts` in the interface's language: the alert's words are said in Chinese under
UPLIFT_LANG=zh, the data in them (ids, titles, names, dates) as it is, and scripts' --json in
English whatever the language."""

from __future__ import annotations

import json
from datetime import date, timedelta


def test_an_overdue_task_is_said_in_chinese_and_its_json_stays_english(run, monkeypatch) -> None:
    due = date.today() - timedelta(days=3)
    assert run("task", "edit", "T-1", "--due", due.isoformat())[0] == 0
    english = f"T-1 “Call Acme” (ali) was due {due}, 3 days ago, and is To do"
    code, out, err = run("alerts")
    assert (code, err) == (0, "") and english in out and out.startswith("ALERT")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("alerts")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["预警", "对象", "说明"]
    assert f"T-1“Call Acme”（ali）于 {due} 到期，已过 3 天，状态为待办" in out
    code, out, err = run("alerts", "--json")
    assert code == 0 and [a["message"] for a in json.loads(out) if a["item"] == "T-1"] == [english]


def test_no_alerts_is_said_in_chinese(run, monkeypatch) -> None:
    assert run("task", "edit", "T-1", "--due", "")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("alerts") == (0, "没有预警。\n", "")
