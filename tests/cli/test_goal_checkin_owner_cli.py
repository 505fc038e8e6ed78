"""Who sets a goal's number: its owner and the leads (as Lattice and Tability have it). A rep
checks in on their own goals (their part of a team goal), not on the team's or another's: the
latest check-in is the goal's actual in Review, so any rep's number would become the team's."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from sales.errors import Refused
from store.board import Board
from tests.conftest import snapshot_files

YESTERDAY = date.today() - timedelta(days=1)
TEAMS = "uplift: a rep may check in only on goals they own; this one is the team's, for the leads to update\n"


@pytest.fixture
def goals(team, run):
    """G-1 the team's (no owner), G-2 dana's, G-3 ali's part of G-1, G-4 bea's."""
    assert run("goal", "add", "Grow Q4 revenue", "--metric", "revenue", "--baseline", "1M", "--target", "1.2M")[0] == 0
    assert run("goal", "add", "Win rate", "--owner", "dana", "--metric", "win_rate", "--baseline", "30",
               "--target", "40")[0] == 0
    assert run("goal", "add", "ali: 100k of it", "--owner", "ali", "--parent", "G-1", "--baseline", "0",
               "--target", "100k")[0] == 0
    assert run("goal", "add", "bea: 100k of it", "--owner", "bea", "--parent", "G-1", "--baseline", "0",
               "--target", "100k")[0] == 0
    return team


def _values(run, goal: str) -> list:
    return [(c["value"], c["by"]) for c in json.loads(run("goal", "show", goal, "--json")[1])["goal"]["checkins"]]


def test_a_rep_may_not_set_the_teams_number_nor_a_leads_nor_another_reps(goals, run) -> None:
    before = snapshot_files(goals)
    assert run("goal", "checkin", "G-1", "2M", user="ali") == (1, "", TEAMS)
    assert run("goal", "checkin", "G-2", "90", user="ali") == (
        1, "", "uplift: a rep may check in only on goals they own; this one is dana's, for dana and the leads "
               "to update\n")
    assert run("goal", "checkin", "G-4", "5", user="ali") == (
        1, "", "uplift: a rep may check in only on goals they own; this one is bea's, for bea and the leads "
               "to update\n")
    assert snapshot_files(goals) == before  # nothing written


def test_a_rep_checks_in_on_their_own_goal_and_a_lead_on_any(goals, run) -> None:
    assert run("goal", "checkin", "G-3", "40k", user="ali")[0] == 0
    assert run("goal", "checkin", "G-1", "1.1M")[0] == 0  # dana, a lead
    assert run("goal", "checkin", "G-4", "30k")[0] == 0  # a lead on a rep's goal
    assert run("goal", "checkin", "G-2", "33")[0] == 0  # dana's own
    assert _values(run, "G-3") == [(40_000, "ali")]
    assert _values(run, "G-1") == [(1_100_000, "dana")]
    assert _values(run, "G-4") == [(30_000, "dana")]


def test_the_rule_in_chinese(goals, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("goal", "checkin", "G-1", "2M", user="bea")
    assert (code, err) == (1, "uplift: 销售代表只能为自己负责的目标登记进展；这个目标属于团队，由主管更新\n")


def test_the_store_refuses_it_too(goals) -> None:
    with pytest.raises(Refused, match="this one is the team's"):
        Board(goals, actor="bea").checkin("G-1", 2_000_000)
    assert Board(goals, actor="bea").checkin("G-4", 20_000).by == "bea"
    assert not Board(goals, actor="bea").may("goal.checkin", None, None)


def test_a_reps_plan_file_follows_the_same_rule(goals, run, tmp_path) -> None:
    plan = tmp_path / "checkins.yaml"
    plan.write_text(f"checkins:\n- {{goal: G-1, value: 2000000, by: ali, at: '{YESTERDAY}T10:00:00Z'}}\n")
    before = snapshot_files(goals)
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"{plan}:2: checkins[0]: a rep may check in only on goals they own; this one is "
                                "the team's, for the leads to update", "uplift: 1 problem; nothing was written"]
    assert snapshot_files(goals) == before
    plan.write_text(f"checkins:\n- {{goal: G-3, value: 50000, by: ali, at: '{YESTERDAY}T10:00:00Z'}}\n")
    code, _, err = run("plan", "import", str(plan), user="ali")
    assert code == 0, err
    assert _values(run, "G-3") == [(50_000, "ali")]


def test_the_pace_note_says_which_date_is_missing(team, run) -> None:
    """It said "needs a start and a deadline" when only one of them was missing."""
    run("goal", "add", "No start", "--baseline", "0", "--target", "10", "--deadline", "2026-12-31")
    run("goal", "add", "No deadline", "--baseline", "0", "--target", "10", "--start", "2026-10-01")
    run("goal", "add", "Neither", "--baseline", "0", "--target", "10")
    run("goal", "add", "No target", "--baseline", "0")
    run("goal", "add", "No baseline", "--target", "10")
    said = {goal: json.loads(run("goal", "show", goal, "--json")[1])["goal"] for goal in ("G-1", "G-2", "G-3")}
    assert [run("goal", "show", goal)[1].count(f"({needs})") for goal, needs in [
        ("G-1", "needs a start to judge the pace"), ("G-2", "needs a deadline to judge the pace"),
        ("G-3", "needs a start and a deadline to judge the pace"), ("G-4", "needs a target"),
        ("G-5", "needs a baseline")]] == [1, 1, 1, 1, 1]
    assert all(goal["progress"] == 0 for goal in said.values())
    # a plan's start stands in for a goal's own: then only the deadline is missing
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert "(needs a deadline to judge the pace)" in run("goal", "show", "G-3")[1]
