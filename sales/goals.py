"""Goals, their check-ins, and the strategies that serve them (phase 2 of the cycle).

A goal moves one metric, in one scope, from a baseline to a target by a deadline. Whether it is
a good goal is judged by sales/smart.py; how it is doing by sales/pace.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason
from sales.ids import in_order, loop_path
from sales.numbers import half_up, parse_number, rounded
from sales.tasks import LongText, Ref, Task, Title
from sales.text import clean_line, clean_multiline, half_width

Dimension = Literal["market", "product", "channel", "pricing"]
DIMENSIONS: tuple[str, ...] = ("market", "product", "channel", "pricing")
DIMENSION_LABELS = {
    "market": "Market & customer",
    "product": "Product & solution",
    "channel": "Channel & model",
    "pricing": "Pricing & promotion",
}

Direction = Literal["increase", "decrease", "above", "below"]
DIRECTIONS: tuple[str, ...] = ("increase", "decrease", "above", "below")
DIRECTION_LABELS = {"increase": "increase to", "decrease": "decrease to",
                    "above": "stay above", "below": "stay below"}
#: "percent": the target is a change from the baseline in % of it (+15%: 1.2M -> 1.38M; on a rate,
#: 40% -> 42%); "points": a change of a rate in percentage points (+5pp: 40% -> 45%).
TargetKind = Literal["absolute", "percent", "points"]
#: How a goal's current value is found: from its own check-ins (None), or rolled up from the goals
#: that contribute to it (sales/rollup.py says how). "none" is accepted and kept as None.
Rollup = Literal["none", "sum", "average"]
ROLLUPS: tuple[str, ...] = ("none", "sum", "average")
Confidence = Literal["on_track", "at_risk", "off_track"]
CONFIDENCES: tuple[str, ...] = ("on_track", "at_risk", "off_track")
CONFIDENCE_LABELS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track"}
#: How a goal ended, as Lattice and Tability score a closed goal: met, partly met, missed, or
#: dropped (no longer pursued: the market moved, the plan changed).
Outcome = Literal["achieved", "partly", "missed", "dropped"]
OUTCOMES: tuple[str, ...] = ("achieved", "partly", "missed", "dropped")
OUTCOME_LABELS = {"achieved": "achieved", "partly": "partly achieved", "missed": "missed", "dropped": "dropped"}

# The KPIs the diagnosis computes, offered first; any other metric name may be typed.
KNOWN_METRICS: tuple[str, ...] = (
    "revenue", "units", "orders", "win_rate", "average_order_value", "repurchase_rate",
    "sales_cycle_days", "new_customers", "returning_customers", "pipeline_value", "profit", "margin",
    "average_discount",
)
SCOPE_FIELDS: tuple[str, ...] = ("region", "product_line", "channel", "segment")

Metric = Annotated[str, msgspec.Meta(max_length=80)]
Unit = Annotated[str, msgspec.Meta(max_length=20)]
Number = Annotated[float, msgspec.Meta(ge=-1e15, le=1e15)]


class Scope(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """Where a goal applies; `all` in a field means the whole of it (every region, ...)."""

    region: Ref = ""
    product_line: Ref = ""
    channel: Ref = ""
    segment: Ref = ""

    def __post_init__(self) -> None:
        for name in SCOPE_FIELDS:
            setattr(self, name, clean_line(getattr(self, name)))

    def given(self) -> dict[str, str]:
        """The scope's set fields, e.g. {"region": "North"} (what a diagnosis snapshot is keyed by)."""
        return {name: getattr(self, name) for name in SCOPE_FIELDS if getattr(self, name)}

    def narrows(self) -> dict[str, str]:
        """The fields that narrow it: `all` in a field is the whole of it (every region), so a
        goal scoped `region: all` is measured as the team's whole."""
        return {name: value for name, value in self.given().items() if value.casefold() != "all"}

    def describe(self) -> str:
        return ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in self.given().items())


class SubTarget(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """A condition on how the goal is met, e.g. "new customers >= 30% of the growth"."""

    text: Title
    value: Number | None = None
    unit: Unit = ""

    def __post_init__(self) -> None:
        self.text = clean_line(self.text)
        self.unit = clean_line(self.unit)
        if not self.text:
            raise Reason("a sub-target needs some text").in_field("text")


class Closing(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """A goal closed: how it ended (its outcome), where it ended (its final value, kept so that
    later check-ins or deals do not rescore it), who closed it, when, and why."""

    outcome: Outcome
    value: Number | None = None
    on: date
    by: Ref
    note: LongText = ""

    def __post_init__(self) -> None:
        self.note = clean_multiline(self.note)
        if self.value is not None:
            self.value += 0.0


def read_outcome(goal: "Goal", value: float | None) -> str | None:
    """The outcome a goal's numbers say, offered when closing it: achieved at its target or past it,
    missed where it never moved toward it, partly in between; None without a progress to read."""
    from sales.pace import progress

    done = progress(goal, value) if value is not None else None
    if done is None:
        return None
    return "achieved" if done >= 1 else "missed" if done <= 0 else "partly"


class Goal(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A goal. Everything but the title may be missing: the SMART check says what is."""

    id: str
    title: Title
    owner: Ref | None = None
    parent: Ref | None = None  # the goal it contributes to (alignment): a rep's part of a team goal
    description: LongText = ""
    metric: Metric = ""
    scope: Scope = msgspec.field(default_factory=Scope)
    baseline: Number | None = None
    baseline_source: Ref = ""  # e.g. "snapshot 2026-Q3" when taken from the diagnosis
    target: Number | None = None
    target_kind: TargetKind = "absolute"  # "percent": a % change from the baseline; "points": in points
    unit: Unit = ""
    direction: Direction = "increase"
    start: date | None = None
    deadline: date | None = None
    subtargets: list[SubTarget] = []
    rollup: Rollup | None = None  # None: its own check-ins; "sum"/"average": from its contributors
    carried_from: Ref | None = None  # the last cycle's goal it carries on (`uplift goal carry`)
    carried_on: date | None = None  # the day it was carried on: its pace counts from then if later than its start
    closed: Closing | None = None  # how it ended, once a lead (or its owner) closed it

    def __post_init__(self) -> None:
        if self.rollup == "none":
            self.rollup = None  # (so a plain goal is stored, and written to a plan file, as before)
        self.title = clean_line(self.title)
        self.description = clean_multiline(self.description)
        self.metric = clean_line(self.metric)
        self.unit = clean_line(self.unit)
        self.baseline_source = clean_line(self.baseline_source)
        if self.baseline is not None:
            self.baseline += 0.0  # a typed `-0` is 0 (JSON said -0.0)
        if self.target is not None:
            self.target += 0.0
        if not self.title:
            raise Reason("a goal needs a title").in_field("title")
        if self.start and self.deadline and self.deadline < self.start:
            raise Reason("the deadline {deadline} is before the start {start}", deadline=self.deadline,
                         start=self.start).in_field("deadline")


class CheckIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Where a goal's metric stood at one moment, how sure its owner is, and why."""

    id: str
    goal: Ref
    value: Number
    confidence: Confidence = "on_track"
    comment: LongText = ""
    at: datetime
    by: Ref

    def __post_init__(self) -> None:
        self.comment = clean_multiline(self.comment)
        self.value += 0.0  # a typed `-0` is 0 (JSON said -0.0)


def metric_name(text: str) -> str:
    """A metric as the code spells it, whatever its case and spaces: "Won value" is won_value."""
    return "_".join(text.casefold().split())


#: The unit of a rate (win rate, margin, a share): its values go from 0 to 100 (checkin_value_problem).
RATE_UNIT = "%"


def as_read(goal: Goal) -> Goal:
    """`goal` as every reader takes it: one on one of the diagnosis's rates with no unit of its
    own is in %, so that it reads `40%`, not `40`, wherever it is shown, whether it was added,
    edited, imported from a plan file or kept from an earlier board. The one rule, applied where
    the board reads its goals (store/goals.py); what is stored, and what a plan export writes,
    stays as it was written."""
    from sales.kpis import RATE_METRICS

    if goal.unit or metric_name(goal.metric) not in RATE_METRICS:
        return goal
    return msgspec.structs.replace(goal, unit=RATE_UNIT)


def checkin_value_problem(goal: Goal, value: float) -> Reason | None:
    """Why `value` cannot be where `goal`'s metric stood, or None: a rate (win rate, margin...)
    is from 0 to 100% (goals state rates in percent), so a win rate of 330% (or -5%) is a slip of
    the keyboard that would move the goal's pace, the review and everyone's view of it. One rule
    for `goal checkin` and a plan file's check-ins."""
    from sales.kpis import RATE_METRICS

    if metric_name(goal.metric) in RATE_METRICS and not 0 <= value <= 100:
        return Reason("{id} measures {metric}, a rate from 0 to 100%: {value:g} is not one",
                      id=goal.id, metric=metric_word(goal.metric), value=value)
    return None


def rate_range_problem(goal: Goal) -> tuple[str, Reason] | None:
    """The field and why, when a goal on a rate (win rate, margin...) starts or aims outside 0 to
    100%: a win-rate target of 140 was taken, and the goal then read a pace no check-in could
    make (checkin_value_problem refuses 120). A % or points target is judged by where it lands."""
    from sales.kpis import RATE_METRICS

    if metric_name(goal.metric) not in RATE_METRICS:
        return None
    metric, target = metric_word(goal.metric), target_value(goal)
    if goal.baseline is not None and not 0 <= goal.baseline <= 100:
        return "baseline", Reason("{metric} is a rate from 0 to 100%: a baseline of {value:g}% is not one",
                                  metric=metric, value=round(goal.baseline, 2))
    if target is not None and not 0 <= target <= 100:
        return "target", Reason("{metric} is a rate from 0 to 100%: a target of {value:g}% is not one",
                                metric=metric, value=round(target, 2))
    return None


def alignment_loop(goal_id: str, parent: str | None, parents: Mapping[str, str | None]) -> Reason | None:
    """Why `goal_id` may not contribute to `parent`, given what each other goal contributes to:
    itself, or the loop it would close ("G-1 would contribute to itself (G-1 → G-3 → G-1)")."""
    links = {goal: [up] for goal, up in parents.items() if up}
    path = loop_path(goal_id, [parent] if parent else [], links)
    return Reason("{goal} would contribute to itself ({path})", goal=goal_id, path=" → ".join(path)) if path else None


def contributors(goal_id: str, goals: Sequence["Goal"]) -> list["Goal"]:
    """The goals that contribute to `goal_id`, by id."""
    return [g for g in goals if g.parent == goal_id]


class Strategy(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    dimension: Dimension = "market"
    goals: list[Ref] = []
    description: LongText = ""

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.description = clean_multiline(self.description)
        if not self.title:
            raise Reason("a strategy needs a title").in_field("title")
        self.goals = list(dict.fromkeys(self.goals))  # a plan file's [G-1, G-1] serves G-1 once


def target_value(goal: Goal) -> float | None:
    """The target as a value of the metric (a % target applied to the baseline)."""
    if goal.target is None:
        return None
    if goal.target_kind == "absolute":
        return goal.target
    if goal.baseline is None:
        return None
    if goal.target_kind == "points":
        return goal.baseline + goal.target
    return goal.baseline * (1 + goal.target / 100)


def settle_direction(goal: Goal, said: bool) -> None:
    """Read a goal's way from its numbers, as Lattice and Tability do: a target below the baseline
    is a decrease (churn from 12% to 8%), one above it an increase. An increase or decrease not
    said follows them; one said against them is refused (a Reason), rather than kept to make every
    progress and pace read backwards. "Stay above/below" is kept as said (either can hold from
    either side); so is the way of a goal without both numbers, or with a target equal to its
    baseline."""
    target = target_value(goal)
    if goal.direction not in ("increase", "decrease") or goal.baseline is None or target is None \
            or target == goal.baseline:
        return
    way = "decrease" if target < goal.baseline else "increase"
    if way != goal.direction:
        if said:
            raise Reason("the target {target} is below the baseline {baseline}: an increase needs a higher target "
                         "(leave the direction out and a lower target is taken as a decrease)"
                         if goal.direction == "increase" else
                         "the target {target} is above the baseline {baseline}: a decrease needs a lower target "
                         "(leave the direction out and a higher target is taken as an increase)",
                         target=number(target), baseline=number(goal.baseline))
        goal.direction = way


def describe_target(goal: Goal, verbs: Mapping[str, str] = DIRECTION_LABELS, points: str = "{change} pts",
                    aside: str = " ({note})") -> str:
    """`increase to 1,380,000 $ (+15%)`, `increase to 45% (+5 pts)`, or `–` when there is no
    target yet. `verbs` are the directions' words, `points` a change in points and `aside` the
    brackets around the change (the interface passes them translated: `（+15%）`)."""
    value = target_value(goal)
    if goal.target is None:
        return "–"
    verb = verbs.get(goal.direction, DIRECTION_LABELS[goal.direction])
    change = f"{goal.target:+g}%" if goal.target_kind == "percent" else points.format(change=f"{goal.target:+g}")
    if value is None and goal.target_kind != "absolute":  # a change without a baseline to change
        return f"{verb} {change}"
    text = f"{verb} {with_unit(number(value), goal.unit)}"
    if goal.target_kind != "absolute":
        text += aside.format(note=change)
    return text


def relative_rate_change(goal: Goal) -> tuple[float, float, float] | None:
    """(baseline, target, change) of a rate goal whose target is a change in % of its baseline
    (`+5%` on a win rate of 40% is 42%, not 45%): what a confirmation spells out, as a lead
    more often means points (`+5pp`). None for any other goal, or one without a baseline."""
    if goal.target_kind != "percent" or goal.baseline is None or goal.target is None \
            or not is_rate(goal.metric, goal.unit):
        return None
    return goal.baseline, target_value(goal), goal.target


def number(value: float) -> str:
    """A metric value as people read it: thousands separated, no needless decimals, at most two
    (rounded half up, as a person rounds: 2.675 is 2.68; sales.numbers.half_up)."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return rounded(half_up(value, 2), 2).rstrip("0").rstrip(".")


#: Units written before the number, with no space ($1,200,000), and after it with none (40%).
_PREFIX_UNITS = frozenset("$€£¥")
_SUFFIX_UNITS = frozenset({"%"})


def with_unit(shown: str, unit: str) -> str:
    """A number already written (`1,200,000`) with its unit as people write it: `$1,200,000`,
    `40%`, `25 customers`."""
    if not unit:
        return shown
    if unit in _PREFIX_UNITS:
        return f"-{unit}{shown[1:]}" if shown.startswith("-") else f"{unit}{shown}"
    if unit in _SUFFIX_UNITS:
        return f"{shown}{unit}"
    return f"{shown} {unit}"


#: Units that are money: `$`, `元`, `CNY`. The board's amounts (budget lines, deals' values) carry
#: no unit of their own; beside a goal in money they are written in its unit, so that a goal's
#: `1,262,000 元` and its strategies' `budget 6,000 approved` read alike.
_MONEY_WORDS = frozenset({"元", "￥", "块", "rmb", "usd", "eur", "gbp", "jpy", "cny", "chf", "dollars", "euros"})


def money_unit(unit: str | None) -> str:
    """`unit` if it is a currency (a sign, `元`, a code such as `USD`), else "" (`customers`, `%`)."""
    word = (unit or "").strip()
    return word if word and (word in _PREFIX_UNITS or word.casefold() in _MONEY_WORDS) else ""


def checkins_of(goal_id: str, checkins: Sequence[CheckIn]) -> list[CheckIn]:
    """A goal's check-ins, oldest first."""
    return sorted((c for c in checkins if c.goal == goal_id), key=lambda c: (c.at, in_order(c.id)))


def last_confidence(checkins: Sequence[CheckIn]) -> str:
    """The confidence a new check-in keeps when none is given: the latest one's (a goal said to be
    at risk stays so until someone says otherwise), else on track."""
    return checkins[-1].confidence if checkins else "on_track"


#: A goal's owner checks in weekly: after this many days without one, a check-in is due.
CHECKIN_DAYS = 7


def last_checkin_day(goal_id: str, checkins: Sequence[CheckIn]) -> date | None:
    history = checkins_of(goal_id, checkins)
    return history[-1].at.date() if history else None


def in_cycle(goal: Goal, start: date | None, end: date | None) -> bool:
    """Whether a goal is one of a cycle's: its days (start to deadline) meet the cycle's. A goal
    with no dates, and a plan with none, keep every goal: only a goal that ended before the cycle
    began (the last quarter's, once the plan moved on) or begins after it is another cycle's."""
    if start is not None and goal.deadline is not None and goal.deadline < start:
        return False
    return end is None or goal.start is None or goal.start <= end


def checkin_due(goal: Goal, checkins: Sequence[CheckIn], today: date) -> bool:
    """Whether the goal waits for a check-in: none yet, or none for CHECKIN_DAYS, while it runs
    (a goal that is over asks for no more, and one that has not begun, such as next quarter's
    carried on before it starts, asks for none yet), nor one closed. A rolled-up goal asks for none: its value is
    its contributors' (sales/rollup.py), who are asked instead."""
    if goal.rollup is not None or goal.closed is not None or (goal.deadline is not None and goal.deadline < today) \
            or (goal.start is not None and goal.start > today):
        return False
    last = last_checkin_day(goal.id, checkins)
    return last is None or (today - last).days >= CHECKIN_DAYS


def strategies_of(goal_id: str, strategies: Sequence[Strategy]) -> list[Strategy]:
    return [s for s in strategies if goal_id in s.goals]


GAP_NO_STRATEGY = "{id} “{title}” has no strategy"
GAP_NO_TASKS = "{id} “{title}” has no tasks"


def plan_gap_parts(goals: Sequence[Goal], strategies: Sequence[Strategy],
                   tasks: Sequence[Task]) -> list[tuple[str, dict[str, str]]]:
    """plan_gaps as message templates with their values (for an interface in another language)."""
    # a goal that contributes to another is served through it (as the SMART check's R says); a
    # closed one is over: no strategy is still to come for it
    gaps = [(GAP_NO_STRATEGY, {"id": g.id, "title": g.title}) for g in goals
            if not g.parent and g.closed is None and not strategies_of(g.id, strategies)]
    carried = {t.strategy for t in tasks if t.strategy}
    gaps += [(GAP_NO_TASKS, {"id": s.id, "title": s.title}) for s in strategies if s.id not in carried]
    return gaps


def plan_gaps(goals: Sequence[Goal], strategies: Sequence[Strategy], tasks: Sequence[Task]) -> list[str]:
    """What the plan is missing: goals no strategy serves (nor contribute to a goal), strategies no
    task carries out."""
    return [template.format(**values) for template, values in plan_gap_parts(goals, strategies, tasks)]


def percent_refusal(text: str, unit: str) -> Reason | None:
    """Why a value typed with `%` cannot be taken for a goal measured in `unit`: `50%` is 50 of a
    goal in %, but of one in $ or customers it is a share of something unsaid, and taking it as 50
    would put the goal at $50. None when it can (no `%`, a goal in %, or one with no unit)."""
    if not text.strip().endswith("%") or not unit or unit == "%":
        return None
    return Reason("{value!r} is a percentage, but the goal is measured in {unit}: give its value in {unit}",
                  value=text.strip(), unit=unit)


#: Words that make a metric of a team's own a rate, stated in % (close_rate, conversion, gross_margin).
_RATE_WORDS = frozenset({"rate", "conversion", "share", "margin", "ratio", "percent", "percentage", "pct", "roi",
                         "growth"})


#: The diagnosis's metrics as words say them: a goal's metric is read by these, not its key.
METRIC_WORDS = {**{name: name.replace("_", " ") for name in KNOWN_METRICS},
                "new_customer_share": "new-customer share", "revenue_share": "revenue share", "roi": "ROI"}


def metric_word(metric: str) -> str:
    """A goal's metric as a message says it: a KPI by its words (`win_rate` is "win rate", a Word
    translated with the message: 赢单率), any other metric as it was typed."""
    from sales.phrases import Word

    return Word(METRIC_WORDS[metric]) if metric in METRIC_WORDS else metric


def is_rate(metric: str, unit: str) -> bool | None:
    """Whether a goal of `metric` measured in `unit` is a rate, stated in % (win rate, conversion,
    margin, any metric in %): True; an amount or a count (revenue, units, customers, days: a KPI
    of the diagnosis that is no rate, or a unit other than %): False; a metric of the team's own
    with no unit, which could be either: None."""
    from sales.kpis import METRICS, RATE_METRICS

    name = metric_name(metric)
    if name in RATE_METRICS or unit.strip() == "%" or _RATE_WORDS & set(name.split("_")):
        return True
    if unit.strip() or name in METRICS or name in KNOWN_METRICS:
        return False
    return None


def read_target(text: str, metric: str, unit: str) -> tuple[float, str]:
    """A typed target for a goal of `metric` in `unit`, as (value, target_kind). A signed `+15%`
    or `-8%` is a change from the baseline, whatever the metric. Unsigned, `50%` of a rate is that
    rate (a win rate of 50%, not half again the baseline's); of an amount or a count it says no
    value at all (50% of what?), and is refused (a Reason) rather than taken as a change. `+5pp`
    (`+5 points`, `+5 pts`) is a rate's change in percentage points (40% -> 45%), and refused on
    an amount or a count. One rule for `goal add`/`edit`/`carry`, the goal form and a plan file's
    `target: 50%`."""
    value, kind = parse_target(half_width(text))  # (５０％ typed in full-width mode is 50%)
    if kind == "points":  # (a score in points, an NPS of 20, takes +5 points as well)
        if is_rate(metric, unit) is False and unit.strip().casefold() not in _POINT_UNITS:
            raise Reason("{value!r} is a change in percentage points, but {what} is not a rate: give the target "
                         "itself (such as 1.38M), or a change from the baseline in % ({change:+g}%)",
                         value=text.strip(), what=metric.strip() or unit.strip(), change=value)
        return value, kind
    if kind != "percent" or half_width(text).strip()[:1] in "+-":
        return value, kind
    rate = is_rate(metric, unit)
    if rate:
        return value, "absolute"
    if rate is False and metric.strip():
        raise Reason("{value!r} is a percentage, but {metric} is not a rate: give the target itself (such as "
                     "1.38M), or a change from the baseline with its sign (+{change:g}%)",
                     value=text.strip(), metric=metric_word(metric.strip()), change=value)
    if rate is False:
        raise Reason("{value!r} is a percentage, but the goal is measured in {unit}: give the target itself "
                     "(such as 1.38M), or a change from the baseline with its sign (+{change:g}%)",
                     value=text.strip(), unit=unit.strip(), change=value)
    return value, kind


#: Units of a score counted in points (an NPS, a satisfaction score): `+5 points` adds 5 to it too.
_POINT_UNITS = frozenset({"points", "point", "pts", "pt", "分"})

#: How a change in percentage points is written after its number: `+5pp`, `+5 pts`, `+5 points`,
#: `+5 percentage points`, `+5个百分点` (case and the space before it are free).
POINTS = re.compile(r"\s*(?:pp|p\.p\.|pts?|points?|percentage\s+points?|个?百分点)$", re.IGNORECASE)


def parse_target(text: str) -> tuple[float, str]:
    """A typed target: `1.38M` is an absolute value, `+15%` or `-8%` a change from the baseline in
    % of it, `+5pp` (or `+5 points`) a change in percentage points (an unsigned `5pp` is +5)."""
    word = text.strip()
    if (points := POINTS.search(word)) and word[:points.start()].strip():
        number_part = word[:points.start()].strip()
        try:
            return parse_number(number_part), "points"
        except ValueError:
            raise Reason("{text!r} is not a number of points (e.g. +5pp, -2.5 points)", text=text) from None
    if word.endswith("%"):
        change = word[:-1]
        try:
            if change.rstrip().endswith("%"):  # `50%%` is no change anyone means
                raise ValueError
            return parse_number(change), "percent"
        except ValueError:  # (said as typed: `abc%`, not `abc`)
            raise Reason("{text!r} is not a number (e.g. 1200000, 1.2M, 250k, 31.5)", text=text) from None
    return parse_number(word), "absolute"
