"""The CSV formula guard: whatever the text, the cell the board writes does not start like a
formula (ASCII or full-width, a tab, a carriage return), and reading the board's own cell back
gives the text exactly, a `'` of its own included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sales.text import formula_guarded, formula_unguarded
from tests.property.strategies import FUZZ
from tui.cli_output import csv_cell

# what a spreadsheet may run at the start of a cell, written out here rather than taken from the
# code under test; with the guard's own `'` and some plain letters
STARTS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
TEXTS = st.lists(st.sampled_from([*STARTS, "'", "a", "1", " ", "é", "表"]), max_size=8).map("".join) | st.text()


@FUZZ
@given(TEXTS)
def test_a_guarded_cell_runs_nothing_and_reads_back_exactly(text: str) -> None:
    cell = formula_guarded(text)
    assert not cell.startswith(tuple(STARTS))
    assert cell in (text, "'" + text)
    assert formula_unguarded(cell) == text


@FUZZ
@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_a_number_stays_a_number(value) -> None:
    assert csv_cell(value) == value and not isinstance(csv_cell(value), str)
    assert csv_cell(-12.5) == -12.5
