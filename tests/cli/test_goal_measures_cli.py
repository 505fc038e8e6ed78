"""`uplift goal show` says where a goal with no check-in stands and why: at a diagnosis of its
own months, as the review reads it (README "Goals, strategies and resources")."""

from __future__ import annotations

import json


def _west(tmp_path):
    records = tmp_path / "west.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-11-{d:02d},West,250\n" for d in range(1, 31)), encoding="utf-8")  # November: 7,500
    return records


def test_goal_show_names_the_snapshot_it_stands_at(run, tmp_path) -> None:
    run("goal", "add", "West revenue", "--metric", "revenue", "--region", "West", "--target", "9000",
        "--start", "2026-11-01", "--deadline", "2026-11-30")
    assert run("diagnose", _west(tmp_path))[0] == 0
    code, out, err = run("goal", "show", "G-1")
    assert (code, err) == (0, "")
    assert "now       7,500 (diagnosis X-1, 2026-11);" in out
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (7500, "diagnosis X-1, 2026-11")
    review = json.loads(run("review", "--json")[1])
    assert [(g["actual"], g["source"]) for g in review["goals"]] == [(7500, "diagnosis X-1, 2026-11")]


def test_goal_show_says_it_in_chinese(run, tmp_path, monkeypatch) -> None:
    run("goal", "add", "West revenue", "--metric", "revenue", "--region", "West", "--target", "9000",
        "--start", "2026-11-01", "--deadline", "2026-11-30")
    run("diagnose", _west(tmp_path))
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "7,500 (诊断 X-1，2026-11)" in run("goal", "show", "G-1")[1]


def test_a_goal_with_nothing_to_measure_has_no_source(run) -> None:
    run("goal", "add", "Calls", "--metric", "calls", "--baseline", "10", "--target", "20")
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (10, None)
