"""The store API under arbitrary text, dates, numbers and ids: every call either succeeds or
raises one of Uplift's errors (UpliftError: Invalid, Refused, NotFound); a failed call writes
nothing; the files always decode; and stored text never holds a control character."""

from __future__ import annotations

import msgspec
from hypothesis import event, given
from hypothesis import strategies as st

from sales.errors import UpliftError
from store.board import Board
from tests.conftest import snapshot_files
from tests.property.strategies import (
    FUZZ,
    UNSAFE,
    dates,
    every_file_decodes,
    ids,
    maybe_texts,
    names,
    numbers,
    texts,
)

steps = st.one_of(st.lists(st.fixed_dictionaries({"text": texts}, optional={"done": st.booleans()}), max_size=3),
                  st.lists(texts, max_size=2), texts)
_valid_statuses = st.sampled_from(("todo", "doing", "blocked", "done", "in progress", "WIP"))
_tasks = st.sampled_from(("T-1", "T-2", "T-3"))
task_ids = st.one_of(_tasks, _tasks, ids)
statuses = st.one_of(_valid_statuses, _valid_statuses, texts)

CALLS = st.one_of(
    st.tuples(st.just("add_task"), texts, st.fixed_dictionaries({}, optional={
        "owner": names, "due": dates, "start": dates, "status": statuses, "priority": texts,
        "goal": ids, "strategy": ids, "steps": steps, "expected_result": maybe_texts, "measure": maybe_texts})),
    st.tuples(st.just("update_task"), task_ids, st.fixed_dictionaries({}, optional={
        "title": maybe_texts, "owner": names, "due": dates, "status": statuses, "steps": steps})),
    st.tuples(st.just("move_task"), task_ids, statuses),
    st.tuples(st.just("toggle_step"), task_ids, st.integers(-3, 5)),
    st.tuples(st.just("delete_task"), task_ids),
    st.tuples(st.just("add_goal"), texts, st.fixed_dictionaries({}, optional={
        "metric": maybe_texts, "target": numbers, "baseline": numbers, "unit": maybe_texts, "owner": names,
        "deadline": dates, "description": maybe_texts})),
    st.tuples(st.just("checkin"), ids, numbers, texts, texts),
    st.tuples(st.just("add_strategy"), texts, st.fixed_dictionaries({}, optional={
        "dimension": texts, "goals": st.lists(ids, max_size=2)})),
    st.tuples(st.just("add_deal"), texts, st.fixed_dictionaries({}, optional={
        "account": maybe_texts, "value": numbers, "stage": texts, "close": dates, "owner": names,
        "next_step": maybe_texts})),
    st.tuples(st.just("move_deal"), ids, texts),
    st.tuples(st.just("add_note"), texts, st.sampled_from(("interview", "feedback", "x")),
              st.lists(texts, max_size=2), texts),
    st.tuples(st.just("snooze"), texts, dates, texts),
    st.tuples(st.just("add_member"), names, texts),
    st.tuples(st.just("log_activity"), texts, texts),
    st.tuples(st.just("add_coaching_note"), names, texts),
)


def call(board: Board, name: str, *args):
    if args and isinstance(args[-1], dict):
        return getattr(board, name)(*args[:-1], **args[-1])
    return getattr(board, name)(*args)


def stored_text_is_clean(board: Board) -> None:
    for items in (board.tasks(), board.goals(), board.strategies(), board.deals(), board.notes(),
                  board.checkins(), board.touches(), board.members()):
        for item in items:
            for value in _strings(msgspec.to_builtins(item)):
                assert not UNSAFE.search(value.replace("\n", "").replace("\t", "")), (item, value)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("next_step", "description", "expected_result", "measure", "note", "comment", "text"):
                yield from _strings(inner)
            elif isinstance(inner, str):
                yield inner.replace("\n", " ")
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


@FUZZ
@given(calls=st.lists(CALLS, min_size=1, max_size=8), actor=st.sampled_from(("dana", "dana", "ali", "stranger")))
def test_any_call_succeeds_or_fails_cleanly_and_writes_nothing_when_it_fails(team, calls, actor) -> None:
    board = Board(team, actor=actor)
    for name, *args in calls:
        before = snapshot_files(team)
        try:
            call(board, name, *args)
            event(f"{name} done")
        except UpliftError:
            event(f"{name} refused")
            assert snapshot_files(team) == before, f"{name} failed but wrote"
        every_file_decodes(team)
    reopened = Board(team, actor="dana")
    stored_text_is_clean(reopened)
    reopened.history()
