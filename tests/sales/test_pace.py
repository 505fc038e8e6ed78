"""The pace arithmetic: share of the way covered against share of the time gone."""

from __future__ import annotations

from datetime import date, datetime, timezone

import msgspec
import pytest

from sales.goals import CheckIn, Goal
from sales.pace import pace, progress, time_share

START, DEADLINE = date(2026, 10, 1), date(2026, 12, 31)  # 91 days apart


def goal(**fields) -> Goal:
    base = {"id": "G-1", "title": "Grow revenue", "baseline": 1_200_000.0, "target": 1_380_000.0,
            "start": "2026-10-01", "deadline": "2026-12-31"}
    return msgspec.convert({**base, **fields}, Goal)


def checkin(number: int, value: float, day: int) -> CheckIn:
    return CheckIn(id=f"C-{number}", goal="G-1", value=value, by="dana",
                   at=datetime(2026, 11, day, 9, tzinfo=timezone.utc))


@pytest.mark.parametrize("today, share", [
    (date(2026, 9, 1), 0.0),            # before the start
    (date(2026, 10, 1), 0.0),
    (date(2026, 11, 26), 56 / 91),      # 31 days of October + 25 of November
    (date(2026, 12, 31), 1.0),
    (date(2027, 2, 1), 1.0),            # after the deadline
])
def test_time_share(today, share) -> None:
    assert time_share(START, DEADLINE, today) == pytest.approx(share)


def test_pace_compares_progress_with_a_steady_pace() -> None:
    # 1.2M -> 1.38M is 180,000 to go; the latest check-in, 1,286,400, has covered 86,400 = 48%
    checkins = [checkin(2, 1_286_400.0, 20), checkin(1, 1_250_000.0, 5)]
    result = pace(goal(), checkins, date(2026, 11, 26))
    assert result.current == 1_286_400.0
    assert result.progress == pytest.approx(0.48)
    assert result.expected == pytest.approx(56 / 91)
    assert result.expected_value == pytest.approx(1_200_000 + 180_000 * 56 / 91)
    assert result.behind
    assert result.describe() == "48% of the way from baseline to target, 62% expected by now"


def test_ahead_of_pace_is_not_behind() -> None:
    result = pace(goal(), [checkin(1, 1_350_000.0, 20)], date(2026, 11, 26))
    assert result.progress == pytest.approx(150_000 / 180_000) and not result.behind


def test_without_check_ins_the_goal_stands_at_its_baseline() -> None:
    result = pace(goal(), [], date(2026, 11, 26))
    assert (result.current, result.progress) == (1_200_000.0, 0.0)


def test_the_start_defaults_to_the_plan_period() -> None:
    result = pace(goal(start=None), [], date(2026, 11, 26), period_start=START)
    assert result.expected == pytest.approx(56 / 91)
    assert pace(goal(start=None), [], date(2026, 11, 26)).expected is None


def test_progress_of_a_percent_target_and_a_decrease() -> None:
    assert progress(goal(baseline=200.0, target=10.0, target_kind="percent"), 210.0) == pytest.approx(0.5)
    assert progress(goal(baseline=40.0, target=30.0, direction="decrease"), 35.0) == pytest.approx(0.5)


def test_staying_above_is_met_or_not_all_along() -> None:
    above = goal(baseline=60.0, target=50.0, direction="above")
    assert progress(above, 55.0) == 1.0 and progress(above, 45.0) == 0.0
    result = pace(above, [checkin(1, 45.0, 2)], date(2026, 10, 2))
    assert result.expected == 1.0 and result.behind


def test_values_are_written_with_their_unit_as_people_write_them() -> None:
    from sales.goals import with_unit
    from sales.pace import describe_expected, describe_value

    assert describe_value(1200000, "$") == "$1,200,000" and describe_value(-5, "€") == "-€5"
    assert describe_value(34.5, "%") == "34.5%" and describe_value(9, "customers") == "9 customers"
    assert describe_value(None, "$") == "–" and with_unit("12", "") == "12"
    # where a steady pace would be: whole from 100 up, else one decimal
    assert describe_expected(1310769.23, "$") == "$1,310,769" and describe_expected(11.48, "customers") == "11.5 customers"
