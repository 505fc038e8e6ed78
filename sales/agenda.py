"""A person's day ("uplift today"): what needs them now, from every phase of the cycle at once.

One list instead of five screens: their overdue work and the work due soon, their blocked
tasks and what others said on them lately, their deals that have slipped, close soon or have
nothing planned (no open task linked to them and no next step: Pipedrive's "every deal has a
next activity"), their key accounts gone quiet, their goals behind pace or waiting for a
check-in, the training held for them today, and where they stand against their quota. Entries are data (ids, dates, counts); the
words are the interface's (tui/agenda_text.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Literal

import msgspec

from sales.alerts import Alert
from sales.budget import TrainingItem, training_for
from sales.deals import Deal, Stage, is_slipped
from sales.forecast import RepForecast
from sales.goals import CheckIn, Goal, checkin_due, last_checkin_day
from sales.ids import in_order
from sales.tasks import Task, board_order, is_overdue, waiting_on
from sales.touches import CoachingNote

DEFAULT_HORIZON = 7  # days ahead that count as "soon"
NEWS_DAYS = 3  # comments by others on your tasks from this many days back count as news

Kind = Literal["overdue", "due", "training", "blocked", "comment", "coaching", "slipped", "closing", "stuck", "quiet", "unplanned",
               "behind", "ended", "checkin"]


class Entry(msgspec.Struct):
    kind: Kind
    item: str  # the id to jump to: T-4, D-3, G-1
    title: str
    day: date | None = None  # due date, close date, or the last check-in
    days: int | None = None  # how many days past (overdue, slipped, since a check-in) or until (due, closing)
    status: str = ""  # a task's status or a deal's stage
    value: float | None = None  # a deal's value
    expected: float | None = None  # a goal behind pace: % of the way expected by now
    actual: float | None = None  # ... and % covered
    message: str = ""  # a quiet key account: the alert's evidence; a training item: its audience
    waiting: list[str] = []  # a task: the unfinished tasks it waits for


class Agenda(msgspec.Struct):
    who: str
    today: date
    horizon: int
    entries: list[Entry]
    forecast: RepForecast | None = None  # None: no quota or not a rep
    team_alerts: int = 0  # live alerts on the whole board
    own_alerts: int = 0  # ... of them about who's own tasks, deals and goals (`uplift alerts --mine`)
    payouts: tuple[int, int] = (0, 0)  # a lead's: statements to approve (again), approved ones to pay
    budget_requests: int = 0  # a lead's: budget lines waiting for a decision
    #: a lead's: past cycles (start, end) with statements approved then that changed since (a
    #: customer paid after the cycle ended, under `release: paid`, or a deal moved), and how many
    past_payouts: list[tuple[date, date, int]] = []
    #: a lead's: the statements held this cycle (rep, start, end, reason), a reminder of what they
    #: hold: not counted to approve or pay, but not out of mind either
    held_payouts: list[tuple[str, date | None, date | None, str]] = []

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


def agenda(who: str, today: date, tasks: Iterable[Task], deals: Iterable[Deal], stages: Sequence[Stage],
           goals: Iterable[Goal], checkins: Sequence[CheckIn], paces: Iterable[tuple[str, float, float]],
           alerts: Sequence[Alert], forecast: RepForecast | None = None,
           horizon: int = DEFAULT_HORIZON, coaching: Iterable[CoachingNote] = (), lead: bool = False,
           training: Iterable[TrainingItem] = (), members: Sequence[str] = ()) -> Agenda:
    """``who``'s agenda on ``today``. ``paces``: (goal id, % expected by now, % covered) per goal
    whose pace can be judged; ``alerts``: the board's live alerts (quiet key accounts are taken
    from them, and counted); ``coaching``: the coaching notes the reader may read about ``who``
    (the new ones are news, as others' comments on their tasks are); ``lead``: ``who`` leads, and is
    asked about every goal that ended without being closed, not only their own, and sees every
    training item held today; a rep, the team's and those whose audience names them (among the
    board's ``members``: sales.budget.training_for, as their calendar has them)."""
    soon = today + timedelta(days=horizon)
    entries: list[Entry] = []
    tasks, deals, goals = list(tasks), list(deals), list(goals)
    mine = sorted((t for t in tasks if t.owner == who and t.status != "done"), key=board_order)
    by_id = {t.id: t for t in tasks}
    for task in sorted((t for t in mine if is_overdue(t, today)), key=lambda t: (t.due, board_order(t))):
        entries.append(Entry("overdue", task.id, task.title, task.due, (today - task.due).days, task.status,
                             waiting=waiting_on(task, by_id)))
    for task in sorted((t for t in mine if t.due is not None and today <= t.due <= soon),
                       key=lambda t: (t.due, board_order(t))):
        entries.append(Entry("due", task.id, task.title, task.due, (task.due - today).days, task.status,
                             waiting=waiting_on(task, by_id)))
    for item in sorted((i for i in training if i.on == today and (lead or training_for(i, who, members))),
                       key=lambda i: (i.done, in_order(i.id))):
        entries.append(Entry("training", item.id, item.topic, item.on, 0, "done" if item.done else "",
                             message=item.audience))
    for task in mine:
        if task.status == "blocked" and not is_overdue(task, today):
            entries.append(Entry("blocked", task.id, task.title, task.due, None, task.status,
                                 waiting=waiting_on(task, by_id)))

    news = sorted(((c, t) for t in tasks if t.owner == who for c in t.comments
                   if c.by != who and (today - c.at.date()).days < NEWS_DAYS), key=lambda pair: pair[0].at, reverse=True)
    for comment, task in news:
        entries.append(Entry("comment", task.id, task.title, comment.at.date(), (today - comment.at.date()).days,
                             task.status, message=f"{comment.by}: {comment.text.splitlines()[0]}"))

    for note in sorted((n for n in coaching if n.rep == who and n.by != who
                        and 0 <= (today - n.at.date()).days < NEWS_DAYS), key=lambda n: n.at, reverse=True):
        entries.append(Entry("coaching", note.id, (note.note.splitlines() or [""])[0], note.at.date(),
                             (today - note.at.date()).days, message=note.by))

    outcome = {s.name: s.outcome for s in stages}
    open_deals = [d for d in deals if d.owner == who and outcome.get(d.stage) == "open"]
    for deal in sorted((d for d in open_deals if is_slipped(d, "open", today)), key=lambda d: (d.close, d.id)):
        entries.append(Entry("slipped", deal.id, deal.title, deal.close, (today - deal.close).days, deal.stage,
                             deal.value))
    for deal in sorted((d for d in open_deals if d.close is not None and today <= d.close <= soon),
                       key=lambda d: (d.close, -d.value)):
        entries.append(Entry("closing", deal.id, deal.title, deal.close, (deal.close - today).days, deal.stage,
                             deal.value))
    deal_of = {d.id: d for d in open_deals}
    for alert in alerts:  # (a stuck deal: in its stage longer than the board allows, sales.alerts)
        if alert.kind == "stuck" and alert.item in deal_of and alert.snoozed_until is None:
            deal = deal_of[alert.item]
            entered = deal.history[-1].at.date()
            entries.append(Entry("stuck", deal.id, deal.title, entered, (today - entered).days, deal.stage,
                                 deal.value))
    for alert in alerts:
        if alert.kind == "quiet" and alert.item in deal_of and alert.snoozed_until is None:
            deal = deal_of[alert.item]
            entries.append(Entry("quiet", deal.id, deal.title, status=deal.stage, value=deal.value,
                                 message=alert.message))

    planned = {t.deal for t in tasks if t.deal and t.status != "done"}
    for deal in sorted((d for d in open_deals if d.id not in planned and not d.next_step),
                       key=lambda d: (-d.value, d.id)):
        entries.append(Entry("unplanned", deal.id, deal.title, deal.close, status=deal.stage, value=deal.value))

    behind = {goal_id: (expected, actual) for goal_id, expected, actual in paces if actual < expected}
    # a goal over and not closed (sales.alerts.goal_ended): its owner's to report, a lead's to decide
    ended = {a.item for a in alerts if a.kind == "ended" and a.snoozed_until is None}
    for goal in goals:
        if goal.owner != who and not (lead and goal.id in ended):
            continue
        if goal.id in behind:
            expected, actual = behind[goal.id]
            entries.append(Entry("behind", goal.id, goal.title, expected=expected, actual=actual))
        if goal.id in ended:
            entries.append(Entry("ended", goal.id, goal.title, goal.deadline, (today - goal.deadline).days))
        if checkin_due(goal, checkins, today):
            last = last_checkin_day(goal.id, checkins)
            entries.append(Entry("checkin", goal.id, goal.title, last, (today - last).days if last else None))
    live = [a for a in alerts if a.snoozed_until is None]
    owners = {item.id: item.owner for items in (tasks, deals, goals) for item in items}
    return Agenda(who, today, horizon, entries, forecast, len(live),
                  own_alerts=sum(1 for a in live if owners.get(a.item) == who))
