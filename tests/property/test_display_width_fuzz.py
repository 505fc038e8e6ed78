"""Widths the board lays cards and tables out by agree with the widths Rich draws them at (a
card's line measured wider than it is drawn leaves a ragged edge; narrower, it overflows), for
text mixing Latin, CJK, Hangul, combining marks, emoji sequences and invisible characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from sales.text import display_width
from tests.property.strategies import FUZZ

PIECES = [*"ab 1#·…—é中文한", "\u0301", "\u200d", "\ufe0f", "\u200b", "\u200f", "\ufeff", "\u00ad",
          "👨", "👩", "❤", "☀", "🏽", "\u20e3", "🚀", "\u0915\u093e"]


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_width_is_what_rich_draws(text: str) -> None:
    assert display_width(text) == cell_len(text)


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), st.integers(min_value=1, max_value=12))
def test_a_cut_fits_as_drawn_and_keeps_emoji_sequences_whole(text: str, width: int) -> None:
    from sales.text import cut, fit

    start = cut(text, width)
    assert text.startswith(start) and cell_len(start) <= width
    if start != text:  # (a joiner left at the edge would join the next line's character)
        assert not start.endswith("\u200d")
    assert cell_len(fit(text, width)) == width


@FUZZ
@given(st.lists(st.sampled_from([*PIECES, " ", "-"]), max_size=14).map("".join), st.integers(min_value=2, max_value=12))
def test_a_wrapped_line_is_no_wider_than_drawn(text: str, width: int) -> None:
    from sales.text import wrap_cells

    assert all(cell_len(line) <= width for line in wrap_cells(text, width))


def test_a_cut_before_a_character_leaves_no_joiner_at_its_edge() -> None:
    """Found by the property above: two joiners in a row were kept at the edge of a cut."""
    from sales.text import cut

    assert cut("a\u200d\u200da", 1) == "a"
    assert cut("a\u200d\u200db\u200d\u200dc", 2) == "a\u200d\u200db"
