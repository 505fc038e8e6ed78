"""The SMART check of a goal: five rules, each a plain function saying pass or fail, and why.

S  specific    the goal has a scope and an owner
M  measurable  it has a metric, a baseline and a target (that points the way it says)
A  achievable  the change it asks for is no more than the best change seen in the diagnosis
               history of that metric in that scope (period over period)
R  relevant    at least one strategy serves it
T  time-bound  it has a deadline, inside the plan's period
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from sales.goals import Goal, Strategy, number, strategies_of, target_value

LETTERS = ("S", "M", "A", "R", "T")
NAMES = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant", "T": "time-bound"}
NO_HISTORY = "no history to judge by"


class Verdict(msgspec.Struct, frozen=True):
    letter: str
    passed: bool
    reason: str


def specific(goal: Goal) -> Verdict:
    missing = []
    if not goal.scope.given():
        missing.append("no scope (set a region, product line, channel or segment; `all` for everything)")
    if not goal.owner:
        missing.append("no owner")
    if missing:
        return Verdict("S", False, "; ".join(missing))
    return Verdict("S", True, f"{goal.scope.describe()}, owned by {goal.owner}")


def measurable(goal: Goal) -> Verdict:
    missing = [name for name, value in (("metric", goal.metric), ("baseline", goal.baseline),
                                        ("target", goal.target)) if value in ("", None)]
    if missing:
        return Verdict("M", False, "no " + ", no ".join(missing))
    target = target_value(goal)
    wrong = {"increase": target <= goal.baseline, "decrease": target >= goal.baseline}.get(goal.direction)
    if wrong:
        return Verdict("M", False, f"the target {number(target)} does not {goal.direction} "
                                   f"from the baseline {number(goal.baseline)}")
    return Verdict("M", True, f"{goal.metric} from {number(goal.baseline)} to {number(target)}")


def achievable(goal: Goal, history: Sequence[tuple[str, float]]) -> Verdict:
    """Judge the asked change against the best period-over-period change in `history`.

    `history` holds (period, value) points of the goal's metric in its scope; periods sort as
    text ("2026-Q2" < "2026-Q3"). Changes are in % of the earlier value, or in the metric's own
    units when the baseline is 0 (a % of nothing means nothing).
    """
    target = target_value(goal)
    if goal.baseline is None or target is None:
        return Verdict("A", False, "no baseline and target to judge")
    points = [value for _, value in sorted(history, key=lambda p: p[0])]
    relative = goal.baseline != 0
    steps = [_change(a, b, relative) for a, b in zip(points, points[1:])]
    steps = [s for s in steps if s is not None]
    asked = _change(goal.baseline, target, relative)
    rising = goal.direction in ("increase", "above")
    if goal.direction in ("above", "below") and (asked <= 0 if rising else asked >= 0):
        return Verdict("A", True, f"asks to hold {number(target)}, the baseline already meets it")
    if not steps:
        return Verdict("A", False, NO_HISTORY)
    best = max(steps) if rising else min(steps)
    shown = _show(asked, relative), _show(best, relative)
    excess = (asked - best) if rising else (best - asked)
    if excess > 1e-9:
        more = f"{excess:.1f} points more" if relative else f"{number(round(excess, 2))} more"
        return Verdict("A", False, f"asks for {shown[0]} where the best change seen was {shown[1]} ({more})")
    return Verdict("A", True, f"asks for {shown[0]}; the best change seen was {shown[1]}")


def relevant(goal: Goal, strategies: Sequence[Strategy]) -> Verdict:
    serving = strategies_of(goal.id, strategies)
    if not serving:
        return Verdict("R", False, "no strategy linked to it")
    return Verdict("R", True, "served by " + ", ".join(s.id for s in serving))


def time_bound(goal: Goal, period_start=None, period_end=None) -> Verdict:
    """`period_start`/`period_end` are the plan's period (dates), if it has one."""
    if goal.deadline is None:
        return Verdict("T", False, "no deadline")
    if period_end is not None and goal.deadline > period_end:
        return Verdict("T", False, f"the deadline {goal.deadline} is after the plan ends ({period_end})")
    if period_start is not None and goal.deadline < period_start:
        return Verdict("T", False, f"the deadline {goal.deadline} is before the plan starts ({period_start})")
    return Verdict("T", True, f"by {goal.deadline}")


def check(goal: Goal, *, history: Sequence[tuple[str, float]] = (),
          strategies: Sequence[Strategy] = (), period_start=None, period_end=None) -> list[Verdict]:
    """The five verdicts, in S M A R T order."""
    return [specific(goal), measurable(goal), achievable(goal, history),
            relevant(goal, strategies), time_bound(goal, period_start, period_end)]


def _change(before: float, after: float, relative: bool) -> float | None:
    if not relative:
        return after - before
    if before == 0:
        return None
    return (after - before) / abs(before) * 100


def _show(change: float, relative: bool) -> str:
    return f"{change:+.1f}%" if relative else f"{'+' if change >= 0 else '-'}{number(round(abs(change), 2))}"
