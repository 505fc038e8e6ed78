"""A task's checklist written into one CSV cell (`task list --csv`) and read back (`task
import`) is the same checklist, whatever its steps say: a `; [ ]` that looks like the next step
(the cell of a lone step is read as steps typed in one line), backslashes, boxes, CJK, payloads."""

from __future__ import annotations

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from sales.task_rows import read_steps, steps_text
from sales.tasks import Step
from tests.property.strategies import FUZZ, texts

#: Step texts made to look like the cell's own syntax, mixed with any text.
tricky = st.lists(st.sampled_from(("; [ ] ", ";[x]", "; [X] x", "[]", "[ ]", ";", "\\", "\\;", "\\\\", " ", "Call",
                                   "C:\\temp", "x")), max_size=8).map("".join)
step_texts = st.one_of(texts, tricky, st.lists(st.one_of(texts, tricky), max_size=3).map("".join))


@st.composite
def checklists(draw) -> list[Step]:
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        try:  # (a text the model refuses, one of only spaces, is no step)
            steps.append(msgspec.convert({"text": draw(step_texts)[:200], "done": draw(st.booleans())}, Step))
        except msgspec.ValidationError:
            continue
    return steps


@FUZZ
@given(checklists())
def test_a_steps_cell_reads_back_as_written(steps: list[Step]) -> None:
    read = [msgspec.convert(step, Step) for step in read_steps(steps_text(steps))]
    assert read == steps
