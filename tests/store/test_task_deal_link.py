"""A task that moves a deal forward: the link is checked, survives a plan file, and a deleted
deal leaves its tasks unlinked."""

from __future__ import annotations

import pytest

from sales.errors import Invalid
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text


def test_a_follow_up_task(team) -> None:
    lead = Board(team, actor="dana")
    deal = lead.add_deal("Isdom pilot", owner="ali", value=18000)
    task = lead.add_task("Send the quote", owner="ali", deal="d-1")  # any case, as typed
    assert task.deal == "D-1" and [t.id for t in lead.tasks_for(deal.id)] == [task.id]
    with pytest.raises(Invalid, match="no deal D-9"):
        lead.add_task("Nothing to follow", deal="D-9")
    lead.move_task(task.id, "done")
    lead.add_task("Book the review", owner="ali", deal="D-1")
    assert [t.title for t in lead.tasks_for("D-1")] == ["Book the review", "Send the quote"]  # open first


def test_a_deleted_deal_leaves_its_tasks_unlinked(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Isdom pilot", owner="ali")
    task = lead.add_task("Send the quote", owner="ali", deal="D-1")
    lead.delete_deal("D-1")
    assert lead.task(task.id).deal is None
    lead.undo()
    assert lead.task(task.id).deal == "D-1"


def test_the_link_travels_in_a_plan_file(team, tmp_path) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Isdom pilot", owner="ali")
    lead.add_task("Send the quote", owner="ali", deal="D-1")
    text = dump_plan(lead.export_plan())
    assert "  deal: D-1\n" in text
    other = Board(tmp_path / "other", actor="dana")
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.task("T-3").deal == "D-1"
    broken = text.replace("  deal: D-1\n", "  deal: D-7\n")
    with pytest.raises(Exception, match=r"tasks\[2\]\.deal: D-7 is not a deal in this file or on the board"):
        Board(tmp_path / "third", actor="dana").import_plan(parse_plan_text(broken.encode()).document)
