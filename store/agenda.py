"""A person's day on a board (sales/agenda.py): their tasks, deals, goals and quota in one list."""

from __future__ import annotations

from sales.agenda import DEFAULT_HORIZON, Agenda, agenda
from sales.approvals import same_as_approved, waits_for_approval
from sales.calendar import CycleDays, Event, plan_events
from sales.errors import Invalid, NotFound
from store.board_core import BoardCore


class AgendaQueries(BoardCore):
    def require_member(self, who: str) -> None:
        """NotFound, naming the members, unless `who` is one (or the board has none yet): a
        person's day or calendar is asked of a member, not of a name nobody holds."""
        names = [m.name for m in self.members()]
        if names and who not in names:
            raise NotFound("{who!r} is not a member of this board (members: {members})", who=who, members=", ".join(names))

    def calendar_events(self, who: str | None = None) -> list[Event]:
        """The plan's dated items (of `who` only, when given: their training and the team's) and
        the cycle's days, by day (the cycle's first) then id: what `uplift calendar` writes and
        the Calendar screen shows."""
        if who:
            self.require_member(who)  # (a name nobody holds made a calendar of the cycle's end alone)
        return plan_events(self.tasks(), self.deals(), self.goals(), self.stages(), self.cycle_days(who), who,
                           self.training(), [m.name for m in self.members()], self.past_cycle_days())

    def past_cycle_days(self) -> list[CycleDays]:
        """The cycles the plan had before this one (the log's, as the Review screen offers them),
        each named as it was then: their first and last days for a calendar. Dates that were only
        corrected (sharing days with the cycle now, or with a later one kept) are left out, so a
        typo's week is not shown as a cycle of its own."""
        return [CycleDays(self.cycle_name(start, end), start, end) for start, end in self.earlier_cycles()]

    def cycle_days(self, who: str | None = None) -> CycleDays:
        """The cycle's dates for a calendar: the plan's period and budget, and the incentive plans
        paid over it (for `who`, a rep, only the plans that cover them: the others' are not theirs)."""
        start, end = self.period()
        info = self.plan_info()
        plans = [p for p in self.incentive_plans() if who is None or self.role_of(who) == "lead" or p.covers(who)]
        # (a calendar's events need a name: an unnamed plan's is still its folder's, as its review's title)
        return CycleDays(self.name, start, end, [(p.id, p.name) for p in plans], info.get("budget"))

    def agenda(self, who: str | None = None, horizon: int = DEFAULT_HORIZON) -> Agenda:
        """What needs `who` (default: the actor) today and in the next `horizon` days. Reading
        anyone's is open to everyone on the board, as the board itself is."""
        if not 0 <= horizon <= 366:
            raise Invalid("days", "look from 0 to 366 days ahead, not {horizon}", horizon=horizon)
        who = who or self.actor
        self.require_member(who)
        paces = self.goal_paces()
        forecast = None
        if who in self.reps():
            row = self.forecast(who).reps[0]
            forecast = row if row.quota is not None else None
        # a goal at its baseline for want of a check-in is waiting for one (listed so), not "0% of the way"
        waiting = self.goals_at_baseline([goal_id for goal_id, expected, actual in paces if actual < expected])
        day = agenda(who, self.today_of(who), self.tasks(), self.deals(), self.stages(), self.goals(), self.checkins(),
                     [p for p in paces if p[0] not in waiting], self.alerts(paces=paces, at_baseline=waiting), forecast, horizon,
                     coaching=self.coaching_notes(who),  # (what the reader may read: a rep, their own only)
                     lead=self.role_of(who) == "lead", training=self.training(),
                     members=[m.name for m in self.members()])
        if self.role_of(who) == "lead":  # the commissions waiting for a lead
            day.budget_requests = sum(1 for line in self.budget_lines() if line.status == "requested")
        if self.role_of(who) == "lead" and self.role == "lead":
            # (pay is private: a rep reading a lead's day (`today --for dana`) was told "Payouts: 1
            # to approve", counted from the one statement the rep may read, as if it were dana's)
            everyone = self.payouts()
            statements = [s for s in everyone if s.hold is None]  # (held: not to approve or pay yet)
            day.held_payouts = [(s.rep, s.hold.start, s.hold.end, s.hold.reason) for s in everyone if s.hold is not None]
            day.payouts = (sum(1 for s in statements if waits_for_approval(s)),
                           sum(1 for s in statements if s.approval is not None and s.approval.paid_at is None))
            day.past_payouts = self._past_payouts_changed()
        return day

    def _past_payouts_changed(self) -> list[tuple]:
        """The plan's past cycles whose statements, approved in them, no longer say what was
        approved (commission released after the cycle ended, a deal moved), with how many. Dates
        that share days with the cycle now are its own, corrected (as earlier_cycles reads them):
        not a past cycle; its statements wait to be approved for the dates it has now."""
        now = self.plan_period()
        cycles = {(a.start, a.end) for a in self.approvals() if a.start and a.end
                  if None in now or not (a.start <= now[1] and now[0] <= a.end)}
        found = []
        for start, end in sorted(cycles, reverse=True):
            with self.reading_cycle(start, end):
                changed = sum(1 for s in self.payouts() if s.approval and not same_as_approved(s.approval, s))
            if changed:
                found.append((start, end, changed))
        return found
