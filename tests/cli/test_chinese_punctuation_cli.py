"""Chinese as it is written, where the interface joins its words with a board's data: lists with
the enumeration comma 、 (`由 S-1、S-2 支撑`), full-width brackets (`新客户数（家）`), no space
between a Chinese value and the Chinese around it (`李雷的今天`, `从进行中移到完成`; `ali 的今天`
keeps its space), languages by name (`中文`, not `zh`), and a strategy's budget in the money of
the goal it serves (`6,000 元`, as the goal's own amounts). Found by a rep in China reading
`goal show`, `today`, `log` and `member lang` in Chinese."""

from __future__ import annotations

import json


def _goal_with_strategies(run) -> None:
    assert run("goal", "add", "Revenue", "--metric", "revenue", "--unit", "元", "--baseline", "1200000",
               "--target", "+15%", "--region", "华北", "--segment", "中型企业", "--owner", "dana")[0] == 0
    for title in ("Mid-market", "Bundles"):
        assert run("strategy", "add", title, "--dimension", "market", "--goal", "G-1")[0] == 0
    assert run("budget", "request", "Trade fair", "8000", "--strategy", "S-1")[0] == 0
    assert run("budget", "approve", "B-1", "--amount", "6000", "--reason", "ok")[0] == 0
    assert run("budget", "spend", "B-1", "3340")[0] == 0


def test_goal_show_in_chinese_lists_brackets_and_counts_money_as_chinese_writes_them(run, monkeypatch) -> None:
    _goal_with_strategies(run)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = run("goal", "show", "G-1")[1].splitlines()
    assert "  指标      收入（元）" in lines
    assert "  范围      区域：华北、细分市场：中型企业" in lines
    assert "  目标值    增长到 1,380,000 元（+15%）" in lines
    assert "    S 通过    区域：华北、细分市场：中型企业，负责人：dana" in lines
    assert "    R 通过    由 S-1、S-2 支撑" in lines
    assert "         预算已批准 6,000 元，已支出 3,340 元" in lines  # (6000 approved; 3340 spent)
    assert not any(", " in line or " (" in line for line in lines), lines


def test_goal_show_in_english_is_as_it_was(run) -> None:
    _goal_with_strategies(run)
    lines = run("goal", "show", "G-1")[1].splitlines()
    assert "  metric    revenue (元)" in lines
    assert "  scope     region 华北, segment 中型企业" in lines
    assert "  target    increase to 1,380,000 元 (+15%)" in lines
    assert "    R pass  served by S-1, S-2" in lines
    assert "         budget 6,000 元 approved, 3,340 元 spent" in lines


def test_a_budget_under_a_goal_not_in_money_has_no_unit(run, monkeypatch) -> None:
    """A goal counted in customers (家) is no money: its strategies' budget is a bare amount, as
    `budget list` shows it (the board keeps no currency of its own)."""
    assert run("goal", "add", "New customers", "--metric", "new_customers", "--unit", "家", "--baseline", "0",
               "--target", "25")[0] == 0
    assert run("strategy", "add", "Referrals", "--dimension", "channel", "--goal", "G-1")[0] == 0
    assert run("budget", "request", "Fees", "5000", "--strategy", "S-1")[0] == 0
    assert run("budget", "approve", "B-1", "--reason", "ok")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = run("goal", "show", "G-1")[1].splitlines()
    assert "  指标      新客户数（家）" in lines
    assert "         预算已批准 5,000，已支出 0" in lines


def test_a_chinese_name_and_a_latin_one_before_chinese_words(run, monkeypatch) -> None:
    assert run("member", "add", "李雷", "--role", "rep")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("today", user="李雷")[1].startswith("李雷的今天，")
    assert run("today", user="ali")[1].startswith("ali 的今天，")


def test_a_members_language_is_named_where_people_read_it_and_kept_as_a_code_for_scripts(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("member", "lang", "ali", "zh") == (0, "ali：中文\n", "")
    assert run("member", "lang", "ali") == (0, "ali：中文\n", "")
    log = run("log")[1]
    assert "将 ali 的语言设为中文，主题设为服务器默认" in log and "设为 zh" not in log
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("member", "lang", "ali", "en") == (0, "ali: English\n", "")
    members = json.loads(run("member", "list", "--json")[1])
    assert [m.get("language") for m in members if m["name"] == "ali"] == ["en"]


def test_a_stuck_deal_in_a_chinese_stage_reads_without_spaces_inside_the_chinese(run, team, monkeypatch) -> None:
    """`停留在 方案 已 20 天` read as a slip; a Latin stage keeps its spaces (`停留在 Proposal 阶段已`)."""
    from datetime import datetime, timedelta, timezone

    from store.board import Board

    lead = Board(team, actor="dana")
    lead.set_stages([{"name": "线索", "probability": 10}, {"name": "方案", "probability": 50},
                     {"name": "Proposal", "probability": 60},
                     {"name": "赢单", "probability": 100, "outcome": "won"},
                     {"name": "丢单", "probability": 0, "outcome": "lost"}])
    long_ago = datetime.now(timezone.utc) - timedelta(days=20)
    earlier = Board(team, actor="dana", clock=lambda: long_ago)
    earlier.add_deal("Acme", owner="ali", value=900, stage="方案")
    earlier.add_deal("Brightwater", owner="ali", value=500, stage="Proposal")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("alerts")[1]
    assert "起停留在方案阶段已 20 天；" in out
    assert "起停留在 Proposal 阶段已 20 天；" in out
