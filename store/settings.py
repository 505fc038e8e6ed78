"""A board's own settings: the plan's name and period, and the WIP limits of its columns.

sales.plan_info (and the budget models it needs) is imported where a setting is changed: the
task verbs open a TaskBoard that has these methods and must not pay for it."""

from __future__ import annotations

from datetime import date

import msgspec

from sales.errors import Invalid
from sales.tasks import WIP_MAX, normalize_status
from sales.validation import convert
from store.board_core import BoardCore, Transaction


class SettingsChanges(BoardCore):
    @property
    def name(self) -> str:
        return self.meta().get("name", self.path.name)

    def plan_info(self) -> dict:
        """The plan's name and period (`{"name": ..., "period": {"start": ..., "end": ...}}`).

        The name is "" while the plan is unnamed: a board is named after its folder when it is
        made, but the one made where nobody named a folder (`…/uplift/board`) is not, as "board"
        says nothing (a folder named by $UPLIFT_BOARD or --board was named, and the SSH server
        names its board so)."""
        meta = self.meta()
        name = meta.get("name", self.path.name)
        return {"name": "" if self._unnamed(name) else name, "period": meta.get("period"),
                "budget": meta.get("budget")}

    def _unnamed(self, name: str) -> bool:
        from store.location import unnamed_board_path

        return name == self.path.name and self.path.resolve() == unnamed_board_path().resolve()

    def set_plan_info(self, name: str, start: date | str | None = None,
                      end: date | str | None = None) -> dict:
        """`name` "" leaves an unnamed plan unnamed (what plan_info read of it); a named plan
        needs a name."""
        from sales.plan_info import PlanInfo, cycle_clash

        def build(tx: Transaction) -> dict:
            period = {"start": start, "end": end} if start and end else None
            old = self.meta()
            was = old.get("name", self.path.name)
            named = name or (was if self._unnamed(was) else name)
            info = convert({"name": named, "period": period, "budget": old.get("budget")}, PlanInfo, "plan")
            self._check("board.settings")
            if info.period is not None and (clash := cycle_clash((info.period.start, info.period.end),
                                                                 self.plan_period(), self.earlier_cycles())):
                raise Invalid("start", clash)
            new = {**old, **msgspec.to_builtins(info)}
            tx.put("board.plan", "board", "board", "meta", 1, old, new)
            return self.plan_info() | msgspec.to_builtins(info) | {"name": "" if self._unnamed(info.name) else info.name}
        return self._transact(build)

    def plan_period(self) -> tuple[date | None, date | None]:
        """The plan's period: the cycle the board is in now."""
        period = self.meta().get("period") or {}
        start, end = period.get("start"), period.get("end")
        return (date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)

    def cycles(self) -> list[tuple[date, date]]:
        """The plan's cycles, newest first: its period now, then the earlier ones (earlier_cycles:
        each once, with the dates it last had); what the Review screen and the burn-up offer to
        read, and what `--cycle last` and winloss take as the last cycle. Dates only corrected
        are not a cycle of their own (a typo's week listed beside the cycle it was)."""
        now = self.plan_period()
        earlier = sorted(self.earlier_cycles(), reverse=True)
        return [(now[0], now[1]), *earlier] if now[0] and now[1] else earlier

    def earlier_cycles(self) -> list[tuple[date, date]]:
        """The cycles the plan had before this one, oldest first, each with the dates it last had:
        the log's changes of the plan's period in the order they were made, where new dates that
        share days with the last ones only corrected them, and any others began the next cycle
        (the calendar's past cycles; the rule a new cycle is held to, sales.plan_info.cycle_clash).
        A cycle that shares days with the one now is that one's, corrected."""
        spans: list[tuple[date, date]] = []
        for record in reversed(self.log.records(item="board")):  # (oldest first)
            for side in (record.before, record.after):
                period = (side or {}).get("period") or {}
                try:
                    cycle = (date.fromisoformat(period["start"]), date.fromisoformat(period["end"]))
                except (KeyError, TypeError, ValueError):
                    continue
                if spans and spans[-1][0] <= cycle[1] and cycle[0] <= spans[-1][1]:
                    spans.pop()  # (corrected: the same cycle)
                elif cycle in spans:
                    spans.remove(cycle)  # (gone back to: it is the latest again)
                spans.append(cycle)
        now = self.plan_period()
        if now[0] is None or now[1] is None:
            return spans
        return [(start, end) for start, end in spans if not (start <= now[1] and now[0] <= end)]

    def plan_budget(self) -> float | None:
        return self.meta().get("budget")

    def set_plan_budget(self, amount: float | None) -> float | None:
        """The plan's whole budget (None: no budget set); budget lines are judged against it."""
        from sales.plan_info import PlanInfo

        def build(tx: Transaction) -> float | None:
            self._check("budget.total")
            old = self.meta()
            info = convert({"name": old.get("name", self.path.name), "budget": amount}, PlanInfo, "plan")
            tx.put("board.budget", "board", "board", "meta", 1, old, {**old, "budget": info.budget})
            return info.budget
        return self._transact(build)

    def wip_limits(self) -> dict[str, int]:
        return dict(self.meta().get("wip", {}))

    def set_wip_limit(self, status: str, limit: int | None) -> dict[str, int]:
        def build(tx: Transaction) -> dict[str, int]:
            try:
                key = normalize_status(status)
            except ValueError as error:
                raise Invalid("status", error) from None
            if limit is not None and not 0 < limit <= WIP_MAX:
                raise Invalid("limit", "a WIP limit is a whole number from 1 to {most}", most=WIP_MAX)
            self._check("board.settings")
            old = self.meta()
            wip = {k: v for k, v in old.get("wip", {}).items() if k != key}
            if limit is not None:
                wip[key] = limit
            tx.put("board.wip", "board", "board", "meta", 1, old, {**old, "wip": wip})
            return wip
        return self._transact(build)
