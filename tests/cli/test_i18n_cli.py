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
    assert "警告：进行中 有 9 个任务，超过了在制品上限 8" in err
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
    assert (code, out, err) == (1, "", "uplift: --owner zed：不是此看板的成员，也不负责任何任务（成员：ali, bea, dana）\n")
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
                       (("task", "edit", "T-1", "--priority", "zzz"),
                        "uplift task edit：错误：参数 --priority：无效的选择：'zzz'（可选：'low', 'normal', 'high', 'urgent'）"),
                       (("task", "list", "--bogus"), "uplift task list：错误：无法识别的参数：--bogus")):
        code, out, err = run(*args)
        assert (code, out, err.splitlines()[-1]) == (2, "", said), args
        assert err.startswith("用法：")
