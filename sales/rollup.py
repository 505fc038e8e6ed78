"""A goal's current value, and where it came from: its own check-ins, or rolled up from the goals
that contribute to it (Lattice's and Tability's "progress from key results").

The rules, as a lead reads them:

- A goal that does not roll up stands at its latest check-in's value, else at its baseline.
- `sum` (amounts: revenue, new customers) adds its contributors' current values; `average`
  (rates: win rate) is their mean. A contributor that rolls up itself counts with its own
  rolled-up value, however deep the chain (alignment cannot loop: sales/goals.alignment_loop).
- A contributor with no check-in yet counts at its baseline: where its part stood when the goal
  was set (a rep's baseline revenue is not lost because they have not checked in yet). One with
  neither a check-in nor a baseline has no value: it is left out (of the sum and of the mean) and
  named as left out, never counted as 0 in an average.
- With no contributor that has a value, a rolled-up goal stands at its own baseline.
- A closed goal stands at the final value it was closed with (`goal close --value`, or where it
  ended): a later check-in does not rescore it, and neither does the goal it contributes to.
- Only like is added to like: a contributor must measure the same metric in the same unit as the
  goal it rolls up into (`mismatch` says why not), so the store refuses the change that would
  break it rather than leave the contributor out silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from sales.errors import Reason
from sales.goals import CheckIn, Goal, as_read, checkins_of, contributors, metric_name, metric_word
from sales.ids import in_order


#: What the board measures of a goal with no check-in: (value, source), or None.
Measure = Callable[[Goal], "tuple[float, str] | None"]

#: The mark beside a rolled-up goal's progress: Σ sums its contributors, μ averages them.
ROLLUP_MARKS = {"sum": " Σ", "average": " μ"}


class Contribution(msgspec.Struct, frozen=True):
    goal: str
    owner: str | None
    value: float | None  # None: no check-in and no baseline yet (left out)


class Current(msgspec.Struct, frozen=True):
    """Where a goal stands now and why: `rollup` None for its own check-ins (or baseline)."""

    value: float | None
    rollup: str | None = None  # "sum" | "average" when rolled up
    contributions: tuple[Contribution, ...] = ()
    checkin: CheckIn | None = None  # the check-in it stands at (own values only)
    measured: str = ""  # with no check-in: where the board measured it (store/goal_measures.py)

    @property
    def counted(self) -> list[Contribution]:
        return [c for c in self.contributions if c.value is not None]

    @property
    def left_out(self) -> list[Contribution]:
        return [c for c in self.contributions if c.value is None]


def current_values(goals: Sequence[Goal], checkins: Sequence[CheckIn],
                   only: Sequence[str] | None = None, measure: Measure | None = None) -> dict[str, Current]:
    """Each goal's current value by id (all, or those in `only` and what they roll up from):
    contributors worked out before the goals they serve, each goal's check-ins found once;
    `measure`: what the board measures of a goal with no check-in (own_value)."""
    by_id = {g.id: g for g in goals}
    children: dict[str, list[Goal]] = {}
    for goal in goals:
        if goal.parent in by_id:
            children.setdefault(goal.parent, []).append(goal)
    history: dict[str, list[CheckIn]] = {}
    for entry in checkins:
        history.setdefault(entry.goal, []).append(entry)
    found: dict[str, Current] = {}

    def current(goal: Goal, seen: frozenset[str]) -> Current:
        if goal.id in found:
            return found[goal.id]
        if goal.closed is not None and goal.closed.value is not None:  # its final score, as it was closed
            result = Current(goal.closed.value)
        elif goal.rollup is None or goal.id in seen:
            result = own_value(goal, history.get(goal.id, []), measure)
        else:
            parts = tuple(Contribution(c.id, c.owner, current(c, seen | {goal.id}).value)
                          for c in children.get(goal.id, []))
            values = [p.value for p in parts if p.value is not None]
            if not values:
                value = goal.baseline
            else:
                value = sum(values) if goal.rollup == "sum" else sum(values) / len(values)
            result = Current(value, goal.rollup, parts)
        found[goal.id] = result
        return result

    wanted = goals if only is None else [by_id[i] for i in only if i in by_id]
    return {goal.id: current(goal, frozenset()) for goal in wanted}


def rollup_history(goal_id: str, goals: Sequence[Goal], checkins: Sequence[CheckIn],
                   measure: Measure | None = None) -> list[float]:
    """A rolled-up goal's value before any check-in on its contributors (however deep), then after
    each of them, oldest first: the line its own check-ins draw for any other goal, worked out by
    current_values' rule at each step, with the same `measure` (a contributor nobody has checked
    in on counts at what the board measures of it, as in the goal's number, not at its baseline);
    then, if a contributor's closing changed it, where it stands now. Steps where it has no value
    yet are left out."""
    by_parent: dict[str, list[str]] = {}
    for goal in goals:
        if goal.parent:
            by_parent.setdefault(goal.parent, []).append(goal.id)
    below: set[str] = set()
    waiting = list(by_parent.get(goal_id, []))
    while waiting:
        found = waiting.pop()
        if found not in below and found != goal_id:
            below.add(found)
            waiting.extend(by_parent.get(found, []))
    steps = sorted((c for c in checkins if c.goal in below), key=lambda c: (c.at, in_order(c.id)))
    # a contributor's closing is its last word, not where it stood from the start: each step reads
    # the check-ins alone, and the line ends where the goal stands now (closed ones at their final value)
    running = [msgspec.structs.replace(g, closed=None) if g.closed is not None and g.id != goal_id else g
               for g in goals]
    values = [current_values(running, steps[:count], only=[goal_id], measure=measure)[goal_id].value
              for count in range(len(steps) + 1)]
    now = current_values(goals, steps, only=[goal_id], measure=measure)[goal_id].value
    if now is not None and (not values or values[-1] != now):
        values.append(now)
    return [v for v in values if v is not None]


def at_baseline(current: Current) -> bool:
    """Whether a goal stands at its baseline for want of anything newer (no check-in, nothing the
    board measured): said beside its value, since the review may read the deals for it."""
    return (current.rollup is None and current.checkin is None and not current.measured
            and current.value is not None)


def own_value(goal: Goal, checkins: Sequence[CheckIn], measure: Measure | None = None) -> Current:
    """Where a goal stands by its own check-ins (any order, its own): the latest's value, else
    what `measure` finds of it (a snapshot, the deals), else its baseline."""
    history = checkins_of(goal.id, checkins)
    if history:
        return Current(history[-1].value, checkin=history[-1])
    found = measure(goal) if measure else None
    return Current(found[0], measured=found[1]) if found else Current(goal.baseline)


def mismatch(parent: Goal, contributor: Goal) -> Reason | None:
    """Why `contributor` cannot roll up into `parent`: a different metric or unit."""
    parent, contributor = as_read(parent), as_read(contributor)  # (a rate's unit said or not: %)
    if _same(parent.metric, contributor.metric) and parent.unit == contributor.unit:
        return None
    return Reason("{parent} rolls up {measure} but {contributor} measures {other}; only the same metric in "
                  "the same unit adds up", parent=parent.id, measure=_measure(parent), contributor=contributor.id,
                  other=_measure(contributor))


def rollup_problem(goal: Goal, goals: Sequence[Goal]) -> tuple[str, Reason] | None:
    """(field, why) if `goal`, with the board's other `goals`, would roll up unlike values: it rolls
    up from a contributor that measures something else, or it measures something else than the
    rolled-up goal it contributes to."""
    others = {g.id: g for g in goals if g.id != goal.id}
    if goal.rollup is not None:
        for child in others.values():
            if child.parent == goal.id and (why := mismatch(goal, child)):
                return "rollup", why
    parent = others.get(goal.parent or "")
    if parent is not None and parent.rollup is not None and (why := mismatch(parent, goal)):
        return "parent", why
    return None


def checkin_refusal(goal: Goal, goals: Sequence[Goal]) -> Reason:
    """Why a rolled-up goal takes no check-in: its value is its contributors' (a check-in has a
    value, so even a comment-only one would say a number the goal does not stand at)."""
    ids = ", ".join(g.id for g in contributors(goal.id, goals))
    if not ids:  # ("sum of no goal yet" said nothing a person could act on)
        return Reason("{id} rolls up from its contributors, and no goal contributes to it yet: give one the parent "
                      "{id} and check in on that, or set rollup none", id=goal.id)
    if goal.rollup == "average":
        return Reason("{id} rolls up from its contributors (average of {ids}); check in on those, or set "
                      "rollup none", id=goal.id, ids=ids)
    return Reason("{id} rolls up from its contributors (sum of {ids}); check in on those, or set rollup none",
                  id=goal.id, ids=ids)


#: How describe_rollup words a roll-up's source; an interface in another language passes its own.
WORDS = {"sum": "sum of {parts}", "average": "average of {parts}",
         "nobody": "no contributor with a value yet", "left_out": "; left out (no check-in or baseline yet): {ids}"}


def describe_rollup(current: Current, number, words: dict[str, str] = WORDS) -> str:
    """`sum of G-3 ali 300,000, G-4 bea 540,000; left out (no check-in or baseline yet): G-5`;
    `number` writes a value, `words` holds the phrases (WORDS' keys)."""
    sep = words.get("sep", ", ")  # (how the interface's language lists things)
    parts = sep.join(" ".join(filter(None, (c.goal, c.owner, number(c.value)))) for c in current.counted)
    text = words[current.rollup or "sum"].format(parts=parts or words["nobody"])
    if current.left_out:
        text += words["left_out"].format(ids=sep.join(c.goal for c in current.left_out))
    return text


def _same(a: str, b: str) -> bool:
    return metric_name(a) == metric_name(b)


def _measure(goal: Goal) -> Reason:
    """`revenue ($)`, `revenue (no unit)`, `no metric ($)`: what a goal measures, as a message says it."""
    if goal.metric and goal.unit:
        return Reason("{metric} ({unit})", metric=metric_word(goal.metric), unit=goal.unit)
    if goal.metric:
        return Reason("{metric} (no unit)", metric=metric_word(goal.metric))
    if goal.unit:
        return Reason("no metric ({unit})", unit=goal.unit)
    return Reason("no metric (no unit)")
