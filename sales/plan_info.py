"""The plan's own header: its name, its period and its whole budget.

Kept apart from sales/plan.py (the whole document, which names every kind of item) so that the
board's settings can use it without importing every model.
"""

from __future__ import annotations

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
