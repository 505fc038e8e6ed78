"""`uplift goal close` and `goal reopen`, and a closed or ended goal as every command reads it:
its outcome and final score, not a live pace. The goals here ended long ago (2020) or run far
ahead (2099), so that what the tests read does not depend on the day they run."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_uplift
from tests.conftest import snapshot_files


@pytest.fixture
def run(team, capsys, monkeypatch):
    runner = run_uplift(team, capsys, monkeypatch)
    assert runner("goal", "add", "Grow 2020 revenue", "--metric", "revenue", "--unit", "$", "--baseline", "100",
                  "--target", "200", "--start", "2020-01-01", "--deadline", "2020-03-31", "--owner", "ali")[0] == 0
    assert runner("goal", "checkin", "G-1", "150", "--date", "2020-03-20")[0] == 0
    assert runner("goal", "add", "Win 10 customers", "--baseline", "0", "--target", "10", "--start", "2020-01-01",
                  "--deadline", "2099-12-31", "--owner", "ali")[0] == 0
    return runner


def _show(run, goal: str) -> dict:
    return json.loads(run("goal", "show", goal, "--json")[1])["goal"]


def test_an_ended_goal_says_where_it_ended_not_a_pace_and_waits_to_be_closed(run) -> None:
    out = run("goal", "show", "G-1")[1]
    assert ("  now       $150; ended 2020-03-31 at 50% of the way from baseline to target; not closed yet "
            "(`uplift goal close G-1` gives it its outcome)") in out.splitlines()
    assert "expected by now" not in out and "by now" not in out
    assert _show(run, "G-1")["status"] == "ended" and _show(run, "G-2")["status"] == "running"
    rows = {line.split()[0]: line for line in run("goal", "list", "--all")[1].splitlines()[1:]}
    assert "  50%  ended " in rows["G-1"]


def test_an_ended_goal_asks_to_be_closed_in_alerts_and_today_not_to_catch_up(run) -> None:
    code, out, _ = run("alerts")
    assert code == 0 and "G-1 is behind its pace" not in out and "100% was expected" not in out
    assert ("ended    G-1   G-1 ended 2020-03-31 at 50% of the way from baseline to target and is not closed yet: "
            "close it with how it ended, or carry it on into the next cycle") in out.splitlines()
    assert "ended    G-1" in run("alerts", "--mine", user="ali")[1]
    heading = "Goals ended, not closed (close each with how it ended, or carry it on)"
    for who in ("ali", "dana"):  # its owner, and a lead
        lines = run("today", user=who)[1].splitlines()
        assert lines[lines.index(heading) + 1].startswith("  G-1  Grow 2020 revenue · ended 2020-03-31, ")
    assert heading not in run("today", user="bea")[1]
    # a check-in dated within it says where it ended, not "100% expected by now"
    code, out, _ = run("goal", "checkin", "G-1", "160", "--date", "2020-03-25", user="ali")
    assert code == 0 and out == ("C-2: G-1 at $160 on 2020-03-25; ended 2020-03-31 at 60% of the way from baseline "
                                 "to target; not closed yet (`uplift goal close G-1` gives it its outcome)\n")
    assert run("goal", "close", "G-1", user="ali")[0] == 0
    assert "G-1" not in run("alerts")[1] and heading not in run("today", user="ali")[1]


def test_close_reads_the_outcome_from_the_numbers_and_show_list_and_json_read_it(run) -> None:
    code, out, err = run("goal", "close", "G-1", "--note", "Bundle came late\nLegal took six weeks")
    assert (code, err) == (0, "")
    assert out == ("G-1: partly achieved, closed {day} by dana: ended at $150, 50% of the way from baseline to "
                   "target\n").format(day=_show(run, "G-1")["closed"]["on"])
    lines = run("goal", "show", "G-1")[1].splitlines()
    assert lines[lines.index("  why       Bundle came late") + 1] == "            Legal took six weeks"
    assert any(line.startswith("  outcome   partly achieved, closed ") for line in lines)
    assert not any(line.startswith("  now ") for line in lines)
    closed = _show(run, "G-1")
    assert (closed["status"], closed["closed"]["outcome"], closed["closed"]["value"], closed["closed"]["by"]) == \
        ("closed", "partly", 150, "dana")
    rows = {line.split()[0]: line for line in run("goal", "list", "--all")[1].splitlines()[1:]}
    assert "  50%  partly achieved " in rows["G-1"]
    assert run("log")[1].splitlines()[1].endswith("dana  closed G-1: partly achieved")


def test_a_closed_goal_takes_no_check_in_and_reopen_lets_it_run_again(run) -> None:
    assert run("goal", "close", "G-2", "--outcome", "dropped", "--note", "Market moved")[0] == 0
    code, out, err = run("goal", "checkin", "G-2", "4", user="ali")
    assert (code, out) == (1, "") and err.startswith("uplift: G-2 is closed (dropped, on ")
    assert err.endswith("it takes no more check-ins (`uplift goal reopen G-2` if it runs on)\n")
    code, out, err = run("goal", "reopen", "G-2", user="ali")
    assert code == 1 and err == "uplift: only a lead may drop a goal, or reopen one dropped (you are a rep)\n"
    code, out, _ = run("goal", "reopen", "G-2")
    assert code == 0 and out.startswith("G-2 reopened; 0% of the way from baseline to target, ")
    assert run("goal", "checkin", "G-2", "4", user="ali")[0] == 0


def test_the_owner_may_close_their_goal_others_and_dropping_are_refused_nothing_written(run, team) -> None:
    before = snapshot_files(team)
    code, _, err = run("goal", "close", "G-1", user="bea")
    assert code == 1 and err == "uplift: a rep may only change their own goals; this one is ali's\n"
    code, _, err = run("goal", "close", "G-1", "--outcome", "dropped", user="ali")
    assert code == 1 and "only a lead may drop a goal" in err
    code, _, err = run("goal", "close", "G-1", "--value", "50%")
    assert code == 2 and err == ("uplift: value: '50%' is a percentage, but the goal is measured in $: give its "
                                 "value in $\n")
    code, _, err = run("goal", "close", "G-1", "--outcome", "won")
    assert code == 2 and "invalid choice: 'won'" in err
    assert snapshot_files(team) == before
    assert run("goal", "close", "G-1", "--outcome", "missed", "--value", "120", user="ali")[0] == 0
    assert (_show(run, "G-1")["closed"]["value"], _show(run, "G-1")["closed"]["by"]) == (120, "ali")
    code, _, err = run("goal", "close", "G-1")
    assert code == 1 and "G-1 is closed already (missed, on " in err


def test_a_closed_goal_round_trips_through_a_plan_file_and_a_wrong_outcome_names_its_line(
        run, tmp_path, capsys, monkeypatch) -> None:
    assert run("goal", "close", "G-1", "--outcome", "achieved", "--note", "Done early")[0] == 0
    first = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(first))[0] == 0
    text = first.read_text()
    assert "  closed:\n    outcome: achieved\n    value: 150\n" in text
    fresh = run_uplift(tmp_path / "fresh", capsys, monkeypatch)
    assert fresh("plan", "import", str(first))[0] == 0
    again = tmp_path / "again.yaml"
    assert fresh("plan", "export", "-o", str(again))[0] == 0
    assert again.read_text() == text
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("outcome: achieved", "outcome: won"))
    line = text.splitlines().index("    outcome: achieved") + 1
    code, _, err = run_uplift(tmp_path / "other", capsys, monkeypatch)("plan", "import", str(wrong))
    assert code == 2 and (f"wrong.yaml:{line}: goals[0].closed.outcome: 'won' is not one of: achieved, partly, "
                          "missed, dropped") in err


def test_a_plan_files_closed_by_must_be_a_member_naming_its_line(run, team, tmp_path) -> None:
    """Who closed a goal is a member, as an owner is: a typo is bad input (exit 2, its line,
    the nearest name), nothing written; a lead who closed it (and checked in) and left since stays
    on it, so the board's own file imports back."""
    assert run("goal", "close", "G-1", "--outcome", "achieved")[0] == 0
    text = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(text))[0] == 0
    good = text.read_text()
    assert "    by: dana\n" in good
    line = good.splitlines().index("    by: dana") + 1
    for name, said in (("zoe", "'zoe' is not a member (members: ali, bea, dana)"),
                       ("dna", "'dna' is not a member; did you mean 'dana'? (members: ali, bea, dana)")):
        text.write_text(good.replace("    by: dana\n", f"    by: {name}\n"))
        before = snapshot_files(team)
        code, out, err = run("plan", "import", str(text))
        assert (code, out) == (2, "") and f"plan.yaml:{line}: goals[0].closed.by: {said}" in err
        assert snapshot_files(team) == before
    assert run("member", "add", "lee", "--role", "lead")[0] == 0
    assert run("member", "remove", "dana", user="lee")[0] == 0
    assert run("plan", "export", "-o", str(text), user="lee")[0] == 0
    assert run("plan", "import", str(text), user="lee")[0] == 0  # (her check-in too)


def test_the_review_says_how_each_closed_goal_ended(run) -> None:
    assert run("plan", "info", "--start", "2020-01-01", "--end", "2020-03-31")[0] == 0
    assert run("goal", "close", "G-1", "--note", "Bundle came late")[0] == 0
    goals = {g["goal"]: g for g in json.loads(run("review", "--json")[1])["goals"]}
    assert (goals["G-1"]["outcome"], goals["G-1"]["closing_note"], goals["G-1"]["actual"]) == \
        ("partly", "Bundle came late", 150)
    assert goals["G-2"]["outcome"] is None
    report = run("review", "export")[1]
    assert "- G-1 was closed as partly achieved: Bundle came late\n" in report


def test_in_chinese_a_closed_goal_reads_closed(run, monkeypatch) -> None:
    from tui.i18n import set_language

    assert run("goal", "close", "G-1", "--outcome", "missed")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    out = run("goal", "show", "G-1")[1]
    assert "未达成，" in out and "由 dana 结束：最终为 $150" in out
    assert "已到期" in run("goal", "list", "--all")[1] or "未达成" in run("goal", "list", "--all")[1]
    code, _, err = run("goal", "checkin", "G-1", "3")
    assert code == 1 and "已结束（未达成" in err


def test_the_log_says_closed_and_reopened_however_it_came_about(run, tmp_path) -> None:
    before = tmp_path / "before.yaml"
    assert run("plan", "export", "-o", str(before))[0] == 0
    assert run("goal", "close", "G-2", "--outcome", "dropped")[0] == 0
    assert run("plan", "import", str(before))[0] == 0  # the file has G-2 running: reopened
    assert run("undo")[0] == 0
    said = [line.split("  ", 2)[2] for line in run("log")[1].splitlines()[1:4]]
    assert said == ["undid: reopened G-2", "reopened G-2", "closed G-2: dropped"]


def test_a_closed_contributor_says_so_where_its_parent_lists_it(run, monkeypatch) -> None:
    """A team goal's detail lists its reps' parts; one closed reads closed, with how it ended."""
    assert run("goal", "add", "Team 2020 revenue", "--metric", "revenue", "--unit", "$", "--baseline", "0",
               "--target", "400", "--start", "2020-01-01", "--deadline", "2020-03-31")[0] == 0
    assert run("goal", "edit", "G-1", "--parent", "G-3")[0] == 0
    assert run("goal", "close", "G-1", "--outcome", "missed")[0] == 0
    listed = run("goal", "show", "G-3")[1].splitlines()
    part = next(line for line in listed if line.startswith("    G-1  ali  "))
    assert "at 50% · closed, missed  Grow 2020 revenue" in part, part
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    listed = run("goal", "show", "G-3")[1].splitlines()
    assert any("已结束，未达成" in line for line in listed if line.startswith("    G-1  ali  ")), listed
