"""`uplift goal show` / `goal list` / `strategy list` in the interface's language: labels,
headers and SMART reasons (as the Goals screen says them); the goal's own words as typed."""

from __future__ import annotations

from sales.text import display_width


def team_goal(run) -> None:
    """G-1 the team's revenue in North (0 → 1.2M), summed from ali's G-2 (300k) and bea's G-3 (0)."""
    run("goal", "add", "Team revenue", "--metric", "revenue", "--unit", "$", "--baseline", "0", "--target", "1.2M",
        "--region", "North")
    for rep in ("ali", "bea"):
        run("goal", "add", f"{rep}'s part", "--owner", rep, "--parent", "G-1", "--metric", "revenue", "--unit", "$",
            "--baseline", "0")
    assert run("goal", "checkin", "G-2", "300k", user="ali")[0] == 0
    assert run("goal", "edit", "G-1", "--rollup", "sum")[0] == 0


def test_goal_show_says_its_labels_and_reasons_in_chinese(run, monkeypatch) -> None:
    team_goal(run)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("goal", "show", "G-1")
    assert code == 0, err
    lines = out.splitlines()
    assert "  范围      区域：North" in lines
    assert "  目标值    增长到 $1,200,000" in lines
    assert "    S 未通过  没有负责人" in lines  # the Goals screen's reasons
    assert "    T 未通过  无截止日期" in lines
    assert "  支撑目标" in lines
    assert "    G-2  ali  $300,000  达成 –  ali's part" in lines
    assert ("  现在      $300,000（G-2 ali 300,000、G-3 bea 0 之和）；从基线到目标已完成 25%"
            "（需要开始日期和截止日期才能判断进度）") in lines
    assert "  策略 无" in lines
    # each label's value starts at the same terminal cell
    labelled = [line for line in lines if line.startswith(("  负责人", "  指标", "  范围", "  基线", "  期间"))]
    assert len(labelled) == 5
    assert {display_width(line[:-len(line.split(None, 1)[1])]) for line in labelled} == {12}


def test_goal_list_and_strategy_list_headers_in_chinese(run, monkeypatch) -> None:
    team_goal(run)
    run("strategy", "add", "Fairs", "--dimension", "market", "--goal", "G-1")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("goal", "list")[1].splitlines()[0].split() == ["ID", "SMART", "达成", "预期", "来源", "负责人", "用于", "标题"]
    out = run("strategy", "list")[1].splitlines()
    assert out[0].split() == ["ID", "维度", "目标", "任务", "批准", "已支出", "标题"]
    assert out[1].split()[:2] == ["S-1", "市场与客户"]


def test_goal_show_in_english_is_unchanged(run, monkeypatch) -> None:
    team_goal(run)
    monkeypatch.setenv("UPLIFT_LANG", "en")
    lines = run("goal", "show", "G-1")[1].splitlines()
    assert "  scope     region North" in lines
    assert "  target    increase to $1,200,000" in lines
    assert "  strategies none" in lines
    assert "    T FAIL  no deadline" in lines


def test_goal_checkin_and_delete_say_what_they_did_in_chinese(run, monkeypatch) -> None:
    team_goal(run)
    run("strategy", "add", "Fairs", "--dimension", "market", "--goal", "G-3")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("goal", "checkin", "G-3", "50k", user="bea")
    assert out == "C-2：G-3 现为 $50,000；无法衡量进展（需要目标值）\n"  # (it has a baseline)
    code, out, err = run("goal", "delete", "G-3")
    assert out == "已删除 G-3；连同其 1 条进展记录；S-1 保留，已解除关联\n"
    monkeypatch.setenv("UPLIFT_LANG", "en")
    run("goal", "checkin", "G-2", "310k", user="ali")
    assert run("goal", "delete", "G-2")[1] == "deleted G-2; its 2 check-ins with it\n"


def test_the_leaderboard_headers_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("leaderboard")[1].splitlines()[0].split() == ["名次", "销售代表", "达成率", "赢单金额", "活动"]
