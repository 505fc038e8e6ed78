"""The SMART check of a goal: five rules, each a plain function saying pass or fail, and why.

S  specific    the goal has a scope and an owner
M  measurable  it has a metric, a baseline and a target (that points the way it says)
A  achievable  the change it asks for is no more than the best change seen in the diagnosis
               history of that metric in that scope, over a span as long as the goal's own
               (a quarter's goal against monthly history: changes over three months)
R  relevant    at least one strategy serves it, or it contributes to another goal (a rep's part
               of a team goal is as relevant as the team goal)
T  time-bound  it has a deadline, inside the plan's period

A verdict's reason is English text, and it also travels as its parts: message templates (the
constants below, filled with str.format) with their values, so that an interface in another
language translates the templates and fills in the same values (tui/screens/goals.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from sales.goals import Goal, Strategy, is_rate, number, strategies_of, target_value, with_unit
from sales.snapshots import periods_spanned

LETTERS = ("S", "M", "A", "R", "T")
NAMES = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant", "T": "time-bound"}
NO_HISTORY = "no history to judge by"
NO_SCOPE = "no scope (set a region, product line, channel or segment; `all` for everything)"
NO_OWNER = "no owner"
SCOPED_AND_OWNED = "{scope}, owned by {owner}"
NO_FIELD = {"metric": "no metric", "baseline": "no baseline", "target": "no target"}
WRONG_WAY = {"increase": "the target {target} does not increase from the baseline {baseline}",
             "decrease": "the target {target} does not decrease from the baseline {baseline}"}
FROM_TO = "{metric} from {baseline} to {target}"
NOTHING_TO_JUDGE = "no baseline and target to judge"
NO_BASELINE_TO_JUDGE = "no baseline to judge the change from"  # (a target alone: the change is unknown)
NO_TARGET_TO_JUDGE = "no target to judge the change by"  # (a baseline taken from a diagnosis, no target yet)
ALREADY_MET = "asks to hold {target}, the baseline already meets it"
TOO_MUCH = "asks for {asked} where the best change seen was {best} ({excess} points more)"
TOO_MUCH_UNITS = "asks for {asked} where the best change seen was {best} ({excess} more)"
WITHIN_REACH = "asks for {asked}; the best change seen was {best}"
# a rate's change in points, as a sales lead says it ("45% is 5 points above 40%"), with where the
# best change seen went from and to: a % of a %, "+29.0%", was hard to read
RATE_UP = "{target} is {asked} points above the baseline {baseline}; the best change seen was {best} points " \
          "({before} in {first} to {after} in {last})"
RATE_UP_TOO_MUCH = "{target} is {asked} points above the baseline {baseline}, {excess} more than the best change " \
                   "seen: {best} points ({before} in {first} to {after} in {last})"
RATE_DOWN = "{target} is {asked} points below the baseline {baseline}; the best change seen was {best} points " \
            "({before} in {first} to {after} in {last})"
RATE_DOWN_TOO_MUCH = "{target} is {asked} points below the baseline {baseline}, {excess} more than the best " \
                     "change seen: {best} points ({before} in {first} to {after} in {last})"
NO_STRATEGY = "no strategy linked to it"
SERVED_BY = "served by {strategies}"
CONTRIBUTES = "contributes to {goal}"
NO_DEADLINE = "no deadline"
AFTER_THE_PLAN = "the deadline {deadline} is after the plan ends ({end})"
BEFORE_THE_PLAN = "the deadline {deadline} is before the plan starts ({start})"
BY_DEADLINE = "by {deadline}"
MESSAGES = (NO_HISTORY, NO_SCOPE, NO_OWNER, SCOPED_AND_OWNED, *NO_FIELD.values(), *WRONG_WAY.values(),
            FROM_TO, NOTHING_TO_JUDGE, NO_BASELINE_TO_JUDGE, NO_TARGET_TO_JUDGE, ALREADY_MET, TOO_MUCH, TOO_MUCH_UNITS, WITHIN_REACH, RATE_UP, RATE_UP_TOO_MUCH,
            RATE_DOWN, RATE_DOWN_TOO_MUCH, NO_STRATEGY,
            SERVED_BY, CONTRIBUTES, NO_DEADLINE, AFTER_THE_PLAN, BEFORE_THE_PLAN, BY_DEADLINE)

Part = tuple[str, dict[str, str]]  # a message template and its values


class Verdict(msgspec.Struct, frozen=True):
    letter: str
    passed: bool
    reason: str
    parts: tuple[Part, ...] = ()  # the reason as templates with values, joined by `sep`
    sep: str = "; "


def _part(template: str, **values: object) -> Part:
    return template, {name: str(value) for name, value in values.items()}


def _verdict(letter: str, passed: bool, *parts: Part, sep: str = "; ") -> Verdict:
    return Verdict(letter, passed, sep.join(t.format(**v) for t, v in parts), parts, sep)


def specific(goal: Goal) -> Verdict:
    missing = []
    if not goal.scope.given():
        missing.append(_part(NO_SCOPE))
    if not goal.owner:
        missing.append(_part(NO_OWNER))
    if missing:
        return _verdict("S", False, *missing)
    return _verdict("S", True, _part(SCOPED_AND_OWNED, scope=goal.scope.describe(), owner=goal.owner))


def measurable(goal: Goal) -> Verdict:
    missing = [name for name, value in (("metric", goal.metric), ("baseline", goal.baseline),
                                        ("target", goal.target)) if value in ("", None)]
    if missing:
        return _verdict("M", False, *(_part(NO_FIELD[name]) for name in missing), sep=", ")
    target = target_value(goal)
    wrong = {"increase": target <= goal.baseline, "decrease": target >= goal.baseline}.get(goal.direction)
    if wrong:
        return _verdict("M", False, _part(WRONG_WAY[goal.direction], target=with_unit(number(target), goal.unit),
                                          baseline=with_unit(number(goal.baseline), goal.unit)))
    # with the goal's unit, as the goal's summary beside it says the numbers (31% → 40%, not 31 to 40)
    return _verdict("M", True, _part(FROM_TO, metric=goal.metric, baseline=with_unit(number(goal.baseline), goal.unit),
                                     target=with_unit(number(target), goal.unit)))


def achievable(goal: Goal, history: Sequence[tuple[str, float]], period_start=None, period_end=None) -> Verdict:
    """Judge the asked change against the best change in `history` over as many periods as
    the goal's own time spans (at most the history's length): its start to its deadline, else
    the plan's period (`period_start`, `period_end`), as its baseline is taken.

    `history` holds (period, value) points of the goal's metric in its scope; periods sort as
    text ("2026-Q2" < "2026-Q3"). Changes are in % of the earlier value, or in the metric's own
    units when the baseline is 0 (a % of nothing means nothing).
    """
    target = target_value(goal)
    if goal.baseline is None or target is None:  # (saying which is missing: "no baseline and target" read as both)
        missing = NOTHING_TO_JUDGE if goal.baseline is None and target is None else \
            NO_BASELINE_TO_JUDGE if goal.baseline is None else NO_TARGET_TO_JUDGE
        return _verdict("A", False, _part(missing))
    ordered = sorted(history, key=lambda p: p[0])
    points = [value for _, value in ordered]
    relative = goal.baseline != 0
    span = min(_periods_in(goal, ordered[0][0], period_start, period_end) if ordered else 1, max(1, len(points) - 1))
    steps = [_change(a, b, relative) for a, b in zip(points, points[span:])]
    steps = [s for s in steps if s is not None]
    asked = _change(goal.baseline, target, relative)
    rising = goal.direction in ("increase", "above")
    if goal.direction in ("above", "below") and (asked <= 0 if rising else asked >= 0):
        return _verdict("A", True, _part(ALREADY_MET, target=number(target)))
    if not steps:
        return _verdict("A", False, _part(NO_HISTORY))
    if is_rate(goal.metric, goal.unit):
        return _rate_achievable(goal, target, ordered, span, rising)
    best = max(steps) if rising else min(steps)
    shown = _show(asked, relative), _show(best, relative)
    excess = (asked - best) if rising else (best - asked)
    if excess > 1e-9:
        if relative:
            return _verdict("A", False, _part(TOO_MUCH, asked=shown[0], best=shown[1], excess=f"{excess:.1f}"))
        return _verdict("A", False, _part(TOO_MUCH_UNITS, asked=shown[0], best=shown[1],
                                          excess=number(round(excess, 2))))
    return _verdict("A", True, _part(WITHIN_REACH, asked=shown[0], best=shown[1]))


def _rate_achievable(goal: Goal, target: float, ordered: Sequence[tuple[str, float]], span: int,
                     rising: bool) -> Verdict:
    """A rate's A in points: the target's distance from the baseline against the best change seen
    over as many periods (`span`), with the periods it was seen between."""
    moves = [(b[1] - a[1], a, b) for a, b in zip(ordered, ordered[span:])]
    best, (first, before), (last, after) = (max if rising else min)(moves, key=lambda m: m[0])
    asked = target - goal.baseline
    excess = (asked - best) if rising else (best - asked)
    unit = goal.unit or "%"

    def points(value: float) -> str:
        return number(round(value, 1))

    values = {"target": with_unit(number(target), unit), "baseline": with_unit(number(goal.baseline), unit),
              "asked": points(abs(asked)), "best": ("+" if best > 0 else "") + points(best),
              "before": with_unit(number(round(before, 1)), unit), "after": with_unit(number(round(after, 1)), unit),
              "first": first, "last": last}
    if excess > 1e-9:
        return _verdict("A", False, _part(RATE_UP_TOO_MUCH if rising else RATE_DOWN_TOO_MUCH,
                                          excess=points(excess), **values))
    return _verdict("A", True, _part(RATE_UP if rising else RATE_DOWN, **values))


def _periods_in(goal: Goal, label: str, period_start=None, period_end=None) -> int:
    """How many of the history's periods the goal's own time spans: a quarter's goal is judged
    by the changes seen over three months, not from one month to the next (a single month's
    swing says little of a quarter). A goal without its own start (or deadline) is the plan's
    period's, as its baseline is (store/goals.py: span_kpi): it was judged month to month."""
    return periods_spanned(goal.start or period_start, goal.deadline or period_end, label)


def relevant(goal: Goal, strategies: Sequence[Strategy]) -> Verdict:
    serving = strategies_of(goal.id, strategies)
    if not serving and goal.parent:
        return _verdict("R", True, _part(CONTRIBUTES, goal=goal.parent))
    if not serving:
        return _verdict("R", False, _part(NO_STRATEGY))
    return _verdict("R", True, _part(SERVED_BY, strategies=", ".join(s.id for s in serving)))


def time_bound(goal: Goal, period_start=None, period_end=None) -> Verdict:
    """`period_start`/`period_end` are the plan's period (dates), if it has one. A goal of an
    earlier cycle (begun and ended before the plan's period starts: last quarter's, once the plan
    moved on) is judged by its own dates, not failed for ending before a cycle it was never in."""
    if goal.deadline is None:
        return _verdict("T", False, _part(NO_DEADLINE))
    if period_start is not None and goal.start is not None and goal.start <= goal.deadline < period_start:
        return _verdict("T", True, _part(BY_DEADLINE, deadline=goal.deadline))
    if period_end is not None and goal.deadline > period_end:
        return _verdict("T", False, _part(AFTER_THE_PLAN, deadline=goal.deadline, end=period_end))
    if period_start is not None and goal.deadline < period_start:
        return _verdict("T", False, _part(BEFORE_THE_PLAN, deadline=goal.deadline, start=period_start))
    return _verdict("T", True, _part(BY_DEADLINE, deadline=goal.deadline))


def check(goal: Goal, *, history: Sequence[tuple[str, float]] = (),
          strategies: Sequence[Strategy] = (), period_start=None, period_end=None) -> list[Verdict]:
    """The five verdicts, in S M A R T order."""
    return [specific(goal), measurable(goal), achievable(goal, history, period_start, period_end),
            relevant(goal, strategies), time_bound(goal, period_start, period_end)]


def _change(before: float, after: float, relative: bool) -> float | None:
    if not relative:
        return after - before
    if before == 0:
        return None
    return (after - before) / abs(before) * 100


def _show(change: float, relative: bool) -> str:
    return f"{change:+.1f}%" if relative else f"{'+' if change >= 0 else '-'}{number(round(abs(change), 2))}"
