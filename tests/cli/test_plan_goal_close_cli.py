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
