"""The plan's dates on a month's page (the app's Calendar screen): the month's weeks as rows of
days, each day with the events that fall on it (sales/calendar.py's, the same `uplift calendar`
writes), and which of them are overdue. Nothing here is stored or drawn."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from sales.calendar import Event

#: The week's first day by default (Monday, 0, as ISO weeks and Chinese calendars start it; Sunday
#: is 6, which the app takes from the user's `week_start: sunday`, tui/user_config.py).
FIRST_WEEKDAY = 0


def month_weeks(day: date, first_weekday: int = FIRST_WEEKDAY) -> list[list[date]]:
    """The weeks of `day`'s month, seven days each from `first_weekday`: the first and last
    weeks hold days of the months beside it, so that every row is a whole week."""
    return calendar.Calendar(first_weekday).monthdatescalendar(day.year, day.month)


def by_day(events: Iterable[Event]) -> dict[date, list[Event]]:
    """The events of each day, in the order given (plan_events': by day, the cycle's days first, then id)."""
    days: dict[date, list[Event]] = {}
    for event in events:
        days.setdefault(event.day, []).append(event)
    return days


def overdue(event: Event, today: date) -> bool:
    """An item still open on a day gone by: a task not done, a deal not won or lost, a goal not
    closed nor carried on (plan_events leaves out the done tasks and closed deals; a goal is kept, closed)."""
    return bool(event.item) and event.open and event.day < today
