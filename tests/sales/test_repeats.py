"""Repeating tasks: what a person may type, and when the next occurrence falls."""

from __future__ import annotations

from datetime import date

import pytest

from sales.tasks import Step, Task, next_occurrence, normalize_repeat


@pytest.mark.parametrize(("typed", "repeat"), [
    ("week", "weekly"), ("Weekly", "weekly"), ("2w", "fortnightly"), ("2 weeks", "fortnightly"),
    ("biweekly", "fortnightly"), ("month", "monthly"), ("quarter", "quarterly"), ("day", "daily"),
    ("none", None), ("", None), ("never", None),
])
def test_what_a_person_may_type(typed, repeat) -> None:
    assert normalize_repeat(typed) == repeat


def test_anything_else_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="one of: daily, weekly, fortnightly, monthly, quarterly, or none"):
        normalize_repeat("every other tuesday")


def test_a_repeating_task_needs_a_due_date() -> None:
    with pytest.raises(ValueError, match="needs a due date"):
        Task(id="T-1", title="Review", every="weekly")


def task(due: date, every: str, start: date | None = None) -> Task:
    return Task(id="T-7", title="Weekly deal review", owner="dana", priority="high", due=due, start=start,
                every=every, goal="G-2", status="done", steps=[Step("walk the pipeline", done=True)])


def test_the_next_occurrence_is_the_same_work_one_step_on() -> None:
    fields = next_occurrence(task(date(2026, 11, 30), "weekly", start=date(2026, 11, 27)), date(2026, 11, 29))
    assert fields["due"] == date(2026, 12, 7) and fields["start"] == date(2026, 12, 4)
    assert fields["steps"] == [{"text": "walk the pipeline"}]  # unticked
    assert (fields["owner"], fields["priority"], fields["goal"], fields["every"], fields["previous"]) == \
        ("dana", "high", "G-2", "weekly", "T-7")


def test_done_late_it_skips_to_the_first_step_not_past() -> None:
    # due Mon Nov 2, done Wed Nov 18: Nov 9 and Nov 16 have passed, Nov 23 is next
    assert next_occurrence(task(date(2026, 11, 2), "weekly"), date(2026, 11, 18))["due"] == date(2026, 11, 23)
    # a step that falls on today counts
    assert next_occurrence(task(date(2026, 11, 2), "weekly"), date(2026, 11, 16))["due"] == date(2026, 11, 16)


def test_months_keep_their_day_without_drifting() -> None:
    def due(start: date, today: date) -> date:
        return next_occurrence(task(start, "monthly"), today)["due"]

    assert due(date(2027, 1, 31), date(2027, 1, 31)) == date(2027, 2, 28)
    assert due(date(2027, 1, 31), date(2027, 3, 1)) == date(2027, 3, 31)   # counted from Jan 31, not Feb 28
    assert due(date(2028, 1, 31), date(2028, 1, 31)) == date(2028, 2, 29)  # a leap year
    assert next_occurrence(task(date(2026, 11, 30), "quarterly"), date(2026, 11, 30))["due"] == date(2027, 2, 28)
    assert next_occurrence(task(date(2026, 12, 31), "daily"), date(2026, 12, 31))["due"] == date(2027, 1, 1)
    assert next_occurrence(task(date(2026, 12, 20), "fortnightly"), date(2026, 12, 21))["due"] == date(2027, 1, 3)
