"""Naming a week: ISO weeks, relative words and any date in the week."""

from __future__ import annotations

from datetime import date

import pytest

from sales.dates import DateError, parse_week

TODAY = date(2026, 11, 26)  # a Thursday in 2026-W48; its Monday is the 23rd


@pytest.mark.parametrize("text, monday", [
    ("2026-W48", date(2026, 11, 23)), ("2026w1", date(2025, 12, 29)), ("2026-W53", date(2026, 12, 28)),
    ("this", date(2026, 11, 23)), ("last week", date(2026, 11, 16)), ("next", date(2026, 11, 30)),
    ("today", date(2026, 11, 23)), ("-1w", date(2026, 11, 16)), ("2026-11-29", date(2026, 11, 23)),
    ("本周", date(2026, 11, 23)), ("上周", date(2026, 11, 16)), ("下周", date(2026, 11, 30)),
    ("今天", date(2026, 11, 23)), ("-1周", date(2026, 11, 16)),
])
def test_a_week_is_its_monday(text, monday) -> None:
    assert parse_week(text, TODAY) == monday


def test_a_week_past_the_years_end_is_refused() -> None:
    with pytest.raises(DateError, match="not a week of 2025 \\(weeks run 1 to 52\\)"):
        parse_week("2025-W53", TODAY)
