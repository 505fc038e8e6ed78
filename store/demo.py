"""The demo board: the sample quarter from plans/, with a believable history behind it.

The sample plan's dates are shifted so that today sits eight weeks into its quarter (so some
tasks are overdue whatever day the demo runs), and the work done so far is replayed as real
changes by the reps who did it, each at a past time: the activity log is genuine.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path

import yaml

from sales.plan import Plan
from sales.validation import convert
from store.board import Board

DEMO_LEAD = "dana"
SAMPLE_PLAN = "sample-quarter.yaml"
WEEKS_IN = 8


class _Clock:
    """A settable clock, so each replayed change carries the time it happened."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def sample_plan() -> Plan:
    text = files("plans").joinpath(SAMPLE_PLAN).read_text(encoding="utf-8")
    return convert(yaml.safe_load(text), Plan)


def seed_demo(path: Path, today: date | None = None) -> Board:
    today = today or date.today()
    plan = sample_plan()
    period = plan.plan.period
    shift = today - (period.start + timedelta(weeks=WEEKS_IN))
    zone = datetime.now().astimezone().tzinfo

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=zone)

    def moved(day: date | None) -> date | None:
        return day + shift if day else None

    clock = _Clock(at(period.start + shift - timedelta(days=3), 9))
    boards: dict[str, Board] = {}

    def as_(name: str) -> Board:
        if name not in boards:
            boards[name] = Board(path, actor=name, clock=clock)
        return boards[name]

    lead = as_(DEMO_LEAD)
    lead.set_plan_info(plan.plan.name, moved(period.start), moved(period.end))
    for member in plan.members:
        lead.add_member(member.name, member.role)
    for status, limit in plan.wip.items():
        lead.set_wip_limit(status, limit)
    for goal in plan.goals:
        lead.add_goal(goal.title, owner=goal.owner, description=goal.description)
    for strategy in plan.strategies:
        lead.add_strategy(strategy.title, dimension=strategy.dimension, goals=strategy.goals,
                          description=strategy.description)
    clock.moment += timedelta(hours=1)
    for task in plan.tasks:
        lead.add_task(task.title, owner=task.owner, priority=task.priority,
                      start=moved(task.start), due=moved(task.due), goal=task.goal,
                      strategy=task.strategy, steps=[{"text": s.text} for s in task.steps],
                      expected_result=task.expected_result, measure=task.measure)

    rng = random.Random(7)
    events: list[tuple[datetime, str, str, object]] = []
    now = datetime.now().astimezone()
    for task in plan.tasks:
        start, due = moved(task.start), moved(task.due)
        last = min(due, today - timedelta(days=1)) if due else today - timedelta(days=1)
        begun = at(min(start, last), 9 + rng.randrange(8), rng.randrange(60))
        if task.status in ("doing", "blocked", "done"):
            events.append((begun, task.owner, task.id, "doing"))
        def between(fraction: float) -> datetime:
            """A working hour on the day that lies `fraction` of the way from start to last."""
            day = begun.date() + (last - begun.date()) * fraction
            return max(begun + timedelta(minutes=5), at(day, 10 + rng.randrange(7), rng.randrange(60)))

        if task.status == "blocked":
            events.append((between(0.5), task.owner, task.id, "blocked"))
        ticked = [i for i, step in enumerate(task.steps) if step.done]
        for n, index in enumerate(ticked):
            events.append((between((n + 1) / (len(ticked) + 1)), task.owner, task.id, index))
        if task.status == "done":
            events.append((at(last, 17, rng.randrange(60)), task.owner, task.id, "done"))
    for moment, actor, task_id, what in sorted(events, key=lambda e: e[0]):
        clock.moment = min(moment, now)
        board = as_(actor)
        if isinstance(what, int):
            board.toggle_step(task_id, what)
        else:
            board.move_task(task_id, what)
    return Board(path, actor=DEMO_LEAD)
