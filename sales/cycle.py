"""The whole cycle at a glance ("uplift cycle", `C`): where each of the five phases stands, in
one place, for a lead who wants the state of the plan before opening any screen.

Each phase is a handful of counts the phase's own screen explains in full: the latest
diagnosis and its first weak spot, the goals on and off pace, the work by status, the pipeline
against the quota, and how far the review has got. Nothing here is stored; the board fills it
in (store/cycle.py) from the same numbers its screens show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import msgspec

from sales.tasks import STATUSES, Task, is_overdue


class Diagnose(msgspec.Struct):
    snapshot: str | None  # the latest diagnosis kept (None: none yet)
    saved_at: str | None
    files: list[str]
    revenue: float | None
    findings: int
    first_finding: str | None
    notes: int
    pain_points: int
    checklist: tuple[int, int]  # done, items


class Goals(msgspec.Struct):
    goals: int
    on_pace: list[str]
    behind: list[str]
    waiting_checkin: list[str]  # sales.goals.checkin_due
    strategies: int
    # goals of an earlier cycle, ended before this one began, that no goal of it carries on
    # (`uplift goal carry`): the lead's choice at a cycle's start, carry each on or let it close
    not_carried: list[str] = []
    closed: list[str] = []  # the cycle's goals closed with their outcome (no pace asked of them)
    ended: list[str] = []  # the cycle's goals whose deadline has passed, not closed yet (no pace either)
    # the cycle's running goals with no pace to judge (no baseline or target, or no time yet to
    # expect any): "1 goal: 0 on pace, 0 behind" left the one goal unaccounted for
    unpaced: list[str] = []
    # behind pace only for standing at their baseline with no check-in (store goals_at_baseline):
    # alerts and My day call those "no check-in yet", so the glance does not count them behind
    first_checkin: list[str] = []


class Plan(msgspec.Struct):
    tasks: dict[str, int]  # per status
    overdue: int
    budget: float | None  # the plan's budget, if set
    approved: float
    requested: float  # still waiting for a decision
    spent: float
    training: tuple[int, int]  # done, items
    pace: float = 0.0  # tasks done a day over the last `pace_days` days (sales/burnup.py)
    pace_days: int = 0
    done_by: date | None = None  # when the open tasks are done at that pace (None: no pace, or none open)
    over: bool = False  # the cycle has ended


class Track(msgspec.Struct):
    open_deals: int
    best_case: float
    weighted: float
    forecast: float  # won + weighted
    quota: float | None  # the team's
    slipped: int
    alerts: int
    weekly: tuple[int, int]  # this week's review: done, items
    week: tuple[int, int, int, float] = (0, 0, 0, 0.0)  # this week's pipeline: new, won, lost, net change
    counted: int | None = None  # the open deals the forecast counts (closing in the cycle, dated); None: all


class Review(msgspec.Struct):
    won: float
    payouts: float | None  # None: no incentive plan
    answered: tuple[int, int]  # gap-analysis questions answered, questions
    checklist: tuple[int, int]
    closed: tuple[int, int] = (0, 0)  # deals won, deals won or lost in the cycle (sales/winloss.py)
    top_reason: tuple[str, float] | None = None  # the reason most value was lost to, and its share
    own_payout: bool = False  # payouts is the reader's own statement's total (a rep: pay is private)
    pay_hidden: bool = False  # the reader has no statement and reads no one's (not on the team): payouts None


class Cycle(msgspec.Struct):
    name: str
    start: date | None
    end: date | None
    today: date
    diagnose: Diagnose
    goals: Goals
    plan: Plan
    track: Track
    review: Review

    @property
    def day(self) -> tuple[int, int] | None:
        """(day of the cycle, days in it) when the cycle has dates and today falls in it."""
        if self.start is None or self.end is None or not self.start <= self.today <= self.end:
            return None
        return (self.today - self.start).days + 1, (self.end - self.start).days + 1


def task_counts(tasks: Iterable[Task], today: date) -> tuple[dict[str, int], int]:
    """Tasks per status (every status, in board order) and how many are overdue."""
    counts = dict.fromkeys(STATUSES, 0)
    overdue = 0
    for task in tasks:
        counts[task.status] += 1
        overdue += is_overdue(task, today)
    return counts, overdue


def ticked(items: Sequence[tuple[str, object]]) -> tuple[int, int]:
    """(done, items) of a checklist as the store gives it: (text, tick or None) pairs."""
    return sum(1 for _, tick in items if tick), len(items)


def paces(goal_ids: Iterable[str], judged: Iterable[tuple[str, float, float]]) -> tuple[list[str], list[str]]:
    """(on pace, behind) among ``goal_ids``, from (goal id, % expected by now, % covered)."""
    wanted = set(goal_ids)
    on, behind = [], []
    for goal_id, expected, actual in judged:
        if goal_id in wanted:
            (on if actual >= expected else behind).append(goal_id)
    return on, behind
