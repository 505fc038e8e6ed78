"""What the command line tells a rep to do next is something a rep may do: a hint that sends them
to a lead's command (set the cycle's dates, keep a diagnosis, give another rep's task steps) is
refused as soon as they follow it, so a rep is told who does it instead."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files


def test_ticking_another_reps_task_says_the_rule_not_how_to_give_it_steps(run, team):
    """T-2 is bea's and has no steps: ali was told "`task edit T-2 --step TEXT` gives it some"."""
    before = snapshot_files(team)
    assert run("task", "tick", "T-2", "1", user="ali") == (
        1, "", "uplift: a rep may only change their own tasks; this one is bea's\n")
    assert snapshot_files(team) == before


def test_ticking_a_step_past_the_end_of_another_reps_task_says_the_rule(run, team):
    assert run("task", "edit", "T-2", "--step", "Book the room")[0] == 0
    before = snapshot_files(team)
    assert run("task", "tick", "T-2", "3", user="ali") == (
        1, "", "uplift: a rep may only change their own tasks; this one is bea's\n")
    assert run("task", "tick", "T-2", "1", user="ali")[0] == 1
    assert snapshot_files(team) == before
    assert run("task", "tick", "T-2", "1", user="bea") == (0, "T-2 1. [x] Book the room  (1/1)\n", "")


@pytest.mark.parametrize("user, dates, diagnosis", [
    ("ali", "no cycle dates yet (a lead sets them)",
     "  no diagnosis yet (a lead runs one on last year's sales)"),
    ("dana", "no cycle dates yet: `uplift plan info --start D --end D`",
     "  no diagnosis yet: run one on last year's sales (1, then f; or `uplift diagnose FILE`)"),
])
def test_the_cycle_tells_a_rep_who_sets_the_dates_and_runs_the_diagnosis(run, user, dates, diagnosis):
    code, out, err = run("cycle", user=user)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith(" · " + dates)
    assert diagnosis in lines


def test_the_cycle_over_ssh_tells_a_lead_where_a_diagnosis_is_run(run, monkeypatch):
    """Over `uplift serve ssh` no file of the member's reaches the server: the app's keys and
    `uplift diagnose FILE` there are refused, so the line says where it is run."""
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    code, out, _err = run("cycle")
    assert code == 0
    assert ("no diagnosis yet: run one on last year's sales (`uplift diagnose FILE --board DIR` on a "
            "machine that has the board's folder)") in " ".join(out.split())  # (wrapped to the terminal)


def test_the_cycle_in_chinese_tells_a_rep_who_sets_the_dates(run, monkeypatch):
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("cycle", user="ali")[1]
    assert "尚未设置周期日期（由主管设置）" in out
    assert "还没有诊断（由主管用去年的销售数据做一次）" in out


@pytest.mark.parametrize("user, said", [
    ("ali", "   (not answered yet: a lead answers it)"),
    ("dana", "   (not answered: uplift review answer 1 TEXT)"),
])
def test_the_review_tells_a_rep_who_answers_the_questions(run, user, said):
    code, out, err = run("review", user=user)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[lines.index("1. Was the strategy right?") + 1] == said


@pytest.mark.parametrize("command, rule", [
    (("member", "key", "add", "ali", "-"), "only a lead may add members' keys (you are a rep)"),
    (("incentive", "set", "-"), "only a lead may add incentive plans (you are a rep)"),
])
def test_a_lead_s_file_command_says_the_rule_before_what_is_wrong_with_the_file(run, team, monkeypatch,
                                                                                  command, rule):
    """A rep piping an empty (or a broken) file in was told "the file is empty" (exit 2), and with
    a good one then refused: the rule comes first, whatever the file holds."""
    import io
    import sys

    for data in (b"", b"name: Spiff\nquota: lots\n"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        before = snapshot_files(team)
        assert run(*command, user="ali") == (1, "", f"uplift: {rule}\n")
        assert snapshot_files(team) == before
