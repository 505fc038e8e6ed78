"""A rep closes their own goal in a plan file as `uplift goal close` lets them: in their own
name, dated today; dropping it, or closing another's, stays a lead's (README "Closing a goal")."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import snapshot_files

TODAY = date.today()


def _closing(run, tmp_path, user: str, outcome: str = "achieved", by: str | None = None, on: date = TODAY):
    plan = tmp_path / user / f"{outcome}-{by}-{on}.yaml"
    plan.parent.mkdir(exist_ok=True)
    assert run("plan", "export", "-o", str(plan), user=user)[0] == 0
    text = plan.read_text()
    title = "  title: Ali's calls\n  owner: ali\n"
    assert text.count(title) == 1
    plan.write_text(text.replace(title, title + f"  closed:\n    outcome: {outcome}\n    'on': {on}\n"
                                                f"    by: {by or user}\n    note: all made\n"))
    return plan


def test_a_rep_closes_their_own_goal_in_a_file(team, run, tmp_path) -> None:
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    code, out, err = run("plan", "import", str(_closing(run, tmp_path, "ali")), user="ali")
    assert code == 0, err
    assert "G-1  (closed)" in out
    closed = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["closed"]
    assert (closed["outcome"], closed["on"], closed["by"]) == ("achieved", str(TODAY), "ali")


def test_a_rep_may_not_drop_backdate_or_close_in_anothers_name(team, run, tmp_path) -> None:
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    before = snapshot_files(team)
    week_ago = TODAY - timedelta(days=7)
    for plan, said in (
            (_closing(run, tmp_path, "ali", outcome="dropped"),
             "goals[0]: only a lead may drop a goal, or reopen one dropped (you are a rep)"),
            (_closing(run, tmp_path, "ali", by="dana"), "goals[0].closed.by: a goal you close is closed by you (ali), "
                                                        "not dana"),
            (_closing(run, tmp_path, "ali", on=week_ago),
             f"goals[0].closed.on: a goal is closed on the day it is closed ({TODAY}); only a lead may date it "
             f"{week_ago}"),
            (_closing(run, tmp_path, "bea"), "goals[0]: a rep may only change their own goals; this one is ali's")):
        code, out, err = run("plan", "import", str(plan), user=plan.parent.name)
        assert (code, out) == (1, ""), err
        assert said in err and err.endswith("uplift: 1 problem; nothing was written\n")
    assert snapshot_files(team) == before


def test_a_reps_closing_has_a_day_of_slack_as_every_record_dated_now(team, run, tmp_path) -> None:
    """The day in a file is the writer's, which may be a zone ahead or behind: a day either way
    is today, as for a move, a comment or a task done (sales.plan_records.dated_otherwise)."""
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    for day in (TODAY - timedelta(days=1), TODAY + timedelta(days=1)):
        code, out, err = run("plan", "import", str(_closing(run, tmp_path, "ali", on=day)), user="ali")
        assert code == 0, err
        assert json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["closed"]["on"] == str(day)
        assert run("goal", "reopen", "G-1", user="ali")[0] == 0
    two_days_ago = TODAY - timedelta(days=2)
    code, out, err = run("plan", "import", str(_closing(run, tmp_path, "ali", on=two_days_ago)), user="ali")
    assert (code, out) == (1, "")
    assert (f"goals[0].closed.on: a goal is closed on the day it is closed ({TODAY}); only a lead may date it "
            f"{two_days_ago}") in err


def test_a_closing_with_other_changes_is_held_to_the_same_rule(team, run, tmp_path) -> None:
    """Closing a goal and changing its description in one file was not checked at all."""
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    plan = _closing(run, tmp_path, "ali", on=TODAY - timedelta(days=7))
    plan.write_text(plan.read_text().replace("  owner: ali\n", "  owner: ali\n  description: forty calls\n", 1))
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert (code, out) == (1, "")
    assert "goals[0].closed.on: a goal is closed on the day it is closed" in err
    assert snapshot_files(team) == before


def test_a_closing_the_board_has_keeps_its_day_when_its_file_comes_back(team, run, tmp_path) -> None:
    """Closed a week ago (a lead may date it), exported by its owner and read back with the note
    reworded: the closing is what it is, a week old, not a backdating."""
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    week_ago = TODAY - timedelta(days=7)
    assert run("plan", "import", str(_closing(run, tmp_path, "dana", by="ali", on=week_ago)))[0] == 0
    plan = tmp_path / "ali-back.yaml"
    assert run("plan", "export", "-o", str(plan), user="ali")[0] == 0
    text = plan.read_text()
    assert "note: all made" in text
    plan.write_text(text.replace("note: all made", "note: all forty made"))
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert code == 0, err
    closed = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["closed"]
    assert (closed["on"], closed["by"], closed["note"]) == (str(week_ago), "ali", "all forty made")


def test_a_closing_in_the_days_to_come_is_refused_past_a_days_slack(team, run, tmp_path) -> None:
    assert run("goal", "add", "Ali's calls", "--owner", "ali")[0] == 0
    code, _, err = run("plan", "import", str(_closing(run, tmp_path, "dana", by="dana", on=TODAY + timedelta(days=1))))
    assert code == 0, err
    assert run("goal", "reopen", "G-1")[0] == 0
    in_two_days = TODAY + timedelta(days=2)
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(_closing(run, tmp_path, "dana", by="dana", on=in_two_days)))
    assert (code, out) == (2, "")
    assert f"goals[0].closed.on: a goal is closed on the day it is closed; {in_two_days} is still to come" in err
    assert snapshot_files(team) == before
