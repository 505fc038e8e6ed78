"""The plan's dates as an iCalendar file (RFC 5545), for a person's own calendar: the open tasks
on their due dates, the open deals on their expected close dates, the goals' deadlines, the
training items on their days (`training_events`) and the cycle's own days (its first and last,
and the last of each incentive plan's payout period, which is the cycle's: `cycle_events`), each
an all-day event named by its id (`T-12 Call Acme`) or by what the day is (`Cycle starts: Q4`).

A rep runs `uplift calendar --mine > uplift.ics` over SSH and imports the file (or subscribes to
it where it is served); each event keeps its UID from one export to the next (the item's id and
the board's), so importing a newer file updates the events instead of adding them again.

The text is the board's: control characters are dropped, and `\\`, `;`, `,` and line breaks are
escaped as the format requires, so a title cannot add a property or an event of its own.
What the file says around the board's text ("closes:", "owner", a status) is a Phrase, so that
`uplift calendar` writes it in the interface's language (`ics(..., say=tui.i18n.say)`); without
`say`, the English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sales.budget import TrainingItem, training_for
from sales.deals import Deal, Stage
from sales.goals import Goal
from sales.phrases import Phrase, Say, Word
from sales.tasks import STATUS_LABELS, Task
from sales.text import clean_multiline

LINE_OCTETS = 75  # a content line's longest, before it is folded


@dataclass
class Event:
    uid: str  # the item's id and what the date is, unique on the board: T-12-due
    day: date
    summary: str  # (a Phrase where the file adds words of its own, as all the text below)
    description: str = ""  # its lines joined by line breaks (`as_lines`)
    categories: list[str] = field(default_factory=list)
    item: str = ""  # the task's, deal's or goal's id ("" for the cycle's own days)
    sequence: int = 0  # how many times the item was changed since it was made (RFC 5545 SEQUENCE)
    modified: datetime | None = None  # when it last was (LAST-MODIFIED)
    title: str = ""  # the item's own title, as the app's month grid shows it beside the id
    open: bool = True  # still to do on its day (a closed goal's deadline is not: never overdue)


def revised(events: list[Event], changes: Iterable[tuple[str, str]]) -> list[Event]:
    """`events` with each item's SEQUENCE and LAST-MODIFIED, from the board's log (`changes`:
    each record's item and time, in any order): a calendar that imports the file again takes a
    moved due date as a newer version of the event, not as one it already has."""
    wanted = {event.item for event in events if event.item}
    counts: dict[str, int] = {}
    newest: dict[str, datetime] = {}
    for item, at in changes:
        if item in wanted:
            counts[item] = counts.get(item, 0) + 1
            moment = datetime.fromisoformat(at)
            if item not in newest or moment > newest[item]:
                newest[item] = moment
    for event in events:
        if event.item in counts:
            event.sequence, event.modified = counts[event.item] - 1, newest[event.item]
    return events


def as_lines(parts: Sequence[str], between: Phrase | None = None) -> str:
    """Lines of a description as one text (or, `between` them, parts of a line: `, `, which
    Chinese writes `，`): a Phrase that only places them (as store.deals' problems are), so that
    each is still said in the interface's language."""
    values = {f"p{index}": part for index, part in enumerate(parts)}
    template = ("\n" if between is None else "{between}").join(f"{{p{index}}}" for index in range(len(parts)))
    return Phrase(template, **values) if between is None else Phrase(template, between=between, **values)


def _owner(name: str) -> str:
    return name or Word("nobody")


@dataclass
class CycleDays:
    """What the board knows of its cycle's dates: the plan's name and period, the incentive plans
    paid over that period (their ids and names) and the plan's whole budget, which is the period's
    too. The board keeps no review day: the weekly review is ticked per ISO week, on any day."""
    name: str
    start: date | None = None
    end: date | None = None
    incentives: Sequence[tuple[str, str]] = ()
    budget: float | None = None


def cycle_events(cycle: CycleDays, past: bool = False) -> list[Event]:
    """The cycle's own days, as `uplift calendar` and the Calendar screen both show them: its
    first day (with its budget), its last, and on the last each incentive plan's payout period
    ending (the statements to approve are the period's). Items of no one: never overdue. A
    `past` cycle's (one the plan had before) carry its first day in their uids, which stay apart
    from the cycle now's (`cycle-start-2026-10-01`), so a calendar keeps each cycle's days."""
    events = []
    suffix = f"-{cycle.start.isoformat()}" if past and cycle.start is not None else ""
    span = [Phrase("{start} to {end}", start=cycle.start.isoformat(), end=cycle.end.isoformat())] \
        if cycle.start is not None and cycle.end is not None else []
    if cycle.start is not None:
        money = [Phrase("budget {amount:,.0f}", amount=cycle.budget)] if cycle.budget is not None else []
        events.append(Event("cycle-start" + suffix, cycle.start, Phrase("Cycle starts: {name}", name=cycle.name),
                            as_lines(span + money) if span or money else "", [Phrase("cycle")], title=cycle.name))
    if cycle.end is not None:
        events.append(Event("cycle-end" + suffix, cycle.end, Phrase("Cycle ends: {name}", name=cycle.name),
                            as_lines(span) if span else "", [Phrase("cycle")], title=cycle.name))
        for plan_id, plan_name in cycle.incentives:
            details = [Phrase("incentive plan {id}", id=plan_id), *span]
            events.append(Event(f"cycle-payouts-{plan_id}{suffix}", cycle.end, Phrase("Payout period ends: {name}",
                                                                              name=plan_name),
                                as_lines(details), [Phrase("incentive plan")], title=plan_name))
    return events


def training_events(items: Iterable[TrainingItem], who: str | None = None,
                    members: Sequence[str] = ()) -> list[Event]:
    """The training items with a day, done or not (a session held is still on its day, as a
    closed goal's deadline is; one not ticked done once its day has gone by is overdue). Of `who`
    only, when given: the team's and those whose audience names them (of the board's `members`,
    sales.budget.training_for), which is what `uplift training list` shows them among the rest."""
    events = []
    for item in items:
        if item.on is None or (who is not None and not training_for(item, who, members)):
            continue
        details = [Phrase("for {audience}", audience=item.audience) if item.audience
                   else Phrase("for the whole team")]
        details += [Phrase("done")] if item.done else []
        details += [Phrase("strategy {id}", id=item.strategy)] if item.strategy else []
        events.append(Event(f"{item.id}-on", item.on, Phrase("{id} training: {topic}", id=item.id, topic=item.topic),
                            as_lines(details), [Phrase("training")], item=item.id, title=item.topic,
                            open=not item.done))
    return events


def plan_events(tasks: Iterable[Task], deals: Iterable[Deal], goals: Iterable[Goal], stages: Sequence[Stage],
                cycle: CycleDays, who: str | None = None, training: Iterable[TrainingItem] = (),
                members: Sequence[str] = (), past: Sequence[CycleDays] = ()) -> list[Event]:
    """The dated items of a board (of `who` only, when given: for training, the team's too, among
    the board's `members`) and its cycle's days, and those of the `past` cycles the plan had (a
    lead paging back to last quarter finds where it began and ended), by day, the cycles' first (a
    cycle's last day is news a day's cell must not push behind `+3`), then id. A goal carried on
    into a later cycle is not overdue on its deadline: the choice was made (as its alert says)."""
    outcome = {s.name: s.outcome for s in stages}
    goals = list(goals)
    carried = {g.carried_from for g in goals if g.carried_from}
    events = []
    for task in tasks:
        if task.due is None or task.status == "done" or (who is not None and task.owner != who):
            continue
        details = [Phrase("{status}, {priority} priority, owner {owner}", status=Word(STATUS_LABELS[task.status]),
                          priority=Word(task.priority), owner=_owner(task.owner))]
        links = ([Phrase("goal {id}", id=task.goal)] if task.goal else []) + \
            ([Phrase("strategy {id}", id=task.strategy)] if task.strategy else []) + \
            ([Phrase("deal {id}", id=task.deal)] if task.deal else [])
        details += [as_lines(links, Phrase(", "))] if links else []
        details += [Phrase("expected: {text}", text=task.expected_result)] if task.expected_result else []
        events.append(Event(f"{task.id}-due", task.due, f"{task.id} {task.title}", as_lines(details),
                            [Phrase("task"), *task.tags], item=task.id, title=task.title))
    for deal in deals:
        if deal.close is None or outcome.get(deal.stage) != "open" or (who is not None and deal.owner != who):
            continue
        details = [Phrase("{stage}, {value:,.0f}, owner {owner}, account {account}", stage=deal.stage,
                          value=deal.value, owner=_owner(deal.owner), account=deal.account) if deal.account else
                   Phrase("{stage}, {value:,.0f}, owner {owner}", stage=deal.stage, value=deal.value,
                          owner=_owner(deal.owner))]
        details += [Phrase("next step: {text}", text=deal.next_step)] if deal.next_step else []
        events.append(Event(f"{deal.id}-close", deal.close, Phrase("{id} closes: {title} ({value:,.0f})", id=deal.id,
                                                                   title=deal.title, value=deal.value),
                            as_lines(details), [Phrase("deal")], item=deal.id, title=deal.title))
    for goal in goals:
        if goal.deadline is None or (who is not None and goal.owner != who):
            continue
        events.append(Event(f"{goal.id}-deadline", goal.deadline, Phrase("{id} deadline: {title}", id=goal.id,
                                                                          title=goal.title),
                            Phrase("owner {owner}", owner=_owner(goal.owner)), [Phrase("goal")], item=goal.id,
                            title=goal.title, open=goal.closed is None and goal.id not in carried))
    events += training_events(training, who, members)
    events += cycle_events(cycle)
    for earlier in past:
        events += cycle_events(earlier, past=True)
    return sorted(events, key=lambda e: (e.day, bool(e.item), e.uid))


def escape(text: str) -> str:
    """Text as a property value: controls dropped, the format's separators escaped."""
    text = clean_multiline(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """One content line, folded into lines of at most 75 octets (never inside a character)."""
    whole = line.encode()
    if len(whole) <= LINE_OCTETS:
        return whole + b"\r\n"  # (most lines: nothing to fold)
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > LINE_OCTETS:
            out.append(current)
            current = b" "  # a continuation line starts with a space
        current += encoded
    out.append(current)
    return b"\r\n".join(out) + b"\r\n"


def ics(events: Sequence[Event], name: str, board_key: str, stamp: datetime, say: Say = str) -> bytes:
    """The calendar file: one all-day VEVENT per event, each with a UID stable across exports;
    its words said by `say` (the interface's language; `str`, the English)."""
    when = stamp.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Uplift//Sales plan//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{escape(event.uid)}@{board_key}.uplift", f"DTSTAMP:{when}",
                  f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
                  *([f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}"] if event.day < date.max else []),
                  f"SUMMARY:{escape(say(event.summary))}", "TRANSP:TRANSPARENT"]
        if event.modified is not None:
            lines += [f"SEQUENCE:{event.sequence}",
                      f"LAST-MODIFIED:{event.modified.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}"]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(say(event.description))}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape(say(c)) for c in event.categories))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
