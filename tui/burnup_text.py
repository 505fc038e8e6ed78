"""The burn-up's words, shared by `uplift burnup` and the task board's burn-up (key b)."""

from __future__ import annotations

from datetime import date

from sales.burnup import PACE_DAYS, BurnDay, BurnUp
from sales.numbers import rounded
from tui.i18n import N_, _, n_, sentences

COLUMNS = (N_("Week of"), N_("Tasks"), N_("Done"), N_("Open"), N_("Even pace"))


def title(b: BurnUp) -> str:
    if not b.cycle and b.upcoming is not None:
        said = _("Burn-up of the last {weeks} weeks (the cycle begins on {start})").format(
            weeks=len(b.days) // 7, start=b.upcoming.isoformat())
    elif not b.cycle:
        said = _("Burn-up of the last {weeks} weeks (the board has no cycle dates)").format(weeks=len(b.days) // 7)
    elif b.over:  # (read after its end: not "day 92 of 92", as if it still ran)
        said = _("Burn-up {start} to {end}: the cycle has ended ({days} days)").format(
            start=b.start.isoformat(), end=b.end.isoformat(), days=(b.end - b.start).days + 1)
    else:
        said = _("Burn-up {start} to {end}: day {day} of {days}").format(
            start=b.start.isoformat(), end=b.end.isoformat(), day=(b.today.day - b.start).days + 1,
            days=(b.end - b.start).days + 1)
    return said + (" · " + _("{owner}'s tasks").format(owner=b.owner) if b.owner else "")


def cells(b: BurnUp, day: BurnDay) -> list[str]:
    even = rounded(b.even_pace(day)) if b.cycle else "–"
    return [day.day.isoformat(), f"{day.scope:,}", f"{day.done:,}", f"{day.open:,}", even]


def rows(b: BurnUp) -> list[list[str]]:
    """A row a week from the first day, and today's."""
    return [cells(b, day) for day in b.weekly()]


def summary(b: BurnUp) -> list[str]:
    """Where the work stands today and, at the recent pace, when the open tasks are done."""
    now = b.today
    if not now.scope and b.over:  # (nothing to add to a cycle that has ended)
        return [_("The cycle had no tasks.")]
    if not now.scope and b.owner is None:  # (a new board: say what fills the chart)
        return [_("No tasks yet: add one on the task board or with `uplift task add TITLE`.")]
    if not now.scope:
        return [_("No tasks yet.")]
    share = rounded(now.done / now.scope, percent=True) + "%"
    lines = [n_("{scope} task, {done} done ({share}), {open} open.", "{scope} tasks, {done} done ({share}), {open} open.",
                now.scope).format(scope=now.scope, done=now.done, share=share, open=now.open)]
    if b.cycle and not b.over:  # (once it has ended, an even pace has done them all: nothing said)
        lines[0] = sentences(lines[0], _("At an even pace {even} would be done by now.").format(
            even=rounded(b.even_pace(now))))
    lines.append(when_done(now.open, b.pace, b.done_by, b.end if b.cycle else None, b.over,
                           min(PACE_DAYS, len(b.days) - 1)))
    return lines


def when_done(open_: int, pace: float, done_by: date | None, end: date | None, over: bool, days: int) -> str:
    """When the open tasks are done at the pace of the last `days` days, against the cycle's
    `end` (None: a board without cycle dates; `over`: it has ended)."""
    if not open_:
        return _("Every task is done.")
    if end is not None and over:
        return n_("The cycle ended on {end} with {open} task open.", "The cycle ended on {end} with {open} tasks open.",
                  open_).format(end=end.isoformat(), open=open_)
    if days == 0:  # (the cycle's first day: no day before it to measure a pace from)
        return _("The cycle began today: there is no pace yet to say when the open tasks will be done.")
    if pace <= 0 or done_by is None:
        if days == 1:
            return _("Nothing was done today: there is no pace yet to say when the open tasks will be done.")
        return _("Nothing was done in the last {days} days: there is no pace yet to say when the open tasks "
                 "will be done.").format(days=days)
    said = dict(days=days, pace=rounded(pace, 1), day=done_by.isoformat())
    if days == 1:  # (the cycle's second day: the pace is today's)
        return todays_pace(said, end)
    if end is None:
        return _("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}.").format(**said)
    gap = (end - done_by).days
    if gap >= 0:
        return n_("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                  "{count} day before the cycle ends.",
                  "At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                  "{count} days before the cycle ends.", gap).format(count=gap, **said)
    return n_("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
              "{count} day after the cycle ends.",
              "At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
              "{count} days after the cycle ends.", -gap).format(count=-gap, **said)


def todays_pace(said: dict, end: date | None) -> str:
    """When the open tasks are done at the pace of one day, today (`the last 1 days'` was no
    English): `said` holds the pace and the day, `end` the cycle's last day."""
    if end is None:
        return _("At today's pace ({pace} a day), the open tasks are done by {day}.").format(**said)
    gap = (end - date.fromisoformat(said["day"])).days
    if gap >= 0:
        return n_("At today's pace ({pace} a day), the open tasks are done by {day}, {count} day before the cycle ends.",
                  "At today's pace ({pace} a day), the open tasks are done by {day}, {count} days before the cycle "
                  "ends.", gap).format(count=gap, **said)
    return n_("At today's pace ({pace} a day), the open tasks are done by {day}, {count} day after the cycle ends.",
              "At today's pace ({pace} a day), the open tasks are done by {day}, {count} days after the cycle ends.",
              -gap).format(count=-gap, **said)
