"""How a goal is doing: progress from baseline to target, against a steady pace to the deadline.

A steady pace means the metric moves in a straight line from the baseline on the start day to
the target on the deadline, so by today it should have covered the share of the way that equals
the share of the time gone. A goal carried on into a cycle after it began (`goal carry` a week
late) starts that line on the day it was carried on, where its baseline was taken: a lead expects
it on pace that day, not a week behind. A "stay above/below" goal has no way to cover: it should
meet its target all along, so its expected progress is 100% and its progress is 100% or 0%.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import msgspec

from sales.goals import CheckIn, Goal, number, target_value, with_unit
from sales.ids import in_order
from sales.numbers import half_up, rounded


class Pace(msgspec.Struct, frozen=True):
    current: float | None  # the latest check-in's value, else the baseline (or rolled up)
    progress: float | None  # share of the way from baseline to target (may be < 0 or > 1)
    expected: float | None  # share of the way a steady pace would have covered by today
    expected_value: float | None  # where the metric should be today at a steady pace
    behind: bool  # progress is short of the steady pace
    # what the goal lacks for the progress ("baseline", "target") or, with progress, for the
    # pace ("start", "deadline"): the note says exactly that, not both of a pair when one is there
    missing: tuple[str, ...] = ()

    def describe(self) -> str:
        needs = " and ".join(f"a {name}" for name in self.missing)
        if self.progress is None:
            return f"no progress to measure (needs {needs or 'a baseline and a target'})"
        if self.expected is None:
            return f"{percent(self.progress)} of the way from baseline to target (needs {needs or 'a start and a deadline'} to judge the pace)"
        return f"{percent(self.progress)} of the way from baseline to target, {percent(self.expected)} expected by now"


def time_share(start: date, deadline: date, today: date) -> float:
    """The share of the time from start to deadline gone by today, from 0 to 1."""
    if today <= start:
        return 0.0 if deadline > start else 1.0 * (today >= deadline)
    if today >= deadline:
        return 1.0
    return (today - start).days / (deadline - start).days


def pace_start(goal: Goal, period_start: date | None = None) -> date | None:
    """The day the goal's steady pace starts: its start (else the plan's), or the day it was
    carried on into the cycle when that is later."""
    start = goal.start or period_start
    if start is not None and goal.carried_on is not None and goal.carried_on > start:
        return goal.carried_on
    return start


def progress(goal: Goal, value: float) -> float | None:
    """How far `value` has come from the baseline to the target (1.0 = there)."""
    target = target_value(goal)
    if goal.baseline is None or target is None:
        return None
    if goal.direction == "above":
        return 1.0 if value >= target else 0.0
    if goal.direction == "below":
        return 1.0 if value <= target else 0.0
    if target == goal.baseline:
        return 1.0
    return (value - goal.baseline) / (target - goal.baseline)


def pace(goal: Goal, checkins: Sequence[CheckIn], today: date, period_start: date | None = None) -> Pace:
    """The goal's pace today; `checkins` are its own, any order; the start defaults to the plan's."""
    latest = max(checkins, key=lambda c: (c.at, in_order(c.id)), default=None)
    return pace_at(goal, latest.value if latest else goal.baseline, today, period_start)


def pace_at(goal: Goal, current: float | None, today: date, period_start: date | None = None) -> Pace:
    """The goal's pace today, standing at `current` (a rolled-up goal's comes from sales/rollup.py)."""
    done = progress(goal, current) if current is not None else None
    start = pace_start(goal, period_start)
    target = target_value(goal)
    if done is None:
        return Pace(current, done, None, None, False,
                    tuple(name for name, given in (("baseline", goal.baseline), ("target", goal.target)) if given is None))
    if start is None or goal.deadline is None:
        return Pace(current, done, None, None, False,
                    tuple(name for name, given in (("start", start), ("deadline", goal.deadline)) if given is None))
    if goal.direction in ("above", "below"):
        expected = 1.0
        expected_value = target
    else:
        expected = time_share(start, goal.deadline, today)
        expected_value = goal.baseline + expected * (target - goal.baseline)
    return Pace(current, done, expected, expected_value, short_of(done, expected))


def in_points(share: float) -> float:
    """A share as the percentage every pace message says (34.4: one decimal, half up)."""
    return half_up(share * 100, 1)


def short_of(done: float, expected: float) -> bool:
    """Behind pace, judged on the percentages as said (in_points): the goals table's mark, `today`,
    the cycle and the off-pace alert agree (the mark once showed where the alert, comparing
    61.5% with 61.5%, said nothing)."""
    return in_points(done) < in_points(expected)


def percent(share: float) -> str:
    """`34%`, half up; a goal that has not moved is at `0%`, never `-0%` (a decrease's 0 / -10 is -0.0)."""
    return f"{rounded(share, percent=True, grouped=False)}%"


def describe_value(value: float | None, unit: str = "") -> str:
    return "–" if value is None else with_unit(number(value), unit)


def describe_expected(value: float | None, unit: str = "") -> str:
    """Where a steady pace would be: whole from 100 up, else to one decimal (11.5 customers,
    not 11.48)."""
    if value is None:
        return "–"
    return with_unit(number(half_up(value) if abs(value) >= 100 else half_up(value, 1)), unit)
