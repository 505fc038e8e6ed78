"""The command line as a script and a person at a shell use it: typos, help, JSON shapes."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: error: argument COMMAND: invalid choice: 'tsak', maybe you meant 'task'? (choose from 'demo', "),
    ("zh", "uplift：错误：参数 COMMAND：无效的选择：'tsak'，你是不是想输入 'task'？（可选：'demo', ")])
def test_a_mistyped_verb_names_the_one_it_was_near_and_is_bad_usage(run, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("tsak", "list")
    assert (code, out) == (2, "")
    assert says in err


def test_a_mistyped_sub_verb_and_choice_name_theirs_and_write_nothing(run):
    code, out, err = run("task", "lsit")
    assert (code, out) == (2, "") and "invalid choice: 'lsit', maybe you meant 'list'? (choose from 'list'," in err
    code, out, err = run("task", "add", "Call Isdom", "--priority", "hihg")
    assert (code, out) == (2, "")
    assert err.endswith("invalid choice: 'hihg', maybe you meant 'high'? "
                        "(choose from 'low', 'normal', 'high', 'urgent')\n")
    assert "Call Isdom" not in run("task", "list", "--json")[1]


def test_a_word_near_no_choice_is_refused_as_before(run):
    code, out, err = run("xyzzy")
    assert (code, out) == (2, "")
    assert "invalid choice: 'xyzzy' (choose from 'demo'," in err and "maybe" not in err


def _help(run, *verb: str) -> str:
    code, out, err = run(*verb, "--help")
    assert (code, err) == (0, "")
    return " ".join(out.split())  # (argparse wraps to the terminal's width)


def test_every_argument_of_a_verb_says_what_it_is_in_its_help(run):
    import argparse

    from tui.cli import build_parser

    def verbs(parser):
        for action in parser._subparsers._group_actions if parser._subparsers else ():
            for sub in action.choices.values():
                yield sub
                yield from verbs(sub)

    silent = [f"{sub.prog} {action.option_strings or action.dest}" for sub in verbs(build_parser())
              for action in sub._actions
              if action.help is None and not isinstance(action, argparse._SubParsersAction)]
    assert silent == []


@pytest.mark.parametrize("lang, verb, says", [
    ("en", ("task", "show"), ["id the task's id, e.g. T-12", "--json machine-readable output"]),
    ("en", ("deal", "move"), ["id the deal's id, e.g. D-40", "stage the stage to move it to, as the pipeline names them"]),
    ("en", ("task", "add"), ['--owner U who does it (on add, you unless given; "" for nobody)',
                             "--status STATUS its status (todo, doing, blocked, done)"]),
    ("en", ("serve", "web"), ["--port PORT the port to listen on (default 8000)"]),
    ("zh", ("task", "show"), ["id 任务编号，例如 T-12", "--json 机器可读的输出"]),
    ("zh", ("goal", "checkin"), ["value 指标当前的值（1.26M、31.5、12%）", "--confidence {on_track,at_risk,off_track} 你对达成目标有多大把握（默认同上一条进展记录，没有则为 on_track）"]),
])
def test_a_verbs_help_says_what_its_id_and_json_are(run, monkeypatch, lang, verb, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    text = _help(run, *verb)
    for line in says:
        assert line in text


@pytest.mark.parametrize("lang, says", [("en", "usage: uplift task [-h] VERB ... list, add, move and show tasks "),
                                        ("zh", "用法：uplift task [-h] VERB ... 列出、添加、移动和查看任务 ")])
def test_a_group_of_verbs_says_what_it_is_for_as_uplift_help_does(run, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert _help(run, "task").startswith(says)


@pytest.mark.parametrize("note", [(), ("Ask for the next step",)])
def test_coaching_notes_on_someone_not_on_the_board_are_not_found_rather_than_none(run, team, note):
    from tests.conftest import snapshot_files

    before = snapshot_files(team)
    code, out, err = run("coach", "zed", *note, "--json")
    assert (code, out) == (1, "")
    assert err == "uplift: coach zed: no such member on this board (members: ali, bea, dana)\n"
    assert snapshot_files(team) == before
    assert run("coach", "ali", "--json") == (0, "[]\n", "")  # a member without notes has none


def test_a_former_reps_coaching_notes_stay_readable_by_their_name(run):
    assert run("coach", "bea", "Be quicker")[0] == 0
    assert run("member", "remove", "bea", "--to", "ali")[0] == 0
    code, out, err = run("coach", "bea")
    assert (code, err) == (0, "") and "Be quicker" in out


def test_a_list_written_to_a_pipe_keeps_every_word_of_a_long_title(run):
    """`uplift task list | grep "onboarding plan"` finds the task: cutting a title to 60 cells
    (for a terminal) hid its end from a pipe."""
    title = "Prepare the renewal proposal for Isdom with pricing tiers, legal terms and the onboarding plan"
    assert run("task", "add", title, "--owner", "ali")[0] == 0
    assert run("deal", "add", title, "--owner", "ali", "--value", "1000")[0] == 0
    assert run("note", "add", title)[0] == 0
    for verb in (("task", "list"), ("deal", "list"), ("note", "list")):
        code, out, err = run(*verb)
        assert (code, err) == (0, "")
        assert "…" not in out and any(line.endswith(title) for line in out.splitlines()), verb


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: --board '' names no folder: give one, or leave --board out for $UPLIFT_BOARD or the default board\n"),
    ("zh", "uplift: --board '' 没有指明文件夹：请给出一个，或不写 --board 以使用 $UPLIFT_BOARD 或默认看板\n")])
@pytest.mark.parametrize("verb", [("task", "add", "Call Isdom"), ("task", "list"), ("log", "add", "call", "Talked"),
                                  ("demo", "--no-open"), ()])
def test_an_empty_board_folder_is_bad_usage_not_the_default_board(run, team, monkeypatch, lang, says, verb):
    """`uplift --board "$BOARD" task add ...` with BOARD unset acted on $UPLIFT_BOARD's board."""
    from tests.conftest import snapshot_files

    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    board = ("--board", "") if verb[:2] != ("log", "add") else ()
    code, out, err = run(*board, *verb, *(("--board", "") if not board else ()))
    assert (code, out, err) == (2, "", says)
    assert snapshot_files(team) == before


class FullStream:
    """Standard output on a full disk (`uplift task list > /dev/full`)."""

    name = "<stdout>"

    def __init__(self) -> None:
        self.buffer = self  # (JSON is written to stdout's buffer)

    def write(self, data) -> int:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("listing", [("task", "list"), ("task", "list", "--json"), ("task", "list", "--csv")])
def test_output_the_machine_refuses_names_standard_output(team, capsys, monkeypatch, listing):
    import sys

    from tui.cli import main

    monkeypatch.setenv("UPLIFT_USER", "dana")
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setattr(sys, "stdout", FullStream())
    assert main(list(listing)) == 1
    assert capsys.readouterr().err == "uplift: <stdout>: No space left on device\n"


def test_a_command_run_with_its_output_closed_still_runs_and_is_no_bug(run, team, capsys, monkeypatch):
    """`uplift task add ... >&- 2>&-` (a cron job's closed streams): Python's sys.stdout is None;
    the task is added, what would be printed goes nowhere, and the exit is 0, not 3 (a bug)."""
    import sys

    from tui.cli import main

    monkeypatch.setenv("UPLIFT_USER", "dana")
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["task", "add", "Call Isdom"]) == 0
    assert main(["task", "show", "T-99"]) == 1
    monkeypatch.undo()
    assert "Call Isdom" in run("task", "list")[1]


def _examples(run, *verb: str, heading: str) -> list[str]:
    code, out, err = run(*verb, "--help")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    return lines[lines.index(heading) + 1:]


def test_a_verbs_help_ends_with_the_readmes_examples_each_on_its_line(run):
    from pathlib import Path

    examples = _examples(run, "task", "add", heading="examples:")
    assert examples[1] == '  uplift task add "Tidy the CRM" --owner ""'
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for example in examples:  # (the same words as the README)
        assert example.strip() in readme


def test_the_chinese_examples_hold_chinese_data_in_the_same_commands(run, monkeypatch):
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert _examples(run, "deal", "move", heading="示例：") == ["  uplift deal move D-4 方案",
                                                                "  uplift deal move D-7 输单 --reason price"]
    assert _examples(run, "task", "add", heading="示例：")[1] == '  uplift task add "整理 CRM" --owner ""'


def test_every_record_of_the_log_as_json_has_the_same_keys(run):
    """A creation has no `before`; it was left out of `log --json`, so `jq .before` and a pandas
    frame saw a different shape per record. Now it is null, in the log, a task's history and undo."""
    assert run("task", "add", "Call Isdom")[0] == 0
    assert run("task", "move", "T-3", "doing")[0] == 0
    keys = ["action", "actor", "after", "at", "before", "item", "ref", "seq", "txn"]
    records = json.loads(run("log", "--json")[1])
    assert [sorted(r) for r in records] == [keys] * len(records)
    created = next(r for r in records if r["item"] == "T-3" and r["action"] == "task.add")
    assert created["before"] is None and created["after"]["title"] == "Call Isdom"
    history = json.loads(run("task", "show", "T-3", "--json")[1])["history"]
    assert [sorted(r) for r in history] == [keys] * 2
    undone = json.loads(run("undo", "--dry-run", "--json")[1])["records"]
    assert [sorted(r) for r in undone] == [keys]


def test_uplift_version_says_the_installed_version_and_exits_0(run):
    from importlib.metadata import version

    assert run("--version") == (0, f"uplift {version('uplift')}\n", "")


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift task list: error: --json goes after the command's name: `uplift task list --json`\n"),
    ("zh", "uplift task list：错误：--json 应写在命令名之后：`uplift task list --json`\n")])
def test_an_option_given_before_the_verb_that_takes_it_says_where_it_goes(run, monkeypatch, lang, says):
    """(argparse said "unrecognized arguments: --json" of a verb that takes --json.)"""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    for words in (("--json", "task", "list"), ("task", "--json", "list")):
        code, out, err = run(*words)
        assert (code, out) == (2, "") and err.endswith(says)


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift task list: error: unrecognized arguments: --onwer ali; maybe you meant --owner?\n"),
    ("zh", "uplift task list：错误：无法识别的参数：--onwer ali；你是不是想输入 --owner？\n")])
def test_a_mistyped_option_names_the_one_it_was_near(run, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("task", "list", "--onwer", "ali")
    assert (code, out) == (2, "") and err.endswith(says)
    assert run("task", "list", "--xyz")[2].endswith("error: unrecognized arguments: --xyz\n") == (lang == "en")


@pytest.mark.parametrize("typed", ["--overdue", "--sort"])
def test_an_option_near_none_but_by_its_dashes_names_none(run, typed):
    """A taskwarrior habit (`--overdue`, `--sort`) was said to be near --owner or --json: the two
    dashes every option starts with made them look alike."""
    code, out, err = run("task", "list", typed)
    assert (code, out) == (2, "") and err.endswith(f"error: unrecognized arguments: {typed}\n")


@pytest.mark.parametrize("lang, set_says, login_says", [
    ("en", "uplift: $UPLIFT_USER is zed, who is not a member of this board, so may only read it "
           "(a lead adds members with `uplift member add NAME --role rep`)\n",
     "uplift: you are zoe (your login name; $UPLIFT_USER is not set), who is not a member of this board, so may "
     "only read it (set $UPLIFT_USER to your name on the board, or a lead adds you with "
     "`uplift member add NAME --role rep`)\n"),
    ("zh", "uplift: $UPLIFT_USER 为 zed，不是此看板的成员，只能查看（主管可用 `uplift member add NAME --role rep` 添加成员）\n",
     "uplift: 你是 zoe（登录名；未设置 $UPLIFT_USER），不是此看板的成员，只能查看（请把 $UPLIFT_USER 设为你在看板上的名字，"
     "或由主管用 `uplift member add NAME --role rep` 添加你）\n")])
def test_someone_not_on_the_board_is_told_where_their_name_came_from(run, team, monkeypatch, lang, set_says,
                                                                    login_says):
    """`root is not a member of this board` left a person who never set UPLIFT_USER wondering."""
    from tests.conftest import snapshot_files

    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("task", "add", "Call Isdom", user="zed") == (1, "", set_says)
    monkeypatch.setenv("LOGNAME", "zoe")
    assert run("task", "add", "Call Isdom", user="") == (1, "", login_says)
    assert snapshot_files(team) == before


@pytest.mark.parametrize("lang, says", [
    ("en", "invalid choice: 'T-1': the verb comes first, then the id (`uplift task show T-1`; choose from "),
    ("zh", "无效的选择：'T-1'：先写动作，再写编号（`uplift task show T-1`；可选：")])
def test_an_id_where_the_verb_goes_says_the_verb_comes_first(run, team, monkeypatch, lang, says):
    """taskwarrior's `task 12 done` typed as `uplift task T-1 done` was only "invalid choice"."""
    from tests.conftest import snapshot_files

    assert run("task", "add", "Call Acme", user="ali")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    code, out, err = run("task", "T-1", "done", user="ali")
    assert (code, out) == (2, "") and says in err
    assert snapshot_files(team) == before
