"""store/peek.py (TAB completion) keeps its own copies, so that a TAB does not import the store
and its models: where each kind of item lives (board_core.HOMES), the fields it reads of them, and
how it writes a number (sales.goals.number). These tests fail when a copy and the original drift
apart, which completion would otherwise show only as fewer or other words on a TAB."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sales.goals import number
from sales.ids import PREFIXES
from store import peek
from store.board_core import HOMES, model_of

#: What peek's description of an item reads, by kind, besides its title (peek._described).
DESCRIBED_BY = {"task": {"status"}, "deal": {"stage"}, "checkin": {"goal", "value"},
                "spend": {"line", "amount", "note"}}
TITLES = ("title", "name", "topic", "text", "saved_at")


def fields_of(kind: str) -> set[str]:
    return set(model_of(kind).__struct_fields__)


@pytest.mark.parametrize("kind", sorted(peek.TABLES))
def test_peek_reads_each_kind_from_where_the_store_keeps_it(kind) -> None:
    assert peek.TABLES[kind] == HOMES[kind][:2]
    assert kind in PREFIXES  # (its ids are typed by their letter)


@pytest.mark.parametrize("kind", sorted(peek.TABLES))
def test_the_fields_peek_reads_are_the_models_own(kind) -> None:
    fields = fields_of(kind)
    assert DESCRIBED_BY.get(kind, set()) <= set(peek._Brief.__struct_fields__)
    assert DESCRIBED_BY.get(kind, set()) <= fields
    if kind not in ("checkin", "spend"):  # (said by what they hold: a goal and a value, a line and an amount)
        assert fields & set(TITLES), f"{kind}: none of {TITLES} to say which item an id is"


def test_the_accounts_peek_reads_are_the_deals_and_activities_own() -> None:
    assert peek._Account.__struct_fields__ == ("account",)
    assert "account" in fields_of("deal") and "account" in fields_of("touch")


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False)
       | st.integers(min_value=-10**7, max_value=10**7).map(lambda n: n / 1000))
@example(0.22499999999999998)  # 0.225 after arithmetic (0.45 * 0.5): 0.23 as the store writes it
@example(1.0049999999999999)
@example(2.675)
@example(0.125)
@example(-2.5)
@example(1_228_000.0)
@example(31.5)
@example(0.30000000000000004)
@example(-0.004)
@example(1e15)
@example(1e16)
def test_peek_writes_a_number_as_the_store_does(value) -> None:
    assert peek._number(value) == number(value)
