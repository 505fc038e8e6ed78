"""Numbers and targets as people type them."""

from __future__ import annotations

import pytest

from sales.goals import parse_target
from sales.numbers import parse_number


@pytest.mark.parametrize("text, value", [
    ("1,200,000", 1_200_000.0), ("1.2M", 1_200_000.0), ("250k", 250_000.0), ("31.5", 31.5),
    ("$5,000", 5000.0), ("-3", -3.0), ("4.8万", 48_000.0), ("1.2亿", 120_000_000.0),
    ("12,5", 12.5), ("12,5%", 12.5), ("1,5M", 1_500_000.0), ("1.234,56", 1234.56),  # decimal commas
])
def test_numbers(text, value) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "lots", "nan", "1e999", "12,3456", "1,2,3", "1.2.3"])
def test_not_numbers(text) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_targets_absolute_or_percent() -> None:
    assert parse_target("1.38M") == (1_380_000.0, "absolute")
    assert parse_target("+15%") == (15.0, "percent")
    assert parse_target("-8 %") == (-8.0, "percent")
