"""Goals and strategies on a board (phase 2 of the cycle)."""

from __future__ import annotations

from typing import Any

from sales.errors import Invalid, NotFound
from sales.goals import Goal, Strategy
from sales.ids import format_id
from sales.validation import convert
from store.board_core import BoardCore, Transaction, given


class GoalChanges(BoardCore):
    def goals(self) -> list[Goal]:
        return self._models("plan", "goals", Goal, key=lambda g: int(g.id.split("-")[1]))

    def strategies(self) -> list[Strategy]:
        return self._models("plan", "strategies", Strategy, key=lambda s: int(s.id.split("-")[1]))

    def goal(self, goal_id: str) -> Goal:
        return self._get("goal", goal_id)

    def strategy(self, strategy_id: str) -> Strategy:
        return self._get("strategy", strategy_id)

    def add_goal(self, title: str, **fields: Any) -> Goal:
        def build(tx: Transaction) -> Goal:
            goal = convert({"title": title, **given(fields),
                            "id": format_id("goal", tx.nextnumber("goal"))}, Goal)
            if goal.owner:
                self._check_member(goal.owner, "owner")
            self._check("goal.add")
            self._put_new(tx, "goal.add", "goal", goal)
            return goal
        return self._transact(build)

    def add_strategy(self, title: str, **fields: Any) -> Strategy:
        def build(tx: Transaction) -> Strategy:
            strategy = convert({"title": title, **given(fields),
                                "id": format_id("strategy", tx.nextnumber("strategy"))}, Strategy)
            strategy.goals = [self._check_link("goal", g) for g in strategy.goals]
            self._check("strategy.add")
            self._put_new(tx, "strategy.add", "strategy", strategy)
            return strategy
        return self._transact(build)

    def _check_link(self, kind: str, item_id: str) -> str:
        try:
            return self._get(kind, item_id).id
        except NotFound as error:
            raise Invalid(kind, str(error)) from None
