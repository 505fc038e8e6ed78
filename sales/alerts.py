"""Alerts: the early warnings of the track phase, as pure rules over the board's data.

Each rule takes the data, `now` and the settings and returns Alerts. An alert names its
evidence in its message and the item it is about (`item`: a deal, task, goal, or `stage:NAME`
/ `column:STATUS`) so a screen can jump there. Its `key` (`kind:item`) is what a snooze names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Annotated

import msgspec

from sales.deals import Deal, Stage, conversions, is_slipped
from sales.errors import Reason, Word
from sales.phrases import Phrase, days as _days
from sales.tasks import STATUS_LABELS, Task, is_overdue
from sales.text import LINE_MAX, account_key, clean_line
from sales.touches import Touch

#: An item with no owner, as an alert says it.
UNASSIGNED = Word("unassigned")


class Alert(msgspec.Struct, kw_only=True):
    kind: str
    item: str
    message: str
    key: str = ""
    snoozed_until: date | None = None
    snooze_reason: str = ""
    snoozed_by: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or f"{self.kind}:{self.item}"


class AlertSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What makes an alert fire; a lead changes them (`uplift alerts config`)."""

    conversion_drop: float = 10.0       # points below the trailing four-week mean
    min_left: int = 3                   # stints that must have ended this week to judge a stage
    quiet_days: dict[str, int] = {}     # per stage; stages not named use default_quiet_days
    default_quiet_days: int = 14
    stuck_days: dict[str, int] = {}     # days in one open stage before a deal is stuck, per stage
    default_stuck_days: int = 14

    def __post_init__(self) -> None:
        if not 0 < self.conversion_drop <= 100:
            raise Reason("conversion_drop is in points, from 1 to 100")
        if self.min_left < 1 or self.default_quiet_days < 1 or self.default_stuck_days < 1:
            raise Reason("min_left, default_quiet_days and default_stuck_days are at least 1")
        if any(days < 1 for days in (*self.quiet_days.values(), *self.stuck_days.values())):
            raise Reason("quiet and stuck days are at least 1")

    def stuck_limit(self, stage: str) -> int:
        """The days a deal may sit in `stage` before it is stuck."""
        return self.stuck_days.get(stage, self.default_stuck_days)


class Snooze(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    key: Annotated[str, msgspec.Meta(max_length=200)]
    until: date
    reason: Annotated[str, msgspec.Meta(max_length=LINE_MAX)]
    by: Annotated[str, msgspec.Meta(max_length=200)]

    def __post_init__(self) -> None:
        self.reason = clean_line(self.reason)


WEEK = timedelta(days=7)


def conversion_drops(deals: Sequence[Deal], stages: Sequence[Stage], now: datetime,
                     settings: AlertSettings) -> list[Alert]:
    """A stage whose conversion in the last 7 days is below its trailing four-week mean.

    The four weeks are the four 7-day windows before the last one; a window in which no stint of
    the stage ended has no rate and is left out of the mean.
    """
    current = conversions(deals, stages, now - WEEK, now)
    windows = [conversions(deals, stages, now - WEEK * (n + 1), now - WEEK * n) for n in range(1, 5)]
    alerts = []
    for stage, this_week in current.items():
        if this_week.left < settings.min_left or this_week.rate is None:
            continue
        rates = [w[stage].rate for w in windows if w[stage].rate is not None]
        if not rates:
            continue
        mean = sum(rates) / len(rates)
        if mean - this_week.rate > settings.conversion_drop:
            weeks = ", ".join(f"{r:.0f}%" for r in rates)
            alerts.append(Alert(kind="conversion", item=f"stage:{stage}", message=Phrase(
                "{stage}: {rate:.0f}% advanced in the last 7 days ({advanced} of {left}) vs {mean:.0f}% "
                "trailing four-week mean ({weeks}); a drop of {drop:.0f} points (limit {limit:g})",
                stage=stage, rate=this_week.rate, advanced=this_week.advanced, left=this_week.left,
                mean=mean, weeks=weeks, drop=mean - this_week.rate, limit=settings.conversion_drop)))
    return alerts


def quiet_key_accounts(deals: Sequence[Deal], stages: Sequence[Stage], touches: Iterable[Touch],
                       now: datetime, settings: AlertSettings) -> list[Alert]:
    """An open key-account deal with no activity for more than its stage's number of days.

    Activity is an activity logged against the deal or its account, or the deal entering a stage.
    """
    open_names = {s.name for s in stages if s.outcome == "open"}
    by_deal: dict[str, Touch] = {}
    by_account: dict[str, Touch] = {}
    for touch in touches:
        if touch.deal and (touch.deal not in by_deal or touch.at > by_deal[touch.deal].at):
            by_deal[touch.deal] = touch
        account = account_key(touch.account)
        if account and (account not in by_account or touch.at > by_account[account].at):
            by_account[account] = touch
    alerts = []
    for deal in deals:
        if not deal.key_account or deal.stage not in open_names:
            continue
        limit = settings.quiet_days.get(deal.stage, settings.default_quiet_days)
        evidence: list[tuple[datetime, str]] = []
        if deal.history:
            entry = deal.history[-1]
            evidence.append((entry.at, Phrase("entered {stage}", stage=entry.stage)))
        for touch in (by_deal.get(deal.id), by_account.get(account_key(deal.account)) if deal.account else None):
            if touch is not None:
                evidence.append((touch.at, Phrase("{type} by {name} ({id})", type=Word(touch.type),
                                                  name=touch.by, id=touch.id)))
        if not evidence:
            continue
        last_at, what = max(evidence, key=lambda e: e[0])
        days = (now - last_at).days
        if days > limit:
            alerts.append(Alert(kind="quiet", item=deal.id, message=Phrase(
                "key account {account} ({id}, {stage}): no activity for {days}; last: {what} on {day}; "
                "the limit in {stage} is {limit} days", account=deal.account or deal.title, id=deal.id,
                stage=deal.stage, days=_days(days), what=what, day=last_at.date(), limit=limit)))
    return alerts


def days_stuck(deal: Deal, is_open: bool, today: date, settings: AlertSettings) -> int | None:
    """The days an open deal has sat in its stage, when that is more than the stage allows;
    None otherwise. Calendar days, as a person counts them."""
    if not is_open or not deal.history:
        return None
    days = (today - deal.history[-1].at.date()).days
    return days if days > settings.stuck_limit(deal.stage) else None


def stuck_deals(deals: Iterable[Deal], stages: Sequence[Stage], now: datetime,
                settings: AlertSettings) -> list[Alert]:
    """An open deal that has sat in its stage longer than the stage allows (Pipedrive's rotting
    deals; the weekly review's "deals stuck in one stage"): it entered the stage more than that
    many days ago and has not moved since, whatever was logged on it."""
    open_names = {s.name for s in stages if s.outcome == "open"}
    alerts = []
    for deal in deals:
        days = days_stuck(deal, deal.stage in open_names, now.date(), settings)
        if days is not None:
            entered = deal.history[-1].at
            alerts.append(Alert(kind="stuck", item=deal.id, message=Phrase(
                "{id} “{title}” ({owner}, {value:,.0f}) has been in {stage} for {days}, since {day}; the "
                "limit there is {limit} days: move it on, plan its next step, or close it", id=deal.id,
                title=deal.title, owner=deal.owner or UNASSIGNED, value=deal.value, stage=deal.stage,
                days=_days(days), day=entered.date(), limit=settings.stuck_limit(deal.stage))))
    return alerts


def overdue_tasks(tasks: Iterable[Task], today: date) -> list[Alert]:
    return [Alert(kind="overdue", item=task.id, message=Phrase(
        "{id} “{title}” ({owner}) was due {due}, {days} ago, and is {status}", id=task.id, title=task.title,
        owner=task.owner or UNASSIGNED, due=task.due, days=_days((today - task.due).days),
        status=Word(STATUS_LABELS[task.status])))
        for task in tasks if is_overdue(task, today)]


def slipped_deals(deals: Iterable[Deal], stages: Sequence[Stage], today: date) -> list[Alert]:
    """An open deal whose expected close date has passed: the forecast still counts it, so the
    date should be made true (a new date, or the deal closed)."""
    outcome = {s.name: s.outcome for s in stages}
    return [Alert(kind="slipped", item=deal.id, message=Phrase(
        "{id} “{title}” ({owner}, {stage}, {value:,.0f}) was expected to close {close}, {days} ago, and is "
        "still open: give it a new close date or close it", id=deal.id, title=deal.title,
        owner=deal.owner or UNASSIGNED, stage=deal.stage, value=deal.value, close=deal.close,
        days=_days((today - deal.close).days)))
        for deal in deals if is_slipped(deal, outcome.get(deal.stage, ""), today)]


def column_load(tasks: Iterable[Task], limits: dict[str, int], status: str) -> tuple[int, int] | None:
    """(the tasks in column `status`, its WIP limit), or None when it has no limit: what a move
    there asks about, and what a change that put a task there warns of."""
    limit = limits.get(status)
    if limit is None:
        return None
    return sum(1 for task in tasks if task.status == status), limit


def wip_over_limit(tasks: Iterable[Task], limits: dict[str, int]) -> list[Alert]:
    counts: dict[str, list[str]] = {}
    for task in tasks:
        counts.setdefault(task.status, []).append(task.id)
    alerts = []
    for status, limit in limits.items():
        ids = counts.get(status, [])
        if len(ids) > limit:
            alerts.append(Alert(kind="wip", item=f"column:{status}", message=Phrase(
                "{status} holds {count} tasks, over its WIP limit of {limit} ({ids})",
                status=Word(STATUS_LABELS.get(status, status)), count=len(ids), limit=limit,
                ids=", ".join(ids[:8]) + ("…" if len(ids) > 8 else ""))))
    return alerts


def goal_behind_pace(goal_id: str, expected: float, actual: float, tolerance: float = 0.0,
                     unit: str = "", at_baseline: bool = False) -> Alert | None:
    """A goal whose actual value is behind the value its pace expects by now.

    Pace arithmetic (what a goal should have reached by today) belongs to the goals phase; this
    rule only compares. `tolerance` is how far behind is still on pace, in the goal's unit.
    `at_baseline`: the goal stands at its baseline for want of a check-in (sales.rollup.at_baseline),
    so what it asks is a check-in, as `goal show` says, not "0% by now".
    """
    if actual >= expected - tolerance:
        return None
    if at_baseline:
        return Alert(kind="pace", item=goal_id, message=Phrase(
            "{goal} has no check-in yet: it stands at its baseline where {expected:g}{unit} of the way was "
            "expected by now", goal=goal_id, unit=unit, expected=expected))
    return Alert(kind="pace", item=goal_id, message=Phrase(
        "{goal} is behind its pace: {actual:g}{unit} by now where {expected:g}{unit} was expected "
        "({short:g}{unit} short)", goal=goal_id, actual=actual, unit=unit, expected=expected,
        short=expected - actual))


def goal_ended(goal_id: str, deadline: date, done: float | None) -> Alert:
    """A goal whose deadline has passed and that is not closed: its pace is over (not "100%
    expected"), and what it asks is a decision, its outcome or a next cycle's goal. `done`: the
    share of the way covered, in points (None: no baseline or target to measure it by)."""
    if done is None:
        message = Phrase("{goal} ended {day} and is not closed yet: close it with how it ended, or carry it on "
                         "into the next cycle", goal=goal_id, day=deadline)
    else:
        message = Phrase("{goal} ended {day} at {done:g}% of the way from baseline to target and is not closed "
                         "yet: close it with how it ended, or carry it on into the next cycle", goal=goal_id,
                         day=deadline, done=done)
    return Alert(kind="ended", item=goal_id, message=message)


def apply_snoozes(alerts: list[Alert], snoozes: Iterable[Snooze], today: date) -> list[Alert]:
    """Mark the alerts whose snooze still runs (until a date, inclusive)."""
    active = {s.key: s for s in snoozes if s.until >= today}
    for alert in alerts:
        snooze = active.get(alert.key)
        if snooze:
            alert.snoozed_until, alert.snooze_reason, alert.snoozed_by = snooze.until, snooze.reason, snooze.by
    return alerts
