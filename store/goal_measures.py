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
2. The review only (`totals`): revenue, new customers, win rate or activities from the board's
   own deals and logged activities in the cycle: a rep's own for a goal a rep owns (a part of
   the team's goal, or one of their own), else the whole team's for a goal that is the team's
   (no scope, not a contributor). These are the
   cycle's totals so far: against a target for the cycle they say what was reached, but not how
   far the goal has come from a baseline of a whole period (a quarter's revenue so far is not the
   quarter's run-rate), so the Goals screen's progress and pace do not read them, but for a goal
   that counts up from nothing over the whole cycle (`counts_up_in_cycle`: revenue, new customers
   or activities, no baseline or 0, its days covering the cycle's, no other goal's part): there the cycle's total so far
   is where it stands, and the Goals screen, pace and alerts would otherwise say 0% of a goal the
   review says is reached.
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
from sales.review import process_metrics
from sales.rollup import Measure
from store.board_core import BoardCore

REVENUE_METRICS = {"revenue", "sales", "won_value", "bookings"}
ACTIVITY_METRICS = {"activities", "activity", "touches", "calls_and_meetings"}
DEAL_METRICS = REVENUE_METRICS | ACTIVITY_METRICS | {"new_customers", "win_rate"}
COUNTED_METRICS = REVENUE_METRICS | ACTIVITY_METRICS | {"new_customers"}  # they add up from 0


def metric_key(goal: Goal) -> str:
    """The goal's metric as the sets above spell it ("Won value" is won_value)."""
    return metric_name(goal.metric)


def counts_up_in_cycle(goal: Goal, start: date | None, end: date | None) -> bool:
    """Whether the cycle's totals so far are where the goal stands, not just what the review
    reads: a metric that adds up, from no baseline (or 0), over days that hold the whole cycle
    (a goal of part of it would count deals won outside its days). A part of another goal keeps
    the roll-up's rule (README: one with neither check-in nor baseline is left out of it)."""
    return (goal.parent is None and metric_key(goal) in COUNTED_METRICS and not goal.baseline
            and (goal.start is None or start is None or goal.start <= start)
            and (goal.deadline is None or end is None or goal.deadline >= end))


class GoalMeasures(BoardCore):
    def measurer(self, totals: bool = False) -> Measure:
        """A function from a goal to its measured (value, source), or None; with `totals` (the
        review) the cycle's deal and activity totals too, worked out once however many goals
        it is asked about."""
        by_id = {g.id: g for g in self.goals()}
        rep_members = {m.name for m in self.members() if m.role == "rep"}
        team: list[Any] = []
        reps: dict[str, Any] = {}

        def team_figures() -> Any:
            if not team:
                start, end = self.period()
                team.append(process_metrics([], self.deals(), self.stages(), self.touches(),
                                            start, end))
            return team[0]

        def rep_figures(rep: str) -> Any:
            if not reps:
                reps.update((r.rep, r) for r in self.rep_results())
            return reps.get(rep)

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
            if not (totals or counts_up_in_cycle(goal, start, end)) or metric not in DEAL_METRICS \
                    or goal.scope.narrows():
                return None
            # a rep's goal is the rep's own, a part of another or not ("ali logs 40 calls"); a
            # lead's goal with no parent is the team's
            if parent is None and goal.owner not in rep_members:
                figures = team_figures()
                if metric in ACTIVITY_METRICS:
                    return float(figures.activities), Phrase(
                        "activities logged in the cycle (calls, visits, meetings, emails)")
                value = {"new_customers": figures.new_customers, "win_rate": figures.win_rate}.get(
                    metric, figures.won_value)
                return (float(value), Phrase("deals won in the cycle (all scopes)")) if value is not None else None
            if goal.owner and (own := rep_figures(goal.owner)) is not None:
                if metric in ACTIVITY_METRICS:
                    return float(own.activities), Phrase("{rep}'s activities logged in the cycle", rep=goal.owner)
                value = {"new_customers": own.new_customers, "win_rate": own.win_rate}.get(metric, own.won_value)
                return (float(value), Phrase("{rep}'s deals won in the cycle", rep=goal.owner)) \
                    if value is not None else None
            return None

        return measure
