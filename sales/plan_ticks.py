"""The ticks of the checklists a board keeps for itself (the diagnosis, the weekly review and the
end-of-cycle review), as a plan file carries them (`ticks:`): which checklist, which week or
cycle, the step (its English text, as the board keeps it), who ticked it and when.

The checklists of one's own (`checklists:`) carry their steps' `done` themselves; these three are
the shipped templates', ticked on the board, so their ticks go in a section of their own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason
from sales.tasks import Ref, Title

Which = Literal["diagnosis", "weekly", "review"]
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


class PlanTick(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One tick: a weekly review's is of its ISO week (`week: 2026-W48`), an end-of-cycle
    review's of its cycle (`start` and `end`; none: given before ticks were kept per cycle)."""

    checklist: Which
    week: Annotated[str, msgspec.Meta(max_length=8)] | None = None
    start: date | None = None
    end: date | None = None
    text: Title
    by: Ref
    at: Annotated[str, msgspec.Meta(max_length=40)]

    def __post_init__(self) -> None:
        if self.checklist == "weekly" and self.week is None:
            raise Reason("a weekly review's tick says its week (week: 2026-W48)").in_field("week")
        if self.week is not None:
            if self.checklist != "weekly":
                raise Reason("only a weekly review's tick has a week").in_field("week")
            week_start(self.week)
        if (self.start is None) != (self.end is None):
            raise Reason("a cycle has its start and its end: give both").in_field("end" if self.end is None else "start")
        if self.start is not None and self.checklist != "review":
            raise Reason("only an end-of-cycle review's tick has a cycle (start and end)").in_field("start")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise Reason("the cycle ends {end}, before it starts {start}", end=self.end, start=self.start).in_field("end")


def week_start(week: str) -> date:
    """The Monday of an ISO week written `2026-W48`; Reason when it is no week."""
    match = _WEEK.match(week)
    try:
        if match is None:
            raise ValueError
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise Reason("{week!r} is not a week: write it as YYYY-Www (2026-W48)", week=week).in_field("week") from None


def week_of(doc_id: int) -> str:
    """A weekly review's document (202648) as its week: 2026-W48."""
    year, week = divmod(doc_id, 100)
    return f"{year}-W{week:02d}"


def cycle_of(doc_id: int) -> tuple[date, date]:
    """An end-of-cycle review's document (2026100120261231) as its cycle's first and last days."""
    text = str(doc_id)
    return (date(int(text[:4]), int(text[4:6]), int(text[6:8])), date(int(text[8:12]), int(text[12:14]), int(text[14:])))
