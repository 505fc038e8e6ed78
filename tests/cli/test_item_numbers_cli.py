"""Commands that take the number of an item in a list (a task's step, a checklist item, a
gap-analysis question) judge it alike: a number past the end is "not found" (exit 1, naming the
number and how many there are); a word, 0 or a negative number is bad input (exit 2). Neither
writes anything."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files

# What each command numbers and how many there are: T-1 gets two steps below; the weekly review
# and the end-of-cycle review have nine items, the gap analysis five questions (plans/*.yaml).
COMMANDS = [
    (("task", "tick", "T-1"), (), "T-1 has no step {n} (it has 2)"),
    (("weekly",), (), "the weekly checklist has no item {n} (it has 9)"),
    (("review", "tick"), (), "the review checklist has no item {n} (it has 9)"),
    (("review", "answer"), ("Prices fell",), "the gap analysis has no question {n} (it has 5)"),
]


@pytest.fixture
def stepped(run):
    assert run("task", "edit", "T-1", "--step", "list them", "--step", "call")[0] == 0
    return run


@pytest.mark.parametrize(("command", "rest", "reason"), COMMANDS)
@pytest.mark.parametrize("number", [10, 99999])
def test_a_number_past_the_end_is_not_found(stepped, team, command, rest, reason, number) -> None:
    before = snapshot_files(team)
    code, out, err = stepped(*command, str(number), *rest)
    assert (code, out, err) == (1, "", f"uplift: {reason.format(n=number)}\n")
    assert snapshot_files(team) == before


@pytest.mark.parametrize(("command", "rest", "reason"), COMMANDS)
@pytest.mark.parametrize("number", ["0", "-1", "two", "1.5", ""])
def test_a_number_that_is_no_item_number_is_bad_input(stepped, team, command, rest, reason, number) -> None:
    before = snapshot_files(team)
    code, out, err = stepped(*command, number, *rest)
    assert code == 2 and out == ""
    assert f"argument N: {number!r} is not a number from 1 up" in err
    assert "Traceback" not in err
    assert snapshot_files(team) == before


@pytest.mark.parametrize(("command", "rest", "reason"), COMMANDS)
def test_the_last_item_is_found(stepped, command, rest, reason) -> None:
    last = int(reason.rsplit("has ", 1)[1].rstrip(")"))
    assert stepped(*command, str(last), *rest)[0] == 0
