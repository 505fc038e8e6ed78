"""Plan files, value checks and typed values refused in the interface's language (UPLIFT_LANG=zh):
each problem of a plan file with its path and line, a value too long or out of bounds, a bad
date; nothing is written, and the English says the same as before."""

from __future__ import annotations

from tests.conftest import snapshot_files

BAD_PLAN = """\
plan:
  name: board
tasks:
- id: T-1
  title: [Call, Acme]
  owner: zoe
  due: 2026-13-45
  colour: red
- id: t1
  title: Visit Betasoloin
  goal: G-9
  start: 3000-01-01
"""


def test_a_bad_plan_file_is_said_in_chinese_problem_by_problem_with_its_lines(run, team, tmp_path,
                                                                               monkeypatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BAD_PLAN, encoding="utf-8")
    before = snapshot_files(team)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{plan}:5: tasks[0].title: 应为文本，实际是列表",
        f"{plan}:6: tasks[0].owner: 'zoe' 不是成员（成员：ali, bea, dana）",
        f"{plan}:7: tasks[0].due: '2026-13-45' 不是日期：月份为 01 到 12",
        f"{plan}:8: tasks[0].colour: 未知的键（应为以下之一：id, title, owner, status, priority, start, due, goal, "
        "strategy, deal, depends, tags, steps, expected_result, measure, comments, every, previous, source, done_at）",
        f"{plan}:9: tasks[1].id: 编号 T-1 重复（tasks[0] 也用了它）",
        f"{plan}:11: tasks[1].goal: G-9 不是此文件或看板上的目标",
        f"{plan}:12: tasks[1].start: 3000-01-01 不是 1900 到 2999 年之间的日期",
        "uplift: 7 个问题；未写入任何内容",
    ]
    assert snapshot_files(team) == before
    monkeypatch.setenv("UPLIFT_LANG", "en")  # the same problems, in the English they always had
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and err.splitlines()[0] == f"{plan}:5: tasks[0].title: expected text, got a list"
    assert err.splitlines()[-2:] == [f"{plan}:12: tasks[1].start: 3000-01-01 is not a date between 1900 and 2999",
                                     "uplift: 7 problems; nothing was written"]


def test_a_file_that_is_not_yaml_and_a_refused_import_are_said_in_chinese(run, team, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    binary, aliased, theirs = tmp_path / "plan.png", tmp_path / "alias.yaml", tmp_path / "theirs.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    aliased.write_text("plan:\n  name: board\ntasks:\n- id: T-1\n  owner: *someone\n")
    theirs.write_text("tasks:\n- id: T-2\n  title: Visit Betasoloin today\n  owner: bea\n")
    assert run("plan", "import", str(binary))[2] == (f"{binary}:3: file: 这是二进制文件（含 NUL 字节），不是 YAML 计划\n"
                                                     "uplift: 1 个问题；未写入任何内容\n")
    assert run("plan", "import", str(aliased))[2].startswith(f"{aliased}:5: yaml: 计划文件中不允许使用别名（*someone）\n")
    # a rep's file that changes bea's task: a refusal (exit 1), said with the permission's own words
    assert run("plan", "import", str(theirs), user="ali") == (
        1, "", f"{theirs}:2: tasks[0]: 销售代表只能修改自己的任务；这一项属于 bea\nuplift: 1 个问题；未写入任何内容\n")


def test_what_to_fix_in_a_yaml_mistake_is_said_in_chinese_beside_the_parsers_own_words(
        run, team, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    tabbed, colon = tmp_path / "tab.yaml", tmp_path / "colon.yaml"
    tabbed.write_text("tasks:\n- id: T-1\n\ttitle: Call Acme\n")
    colon.write_text("tasks:\n- id: T-1\n  title: Call: Acme\n")
    assert run("plan", "import", str(tabbed))[2].startswith(
        f"{tabbed}:3: yaml: while scanning for the next token found character '\\t' that cannot start any token："
        "YAML 用空格缩进，不能用制表符\n")
    assert run("plan", "import", str(colon))[2].startswith(
        f"{colon}:3: yaml: mapping values are not allowed here：含有 ': ' 的值需要加引号（title: 'Call: Acme'），"
        "或者这一行缩进过多\n")


def test_a_hand_edits_slips_are_said_in_chinese_with_what_to_write(run, team, tmp_path, monkeypatch) -> None:
    """A key without its colon, a day-first date, a thousands comma and a mistyped owner: what
    to write instead, in the interface's language; the English is tested in test_plan_cli."""
    plan = tmp_path / "slips.yaml"
    plan.write_text("plan:\n  name: board\n  budget: 40,000\ntasks:\n- id: T-1\n  title: Call Acme\n"
                    "  owner: alli\n  due: 31/12/2026\n", encoding="utf-8")
    colon = tmp_path / "colon.yaml"
    colon.write_text("tasks:\n- id: T-1\n  title Call Acme\n  owner: ali\n", encoding="utf-8")
    before = snapshot_files(team)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("plan", "import", str(plan)) == (2, "", (
        f"{plan}:3: plan.budget: '40,000' 不是数字：请去掉千位分隔逗号（40000）\n"
        f"{plan}:7: tasks[0].owner: 'alli' 不是成员；是不是指 'ali'？（成员：ali, bea, dana）\n"
        f"{plan}:8: tasks[0].due: '31/12/2026' 不是日期：请写成 YYYY-MM-DD（2026-12-31）\n"
        "uplift: 3 个问题；未写入任何内容\n"))
    assert run("plan", "import", str(colon)) == (2, "", (
        f"{colon}:3: yaml: while scanning a simple key could not find expected ':'：键后面要有一个冒号和一个空格"
        "（priority: high）\nuplift: 1 个问题；未写入任何内容\n"))
    colon.write_text("tasks:\n- id: T-1\n  title: 'Don't call Acme'\n", encoding="utf-8")
    assert run("plan", "import", str(colon))[2].splitlines()[0] == (
        f"{colon}:3: yaml: while parsing a block mapping expected <block end>, but found '<scalar>'："
        "文字在结束引号之后还有内容：引号内的同种引号要写两次（'Don''t call'），或者改用另一种引号把整段文字括起来")
    colon.write_text("tasks:\n- id: T-1\n  title: Call Acme\n  - id: T-2\n", encoding="utf-8")
    assert run("plan", "import", str(colon))[2].splitlines()[0] == (
        f"{colon}:4: yaml: while parsing a block mapping expected <block end>, but found '-'："
        "这个列表项（- ）没有和同一列表的其他项对齐（每一项的短横线应在同一列）")
    assert snapshot_files(team) == before


def test_a_plan_or_template_that_is_not_there_is_said_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("plan", "export", "Q3 plan") == (
        1, "", "uplift: 此看板上的计划是 'board'，不是 'Q3 plan'（一个看板只有一份计划；用 --board DIR 选择其他看板）\n")
    code, _, err = run("plan", "new", "--from", "nope")
    assert code == 1 and err.startswith("uplift: 没有模板 'nope'（模板：blank, diagnosis, ")


def test_a_value_too_long_or_out_of_bounds_is_said_in_chinese(run, team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    before = snapshot_files(team)
    assert run("task", "add", "x" * 300) == (2, "", "uplift: title: 太长：最多 200 个字符\n")
    assert run("task", "add", "") == (2, "", "uplift: 任务需要标题\n")  # (as a blank one: the task's rule)
    assert run("note", "add", "") == (2, "", "uplift: note: 不能为空\n")
    assert run("budget", "total", "-5") == (2, "", "uplift: amount: 必须至少为 0\n")
    assert snapshot_files(team) == before
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("task", "add", "x" * 300) == (2, "", "uplift: title: too long: at most 200 characters\n")


def test_a_bad_date_on_the_command_line_is_said_in_chinese(run, team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "add", "Call Acme", "--due", "31/31/2026") == (  # (day or month first: no such day)
        2, "", "uplift: due: '31/31/2026' 不是日期：没有哪个月有这一天\n")
    assert run("task", "add", "Call Acme", "--due", "next year") == (
        2, "", "uplift: due: 'next year' 不是日期：请用 YYYY-MM-DD、2026年12月31日、31/12/2026、12月25日、12/25、today/今天、tomorrow/明天、3d/3天、-1w/-1周、eow/本周末、eom/月底 或星期几（fri/周五、next fri/下周五）\n")
    assert run("task", "add", "Call Acme", "--due", "3000-01-01") == (
        2, "", "uplift: due: 3000-01-01 不是 1900 到 2999 年之间的日期\n")


def test_a_due_date_typed_in_chinese_or_day_first(run, team, monkeypatch) -> None:
    import json
    from datetime import date, timedelta

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("task", "add", "Call Acme", "--due", "明天")
    assert code == 0
    shown = json.loads(run("task", "show", out.strip(), "--json")[1])
    assert shown["task"]["due"] == str(date.today() + timedelta(days=1))  # (no zones on this board: the machine's day)
    code, out, _ = run("task", "add", "Call Acme", "--due", "31/12/2026")  # day first: 31 is no month
    assert code == 0 and json.loads(run("task", "show", out.strip(), "--json")[1])["task"]["due"] == "2026-12-31"
    assert run("task", "add", "Call Acme", "--due", "03/04/2026") == (
        2, "", "uplift: due: '03/04/2026' 有两种读法：2026年03月04日 或 2026年04月03日，请照所指的那一天写（也可写成 YYYY-MM-DD）\n")
