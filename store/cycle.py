"""The whole cycle at a glance on a board (sales/cycle.py): each phase's state from the same
numbers its screen shows."""

from __future__ import annotations

from sales.burnup import PACE_DAYS
from sales.cycle import Cycle, Diagnose, Goals, Plan, Review, Track, paces, task_counts, ticked
from sales.goals import checkin_due, in_cycle
from sales.phrases import kept
from store.board_core import BoardCore


class CycleQueries(BoardCore):
    def cycle(self) -> Cycle:
        """Where each phase stands today. Reading it is open to everyone on the board."""
        today = self.today()
        info = self.plan_info()
        start, end = self.period()
        return Cycle(info["name"], start, end, today, self._diagnose_phase(), self._goals_phase(today),
                     self._plan_phase(today), self._track_phase(), self._review_phase())

    def _diagnose_phase(self) -> Diagnose:
        latest = self.latest_snapshot()
        notes = self.notes()
        found = latest.diagnosis.findings if latest else []
        return Diagnose(
            snapshot=latest.id if latest else None, saved_at=latest.saved_at if latest else None,
            files=list(latest.diagnosis.source.files) if latest else [],
            revenue=latest.diagnosis.total.revenue if latest else None, findings=len(found),
            first_finding=_first(found), notes=len(notes),
            pain_points=sum(1 for n in notes if "pain_point" in n.tags), checklist=ticked(self.checklist("diagnosis")))

    def _goals_phase(self, today) -> Goals:
        every, checkins = self.goals(), self.checkins()
        start, end = self.plan_period()
        goals = [g for g in every if in_cycle(g, start, end)]
        on, behind = paces([g.id for g in goals], self.goal_paces())
        at_baseline = self.goals_at_baseline(behind)  # "no check-in yet", as alerts and My day say
        first = [g for g in behind if g in at_baseline]
        behind = [g for g in behind if g not in at_baseline]
        closed = [g.id for g in goals if g.closed is not None]
        ended = [g for g, _day, _done in self.ended_goals() if g in {goal.id for goal in goals}]
        judged = {*on, *behind, *first, *closed, *ended}
        return Goals(len(goals), on, behind, [g.id for g in goals if checkin_due(g, checkins, today)],
                     len(self.strategies()), self.not_carried(), closed, ended,
                     [g.id for g in goals if g.id not in judged], first)

    def _plan_phase(self, today) -> Plan:
        settled = self.settled_tasks()  # (last cycle's done tasks: not this one's, as in the burn-up)
        counts, overdue = task_counts((t for t in self.tasks() if t.id not in settled.left_out), today)
        money = self.budget_totals()
        training = self.training()
        burn = self.burn_up(last_days=PACE_DAYS + 1, settled=settled)  # (the pace needs no more of the log)
        return Plan(counts, overdue, money.budget, money.approved, money.requested, money.spent,
                    (sum(1 for t in training if t.done), len(training)), pace=burn.pace,
                    pace_days=min(PACE_DAYS, len(burn.days) - 1), done_by=burn.done_by, over=burn.over)

    def _track_phase(self) -> Track:
        team = self.forecast().team
        outcome = {s.name: s.outcome for s in self.stages()}
        moved = self.week_movement(self.today())
        return Track(open_deals=sum(1 for d in self.deals() if outcome.get(d.stage) == "open"),
                     best_case=team.best_case, weighted=team.weighted,
                     forecast=team.forecast, quota=team.quota, slipped=len(team.slipped),
                     alerts=sum(1 for a in self.alerts() if a.snoozed_until is None),
                     weekly=ticked(self.checklist("weekly")),
                     week=(len(moved.new), len(moved.won), len(moved.lost), moved.net), counted=team.counted)

    def _review_phase(self) -> Review:
        plans = self.cycle_plans()
        outcomes = self.win_loss()
        top = outcomes.reasons[0] if outcomes.reasons else None
        reps = self.reps()
        # someone not on the team reads no one's pay and has none: not "your payout 0.00"
        hidden = bool(plans) and not any(self.reads_pay(name) for name in reps) and self.actor not in reps
        return Review(won=self.process_metrics().won_value,
                      payouts=round(sum(s.total for s in self.readable_payouts()), 2) if plans and not hidden else None,
                      own_payout=not all(self.reads_pay(name) for name in reps), pay_hidden=hidden,
                      answered=ticked([(q, a) for q, a in self.answers_by_question()]),
                      checklist=ticked(self.checklist("review")),
                      closed=(outcomes.total.won, outcomes.total.closed),
                      top_reason=(top.name, round(top.share, 1)) if top else None)


def _first(findings) -> str | None:
    """The most severe finding's text, as a Phrase where its template was kept (the cycle view
    says it in the interface's language)."""
    return kept(findings[0].said, findings[0].text) if findings else None
