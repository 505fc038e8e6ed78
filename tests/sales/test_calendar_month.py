"""A month's page of the plan's dates (the app's Calendar): whole weeks from Monday, the events
of each day, and which are overdue (open on a day gone by; a closed goal's deadline is not)."""

from __future__ import annotations

from datetime import date

from sales.calendar import CycleDays, plan_events
from sales.calendar_month import by_day, month_weeks, overdue
from sales.deals import DEFAULT_STAGES
from sales.goals import Closing, Goal
from sales.tasks import Task


def test_a_month_is_whole_weeks_from_monday() -> None:
    weeks = month_weeks(date(2026, 12, 10))
    assert [week[0] for week in weeks] == [date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 14),
                                           date(2026, 12, 21), date(2026, 12, 28)]
    assert all(len(week) == 7 for week in weeks) and weeks[-1][-1] == date(2027, 1, 3)
    assert len(month_weeks(date(2026, 2, 1))) == 5 and len(month_weeks(date(2027, 2, 1))) == 4  # (Feb 2027 starts on a Monday)


def test_a_month_from_sunday() -> None:
    """`week_start: sunday` (6, as date.weekday() counts): November 2026 starts on a Sunday and
    takes five weeks, where from Monday it takes six."""
    weeks = month_weeks(date(2026, 11, 18), 6)
    assert [week[0] for week in weeks] == [date(2026, 11, 1), date(2026, 11, 8), date(2026, 11, 15),
                                           date(2026, 11, 22), date(2026, 11, 29)]
    assert all(week[0].weekday() == 6 and len(week) == 7 for week in weeks) and weeks[-1][-1] == date(2026, 12, 5)
    assert len(month_weeks(date(2026, 11, 18))) == 6


def test_the_days_events_and_which_are_overdue() -> None:
    tasks = [Task(id="T-1", title="Call", owner="ali", due=date(2026, 12, 1)),
             Task(id="T-2", title="Quote", owner="ali", due=date(2026, 12, 1)),
             Task(id="T-3", title="Later", owner="bea", due=date(2026, 12, 12))]
    goals = [Goal(id="G-1", title="Grow", owner="dana", deadline=date(2026, 12, 2)),
             Goal(id="G-2", title="Done", owner="dana", deadline=date(2026, 12, 2),
                  closed=Closing(outcome="achieved", by="dana", on=date(2026, 12, 2)))]
    events = plan_events(tasks, [], goals, DEFAULT_STAGES, CycleDays("Q4", end=date(2026, 12, 1)))
    days = by_day(events)
    assert [e.item for e in days[date(2026, 12, 1)]] == ["", "T-1", "T-2"]  # the cycle's end first, then by id
    assert [e.title for e in days[date(2026, 12, 1)]] == ["Q4", "Call", "Quote"]
    today = date(2026, 12, 10)
    assert [e.item for e in events if overdue(e, today)] == ["T-1", "T-2", "G-1"]
