"""Goals that contribute to other goals (alignment, as Lattice and Tability do it): a rep's part of
the team's goal. Checked in the store and in plan files; the SMART check's R counts it."""

from __future__ import annotations

import pytest

from sales.errors import Invalid
from sales.plan_check import PlanInvalid
from store.board import Board
from store.plan_yaml import dump_plan
from tests.conftest import snapshot_files


@pytest.fixture
def lead(team) -> Board:
    board = Board(team, actor="dana")
    board.add_goal("Grow Q4 revenue to 1.38M", owner="dana")
    board.add_strategy("Mid-market push", goals=["G-1"])
    return board


def test_a_goal_contributes_to_another_and_is_relevant_through_it(lead) -> None:
    part = lead.add_goal("ali: 300k of it", owner="ali", parent="g-1")  # any case
    assert part.parent == "G-1"
    r = next(v for v in lead.report(part).verdicts if v.letter == "R")
    assert r.passed and r.reason == "contributes to G-1"
    assert lead.update_goal("G-2", parent="").parent is None  # "" clears it
    r = next(v for v in lead.report("G-2").verdicts if v.letter == "R")
    assert not r.passed and r.reason == "no strategy linked to it"


def test_no_goal_contributes_to_itself_or_to_nothing(lead) -> None:
    lead.add_goal("ali: 300k", parent="G-1")
    lead.add_goal("ali's first 100k", parent="G-2")
    before = snapshot_files(lead.path)
    with pytest.raises(Invalid, match=r"G-1 would contribute to itself \(G-1 → G-3 → G-2 → G-1\)") as error:
        lead.update_goal("G-1", parent="G-3")
    assert error.value.field == "parent"
    with pytest.raises(Invalid, match=r"G-2 would contribute to itself \(G-2 → G-2\)"):
        lead.update_goal("G-2", parent="G-2")
    with pytest.raises(Invalid, match="no goal G-9"):
        lead.add_goal("x", parent="G-9")
    assert snapshot_files(lead.path) == before


def test_deleting_a_goal_leaves_its_contributors_unaligned(lead) -> None:
    lead.add_goal("ali: 300k", parent="G-1")
    lead.delete_goal("G-1")
    assert lead.goal("G-2").parent is None


def test_plan_files_carry_alignment_and_refuse_a_loop(lead) -> None:
    lead.add_goal("ali: 300k", parent="G-1")
    before = snapshot_files(lead.path)
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan({"goals": [{"id": "G-1", "title": "Grow Q4 revenue to 1.38M", "owner": "dana",
                                     "parent": "G-2"}]})
    assert [(p.path, p.message) for p in error.value.problems] == [
        ("goals[0].parent", "G-1 would contribute to itself (G-1 → G-2 → G-1)")]
    with pytest.raises(PlanInvalid, match="G-7"):
        lead.import_plan({"goals": [{"title": "new", "parent": "G-7"}]})
    assert snapshot_files(lead.path) == before
    assert "  parent: G-1\n" in dump_plan(lead.export_plan())
