"""The Calendar screen's words: the month's heading, the weekdays' names, what a day's cell says
of each item (its id and title, cut to the cell; only the id where cells are narrow; the cycle's
days a tag for an id: `▶ start`, `■ end`, `$ payout`) and a line of the day's list. The titles
are the board's text: the screen shows them as plain text."""

from __future__ import annotations

from datetime import date

from sales.calendar import Event
from sales.text import fit, safe
from tui.i18n import N_, _, bracketed, say
from tui.number_text import MONTHS

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
#: A cell narrower than this shows the items' ids only (at 80 columns a cell is 10 wide:
#: `T-12 Call…` said nothing an id does not).
TITLES_FROM = 14
OVERDUE = "!"  # before an overdue item's id, so that it reads without colour too


def month_heading(day: date, who: str | None, count: int) -> str:
    """`December 2026 · everyone · 9 dates` (zh `2026年12月 · 所有人 · 9 个日期`)."""
    month = _("{month} {year}").format(month=_(MONTHS[day.month - 1]), year=day.year)
    whose = _("mine ({name})").format(name=who) if who else _("everyone")
    dates = (_("{count} date") if count == 1 else _("{count} dates")).format(count=count)
    return f"{month} · {whose} · {dates}"


def weekday_name(weekday: int) -> str:
    """Monday is 0, as date.weekday() counts."""
    return _(WEEKDAYS[weekday])


CURSOR = "▸"  # before the cursor's day, so that it reads without colour too


def day_number(day: date, today: date, width: int, cursor: bool = False) -> str:
    """The cell's first line: the day of the month, and `today` on today's."""
    number = (CURSOR if cursor else " ") + str(day.day)
    return fit(f"{number} {_('today')}" if day == today else number, width)


#: The cycle's own days in a cell, as an id is a task's: a mark and a word that fit a narrow
#: cell (`Cycle en…` and `Payout p…` said nothing at 80 columns); the day's list says them whole.
CYCLE_TAGS = (("cycle-start", "▶", N_("start")), ("cycle-end", "■", N_("end")),
              ("cycle-payouts-", "$", N_("payout")))


def cycle_tag(event: Event) -> str:
    """`▶ start`, `■ end`, `$ payout` for the cycle's own days (sales.calendar.cycle_events' uids)."""
    for uid, mark, word in CYCLE_TAGS:
        if event.uid.startswith(uid):  # (a past cycle's: `cycle-start-2026-10-01`)
            return f"{mark} {_(word)}"
    return say(event.summary)


def cell_line(event: Event, late: bool, width: int) -> str:
    """An item in a day's cell, `width` cells wide: `T-12 Call Acme` (cut with …), `!T-12`
    when overdue, the id alone in a narrow cell; the cycle's own days likewise, their tag for
    an id (`■ end Q4`, `■ end`)."""
    text = cycle_tag(event) if not event.item else (OVERDUE if late else "") + event.item
    if width >= TITLES_FROM and event.title:
        text += " " + event.title
    return fit(" ".join(safe(text).split()), width)  # (a title's line breaks and tabs, as spaces)


def day_heading(day: date, today: date) -> str:
    """The day's list's heading: `Fri 2026-12-04 (today)`."""
    heading = f"{weekday_name(day.weekday())} {day.isoformat()}"
    return heading + (" " + _("(today)") if day == today else "")


def list_line(event: Event, late: bool) -> str:
    """A line of the day's list: what `uplift calendar` names the event (`D-3 closes: Acme
    (12,000)`), and `(overdue)`."""
    return say(event.summary) + (bracketed(_("overdue")) if late else "")
