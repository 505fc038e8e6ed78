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


@pytest.mark.parametrize(("value", "digits", "kept"), [
    (5.005, 2, 5.01),                # round() gives 5.0: the float is a hair below 5.005
    (1000.995, 2, 1001.0),           # round() gives 1000.99
    (2.5, 0, 3.0),                   # round() gives 2
    (-2.5, 0, -3.0),                 # half away from zero, as a clawback mirrors a commission
    (1001 * 0.5 / 100, 2, 5.01),     # a 0.5% commission on 1,001
    (0.285 * 100, 0, 29.0),          # 28.499999999999996: arithmetic's noise, not the number
    (1.1 * 3, 1, 3.3),
    (-0.004, 2, 0.0),
    (123456789.125, 2, 123456789.13),
])
def test_half_up_keeps_amounts_as_a_person_rounds_them(value, digits, kept) -> None:
    from sales.numbers import half_up

    assert half_up(value, digits) == kept
    assert str(half_up(-0.001, 2)) == "0.0"  # not -0.0


@pytest.mark.parametrize(("value", "money", "pct", "number"), [
    (0.125, "0.13", "0.1%", "0.13"),
    (2.675, "2.68", "2.7%", "2.68"),
    (70.65, "70.65", "70.7%", "70.65"),     # round(70.65, 1) is 70.7 only by luck of the float; 50.05 is not:
    (50.05, "50.05", "50.1%", "50.05"),     # round(50.05, 1) is 50.0
    (86.25, "86.25", "86.3%", "86.25"),     # round(86.25, 1) is 86.2 (half to even)
    (1234.005, "1,234.01", "1234%", "1,234.01"),
    (-0.004, "0.00", "0%", "0"),
])
def test_payouts_and_goals_write_amounts_and_percentages_half_up(value, money, pct, number) -> None:
    from sales.goals import number as goal_number
    from sales.payout import money as payout_money, pct as payout_pct

    assert (payout_money(value), payout_pct(value), goal_number(value)) == (money, pct, number)
