"""Small slips a rep makes on the command line, each said plainly: a name nobody has, a blank
title, a share typed as a fraction on a goal in %."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files


def test_log_actor_nobody_has_is_not_found(team, run):
    """A typo is not found, with the member it is nearest; a name near none, with the members."""
    code, out, err = run("log", "--actor", "alli")
    assert (code, out) == (1, "")
    assert err == "uplift: --actor alli: not a member of this board and has no record in its log (did you mean ali?)\n"
    code, out, err = run("log", "--actor", "zed")
    assert (code, out) == (1, "")
    assert err == "uplift: --actor zed: not a member of this board and has no record in its log (members: ali, bea, dana)\n"


def test_log_actor_is_a_member_in_any_case(team, run):
    """`--actor Ali` is ali, as `--owner Ali` is (it matched only `ali`, and said Ali was nobody)."""
    assert run("task", "comment", "T-1", "Called", user="ali")[0] == 0
    assert run("task", "comment", "T-1", "Noted", user="bea")[0] == 0
    exact = run("log", "--actor", "ali", "--json")
    assert exact[0] == 0 and [r["actor"] for r in json.loads(exact[1])] == ["ali"]
    for spelt in ("Ali", "ALI", " ali "):
        assert run("log", "--actor", spelt, "--json") == exact


def test_log_actor_a_member_with_nothing_matching_is_no_error(team, run):
    code, out, _ = run("log", "--actor", "bea")  # a member who changed nothing yet
    assert (code, out) == (0, "Nothing in the log matches.\n")


def test_log_actor_who_left_is_still_read(team, run):
    assert run("task", "comment", "T-1", "Called", user="ali")[0] == 0
    assert run("member", "remove", "ali", "--to", "bea")[0] == 0
    code, out, _ = run("log", "--actor", "ali")
    assert code == 0 and "commented on T-1" in out


def test_empty_and_blank_titles_say_the_same(team, run):
    before = snapshot_files(team)
    empty = run("task", "add", "")
    blank = run("task", "add", "   ")
    assert empty == blank == (2, "", "uplift: a task needs a title\n")
    assert snapshot_files(team) == before


def test_a_fraction_on_a_goal_in_percent_is_taken_and_hinted(team, run):
    assert run("goal", "add", "Win rate", "--metric", "win_rate", "--unit", "%", "--baseline", "31",
               "--target", "40")[0] == 0  # G-1
    code, out, err = run("goal", "checkin", "G-1", "0.33")
    assert code == 0 and out.startswith("C-1: G-1 at 0.33%;")
    assert err == "note: G-1 is measured in %: 0.33 was taken as 0.33%; for 33%, give 33\n"
    code, _, err = run("goal", "checkin", "G-1", "33")
    assert (code, err) == (0, "")
