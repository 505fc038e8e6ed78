"""Undo and redo under arbitrary changes: whatever a lead did (hostile text, ids that may not
exist, deletes that unlink), undoing every change of theirs gives back exactly the board they
started from, redoing them all gives back the board they made, and no undo ever leaves a file
that does not decode."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from sales.errors import NotFound, UpliftError
from store.board import Board
from tests.property.strategies import FUZZ, every_file_decodes, ids, texts
from tests.property.test_store_fuzz import CALLS, call

DELETES_AND_EDITS = st.one_of(
    st.tuples(st.just("delete_goal"), ids),
    st.tuples(st.just("delete_strategy"), ids),
    st.tuples(st.just("delete_deal"), ids),
    st.tuples(st.just("update_strategy"), ids, st.fixed_dictionaries({}, optional={
        "title": texts, "goals": st.lists(ids, max_size=2)})),
    st.tuples(st.just("update_goal"), ids, st.fixed_dictionaries({}, optional={"title": texts})),
    # changes that succeed, so that long runs of them get undone
    st.tuples(st.just("move_deal"), st.sampled_from(("D-1", "D-2")),
              st.sampled_from(("Lead", "Qualified", "Proposal", "Won", "Lost"))),
    st.tuples(st.just("move_task"), st.sampled_from(("T-1", "T-2", "T-3")), st.sampled_from(("doing", "done"))),
    st.tuples(st.just("checkin"), st.sampled_from(("G-1", "G-2")), st.integers(0, 100)),
    st.tuples(st.just("delete_goal"), st.sampled_from(("G-1", "G-2"))),
)


def seeded(path: Path) -> None:
    """A board set up by someone else (the lead "setup"), so that every change an undo can
    reach is the other lead's own."""
    setup = Board(path, actor="setup")
    for title in ("Call Acme", "Visit Beta", "Write the script"):
        setup.add_task(title)
    setup.add_goal("Grow revenue")
    setup.add_goal("Win new logos")
    setup.add_strategy("Mid-market", goals=["G-1", "G-2"])
    setup.update_task("T-1", goal="G-1", strategy="S-1")
    setup.checkin("G-1", 3)
    setup.add_deal("Acme renewal", value=1000)
    setup.add_deal("Beta pilot", value=400)
    setup.add_member("setup", "lead")
    setup.add_member("dana", "lead")
    setup.add_member("ali", "rep")


def state(board: Board) -> dict:
    return {"tasks": board.tasks(), "goals": board.goals(), "strategies": board.strategies(),
            "checkins": board.checkins(), "deals": board.deals(), "notes": board.notes(),
            "touches": board.touches(), "members": board.members()}


@FUZZ
@given(calls=st.lists(st.one_of(CALLS, DELETES_AND_EDITS), min_size=1, max_size=10))
def test_undoing_every_change_gives_back_the_board_it_started_from_and_redoing_the_end(calls) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "board"
        seeded(path)
        lead = Board(path, actor="dana")
        start = state(lead)
        for name, *args in calls:
            try:
                call(lead, name, *args)
                event(f"{name} done")
            except UpliftError:
                pass
        end = state(lead)
        undone = 0
        while True:
            try:
                lead.undo()
            except NotFound:
                break
            undone += 1
            every_file_decodes(path)
        event(f"{min(undone, 5)}{'+' if undone >= 5 else ''} changes undone")
        assert state(Board(path, actor="dana")) == start
        with pytest.raises(NotFound):
            lead.undo()
        for _ in range(undone):  # and redoing them all makes every change again
            lead.redo()
        assert state(Board(path, actor="dana")) == end
        with pytest.raises(NotFound):
            lead.redo()
