"""Undo through the store API: each kind of change put back, walking back, and refusals."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sales.activity import describe
from sales.errors import Invalid, NotFound, Refused
from store.board import Board
from tests.conftest import snapshot_files

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def as_(path, actor: str) -> Board:
    return Board(path, actor=actor, clock=lambda: NOW)


def test_changes_are_undone_newest_first_and_only_your_own(team) -> None:
    ali, bea = as_(team, "ali"), as_(team, "bea")
    ali.move_task("T-1", "doing")
    bea.move_task("T-2", "doing")
    ali.update_task("T-1", title="Call Acme today", priority="high")
    assert [describe(r) for r in ali.undoable()] == [
        "changed T-1: title Call Acme → Call Acme today, priority normal → high"]
    ali.undo()
    task = ali.task("T-1")
    assert (task.title, task.priority, task.status) == ("Call Acme", "normal", "doing")
    ali.undo()  # again: the change before
    assert ali.task("T-1").status == "todo"
    assert bea.task("T-2").status == "doing"  # bea's change is bea's
    with pytest.raises(NotFound):
        ali.undo()
    assert [r.action for r in ali.history(item="T-1", limit=2)] == ["task.move.undo", "task.edit.undo"]
    assert describe(ali.history(item="T-1", limit=1)[0]) == "undid: moved T-1 from To do to Doing"


def test_a_creation_goes_and_a_deletion_comes_back_whole(team) -> None:
    lead = as_(team, "dana")
    lead.add_goal("Grow revenue")
    lead.add_strategy("Mid-market", goals=["G-1"])
    lead.add_task("Call the list", goal="G-1", strategy="S-1")  # T-3
    lead.checkin("G-1", 5)
    before = {"goals": lead.goals(), "strategies": lead.strategies(), "tasks": lead.tasks(),
              "checkins": lead.checkins()}
    lead.delete_goal("G-1")
    lead.undo()  # the goal, its check-in, and the links of S-1 and T-3 in one step
    after = {"goals": lead.goals(), "strategies": lead.strategies(), "tasks": lead.tasks(),
             "checkins": lead.checkins()}
    assert after == before
    lead.undo()  # the check-in
    lead.undo()  # the task
    assert lead.checkins() == [] and [t.id for t in lead.tasks()] == ["T-1", "T-2"]
    assert lead.add_task("Next").id == "T-4"  # an undone id is not given out again


def test_undoing_a_deal_move_recounts_the_week(team) -> None:
    lead = as_(team, "dana")
    lead.add_deal("Acme", owner="ali", value=1000)
    lead.move_deal("D-1", "Won")
    lead.take_snapshot()  # `uplift snapshot` from cron, as the lead: only derived counts, skipped
    lead.undo()
    assert (lead.deal("D-1").stage, [e.stage for e in lead.deal("D-1").history]) == ("Lead", ["Lead"])
    [week] = lead.pipeline_snapshots().values()
    assert week.get("Lead") == 1 and not week.get("Won")


def test_an_undo_that_would_overwrite_someone_else_is_refused(team) -> None:
    ali, lead = as_(team, "ali"), as_(team, "dana")
    ali.move_task("T-1", "doing")
    lead.move_task("T-1", "blocked")
    before = snapshot_files(team)
    with pytest.raises(Refused) as refused:
        ali.undo()
    assert str(refused.value) == ("undo: T-1 has changed since (dana at 2026-11-26 10:00: moved T-1 from "
                                  "Doing to Blocked); undoing would overwrite that")
    assert snapshot_files(team) == before


def test_only_members_undo(team) -> None:
    as_(team, "dana").remove_member("bea", to="ali")
    with pytest.raises(Refused):
        as_(team, "bea").undo()


def test_a_whole_plan_import_is_one_change_to_undo(board_path) -> None:
    from pathlib import Path

    import yaml

    from sales.activity import summary

    lead = as_(board_path, "dana")
    lead.import_plan(yaml.safe_load((Path(__file__).parents[2] / "plans" / "sample-quarter.yaml").read_text()))
    assert len(lead.tasks()) == 30 and len(lead.deals()) == 20
    records = lead.undoable()
    lines = summary(records)
    assert len(lines) == 10 and lines[-1] == f"… and {len(records) - 9} more"
    lead.undo()
    assert (lead.tasks(), lead.goals(), lead.deals(), lead.members()) == ([], [], [], [])


def test_redo_takes_back_undos_until_a_new_change(team) -> None:
    lead = as_(team, "dana")
    lead.move_task("T-1", "doing")  # A
    lead.move_task("T-2", "blocked")  # B
    lead.undo()
    lead.undo()
    assert [t.status for t in lead.tasks()] == ["todo", "todo"]
    assert [describe(r) for r in lead.redoable()] == ["undid: moved T-1 from To do to Doing"]
    lead.redo()  # A again
    assert [t.status for t in lead.tasks()] == ["doing", "todo"]
    lead.undo()  # a redo is a change: undone like one
    assert [t.status for t in lead.tasks()] == ["todo", "todo"]
    lead.redo()
    lead.redo()  # B again
    assert [t.status for t in lead.tasks()] == ["doing", "blocked"]
    with pytest.raises(NotFound):
        lead.redo()
    assert describe(lead.history(limit=1)[0]) == "redid: moved T-2 from To do to Blocked"
    lead.undo()
    lead.move_task("T-1", "done")  # a new change: what was undone stays undone
    assert lead.redoable() == []
    with pytest.raises(NotFound):
        lead.redo()
    lead.undo()
    lead.undo()  # then B's redo was undone before: the undo goes on to A's redo
    assert [t.status for t in lead.tasks()] == ["todo", "todo"]


def test_a_redo_that_would_overwrite_someone_else_is_refused(team) -> None:
    ali, lead = as_(team, "ali"), as_(team, "dana")
    ali.move_task("T-1", "doing")
    ali.undo()
    lead.move_task("T-1", "blocked")
    with pytest.raises(Refused) as refused:
        ali.redo()
    assert "T-1 has changed since (dana at" in str(refused.value) and "redoing would overwrite" in str(refused.value)


def test_an_undone_member_change_is_named_by_the_change_it_took_back(team) -> None:
    lead = as_(team, "dana")
    lead.add_member("chen", "rep")
    lead.undo()  # takes chen off again
    assert describe(lead.history(item="chen", limit=1)[0]) == "undid: added chen as rep"
    lead.add_member("dev", "rep")
    lead.remove_member("dev")
    lead.undo()  # puts dev back
    assert describe(lead.history(item="dev", limit=1)[0]) == "undid: removed member dev"


def test_an_undone_check_in_or_budget_decision_is_described_by_what_it_took_back(team) -> None:
    """The feed's line for an undo names the change it took back (not "checked in on None")."""
    lead, ali = as_(team, "dana"), as_(team, "ali")
    lead.add_goal("Grow revenue", metric="revenue", target=10, owner="ali")
    lead.request_budget("Booth", 500, category="marketing", task="T-1")
    ali.checkin("G-1", 4, confidence="at_risk")
    ali.request_budget("Trip to the North", 1200, category="travel", task="T-1")
    ali.undo()
    ali.undo()
    lead.approve_budget("B-1", "worth it", 400)
    lead.record_spend("B-1", 150)
    lead.undo()
    lead.undo()
    lead.reject_budget("B-1", "not now")
    lead.undo()
    said = [describe(r) for r in lead.history(limit=20) if r.action.endswith(".undo")]
    assert said == ["undid: rejected B-1: not now", "undid: approved B-1 for 400: worth it",
                    "undid: spent 150 on B-1", "undid: checked in on G-1: 4 (at risk)",
                    "undid: requested B-2 “Trip to the North” (1,200)"]
