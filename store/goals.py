"""Goals, their check-ins, and strategies on a board (phase 2 of the cycle).

The SMART check's "achievable" rule needs the history of a goal's metric in its scope: it comes
from the diagnosis snapshots kept on the board (`metric_history` in store/diagnoses.py). A metric
or scope the diagnosis does not break down (a segment, two dimensions at once) has no history,
and the goal is told "no history to judge by".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

import msgspec

from sales import smart
from sales.errors import Invalid, NotFound, Reason, Refused, Word
from sales.goals import (OUTCOME_LABELS, CheckIn, Closing, Goal, Scope, Strategy, alignment_loop, as_read,
                         checkin_value_problem, checkins_of, in_cycle, last_confidence, metric_name, metric_word,
                         rate_range_problem, read_outcome, settle_direction)
from sales.ids import format_id, in_order
from sales.pace import Pace, pace_at, progress
from sales.rollup import Current, checkin_refusal, current_values, own_value, rollup_history, rollup_problem
from sales.snapshots import in_a_row, period_start, periods_spanned
from sales.validation import convert
from sales.dates import stamp
from store.board_core import BoardCore, Transaction, changed_keys, given


class GoalReport(msgspec.Struct, frozen=True):
    """A goal with everything its screen and `uplift goal show` say about it."""

    goal: Goal
    verdicts: list[smart.Verdict]
    pace: Pace
    checkins: list[CheckIn]
    strategies: list[Strategy]
    current: Current  # where it stands and why: own check-ins, or rolled up (sales/rollup.py)
    ended: bool = False  # its deadline has passed (closed or not: goal.closed says)

    @property
    def status(self) -> str:
        """`closed` (with its outcome), `ended` (its deadline passed, not closed yet) or `running`."""
        return "closed" if self.goal.closed is not None else "ended" if self.ended else "running"


class GoalChanges(BoardCore):
    # ------------------------------------------------------------------ reading

    def goals(self) -> list[Goal]:
        """The board's goals, each as read (sales.goals.as_read: a rate with no unit is in %)."""
        return [as_read(goal) for goal in self._models("plan", "goals", Goal, key=lambda item: in_order(item.id))]

    def strategies(self) -> list[Strategy]:
        return self._models("plan", "strategies", Strategy, key=lambda item: in_order(item.id))

    def checkins(self, goal_id: str | None = None) -> list[CheckIn]:
        """Check-ins, oldest first; only one goal's when `goal_id` is given."""
        every = self._models("plan", "checkins", CheckIn, key=lambda c: (c.at, in_order(c.id)))
        return every if goal_id is None else checkins_of(self.goal(goal_id).id, every)

    def goal(self, goal_id: str) -> Goal:
        return as_read(self._get("goal", goal_id))

    def strategy(self, strategy_id: str) -> Strategy:
        return self._get("strategy", strategy_id)

    def goal_history(self, metric: str, scope: dict[str, str]) -> list[tuple[str, float]]:
        """(period, value) points of `metric` in exactly `scope`, oldest first, from diagnoses.
        Rates (win rate, repurchase rate, shares) come in percent, as goals state them (a
        diagnosis keeps them as fractions: 0.31 is a goal's 31%). A scope field of `all` narrows nothing."""
        return [(period, value) for period, value, _kept in self._kpi_points(metric, scope)]

    def _kpi_points(self, metric: str, scope: dict[str, str], only: str | None = None) -> list[tuple[str, float, str]]:
        """goal_history's points, each with the id of the snapshot it was taken from."""
        from sales.kpis import RATE_METRICS

        name = metric_name(metric)
        scale = 100.0 if name in RATE_METRICS else 1.0
        # `all` in a field is the whole of it (every region): the diagnosis's whole-data numbers
        scope = {key: value for key, value in scope.items() if value.casefold() != "all"}
        try:
            return [(h["period"], round(h["value"] * scale, 6), h["snapshot"])
                    for h in self.metric_history(name, scope, only=only)]
        except Invalid:
            return []  # a metric or scope the diagnosis does not break down

    def latest_kpi(self, metric: str, scope: dict[str, str], only: str | None = None) -> tuple[str, float, str] | None:
        """(period, value, snapshot id) of the newest whole period of `metric` in `scope`."""
        history = self._kpi_points(metric, scope, only)
        return history[-1] if history else None

    def span_kpi(self, metric: str, scope: dict[str, str], start: date | None, end: date | None,
                 since: date | None = None, only: str | None = None) -> tuple[str, float, str] | None:
        """(period, value, snapshot ids) of `metric` in `scope` over a goal's own time, from
        `start` to `end`: a metric that adds up over time (revenue, units, orders, new
        customers) spanning several of the snapshots' periods (a quarter's goal, monthly
        snapshots) is the sum of the newest that many whole periods in a row ("2026-07 to
        2026-09"), or None when they are not all there; a ratio of parts that add up (win rate,
        average order) is its parts' sums over those periods where they are all there, else the
        newest period's; any other, the newest period. `since`:
        only periods from its month on (what a goal reached, not its baseline); `only`: from that
        snapshot alone (a baseline of `snapshot X-1`). Periods that
        begin after `end` are not the goal's (records diagnosed after it ended, or a past
        cycle's review)."""
        from sales.kpis import RATE_METRICS, RATIO_PARTS, SUMMABLE_METRICS

        def within(points: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
            if end is not None:
                points = [p for p in points if period_start(p[0]) <= end]
            if since is not None:
                points = [p for p in points if period_start(p[0]) >= since.replace(day=1)]
            return points

        points = within(self._kpi_points(metric, scope, only))
        if not points:
            return None
        count = periods_spanned(start, end, points[-1][0])
        name = metric_name(metric)
        if count == 1 or name not in SUMMABLE_METRICS | RATIO_PARTS.keys():
            return points[-1]
        run = points[-count:]
        if len(run) < count or not in_a_row([p[0] for p in run]):
            return points[-1] if name in RATIO_PARTS else None
        span, kept = f"{run[0][0]} to {run[-1][0]}", ", ".join(dict.fromkeys(p[2] for p in run))
        if name not in RATIO_PARTS:
            return span, round(sum(p[1] for p in run), 6), kept
        top, bottom = RATIO_PARTS[name]
        sums = {}
        for part in {top, *bottom}:
            values = {p[0]: p[1] for p in within(self._kpi_points(part, scope, only))}
            if any(p[0] not in values for p in run):
                return points[-1]  # the parts are not kept for every period: the newest one's rate
            sums[part] = sum(values[p[0]] for p in run)
        below = sum(sums[part] for part in bottom)
        if not below:
            return points[-1]
        return span, round(sums[top] / below * (100.0 if name in RATE_METRICS else 1.0), 6), kept

    def current_values(self, only: list[str] | None = None) -> dict[str, Current]:
        """Each goal's current value by id (all, or `only` these), rolled up where it rolls up."""
        return current_values(self.goals(), self.checkins(), only, self.measurer())

    def rollup_line(self, goal_id: str) -> list[float]:
        """A rolled-up goal's values over its contributors' check-ins (its sparkline), measured as
        its number is (current_values): it ends where the goal stands now."""
        return rollup_history(goal_id, self.goals(), self.checkins(), self.measurer())

    def not_carried(self) -> list[str]:
        """The last cycle's goals that no goal of the plan's cycle carries on (carry_goal): the
        choice a lead makes for each at a cycle's start. The last cycle's: ended in the span as
        long as the plan's cycle just before it began (older ones were left closed a cycle ago)."""
        start, end = self.plan_period()
        if start is None or end is None:
            return []
        goals = self.goals()
        carried = {g.carried_from for g in goals if in_cycle(g, start, end)}
        return [g.id for g in goals if g.deadline and start - (end - start) <= g.deadline < start
                and g.id not in carried and g.closed is None]  # (one closed is decided: it ends there)

    def report(self, goal: Goal | str) -> GoalReport:
        if isinstance(goal, str):
            goal = self.goal(goal)
        start, end = self.plan_period()
        strategies = self.strategies()
        history = self.goal_history(goal.metric, goal.scope.given()) if goal.metric else []
        checkins = checkins_of(goal.id, self.checkins())
        verdicts = smart.check(goal, history=history, strategies=strategies,
                               period_start=start, period_end=end)
        if goal.closed is not None and goal.closed.value is not None:  # its final score stays as closed
            current = Current(goal.closed.value)
        else:
            current = (own_value(goal, checkins, self.measurer()) if goal.rollup is None else
                       self.current_values([goal.id])[goal.id])
        today = self.today()
        return GoalReport(goal, verdicts, pace_at(goal, current.value, today, start), checkins,
                          [s for s in strategies if goal.id in s.goals], current,
                          goal.deadline is not None and goal.deadline < today)

    # ------------------------------------------------------------------ changing

    def add_goal(self, title: str, **fields: Any) -> Goal:
        """A new goal. `baseline="snapshot"` takes the latest diagnosis snapshot's value."""
        def build(tx: Transaction) -> Goal:
            self._check("goal.add")
            data = {"title": title, **given(fields), "id": format_id("goal", tx.nextnumber("goal"))}
            goal = self._validate_goal(data, said=fields.get("direction") is not None)
            self._put_new(tx, "goal.add", "goal", goal)
            return as_read(goal)
        return self._transact(build)

    def update_goal(self, goal_id: str, **fields: Any) -> Goal:
        """Change some fields of a goal (None clears a field)."""
        def build(tx: Transaction) -> Goal:
            old = self._get("goal", goal_id)  # (as stored: an edit writes the unit it was given, or none)
            self._check("goal.edit")
            data = {**msgspec.to_builtins(old), **{k: v for k, v in fields.items() if k != "id"}}
            new = self._validate_goal({k: v for k, v in data.items() if v is not None},
                                      said=fields.get("direction") is not None)
            if new.direction != old.direction and fields.get("direction") is None \
                    and None not in (old.baseline, old.target) \
                    and (new.target, new.target_kind) == (old.target, old.target_kind):
                raise _flipped(new)
            if changed_keys(old, new):
                self._put_update(tx, "goal.edit", "goal", old, new)
            return as_read(new)
        return self._transact(build)

    def carry_goal(self, goal_id: str, **fields: Any) -> Goal:
        """Carry a goal of an earlier cycle on into the plan's cycle (carry_goals), with `fields`
        changed (target, target_kind, title, owner)."""
        return self.carry_goals([goal_id], **fields)[0]

    def carry_goals(self, goal_ids: Sequence[str], **fields: Any) -> list[Goal]:
        """Carry goals of an earlier cycle on into the plan's cycle, as Lattice and Tability ask of
        each goal at a cycle's end, all or none: for each, a new goal with the same what (title,
        metric, scope, owner, ...) for the plan's days, starting from where the old one ended (its
        value now: its last check-in, or what the board measures), with the old target unless
        `fields` give another. The old goal stays as it was: it is the record of its cycle, whose
        review still reads it. The strategies that served it serve the new one too; a parent
        carried on (before, or in the same call) is served by its contributors' copies."""
        def build(tx: Transaction) -> list[Goal]:
            self._check("goal.add")
            start, end = self.plan_period()
            goals = self.goals()
            made: dict[str, Goal] = {}  # old id -> its copy, in this call
            pending = list({g.id: g for g in map(self.goal, goal_ids)}.values())
            while pending:  # a parent before its contributors, so that theirs serve its copy
                waiting = {g.id for g in pending}
                ready = [g for g in pending if g.parent not in waiting] or pending
                for old in ready:
                    made[old.id] = self._carried(tx, old, goals, made, fields, start, end)
                pending = [g for g in pending if g.id not in made]
            # the goals of this cycle that contributed to an old one contribute to its copy now: those
            # carried on before, and those that run on into it (the sample's G-3, to 31 January).
            # Not one of an old goal that rolled up: its cycle's review still sums them.
            was = {g.id: g.parent for g in goals}
            olds = {g.id: g for g in goals}
            for child in goals:
                if child.parent in made and in_cycle(child, start, end) and (
                        (child.carried_from and was.get(child.carried_from) == child.parent)
                        or (not child.carried_from and olds[child.parent].rollup is None)):
                    self._put_update(tx, "goal.edit", "goal", child,
                                     msgspec.structs.replace(child, parent=made[child.parent].id))
            for strategy in self.strategies():
                more = [made[g].id for g in strategy.goals if g in made and made[g].id not in strategy.goals]
                if more:
                    self._put_update(tx, "strategy.edit", "strategy", strategy,
                                     msgspec.structs.replace(strategy, goals=[*strategy.goals, *more]))
            return [made[self.goal(goal_id).id] for goal_id in dict.fromkeys(goal_ids)]
        return self._transact(build)

    def _carried(self, tx: Transaction, old: Goal, goals: list[Goal], made: dict[str, Goal], fields: dict,
                 start: date | None, end: date | None) -> Goal:
        """`old`'s copy for the plan's cycle, checked and put into `tx` (carry_goals)."""
        if start is None or end is None:
            raise Refused("the plan has no cycle dates to carry {id} into; give them first "
                          "(`uplift plan info --start D --end D`)", id=old.id)
        if again := next((g for g in goals if g.carried_from == old.id and in_cycle(g, start, end)), None):
            raise Refused("{id} was carried on into this cycle already, as {new}", id=old.id, new=again.id)
        if in_cycle(old, start, end):
            raise Refused("{id} is one of this cycle's goals already (it runs to {deadline}); "
                          "change it with `uplift goal edit`", id=old.id, deadline=old.deadline or "–")
        final = self.report(old).current.value
        if fields.get("target") is None and final is not None and old.target_kind == "absolute" \
                and old.direction in ("increase", "decrease") and (progress(old, final) or 0) >= 1:
            from sales.goals import number, target_value

            raise Invalid("target", "{id} ended at {value}, past its target {target}: give the new cycle's "
                                    "target", id=old.id, value=number(final), target=number(target_value(old)))
        data = {**msgspec.to_builtins(old), "start": start, "deadline": end,
                "baseline": final if final is not None else old.baseline,
                "baseline_source": old.id if final is not None else old.baseline_source,
                "carried_from": old.id, "carried_on": self.today(),  # (its baseline is where G-1 stood then)
                "id": format_id("goal", tx.nextnumber("goal")),
                "closed": None,  # (the old one's closing is its cycle's: the copy runs)
                **{k: v for k, v in fields.items() if v is not None}}
        parent = made.get(old.parent) if old.parent else None  # (carried in this call: not on the board yet)
        if old.parent and parent is None:
            parent = next((g for g in goals if g.carried_from == old.parent and in_cycle(g, start, end)), None)
        if parent is not None and parent.id in {m.id for m in made.values()}:
            data["parent"] = None
            new = self._validate_goal({k: v for k, v in data.items() if v is not None})
            new.parent = parent.id
        else:
            if parent is not None:
                data["parent"] = parent.id
            new = self._validate_goal({k: v for k, v in data.items() if v is not None})
        self._put_new(tx, "goal.add", "goal", new)
        return new

    def final_value(self, goal: Goal) -> float | None:
        """Where a goal ended: its value as it stood on its deadline once that has passed (the
        check-ins made by then, as its cycle's review reads it), else as it stands now; with no
        check-in, what the review reads of it (a snapshot, the cycle's deals), else its baseline."""
        made = self.checkins()
        if goal.deadline is not None and goal.deadline < self.today():
            made = [c for c in made if c.at.date() <= goal.deadline]
        if goal.rollup is None:
            # as the review reads it (incentives.goal_results): a goal of the cycle with no check-in
            # stands at what the board measures with the cycle's totals (the deals won in it); closed
            # at its baseline, a team goal's actual in the review went from the 35,000 won (1.2%) to
            # the baseline's 2,802,496 (93.4%, "missed")
            start, end = self.period()
            measure = self.measurer(totals=in_cycle(goal, start, end))
            return own_value(goal, checkins_of(goal.id, made), measure).value
        return current_values(self.goals(), made, [goal.id], self.measurer())[goal.id].value

    def close_goal(self, goal_id: str, outcome: str | None = None, note: str = "",
                   value: float | None = None) -> Goal:
        """Close a goal with how it ended, as Lattice and Tability close one at a cycle's end (or
        earlier, dropped): `outcome` achieved, partly, missed or dropped (default: what its numbers
        say, sales.goals.read_outcome), a closing note, and its final value (default where it ended:
        final_value), kept so that later check-ins do not rescore it. A lead's, or the goal's owner's;
        dropping one is a lead's. A closed goal takes no check-ins and no pace alert; reopen_goal
        undoes it."""
        def build(tx: Transaction) -> Goal:
            old = self.goal(goal_id)
            self._check("goal.drop" if outcome == "dropped" else "goal.close", owner=old.owner, new_owner=old.owner)
            if old.closed is not None:
                raise Refused("{id} is closed already ({outcome}, on {day}); reopen it first to close it anew "
                              "(`uplift goal reopen {id}`)", id=old.id, outcome=Word(OUTCOME_LABELS[old.closed.outcome]),
                              day=old.closed.on)
            final = value if value is not None else self.final_value(old)
            said = outcome or read_outcome(old, final)
            if said is None:
                raise Invalid("outcome", "{id} has no progress to read how it ended from (it needs a baseline, a "
                                         "target and a value): say it (achieved, partly, missed or dropped)", id=old.id)
            closing = convert({"outcome": said, "value": final, "on": self.today().isoformat(), "by": self.actor,
                               "note": note}, Closing, "closed")
            new = msgspec.structs.replace(old, closed=closing)
            self._put_update(tx, "goal.close", "goal", old, new)
            return new
        return self._transact(build)

    def reopen_goal(self, goal_id: str) -> Goal:
        """Take a goal's closing back (closed by mistake, or too soon): it runs again, as before.
        Whoever may close it so may reopen it."""
        def build(tx: Transaction) -> Goal:
            old = self.goal(goal_id)
            if old.closed is None:
                raise Refused("{id} is not closed", id=old.id)
            self._check("goal.drop" if old.closed.outcome == "dropped" else "goal.close",
                        owner=old.owner, new_owner=old.owner)
            new = msgspec.structs.replace(old, closed=None)
            self._put_update(tx, "goal.reopen", "goal", old, new)
            return new
        return self._transact(build)

    def checkin(self, goal_id: str, value: float, confidence: str | None = None, comment: str = "",
                on: date | str | None = None) -> CheckIn:
        """Record where a goal's metric stands now, as the actor, at the board's clock; `on`: where
        it stood on a past day (a check-in forgotten last week, as Tability lets one be dated), at
        noon of that day. It joins the history in its place: the latest check-in still counts.
        No `confidence`: the latest check-in's (as Lattice carries a goal's status forward), else
        on track: a new number alone does not quietly turn "at risk" into "on track"."""
        def build(tx: Transaction) -> CheckIn:
            goal = self.goal(goal_id)
            nonlocal confidence
            if confidence is None:
                confidence = last_confidence(self.checkins(goal.id))
            self._check("goal.checkin", owner=goal.owner, new_owner=goal.owner)
            if goal.closed is not None:
                raise Refused("{id} is closed ({outcome}, on {day}): it takes no more check-ins "
                              "(`uplift goal reopen {id}` if it runs on)", id=goal.id,
                              outcome=Word(OUTCOME_LABELS[goal.closed.outcome]), day=goal.closed.on)
            if goal.rollup is not None:
                why = checkin_refusal(goal, self.goals())  # (sales/rollup.py words it)
                raise Refused(why)
            if (wrong := checkin_value_problem(goal, value)) is not None:
                raise Invalid("value", wrong)
            now = self.clock()
            day = _day(on)
            if day is not None and day > now.date():
                raise Invalid("date", "a check-in says where the metric stood; {date} is still to come", date=day)
            at = now if day is None or day == now.date() else datetime.combine(day, time(12), now.tzinfo)
            entry = convert({"id": format_id("checkin", tx.nextnumber("checkin")), "goal": goal.id,
                             "value": value, "confidence": confidence, "comment": comment,
                             "at": stamp(at), "by": self.actor}, CheckIn)
            self._put_new(tx, "goal.checkin", "checkin", entry)
            return entry
        return self._transact(build)

    def delete_checkin(self, checkin_id: str) -> CheckIn:
        """Take a check-in out of its goal's history (a value typed wrong, a check-in on the wrong
        goal, as Tability and Lattice let one be deleted): a lead's, or its author's. The goal
        stands at the latest of those left, else at its baseline."""
        return self._delete_entry("checkin", checkin_id, "checkin.delete")

    def add_strategy(self, title: str, **fields: Any) -> Strategy:
        def build(tx: Transaction) -> Strategy:
            self._check("strategy.add")
            strategy = convert({"title": title, **given(fields),
                                "id": format_id("strategy", tx.nextnumber("strategy"))}, Strategy)
            strategy.goals = self._check_goals(strategy.goals)
            self._put_new(tx, "strategy.add", "strategy", strategy)
            return strategy
        return self._transact(build)

    def update_strategy(self, strategy_id: str, **fields: Any) -> Strategy:
        def build(tx: Transaction) -> Strategy:
            old = self.strategy(strategy_id)
            self._check("strategy.edit")
            data = {**msgspec.to_builtins(old), **{k: v for k, v in fields.items() if k != "id"}}
            new = convert({k: v for k, v in data.items() if v is not None}, Strategy)
            new.goals = self._check_goals(new.goals)
            if changed_keys(old, new):
                self._put_update(tx, "strategy.edit", "strategy", old, new)
            return new
        return self._transact(build)

    def delete_goal(self, goal_id: str) -> Goal:
        """Delete a goal and its check-ins. What serves it stays, unlinked: its tasks no longer
        name it, its strategies no longer list it (links_to says which beforehand)."""
        def build(tx: Transaction) -> Goal:
            old = self.goal(goal_id)
            self._check("goal.delete")
            self._put_delete_linked(tx, "goal.delete", "goal", old, owned=("checkin",))
            return old
        return self._transact(build)

    def delete_strategy(self, strategy_id: str) -> Strategy:
        """Delete a strategy. Its tasks, budget lines, training items and the deals it brought stay, unlinked."""
        def build(tx: Transaction) -> Strategy:
            old = self.strategy(strategy_id)
            self._check("strategy.delete")
            self._put_delete_linked(tx, "strategy.delete", "strategy", old)
            return old
        return self._transact(build)

    def _validate_goal(self, data: dict, said: bool = False) -> Goal:
        """`said`: the direction was given in this change (else it follows baseline and target:
        sales.goals.settle_direction)."""
        if isinstance(data.get("baseline"), str):
            data = self._baseline_from_snapshot(data)
        if not (data.get("parent") or "").strip():
            data = {**data, "parent": None}  # "" clears it
        goal = convert(data, Goal)
        try:
            settle_direction(goal, said)
        except Reason as error:
            raise Invalid("direction", error) from None
        if goal.owner:
            self._check_member(goal.owner, "owner")
        if goal.parent:
            try:
                goal.parent = self._get("goal", goal.parent).id
            except NotFound as error:
                raise Invalid("parent", error) from None
            parents = {g.id: g.parent for g in self.goals()}
            if loop := alignment_loop(goal.id, goal.parent, parents):
                raise Invalid("parent", loop)
        if problem := rollup_problem(goal, self.goals()):
            raise Invalid(*problem)
        if problem := rate_range_problem(goal):
            raise Invalid(*problem)
        return goal

    def _baseline_from_snapshot(self, data: dict) -> dict:
        word, _, named = data["baseline"].strip().partition(" ")
        if word.lower() not in ("snapshot", "latest") or (named.strip() and word.lower() != "snapshot"):
            raise Invalid("baseline", "{value!r} is not a number (or `snapshot`, to take the latest diagnosis value)",
                          value=data["baseline"])
        only = None
        if named.strip():  # `snapshot X-1`: that diagnosis's figure, not the newest one's
            try:
                only = self.snapshot(named.strip()).id
            except NotFound as error:
                raise Invalid("baseline", error) from None
        metric = data.get("metric") or ""
        scope = convert(data.get("scope") or {}, Scope, "scope").given()
        start, end = self.plan_period()
        start, end = _day_or_none(data.get("start")) or start, _day_or_none(data.get("deadline")) or end
        latest = self.span_kpi(metric, scope, start, end, only=only) if metric else None
        where = ", ".join(f"{k} {v}" for k, v in scope.items()) or Word("no scope")
        if latest is None and metric and (newest := self.latest_kpi(metric, scope, only)) is not None:
            count = periods_spanned(start, end, newest[0])
            raise Invalid("baseline", "the goal's time spans {count} {periods} but no diagnosis snapshot has {count} "
                                      "whole ones in a row of {metric} ({where}) to add up for a baseline; give the "
                                      "number, or diagnose records that cover them",
                          count=count, periods=Word("quarters" if "Q" in newest[0] else "months"),
                          metric=metric_word(metric), where=where)
        if latest is None:
            raise Invalid("baseline", "no diagnosis snapshot has a whole period of {metric} ({where}) to take a "
                                      "baseline from (a month or quarter the data covers only in part does not count)",
                          metric=metric_word(metric) if metric else Word("an unnamed metric"), where=where)
        # which run, and which period of it: two files diagnosed give two snapshots of one period
        # (a rate comes in percent, goal_history: read as sales.goals.as_read reads it, 31 is 31%)
        return {**data, "baseline": latest[1], "baseline_source": f"snapshot {latest[2]}, {latest[0]}"}

    def _check_goals(self, goal_ids: list[str]) -> list[str]:
        linked = [self._check_link("goal", g) for g in goal_ids]
        return list(dict.fromkeys(linked))




def _flipped(goal: Goal) -> Invalid:
    """A new baseline alone (a newer snapshot taken) that lies past the target would turn the
    goal's way round unsaid: revenue to grow to 120,000 from a baseline now 130,000 is not a goal
    to shrink it. The lead gives a new target with it, or says the way."""
    from sales.goals import number, target_value

    values = {"baseline": number(goal.baseline), "target": number(target_value(goal))}
    if goal.direction == "decrease":  # it was an increase
        return Invalid("baseline", "the baseline {baseline} is above the target {target}: the increase would "
                                   "become a decrease; give a new target with it, or say the direction", **values)
    return Invalid("baseline", "the baseline {baseline} is below the target {target}: the decrease would "
                               "become an increase; give a new target with it, or say the direction", **values)


def _day(on: date | str | None) -> date | None:
    if on is None or isinstance(on, date):
        return on
    try:
        return date.fromisoformat(on)
    except ValueError:
        raise Invalid("date", "{value!r} is not a date: write it as YYYY-MM-DD", value=on) from None


def _day_or_none(value: Any) -> date | None:
    """A date given as a date or ISO text; None for anything else (the goal's own check says why)."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None

