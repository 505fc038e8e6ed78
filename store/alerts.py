"""Alerts on a board: their settings, snoozes, and the rules of sales/alerts.py run on its data."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import msgspec

from sales.alerts import (
    Alert,
    AlertSettings,
    Snooze,
    apply_snoozes,
    conversion_drops,
    goal_behind_pace,
    goal_ended,
    overdue_tasks,
    quiet_key_accounts,
    slipped_deals,
    stuck_deals,
    wip_over_limit,
)
from sales.errors import Invalid, NotFound, Word
from sales.goals import in_cycle
from sales.pace import in_points
from sales.rollup import at_baseline, own_value
from sales.validation import convert
from store.board_core import BoardCore, Transaction

KINDS = ("conversion", "quiet", "slipped", "stuck", "overdue", "wip", "pace", "ended")
# What each kind of alert is about: an item of the board, or a stage or column (sales/alerts.py).
ITEM_OF = {"quiet": "deal", "slipped": "deal", "stuck": "deal", "overdue": "task", "pace": "goal",
           "ended": "goal"}


class AlertChanges(BoardCore):
    def alert_settings(self) -> AlertSettings:
        return self.setting("alerts", AlertSettings, {})

    def set_alert_settings(self, **changes) -> AlertSettings:
        """Change some settings (lead only): conversion_drop, min_left, quiet_days, default_quiet_days,
        stuck_days, default_stuck_days (a stage's days: its name as typed, any case)."""
        def build(tx: Transaction) -> AlertSettings:
            self._check("alerts.settings")
            old = self.meta()
            current = msgspec.to_builtins(self.alert_settings())
            for key in ("quiet_days", "stuck_days"):
                if key in changes:
                    stages = [self.stage(name) for name in changes[key]]
                    for stage in stages:  # (no deal stays, or goes quiet, in a closed stage)
                        if stage.outcome != "open":
                            raise Invalid(key, "{stage} is a closed stage ({outcome}): days are set for the open stages",
                                          stage=stage.name, outcome=Word("won") if stage.outcome == "won" else Word("lost"))
                    changes[key] = {**current.get(key, {}),
                                    **{stage.name: days for stage, days in zip(stages, changes[key].values())}}
            settings = convert({**current, **changes}, AlertSettings, "alerts")
            tx.put("alerts.settings", "board", "board", "meta", 1, old,
                   {**old, "alerts": msgspec.to_builtins(settings)})
            return settings
        return self._transact(build)

    def snoozes(self) -> list[Snooze]:
        return self._models("deals", "snoozes", Snooze, key=lambda s: s.key)

    def snooze(self, key: str, until: date | str, reason: str) -> Snooze:
        """Silence the alert `key` (e.g. `quiet:D-4`) until a date, inclusive, for a reason."""
        def build(tx: Transaction) -> Snooze:
            key_ = self._alert_key(key)
            owner = self.alert_owner(key_)
            self._check("alert.snooze", owner=owner, new_owner=owner)
            snooze = convert({"key": key_, "until": until, "reason": reason.strip(), "by": self.actor},
                             Snooze, "snooze")
            if not snooze.reason:
                raise Invalid("reason", "say why the alert is snoozed")
            if snooze.until < self.today():
                raise Invalid("until", "{day} is in the past", day=snooze.until)
            raw = self._docs("deals", "snoozes")
            doc_id = next((int(k) for k, d in raw.items() if d["key"] == key_), None)
            before = raw.get(str(doc_id)) if doc_id else None
            running = msgspec.convert(before, Snooze) if before else None
            if running and running.by != self.actor and running.until >= self.today():
                self._check("alert.resnooze", owner=running.by, new_owner=running.by)
            doc_id = doc_id or max((int(k) for k in raw), default=0) + 1
            tx.put("alert.snooze", key_, "deals", "snoozes", doc_id, before, msgspec.to_builtins(snooze))
            return snooze
        return self._transact(build)

    def _alert_key(self, key: str) -> str:
        """`key` as the alerts name it (`quiet:d-4` is `quiet:D-4`), once what it is about is
        found on the board: a snooze of an alert that can never fire would be kept for nothing
        (and, about a deal not on the board, refused to a rep as "about the whole team")."""
        kind, _, item = key.strip().partition(":")
        if kind not in KINDS or not item:
            raise Invalid("alert", "{key!r} is not an alert key (KIND:ITEM, e.g. quiet:D-4)", key=key)
        if kind in ITEM_OF:
            from sales.ids import parse_id

            try:
                parse_id(item, ITEM_OF[kind])
            except ValueError as error:
                raise Invalid("alert", "{key!r} is not an alert key: {error}", key=key, error=error) from None
            return f"{kind}:{self._get(ITEM_OF[kind], item).id}"  # NotFound: no such item
        place, _, name = item.partition(":")
        if kind == "conversion" and place == "stage":
            if (stage := next((s.name for s in self.stages() if s.name.casefold() == name.casefold()), None)):
                return f"conversion:stage:{stage}"
            raise NotFound("no stage {name!r} on this board (stages: {stages})", name=name,
                           stages=", ".join(s.name for s in self.stages()))
        if kind == "wip" and place == "column":
            from sales.tasks import normalize_status

            try:
                return f"wip:column:{normalize_status(name)}"
            except ValueError as error:
                raise NotFound("no column {name!r} on this board ({error})", name=name, error=error) from None
        example = {"conversion": "conversion:stage:Proposal", "wip": "wip:column:doing"}[kind]
        raise Invalid("alert", "{key!r} is not an alert key (a {kind} alert's key is like {example})",
                      key=key, kind=kind, example=example)

    def alert_owner(self, key: str) -> str | None:
        """Who owns what the alert `key` is about (a task, deal or goal); None for an alert about
        the whole team (a stage's conversion, a WIP limit) or an item the board does not have."""
        item = key.split(":", 1)[1]
        kind = {"T": "task", "D": "deal", "G": "goal"}.get(item.split("-", 1)[0])
        try:
            return self._get(kind, item).owner if kind else None
        except (NotFound, Invalid):
            return None

    def goal_paces(self) -> list[tuple[str, float, float]]:
        """(goal id, % of the way expected by now, % covered) for running goals whose pace can be
        judged (one whose deadline has passed waits to be closed instead: ended_goals)."""
        paces = []
        start, end = self.plan_period()
        for goal in self.goals():
            if not in_cycle(goal, start, end) or goal.closed is not None:  # (a closed one's pace is over)
                continue  # another cycle's goal (the last quarter's, once the plan moved on): its review says it
            if goal.deadline is not None and goal.deadline < self.today():
                continue  # over: it waits to be closed (ended_goals), not to catch up
            pace = self.report(goal).pace
            if pace.expected is not None and pace.progress is not None:
                paces.append((goal.id, in_points(pace.expected), in_points(pace.progress)))
        return paces

    def ended_goals(self) -> list[tuple[str, date, float | None]]:
        """(goal id, deadline, % of the way covered or None) of each goal whose deadline has passed and
        that is not closed, nor carried on: this cycle's, and the last cycle's still waiting for the
        choice (not_carried). Older ones were left a cycle ago."""
        start, end = self.plan_period()
        today = self.today()
        goals = self.goals()
        carried = {g.carried_from for g in goals if g.carried_from}
        waiting = set(self.not_carried())
        found = []
        for goal in goals:
            if goal.closed is not None or goal.deadline is None or goal.deadline >= today or goal.id in carried:
                continue
            if in_cycle(goal, start, end) or goal.id in waiting:
                done = self.report(goal).pace.progress
                found.append((goal.id, goal.deadline, None if done is None else in_points(done)))
        return found

    def goals_at_baseline(self, goal_ids: list[str]) -> set[str]:
        """Of `goal_ids`, those standing at their baseline: no check-in, nothing measured, no
        contributors (sales.rollup.at_baseline, as `goal show` says it)."""
        if not goal_ids:
            return set()
        goals = {g.id: g for g in self.goals()}
        checkins, measure = self.checkins(), self.measurer()
        return {goal_id for goal_id in goal_ids if goal_id in goals and goals[goal_id].rollup is None
                and at_baseline(own_value(goals[goal_id], checkins, measure))}

    def alerts(self, now: datetime | None = None,
               paces: Iterable[tuple[str, float, float]] | None = None,
               at_baseline: set[str] | None = None) -> list[Alert]:
        """Every alert that fires now (snoozed ones marked, not dropped).

        `paces` is (goal id, % of the way expected by now, % of the way covered) per goal; by
        default it comes from each goal's pace (store/goals.py), which is measured as a share of
        the way from baseline to target, so it reads the same for goals that go down.
        `at_baseline`: those of the goals behind pace that stand at their baseline
        (goals_at_baseline), when the caller has worked them out already (My day).
        """
        now = now or self.clock()
        today = now.date()
        settings = self.alert_settings()
        deals, stages, tasks = self.deals(), self.stages(), self.tasks()
        found = (conversion_drops(deals, stages, now, settings)
                 + quiet_key_accounts(deals, stages, self.touches(), now, settings)
                 + slipped_deals(deals, stages, today)
                 + stuck_deals(deals, stages, now, settings)
                 + overdue_tasks(tasks, today)
                 + wip_over_limit(tasks, self.wip_limits()))
        if paces is None:
            paces = self.goal_paces()
        paces = list(paces)
        waiting = self.goals_at_baseline([goal_id for goal_id, expected, actual in paces if actual < expected]) \
            if at_baseline is None else at_baseline
        found += [a for a in (goal_behind_pace(*pace, unit="%", at_baseline=pace[0] in waiting) for pace in paces)
                  if a]
        found += [goal_ended(*ended) for ended in self.ended_goals()]
        return apply_snoozes(found, self.snoozes(), today)
