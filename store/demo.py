"""The demo board: the sample quarter from plans/, with a believable history behind it.

The sample plan's dates are shifted so that today sits eight weeks into its quarter (so some
tasks are overdue whatever day the demo runs), and the work done so far is replayed as real
changes by the reps who did it, each at a past time: the activity log is genuine. Before the
quarter, the lead diagnosed the last five quarters' sales (store/demo_sales.py writes them into
the board folder as past-sales.csv), so the goals' "achievable" check has history to judge by.

`lang` picks the sample's language (plans/sample-quarter.LANG.yaml, English when there is none):
the Chinese sample has Chinese names and titles, and its pipeline Chinese stage names (a plan
file does not carry stages, so they are set here). The demo's lead is the plan's first lead.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path

import msgspec
import yaml

from sales.plan import Plan
from sales.validation import convert
from store.board import Board
from store.demo_sales import write_past_sales

DEMO_LEAD = "dana"  # the English sample's lead
SAMPLE_PLAN = "sample-quarter.yaml"
WEEKS_IN = 8
PAST_SALES = "past-sales.csv"


class _Clock:
    """A settable clock, so each replayed change carries the time it happened."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def sample_plan(lang: str = "en") -> Plan:
    from store.templates import template_file

    text = files("plans").joinpath(template_file(SAMPLE_PLAN, lang)).read_text(encoding="utf-8")
    return convert(yaml.safe_load(text), Plan)


def lead_of(plan: Plan) -> str:
    """Who acts for the demo: the sample plan's first lead."""
    return next((m.name for m in plan.members if m.role == "lead"), DEMO_LEAD)


def seed_demo(path: Path, today: date | None = None, lang: str = "en") -> Board:
    today = today or date.today()
    plan = sample_plan(lang)
    demo_lead = lead_of(plan)
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

    lead = as_(demo_lead)
    lead.set_plan_info(plan.plan.name, moved(period.start), moved(period.end))
    if plan.stages:
        lead.set_stages(plan.stages)
    if plan.plan.budget is not None:
        lead.set_plan_budget(plan.plan.budget)
    for member in plan.members:
        lead.add_member(member.name, member.role)
    for status, limit in plan.wip.items():
        lead.set_wip_limit(status, limit)
    # Phase 1 first: the lead diagnoses the last five quarters' sales (the file is kept in the board folder).
    team_region = next((g.scope.region for g in plan.goals if g.scope.region), "North")
    sales = write_past_sales(path / PAST_SALES, before=moved(period.start), region=team_region,
                             reps=[m.name for m in plan.members if m.role == "rep"], lang=lang)
    lead.run_diagnosis([sales], period="quarter")
    clock.moment += timedelta(hours=2)
    for goal in plan.goals:
        fields = msgspec.to_builtins(goal)
        del fields["id"], fields["title"]
        lead.add_goal(goal.title, **{**fields, "start": moved(goal.start), "deadline": moved(goal.deadline)})
    for strategy in plan.strategies:
        lead.add_strategy(strategy.title, dimension=strategy.dimension, goals=strategy.goals,
                          description=strategy.description)
    clock.moment += timedelta(hours=1)
    for task in plan.tasks:
        lead.add_task(task.title, owner=task.owner, priority=task.priority,
                      start=moved(task.start), due=moved(task.due), goal=task.goal,
                      strategy=task.strategy, steps=[{"text": s.text} for s in task.steps],
                      expected_result=task.expected_result, measure=task.measure, depends=task.depends,
                      every=task.every)

    for item in plan.training:
        lead.add_training(item.topic, audience=item.audience, on=moved(item.on), strategy=item.strategy)

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
        for comment in task.comments:  # (the plan's dates shifted with the rest)
            events.append((comment.at + (moved(plan.plan.period.start) - plan.plan.period.start),
                           comment.by, task.id, ("comment", comment.text)))
    def task_change(task_id: str, what: object) -> Callable[[Board], object]:
        if isinstance(what, int):
            return lambda board: board.toggle_step(task_id, what)
        if isinstance(what, tuple):
            return lambda board: board.comment_task(task_id, what[1])
        return lambda board: board.move_task(task_id, what)

    # One timeline, replayed in time order, so that the log is in the order a real one is (the
    # pipeline's and the burn-up's history read it back newest first).
    timeline = [(min(moment, now), actor, task_change(task_id, what)) for moment, actor, task_id, what in events]
    timeline += [event for event in _resource_events(plan, moved, at, demo_lead) if event[0] <= now]
    for moment, actor, change in sorted(timeline, key=lambda e: e[0]):
        clock.moment = moment
        change(as_(actor))
    return Board(path, actor=demo_lead)


def _resource_events(plan: Plan, moved, at, lead: str = DEMO_LEAD
                     ) -> list[tuple[datetime, str, Callable[[Board], object]]]:
    """Check-ins, budget requests and decisions, spending, deals moving through the pipeline
    (with a logged call or meeting before each move), the incentive plan and finished training,
    as timed changes."""
    shift = moved(plan.plan.period.start) - plan.plan.period.start
    events: list[tuple[datetime, str, Callable[[Board], object]]] = []
    for c in plan.checkins:
        events.append((c.at + shift, c.by, lambda b, c=c: b.checkin(c.goal, c.value, c.confidence, c.comment)))
    for n, line in enumerate(plan.budget_lines):
        asked = at(moved(plan.plan.period.start) + timedelta(days=2 + n), 10)
        events.append((asked, line.requested_by, lambda b, line=line: b.request_budget(
            line.title, line.requested, category=line.category, strategy=line.strategy, task=line.task,
            note=line.note)))
        if line.status == "approved":
            events.append((asked + timedelta(days=1, hours=5), line.decided_by or lead,
                           lambda b, line=line: b.approve_budget(line.id, line.reason, line.approved)))
        elif line.status == "rejected":
            events.append((asked + timedelta(days=1, hours=5), line.decided_by or lead,
                           lambda b, line=line: b.reject_budget(line.id, line.reason)))
    for e in plan.spending:
        events.append((e.at + shift, e.by, lambda b, e=e: b.record_spend(e.line, e.amount, moved(e.on), e.note)))
    made: dict[str, str] = {}  # the plan's deal id -> the id the board gave it (deals start in time order)
    # (a deal keeps the strategy that brought it, as the sample tags a few: the review counts them)

    def add(board: Board, deal) -> None:
        made[deal.id] = board.add_deal(deal.title, account=deal.account, product=deal.product, value=deal.value,
                                       owner=deal.owner, stage=deal.history[0].stage, close=moved(deal.close),
                                       next_step=deal.next_step, strategy=deal.strategy).id

    for deal in plan.deals:
        first, *moves = deal.history
        owner = deal.owner or lead
        events.append((first.at + shift, owner, lambda b, d=deal: add(b, d)))
        for task in (t for t in plan.tasks if t.deal == deal.id):  # the follow-ups planned for it
            events.append((first.at + shift + timedelta(hours=1), lead,
                           lambda b, d=deal, t=task: b.update_task(t.id, deal=made[d.id])))
        for entry in moves:
            reason = deal.lost_reason if entry is deal.history[-1] else None  # said as it is lost
            events.append((entry.at + shift, owner, lambda b, d=deal, e=entry, r=reason: b.move_deal(
                made[d.id], e.stage, r)))
            events.append((entry.at + shift - timedelta(hours=2), owner, lambda b, d=deal, e=entry: b.log_activity(
                "call" if d.value < 15000 else "meeting", f"→ {e.stage}", deal=made[d.id])))
    for item in plan.incentives:
        events.append((at(moved(plan.plan.period.start), 8), lead,
                       lambda b, item=item: b.save_incentive_plan(msgspec.to_builtins(item))))
    for item in plan.training:
        if item.done and item.on:
            events.append((at(moved(item.on), 17), lead, lambda b, item=item: b.set_training_done(item.id)))
    return events
