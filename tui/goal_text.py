"""A goal in words, in the interface's language: its SMART reasons, scope, pace and rolled-up
value, as the Goals screen and `uplift goal show` say them (no Textual: the command line uses it)."""

from __future__ import annotations

from collections.abc import Callable

from sales.goals import KNOWN_METRICS, METRIC_WORDS
from sales.pace import describe_value, pace_start, percent
from sales.rollup import at_baseline, describe_rollup
from tui.i18n import _, bracketed, enumerated, labelled, list_comma, say


def metric_text(metric: str) -> str:
    """A goal's metric in the interface's language: a KPI the diagnosis computes (`win_rate`:
    赢单率) by its name, like a status; any other metric as it was typed."""
    if metric in KNOWN_METRICS and (said := _(metric)) != metric:
        return said
    # (English has no entry for the key: its words, not `win_rate`)
    return _(METRIC_WORDS[metric]) if metric in METRIC_WORDS else metric


def metric_title_text(metric: str) -> str:
    """A KPI as a title or a sentence names it (`Raise ROI`, `Raise win rate`), the diagnosis
    report's words for it, in the interface's language; `metric_text` otherwise, its key's
    underscores as spaces (a goal made of an ROI weak spot was titled `Raise roi`)."""
    from sales.diagnosis_compare import TOTALS

    if (words := dict(TOTALS).get(metric)) is not None:
        return say(words)
    return metric_text(metric).replace("_", " ")


def metric_key(text: str | None) -> str | None:
    """A metric as typed: a KPI's key, or its name in the interface's language (赢单率: win_rate),
    as a status is read; any other text as it is (a metric of the lead's own)."""
    if text is None:
        return None
    word = text.strip().casefold()
    return next((m for m in METRIC_WORDS if word and word in (_(m).casefold(), metric_text(m).casefold())), text)


def scope_text(scope) -> str:
    """A goal's scope (sales.goals.Scope.describe) with the fields' names in the interface's language."""
    return enumerated(labelled(_(name.replace('_', ' ')), value) for name, value in scope.given().items())


def reason_text(verdict, goal) -> str:
    """A SMART verdict's reason in the interface's language: its templates translated, its values
    (numbers, dates, ids, names) as they are, the goal's scope with its fields' names translated."""
    if not verdict.parts:
        return verdict.reason
    return _(verdict.sep).join(_(template).format(**_said_values(values, goal)) for template, values in verdict.parts)


def _said_values(values: dict, goal) -> dict:
    """A reason's values as the interface says them: the goal's scope and metric in its words."""
    said = dict(values)
    if "scope" in said:
        said["scope"] = scope_text(goal.scope)
    if "metric" in said:
        said["metric"] = metric_text(said["metric"])
    if "strategies" in said:  # (sales.smart joins the ids with ", ")
        said["strategies"] = enumerated(said["strategies"].split(", "))
    return said


def pace_text(pace) -> str:
    """Where a goal stands against its pace (sales.pace.Pace.describe, in the interface's language)."""
    if pace.progress is None:
        return {("baseline",): _("no progress to measure (needs a baseline)"),
                ("target",): _("no progress to measure (needs a target)")}.get(
            pace.missing, _("no progress to measure (needs a baseline and a target)"))
    if pace.expected is None:
        return {("start",): _("{progress} of the way from baseline to target (needs a start to judge the pace)"),
                ("deadline",): _("{progress} of the way from baseline to target (needs a deadline to judge the pace)")}.get(
            pace.missing, _("{progress} of the way from baseline to target (needs a start and a deadline to judge the pace)")
        ).format(progress=percent(pace.progress))
    return _("{progress} of the way from baseline to target, {expected} expected by now").format(
        expected=percent(pace.expected), progress=percent(pace.progress))


def carried_text(goal) -> str:
    """The line of a goal that carries one of the last cycle's on; with the day it was carried on
    when that was after its start, since its pace counts from then (sales/pace.py)."""
    if (since := pace_start(goal)) != goal.start:
        return _("carries {goal} on from the last cycle, since {day} (its pace counts from then)").format(
            goal=goal.carried_from, day=since)
    return _("carries {goal} on from the last cycle").format(goal=goal.carried_from)


def outcome_text(outcome: str) -> str:
    """A closed goal's outcome in the interface's language (`partly achieved`, 部分达成)."""
    from sales.goals import OUTCOME_LABELS

    return _(OUTCOME_LABELS[outcome])


def closing_text(report) -> str:
    """A closed goal's outcome, day, who closed it and final score: `missed, closed 2026-12-04 by
    dana: ended at $150, 50% of the way from baseline to target`."""
    goal, pace = report.goal, report.pace
    return _("{outcome}, closed {day} by {name}: ended at {value}, {progress} of the way from baseline to target").format(
        day=goal.closed.on, name=goal.closed.by, outcome=outcome_text(goal.closed.outcome),
        value=describe_value(pace.current, goal.unit),
        progress="–" if pace.progress is None else percent(pace.progress))


def standing_text(report) -> str:
    """Where a goal stands, in words that fit how far along it is: its pace while it runs; once
    its deadline has passed, where it ended and that it waits to be closed; once closed, its
    outcome and final score (no "expected by now": the time for pace is over)."""
    goal, pace = report.goal, report.pace
    done = "–" if pace.progress is None else percent(pace.progress)
    if goal.closed is not None:
        return closing_text(report)
    if report.ended:
        return _("ended {day} at {progress} of the way from baseline to target; not closed yet "
                 "(`uplift goal close {id}` gives it its outcome)").format(day=goal.deadline, progress=done, id=goal.id)
    return pace_text(pace)


def rollup_text(current, unit: str, write: Callable[[float | None], str] | None = None, then: str = " · ") -> str:
    """Where a rolled-up goal's value comes from: each contributor's value (written by `write`,
    default with the goal's unit), then (after `then`) who is left out."""
    words = {"sum": _("sum of {parts}"), "average": _("average of {parts}"),
             "nobody": _("no contributor with a value yet"),
             "left_out": then + _("left out (no check-in or baseline yet): {ids}"), "sep": list_comma()}
    return describe_rollup(current, write or (lambda value: describe_value(value, unit)), words)


def source_text(current, unit: str, write: Callable[[float | None], str] | None = None, then: str = " · ") -> str:
    """Where a goal's value comes from, in brackets after it: its contributors (rollup_text), what
    the board measured, or its baseline for want of anything newer; "" for a check-in's. One
    wording for the Goals screen and `goal show`."""
    if current.rollup:
        return bracketed(rollup_text(current, unit, write, then))
    if current.measured:
        return bracketed(say(current.measured))
    if at_baseline(current):  # not the review's deals: say where it stands
        return bracketed(_("its baseline, no check-in yet"))
    return ""


def source_cell(report) -> str:
    """Where a goal's At in `goal list` comes from, as the review's Source column says its actual's:
    so a goal the review reads from the deals while the list stands at its baseline
    (store/goal_measures.py, read_from_deals) says which each reads. "" for nothing to read."""
    from sales.phrases import Phrase, Word
    from sales.goals import OUTCOME_LABELS

    goal, current = report.goal, report.current
    if goal.closed is not None and goal.closed.value is not None:
        return say(Phrase("{outcome} ({day})", day=goal.closed.on.isoformat(),
                          outcome=Word(OUTCOME_LABELS[goal.closed.outcome])))
    if current.rollup:
        return _("contributing")
    if current.checkin is not None:
        return _("check-in {id}").format(id=current.checkin.id)  # (its day: `goal show`)
    if current.measured:
        return say(current.measured)
    return _("baseline") if at_baseline(current) else ""


def relative_rate_note(goal) -> str | None:
    """What a `+5%` on a rate resolved to, spelled out (`G-2: win rate 40% → 42%: +5% of 40%; for
    points write +5pp`): a lead more often means points, so the confirmation of a goal's target
    says which it took. None for any other target (sales.goals.relative_rate_change)."""
    from sales.goals import number, relative_rate_change

    if (change := relative_rate_change(goal)) is None:
        return None
    baseline, target, percent_ = change
    unit = goal.unit or "%"  # (a rate with no unit is in %: checked in from 0 to 100)
    return _("{id}: {metric} {baseline} → {target}: {change}% of {baseline}; for points write {change}pp").format(
        id=goal.id, metric=metric_title_text(goal.metric), baseline=describe_value(baseline, unit),
        target=describe_value(target, unit), change=f"{percent_:+g}")


def points_word() -> str:
    """A change in percentage points as describe_target writes it (`+5 pts`), in the interface's language."""
    return _("{change} pts")
