"""The burn-up's words, shared by `uplift burnup` and the task board's burn-up (key b)."""

from __future__ import annotations

from sales.burnup import PACE_DAYS, BurnDay, BurnUp
from tui.i18n import N_, _, n_, sentences

COLUMNS = (N_("Week of"), N_("Tasks"), N_("Done"), N_("Open"), N_("Even pace"))


def title(b: BurnUp) -> str:
    if not b.cycle:
        said = _("Burn-up of the last {weeks} weeks (the board has no cycle dates)").format(weeks=len(b.days) // 7)
    else:
        said = _("Burn-up {start} to {end}: day {day} of {days}").format(
            start=b.start.isoformat(), end=b.end.isoformat(), day=len(b.days), days=(b.end - b.start).days + 1)
    return said + (" · " + _("{owner}'s tasks").format(owner=b.owner) if b.owner else "")


def cells(b: BurnUp, day: BurnDay) -> list[str]:
    even = f"{b.even_pace(day):,.0f}" if b.cycle else "–"
    return [day.day.isoformat(), f"{day.scope:,}", f"{day.done:,}", f"{day.open:,}", even]


def rows(b: BurnUp) -> list[list[str]]:
    """A row a week from the first day, and today's."""
    return [cells(b, day) for day in b.weekly()]


def summary(b: BurnUp) -> list[str]:
    """Where the work stands today and, at the recent pace, when the open tasks are done."""
    now = b.today
    if not now.scope:
        return [_("No tasks yet.")]
    share = f"{now.done / now.scope:.0%}"
    lines = [n_("{scope} task, {done} done ({share}), {open} open.", "{scope} tasks, {done} done ({share}), {open} open.",
                now.scope).format(scope=now.scope, done=now.done, share=share, open=now.open)]
    if b.cycle:
        lines[0] = sentences(lines[0], _("At an even pace {even} would be done by now.").format(
            even=f"{b.even_pace(now):,.0f}"))
    if not now.open:
        lines.append(_("Every task is done."))
    elif b.cycle and now.day >= b.end:
        lines.append(_("The cycle ended on {end} with {open} tasks open.").format(end=b.end.isoformat(), open=now.open))
    elif b.pace <= 0:
        lines.append(_("Nothing was done in the last {days} days: there is no pace yet to say when the open tasks will be done.")
                     .format(days=min(PACE_DAYS, len(b.days) - 1)))
    else:
        said = dict(days=min(PACE_DAYS, len(b.days) - 1), pace=f"{b.pace:.1f}", day=b.done_by.isoformat())
        gap = (b.end - b.done_by).days
        if not b.cycle:
            pace = _("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}.").format(**said)
        elif gap >= 0:
            pace = n_("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                      "{count} day before the cycle ends.",
                      "At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                      "{count} days before the cycle ends.", gap).format(count=gap, **said)
        else:
            pace = n_("At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                      "{count} day after the cycle ends.",
                      "At the last {days} days' pace ({pace} a day), the open tasks are done by {day}, "
                      "{count} days after the cycle ends.", -gap).format(count=-gap, **said)
        lines.append(pace)
    return lines
