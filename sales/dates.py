"""Dates as people type them: ISO, `today`, `tomorrow`, `+3d`, `-2w`, `fri`."""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
         "fri": "friday", "sat": "saturday", "sun": "sunday"}
_OFFSET = re.compile(r"^([+-])(\d{1,4})([dwm])$")


class DateError(ValueError):
    """The text is not a date this module understands; the message says what is accepted."""


def parse_date(text: str, today: date) -> date:
    """A date from what a person typed, relative to `today` where the text is relative.

    A weekday name (`fri`, `friday`) means the next such day after today (`fri` on a Friday is
    a week later).
    """
    word = text.strip().lower()
    if word in ("today", "now"):
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    match = _OFFSET.match(word)
    if match:
        sign, count, unit = match.groups()
        days = int(count) * {"d": 1, "w": 7, "m": 30}[unit]
        return today + timedelta(days=days if sign == "+" else -days)
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and _FULL[name].startswith(word):
            ahead = (index - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise DateError(
            f"{text!r} is not a date: use YYYY-MM-DD, today, tomorrow, +3d, -1w or a weekday (fri)"
        ) from None
