"""Handing a member's open work to another, and removing a member without leaving orphans.

A hand-over is one transaction (one undo takes it all back): each deal, task, goal and budget line
that moves gets its own activity record (`deal.handover`, `task.handover`, `goal.handover`,
`budget.handover`), so the feed and each item's history say who had it. Removing a member who still owns open work is refused, unless it is handed over
in the same step (sales/handover.py says what counts as open, and how splits fold).
"""

from __future__ import annotations

from sales.errors import Invalid, NotFound
from sales.handover import (Handover, OpenWork, handed_deal, handed_goal, handed_line, handed_task, open_budget_lines,
                            open_deals, running_goals, unfinished_tasks)
from sales.members import Member
from store.board_core import BoardCore, Transaction


class HandoverChanges(BoardCore):
    """Needs the deal, task and member mixins beside it (store/board.py's Board)."""

    def open_work(self, name: str) -> Handover:
        """What `name` owns that is still open (the deals, tasks, goals and budget lines as they are now)."""
        return Handover(name, None, open_deals(self.deals(), self.stages(), name), unfinished_tasks(self.tasks(), name),
                        running_goals(self.goals(), name, self.today()),
                        budget=open_budget_lines(self.budget_lines(), self.spending(), name))

    def hand_over(self, giver: str, receiver: str, *, deals: bool = True, tasks: bool = True, goals: bool = True,
                  dry_run: bool = False) -> Handover:
        """Give `receiver` every open deal, unfinished task, running goal and open budget line of
        `giver` (a lead's call); what moved. With `dry_run`, checked as if, and nothing written."""
        def build(tx: Transaction) -> Handover:
            moved = self._put_hand_over(tx, giver, receiver, deals=deals, tasks=tasks, goals=goals)
            if not moved and giver not in {m.name for m in self.members()} and self.members():
                raise NotFound("{name} is not a member of this board and owns no open work", name=giver)
            if dry_run:
                tx.ops.clear()
                moved.dry_run = True
            return moved
        return self._transact(build)

    def remove_member(self, name: str, to: str | None = None) -> Member:
        """Take `name` off the board; their open work goes to `to` in the same step, and without
        `to` a member who still owns some is refused (OpenWork, with the counts)."""
        def build(tx: Transaction) -> Member:
            member = self._put_member_removal(tx, name)
            if to is not None:
                self._put_hand_over(tx, name, to)
            elif (work := self.open_work(name)).deals or work.tasks or work.goals:
                # (open budget lines alone do not hold a removal: a lead can still record their spending)
                raise OpenWork(name, len(work.deals), len(work.tasks), len(work.goals))
            return member
        return self._transact(build)

    def _put_hand_over(self, tx: Transaction, giver: str, receiver: str, *, deals: bool = True,
                       tasks: bool = True, goals: bool = True) -> Handover:
        self._check("member.handover")
        if receiver == giver:
            # (said as `--to zed: no such member` is: "to: ali cannot..." read as half a sentence)
            raise Invalid("to", "--to {name}: {name} cannot hand work over to themselves", whole=True, name=giver)
        self._check_member(receiver, "to")
        work = self.open_work(giver)
        moved = Handover(giver, receiver)
        if deals:
            moved.deals = [handed_deal(deal, receiver) for deal in work.deals]
            for old, new in zip(work.deals, moved.deals):
                self._put_update(tx, "deal.handover", "deal", old, new)
        if tasks:
            moved.tasks = [handed_task(task, receiver) for task in work.tasks]
            for old, new in zip(work.tasks, moved.tasks):
                self._put_update(tx, "task.handover", "task", old, new)
        if goals:
            moved.goals = [handed_goal(goal, receiver) for goal in work.goals]
            for old, new in zip(work.goals, moved.goals):
                self._put_update(tx, "goal.handover", "goal", old, new)
        moved.budget = [handed_line(line, receiver) for line in work.budget]
        for old, new in zip(work.budget, moved.budget):
            self._put_update(tx, "budget.handover", "budget", old, new)
        return moved
