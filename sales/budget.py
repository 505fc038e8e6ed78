"""Resources behind the plan (phase 3): budget lines, what is spent on them, training items.

A budget line is requested (by a lead or a rep), then approved or rejected by a lead with a
reason, then spent against in entries. Spending is never refused (the money may already be
gone); spending on a line that is not approved, or beyond what was approved, is flagged, and so
are approvals or spending beyond the plan's budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason, Word
from sales.numbers import cents, rounded
from sales.phrases import Phrase
from sales.tasks import LongText, Ref, Title
from sales.text import clean_line, clean_multiline

Category = Literal["marketing", "travel", "tools", "headcount", "training", "other"]
CATEGORIES: tuple[str, ...] = ("marketing", "travel", "tools", "headcount", "training", "other")
LineStatus = Literal["requested", "approved", "rejected"]
Amount = Annotated[float, msgspec.Meta(ge=0, le=1e12)]
ShortText = Annotated[str, msgspec.Meta(max_length=400)]  # a reason, a note, an audience


class BudgetLine(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    category: Category = "other"
    strategy: Ref | None = None
    task: Ref | None = None
    requested: Amount
    requested_by: Ref
    status: LineStatus = "requested"
    approved: Amount = 0.0
    decided_by: Ref | None = None
    reason: ShortText = ""
    note: LongText = ""
    # The cycle a line belongs to: the plan's period when it was requested (and the day), so a
    # cycle's totals are its own lines' (see of_cycle). A line from before lines were dated has none.
    requested_on: date | None = None
    cycle_start: date | None = None
    cycle_end: date | None = None

    def __post_init__(self) -> None:
        self.requested, self.approved = cents(self.requested), cents(self.approved)  # (see SpendEntry)
        self.title = clean_line(self.title)
        self.reason = clean_line(self.reason)
        self.note = clean_multiline(self.note)
        if not self.title:
            raise Reason("a budget line needs a title").in_field("title")
        if not (self.strategy or self.task):
            raise Reason("a budget line is for a strategy or a task: give one")
        if self.status != "approved" and self.approved:
            raise Reason("a {status} line has no approved amount", status=Word(self.status)).in_field("approved")
        if (self.cycle_start is None) != (self.cycle_end is None):
            raise Reason("a line's cycle has a first and a last day: give cycle_start and cycle_end")
        if self.cycle_start and self.cycle_end and self.cycle_end < self.cycle_start:
            raise Reason("the cycle ends ({end}) before it starts ({start})", start=self.cycle_start,
                         end=self.cycle_end).in_field("cycle_end")


class SpendEntry(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    line: Ref
    amount: Annotated[float, msgspec.Meta(gt=0, le=1e12)]
    on: date
    note: ShortText = ""
    by: Ref
    at: datetime

    def __post_init__(self) -> None:
        # Money is kept to the cent, as it is shown: 0.125 kept as typed showed as 0.13 twice
        # and added up to 0.25, a list that did not add up to its own total.
        self.amount = cents(self.amount)
        if not self.amount:
            raise Reason("a spend is at least a cent").in_field("amount")
        self.note = clean_line(self.note)


def check_spend_day(on: date, today: date) -> None:
    """Spending is money gone: a day still to come is refused (as a check-in's is), for a spend
    dated next month counted in every total now, as if spent. (A commitment not yet paid is an
    approved amount, not a spend.)"""
    if on > today:
        raise Reason("a spend records money already spent; {date} is still to come", date=on)


def check_training_done(item_id: str, on: date | None, today: date) -> None:
    """A training item is done once it has happened: one dated after today is not done yet (a
    session held early is rescheduled to its real day first). One with no date may be done."""
    if on is not None and on > today:
        raise Reason("{id} is on {date}, still to come: a training item is done once it has happened "
                     "(held early? reschedule it first: uplift training edit {id} --on DATE)", id=item_id, date=on)


class TrainingItem(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    topic: Title
    audience: ShortText = ""
    on: date | None = None
    done: bool = False
    strategy: Ref | None = None

    def __post_init__(self) -> None:
        self.topic = clean_line(self.topic)
        self.audience = clean_line(self.audience)
        if not self.topic:
            raise Reason("a training item needs a topic").in_field("topic")


def audience_names(audience: str, members: Sequence[str]) -> set[str]:
    """The members a training item's audience names ("dev and emma", "刘洋和赵敏"), ignoring case;
    a Latin name is a whole word of it (ali is not in "all reps"). None named ("all reps", no
    audience at all): the item is the whole team's."""
    found = set()
    for name in members:
        if not name:
            continue
        pattern = re.escape(name.casefold())
        if name[0].isascii() and name[0].isalnum():
            pattern = r"(?<![a-z0-9_])" + pattern
        if name[-1].isascii() and name[-1].isalnum():
            pattern += r"(?![a-z0-9_])"
        if re.search(pattern, audience.casefold()):
            found.add(name)
    return found


def training_for(item: TrainingItem, who: str, members: Sequence[str]) -> bool:
    """Whether a training item is `who`'s: the team's (its audience names no member) or one
    that names them."""
    named = audience_names(item.audience, members)
    return not named or who in named


def decide(line: BudgetLine, approve: bool, reason: str, by: str, amount: float | None = None) -> BudgetLine:
    """The line approved (for `amount`, by default all that was asked) or rejected, with a reason.

    Raises ValueError when the line was already decided, the reason is missing, or more than
    was requested would be approved.
    """
    reason = clean_line(reason)
    if line.status != "requested":
        if line.decided_by:
            raise Reason("{id} was already {status} by {name}", id=line.id, status=Word(line.status), name=line.decided_by)
        raise Reason("{id} was already {status}", id=line.id, status=Word(line.status))
    if not reason:
        raise Reason("say why you approve {id}" if approve else "say why you reject {id}", id=line.id)
    if not approve:
        return msgspec.structs.replace(line, status="rejected", approved=0.0, decided_by=by, reason=reason)
    granted = line.requested if amount is None else amount
    if granted == 0:  # (approving nothing is saying no, which a rejection says with its reason)
        raise Reason("approving {id} for 0 grants nothing: reject it to say no", id=line.id)
    check_granted(granted, line.requested)
    return msgspec.structs.replace(line, status="approved", approved=granted, decided_by=by, reason=reason)


def check_granted(granted: float, requested: float) -> None:
    """A lead approves at most what was asked (the rest is asked for in a new request); a plan
    file's line is held to it too."""
    if granted < 0 or granted > requested:
        raise Reason("approve between 0 and the {amount} requested", amount=money(requested))


def spent_on(line_id: str, entries: Sequence[SpendEntry]) -> float:
    """What a line has spent, to the cent: float sums carry noise (0.10 + 0.20 is 0.30000000000000004),
    which flagged a line spent to its last cent as over it ("0.30 spent of 0.30 approved")."""
    return cents(sum(e.amount for e in entries if e.line == line_id))


def by_strategy(lines: Sequence[BudgetLine], entries: Sequence[SpendEntry],
                task_strategy: dict[str, str | None]) -> dict[str, tuple[float, float]]:
    """What each strategy costs: (approved, spent) of the lines for it, a line for a task counting
    for the strategy the task serves (`task_strategy`: task id -> its strategy). Spent counts
    every line's spending, a rejected line's too: that money is gone all the same."""
    money_of: dict[str, tuple[float, float]] = {}
    for line in lines:
        strategy = line.strategy or (task_strategy.get(line.task) if line.task else None)
        if not strategy:
            continue
        approved, spent = money_of.get(strategy, (0.0, 0.0))
        money_of[strategy] = (cents(approved + (line.approved if line.status == "approved" else 0.0)),
                              cents(spent + spent_on(line.id, entries)))
    return money_of


Cycle = tuple[date | None, date | None]


def in_cycle(line: BudgetLine, cycle: Cycle, now: Cycle) -> bool | None:
    """Whether a line is one of `cycle`'s (start, end), the board's cycle being `now`: a line kept
    with its cycle's dates is that cycle's alone; one requested on a board without dates is the
    cycle's whose days it was requested in (as a review answer is: sales.review.given_in). A board
    without dates has every line. None for a line with neither (an older board's): see of_cycle."""
    if cycle[0] is None or cycle[1] is None:
        return True
    if line.requested_on is None and line.cycle_start is None:
        return None
    from sales.review import given_in  # (review reads budget figures; imported here, not at the top)

    return given_in((line.cycle_start, line.cycle_end), line.requested_on or date.min, cycle, now)


class CycleBudget(msgspec.Struct, frozen=True):
    """A cycle's budget (of_cycle): `lines`, its own lines then other cycles' lines with money
    spent in it; `spending`, the spending dated in it; `own`, the ids of its own lines."""
    lines: list[BudgetLine]
    spending: list[SpendEntry]
    own: frozenset[str]

    def own_lines(self) -> list[BudgetLine]:
        return [line for line in self.lines if line.id in self.own]


def of_cycle(lines: Sequence[BudgetLine], entries: Sequence[SpendEntry], cycle: Cycle, now: Cycle) -> CycleBudget:
    """A cycle's budget, as a finance team keeps budget against actuals per period: what was
    asked and approved counts in the cycle the line was requested in, and money counts in the
    cycle it was spent in (a spend's day), whichever line it was spent on; a line of another cycle
    that money was spent on in this one is shown with it, so its spending adds up to the cycle's.
    A line from before lines were dated is the cycle now's (open business carried on)."""
    start, end = cycle
    spent = [e for e in entries if (start is None or e.on >= start) and (end is None or e.on <= end)]
    paid = {e.line for e in spent}
    own = frozenset(line.id for line in lines
                    if (found := in_cycle(line, cycle, now)) or (found is None and cycle == now))
    return CycleBudget([line for line in lines if line.id in own] + [line for line in lines
                                                                      if line.id not in own and line.id in paid],
                       spent, own)


class Totals(msgspec.Struct, frozen=True):
    budget: float | None  # the plan's budget, if one is set
    requested: float  # still waiting for a decision
    approved: float
    spent: float
    # The cycle the totals are of (the plan's period: its own lines, sales.budget.of_cycle), and
    # how many lines of other cycles they leave out (read with `budget list --all`).
    start: date | None = None
    end: date | None = None
    other_cycles: int = 0

    @property
    def left(self) -> float | None:
        """What the plan's budget still allows to approve."""
        return None if self.budget is None else self.budget - self.approved


def totals(lines: Sequence[BudgetLine], entries: Sequence[SpendEntry], budget: float | None) -> Totals:
    """The totals of `lines` and the spending `entries` (a cycle's: of_cycle)."""
    return Totals(budget,
                  cents(sum(line.requested for line in lines if line.status == "requested")),
                  cents(sum(line.approved for line in lines if line.status == "approved")),
                  cents(sum(e.amount for e in entries)))


def flags(lines: Sequence[BudgetLine], entries: Sequence[SpendEntry], budget: float | None,
          sums: Totals | None = None) -> list[Phrase]:
    """Plain-words warnings: unapproved spending, lines overspent (all of `entries` on each), the
    plan over its budget (`sums`: the totals held to it, by default of `lines` and `entries`)
    (Phrases, said in the interface's language where they are shown)."""
    found = []
    for line in lines:
        spent = spent_on(line.id, entries)
        if spent and line.status != "approved":
            found.append(Phrase("{id} “{title}”: {spent} spent but the line is {status}", id=line.id,
                                title=line.title, spent=money(spent), status=Word(line.status)))
        elif spent > line.approved:
            found.append(Phrase("{id} “{title}”: {spent} spent of {approved} approved ({over} over)", id=line.id,
                                title=line.title, spent=money(spent), approved=money(line.approved),
                                over=money(spent - line.approved)))
    sums = sums or totals(lines, entries, budget)
    if budget is not None:
        if sums.approved > budget:
            found.append(Phrase("approved {approved} of the plan's {budget} budget ({over} over)",
                                approved=money(sums.approved), budget=money(budget), over=money(sums.approved - budget)))
        if sums.spent > budget:
            found.append(Phrase("spent {spent} of the plan's {budget} budget ({over} over)",
                                spent=money(sums.spent), budget=money(budget), over=money(sums.spent - budget)))
    return found


def spend_outside(entry: SpendEntry, cycle: Cycle) -> Phrase | None:
    """Said when a spend is dated outside the plan's cycle: money counts in the cycle it was spent
    in (of_cycle), so this cycle's spending leaves it out. A deposit paid before the cycle began,
    on one of its lines, was recorded and then read `spent 0` everywhere the cycle is shown."""
    start, end = cycle
    if start is None or end is None or start <= entry.on <= end:
        return None
    days = dict(id=entry.id, on=entry.on.isoformat(), start=start.isoformat(), end=end.isoformat())
    if entry.on < start:
        return Phrase("{id} is dated {on}, before the cycle {start} to {end} begins: money counts in the cycle it "
                      "was spent in, so this cycle's spending leaves it out (every cycle's: `uplift budget list "
                      "--all`)", **days)
    return Phrase("{id} is dated {on}, after the cycle {start} to {end} ends: money counts in the cycle it was "
                  "spent in, so this cycle's spending leaves it out (every cycle's: `uplift budget list --all`)",
                  **days)


def left_with_cycle(lines: Sequence[BudgetLine], cycle: Cycle) -> Phrase | None:
    """Said when the plan's dates change: the budget lines requested in the cycle before stay
    counted in it (a new cycle starts its own budget), which is not what a lead who only
    corrected the dates wants; the line that moves them is named, not left to be found."""
    start, end = cycle
    if not lines or start is None or end is None:
        return None
    return Phrase("{ids}: budget requested in the cycle {start} to {end}, still counted there, not in this one; if "
                  "its dates were only corrected, `uplift budget edit ID --cycle this` moves each into this one",
                  ids=", ".join(line.id for line in lines), start=start.isoformat(), end=end.isoformat())


def money(amount: float) -> str:
    """`1,200`, or `2.68` to the cent, rounded half up as a person rounds (0.125 is 0.13, not
    Python's half-to-even 0.12: sales.numbers.rounded)."""
    return f"{amount:,.0f}" if amount == int(amount) else rounded(amount, 2)
