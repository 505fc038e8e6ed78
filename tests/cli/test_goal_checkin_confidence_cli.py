"""A check-in without --confidence keeps the one the goal's latest check-in said (as Lattice
carries a goal's status forward): a rep's new number alone turned "at risk" into "on track"."""

from __future__ import annotations

import json


def _confidences(run) -> list[str]:
    return [c["confidence"] for c in json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["checkins"]]


def test_a_check_in_without_confidence_keeps_the_last_one(run) -> None:
    run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue", "--baseline", "100", "--target", "200")
    assert run("goal", "checkin", "G-1", "110", user="ali")[0] == 0  # the first: on track
    assert run("goal", "checkin", "G-1", "120", "--confidence", "at_risk", user="ali")[0] == 0
    assert run("goal", "checkin", "G-1", "125", user="ali")[0] == 0  # still at risk
    assert run("goal", "checkin", "G-1", "150", "--confidence", "on_track", user="ali")[0] == 0
    assert run("goal", "checkin", "G-1", "160", user="ali")[0] == 0
    assert _confidences(run) == ["on_track", "at_risk", "at_risk", "on_track", "on_track"]
