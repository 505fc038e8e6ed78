"""The end-of-cycle review (phase 5): target against actual per goal, each rep's results, the
process metrics and the leaderboard. Pure arithmetic over deals, touches and goals.

Definitions (the Review screen, `uplift review`, payouts and the report use the same ones):
- a deal is *won in the cycle* when it is in the won stage now and entered it (last time) inside
  the cycle's period; its *won time* is that entry;
- a deal *won in the cycle* also when it entered won in the period and left won (lost, or
  reopened: moved back into the pipeline) only after the period ended: a past cycle's statement
  stands as approved; the cycle it left won in claws its commission back, once;
- a deal is *clawed back* (`lost_after_won`) in the cycle in which it left won (lost, or reopened:
  WonDeal.reopened) when it entered won before the period: a loss and a reopening after the
  cycle are alike. One won and lost, or won and reopened, in the cycle was never part of what the
  cycle pays: nothing to claw back (a note says so); one won again later counts again in the
  cycle it is won in;
- a *new customer* is an account won in the cycle that no deal had won before the period began;
- the *win rate* is won / (won + lost) over the deals that closed (won or lost) in the period;
- *activities* are the calls, visits, meetings and emails logged in the period;
- a deal whose credit is split (sales/splits.py) counts at each rep's share of its value
  (rounded to the cent; the owner's is what the others' leave, so they add up to the deal) in their won value; its counts (a deal won or lost, a new customer, the
  win rate) are its owner's alone, so a small share earns no whole-deal or new-logo bonus; the
  team's figures count every deal once, whole;
- *attainment* of a goal is actual / target (for `increase` and `stay above`) or target / actual
  (for `decrease` and `stay below`), in percent; the *gap* is how far the actual is short of the
  target in the wanted direction (negative = beyond the target).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

import msgspec

from sales.errors import Reason
from sales.deals import Deal, Stage, paid_after, paid_share
from sales.goals import Goal, target_value
from sales.numbers import cents, half_up
from sales.phrases import Phrase
from sales.splits import credited_values, share_of
from sales.tasks import LongText, Ref, Title
from sales.text import account_key, clean_line, clean_multiline
from sales.touches import Touch


class WonDeal(msgspec.Struct, frozen=True):
    id: str
    title: str
    value: float
    product: str
    won_at: datetime
    account: str = ""
    share: float = 1.0  # the rep's fraction of the deal (value is that much of it: sales/splits.py)
    whole: float | None = None  # the deal's whole value, when the rep has only a share of it
    owned: bool = True  # the rep owns the deal: it counts as a deal won (and a customer) for them
    collected: float = 0.0  # the part of the deal's value the customer has paid, 0 to 1 (sales.deals.paid_share)
    due: float = 0.0  # of the deal, recorded as paid with a date after today: not received yet
    due_on: date | None = None  # the first of those dates
    reopened: str = ""  # clawed back as it left won for this open stage (not lost) after its cycle
    #: clawed back: the part of it paid by the end of the cycle it was won in (where the board knows
    #: that cycle), when less than `collected`: the rest was released by payments since
    collected_then: float | None = None
    #: won in the cycle and out of won since it ended, not won now: the stage it is in now (lost,
    #: or open again). The cycle still counts it (the later one claws it back), but what its
    #: statement held of its commission will not be released
    gone_to: str = ""
    gone_lost: bool = False  # gone_to is a lost stage (else an open one: reopened)


class RepResults(msgspec.Struct):
    """What one rep did in the cycle: the numbers payouts and the leaderboard are made of."""

    rep: str
    won: list[WonDeal]
    lost_after_won: list[WonDeal]  # won_at: when it was counted as won; reopened ones too (WonDeal.reopened)
    counted_before: dict[str, float]  # deal id (lost after won) -> value counted before it was won
    new_customers: int
    activities: int
    lost: int
    reopened: list[tuple[WonDeal, str]] = []  # (the deal as it was won in the cycle, its stage now): open again
    won_and_lost: list[tuple[WonDeal, date]] = []  # won and then lost in the cycle (the day lost): not counted
    # deal id (lost after won) -> the deals the rep won in the cycle it was won in, in the order
    # won (it among them), when the board knows that cycle's dates: what it earned then, the cap's
    # cut included, is what a clawback takes back (sales/payout.py)
    won_with: dict[str, list[WonDeal]] = {}
    won_in: dict[str, tuple[date, date]] = {}  # ... and that cycle's dates (the plan that paid it then)

    @property
    def won_value(self) -> float:
        """To the cent: summed as floats, three deals of 60,000.00 came to 59,999.99999999999, short
        of a 60,000 quota, so a rep at 100% missed the quota bonus and the accelerator."""
        return cents(sum(d.value for d in self.won))

    @property
    def won_deals(self) -> int:
        """The deals won that the rep owns (a split share adds value, not a deal)."""
        return sum(d.owned for d in self.won)

    @property
    def win_rate(self) -> float | None:
        closed = self.won_deals + self.lost
        return self.won_deals / closed * 100 if closed else None


class ProcessMetrics(msgspec.Struct):
    won_value: float
    won_deals: int
    new_customers: int
    activities: int
    win_rate: float | None  # percent
    csat: float | None  # None: not recorded
    csat_source: str = ""
    spent: float = 0.0  # the budget spent in the cycle (spend entries dated in it)
    spent_per_won: float | None = None  # spent / deals won (None: none won, or nothing spent)


class GoalResult(msgspec.Struct):
    goal: str
    title: str
    metric: str
    unit: str
    direction: str
    target: float | None
    actual: float | None
    source: str  # where the actual came from, e.g. "check-in C-5 (2026-11-13)" (a Phrase: said where shown)
    attainment: float | None
    gap: float | None
    baseline: float | None = None  # where the goal started (the diagnosis it came from: baseline_source)
    baseline_source: str = ""  # e.g. "diagnosis 2026-Q3"
    outcome: str | None = None  # how it ended, once closed: achieved, partly, missed, dropped
    closing_note: str = ""  # why, as the one who closed it wrote


class Award(msgspec.Struct):
    """A recognition a rep earned in the cycle, as the leaderboard shows it: `private` ones only
    to the rep and the leads (store: Board.leaderboard)."""

    award: str
    private: bool = False


class LeaderRow(msgspec.Struct):
    rank: int
    rep: str
    attainment: float | None  # percent, rounded half up to one decimal as the table writes it
    won_value: float
    activities: int
    recognition: list[Award] = []  # the awards the reader may see (public ones to everyone)


def in_period(moment: datetime, start: date | None, end: date | None) -> bool:
    """Whether the day of `moment` falls in the cycle (an open end: no bound)."""
    day = moment.date()
    return (start is None or day >= start) and (end is None or day <= end)


def _outcomes(stages: Sequence[Stage]) -> dict[str, str]:
    return {s.name: s.outcome for s in stages}


def won_at(deal: Deal, stages: Sequence[Stage]) -> datetime | None:
    """When a deal that is won now last entered the won stage (None if it is not won)."""
    outcome = _outcomes(stages)
    if outcome.get(deal.stage) != "won":
        return None
    entries = [e.at for e in deal.history if outcome.get(e.stage) == "won"]
    return entries[-1] if entries else None


def reopened_at(deal: Deal, stages: Sequence[Stage]) -> datetime | None:
    """When a deal that is open now was last won (None: it is not open, or was never won): a won
    deal moved back into the pipeline, whose commission is not counted while it is open."""
    outcome = _outcomes(stages)
    if outcome.get(deal.stage) != "open":
        return None
    entries = [e.at for e in deal.history if outcome.get(e.stage) == "won"]
    return entries[-1] if entries else None


def won_spells(deal: Deal, stages: Sequence[Stage]) -> list[tuple[datetime, datetime | None, str]]:
    """Each time the deal was won: (when it entered won, when it left won or None while it is
    won, the stage it left for), oldest first. A cycle counts a spell won in it that it did not
    leave in it; the cycle it left in (lost or reopened) takes back what it earned (rep_results)."""
    outcome = _outcomes(stages)
    spells, won = [], None
    for entry in deal.history:
        if outcome.get(entry.stage) == "won":
            won = entry.at  # (won again while won: the last entry, as won_at reads it)
        elif won is not None:
            spells.append((won, entry.at, entry.stage))
            won = None
    if won is not None:
        spells.append((won, None, ""))
    return spells


def lost_after_won(deal: Deal, stages: Sequence[Stage]) -> tuple[datetime, datetime] | None:
    """(won time, lost time) of a deal that is lost now after it had been won, else None."""
    outcome = _outcomes(stages)
    if outcome.get(deal.stage) != "lost":
        return None
    won, pair = None, None
    for entry in deal.history:
        kind = outcome.get(entry.stage)
        if kind == "won":
            won = entry.at
        elif kind == "lost" and won is not None:
            pair = (won, entry.at)
    return pair


def _won(deal: Deal, at: datetime, rep: str, share: float = 1.0, owned: bool = True,
         today: date | None = None) -> WonDeal:
    """The deal as the rep won it; what its customer has paid counts the payments dated by
    `today` (None: every payment recorded), one dated later is `due`."""
    due, due_on = paid_after(deal, today) if today is not None else (0.0, None)
    paid = {"collected": paid_share(deal, today), "due": due, "due_on": due_on}
    if share >= 1.0:
        return WonDeal(deal.id, deal.title, deal.value, deal.product, at, deal.account, owned=owned, **paid)
    # each split rep's share to the cent, the owner what they leave: the parts add up to the deal
    value = credited_values(deal.value, deal.owner, deal.splits).get(rep, 0.0)
    return WonDeal(deal.id, deal.title, value, deal.product, at, deal.account, share, deal.value, owned, **paid)


def rep_results(rep: str, deals: Iterable[Deal], stages: Sequence[Stage], touches: Iterable[Touch],
                start: date | None = None, end: date | None = None, today: date | None = None,
                cycles: Sequence[tuple[date, date]] = ()) -> RepResults:
    """What `rep` did in the cycle from `start` to `end`. `today`: the day customers' payments
    are counted to (release on payment: a payment dated after it is not received yet); None
    counts every payment recorded. `cycles`: the earlier cycles the board knows the dates of;
    a deal won in one of them and lost in this one is clawed back as that cycle counted it
    (the rep's won value before it there: `counted_before`, and `won_with`)."""
    deals = list(deals)
    outcome = _outcomes(stages)
    won, clawed, lost, reopened, dropped = [], [], 0, [], []
    for deal in deals:
        owned = deal.owner == rep
        share = share_of(deal.owner, deal.splits, rep) if deal.splits else float(owned)
        if not share and not owned:
            continue
        now = outcome.get(deal.stage)
        spells = won_spells(deal, stages)
        for number, (at, left, stage) in enumerate(spells):
            last = number == len(spells) - 1
            if left is None:  # won now
                if now == "won" and in_period(at, start, end):
                    won.append(_won(deal, at, rep, share, owned, today))
            elif in_period(at, start, end):
                if end is not None and left.date() > end:
                    # lost or reopened after the cycle ended: the cycle counted it won (the one it
                    # left won in claws it back), so an approved statement stands as it was
                    taken = _won(deal, at, rep, share, owned, today)
                    if now != "won":  # (not won again since: what it held will not be released)
                        taken = msgspec.structs.replace(taken, gone_to=deal.stage, gone_lost=now == "lost")
                    won.append(taken)
                elif last and share and now == "lost":  # won and lost in the cycle: never part of what it pays
                    dropped.append((_won(deal, at, rep, share, owned, today), deal.history[-1].at.date()))
                elif last and share and now == "open":  # (a note: not counted while it is open)
                    reopened.append((_won(deal, at, rep, share, owned, today), deal.stage))
            elif in_period(left, start, end) and share:  # won in an earlier cycle, out of won in this one
                taken = _won(deal, at, rep, share, owned, today)
                if outcome.get(stage) != "lost":
                    taken = msgspec.structs.replace(taken, reopened=stage)
                clawed.append(taken)
        if owned and now == "lost" and deal.history and in_period(deal.history[-1].at, start, end):
            lost += 1
    won.sort(key=lambda d: (d.won_at, d.id))
    counted = won + clawed
    # what the rep's won value was in this cycle when each was counted: the deals won in the cycle
    # before it (one won in an earlier cycle was never part of this cycle's won value)
    before = {d.id: cents(sum(o.value for o in counted if in_period(o.won_at, start, end) and (o.won_at, o.id) < (d.won_at, d.id)))
              for d in clawed}
    won_with, won_in = {}, {}
    won_then: dict[tuple[date, date], list[WonDeal]] = {}  # (each earlier cycle worked out once)
    by_id = {deal.id: deal for deal in deals} if clawed else {}
    for index, d in enumerate(clawed):  # (in the cycle it was won in, when the board knows its dates)
        cycle = next((c for c in cycles if c != (start, end) and in_period(d.won_at, *c)), None)
        if cycle is not None:
            if cycle not in won_then:
                won_then[cycle] = rep_results(rep, deals, stages, [], *cycle, today).won
            then = won_then[cycle]
            if any(o.id == d.id for o in then):
                won_with[d.id], won_in[d.id] = then, cycle
                paid_then = paid_share(by_id[d.id], min(cycle[1], today) if today else cycle[1])
                if paid_then < d.collected:  # (released in part by payments since its cycle)
                    clawed[index] = msgspec.structs.replace(d, collected_then=paid_then)
                before[d.id] = cents(sum(o.value for o in then if (o.won_at, o.id) < (d.won_at, d.id)))
    business = {deal.id: deal.business for deal in deals}
    maybe_new = [d for d in won if d.owned and d.account and business[d.id] != "existing"]
    # (only the accounts this rep won are looked up: a forecast asks this of every rep, every week)
    # (one customer however its name is spaced or cased: `Acme  Corp` is `acme corp`, as everywhere)
    known = _accounts_won_before(deals, stages, start, {account_key(d.account) for d in maybe_new})
    new = {account_key(d.account) for d in maybe_new
           if business[d.id] == "new" or account_key(d.account) not in known}
    acts = sum(1 for t in touches if t.by == rep and in_period(t.at, start, end))
    return RepResults(rep, won, sorted(clawed, key=lambda d: (d.won_at, d.id)), before, len(new), acts, lost,
                      sorted(reopened, key=lambda pair: (pair[0].won_at, pair[0].id)),
                      sorted(dropped, key=lambda pair: (pair[0].won_at, pair[0].id)), won_with, won_in)


def _accounts_won_before(deals: Sequence[Deal], stages: Sequence[Stage], start: date | None,
                         among: set[str]) -> set[str]:
    """Which of the accounts `among` (as sales.text.account_key has them) had a deal won before `start`."""
    if start is None or not among:
        return set()
    outcome = _outcomes(stages)
    return {account_key(d.account) for d in deals if d.account and account_key(d.account) in among
            for e in d.history if outcome.get(e.stage) == "won" and e.at.date() < start}


def team_results(deals: Sequence[Deal], stages: Sequence[Stage], touches: Sequence[Touch],
                 start: date | None, end: date | None) -> RepResults:
    """What the team did in the period, as one rep: every deal whole, every activity."""
    return rep_results("", [msgspec.structs.replace(d, owner="", splits=[]) for d in deals], stages,
                       [msgspec.structs.replace(t, by="") for t in touches], start, end)


def process_metrics(results: Sequence[RepResults], deals: Sequence[Deal], stages: Sequence[Stage],
                    touches: Sequence[Touch], start: date | None, end: date | None,
                    csat: tuple[float, str] | None = None) -> ProcessMetrics:
    """The team's process metrics over the period (every deal, not only reps' own)."""
    team = team_results(deals, stages, touches, start, end)
    return ProcessMetrics(won_value=team.won_value, won_deals=team.won_deals, new_customers=team.new_customers,
                          activities=team.activities, win_rate=team.win_rate,
                          csat=csat[0] if csat else None, csat_source=csat[1] if csat else "")


def with_spending(metrics: ProcessMetrics, spent: float) -> ProcessMetrics:
    """The metrics with what the cycle spent of its budget, and what that came to per deal won
    (the cost of a won deal, which question 5 of the gap analysis, "were resources short?", weighs)."""
    per = cents(spent / metrics.won_deals) if metrics.won_deals and spent else None
    return msgspec.structs.replace(metrics, spent=spent, spent_per_won=per)


def goal_result(goal: Goal, actual: float | None, source: str) -> GoalResult:
    target = target_value(goal)
    attainment = gap = None
    if target is not None and actual is not None:
        upward = goal.direction in ("increase", "above")
        gap = target - actual if upward else actual - target
        if upward and target:
            attainment = actual / target * 100
        elif not upward and actual:
            attainment = target / actual * 100
    return GoalResult(goal.id, goal.title, goal.metric, goal.unit, goal.direction, target, actual,
                      source if actual is not None else Phrase("no data"), attainment, gap,
                      goal.baseline, goal.baseline_source, goal.closed.outcome if goal.closed else None,
                      goal.closed.note if goal.closed else "")


def leaderboard(results: Sequence[RepResults], quotas: dict[str, float | None]) -> list[LeaderRow]:
    """Reps ranked by attainment, then won value, then activities (ties share a rank). Each
    row's attainment is in percent rounded half up to one decimal, as the leaderboard's table
    writes it (66.666…% is 66.7): a script reading `--json` reads the figure the team sees; the
    ranks are of the exact figures (a rep at 66.67% ranks above one at 66.66%, both 66.7)."""
    rows = []
    for r in results:
        quota = quotas.get(r.rep)
        rows.append(LeaderRow(0, r.rep, r.won_value / quota * 100 if quota else None, r.won_value, r.activities))

    def key(row: LeaderRow) -> tuple:
        return (-(row.attainment if row.attainment is not None else -1), -row.won_value, -row.activities)

    rows.sort(key=lambda row: (*key(row), row.rep))
    for index, row in enumerate(rows):
        row.rank = rows[index - 1].rank if index and key(rows[index - 1]) == key(row) else index + 1
    for row in rows:  # ranked on the exact figure, given as the table shows it (`--json`, the review report too)
        row.attainment = None if row.attainment is None else half_up(row.attainment, 1)
    return rows


class ReviewAnswer(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """The team's answer to one gap-analysis question (kept by the question's text, so a
    reworded question starts unanswered) in one cycle (`start`, `end`: the plan's period when it
    was given, so the next cycle starts unanswered; see given_in)."""

    id: str
    question: Title
    answer: LongText = ""
    by: Ref | None = None
    at: str = ""
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        self.question = clean_line(self.question)
        self.answer = clean_multiline(self.answer)
        if not self.question:
            raise Reason("an answer needs its question").in_field("question")


Cycle = tuple[date | None, date | None]


def given_in(kept: Cycle, day: date, cycle: Cycle, now: Cycle) -> bool:
    """Whether a gap-analysis answer or an end-of-cycle tick, given on `day` in the cycle `kept`,
    belongs to `cycle` (start, end), the board's cycle being `now`. One kept with its cycle's
    dates belongs to that cycle alone. One kept without (given on a board with no dates, or
    before they were kept per cycle) belongs to the cycle whose days it was given in: to the
    cycle now from its first day on (a review is written after its cycle's last day, before
    the next cycle's dates are set), to an earlier one from its first day until the cycle now
    began."""
    if kept[0] is not None and kept[1] is not None:
        return kept == cycle
    if cycle[0] is not None and day < cycle[0]:
        return False
    return cycle == now or now[0] is None or day < now[0]


def cycle_doc_id(cycle: Cycle) -> int | None:
    """A document id per cycle (2026-10-01 to 2026-12-31 -> 2026100120261231) for what is
    kept per cycle; None for a board without the cycle's dates."""
    start, end = cycle
    return int(f"{start:%Y%m%d}{end:%Y%m%d}") if start is not None and end is not None else None


def given_day(at: str) -> date:
    """The day an answer or a tick was given (`at`, ISO); one without reads as long ago."""
    try:
        return datetime.fromisoformat(at).date()
    except ValueError:
        return date.min
