"""Numbers as the review shows them, the same on the command line and on screen: a dash for a
number there is none of, a unit after an amount, a percentage without a needless `.0`; and days
as a narrow card shows them.

No Textual here (the command line imports this), and sales' modules only when a number is
written, so that registering the command line's verbs does not pay for them.
"""

from __future__ import annotations

from tui.i18n import N_, _


def num_or_dash(value: float | None, unit: str = "") -> str:
    """`1,250.5 deals`, `$1,200`, `40%`: two decimals at most, thousands separated, the unit where
    people write it (sales.goals.with_unit); `–` for none."""
    from sales.goals import number, with_unit

    if value is None:
        return "–"
    return with_unit(number(value), unit)


def gap_or_dash(gap: float | None, unit: str = "") -> str:
    """How far a goal is from its target: in its unit (`$118,000`), or in points for a goal in
    percent (`5.5 pts`: a win rate of 60% against 65.5% is 5.5 points short, not 5.5% short)."""
    from sales.goals import number

    if gap is None or unit != "%":
        return num_or_dash(gap, unit)
    return _("{n} pts").format(n=number(gap))


def form_number(value: float, sign: bool = False) -> str:
    """A number in a form's box as a person types it, which sales.numbers.parse_number reads back
    exactly: `1,200,000`, `2,500.75`, `+15` with `sign`. (`:g` wrote `1.2e+06` and kept six digits,
    so that saving a form unchanged could change the number.)"""
    from decimal import Decimal

    if value == 0:
        return "0"
    exact = Decimal(repr(float(value)))  # the shortest text that reads back as this float
    if exact == exact.to_integral_value():
        exact = exact.quantize(Decimal(1))
    return format(exact, "+,f" if sign else ",f")


def pct_or_dash(value: float | None) -> str:
    """A percentage as payouts write it (`12.5%`, `80%`); `–` for none."""
    from sales.payout import pct

    return "–" if value is None else pct(value)


def times_or_dash(value: float | None) -> str:
    """A ratio as a multiple (`2.4×`, pipeline coverage); `–` for none."""
    return "–" if value is None else f"{value:.1f}×"


def short_or_met(gap: float | None, met: str = "met") -> str:
    """What a forecast falls short of its quota by; `met` when it reaches it; `–` without a quota."""
    if gap is None:
        return "–"
    return num_or_dash(gap) if gap > 0 else met


MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))


def short_day(day, today) -> str:
    """A day as a narrow card shows it: `Dec 21` in this year (zh `12月21日`), else the month
    (`Feb 2027`, zh `2027年2月`). A pipeline column at 120 columns is nine characters wide: an
    ISO date broke across lines. (The deal's details give the whole date.)"""
    month = _(MONTHS[day.month - 1])
    if day.year != today.year:
        return _("{month} {year}").format(month=month, year=day.year)
    return _("{month} {day}").format(month=month, day=day.day)
