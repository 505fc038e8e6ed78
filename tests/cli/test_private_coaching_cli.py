"""A lead may keep a coaching note private (`coach ali --private`, Lattice's private notes): the
leads read it, the rep it is about does not (not in `coach`, not in the feed); a shared note is
read by that rep, its edits too."""

from __future__ import annotations

import json


def test_a_private_note_is_the_leads_and_a_shared_one_the_reps_too(team, run) -> None:
    assert run("coach", "ali", "Ask for the next step")[:2] == (0, "K-1\n")
    assert run("coach", "ali", "--private", "Consider for the team lead role")[:2] == (0, "K-2\n")
    lead = run("coach", "ali")[1]
    assert "Ask for the next step" in lead and "(private) Consider for the team lead role" in lead
    code, out, _ = run("coach", "ali", "--json", user="ali")
    assert [n["note"] for n in json.loads(out)] == ["Ask for the next step"]
    assert run("coach", "ali", "--edit", "K-1", "Ask for the next step, every call")[0] == 0
    feed = run("log", user="ali")[1]
    assert "K-1" in feed and "K-2" not in feed  # (the edit of K-1 too: its record holds only the words)
    assert len([line for line in feed.splitlines() if "K-1" in line]) == 2
    assert "K-2" in run("log")[1]


def test_private_goes_with_a_new_note(team, run) -> None:
    code, out, err = run("coach", "ali", "--private")
    assert (code, out) == (2, "") and "--private goes with a new note" in err
    assert run("coach", "ali", "--private", "x", user="ali")[0] == 1  # (writing one is a lead's)
