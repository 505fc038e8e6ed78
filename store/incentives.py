"""Phase 5 on a board: incentive plans, the gap-analysis answers, the end-of-cycle checklist,
and the review numbers (goal results, rep results, payouts, the leaderboard).

Changing any of it is a lead's call (sales/permissions.py: `incentive.*`, `answer.*`,
`review.tick` are not open to reps); reading is open to everyone on the board. The numbers are
computed on demand from the deals, touches, goals and check-ins (sales/review.py,
sales/payout.py); nothing computed is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any, NamedTuple

import msgspec

from sales import permissions
from sales.approvals import Approval, PayoutHold, approval_fields, overpaid, paid_so_far, waits_for_approval
from sales.dates import stamp, week_start
from sales.errors import Invalid, NotFound, Refused, Word
from sales.deals import Deal, paid_share
from sales.forecast import DEFAULT_COMMIT, Forecast, TrendPoint, forecast
from sales.goals import OUTCOME_LABELS, Goal, checkins_of, in_cycle
from sales.goals import number as written_number
from sales.ids import format_id
from sales.incentives import IncentivePlan, in_force, plan_for
from sales.numbers import cents
from sales.payout import (
    HELD_LINE,
    RELEASED_LATER,
    Carried,
    Released,
    Statement,
    awarded,
    carried_from_approval,
    statement,
)
from sales.review import (
    Award,
    GoalResult,
    LeaderRow,
    ProcessMetrics,
    RepResults,
    ReviewAnswer,
    given_day,
    given_in,
    goal_result,
    in_period,
    leaderboard,
    lost_after_won,
    process_metrics,
    rep_results,
    team_results,
    with_spending,
    won_spells,
)
from sales.review_report import ReviewData, findings
from sales.phrases import Phrase, english
from sales.rollup import Current, current_values
from sales.strategy_results import StrategyResult, strategy_results
from sales.tasks import Task
from sales.validation import convert
from store.board_core import BoardCore, Transaction, changed_keys, number
from store.goal_measures import Measure, metric_key
from store.diagnoses import checklist_template, translated

QUESTIONS_FILE = "gap-analysis.yaml"  # a plan template holding the questions as one checklist
CSAT_METRICS = {"csat", "customer_satisfaction", "satisfaction", "nps"}


class ReviewChanges(BoardCore):
    _cycle_read: tuple[date, date] | None = None  # reading_cycle's dates, while it reads

    # ------------------------------------------------------------------ incentive plans

    def incentive_plans(self) -> list[IncentivePlan]:
        return self._models("plan", "incentives", IncentivePlan, key=lambda p: int(p.id.split("-")[1]))

    def cycle_plans(self) -> list[IncentivePlan]:
        """The incentive plans that pay the cycle read (period()): a plan's `start` and `end`."""
        return in_force(self.incentive_plans(), self.period()[0])

    def incentive_plan(self, plan_id: str) -> IncentivePlan:
        return self._get("incentive", plan_id)

    def save_incentive_plan(self, data: dict) -> IncentivePlan:
        """Add a plan (no `id`, or an id not on the board yet) or replace the one with that id."""
        def build(tx: Transaction) -> IncentivePlan:
            old = None
            if data.get("id"):
                try:
                    old = self.incentive_plan(str(data["id"]))
                except NotFound:
                    old = None
            self._check("incentive.edit" if old else "incentive.add")
            if old is None:
                new_id = format_id("incentive", tx.nextnumber("incentive"))
            else:
                new_id = old.id
            plan = convert({**data, "id": new_id}, IncentivePlan, "incentive")
            for quota in plan.quotas:
                self._check_member(quota.rep, "quotas")
            if old is None:
                self._put_new(tx, "incentive.add", "incentive", plan)
            elif changed_keys(old, plan):
                self._put_update(tx, "incentive.edit", "incentive", old, plan)
            return plan
        return self._transact(build)

    # ------------------------------------------------------------------ gap analysis

    def review_questions(self, lang: str = "en") -> list[str]:
        """The gap-analysis questions in `lang` (answers are kept under the English question)."""
        return translated(checklist_template(QUESTIONS_FILE).items, QUESTIONS_FILE, lang)

    def review_answers(self) -> list[ReviewAnswer]:
        return self._models("plan", "review_answers", ReviewAnswer, key=lambda a: int(a.id.split("-")[1]))

    def cycle_answers(self) -> list[ReviewAnswer]:
        """The gap-analysis answers given in the cycle (the one read: period()), oldest first."""
        cycle, now = self.period(), self.plan_period()
        return [a for a in self.review_answers()
                if given_in((a.start, a.end), given_day(a.at), cycle, now)]

    def answers_by_question(self, lang: str = "en") -> list[tuple[str, ReviewAnswer | None]]:
        """Each gap-analysis question (in `lang`) with its answer in the cycle (or None: an answer
        emptied, the app's way to take one back, is none, so the cycle does not count it as
        answered)."""
        answers = {a.question: a for a in self.cycle_answers() if a.answer.strip()}
        return [(shown, answers.get(q)) for q, shown in zip(self.review_questions(), self.review_questions(lang))]

    def answer_question(self, number: int, text: str) -> ReviewAnswer:
        """Write (or rewrite) the answer to question `number` (1-based)."""
        questions = self.review_questions()
        if not 1 <= number <= len(questions):
            raise NotFound("the gap analysis has no question {number} (it has {count})", number=number, count=len(questions))
        question = questions[number - 1]

        def build(tx: Transaction) -> ReviewAnswer:
            old = next((a for a in self.cycle_answers() if a.question == question), None)
            self._check("answer.edit" if old else "answer.add")
            start, end = self.period()
            data = {"question": question, "answer": text, "by": self.actor,
                    "at": stamp(self.clock()), "start": start, "end": end,
                    "id": old.id if old else format_id("answer", tx.nextnumber("answer"))}
            new = convert(data, ReviewAnswer, "answer")
            if old is None:
                self._put_new(tx, "answer.add", "answer", new)
            elif (old.answer, old.start, old.end) != (new.answer, new.start, new.end):
                self._put_update(tx, "answer.edit", "answer", old, new)
            else:
                return old
            return new
        return self._transact(build)

    # ------------------------------------------------------------------ the numbers

    def period(self) -> tuple[date | None, date | None]:
        """The cycle the review reads: the plan's period, or another cycle's (reading_cycle)."""
        return self._cycle_read or self.plan_period()

    @contextmanager
    def reading_cycle(self, start: date, end: date) -> Iterator[None]:
        """The review of another cycle (`uplift review --start --end`): its won deals, payouts
        and approvals, leaderboard, gap-analysis answers and checklist ticks, and each goal's
        actual as it stood at the cycle's end; an answer given or an item ticked in it is that
        cycle's (a review written after the plan moved on to the next)."""
        if end < start:
            raise Invalid("end", "the period ends ({end}) before it starts ({start})", start=start, end=end)
        self._cycle_read = (start, end)
        try:
            yield
        finally:
            self._cycle_read = None

    def reps(self) -> list[str]:
        """The reps of the board (members with the rep role), else everyone who owns a deal or
        shares one's credit."""
        reps = [m.name for m in self.members() if m.role == "rep"]
        return reps or sorted({d.owner for d in self.deals() if d.owner}
                              | {split.rep for d in self.deals() for split in d.splits})

    def _reps_with(self, rep: str | None) -> list[str]:
        """The reps, after checking that `rep` (if given) is one of them."""
        reps = self.reps()
        if rep is not None and rep not in reps:
            raise NotFound("{rep!r} is not a rep of this board (reps: {reps})", rep=rep, reps=", ".join(reps) or Word("none"))
        return reps

    def rep_results(self, rep: str | None = None) -> list[RepResults]:
        start, end = self.period()
        deals, stages, touches = self.deals(), self.stages(), self.touches()
        reps = [rep] if rep else self.reps()
        today = self.today()  # (customers' payments are received by their dates)
        cycles = self.known_cycles_later()
        return [rep_results(r, deals, stages, touches, start, end, today, cycles) for r in reps]

    def known_cycles_later(self) -> "_OnFirstRead":
        """known_cycles(), read from the log only if a statement needs it (a deal clawed back):
        every statement, forecast and leaderboard would otherwise read the log for the plan's
        past periods."""
        return _OnFirstRead(self.known_cycles)

    def known_cycles(self) -> list[tuple[date, date]]:
        """Every cycle whose dates the board knows: the plan's cycle now and its earlier ones (cycles())
        and those statements were approved for; a deal won in one and lost in a later one is
        clawed back as it counted there (sales.review.rep_results)."""
        found = self.cycles()
        for approval in self.approvals():
            if approval.start and approval.end and (approval.start, approval.end) not in found:
                found.append((approval.start, approval.end))
        return found

    def former_reps(self) -> list[str]:
        """Reps who have left the board (`member remove`), or the reps (`member role ali lead`,
        in the cycle or after it), but are credited with a deal won, or lost after it was won, in
        the cycle: what they earned (or owe) as a rep is still to be paid, so they keep a payout
        statement for the cycle (a rep made a lead mid-cycle lost theirs from payroll)."""
        members = {m.name for m in self.members()}
        if not members:
            return []
        reps = {m.name for m in self.members() if m.role == "rep"}
        start, end = self.period()
        stages = self.stages()
        credited: set[str] = set()
        for deal in self.deals():
            names = {deal.owner, *(split.rep for split in deal.splits)} - reps - {None, ""}
            if not names:
                continue
            # counted in the cycle (won in it, and still won or out of won only after it), clawed
            # back in it (won before it, lost or reopened in it), or won and lost in it (a note)
            pair = lost_after_won(deal, stages)
            if (pair and in_period(pair[1], start, end)) or any(
                    in_period(at, start, end) != (left is not None and in_period(left, start, end))
                    for at, left, _stage in won_spells(deal, stages)):
                credited |= names
        former = []
        made_lead = self._made_lead_since(credited & members, start)
        # a rep when they left, as the log's record of it says (or, for one a plan file brought
        # from the board they left, the board's record of them: store.plan_io)
        left = self.former_roles() if credited - members else {}
        for name in sorted(credited):
            if name in members:
                if name in made_lead:
                    former.append(name)
            elif left.get(name) == "rep":
                former.append(name)
        return former

    def _made_lead_since(self, names: set[str], start: date | None) -> set[str]:
        """Which of `names` (members who are no reps now) were reps until a role change made on
        or after `start`: the log read back to `start` only (a lead who owns deals was never a
        rep, and the whole log is not read for them at every statement)."""
        if not names:
            return set()
        since = start.isoformat() if start else ""
        latest: dict[str, Any] = {}
        for record in self.log.newest_first(where=lambda doc: doc.get("at", "") < since or (
                doc.get("action") == "member.role" and doc.get("item") in names)):
            if record.at < since:
                break  # (older than the cycle: a change then made them a lead for all of it)
            latest.setdefault(record.item, record)
            if len(latest) == len(names):
                break
        return {name for name, record in latest.items() if (record.before or {}).get("role") == "rep"}

    def payouts(self, rep: str | None = None) -> list[Statement]:
        """Each rep's payout statement (one rep's with `rep`) that the actor may read: pay is
        private (sales.permissions.check_read_pay), so a rep reads only their own and asking for
        another's is refused; a lead reads every one."""
        self._check_read_pay(rep)
        return self.readable_payouts(rep)

    def readable_payouts(self, rep: str | None = None) -> list[Statement]:
        """The statements the actor may read, without a refusal: none for someone not on the team
        (what the review report and the cycle view show them, where `payouts` refuses)."""
        return [s for s in self._statements(rep) if self.reads_pay(s.rep)]

    def _check_read_pay(self, rep: str | None) -> None:
        members = self.members()
        permissions.check_read_pay(self.actor, self.role_of(self.actor), single_user=not members, rep=rep)

    def reads_pay(self, rep: str) -> bool:
        """Whether the actor may read `rep`'s pay: their statement, approvals, payout forecast."""
        members = self.members()
        return permissions.reads_pay(self.actor, self.role_of(self.actor), single_user=not members, rep=rep)

    def _statements(self, rep: str | None = None) -> list[Statement]:
        """Each rep's payout statement (one rep's with `rep`), with the recognition earned; a rep
        who has left the board keeps one for the cycle they earned in (former_reps: recognition
        is for the team's reps). Every one, whoever reads: payouts() is what a person reads."""
        former = self.former_reps()
        if rep not in former:
            self._reps_with(rep)
        every_plan = self.incentive_plans()
        plans = in_force(every_plan, self.period()[0])  # (cycle_plans(), of the plans read once)
        every = self.rep_results()
        awards = _awards(plans, every)
        every += [self.rep_results(name)[0] for name in former]
        statements = []
        cycle = self._cycle_approvals()
        approvals = self.approvals()
        held = self._cycle_holds()
        deals: dict[str, Deal] | None = None  # (read once a statement needs them)
        if _any_held(approvals):
            deals = {deal.id: deal for deal in self.deals()}
        cycles = self.known_cycles_later()  # (read once a release from an earlier cycle needs them)
        for results in every:
            if rep is None or results.rep == rep:
                made = statement(plan_for(plans, results.rep), results, every_plan,
                                 self._balance_carried(results.rep, approvals),
                                 self._released(results.rep, approvals, deals, cycles))
                made.recognition = [item.award for item in awards.get(results.rep, [])]
                mine = cycle.get(results.rep, [])
                made.approval = mine[-1] if mine else None
                made.paid = paid_so_far(mine)
                made.hold = held.get(results.rep)
                made.overpaid = overpaid(made.approval, made.paid)
                statements.append(made)
        return statements

    # ------------------------------------------------------------------ payout approvals

    def approvals(self) -> list[Approval]:
        """Every payout approval on the board, oldest first."""
        return self._models("plan", "approvals", Approval, key=lambda a: int(a.id.split("-")[1]))

    def _balance_carried(self, rep: str, approvals: list[Approval]) -> list[Carried]:
        """The balances below zero that `rep`'s approved statements of earlier cycles left, oldest
        first: what an approved statement below zero carried out (its latest approval's), and what
        payroll paid beyond an approval of an earlier cycle (a paid statement approved again
        lower: sales.approvals.overpaid). Each goes to the first later cycle with an approval
        that was not paid when it arose (_lands_here): the next statement nets it, unless that
        was paid already, when it passes over it. An unapproved statement carries nothing (a
        cycle with none, a rep on no plan then, passes a balance on), and a cycle with no dates
        neither gives nor takes a balance."""
        now = self.period()
        start = now[0]
        if start is None:
            return []
        by_cycle: dict[tuple[date, date], list[Approval]] = {}
        for approval in approvals:
            if approval.rep == rep and approval.start and approval.end and approval.end < start:
                by_cycle.setdefault((approval.start, approval.end), []).append(approval)
        if not by_cycle:
            return []
        mine_now = [a for a in approvals if a.rep == rep and (a.start, a.end) == now]
        found = []
        for cycle in sorted(by_cycle, key=lambda c: (c[1], c[0])):
            made = sorted(by_cycle[cycle], key=lambda a: number(a.id))
            final = made[-1]  # (its latest approval)
            amount = 0.0
            own = _carried_out(final)
            if own < 0:  # (its own balance below zero, since its first approval that carried one)
                arose = next(a for a in made if _carried_out(a) < 0)
                if self._lands_here(cycle, arose, by_cycle, mine_now):
                    amount = own
            beyond = overpaid(final, paid_so_far(made))
            if beyond < 0:
                paid = paid_so_far(made) or 0.0
                first_paid = next(a for a in made if a.paid_at is not None and a.total == paid)
                # the approval that first said less than was paid
                arose = next(a for a in made if number(a.id) > number(first_paid.id) and a.total < paid)
                if self._lands_here(cycle, arose, by_cycle, mine_now):
                    amount = cents(amount + beyond)
            if amount < 0:
                found.append(Carried(final.id, cycle[0], cycle[1], cents(amount)))
        return found

    @staticmethod
    def _lands_here(cycle: tuple[date, date], arose: Approval,
                    by_cycle: dict[tuple[date, date], list[Approval]], mine_now: list[Approval]) -> bool:
        """Whether a balance `cycle` left, which arose with its approval `arose`, is one the cycle
        read takes (`mine_now`: its approvals): it goes to the first later cycle with an approval
        that was not paid on an approval made before the balance arose; a later cycle paid so
        stands as paid, and the balance passes over it (were it netted there, the next cycle,
        reading that one's approval, would never see it). That holds for one paid after the
        balance arose too, on its approval of before: its statement netted the balance then, but
        payroll paid what was approved, without it."""
        def paid_then(approvals: list[Approval]) -> bool:  # (approvals are numbered as they are made)
            return any(a.paid_at is not None and number(a.id) < number(arose.id) for a in approvals)

        between = [later for other, later in by_cycle.items() if other[0] > cycle[1]]
        return all(paid_then(later) for later in between) and not paid_then(mine_now)

    def _released(self, rep: str, approvals: list[Approval], deals: dict[str, Deal] | None,
                  cycles: Iterable[tuple[date, date]] = ()) -> list[Released]:
        """Commission that `rep`'s approved statements of other cycles held until customers paid,
        and that payments made since released: on the statement of the cycle read, what payments
        dated in it released of earlier cycles' deals (beyond what those cycles' latest approvals
        paid), and, when the cycle read has an approval, what payments dated after it ended
        released of its own (paid in those later cycles, so taken off here: approving it again
        pays nothing twice). A payment dated in a gap between cycles (`cycles`: those the board
        knows) is the next cycle's, as it is taken off its own. Each deal's payable is its
        commission times the part of it paid by a day, as its held line works it out
        (sales.payout._releases)."""
        found, end, today = [], self.period()[1], self.today()
        for held in self._held_before(rep, approvals, deals, cycles):
            def beyond(day: date) -> float:
                return max(cents(held.payable(day) - held.net), 0.0)

            amount = cents((beyond(today) if held.own else beyond(end)) - beyond(held.since))
            if amount > 0:
                found.append(Released(held.deal, held.made[0].id, held.first, held.last, amount, later=held.own))
        return found

    def _held_before(self, rep: str, approvals: list[Approval], deals: dict[str, Deal] | None,
                     cycles: Iterable[tuple[date, date]], by: date | None = None) -> Iterator[_Held]:
        """Each deal whose commission an approved statement of `rep` (of the cycle read, or of an
        earlier one) held in part (_Held; what payments make payable is counted to `by`, else
        today)."""
        start, end = self.period()
        if not deals or start is None or end is None:
            return
        today = by or self.today()
        by_cycle: dict[tuple[date, date], list[Approval]] = {}
        for approval in approvals:
            if approval.rep == rep and approval.start and approval.end and approval.end <= end:
                by_cycle.setdefault((approval.start, approval.end), []).append(approval)
        for (first, last), made in sorted(by_cycle.items()):
            own = (first, last) == (start, end)
            if not own and last >= start:
                continue  # (a cycle overlapping this one: neither earlier nor this)
            held = _held_in(made[-1])
            if not held:
                continue
            # the day before what this cycle releases: the end of the last cycle before it (a gap's
            # payments are this cycle's), at the earliest the earning cycle's own end
            since = last if own else max((e for _, e in cycles if last <= e < start), default=last)
            for deal_id, earned, net in held:
                deal = deals.get(deal_id)
                if deal is None:
                    continue

                def payable(day: date, deal: Deal = deal, earned: float = earned) -> float:
                    # (as the held line rounds it: held to the cent)
                    return cents(earned - cents(earned * (1 - paid_share(deal, min(day, today)))))

                yield _Held(deal_id, first, last, own, made, earned, payable, net, since)

    def _release_expected(self, rep: str, approvals: list[Approval], deals: dict[str, Deal],
                          cycles: Iterable[tuple[date, date]]) -> tuple[float, float]:
        """For the payout forecast: the commission of earlier cycles' approved statements that
        customers' payments dated by the cycle's end release in it (those dated after today are
        expected: recorded with their day), and what of it stays held past the cycle's end (no
        payment dated to release it: left out of the forecast, and said). A deal lost or reopened
        since is paid on no more: what was held of it is forfeited (its clawback takes back what
        was released, nothing of what was held), neither expected nor waiting; only payments
        already received count. So for one reopened and won again since: its new win earns its
        commission afresh (in the forecast's figures, nothing held), and its clawback takes back
        what payments release of the old one (counted to today, as the forecast's clawback is: a
        payment dated later released it here and was never taken back, paying it twice)."""
        end, today = self.period()[1], self.today()
        won = {stage.name for stage in self.stages() if stage.outcome == "won"}
        released = held = 0.0
        for one in self._held_before(rep, approvals, deals, cycles, by=end):
            if one.own:
                continue
            deal = deals[one.deal]
            settled = deal.stage in won and not any(  # (won, and not out of won since its cycle)
                entry.stage not in won and entry.at.date() > one.last for entry in deal.history)
            # (what approvals paid of it stays paid)
            paid_by_end = max(one.payable(end if settled else min(today, end)), one.net)
            released = cents(released + paid_by_end - max(one.payable(one.since), one.net))
            if settled:
                held = cents(held + one.earned - paid_by_end)
        return released, held

    # ------------------------------------------------------------------ payout holds

    def holds(self) -> list[PayoutHold]:
        """Every payout hold on the board, released or not, oldest first."""
        return self._models("plan", "holds", PayoutHold, key=lambda h: int(h.id.split("-")[1]))

    def _cycle_holds(self) -> dict[str, PayoutHold]:
        """Each rep's hold on their statement for the cycle read, while it holds (not released)."""
        start, end = self.period()
        return {h.rep: h for h in self.holds() if (h.start, h.end) == (start, end) and h.released_at is None}

    def hold_payout(self, rep: str, reason: str) -> tuple[PayoutHold, bool]:
        """Hold `rep`'s payout statement for the cycle read, with why (a dispute): a lead's. Held,
        it is not approved, marked paid or exported for payroll until released, and the rep reads
        the hold on it. Holding a held one again changes its reason. Returns the hold and whether
        anything changed (False: held already, for that reason)."""
        reason = reason.strip()
        if not reason:
            raise Invalid("reason", "a hold needs its reason (the dispute, as the rep will read it)")

        def build(tx: Transaction) -> tuple[PayoutHold, bool]:
            self._check("payout.hold")
            start, end = self.period()
            if rep not in self.former_reps():  # (a rep who left keeps a statement to hold)
                self._reps_with(rep)
            if plan_for(self.cycle_plans(), rep) is None:  # (the plan, not the whole statement, says it)
                raise Refused("nothing to hold: {rep} is on no incentive plan", rep=rep)
            old = self._cycle_holds().get(rep)
            if old is not None:
                if old.reason == reason:
                    return old, False
                new = convert({**msgspec.to_builtins(old), "reason": reason}, PayoutHold, "hold")
                self._put_update(tx, "payout.hold", "hold", old, new)
                return new, True
            hold = convert({"id": format_id("hold", tx.nextnumber("hold")), "rep": rep, "start": start, "end": end,
                            "reason": reason, "by": self.actor, "at": self.clock().replace(microsecond=0)},
                           PayoutHold, "hold")
            self._put_new(tx, "payout.hold", "hold", hold)
            return hold, True
        return self._transact(build)

    def release_hold(self, rep: str) -> PayoutHold:
        """Release the hold on `rep`'s payout statement for the cycle read: a lead's. Returns the
        hold released; refused when none holds it."""
        def build(tx: Transaction) -> PayoutHold:
            self._check("payout.release")
            former = self.former_reps()
            if rep not in former:
                self._reps_with(rep)
            old = self._cycle_holds().get(rep)
            if old is None:
                start, end = self.period()
                raise Refused("nothing to release: {rep}'s payout statement for {start} to {end} is not on hold",
                              rep=rep, start=start, end=end)
            new = convert({**msgspec.to_builtins(old), "released_at": self.clock().replace(microsecond=0),
                           "released_by": self.actor}, PayoutHold, "hold")
            self._put_update(tx, "payout.release", "hold", old, new)
            return new
        return self._transact(build)

    def _balances_carried(self, reps: list[str]) -> dict[str, list[Carried]]:
        """Each of `reps`' balances carried into the cycle (_balance_carried), for the forecast."""
        approvals = self.approvals()
        found = {rep: self._balance_carried(rep, approvals) for rep in reps}
        return {rep: carried for rep, carried in found.items() if carried}

    def _releases_expected(self, reps: list[str]) -> dict[str, tuple[float, float]]:
        """Each of `reps`' commission of earlier cycles that payments dated by the cycle's end
        release, and what stays held past it (_release_expected), for the forecast."""
        approvals = self.approvals()
        if not _any_held(approvals):
            return {}
        deals, cycles = {deal.id: deal for deal in self.deals()}, self.known_cycles_later()
        found = {rep: self._release_expected(rep, approvals, deals, cycles) for rep in reps}
        return {rep: pair for rep, pair in found.items() if any(pair)}

    def _cycle_approvals(self) -> dict[str, list[Approval]]:
        """Each rep's approvals for this cycle (the plan's period as it is now), oldest first."""
        start, end = self.period()
        found: dict[str, list[Approval]] = {}
        for approval in self.approvals():
            if (approval.start, approval.end) == (start, end):
                found.setdefault(approval.rep, []).append(approval)
        return found

    def mark_paid(self, rep: str | None = None, ref: str = "") -> list[Approval]:
        """Record that payroll paid each rep's latest approved statement for the cycle (one rep's
        with `rep`): a lead's. An approval already marked paid is left as it is. Returns the
        approvals marked."""
        def build(tx: Transaction) -> list[Approval]:
            self._check("payout.pay")
            marked = []
            for current in self._statements(rep):
                if current.hold is not None:  # (held out of payroll until released)
                    if rep is not None:
                        raise _on_hold(current.hold, Word("marked paid"))
                    continue
                approval = current.approval
                if approval is None or approval.paid_at is not None:
                    continue
                paid = convert({**msgspec.to_builtins(approval), "paid_at": self.clock().replace(microsecond=0),
                                "paid_by": self.actor, "paid_ref": ref}, Approval, "approval")
                self._put_update(tx, "payout.pay", "approval", approval, paid)
                marked.append(paid)
            return marked
        return self._transact(build)

    def approve_payouts(self, rep: str | None = None, note: str = "") -> list[Approval]:
        """Sign off each rep's payout statement for the cycle as it stands now (one rep's with
        `rep`): a lead's. Those approved are those My day asks for (waits_for_approval): a
        statement that still says what its latest approval says is not approved again, one never
        approved whose every amount is 0.00 is not approved at all (nothing in it to sign off),
        and one on hold is not approved until a lead releases it (asked for by
        name, refused). Returns the approvals made."""
        def build(tx: Transaction) -> list[Approval]:
            self._check("payout.approve")
            start, end = self.period()
            made = []
            for current in self._statements(rep):
                if rep is not None and current.hold is not None:
                    raise _on_hold(current.hold, Word("approved"))
                if current.hold is not None or not waits_for_approval(current):
                    continue  # held; or not asked for (My day's rule): no plan, nothing in it, approved as it stands
                approval = convert({**approval_fields(current, start, end), "by": self.actor, "note": note,
                                    "at": self.clock().replace(microsecond=0),
                                    "id": format_id("approval", tx.nextnumber("approval"))}, Approval, "approval")
                self._put_new(tx, "payout.approve", "approval", approval)
                made.append(approval)
            return made
        return self._transact(build)

    def forecast(self, rep: str | None = None, commit_pct: int = DEFAULT_COMMIT) -> Forecast:
        """Where each rep (or only `rep`) and the team will land by the cycle's end, and what
        each would be paid (sales/forecast.py). Reading it is open to everyone on the board."""
        if not 0 <= commit_pct <= 100:
            raise Invalid("commit", "the commit threshold is a probability from 0 to 100, not {commit}", commit=commit_pct)
        reps, former = self._forecast_reps(rep)
        start, end = self.period()
        made = forecast(self.deals(), self.stages(), self.touches(), self.cycle_plans(), reps,
                        start, end, self.clock(), commit_pct, only=rep, former=former, cycles=self.known_cycles_later(),
                        every_plan=self.incentive_plans(), carried=self._balances_carried(reps),
                        released=self._releases_expected(reps))
        for row in made.reps:  # pay is private: a rep sees the payout columns of their own row only
            if not self.reads_pay(row.rep):
                row.payout = row.payout_commit = row.payout_best_case = None
                row.carried, row.carried_from = 0.0, ""
                row.released, row.held_earlier = 0.0, 0.0
                made.pay_private = True
        if not all(self.reads_pay(name) for name in reps):
            made.team.payout = made.team.payout_commit = made.team.payout_best_case = None
            made.pay_private = True
        return made

    def _forecast_reps(self, rep: str | None) -> tuple[list[str], list[str]]:
        """The reps a forecast has rows for, and which of them have left: a rep who left the
        board but earned in the cycle (former_reps) keeps a row, as they keep a payout statement,
        so that the team's won value, quota and payouts are all of the same people's."""
        former = self.former_reps()
        if rep is None or rep not in former:
            self._reps_with(rep)
        return [*self.reps(), *former], former

    def forecast_trend(self, weeks: int = 8, commit_pct: int = DEFAULT_COMMIT,
                       rep: str | None = None) -> list[TrendPoint]:
        """The team's (or `rep`'s) forecast at the start of each of the last `weeks` weeks
        (Monday, midnight) and now, oldest first, each from the deals as they stood then
        (rebuilt from the log). A point is the pipeline's figures (won, commit, best case,
        weighted, forecast, quota: TrendPoint), no pay: the payout approvals (the balances they
        carry, the commission they held) are not read, as today's would not be a past week's."""
        if not 1 <= weeks <= 52:
            raise Invalid("weeks", "a trend of 1 to 52 weeks, not {weeks}", weeks=weeks)
        reps, former = self._forecast_reps(rep)
        from store.burnup import midnight  # (each Monday at its own offset, summer time or not)

        now = self.clock()
        monday = week_start(now).date()
        moments = [midnight(monday - timedelta(weeks=k), now) for k in range(weeks - 1, -1, -1)] + [now]
        past = self.deals_at(moments)
        stages, touches, plans = self.stages(), self.touches(), self.cycle_plans()
        start, end = self.period()
        cycles, every_plan = self.known_cycles_later(), self.incentive_plans()
        points = []
        for moment, state in zip(moments, past):
            deals = []
            for doc in state.values():
                try:
                    deals.append(msgspec.convert(doc, Deal))
                except msgspec.ValidationError:
                    continue  # a deal damaged by hand then: left out of that week's figures
            points.append(TrendPoint.of(forecast(deals, stages, touches, plans, reps, start, end, moment,
                                                 commit_pct, only=rep, former=former, cycles=cycles,
                                                 every_plan=every_plan),
                                        moment, len(deals)))
        return points

    def leaderboard(self) -> list[LeaderRow]:
        """The team's reps ranked, each with the recognition they earned in the cycle: a public
        award for everyone to read (Lattice's public praise), a private one only for those who
        read the rep's pay (the rep and the leads; sales.permissions.reads_pay), marked so."""
        plans = self.cycle_plans()
        quotas = {}
        for rep in self.reps():
            plan = plan_for(plans, rep)
            quotas[rep] = plan.quota_of(rep) if plan else None
        results = self.rep_results()
        rows = leaderboard(results, quotas)
        awards = _awards(plans, results)
        for row in rows:
            earned = awards.get(row.rep, [])
            sees_private = any(item.private for item in earned) and self.reads_pay(row.rep)
            row.recognition = [Award(item.award, item.private) for item in earned if not item.private or sees_private]
        return rows

    def process_metrics(self) -> ProcessMetrics:
        start, end = self.period()
        csat = None
        for goal in self.goals():
            if metric_key(goal) in CSAT_METRICS and in_cycle(goal, start, end):
                found = self._actual(goal)
                if found[0] is not None:
                    csat = (found[0], Phrase("{goal} {source}", goal=goal.id, source=found[1]))
        metrics = process_metrics(self.rep_results(), self.deals(), self.stages(), self.touches(), start, end, csat)
        return with_spending(metrics, cents(sum(e.amount for e in self.cycle_budget().spending)))

    def strategy_results(self) -> list[StrategyResult]:
        """What each strategy brought in the cycle: the deals tagged with it, or untagged and
        worked on by its tasks, that were won, against what was spent on it then
        (sales/strategy_results.py)."""
        start, end = self.period()
        tasks = self.tasks()
        deals = self.deals()
        won = {d.id: d.value for d in team_results(deals, self.stages(), [], start, end).won}
        spent = {strategy: money[1] for strategy, money in self.strategy_money().items()}
        return strategy_results(self.strategies(), tasks, won, spent,
                                self._done_by_end(tasks, end), {d.id: d.strategy for d in deals})

    def _done_by_end(self, tasks: list[Task], end: date | None) -> set[str] | None:
        """The tasks done when a cycle that has ended ended (the log read back to then; a task
        imported done counts from when it was done); None for a cycle not over (those done now)."""
        from sales.burnup import done_by, wanted
        from store.burnup import midnight, task_states

        now = self.clock()
        if end is None or end >= now.date():
            return None
        moment = midnight(end + timedelta(days=1), now)
        return done_by(task_states(tasks), self.log.newest_first(where=wanted(moment)), moment)

    def goal_results(self) -> list[GoalResult]:
        measure = self.measurer(totals=True)
        start, end = self.period()  # (the cycle's own goals: not the last one's, once the plan moved on)
        return [goal_result(goal, *self._actual(goal, measure)) for goal in self.goals() if in_cycle(goal, start, end)]

    def _actual(self, goal: Goal, measure: Measure | None = None) -> tuple[float | None, str]:
        """A goal's actual: a rolled-up goal's contributors' sum or mean; else its latest check-in,
        else what the board measures of it with the cycle's totals (store/goal_measures.py).
        Its source is a Phrase (said where it is shown; `review --json` writes its English)."""
        if goal.closed is not None and goal.closed.value is not None:  # its final score, as it was closed
            # (short: the Review screen's Source column has two lines of a few words at 80 columns)
            return goal.closed.value, Phrase("{outcome} ({day})", day=goal.closed.on.isoformat(),
                                             outcome=Word(OUTCOME_LABELS[goal.closed.outcome]))
        made = self.checkins()
        if self._cycle_read is not None:  # another cycle's review: the check-ins made by its end
            made = [c for c in made if c.at.date() <= self._cycle_read[1]]
        if goal.rollup is not None:  # its contributors' values, as its screen shows (sales/rollup.py)
            current = current_values(self.goals(), made, [goal.id], self.measurer())[goal.id]
            return (current.value if current.counted else None), _rollup_source(current)
        checkins = checkins_of(goal.id, made)
        if checkins:
            last = checkins[-1]
            return last.value, Phrase("check-in {id} ({day})", id=last.id, day=last.at.date().isoformat())
        found = (measure or self.measurer(totals=True))(goal)
        return found if found is not None else (None, Phrase("no data"))

    def review_data(self, lang: str = "en") -> ReviewData:
        """Everything the Markdown report says (sales/review_report.py); the gap-analysis
        questions and the checklist in `lang`."""
        with self.reading():  # (one moment of the board, log and all)
            start, end = self.period()
            goals, process, lost = self.goal_results(), self.process_metrics(), self.win_loss()
            strategies = self.strategy_results()
            period = Phrase("{start} to {end}", start=start.isoformat(), end=end.isoformat()) if start and end else ""
            return ReviewData(title=self._cycle_name(), period=period, goals=goals, strategies=strategies,
                              process=process, findings=findings(goals, process, lost, strategies), win_loss=lost,
                              answers=[(q, a.answer if a else "") for q, a in self.answers_by_question(lang)],
                              payouts=self.readable_payouts(), leaderboard=self.leaderboard(),
                              written=Phrase("Written on {day} by {by}.", day=self.today().isoformat(), by=self.actor),
                              checklist=[(text, tick is not None) for text, tick in self.checklist("review", lang=lang)])

    def cycle_name(self, start: date, end: date) -> str:
        """The plan's name in the cycle from `start` to `end` (its name then, or now's: _cycle_name)."""
        with self.reading_cycle(start, end):
            return self._cycle_name()

    def _cycle_name(self) -> str:
        """The plan's name in the cycle read: its name now, or for an earlier cycle the name it
        had then (the log's record of the change that left that cycle, or of the next renaming),
        so that a past cycle's report is not titled with the next cycle's name."""
        name = self.meta().get("name", self.path.name)
        if self._cycle_read is None:
            return name
        start, end = self._cycle_read
        cycle = {"start": start.isoformat(), "end": end.isoformat()}
        changes = self.log.records(item="board")  # (`plan info` and a plan file's import)
        left = next((i for i, r in enumerate(changes) if (r.before or {}).get("period") == cycle), None)
        if left is None:
            return name
        # the first renaming from the moment the board left that cycle on (the records are newest first)
        return next((str(r.before["name"]) for r in reversed(changes[:left + 1]) if "name" in (r.before or {})), name)

    def review(self) -> dict[str, Any]:
        """Everything `uplift review --json` prints."""
        with self.reading():  # (one moment of the board, log and all)
            start, end = self.period()
            return {"period": {"start": start, "end": end},
                    "goals": msgspec.to_builtins(self.goal_results(), enc_hook=english),  # a source: its English
                    "process": msgspec.to_builtins(self.process_metrics(), enc_hook=english),
                    "strategies": msgspec.to_builtins(self.strategy_results()),
                    "win_loss": msgspec.to_builtins(self.win_loss()),
                    "answers": [{"number": n, "question": q, "answer": a.answer if a else ""}
                                for n, (q, a) in enumerate(self.answers_by_question(), 1)],
                    "checklist": [{"text": text, "done": tick is not None} for text, tick in self.checklist("review")]}


def _on_hold(hold: PayoutHold, done: Word) -> Refused:
    """The refusal of approving, or marking paid, a statement a lead holds."""
    return Refused("{rep}'s payout statement for {start} to {end} is on hold ({id}: {reason}); it is not {done} "
                   "until a lead releases it (uplift payout hold {rep} --release)", rep=hold.rep, start=hold.start,
                   end=hold.end, id=hold.id, reason=hold.reason, done=done)


def _carried_out(approval: Approval) -> float:
    """What an approved statement carried out below zero (0.0: nothing; sales.payout)."""
    return carried_from_approval(approval.total, [(line.text, line.amount, line.said) for line in approval.lines])


def _any_held(approvals: list[Approval]) -> bool:
    """Whether any approved statement held commission until its customer paid (a held line): only
    then is there anything for payments since to release, and the deals are read for it."""
    return any(line.said and str(line.said.get("template", "")).startswith(HELD_LINE)
               for approval in approvals for line in approval.lines)


def _held_in(approval: Approval) -> list[tuple[str, float, float]]:
    """(deal, its commission, what the approval paid of it) for each deal whose commission the
    approved statement held in part until its customer paid: what its held line said was payable,
    less what its lines took off as released in later cycles."""
    def amount(text: object) -> float:
        return float(str(text).replace(",", ""))

    found: dict[str, list[float]] = {}
    for line in approval.lines:
        said = line.said or {}
        template, values = str(said.get("template", "")), said.get("values") or {}
        try:
            if template.startswith(HELD_LINE):
                found.setdefault(str(values["id"]), [0.0, 0.0])[:] = [amount(values["earned"]),
                                                                      amount(values["payable"])]
            elif template == RELEASED_LATER and str(values.get("id")) in found:
                found[str(values["id"])][1] -= amount(values["amount"])
        except (KeyError, ValueError):
            continue  # (a line edited by hand: not believed)
    return [(deal, earned, cents(net)) for deal, (earned, net) in found.items()]


class _Held(NamedTuple):
    """A deal whose commission an approved statement held in part (ReviewChanges._held_before)."""
    deal: str
    first: date  # the approved cycle's first and last day
    last: date
    own: bool  # that cycle is the one read (else an earlier one)
    made: list[Approval]  # the cycle's approvals, oldest first
    earned: float  # the deal's commission
    payable: Callable[[date], float]  # what of it payments dated by a day make payable
    net: float  # what the latest approval paid of it
    since: date  # the day before what the cycle read releases of it


class _OnFirstRead:
    """A list made the first time it is read (iterated), by `make`."""

    def __init__(self, make: Any) -> None:
        self._make, self._items = make, None

    def __iter__(self) -> Iterator[Any]:
        if self._items is None:
            self._items = list(self._make())
        return iter(self._items)


def _rollup_source(current: Current) -> Phrase:
    """Where a rolled-up goal's actual comes from, as sales.rollup.describe_rollup says it in
    English: `sum of G-3 ali 300,000, G-4 bea 540,000; left out (no check-in or baseline yet): G-5`."""
    parts = ", ".join(" ".join(filter(None, (c.goal, c.owner, written_number(c.value)))) for c in current.counted)
    said = parts or Phrase("no contributor with a value yet")
    ids = ", ".join(c.goal for c in current.left_out)
    if current.rollup == "average":
        return (Phrase("average of {parts}; left out (no check-in or baseline yet): {ids}", parts=said, ids=ids)
                if ids else Phrase("average of {parts}", parts=said))
    return (Phrase("sum of {parts}; left out (no check-in or baseline yet): {ids}", parts=said, ids=ids)
            if ids else Phrase("sum of {parts}", parts=said))


def _awards(plans: list, results: list) -> dict[str, list]:
    """rep -> the recognitions (sales.incentives.Recognition) they earned in the cycle, under the
    plan each is on (a statement and the leaderboard read the same)."""
    awards: dict[str, list] = {}
    for plan in plans:
        for name, earned in awarded(plan, [r for r in results if plan_for(plans, r.rep) is plan]).items():
            awards.setdefault(name, []).extend(earned)
    return awards
