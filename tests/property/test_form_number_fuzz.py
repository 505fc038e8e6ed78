"""A number a form puts in its box (tui.number_text.form_number) is read back by the form's parser
(sales.numbers.parse_number) as the same number, whatever its size: no exponent, no rounding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sales.numbers import parse_number
from tests.property.strategies import FUZZ
from tui.number_text import form_number


@FUZZ
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18),
       st.booleans())
def test_a_number_in_a_form_reads_back_as_itself(value: float, sign: bool) -> None:
    shown = form_number(value, sign=sign)
    assert "e" not in shown.lower()
    assert parse_number(shown) == value
