"""Numbers a person reads are rounded half up, as a person rounds them: 0.125 shows as 0.13,
not Python's 0.12 (round half to even, on a binary float a hair below 0.125 for some values)."""

from __future__ import annotations

import pytest

from sales.numbers import rounded


@pytest.mark.parametrize(("value", "digits", "options", "shown"), [
    (0.125, 2, {}, "0.13"),
    (2.5, 0, {}, "3"),
    (3.5, 0, {}, "4"),
    (2.675, 2, {}, "2.68"),          # the float is 2.67499999..., written 2.675
    (1234567.5, 0, {}, "1,234,568"),
    (1234567.5, 0, {"grouped": False}, "1234568"),
    (-2.5, 0, {}, "-3"),
    (-0.001, 2, {}, "0.00"),          # no "-0.00"
    (0.00125, 2, {"percent": True}, "0.13"),
    (0.0445, 1, {"percent": True}, "4.5"),
    (0.0125, 1, {"sign": True, "percent": True}, "+1.3"),
    (-0.0125, 1, {"sign": True, "percent": True}, "-1.3"),
    (1e30, 2, {}, "1,000,000,000,000,000,000,000,000,000,000.00"),
    (float("inf"), 2, {}, "inf"),
])
def test_rounded_half_up(value, digits, options, shown) -> None:
    assert rounded(value, digits, **options) == shown
