"""A deal's payments written into one CSV cell (`deal list --csv`) and read back (`deal
import`) are the same payments, whatever their notes say: a `;`, a `; 2026-11-20 3000.00` that
looks like the next payment, backslashes, CJK, payloads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sales.deal_fields import parse_day, parse_payments, payments_text
from sales.deals import Payment
from tests.property.strategies import FUZZ, texts

#: Notes made to look like the cell's own syntax, mixed with any text.
tricky = st.lists(st.sampled_from(("; 2026-11-20 3000.00", ";", "\\", "\\;", "\\\\", " ", "INV-1", "2026-01-02 ",
                                   "; 2026-11-20", ";;", "x")), max_size=8).map("".join)
notes = st.one_of(texts, tricky, st.lists(st.one_of(texts, tricky), max_size=3).map("".join))


@st.composite
def payments(draw) -> list[Payment]:
    return [Payment(amount=draw(st.integers(1, 10**11)) / 100, on=draw(st.dates()), note=draw(notes)[:2000])
            for _ in range(draw(st.integers(0, 5)))]


@FUZZ
@given(payments())
def test_a_payments_cell_reads_back_as_written(paid: list[Payment]) -> None:
    read = parse_payments(payments_text(paid))
    assert read == [{"amount": p.amount, "on": p.on, "note": p.note} for p in paid]


def test_a_note_that_looks_like_a_payment_stays_a_note() -> None:
    paid = [Payment(amount=12000, on=parse_day("2026-11-03"), note="INV-1; 2026-11-20 3000.00 promised")]
    cell = payments_text(paid)
    assert cell == "2026-11-03 12000.00 INV-1\\; 2026-11-20 3000.00 promised"
    assert parse_payments(cell) == [{"amount": 12000, "on": paid[0].on, "note": "INV-1; 2026-11-20 3000.00 promised"}]


def test_a_hand_written_cell_keeps_its_plain_semicolons_and_backslashes() -> None:
    assert [p["note"] for p in parse_payments("2026-11-03 12000 INV-1; first half; 2026-11-20 3000 C:\\scans")] \
        == ["INV-1; first half", "C:\\scans"]


