"""The command line in Chinese (UPLIFT_LANG=zh): help, the task verbs, templates and the demo,
with CJK text aligned by terminal cells; scripts' --json and ids stay as they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sales.text import display_width
from store.board import Board

ROOT = Path(__file__).resolve().parents[2]


def columns_start(line: str, cells: list[str]) -> list[int]:
    """The cell offset at which each of `cells` (in order) starts on `line`."""
    offsets, at = [], 0
    for cell in cells:
        index = line.index(cell, at)
        offsets.append(display_width(line[:index]))
        at = index + len(cell)
    return offsets


def columns_end(line: str, cells: list[str]) -> list[int]:
    """The cell offset at which each of `cells` (in order) ends on `line` (a right-aligned figure's)."""
    return [start + display_width(cell) for start, cell in zip(columns_start(line, cells), cells)]


def test_the_top_level_help_is_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("--help")
    assert code == 0
    assert out.startswith("用法：uplift")
    assert "面向销售团队绩效改进周期的计划看板。" in out
    assert "列出、添加、移动和查看任务" in out and "显示本帮助并退出" in out


def test_plan_templates_lists_both_languages(run, monkeypatch) -> None:
    code, out, _ = run("plan", "templates")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["NAME", "LANGUAGES", "WHAT"]
    assert {row.split()[0]: row.split()[1:3] for row in rows}["diagnosis"] == ["en", "zh"]
    assert "the diagnosis checklist" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("plan", "templates")
    assert code == 0 and out.splitlines()[0].split() == ["名称", "语言", "说明"]
    assert "诊断清单（第一阶段：我们在哪里，为什么）" in out
    assert len(out.splitlines()) == 7


def test_plan_new_starts_from_the_template_in_the_interface_language(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("plan", "new", "--from", "weekly-review")
    assert code == 0 and "  H-1  每周复盘" in out
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("plan", "new", "--from", "weekly-review.zh")  # a translation named outright
    assert code == 0 and "  H-2  每周复盘" in out


def test_a_chinese_task_list_is_aligned_by_cells_and_accepts_chinese_statuses(tmp_path, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path = tmp_path / "demo"
    code, out, _ = run("demo", "--board", str(path), "--no-open")
    assert code == 0 and out.strip() == str(path)
    code, out, _ = run("--board", str(path), "task", "list", user="王芳")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "状态", "优先级", "截止", "负责人", "标题"]
    status_col, owner_col, title_col = columns_start(header, ["状态", "负责人", "标题"])
    tasks = {t.id: t for t in Board(path, actor="王芳").tasks()}
    assert len(rows) == 30
    for row in rows:
        task = tasks[row.split()[0]]
        assert columns_start(row, [row.split()[1], task.owner, task.title]) == [status_col, owner_col, title_col]
    code, out, err = run("--board", str(path), "task", "move", "T-6", "进行中", user="王芳")
    assert code == 0 and out.strip() == "T-6 → 进行中"  # the status as the list names it
    assert "警告：进行中有 9 个任务，超过了在制品上限 8" in err
    code, out, _ = run("--board", str(path), "task", "show", "T-6", user="王芳")
    assert "  状态      进行中" in out


def test_the_task_verbs_stay_light_in_chinese(team) -> None:
    """The catalogue is JSON read on demand: `uplift task done` still imports no Textual, Rich,
    pandas or YAML."""
    probe = ("import sys; from tui.cli import main; code = main(['task', 'done', 'T-1']); "
             "print(code, [m for m in ('textual', 'rich', 'pandas', 'yaml') if m in sys.modules])")
    env = {**os.environ, "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana", "UPLIFT_LANG": "zh"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 []"


def test_a_refusal_is_said_in_the_interfaces_language(run, monkeypatch) -> None:
    """The rule a rep runs into is the store's, said in Chinese under UPLIFT_LANG=zh, with the
    names it holds as they are; in English it is the same rule in English."""
    code, out, err = run("coach", "bea", "Be quicker", user="ali")
    assert (code, out, err) == (1, "", "uplift: only a lead may add coaching notes (you are a rep)\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("coach", "bea", "Be quicker", user="ali")
    assert (code, out, err) == (1, "", "uplift: 只有主管可以添加辅导记录（你是销售代表）\n")
    assert run("task", "edit", "T-1", "--owner", "bea")[0] == 0
    code, out, err = run("task", "move", "T-1", "doing", user="ali")
    assert (code, out, err) == (1, "", "uplift: 销售代表只能修改自己的任务；这一项属于 bea\n")


def test_an_option_naming_nothing_on_the_board_is_said_in_the_interfaces_language(run, monkeypatch) -> None:
    """The option and the value as typed, the rest in Chinese; nothing is written."""
    code, out, err = run("task", "list", "--goal", "G-9")
    assert (code, out, err) == (1, "", "uplift: --goal G-9: no such goal on this board\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("task", "list", "--goal", "G-9")
    assert (code, out, err) == (1, "", "uplift: --goal G-9：此看板上没有这个目标\n")
    code, out, err = run("task", "list", "--owner", "zed")
    assert (code, out, err) == (1, "", "uplift: --owner zed：不是此看板的成员，也不负责任何任务（成员：ali、bea、dana）\n")
    code, out, err = run("task", "add", "Call", "--owner", "z d")
    assert (code, out, err) == (2, "", "uplift: --owner: 'z d' 不是成员名（字母、数字、'.'、'_' 或 '-'，最多 40 个）\n")


def test_a_malformed_id_and_a_bad_number_are_said_in_the_interfaces_language(run, team, monkeypatch) -> None:
    """Bad input (exit 2), said in Chinese: the domain's reason (which id, which number) with the
    option or field it was given to; no deal is added."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("task", "list", "--deal", "banana")
    assert (code, out, err) == (2, "", "uplift: --deal: 'banana' 不是商机编号（应为 D-12 这样）\n")
    code, out, err = run("deal", "add", "X", "--value", "abc")
    assert (code, out, err) == (2, "", "uplift: value: 'abc' 不是数字（如 1200000、1.2M、250k、31.5）\n")
    assert Board(team, actor="dana").deals() == []


def test_argparses_own_usage_errors_are_said_in_the_interfaces_language(run, monkeypatch) -> None:
    """A value of the wrong type, a missing argument, a word that is no choice, a stray option:
    argparse's messages, in Chinese (exit 2, the usage first, as in English)."""
    code, out, err = run("log", "--limit", "abc")
    assert (code, err.splitlines()[-1]) == (2, "uplift log: error: argument --limit: invalid int value: 'abc'")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    for args, said in ((("log", "--limit", "abc"), "uplift log：错误：参数 --limit：'abc' 不是有效的值（应为 int）"),
                       (("task", "add"), "uplift task add：错误：缺少以下必需参数：title"),
                       (("deal", "add", "x", "--forecast", "zzz"),
                        "uplift deal add：错误：参数 --forecast：无效的选择：'zzz'（可选：'auto', 'commit', 'best_case', 'omit'）"),
                       (("task", "edit", "T-1", "--priority", "zzz"),  # (in both words: tui/cli_support.py)
                        "uplift task edit：错误：参数 --priority：'zzz' 不是优先级（可选：low/低，normal/普通，high/高，urgent/紧急）"),
                       (("task", "list", "--bogus"), "uplift task list：错误：无法识别的参数：--bogus")):
        code, out, err = run(*args)
        assert (code, out, err.splitlines()[-1]) == (2, "", said), args
        assert err.startswith("用法：")


def test_deal_list_speaks_chinese_aligned_by_cells_and_english_is_unchanged(run, monkeypatch) -> None:
    """The headers in the interface's language; the deals' own words (stage, account, title) as
    typed; every column starts at the same terminal cell on every row, CJK taking two (the value,
    a figure, ends at the same cell: right-aligned)."""
    assert run("deal", "add", "伊斯多姆扩容", "--account", "伊斯多姆", "--value", "48k", "--owner", "ali",
               "--close", "2026-12-22")[1] == "D-1\n"
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "12000", "--key")[1] == "D-2\n"
    code, out, _ = run("deal", "list")
    header, *rows = out.splitlines()
    assert code == 0 and header.split() == ["ID", "STAGE", "VALUE", "CLOSE", "OWNER", "ACCOUNT", "TITLE"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("deal", "list")
    header, *rows = out.splitlines()
    assert code == 0 and header.split() == ["ID", "阶段", "金额", "成交日", "负责人", "客户", "标题"]
    assert [row.split()[0] for row in rows] == ["D-1", "D-2"]  # biggest first
    heads = columns_start(header, ["阶段", "负责人", "客户", "标题"])
    assert columns_start(rows[0], ["Lead", "ali", "伊斯多姆", "伊斯多姆扩容"]) == heads
    assert columns_start(rows[1], ["Lead", "Acme ★", "Acme renewal"]) == [heads[0], heads[2], heads[3]]
    assert columns_end(rows[0], ["48,000"]) == columns_end(rows[1], ["12,000"]) == columns_end(header, ["金额"])


def test_an_empty_deal_list_and_deal_show_speak_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("deal", "list")
    assert (code, out) == (0, "还没有商机：用 `uplift deal add \"艾克美续约\" --account 艾克美 --value 1.2万` 添加一个。\n")
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "12k", "--key", "--close", "2026-12-22")[0] == 0
    code, out, _ = run("deal", "list", "--stage", "Won")
    assert (code, out) == (0, "没有符合条件的商机。\n")
    code, out, _ = run("deal", "show", "D-1")
    lines = out.splitlines()
    assert lines[:7] == ["D-1  Acme renewal",
                         "  客户      Acme  （重点客户）",
                         "  负责人    dana",
                         "  阶段      Lead",
                         "  金额      12,000（加权 1,200）",  # Lead: 10%
                         "  预计成交  2026-12-22",
                         "  下一步    –"]
    assert lines[7] == "  预测      按阶段（自动）" and lines[8] == "  阶段历史"
    assert lines[9].endswith("  Lead  （至今，已 0.0 天）")  # made just now
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("deal", "show", "D-1")
    assert out.splitlines()[1:9] == ["  account   Acme  (key account)", "  owner     dana", "  stage     Lead",
                                     "  value     12,000 (weighted 1,200)", "  close     2026-12-22",
                                     "  next step –", "  forecast  by its stage (auto)", "  stages"]


def test_a_closed_deal_shows_how_it_closed_and_what_was_paid_in_chinese(run, monkeypatch) -> None:
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "30000")[0] == 0
    assert run("deal", "move", "D-1", "Won")[1] == "D-1 → Won\n"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("deal", "paid", "D-1", "12k")
    assert (code, out) == (0, "D-1：已回款 12,000.00，共 30,000.00（40%）\n")
    code, out, _ = run("deal", "show", "D-1")
    assert "  已回款    12,000.00，共 30,000.00（40%）" in out.splitlines()
    assert any(line.startswith("  成交于    ") and line.endswith("（赢单）") for line in out.splitlines())
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("deal", "show", "D-1")
    assert "  paid      12,000.00 of 30,000.00 (40%)" in out.splitlines()
    assert any(line.startswith("  closed    ") and line.endswith(" (won)") for line in out.splitlines())


def test_task_move_names_the_status_in_the_interfaces_language(run, monkeypatch) -> None:
    code, out, _ = run("task", "move", "T-1", "doing")
    assert (code, out) == (0, "T-1 → Doing\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("task", "move", "T-1", "blocked")
    assert (code, out) == (0, "T-1 → 受阻\n")
    code, out, _ = run("task", "done", "T-1")
    assert (code, out) == (0, "T-1 → 完成\n")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("task", "move", "T-2", "doing")
    assert (code, out) == (0, "T-2 → Doing\n")
    code, out, _ = run("task", "move", "T-2", "doing")  # (to the status it has: said so, nothing moved)
    assert (code, out) == (0, "T-2 was already Doing\n")


def test_member_list_and_wip_speak_chinese(run, monkeypatch) -> None:
    code, out, _ = run("member", "list")
    assert (code, out) == (0, "NAME  ROLE\nali   rep\nbea   rep\ndana  lead\n")
    assert run("wip", "doing", "3")[1] == "doing: 3\n"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("member", "list")
    assert (code, out) == (0, "名称  角色\nali   销售代表\nbea   销售代表\ndana  主管\n")
    assert run("member", "add", "cy", "--role", "rep")[1] == "cy（销售代表）\n"
    assert run("wip")[1] == "进行中：3\n"
    assert run("wip", "doing", "off")[1] == "进行中：无上限\n"
    assert run("wip")[1] == "尚未设置在制品上限。\n"


def test_weekly_speaks_chinese_and_its_help_too(run, monkeypatch) -> None:
    code, out, _ = run("weekly", "--help")
    assert code == 0 and "  --undo       untick it\n" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("weekly")
    assert code == 0 and out.splitlines()[0].startswith("每周复盘 ") and "：已完成 0/" in out.splitlines()[0]
    code, out, _ = run("weekly", "--help")
    assert code == 0
    assert "\n每周复盘：本周清单与商机管道的变化，或勾选第 N 项（主管）\n" in out
    assert "  --undo       取消勾选\n" in out and "  --toggle     切换勾选状态\n" in out
    assert "  N            勾选清单中的这一项（编号与清单显示的一致）\n" in out


def test_a_verbs_help_and_its_group_speak_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("deal", "add", "--help")
    assert code == 0 and "\n添加商机并打印其编号\n" in out
    assert "  --close DATE          预计成交日期\n" in out
    assert "  --value AMOUNT        48000、4.8万\n" in out  # (examples of what to type, as a Chinese team types them)
    code, out, _ = run("deal", "--help")
    assert "商机子命令:" in out and "    list      列出商机（金额大的在前）\n" in out
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("deal", "add", "--help")
    assert "\nadd a deal; prints its id\n" in out and "  --close DATE          expected close date\n" in out


def test_notes_coaching_and_the_log_say_their_empty_lists_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("note", "list")[1] == ("还没有记录：用 `uplift note add \"销售代表因价格丢单\" --tag 痛点` "
                                      "添加一条。\n")  # (an example a Chinese team would type, which works)
    assert run("coach", "ali")[1] == "没有你可以查看的辅导记录。\n"
    assert run("log", "--actor", "bea")[1] == "日志中没有符合条件的记录。\n"
    assert run("log", "--actor", "zed")[2] == "uplift: --actor zed：不是本看板的成员，日志中也没有其记录（成员：ali、bea、dana）\n"
    assert run("note", "add", "Reps", "lose", "on", "price", "--kind", "feedback")[1] == "N-1\n"
    header, row, tally = run("note", "list")[1].splitlines()
    assert header.split() == ["ID", "类型", "时间", "来源", "标签", "内容"]
    assert tally == "列出 1 条笔记；均无标签"
    assert row.split()[:2] == ["N-1", "反馈"]
    assert run("note", "delete", "N-1")[1] == "已删除 N-1\n"


def test_plan_import_says_what_it_would_do_in_chinese(run, monkeypatch, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n  - id: T-1\n    title: Call Acme today\n    owner: ali\n    due: 2026-12-01\n  - title: A new one\n", encoding="utf-8")
    code, out, _ = run("plan", "import", str(plan), "--dry-run")
    assert code == 0 and out.splitlines()[0] == "Would create 1:" and out.splitlines()[-1] == "Nothing was written."
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("plan", "import", str(plan), "--dry-run")
    assert code == 0
    assert out.splitlines() == ["将创建 1 项：", "  T-3  A new one", "将修改 1 项：", "  T-1  (title)", "未改变 0 项",
                                "保持不动（在看板上、不在文件中）1 项：T-2", "没有写入任何内容。"]


def test_alert_settings_speak_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("alerts", "config", "--default-quiet", "10")
    assert code == 0 and out.splitlines()[0] == "预警在以下情况触发"
    assert "  quiet       重点客户已有 10 天没有活动" in out.splitlines()


def test_the_configs_language_is_the_command_lines_unless_uplift_lang_is_set(run, monkeypatch,
                                                                            own_config_dir) -> None:
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text("theme: uplift-dark\nlanguage: zh\n", encoding="utf-8")
    for name in ("UPLIFT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    code, out, _ = run("--help")
    assert code == 0 and out.startswith("用法：uplift")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, out, _ = run("--help")
    assert code == 0 and out.startswith("usage: uplift")
