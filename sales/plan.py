"""A whole plan as one document: what `uplift plan export` writes and the demo is seeded from."""

from __future__ import annotations

from datetime import date

import msgspec

from sales.budget import Amount, BudgetLine, SpendEntry, TrainingItem
from sales.goals import CheckIn, Goal, Strategy
from sales.members import Member
from sales.tasks import Status, Task, Title


class Period(msgspec.Struct, forbid_unknown_fields=True):
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")


class PlanInfo(msgspec.Struct, forbid_unknown_fields=True):
    name: Title
    period: Period | None = None
    budget: Amount | None = None  # the plan's whole budget; budget lines are judged against it


class Plan(msgspec.Struct, forbid_unknown_fields=True):
    plan: PlanInfo
    members: list[Member] = []
    wip: dict[Status, int] = {}
    goals: list[Goal] = []
    strategies: list[Strategy] = []
    tasks: list[Task] = []
    checkins: list[CheckIn] = []
    budget_lines: list[BudgetLine] = []
    spending: list[SpendEntry] = []
    training: list[TrainingItem] = []
