"""Tasks that wait for other tasks: the links are checked, a loop is refused naming it, a
deleted task is taken out of what waits for it, and the links travel in plan files."""

from __future__ import annotations

import pytest

from sales.errors import Invalid
from sales.tasks import waiting_on
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text


@pytest.fixture
def lead(team) -> Board:
    board = Board(team, actor="dana")
    board.add_task("Get legal sign-off", owner="ali")  # T-3
    board.add_task("Send the offer", owner="ali", depends=["t3"])  # T-4
    return board


def test_what_a_task_waits_for(lead) -> None:
    offer = lead.task("T-4")
    assert offer.depends == ["T-3"]
    by_id = {t.id: t for t in lead.tasks()}
    assert waiting_on(offer, by_id) == ["T-3"]
    lead.move_task("T-3", "done")
    assert waiting_on(lead.task("T-4"), {t.id: t for t in lead.tasks()}) == []
    with pytest.raises(Invalid, match="no task T-99"):
        lead.update_task("T-4", depends=["T-99"])


def test_a_loop_is_refused_naming_it(lead) -> None:
    lead.update_task("T-1", depends=["T-4"])
    with pytest.raises(Invalid, match=r"T-3 would wait for itself \(T-3 → T-1 → T-4 → T-3\)"):
        lead.update_task("T-3", depends=["T-1"])
    with pytest.raises(Invalid, match=r"T-2 would wait for itself \(T-2 → T-2\)"):
        lead.update_task("T-2", depends=["T-2"])
    assert lead.task("T-3").depends == []


def test_a_deleted_task_is_taken_out_of_what_waits_for_it(lead) -> None:
    lead.update_task("T-4", depends=["T-3", "T-1"])
    lead.delete_task("T-3")
    assert lead.task("T-4").depends == ["T-1"]
    assert lead.history(item="T-4")[0].actor == "dana"


def test_the_links_travel_in_plan_files(lead, tmp_path) -> None:
    text = dump_plan(lead.export_plan())
    assert "  depends: [T-3]\n" in text
    other = Board(tmp_path / "other", actor="dana")
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.task("T-4").depends == ["T-3"]
    with pytest.raises(Exception, match=r"tasks\[3\]\.depends\[0\]: T-8 is not a task in this file or on the board"):
        Board(tmp_path / "third", actor="dana").import_plan(
            parse_plan_text(text.replace("depends: [T-3]", "depends: [T-8]").encode()).document)


def test_a_plan_file_may_not_make_a_loop(lead) -> None:
    from store.plan_io import PlanInvalid

    text = "tasks:\n- id: T-3\n  title: Get legal sign-off\n  owner: ali\n  depends: [T-4]\n"
    with pytest.raises(PlanInvalid) as raised:  # T-4 (on the board) waits for T-3
        lead.import_plan(parse_plan_text(text.encode()).document)
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("tasks[0].depends", "T-3 would wait for itself (T-3 → T-4 → T-3)")]
    assert lead.task("T-3").depends == []
