"""`uplift training edit`: a training item rescheduled, or given another audience, topic or
strategy (a lead's), as a team's calendar moves."""

from __future__ import annotations

import json

import pytest

from store.board import Board


@pytest.fixture
def item(team):
    lead = Board(team, actor="dana")
    lead.add_strategy("Fairs")
    lead.add_training("Objection handling", audience="all reps", on="2026-12-17", strategy="S-1")
    return team


def listed(run) -> dict:
    return json.loads(run("training", "list", "--json")[1])[0]


def test_a_training_item_is_rescheduled_and_reassigned(item, run) -> None:
    assert run("training", "edit", "L-1", "--on", "2027-01-12", "--audience", "ali and bea") == (
        0, "L-1 on 2027-01-12\n", "")
    assert {k: listed(run)[k] for k in ("on", "audience", "topic", "strategy")} == {
        "on": "2027-01-12", "audience": "ali and bea", "topic": "Objection handling", "strategy": "S-1"}
    assert run("training", "edit", "L-1", "--on", "none", "--strategy", "")[:2] == (0, "L-1 has no date\n")
    assert (listed(run)["on"], listed(run)["strategy"]) == (None, None)
    assert "changed L-1" in run("log")[1]


@pytest.mark.parametrize(("args", "user", "code", "said"), [
    ((), "dana", 2, "uplift: nothing to change: give at least one of --topic, --audience, --on, --strategy\n"),
    (("--on", "2027-02-30"), "dana", 2, "uplift: on: '2027-02-30' is not a date: the days of 2027-02 run 01 to 28\n"),
    (("--topic", ""), "dana", 2, "uplift: topic: must not be empty\n"),
    (("--on", "2027-01-12"), "ali", 1, "uplift: only a lead may change training items (you are a rep)\n"),
])
def test_a_bad_change_is_refused_and_nothing_changes(item, run, args, user, code, said) -> None:
    assert run("training", "edit", "L-1", *args, user=user) == (code, "", said)
    assert (listed(run)["on"], listed(run)["topic"]) == ("2026-12-17", "Objection handling")


def test_training_edit_in_chinese(item, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("training", "edit", "L-1", "--on", "2027-01-12")[1] == "L-1 定于 2027-01-12\n"
    assert run("training", "edit", "L-1", "--on", "none")[1] == "L-1 尚无日期\n"
