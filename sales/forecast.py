"""The sales forecast (phase 4): where each rep and the team will land by the end of the cycle,
from the deals won so far and the open deals expected to close before it ends, and what each
rep would be paid if they do.

Definitions (the README repeats them):
- an open deal *counts* for the cycle when its expected close date is in it, from its first day
  to its last. An open deal with no close date is *undated*, one closing after the cycle is
  *later*, and one closing before it starts (a cycle not begun yet) is *earlier*: none counts
  (a deal belongs to the cycle it closes in, as its win would). A counted deal whose close date
  has passed is *slipped* (it still counts while the cycle runs: it is open, and overdue, and may
  close today; before the cycle starts it is overdue in the cycle running now: *earlier*). Once
  the cycle's last day has passed no open deal can close in it: every dated one is *later*, and
  the forecast is what was won;
- *won*: the value won in the cycle (as payouts count it, sales/review.py);
- *commit*: the value of the counted deals in a stage with at least ``commit_pct`` probability,
  or that their owner has called commit (a deal's `forecast`: commit, best_case or omit overrides
  its stage; an omitted deal is left out of every figure); *best case*: the value of every counted
  deal; *weighted*: their value times their stage's probability;
- *forecast* = won + weighted; *gap* = quota - forecast (above zero: the forecast falls short;
  none for a quota of 0, which sets no target);
- *coverage* = best case / (quota - won): how many times the open pipeline covers what is left
  of the quota (sales teams read 3x as healthy). None once the quota is reached;
- a deal shared among reps (sales/splits.py) counts in each one's row at their share; the
  team counts it once, whole (the deals no rep of the board is credited with: the others' row);
- the *payouts*: the payout statement's total now, if the commit deals close, and if every
  counted deal closes (the best case), each as payouts compute it (tiers, product rates,
  bonuses, cap, clawbacks), with each deal won on its close date (today, for a slipped one).
  Under a plan that releases commission as customers pay (`release: paid`) these are what the
  rep EARNS (the statement's `earned`: nothing held back), as the forecast is about landing the
  cycle, and a deal about to close has not been paid yet; each adds what customers' payments
  dated by the cycle's end release of earlier cycles' held commission. Each nets the balance below zero an
  earlier cycle's approved statement left (``carried``, as the statement nets it), never below
  zero: a rep who owes 300 is paid 700 of 1,000 earned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

import msgspec

from sales.deals import Deal, Stage, StageEntry, is_slipped
from sales.incentives import IncentivePlan, plan_for
from sales.numbers import cents
from sales.payout import Carried, balances, statement
from sales.review import in_period, rep_results, won_at
from sales.splits import credit_among, credited_values
from sales.touches import Touch

DEFAULT_COMMIT = 75
OTHERS = ""  # the row of deals no rep of the board owns (a lead's, or unassigned)


class RepForecast(msgspec.Struct):
    """One rep's forecast (``rep`` empty: the deals no rep owns; ``team``: everyone's)."""

    rep: str
    quota: float | None
    won: float
    commit: float
    best_case: float
    weighted: float
    counted: int  # open deals counted
    slipped: list[str]  # ids of the counted deals whose close date has passed
    undated: list[str]  # ids of the open deals without a close date (not counted)
    omitted: list[str]  # ids of the open deals their owner left out of the forecast
    later: float  # value of the open deals closing after the cycle (not counted)
    forecast: float
    gap: float | None
    coverage: float | None
    payout: float | None = None  # None: on no incentive plan
    payout_commit: float | None = None
    payout_best_case: float | None = None
    later_ids: list[str] = []  # ids of the open deals closing after the cycle
    earlier: float = 0.0  # value of the open deals closing before the cycle starts (not counted)
    earlier_ids: list[str] = []  # their ids
    left: bool = False  # a rep who has left the board but earned in the cycle (store: former_reps)
    carried: float = 0.0  # below zero: the balance an earlier cycle left, netted in the payouts
    carried_from: str = ""  # the approvals that left it (P-3; "P-2, P-5" for several)
    #: commission earlier cycles' approved statements held that customers' payments dated by the
    #: cycle's end release in it (in the payouts), and what stays held past it (left out of them)
    released: float = 0.0
    held_earlier: float = 0.0


class TrendPoint(msgspec.Struct):
    """The team's forecast as it stood at one moment (the start of a week, or now): Salesforce's
    forecast history. Built from the deals as they stood then (sales/movement.py)."""

    at: datetime
    won: float
    commit: float
    best_case: float
    weighted: float
    forecast: float
    quota: float | None
    deals: int = 0  # how many deals the board held then (none: the deals came to it later)

    @classmethod
    def of(cls, result: "Forecast", at: datetime, deals: int = 0) -> "TrendPoint":
        team = result.team
        return cls(at, team.won, team.commit, team.best_case, team.weighted, team.forecast, team.quota, deals)


class MonthRow(msgspec.Struct):
    """One calendar month: won in it, and the open deals expected to close in it."""

    month: str  # "2026-12"
    won: float
    deals: int
    value: float
    weighted: float
    commit: float
    after_cycle: bool
    before_cycle: bool = False  # a month before the cycle starts (its deals are not counted)


class Forecast(msgspec.Struct):
    start: date | None
    end: date | None
    today: date
    commit_pct: int
    reps: list[RepForecast]
    team: RepForecast
    months: list[MonthRow]
    pay_private: bool = False  # some payout columns left blank: the reader may not read that pay


def is_commit(deal: Deal, probability: int, commit_pct: int) -> bool:
    """Whether an open deal counts as commit: called so by its owner, or (auto) by its stage."""
    return deal.forecast == "commit" or (deal.forecast == "auto" and probability >= commit_pct)


def _expected(deal: Deal, today: date) -> date:
    """When an open deal is expected to close: its close date, or today once that has passed."""
    return max(deal.close, today) if deal.close else today


def _as_won(deal: Deal, won_stage: str, now: datetime) -> Deal:
    """The deal as if it were won on its expected close date (at noon; now, if that is today or past)."""
    day = _expected(deal, now.date())
    at = now if day <= now.date() else datetime.combine(day, time(12), now.tzinfo)
    return msgspec.structs.replace(deal, stage=won_stage, history=[*deal.history, StageEntry(won_stage, at)])


def _payout(plan: IncentivePlan | None, rep: str, deals: Sequence[Deal], stages: Sequence[Stage],
            touches: Sequence[Touch], start: date | None, end: date | None, today: date,
            cycles: Sequence[tuple[date, date]] = (), every_plan: Sequence[IncentivePlan] = (),
            carried: Carried | Sequence[Carried] | None = None, released: float = 0.0) -> float | None:
    """What the statement would pay with nothing held: what the cycle earns, less the balance
    carried in, plus what payments dated in it release of earlier cycles, never below zero."""
    if plan is None:
        return None
    made = statement(plan, rep_results(rep, deals, stages, touches, start, end, today, cycles), every_plan, carried)
    return max(cents(made.earned + made.carried_in + released), 0.0)


def forecast(deals: Sequence[Deal], stages: Sequence[Stage], touches: Sequence[Touch],
             plans: list[IncentivePlan], reps: Sequence[str], start: date | None, end: date | None,
             now: datetime, commit_pct: int = DEFAULT_COMMIT, only: str | None = None,
             former: Sequence[str] = (), cycles: Sequence[tuple[date, date]] = (),
             every_plan: Sequence[IncentivePlan] = (), carried: dict[str, list[Carried]] | None = None,
             released: dict[str, tuple[float, float]] | None = None) -> Forecast:
    """The forecast of each rep in ``reps``, of the deals none of them owns (when there are
    any), of the team, and month by month. ``now``: the board's clock (aware). ``only``: one
    rep's (their row is the team's, and the months are their deals'). ``former``: those of
    ``reps`` who have left the board (their rows say so; their won value and payout are the
    team's as any rep's are). ``cycles``: the earlier cycles the board knows the dates of (a
    clawback takes back what a deal earned in its own: sales.review.rep_results), ``every_plan``
    the board's plans (the one that paid it then: sales.payout.statement); ``carried``: each rep's
    balance below zero that an earlier cycle's approved statement left (netted in the payouts);
    ``released``: each rep's commission of earlier cycles that payments dated by the end release,
    and what stays held past it (RepForecast.released, held_earlier)."""
    today = now.date()
    stage_of = {s.name: s for s in stages}
    won_stage = next(s.name for s in stages if s.outcome == "won")
    credits = [credit_among(d.owner, d.splits, reps, OTHERS) for d in deals]
    owners = list(reps)
    if any(OTHERS in shares for shares in credits):
        owners.append(OTHERS)
    if only is not None:
        owners = [only]

    rows = []
    for rep in owners:
        mine = [(d, _credited_share(d, rep, shares[rep], reps)) for d, shares in zip(deals, credits, strict=True)
                if shares.get(rep)]
        plan = plan_for(plans, rep) if rep != OTHERS else None
        rows.append(_row(rep, mine, deals, stage_of, won_stage, touches, plan, start, end, now, commit_pct, cycles,
                         every_plan, (carried or {}).get(rep), (released or {}).get(rep, (0.0, 0.0))))
        if rep in former:  # nothing left to close: no gap or coverage of their own (the team's counts them)
            rows[-1].left, rows[-1].gap, rows[-1].coverage = True, None, None
    shown = [r for r in rows if r.rep != OTHERS or r.won or r.counted or r.undated or r.omitted or r.later]
    team = _team(rows)
    if only is None:  # a shared deal is in several rows: the team counts it once
        counted = [d for d in deals if _kind(d, stage_of, start, end, today) == "counted"]
        team.counted = len(counted)
        # each row's weighted value is rounded to the cent; the team's is the deals' own, rounded
        # once (a 485.00 lead at 10% split 99/1 made rows of 48.02 and 0.49, and a team of 48.51)
        team.weighted = cents(sum(d.value * stage_of[d.stage].probability / 100 for d in counted))
        team.forecast = cents(team.won + team.weighted)
        team.gap = _against_quota(team.quota, team.won, team.weighted, team.best_case)["gap"]
    mine_only = [(d, 1.0) for d in deals] if only is None else \
        [(d, _credited_share(d, only, shares[only], reps)) for d, shares in zip(deals, credits, strict=True)
         if shares.get(only)]
    months = _months(mine_only, stage_of, start, end, today, commit_pct)
    return Forecast(start, end, today, commit_pct, shown, team, months)


def _credited_share(deal: Deal, rep: str, share: float, reps: Sequence[str] = ()) -> float:
    """The part of `deal` its credit gives `rep`, as payouts count it: their share to the cent
    (sales.splits.credited_values), so that a month's won value is the rep's won value (a 50%
    split of 1,000.01 said 500.005 in `--json`, where the rep's won value was 500.00), and the
    rows' best case adds up to the deals' (0.50 split 99/1 made rows of 0.50 and 0.01)."""
    if not deal.splits or not deal.value:
        return share
    parts = credited_values(deal.value, deal.owner, deal.splits)
    if rep == OTHERS:  # (what the splits leave an owner who is not one of the reps, or nobody)
        return sum(value for who, value in parts.items() if who not in reps) / deal.value
    return parts.get(rep, deal.value * share) / deal.value


def _kind(deal: Deal, stage_of: dict[str, Stage], start: date | None, end: date | None,
          today: date) -> str | None:
    """How an open deal stands in the forecast: counted, omitted, undated, later or earlier (None:
    not open). Later: expected to close (its close date, or today once that has passed) after
    the cycle's last day; earlier: before its first day (a cycle not begun yet: the deal belongs
    to the cycle it closes in, as its win would)."""
    stage = stage_of.get(deal.stage)
    if stage is None or stage.outcome != "open":
        return None
    if deal.forecast == "omit":
        return "omitted"
    if deal.close is None:
        return "undated"
    expected = _expected(deal, today)
    if end is not None and expected > end:
        return "later"
    return "earlier" if start is not None and expected < start else "counted"


def _row(rep: str, mine: list[tuple[Deal, float]], everyone: Sequence[Deal], stage_of: dict[str, Stage],
         won_stage: str, touches: Sequence[Touch], plan: IncentivePlan | None, start: date | None,
         end: date | None, now: datetime, commit_pct: int, cycles: Sequence[tuple[date, date]] = (),
         every_plan: Sequence[IncentivePlan] = (), carried: Carried | Sequence[Carried] | None = None,
         released: tuple[float, float] = (0.0, 0.0)) -> RepForecast:
    """One rep's row: ``mine`` pairs each deal they are credited on with their share of it."""
    today = now.date()
    counted, undated, omitted, later, later_ids, earlier, earlier_ids = [], [], [], 0.0, [], 0.0, []
    for deal, share in mine:
        kind = _kind(deal, stage_of, start, end, today)
        if kind == "omitted":
            omitted.append(deal.id)
        elif kind == "undated":
            undated.append(deal.id)
        elif kind == "later":
            later += deal.value * share
            later_ids.append(deal.id)
        elif kind == "earlier":
            earlier += deal.value * share
            earlier_ids.append(deal.id)
        elif kind == "counted":
            counted.append((deal, share, stage_of[deal.stage].probability))
    commit = [(d, s) for d, s, p in counted if is_commit(d, p, commit_pct)]
    best = [(d, s) for d, s, _ in counted]
    stages = list(stage_of.values())
    if rep == OTHERS:
        won = sum(d.value * s for d, s in mine if (at := won_at(d, stages)) is not None and in_period(at, start, end))
    else:
        won = rep_results(rep, everyone, stages, touches, start, end, today).won_value
    quota = plan.quota_of(rep) if plan else None
    weighted = cents(sum(d.value * s * p / 100 for d, s, p in counted))  # (every sum to the cent: `--json`
    best_case = cents(sum(d.value * s for d, s in best))  # said 8533.029999999999, a script's 8533.03 missed it)
    won = cents(won)
    row = RepForecast(
        rep=rep, quota=quota, won=won, commit=cents(sum(d.value * s for d, s in commit)), best_case=best_case,
        weighted=weighted, counted=len(counted), slipped=[d.id for d, _ in best if is_slipped(d, "open", today)],
        undated=undated, omitted=omitted, later=cents(later), forecast=cents(won + weighted), later_ids=later_ids,
        earlier=cents(earlier), earlier_ids=earlier_ids,
        **_against_quota(quota, won, weighted, best_case))
    if plan is not None:
        def if_won(chosen: list[tuple[Deal, float]]) -> list[Deal]:
            ids = {d.id for d, _ in chosen}
            return [_as_won(d, won_stage, now) if d.id in ids else d for d in everyone]

        pay = (stages, touches, start, end, today, cycles, every_plan, carried, released[0])
        row.payout = _payout(plan, rep, everyone, *pay)
        row.payout_commit = _payout(plan, rep, if_won(commit), *pay)
        row.payout_best_case = _payout(plan, rep, if_won(best), *pay)
        row.released, row.held_earlier = released
        if owed := balances(carried):  # (said beside the payouts: they net it)
            row.carried = cents(sum(c.amount for c in owed))
            row.carried_from = ", ".join(c.approval for c in owed)
    return row


def _against_quota(quota: float | None, won: float, weighted: float, best_case: float) -> dict:
    """The gap (quota - forecast) and the coverage (best case / what is left of the quota);
    neither for a quota of 0 (a plan's `quota: 0`: no target, as payouts apply no tiers then)."""
    return {"gap": cents(quota - (won + weighted)) if quota else None,
            "coverage": best_case / (quota - won) if quota is not None and quota > won else None}


def _team(rows: list[RepForecast]) -> RepForecast:
    """The sums of the rows (the quota: of the reps who have one; payouts: of those paid)."""
    quotas = [r.quota for r in rows if r.quota is not None]
    quota = sum(quotas) if quotas else None
    won = cents(sum(r.won for r in rows))
    weighted = cents(sum(r.weighted for r in rows))
    best = cents(sum(r.best_case for r in rows))

    def total(field: str) -> float | None:
        values = [getattr(r, field) for r in rows if getattr(r, field) is not None]
        return cents(sum(values)) if values else None

    return RepForecast(
        rep="team", quota=quota, won=won, commit=cents(sum(r.commit for r in rows)), best_case=best, weighted=weighted,
        counted=sum(r.counted for r in rows), slipped=_once(i for r in rows for i in r.slipped),
        undated=_once(i for r in rows for i in r.undated), omitted=_once(i for r in rows for i in r.omitted),
        later=cents(sum(r.later for r in rows)), forecast=cents(won + weighted),
        **_against_quota(quota, won, weighted, best),
        payout=total("payout"), payout_commit=total("payout_commit"), payout_best_case=total("payout_best_case"),
        later_ids=_once(i for r in rows for i in r.later_ids), earlier=cents(sum(r.earlier for r in rows)),
        earlier_ids=_once(i for r in rows for i in r.earlier_ids))


def _once(ids: Iterable[str]) -> list[str]:
    """Each id once, in the order first met (a shared deal is in several reps' rows)."""
    return list(dict.fromkeys(ids))


def _months(deals: Sequence[tuple[Deal, float]], stage_of: dict[str, Stage], start: date | None, end: date | None,
            today: date, commit_pct: int) -> list[MonthRow]:
    """Month by month, from the first with a deal won in the cycle or expected to close, to the
    last: won value by the month it was won, open dated deals by the month they are expected to
    close (a slipped deal: this month). The month the cycle ends in has a second row for the
    deals expected after its last day, as every later month is (they are not counted); so do
    the month it starts in and those before it, for the deals expected before its first day."""
    stages = list(stage_of.values())
    months: dict[tuple[str, int], MonthRow] = {}  # (the month, -1 before the cycle, 0 in it, 1 after it)

    def row(day: date) -> MonthRow:
        month, after_cycle = f"{day.year}-{day.month:02d}", end is not None and day > end
        before_cycle = start is not None and day < start
        key = (month, 1 if after_cycle else -1 if before_cycle else 0)
        if key not in months:
            months[key] = MonthRow(month, 0.0, 0, 0.0, 0.0, 0.0, after_cycle, before_cycle)
        return months[key]

    for deal, share in deals:
        stage = stage_of.get(deal.stage)
        if stage is None:
            continue
        value = deal.value * share
        if stage.outcome == "won":
            at = won_at(deal, stages)
            if at is not None and in_period(at, start, end):
                row(at.date()).won += value
        elif stage.outcome == "open" and deal.close is not None and deal.forecast != "omit":
            month = row(_expected(deal, today))
            month.deals += 1
            month.value += value
            month.weighted += value * stage.probability / 100
            if is_commit(deal, stage.probability, commit_pct):
                month.commit += value
    for month in months.values():  # (to the cent, as the rows are)
        month.won, month.value = cents(month.won), cents(month.value)
        month.weighted, month.commit = cents(month.weighted), cents(month.commit)
    return [months[key] for key in sorted(months)]
