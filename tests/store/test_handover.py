"""Handing a member's open work to another, and removing a member without leaving orphans.

The expected ids come from the data each test sets up, not from the code under test."""

from __future__ import annotations

import pytest

from sales.errors import Invalid, NotFound, Refused
from sales.handover import OpenWork
from sales.splits import check_splits, credit
from store.board import Board
from tests.conftest import snapshot_files


def owners(board: Board) -> dict[str, str | None]:
    return {**{t.id: t.owner for t in board.tasks()}, **{d.id: d.owner for d in board.deals()}}


@pytest.fixture
def desk(team) -> Board:
    """The team board (T-1 ali's open task, T-2 bea's) with cy, more of ali's work and splits.

    ali's open work: T-1, T-4 (doing), D-1 (Lead), D-4 (Negotiation, bea 30% and cy 20%).
    ali's finished work, which stays ali's: T-3 (done), D-2 (won), D-3 (lost)."""
    lead = Board(team, actor="dana")
    lead.add_member("cy", "rep")
    lead.add_task("Send the contract", owner="ali", status="done")       # T-3
    lead.add_task("Book the demo", owner="ali", status="doing")          # T-4
    lead.add_deal("Acme pilot", owner="ali", value=1000)                 # D-1
    lead.add_deal("Beta renewal", owner="ali", value=2000, stage="Won")  # D-2
    lead.add_deal("Gamma", owner="ali", value=3000, stage="Lost")        # D-3
    lead.add_deal("Delta expansion", owner="ali", value=10000, stage="Negotiation",
                  splits=[{"rep": "bea", "share": 30}, {"rep": "cy", "share": 20}])  # D-4
    lead.add_task("Call Delta", owner="cy")                               # T-5
    return lead


def test_open_deals_and_unfinished_tasks_move_and_finished_work_stays(desk) -> None:
    moved = desk.hand_over("ali", "bea")
    assert sorted(d.id for d in moved.deals) == ["D-1", "D-4"]
    assert sorted(t.id for t in moved.tasks) == ["T-1", "T-4"]
    assert owners(desk) == {"T-1": "bea", "T-2": "bea", "T-3": "ali", "T-4": "bea", "T-5": "cy",
                            "D-1": "bea", "D-2": "ali", "D-3": "ali", "D-4": "bea"}
    assert desk.open_work("ali").deals == [] and desk.open_work("ali").tasks == []


def test_each_item_is_logged_and_the_hand_over_is_one_transaction(desk) -> None:
    desk.hand_over("ali", "bea")
    records = desk.history(limit=4)
    assert sorted(r.item for r in records) == ["D-1", "D-4", "T-1", "T-4"]
    assert {r.action for r in records} == {"deal.handover", "task.handover"}
    assert len({r.txn for r in records}) == 1
    assert all(r.before["owner"] == "ali" and r.after["owner"] == "bea" for r in records)


def test_a_receivers_split_folds_into_ownership_and_the_splits_stay_valid(desk) -> None:
    desk.hand_over("ali", "bea")
    deal = desk.deal("D-4")
    assert [(s.rep, s.share) for s in deal.splits] == [("cy", 20)]
    check_splits(deal.owner, deal.splits)  # raises if the owner also held a split
    assert credit(deal.owner, deal.splits) == pytest.approx({"bea": 0.8, "cy": 0.2})


def test_only_deals_or_only_tasks(desk) -> None:
    desk.hand_over("ali", "cy", tasks=False)
    assert owners(desk)["D-1"] == "cy" and owners(desk)["T-1"] == "ali"
    desk.hand_over("ali", "cy", deals=False)
    assert owners(desk)["T-1"] == "cy" and owners(desk)["T-4"] == "cy"


def test_one_undo_takes_the_whole_hand_over_back(desk) -> None:
    before = owners(desk)
    splits = desk.deal("D-4").splits
    desk.hand_over("ali", "bea")
    undone = desk.undo()
    assert sorted(r.item for r in undone) == ["D-1", "D-4", "T-1", "T-4"]
    assert owners(desk) == before and desk.deal("D-4").splits == splits


def test_a_dry_run_writes_nothing(desk, team) -> None:
    files = snapshot_files(team)
    moved = desk.hand_over("ali", "bea", dry_run=True)
    assert moved.dry_run and sorted(d.id for d in moved.deals) == ["D-1", "D-4"]
    assert snapshot_files(team) == files


def test_a_rep_may_not_hand_over_even_their_own_work(desk, team) -> None:
    files = snapshot_files(team)
    with pytest.raises(Refused, match="only a lead may hand members' work over"):
        Board(team, actor="ali").hand_over("ali", "bea")
    assert snapshot_files(team) == files


@pytest.mark.parametrize("receiver, message", [("zed", "'zed' is not a member"), ("ali", "themselves")])
def test_the_receiver_must_be_another_member(desk, team, receiver, message) -> None:
    files = snapshot_files(team)
    with pytest.raises(Invalid, match=message):
        desk.hand_over("ali", receiver)
    assert snapshot_files(team) == files


def test_someone_who_is_not_a_member_and_owns_nothing_open_is_not_found(desk) -> None:
    with pytest.raises(NotFound):
        desk.hand_over("zed", "bea")


def test_a_member_with_open_work_cannot_simply_be_removed(desk, team) -> None:
    files = snapshot_files(team)
    with pytest.raises(OpenWork) as refused:
        desk.remove_member("ali")
    assert (refused.value.deals, refused.value.tasks) == (2, 2)
    assert "ali still owns 2 open deals and 2 unfinished tasks" in str(refused.value)
    assert snapshot_files(team) == files


def test_remove_with_a_receiver_hands_over_and_removes_in_one_step(desk) -> None:
    desk.remove_member("ali", to="cy")
    assert "ali" not in {m.name for m in desk.members()}
    assert {k: v for k, v in owners(desk).items() if v == "cy"} == {"T-1": "cy", "T-4": "cy", "T-5": "cy",
                                                                    "D-1": "cy", "D-4": "cy"}
    assert len({r.txn for r in desk.history(limit=5)}) == 1  # the removal and the four hand-overs
    desk.undo()
    assert "ali" in {m.name for m in desk.members()} and owners(desk)["D-1"] == "ali"


def test_remove_with_an_unknown_receiver_removes_nobody(desk, team) -> None:
    files = snapshot_files(team)
    with pytest.raises(Invalid):
        desk.remove_member("ali", to="zed")
    assert snapshot_files(team) == files


def test_a_member_with_only_finished_work_leaves_it_theirs(team) -> None:
    lead = Board(team, actor="dana")
    lead.move_task("T-1", "done")
    lead.add_deal("Won one", owner="ali", value=500, stage="Won")
    lead.remove_member("ali")
    assert owners(lead) == {"T-1": "ali", "T-2": "bea", "D-1": "ali"}


def test_work_left_by_someone_already_gone_can_still_be_handed_over(team) -> None:
    lead = Board(team, actor="dana")
    lead.move_task("T-1", "done")
    lead.remove_member("ali")
    lead.move_task("T-1", "todo")  # reopened: an orphan, as boards had before this rule
    moved = lead.hand_over("ali", "bea")
    assert [t.id for t in moved.tasks] == ["T-1"] and owners(lead)["T-1"] == "bea"


def test_running_goals_move_and_finished_ones_stay_with_their_check_ins(team) -> None:
    """A goal whose deadline has passed is ali's record; one still running needs someone to check
    in on it. Check-ins already made stay ali's."""
    from datetime import datetime

    lead = Board(team, actor="dana", clock=lambda: datetime(2026, 12, 3, 9, 0))
    lead.add_goal("Ali's Q4 revenue", owner="ali", metric="revenue", target=100, deadline="2026-12-31")  # G-1
    lead.add_goal("Ali's Q3 revenue", owner="ali", metric="revenue", target=90, deadline="2026-09-30")   # G-2
    lead.add_goal("Ali's calls", owner="ali", metric="calls", target=300)                                 # G-3: no deadline
    lead.add_goal("Ali's last day", owner="ali", metric="calls", target=5, deadline="2026-12-03")         # G-4: today
    lead.add_goal("Bea's Q4 revenue", owner="bea", metric="revenue", target=80, deadline="2026-12-31")  # G-5
    Board(team, actor="ali", clock=lambda: datetime(2026, 12, 1, 9, 0)).checkin("G-1", 40)

    assert sorted(g.id for g in lead.open_work("ali").goals) == ["G-1", "G-3", "G-4"]
    moved = lead.hand_over("ali", "bea")
    assert sorted(g.id for g in moved.goals) == ["G-1", "G-3", "G-4"]
    assert {g.id: g.owner for g in lead.goals()} == {"G-1": "bea", "G-2": "ali", "G-3": "bea", "G-4": "bea",
                                                    "G-5": "bea"}
    [checkin] = lead.checkins()
    assert (checkin.goal, checkin.by, checkin.value) == ("G-1", "ali", 40)
    assert {r.item for r in lead.history(limit=4) if r.action == "goal.handover"} == {"G-1", "G-3", "G-4"}
    lead.undo()
    assert {g.id: g.owner for g in lead.goals()}["G-1"] == "ali"


def test_a_running_goal_alone_keeps_a_member_on_the_board(team) -> None:
    lead = Board(team, actor="dana")
    lead.move_task("T-1", "done")
    lead.add_goal("Ali's calls", owner="ali", metric="calls", target=300)
    with pytest.raises(OpenWork) as refused:
        lead.remove_member("ali")
    assert (refused.value.deals, refused.value.tasks, refused.value.goals) == (0, 0, 1)
    assert "ali still owns 1 running goal; hand the work over first" in str(refused.value)
    lead.remove_member("ali", to="bea")
    assert lead.goal("G-1").owner == "bea"
