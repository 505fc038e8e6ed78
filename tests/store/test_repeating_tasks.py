"""A repeating task on a board: done, it makes its next occurrence in the same change (so one
undo takes both back); a reopened and re-done one makes no second; a rep's own repeats too."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.errors import Invalid
from store.board import Board

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)


@pytest.fixture
def lead(team) -> Board:
    return Board(team, actor="dana", clock=lambda: NOW)


def test_done_it_makes_the_next_one(lead, team) -> None:
    lead.update_task("T-1", due="2026-12-01", every="weekly", steps=[{"text": "agenda", "done": True}])
    rep = Board(team, actor="ali", clock=lambda: NOW)  # T-1 is ali's
    done = rep.move_task("T-1", "done")
    after = rep.next_of("T-1")
    assert done.status == "done" and done.every == "weekly"
    assert (after.id, after.title, after.owner, after.due, after.status) == ("T-3", "Call Acme", "ali",
                                                                               date(2026, 12, 8), "todo")
    assert after.previous == "T-1" and after.every == "weekly" and not after.steps[0].done
    assert [r.action for r in rep.history(item="T-3")] == ["task.add"] and rep.history(item="T-3")[0].actor == "ali"


def test_reopened_and_done_again_it_makes_no_second(lead) -> None:
    lead.update_task("T-1", due="2026-12-01", every="weekly")
    lead.move_task("T-1", "done")
    lead.move_task("T-1", "doing")
    lead.move_task("T-1", "done")
    assert [t.id for t in lead.tasks() if t.previous == "T-1"] == ["T-3"]
    assert len(lead.tasks()) == 3


def test_one_undo_takes_back_the_done_and_the_next(lead) -> None:
    lead.update_task("T-1", due="2026-12-01", every="monthly")
    lead.move_task("T-1", "done")
    assert lead.next_of("T-1").due == date(2027, 1, 1)
    lead.undo()
    assert lead.task("T-1").status == "todo" and lead.next_of("T-1") is None
    lead.redo()
    assert lead.task("T-1").status == "done" and lead.next_of("T-1").id == "T-3"


def test_a_repeat_needs_a_due_date(lead) -> None:
    with pytest.raises(Invalid, match="needs a due date"):
        lead.update_task("T-2", every="weekly")  # T-2 has no due date
    lead.update_task("T-1", due="2026-12-01", every="weekly")
    with pytest.raises(Invalid):
        lead.update_task("T-1", due=None)
    assert lead.update_task("T-1", every=None).every is None
