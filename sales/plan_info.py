"""The plan's own header: its name, its period and its whole budget.

Kept apart from sales/plan.py (the whole document, which names every kind of item) so that the
board's settings can use it without importing every model.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import msgspec

from sales.budget import Amount
from sales.errors import Reason
from sales.tasks import Title


class Period(msgspec.Struct, forbid_unknown_fields=True):
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise Reason("the period ends ({end}) before it starts ({start})", end=self.end,
                         start=self.start).in_field("end")


class PlanInfo(msgspec.Struct, forbid_unknown_fields=True):
    name: Title
    period: Period | None = None
    budget: Amount | None = None  # the plan's whole budget; budget lines are judged against it


Span = tuple[date, date]


def shared_days(one: Span, other: Span) -> Span | None:
    """The days two cycles share (first, last), None when they share none."""
    first, last = max(one[0], other[0]), min(one[1], other[1])
    return (first, last) if first <= last else None


def cycle_clash(new: Span, now: tuple[date | None, date | None], earlier: Sequence[Span] = ()) -> Reason | None:
    """Why `new` may not be the plan's cycle, given the cycle `now` and the `earlier` ones the plan
    had (the calendar's, each once), or None.

    The board reads cycles that share days as one cycle whose dates were corrected (a budget line
    stays with its cycle, the calendar shows one, a payout statement is neither earlier nor this):
    so dates only corrected keep most of the cycle's days (at least half of the shorter of the two),
    and a next cycle that shares a few of the last one's days, a typo or a quarter's dates on a
    board whose cycle runs on (the demo's), is refused rather than read as either. No cycle shares
    a day with an earlier one (going back to one exactly is reading it again, not a new cycle)."""
    if now[0] is not None and now[1] is not None and new != now:
        old = (now[0], now[1])
        if (both := shared_days(new, old)) is not None:
            shorter = min((new[1] - new[0]).days, (old[1] - old[0]).days) + 1
            if ((both[1] - both[0]).days + 1) * 2 < shorter:
                return Reason("the cycle {start} to {end} shares only {first} to {last} with the cycle now, "
                              "{now_start} to {now_end}: a new cycle starts after the last one ends (after "
                              "{now_end}); dates only corrected keep most of the cycle's days",
                              start=new[0], end=new[1], first=both[0], last=both[1], now_start=old[0],
                              now_end=old[1])
    for cycle in earlier:
        if cycle != new and cycle != now and (both := shared_days(new, cycle)) is not None:
            return Reason("the cycle {start} to {end} shares {first} to {last} with an earlier cycle, {old_start} "
                          "to {old_end}: a cycle starts after the one before it ends", start=new[0], end=new[1],
                          first=both[0], last=both[1], old_start=cycle[0], old_end=cycle[1])
    return None
