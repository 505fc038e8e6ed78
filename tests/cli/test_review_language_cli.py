"""`uplift review` in the interface's language: its headers, process metrics and where each goal's
actual comes from (Review's Goals tab says the same); `--json` and English unchanged."""

from __future__ import annotations

import json

from sales.text import display_width


def goals(run) -> None:
    """G-1 the team's revenue, summed from ali's G-2 (checked in) and bea's G-3 (no value yet);
    G-4 a metric nothing measures (no data)."""
    run("goal", "add", "Team revenue", "--metric", "revenue", "--unit", "$", "--baseline", "0", "--target", "1M")
    for rep in ("ali", "bea"):
        run("goal", "add", f"{rep}'s part", "--owner", rep, "--parent", "G-1", "--metric", "revenue", "--unit", "$")
    assert run("goal", "checkin", "G-2", "300k", user="ali")[0] == 0
    assert run("goal", "edit", "G-1", "--rollup", "sum")[0] == 0
    run("goal", "add", "Happier partners", "--metric", "partner mood", "--baseline", "1", "--target", "5")


def rows(out: str) -> dict[str, str]:
    return {line.split()[0]: line for line in out.splitlines() if line[:2] == "G-"}


def test_review_says_its_headers_and_sources_in_chinese(run, monkeypatch) -> None:
    goals(run)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("review")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["目标", "基线", "目标值", "实际", "达成率", "差距", "来源", "标题"]
    found = rows(out)
    assert "300,000 之和；未计入（尚无进展记录或基线）：G-3" in found["G-1"]  # G-2 ali 300,000
    assert "的进展记录 C-1" in found["G-2"]
    assert "无数据" in found["G-4"]
    # (the first column as wide as 每个赢单的支出, spent per deal won; the values right-aligned under their header)
    header = next(line for line in lines if line.startswith("过程指标"))
    csat = next(line for line in lines if line.startswith("客户满意度"))
    assert header.startswith("过程指标        ") and header.split() == ["过程指标", "数值"]
    assert csat.startswith("客户满意度      ") and csat.split() == ["客户满意度", "未记录"]
    assert display_width(csat) == display_width(header)
    assert "   （未回答：uplift review answer 1 TEXT）" in lines


def test_review_in_english_and_json_keep_the_english_sources(run, monkeypatch) -> None:
    goals(run)
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, err = run("review")
    assert out.splitlines()[0].split() == ["GOAL", "BASELINE", "TARGET", "ACTUAL", "ATTAINED", "GAP", "SOURCE", "TITLE"]
    assert "sum of G-2 ali 300,000; left out (no check-in or baseline yet): G-3" in rows(out)["G-1"]
    header = next(line for line in out.splitlines() if line.startswith("PROCESS METRIC"))
    assert header.startswith("PROCESS METRIC         ") and header.split() == ["PROCESS", "METRIC", "VALUE"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    sources = {g["goal"]: g["source"] for g in json.loads(run("review", "--json")[1])["goals"]}
    assert sources["G-1"] == "sum of G-2 ali 300,000; left out (no check-in or baseline yet): G-3"
    assert sources["G-4"] == "no data"
    assert sources["G-2"].startswith("check-in C-1 (")


def test_ticking_the_review_checklist_is_said_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("review", "tick", "1")[1] == "已勾选 1\n"
    assert run("review", "tick", "1")[1] == "1 已经勾选过了\n"
    assert run("review", "tick", "1", "--undo")[1] == "已取消勾选 1\n"
