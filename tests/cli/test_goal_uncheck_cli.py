"""`goal uncheck C-3`: a check-in typed wrong, or on the wrong goal, taken out of the history (as
Tability and Lattice let one be deleted): a lead's, or the rep's who made it; `undo` brings it back."""

from __future__ import annotations

import json


def _checkins(run, goal: str = "G-1") -> list[tuple[str, float]]:
    shown = json.loads(run("goal", "show", goal, "--json")[1])["goal"]
    return [(c["id"], c["value"]) for c in shown["checkins"]]


def test_a_lead_deletes_a_reps_check_in_and_the_goal_stands_at_the_latest_left(run, monkeypatch) -> None:
    run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue", "--unit", "$", "--baseline", "100k", "--target", "200k")
    run("goal", "checkin", "G-1", "150k", user="ali")
    run("goal", "edit", "G-1", "--owner", "bea")  # (handed to bea, who checks in on it)
    run("goal", "checkin", "G-1", "1", user="bea")  # typed wrong
    assert "    C-1  " in run("goal", "show", "G-1")[1]  # `goal show` says each check-in's id
    code, _, err = run("goal", "uncheck", "C-2", user="ali")  # not ali's
    assert (code, err) == (1, "uplift: a rep may only change their own check-ins; this one is bea's\n")
    code, out, _ = run("goal", "uncheck", "C-2")
    assert (code, out) == (0, "deleted C-2 ($1 on G-1); G-1 now $150,000; 50% of the way from baseline to "
                              "target (needs a start and a deadline to judge the pace)\n")
    assert _checkins(run) == [("C-1", 150_000)]
    assert run("goal", "uncheck", "C-1", user="ali")[0] == 0  # ali's own
    assert _checkins(run) == []
    assert json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["current"] == 100_000  # the baseline
    assert run("undo", user="ali")[0] == 0
    assert _checkins(run) == [("C-1", 150_000)]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("goal", "uncheck", "C-1")[1]
    assert out.startswith("已删除 C-1（G-1 的 $150,000）；G-1 现为 $100,000；")


def test_unchecking_what_is_not_a_check_in(run) -> None:
    assert run("goal", "uncheck", "C-9")[:3:2] == (1, "uplift: no check-in C-9 on this board\n")
    assert run("goal", "uncheck", "G-1")[0] == 2
