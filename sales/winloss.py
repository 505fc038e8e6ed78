"""Win/loss analysis (phase 4 into 5): of the deals that closed in a window, how many were won
and lost, by rep and by product, at which stage the lost ones were lost, and why.

A lead reads it to see where the pipeline leaks (Pipedrive's lost-reason report, Salesforce's
win/loss): "Proposal loses most", "price took 60% of the value we lost", "bea wins 3 of 4".

Definitions:
- a deal *closed* on the day it entered the (won or lost) stage it is in now (`closed_on`); it
  is in the window when that day is (a deal won and lost again later counts as lost, once);
- the *win rate* is won / (won + lost) by count, and the *value win rate* the same by value;
- a lost deal was *lost at* the stage it was in before it entered the lost stage (`after won`
  for a deal lost after it was won; `–` for one that entered the lost stage first, as an
  imported deal may);
- *days to close* is the median of the days from a deal's first stage entry to its close;
- lost reasons are grouped regardless of case and spacing, under their most used spelling;
- a deal whose credit is split (sales/splits.py) counts in each rep's value columns at their
  share, as payouts and the leaderboard count it; the deal itself (won, lost, the win rate by
  count, days to close) is its owner's alone, as the leaderboard's deals won are. One rep's
  win/loss (`owner`) takes the deals they own or share, each at their share of the value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sales.deals import Deal, Stage, closed_on
from sales.phrases import Phrase
from sales.splits import credited_values

#: Reasons a lost deal is offered when its board has given none yet (Pipedrive's and HubSpot's
#: usual list). A reason is free text: these only start the list.
LOST_REASONS = ("price", "competitor", "no budget", "timing", "no decision", "product fit", "went silent")
NO_STAGE = "–"
AFTER_WON = "after won"
NO_PRODUCT = "–"
UNASSIGNED = "–"


def stage_label(name: str) -> str:
    """A lost-at stage as a person reads it: a stage's name as the board calls it, or what the
    two stand-ins mean (a Phrase, said in the reader's language)."""
    if name == AFTER_WON:
        return Phrase("after won")
    return Phrase("(entered lost first)") if name == NO_STAGE else name


def reason_key(reason: str) -> str:
    """The form reasons are grouped by: `Price `, `price` and `PRICE` are one reason."""
    return " ".join(reason.split()).casefold()


@dataclass
class WinLossRow:
    """Won and lost deals (count and value) of one rep, product or the whole window, with the
    win rates (in percent; None when nothing closed) kept as fields so that --json has them."""

    name: str
    won: int = 0
    lost: int = 0
    won_value: float = 0.0
    lost_value: float = 0.0
    win_rate: float | None = None  # won / closed, by count
    value_win_rate: float | None = None  # won value / closed value

    @property
    def closed(self) -> int:
        return self.won + self.lost

    def add(self, outcome: str, value: float, count: bool = True) -> None:
        """A deal won or lost: `value` (the row's part of it) in the value columns, and the deal
        in the counts unless `count` is False (a share of someone else's deal)."""
        if outcome == "won":
            self.won += count
            self.won_value += value
        else:
            self.lost += count
            self.lost_value += value
        self.win_rate = 100 * self.won / self.closed if self.closed else None
        total = self.won_value + self.lost_value
        self.value_win_rate = 100 * self.won_value / total if total else None


@dataclass
class LossRow:
    """Lost deals grouped by one thing (a reason, or the stage they were lost at)."""

    name: str
    deals: list[str] = field(default_factory=list)  # ids, biggest first
    value: float = 0.0
    share: float = 0.0  # of the value lost in the window, in percent


@dataclass
class WinLoss:
    start: date | None
    end: date | None
    total: WinLossRow
    by_rep: list[WinLossRow]
    by_product: list[WinLossRow]
    reasons: list[LossRow]
    lost_at: list[LossRow]
    no_reason: list[str]  # lost deals with no reason given, biggest first
    days_to_win: float | None
    days_to_lose: float | None


def known_reasons(deals: Iterable[Deal], usual: Sequence[str] = LOST_REASONS) -> list[str]:
    """The reasons to offer for a newly lost deal: those the board uses, most used first (in
    their most used spelling), then the `usual` ones (in the reader's language) it has not used."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for deal in deals:
        if deal.lost_reason:
            spellings[reason_key(deal.lost_reason)][deal.lost_reason] += 1
    used = sorted(spellings, key=lambda k: (-sum(spellings[k].values()), k))
    offered = [spellings[k].most_common(1)[0][0] for k in used]
    return offered + [r for r in usual if reason_key(r) not in spellings]


def spelled_as(reason: str, known: Iterable[str]) -> str:
    """`reason` in the spelling of the known reason it is (`reason_key`: ` Competitor` is
    `competitor`), else as typed: one reason is one row of the win/loss report."""
    return next((k for k in known if reason_key(k) == reason_key(reason)), reason)


def is_new_reason(reason: str, known: Iterable[str]) -> bool:
    """Whether `reason` is none of the `known` ones (in any case and spacing)."""
    return reason_key(reason) not in {reason_key(k) for k in known}


def lost_at(deal: Deal, outcomes: dict[str, str]) -> str:
    """The stage a lost deal was in before it was lost (see the module's definitions)."""
    if len(deal.history) < 2:
        return NO_STAGE
    before = deal.history[-2].stage
    return AFTER_WON if outcomes.get(before) == "won" else before


def win_loss(deals: Sequence[Deal], stages: Sequence[Stage], start: date | None = None,
             end: date | None = None, owner: str | None = None) -> WinLoss:
    """Win/loss of the deals closed from `start` to `end` (inclusive; None: open-ended), of
    `owner` only if given."""
    outcomes = {s.name: s.outcome for s in stages}
    closed: list[tuple[Deal, str, date]] = []
    for deal in deals:
        outcome = outcomes.get(deal.stage, "open")
        day = closed_on(deal, outcome)
        if day is None or (start and day < start) or (end and day > end):
            continue
        if owner is not None and deal.owner != owner and owner not in credited_values(deal.value, deal.owner,
                                                                                     deal.splits):
            continue
        closed.append((deal, outcome, day))
    closed.sort(key=lambda c: (-c[0].value, c[0].id))

    total = WinLossRow("")
    reps: dict[str, WinLossRow] = {}
    products: dict[str, WinLossRow] = {}
    reasons: dict[str, LossRow] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    stages_lost: dict[str, LossRow] = {}
    no_reason: list[str] = []
    days: dict[str, list[int]] = {"won": [], "lost": []}
    for deal, outcome, day in closed:
        parts = credited_values(deal.value, deal.owner, deal.splits)
        parts.setdefault(deal.owner, 0.0)  # (a deal split 100% away is still its owner's to count)
        value = deal.value if owner is None else parts.get(owner, 0.0)
        owned = owner is None or deal.owner == owner
        total.add(outcome, value, owned)
        for who, part in parts.items():
            if owner is None or who == owner:
                rep = who or UNASSIGNED
                reps.setdefault(rep, WinLossRow(rep)).add(outcome, part, who == deal.owner)
        product = deal.product or NO_PRODUCT
        products.setdefault(product, WinLossRow(product)).add(outcome, value, owned)
        if owned:
            days[outcome].append((day - deal.history[0].at.date()).days)
        if outcome != "lost":
            continue
        if deal.lost_reason:
            key = reason_key(deal.lost_reason)
            spellings[key][deal.lost_reason] += 1
            row = reasons.setdefault(key, LossRow(key))
        else:
            no_reason.append(deal.id)
            row = None
        stage = lost_at(deal, outcomes)
        for into in (row, stages_lost.setdefault(stage, LossRow(stage))):
            if into is not None:
                into.deals.append(deal.id)
                into.value += value
    for key, row in reasons.items():
        row.name = spellings[key].most_common(1)[0][0]
    order = [s.name for s in stages]
    lost_rows = [*reasons.values(), *stages_lost.values()]
    for row in lost_rows:
        row.share = 100 * row.value / total.lost_value if total.lost_value else 0.0

    def by_value(rows: Iterable[LossRow]) -> list[LossRow]:
        return sorted(rows, key=lambda r: (-r.value, -len(r.deals), r.name))

    def by_closed(rows: Iterable[WinLossRow]) -> list[WinLossRow]:
        return sorted(rows, key=lambda r: (-r.closed, -(r.won_value + r.lost_value), r.name))

    return WinLoss(
        start, end, total, by_closed(reps.values()), by_closed(products.values()), by_value(reasons.values()),
        sorted(stages_lost.values(), key=lambda r: (order.index(r.name) if r.name in order else len(order), r.name)),
        no_reason, median(days["won"]) if days["won"] else None, median(days["lost"]) if days["lost"] else None)
