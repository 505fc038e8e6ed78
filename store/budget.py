"""Budget lines, spending and training items on a board (resources, phase 3 of the cycle).

Who may do what is in sales/permissions.py: anyone on the board requests, a lead decides, the
requester (or a lead) records spending; the rules of a decision are in sales/budget.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from sales import budget as rules
from sales.budget import BudgetLine, SpendEntry, TrainingItem
from sales.errors import Invalid, Reason, Refused, Word
from sales.ids import format_id, in_order
from sales.phrases import Phrase
from sales.validation import convert
from sales.dates import stamp
from store.board_core import BoardCore, Transaction, changed_keys, given


class BudgetChanges(BoardCore):
    # ------------------------------------------------------------------ reading

    def budget_lines(self) -> list[BudgetLine]:
        return self._models("budget", "lines", BudgetLine, key=lambda item: in_order(item.id))

    def budget_line(self, line_id: str) -> BudgetLine:
        return self._get("budget", line_id)

    def spending(self, line_id: str | None = None) -> list[SpendEntry]:
        """Spend entries, by date; only one line's when `line_id` is given."""
        entries = self._models("budget", "spending", SpendEntry, key=lambda e: (e.on, in_order(e.id)))
        if line_id is None:
            return entries
        line = self.budget_line(line_id)
        return [e for e in entries if e.line == line.id]

    def training(self) -> list[TrainingItem]:
        return self._models("budget", "training", TrainingItem,
                            key=lambda t: (t.on or date.max, in_order(t.id)))

    def training_item(self, item_id: str) -> TrainingItem:
        """One training item (NotFound, saying so, when there is no such item: deleted since)."""
        return self._get("training", item_id)

    def cycle_budget(self, every: bool = False) -> rules.CycleBudget:
        """The cycle's budget (sales.budget.of_cycle): the cycle read (the plan's period, or
        another's: reading_cycle); `every`: every line and every spend."""
        lines, entries = self.budget_lines(), self.spending()
        if every:
            return rules.CycleBudget(lines, entries, frozenset(line.id for line in lines))
        return rules.of_cycle(lines, entries, self.period(), self.plan_period())

    def budget_totals(self, every: bool = False) -> rules.Totals:
        """The cycle's totals against the plan's budget: its lines' requests and approvals, and
        the money spent in it; with how many lines of other cycles they leave out. `every`: every
        line's, not held to one cycle's budget."""
        found = self.cycle_budget(every)
        sums = rules.totals(found.own_lines(), found.spending, None if every else self.meta().get("budget"))
        start, end = (None, None) if every else self.period()
        return msgspec.structs.replace(sums, start=start, end=end,
                                       other_cycles=len(self.budget_lines()) - len(found.own))

    def strategy_money(self) -> dict[str, tuple[float, float]]:
        """Each strategy's (approved, spent) in the cycle, its tasks' lines with it
        (sales.budget.by_strategy); a strategy with no line of the cycle is left out."""
        found = self.cycle_budget()
        tasks = {task.id: task.strategy for task in self.tasks()}
        approved = rules.by_strategy(found.own_lines(), [], tasks)
        spent = rules.by_strategy(found.lines, found.spending, tasks)
        return {s: (approved.get(s, (0.0, 0.0))[0], spent[s][1]) for s in spent}

    def budget_flags(self, every: bool = False) -> list[Phrase]:
        """The cycle's flags: its lines' (each with all its spending), and its totals against the
        plan's budget (`every`: every line's, not held to one cycle's budget)."""
        found = self.cycle_budget(every)
        return rules.flags(found.lines, self.spending(), None if every else self.meta().get("budget"),
                           self.budget_totals(every))

    def lines_kept_with(self, cycle: tuple[date | None, date | None]) -> list[BudgetLine]:
        """The budget lines kept with `cycle` (its first and last day) that are not the cycle
        now's, when the two overlap: dates corrected (a week later), not the next cycle begun,
        whose lines the last one rightly keeps (sales.budget.left_with_cycle)."""
        now = self.plan_period()
        if cycle == now or None in cycle or None in now or not (now[0] <= cycle[1] and cycle[0] <= now[1]):
            return []
        return [line for line in self.budget_lines()
                if (line.cycle_start, line.cycle_end) == tuple(cycle) and not rules.in_cycle(line, now, now)]

    def line_flags(self, line_id: str) -> list[Phrase]:
        """One line's flags, whichever cycle it is of (all its spending)."""
        line = self.budget_line(line_id)
        return rules.flags([line], self.spending(line.id), None)

    # ------------------------------------------------------------------ changing

    def request_budget(self, title: str, amount: float, **fields: Any) -> BudgetLine:
        """A new budget line asking for `amount`, in the actor's name; linked to a strategy or task."""
        def build(tx: Transaction) -> BudgetLine:
            self._check("budget.request")
            start, end = self.plan_period()  # (the cycle it is of: its totals are its own lines')
            line = convert({"title": title, "requested": amount, **given(fields),
                            "requested_by": self.actor, "status": "requested", "requested_on": self.today(),
                            "cycle_start": start if end else None, "cycle_end": end if start else None,
                            "id": format_id("budget", tx.nextnumber("budget"))}, BudgetLine)
            if line.requested == 0:
                raise Invalid("amount", "a request for 0 asks for nothing: say how much the line needs")
            if line.strategy:
                line.strategy = self._check_link("strategy", line.strategy)
            if line.task:
                line.task = self._check_link("task", line.task)
            self._put_new(tx, "budget.request", "budget", line)
            return line
        return self._transact(build)

    def update_budget(self, line_id: str, **fields: Any) -> BudgetLine:
        """Change what a line is called, its category or note, what it is for, or the cycle it
        counts in (a lead's): `strategy` / `task` name another item, "" takes the link off (one
        must stay); `cycle_start` and `cycle_end` together (a line from before lines kept their
        cycle has none: it counts in whichever cycle is now's until given one). The amounts and
        the decision change only through approve and reject."""
        def build(tx: Transaction) -> BudgetLine:
            old = self.budget_line(line_id)
            self._check("budget.edit")
            changes = {k: v for k, v in fields.items()
                       if k in ("title", "category", "strategy", "task", "note", "cycle_start", "cycle_end")
                       and v is not None}
            data = {**msgspec.to_builtins(old), **{k: (None if v == "" else v) for k, v in changes.items()}}
            new = convert(data, BudgetLine)
            for kind in ("strategy", "task"):
                if kind in changes and getattr(new, kind):
                    setattr(new, kind, self._check_link(kind, getattr(new, kind)))
            if changed_keys(old, new):
                self._put_update(tx, "budget.edit", "budget", old, new)
            return new
        return self._transact(build)

    def approve_budget(self, line_id: str, reason: str, amount: float | None = None) -> BudgetLine:
        """Approve a requested line (leads only), for all that was asked unless `amount` is less."""
        return self._decide(line_id, True, reason, amount)

    def reject_budget(self, line_id: str, reason: str) -> BudgetLine:
        return self._decide(line_id, False, reason, None)

    def _decide(self, line_id: str, approve: bool, reason: str, amount: float | None) -> BudgetLine:
        action = "budget.approve" if approve else "budget.reject"

        def build(tx: Transaction) -> BudgetLine:
            old = self.budget_line(line_id)
            self._check(action)
            if old.status != "requested":  # refused (exit 1), not a wrong reason: it was decided
                if old.decided_by:
                    raise Refused("{id} was already {status} by {name}; a line is approved or rejected once",
                                  id=old.id, status=Word(old.status), name=old.decided_by)
                raise Refused("{id} was already {status}; a line is approved or rejected once",
                              id=old.id, status=Word(old.status))
            if approve:
                self.check_not_own_request(old)
            try:
                new = rules.decide(old, approve, reason, self.actor, amount)
            except ValueError as error:
                raise Invalid("amount" if "between" in str(error) or "grants nothing" in str(error) else "reason",
                              error) from None
            self._put_update(tx, action, "budget", old, new)
            return new
        return self._transact(build)

    def check_not_own_request(self, line: BudgetLine) -> None:
        """Separation of duties: a lead does not approve money they asked for themselves while the
        board has another lead to ask. A board with one lead has no one else: its lead may, and
        the approval, in the log as any decision is, says who asked and who approved (the same
        name). Rejecting one's own request (withdrawing it) is always open."""
        if line.requested_by != self.actor:
            return
        others = [m.name for m in self.members() if m.role == "lead" and m.name != self.actor]
        if others:
            raise Refused("separation of duties: a lead may not approve their own budget request ({id}); "
                          "another lead may ({leads})", id=line.id, leads=", ".join(others))

    def record_spend(self, line_id: str, amount: float, on: date | str | None = None,
                     note: str = "") -> SpendEntry:
        """Money spent on a line. Never refused for being unapproved or over: that is flagged."""
        def build(tx: Transaction) -> SpendEntry:
            line = self.budget_line(line_id)
            self._check("budget.spend", owner=line.requested_by, new_owner=line.requested_by)
            entry = convert({"id": format_id("spend", tx.nextnumber("spend")), "line": line.id,
                             "amount": amount, "on": on or self.today(), "note": note,
                             "by": self.actor, "at": stamp(self.clock())},
                            SpendEntry)
            try:
                rules.check_spend_day(entry.on, self.today())
            except ValueError as error:
                raise Invalid("on", error) from None
            self._put_new(tx, "budget.spend", "spend", entry)
            return entry
        return self._transact(build)

    def delete_spend(self, entry_id: str) -> SpendEntry:
        """Take a spend entry back (an amount typed wrong, put on the wrong line, a booth refunded:
        record what was really spent again): a lead's, or the entry's author's. The activity log
        keeps it, and `undo` brings it back."""
        return self._delete_entry("spend", entry_id, "spend.delete")

    def add_training(self, topic: str, **fields: Any) -> TrainingItem:
        def build(tx: Transaction) -> TrainingItem:
            self._check("training.add")
            item = convert({"topic": topic, **given(fields),
                            "id": format_id("training", tx.nextnumber("training"))}, TrainingItem)
            if item.strategy:
                item.strategy = self._check_link("strategy", item.strategy)
            self._put_new(tx, "training.add", "training", item)
            return item
        return self._transact(build)

    def update_training(self, item_id: str, **fields: Any) -> TrainingItem:
        """Reschedule a training item, change its topic or audience, or what strategy it serves
        (a lead's): `on` / `strategy` None leave it, "" takes it off."""
        def build(tx: Transaction) -> TrainingItem:
            old = self._get("training", item_id)
            self._check("training.edit")
            changes = {k: v for k, v in fields.items() if k in ("topic", "audience", "on", "strategy") and v is not None}
            data = {**msgspec.to_builtins(old), **{k: (None if v == "" and k in ("on", "strategy") else v)
                                                   for k, v in changes.items()}}
            new = convert(data, TrainingItem)
            if new.done and new.on != old.on:  # (done, it has happened: not moved into the days to come)
                try:
                    rules.check_training_done(new.id, new.on, self.today())
                except Reason as error:
                    raise Invalid("on", error) from None
            if changes.get("strategy") and new.strategy:
                new.strategy = self._check_link("strategy", new.strategy)
            if changed_keys(old, new):
                self._put_update(tx, "training.edit", "training", old, new)
            return new
        return self._transact(build)

    def set_training_done(self, item_id: str, done: bool = True) -> TrainingItem:
        def build(tx: Transaction) -> TrainingItem:
            old = self._get("training", item_id)
            self._check("training.edit")
            if done and not old.done:
                try:
                    rules.check_training_done(old.id, old.on, self.today())
                except Reason as error:
                    raise Refused(error) from None
            new = msgspec.structs.replace(old, done=done)
            if changed_keys(old, new):
                self._put_update(tx, "training.edit", "training", old, new)
            return new
        return self._transact(build)

    def delete_training(self, item_id: str) -> TrainingItem:
        return self._delete("training", item_id, "training.delete")

