"""The pipeline's past, rebuilt from the activity log, is what the board held then.

Under any run of deal changes (adds, moves with and without a reason, edits of value, close
date and forecast category, deletes, undos and redos, refusals), with the clock moving on
between them: the deals rebuilt for any moment (sales.movement.states_at, behind the weekly
review's movement and the forecast's history, Board.deals_at) equal the deals the board held at that moment,
field for field; and each window's waterfall adds up: open at the start + net = open at the end.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import msgspec
from hypothesis import event, given
from hypothesis import strategies as st

from sales.deals import Deal
from sales.errors import UpliftError
from store.board import Board
from tests.property.strategies import FUZZ

DEALS = st.sampled_from(("D-1", "D-2", "D-3", "D-4"))
STAGES = st.sampled_from(("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"))
CHANGES = st.one_of(  # (method, positional arguments, keyword arguments)
    st.tuples(st.just("add_deal"), st.tuples(st.sampled_from(("Acme", "Beta", "Gamma"))),
              st.fixed_dictionaries({"value": st.integers(0, 50_000)}, optional={"stage": STAGES})),
    st.tuples(st.just("move_deal"), st.tuples(DEALS, STAGES, st.sampled_from((None, "", "price", "timing"))),
              st.just({})),
    st.tuples(st.just("update_deal"), st.tuples(DEALS), st.fixed_dictionaries({}, optional={
        "value": st.integers(0, 90_000), "close": st.sampled_from(("2026-12-10", "2027-01-15", "")),
        "forecast": st.sampled_from(("auto", "commit", "omit")), "title": st.sampled_from(("New name", "Acme")),
        "lost_reason": st.sampled_from(("", "competitor"))})),
    st.tuples(st.just("delete_deal"), st.tuples(DEALS), st.just({})),
    st.tuples(st.just("undo"), st.just(()), st.just({})),
    st.tuples(st.just("redo"), st.just(()), st.just({})),
)


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment


def as_models(state: dict[str, dict]) -> dict[str, Deal]:
    return {key: msgspec.convert(doc, Deal) for key, doc in state.items()}


def held(board: Board) -> dict[str, dict]:
    return {deal.id: msgspec.to_builtins(deal) for deal in board.deals()}


@FUZZ
@given(st.lists(st.tuples(CHANGES, st.integers(0, 3 * 24 * 60)), min_size=1, max_size=25))
def test_the_rebuilt_past_is_what_the_board_held(steps) -> None:
    clock = Clock()
    with tempfile.TemporaryDirectory() as folder:
        board = Board(Path(folder) / "b", actor="dana", clock=clock)
        board.add_deal("Seed one", value=1000, stage="Proposal", close="2026-12-01")
        board.add_deal("Seed two", value=2500, stage="Won")
        moments, seen, made = [], [], 0
        for (name, args, options), minutes in steps:
            clock.moment += timedelta(minutes=minutes + 1)  # (never two changes at one moment)
            try:
                getattr(board, name)(*args, **options)
                made += 1
            except UpliftError:
                pass  # refused (no such deal, nothing to undo): the board is as it was
            clock.moment += timedelta(seconds=30)
            moments.append(clock.moment)
            seen.append(held(board))
        event(f"changes made: {min(made, 10)}{'+' if made >= 10 else ''}")
        clock.moment += timedelta(hours=1)
        rebuilt = board.deals_at(moments)
        # as models: a field at its default may be left out of a stored document, or written
        assert [as_models(state) for state in rebuilt] == [as_models(state) for state in seen]
        start, end = moments[0], moments[-1]
        moved = board.movement(start, end)
        assert round(moved.open_start[1] + moved.net, 2) == moved.open_end[1]
