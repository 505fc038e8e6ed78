"""Handing a member's work over to another: someone leaves, or a territory changes hands.

As HubSpot, Pipedrive and Salesforce make you transfer a departing user's records, a member's
open work goes to someone who is still on the team: every open deal (won and lost ones stay with
their owner: their credit, payouts and history are theirs), every unfinished task, and every goal
still running (its deadline not passed), so that someone is asked for its check-ins (Lattice moves
a leaver's goals the same way); the check-ins made so far stay as they were, by whom. Budget lines
belong to whoever requested them (a rep may record spending only on a line they requested), so the
open ones move too: a request not yet decided, and an approved line with money left to spend;
rejected and spent lines stay with their requester (their history). A receiver
who held a split of a deal they receive is its owner now: the split folds into the ownership (an
owner is credited with what the splits leave, and may not also hold one: sales/splits.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import msgspec

from sales.deals import Deal, Stage
from sales.budget import BudgetLine, SpendEntry, spent_on
from sales.errors import Refused
from sales.goals import Goal
from sales.phrases import Phrase
from sales.tasks import Task


class Handover(msgspec.Struct):
    """What moves (or moved) from one member to another, as it is after the move."""

    giver: str
    receiver: str | None
    deals: list[Deal] = []
    tasks: list[Task] = []
    goals: list[Goal] = []
    dry_run: bool = False
    budget: list[BudgetLine] = []

    def __bool__(self) -> bool:
        return bool(self.deals or self.tasks or self.goals or self.budget)


def owned(deals: int, tasks: int, goals: int = 0, lines: int = 0) -> Phrase:
    """`1 open deal and 2 unfinished tasks`: what someone owns (or what moved), each kind of which
    there is none left out (`0 open deals and 1 unfinished task` said a thing that was not there)."""
    parts = [part for count, part in (
        (deals, Phrase("{count} open deal" if deals == 1 else "{count} open deals", count=deals)),
        (tasks, Phrase("{count} unfinished task" if tasks == 1 else "{count} unfinished tasks", count=tasks)),
        (goals, Phrase("{count} running goal" if goals == 1 else "{count} running goals", count=goals)),
        (lines, Phrase("{count} open budget line" if lines == 1 else "{count} open budget lines", count=lines)))
        if count]
    if not parts:
        return Phrase("no open work")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Phrase("{first} and {last}", first=parts[0], last=parts[1])
    if len(parts) == 3:
        return Phrase("{first}, {second} and {last}", first=parts[0], second=parts[1], last=parts[2])
    return Phrase("{first}, {second}, {third} and {last}", first=parts[0], second=parts[1], third=parts[2],
                  last=parts[3])


class OpenWork(Refused):
    """A member cannot leave while they own open work; the counts let a screen say it its way."""

    def __init__(self, name: str, deals: int, tasks: int, goals: int = 0) -> None:
        super().__init__(Phrase("{name} still owns {work}; hand the work over first: uplift member remove {name} "
                                "--to NAME (or uplift member handover {name} --to NAME)", name=name,
                                work=owned(deals, tasks, goals)))
        self.name, self.deals, self.tasks, self.goals = name, deals, tasks, goals


def open_deals(deals: Iterable[Deal], stages: Iterable[Stage], owner: str) -> list[Deal]:
    """`owner`'s deals that are neither won nor lost."""
    open_stages = {stage.name for stage in stages if stage.outcome == "open"}
    return [deal for deal in deals if deal.owner == owner and deal.stage in open_stages]


def unfinished_tasks(tasks: Iterable[Task], owner: str) -> list[Task]:
    """`owner`'s tasks that are not done."""
    return [task for task in tasks if task.owner == owner and task.status != "done"]


def running_goals(goals: Iterable[Goal], owner: str, today: date) -> list[Goal]:
    """`owner`'s goals whose deadline has not passed (or that have none)."""
    return [goal for goal in goals if goal.owner == owner and (goal.deadline is None or goal.deadline >= today)]


def open_budget_lines(lines: Iterable[BudgetLine], entries: Sequence[SpendEntry], owner: str) -> list[BudgetLine]:
    """`owner`'s budget lines still in play: requested and not yet decided, or approved with
    money left to spend (the ones spending is still recorded on)."""
    return [line for line in lines if line.requested_by == owner and (
        line.status == "requested" or (line.status == "approved" and spent_on(line.id, entries) < line.approved))]


def handed_deal(deal: Deal, receiver: str) -> Deal:
    """`deal` owned by `receiver`, their split (if they held one) folded into the ownership."""
    return msgspec.structs.replace(deal, owner=receiver,
                                   splits=[split for split in deal.splits if split.rep != receiver])


def handed_task(task: Task, receiver: str) -> Task:
    return msgspec.structs.replace(task, owner=receiver)


def handed_goal(goal: Goal, receiver: str) -> Goal:
    return msgspec.structs.replace(goal, owner=receiver)


def handed_line(line: BudgetLine, receiver: str) -> BudgetLine:
    return msgspec.structs.replace(line, requested_by=receiver)
