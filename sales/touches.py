"""What reps do with customers (calls, visits, meetings, emails) and the lead's coaching notes.

A logged activity ("touch") is an item of its own (`A-12`), against a deal, an account or both.
Activities per rep per week are a process metric the review phase reads (`per_rep_week`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Literal

import msgspec

from sales.errors import Reason
from sales.tasks import LongText, Ref
from sales.text import clean_line, clean_multiline

TouchType = Literal["call", "visit", "meeting", "email"]
TOUCH_TYPES: tuple[str, ...] = ("call", "visit", "meeting", "email")


class Touch(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A call, visit, meeting or email a rep logged."""

    id: str
    type: TouchType
    by: Ref
    at: datetime
    deal: Ref | None = None
    account: Ref = ""
    note: LongText = ""

    def __post_init__(self) -> None:
        self.account = clean_line(self.account)
        self.note = clean_multiline(self.note)
        if not self.deal and not self.account:
            raise Reason("an activity is logged against a deal or an account")


class CoachingNote(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A lead's note on a rep; shown to leads and to that rep only, or to leads only when it is
    `private` (Lattice's private 1:1 notes: what a lead keeps for themselves and the other leads)."""

    id: str
    rep: Ref
    by: Ref
    at: datetime
    note: LongText
    private: bool = False

    def __post_init__(self) -> None:
        self.note = clean_multiline(self.note)
        if not self.note:
            raise Reason("a coaching note needs some text").in_field("note")


def per_rep_week(touches: Iterable[Touch]) -> dict[str, dict[str, int]]:
    """Activities per rep per ISO week: {"ali": {"2026-W47": 5, ...}, ...}."""
    counts: dict[str, Counter] = {}
    for touch in touches:
        year, week, _ = touch.at.isocalendar()
        counts.setdefault(touch.by, Counter())[f"{year}-W{week:02d}"] += 1
    return {rep: dict(sorted(weeks.items())) for rep, weeks in sorted(counts.items())}
