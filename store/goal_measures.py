"""What the board itself measures of a goal nobody has checked in on, so the Goals screen,
`uplift goal`, the rollups and the review read one value where they can (a check-in, when there
is one, is what the goal's owner says and comes first).

The rule, in order:

1. The newest diagnosis snapshot of the goal's metric in the goal's scope, of sales from the
   goal's start (or the cycle's) on: older sales are its baseline, not its progress. A snapshot
   measures whole periods, as the baseline does, so it is where the goal stands on every view;
   a metric that adds up (revenue) over a goal spanning several of its periods (a quarter's goal,
   monthly snapshots) only once they are all there, added up, as its baseline was
   (`span_kpi`): one month of a quarter is not where a quarter's goal stands.
2. Revenue, new customers, win rate or activities from the board's own deals and logged
   activities of the goal's days within the cycle: a rep's own for a goal a rep owns (a part of
   the team's goal, or one of their own), else the whole team's for a goal that is the team's
   (no scope, not a contributor). Whether every reader takes them or the review only is
   `read_from_deals`, the one rule: everyone for a rate, and for a metric that adds up from
   nothing; the review only for one that adds up from a baseline of a whole period (the cycle's
   total so far says what was reached of the target, not how far the goal came from its
   baseline), where the Goals screen and `goal list` say their source is the baseline.
3. Nothing: the goal stands at its baseline on the Goals screen, and at "no data" in the review.

A contributor that shares its parent's scope is one person's part of it: the whole scope's
snapshot or deals are not its value (added up, they would count the team once per contributor),
and deals carry no region, product line, channel or segment, so a scoped goal has no deal total
(a scope of `all`, every region, narrows nothing: it is the team's).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sales.goals import Goal, metric_name
from sales.phrases import Phrase
from sales.review import process_metrics, rep_results
from sales.rollup import Measure
from store.board_core import BoardCore

REVENUE_METRICS = {"revenue", "sales", "won_value", "bookings"}
ACTIVITY_METRICS = {"activities", "activity", "touches", "calls_and_meetings"}
DEAL_METRICS = REVENUE_METRICS | ACTIVITY_METRICS | {"new_customers", "win_rate"}
COUNTED_METRICS = REVENUE_METRICS | ACTIVITY_METRICS | {"new_customers"}  # they add up from 0


def metric_key(goal: Goal) -> str:
    """The goal's metric as the sets above spell it ("Won value" is won_value)."""
    return metric_name(goal.metric)


def goal_days(goal: Goal, start: date | None, end: date | None) -> tuple[date | None, date | None] | None:
    """The goal's own days within the cycle's (its start to its deadline, each defaulting to the
    cycle's), whose deals measure it; None when they do not meet the cycle's (last cycle's goal,
    next cycle's): this cycle's deals say nothing of it."""
    low = max(d for d in (goal.start, start) if d) if goal.start or start else None
    high = min(d for d in (goal.deadline, end) if d) if goal.deadline or end else None
    return None if low and high and low > high else (low, high)


def read_from_deals(goal: Goal, start: date | None, end: date | None) -> str:
    """Who reads a goal with no check-in from the board's own deals and activities, the one rule
    every reader follows (the Goals screen, `goal list` and `show`, `today`, alerts, the review):

    - "all": a rate (win rate) of the goal's days stands beside a baseline rate, and a metric that
      adds up (revenue, new customers, activities) from no baseline (or 0) counts up from nothing
      over the goal's days: there the deals are where it stands, everywhere;
    - "review": a metric that adds up from a baseline of a whole period (a quarter's revenue so
      far is not the quarter's run-rate: progress from the baseline would read -300%), or one
      person's part of another goal (the roll-up leaves one without check-in or baseline out):
      the review reads its deals against the target, the Goals screen its baseline, and each
      says its source (`goal list`'s Source column);
    - "": the deals cannot measure it (another metric, a scope deals do not carry, a goal of
      another cycle, a rolled-up one)."""
    metric = metric_key(goal)
    if goal.rollup is not None or metric not in DEAL_METRICS or goal.scope.narrows() \
            or goal_days(goal, start, end) is None:
        return ""
    if metric not in COUNTED_METRICS or (goal.parent is None and not goal.baseline):
        return "all"
    return "review"


class GoalMeasures(BoardCore):
    def measurer(self, totals: bool = False) -> Measure:
        """A function from a goal to its measured (value, source), or None; with `totals` (the
        review) the deals of goals only the review reads from them too (read_from_deals). The
        deals are worked out once per span of days however many goals it is asked about."""
        by_id = {g.id: g for g in self.goals()}
        rep_members = {m.name for m in self.members() if m.role == "rep"}
        team: dict[Any, Any] = {}
        reps: dict[Any, Any] = {}
        cycles = self.known_cycles_later()  # (one for every rep: the log read once, if a clawback asks)

        def team_figures(days: tuple[date | None, date | None]) -> Any:
            if days not in team:
                team[days] = process_metrics([], self.deals(), self.stages(), self.touches(), *days)
            return team[days]

        def rep_figures(rep: str, days: tuple[date | None, date | None]) -> Any:
            if (rep, days) not in reps:
                reps[rep, days] = rep_results(rep, self.deals(), self.stages(), self.touches(), *days,
                                              self.today(), cycles)
            return reps[rep, days]

        def measure(goal: Goal) -> tuple[float, Phrase] | None:
            if goal.rollup is not None:
                return None
            metric = metric_key(goal)
            parent = by_id.get(goal.parent or "")
            shares_scope = parent is not None and parent.scope.given() == goal.scope.given()
            start, end = self.period()
            if metric and not shares_scope:
                # of sales from the goal's start on (older ones are its baseline), over its own time
                latest = self.span_kpi(metric, goal.scope.given(), goal.start or start, goal.deadline or end,
                                       since=goal.start or start)
                if latest is not None:
                    return latest[1], Phrase("diagnosis {id}, {period}", id=latest[2], period=latest[0])
            reader = read_from_deals(goal, start, end)
            if reader != "all" and not (totals and reader == "review"):
                return None
            days = goal_days(goal, start, end)
            assert days is not None  # (read_from_deals said the deals measure it)
            # deals of the goal's own days: the cycle's, unless it is a goal of part of it
            span = {} if days == (start, end) else {"start": str(days[0] or "…"), "end": str(days[1] or "…")}
            # a rep's goal is the rep's own, a part of another or not ("ali logs 40 calls"); a
            # lead's goal with no parent is the team's
            if parent is None and goal.owner not in rep_members:
                figures = team_figures(days)
                if metric in ACTIVITY_METRICS:
                    return float(figures.activities), Phrase(
                        "activities logged {start} to {end} (calls, visits, meetings, emails)" if span else
                        "activities logged in the cycle (calls, visits, meetings, emails)", **span)
                value = {"new_customers": figures.new_customers, "win_rate": figures.win_rate}.get(
                    metric, figures.won_value)
                if value is None:
                    return None
                if metric == "win_rate":  # (a rate of the deals closed, won or lost)
                    return float(value), Phrase("deals closed {start} to {end} (all scopes)" if span else
                                                "deals closed in the cycle (all scopes)", **span)
                return float(value), Phrase("deals won {start} to {end} (all scopes)" if span else
                                            "deals won in the cycle (all scopes)", **span)
            if goal.owner in rep_members:
                own = rep_figures(goal.owner, days)
                if metric in ACTIVITY_METRICS:
                    return float(own.activities), Phrase("{rep}'s activities logged {start} to {end}" if span else
                                                         "{rep}'s activities logged in the cycle", rep=goal.owner,
                                                         **span)
                value = {"new_customers": own.new_customers, "win_rate": own.win_rate}.get(metric, own.won_value)
                if value is None:
                    return None
                if metric == "win_rate":
                    return float(value), Phrase("{rep}'s deals closed {start} to {end}" if span else
                                                "{rep}'s deals closed in the cycle", rep=goal.owner, **span)
                return float(value), Phrase("{rep}'s deals won {start} to {end}" if span else
                                            "{rep}'s deals won in the cycle", rep=goal.owner, **span)
            return None

        return measure
