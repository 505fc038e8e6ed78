"""Deals of the pipeline (phase 4 of the cycle) and the arithmetic of the funnel.

Each deal carries its own stage history (`history`: one entry per stage it entered, with the
moment it entered it). Time in stage and stage-to-stage conversion are computed from these
entries, so they are exact: an imported deal keeps the dates its source gave, and every move made
on the board appends an entry stamped by the board's clock.

Definitions (the funnel and the conversion alert use the same ones):
- a *stint* is one stay of a deal in one stage, from the entry that put it there to the next
  entry (or still running);
- a stage's *conversion* over a window is, of the stints in that stage that ended inside the
  window, the share whose next stage lies further along the pipeline (a later open stage or a won
  stage). A move back, or to a lost stage, is a stint that did not convert;
- the *weighted value* of a deal is its value times its stage's probability.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason
from sales.numbers import cents
from sales.phrases import Phrase
from sales.splits import SPLITS_MAX, Split, check_splits
from sales.tasks import LongText, Ref, Title
from sales.text import clean_line, clean_multiline

Outcome = Literal["open", "won", "lost"]
#: How an open deal counts in the forecast (sales/forecast.py): "auto" by its stage's probability,
#: or as its owner calls it in the forecast call: commit, best case only, or left out (omit).
ForecastCategory = Literal["auto", "commit", "best_case", "omit"]
#: Whether a won deal brings a new customer (a new logo, for bonuses and the review): `auto`
#: when its account has won no deal on the board before the cycle; `new` or `existing` as a
#: lead or rep says (Salesforce's New Business and Existing Business: a renewal is existing).
Business = Literal["auto", "new", "existing"]
BUSINESS_KINDS: tuple[str, ...] = ("auto", "new", "existing")
FORECAST_CATEGORIES: tuple[str, ...] = ("auto", "commit", "best_case", "omit")
Money = Annotated[float, msgspec.Meta(ge=0, le=1e12)]
Probability = Annotated[int, msgspec.Meta(ge=0, le=100)]
PAYMENTS_MAX = 1000  # payments on one deal (instalments: a monthly invoice for years is far fewer)
StageName = Annotated[str, msgspec.Meta(min_length=1, max_length=30)]


class Stage(msgspec.Struct, forbid_unknown_fields=True):
    """A column of the pipeline with the chance a deal in it is won, in percent."""

    name: StageName
    probability: Probability
    outcome: Outcome = "open"

    def __post_init__(self) -> None:
        self.name = clean_line(self.name)
        if not self.name:
            raise Reason("a stage needs a name").in_field("name")


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("Lead", 10), Stage("Qualified", 25), Stage("Proposal", 50),
    Stage("Negotiation", 75), Stage("Won", 100, "won"), Stage("Lost", 0, "lost"),
)

# Stage names other systems use, mapped to the default stage they mean (used when importing).
# Won and Lost stand for whichever stage of the pipeline has that outcome, whatever its name.
STAGE_ALIASES = {"prospecting": "Lead", "prospect": "Lead", "new": "Lead",
                 "engaging": "Qualified", "qualification": "Qualified",
                 "closed won": "Won", "closed lost": "Lost",
                 "赢单": "Won", "贏單": "Won", "成交": "Won", "输单": "Lost", "輸單": "Lost", "丢单": "Lost",
                 "丟單": "Lost",
                 # the default pipelines of Pipedrive, HubSpot and Salesforce, by what each stage means
                 "contact made": "Qualified", "demo scheduled": "Qualified", "proposal made": "Proposal",
                 "negotiations started": "Negotiation",
                 "appointment scheduled": "Lead", "qualified to buy": "Qualified",
                 "presentation scheduled": "Proposal", "decision maker bought-in": "Negotiation",
                 "contract sent": "Negotiation",
                 "needs analysis": "Qualified", "value proposition": "Proposal", "id. decision makers": "Proposal",
                 "perception analysis": "Proposal", "proposal/price quote": "Proposal",
                 "negotiation/review": "Negotiation",
                 "won": "Won", "lost": "Lost",
                 # won and lost as German, French and Spanish exports of the three write them
                 "abgeschlossen und gewonnen": "Won", "geschlossen und gewonnen": "Won", "gewonnen": "Won",
                 "abgeschlossen und verloren": "Lost", "geschlossen und verloren": "Lost", "verloren": "Lost",
                 "conclu gagné": "Won", "fermé gagné": "Won", "fermée gagnée": "Won", "gagné": "Won", "gagnée": "Won",
                 "conclu perdu": "Lost", "fermé perdu": "Lost", "fermée perdue": "Lost", "perdu": "Lost",
                 "perdue": "Lost", "cerrado ganado": "Won", "cerrada ganada": "Won", "ganado": "Won",
                 "ganada": "Won", "cerrado perdido": "Lost", "cerrada perdida": "Lost", "perdido": "Lost",
                 "perdida": "Lost",
                 # Pipedrive's and HubSpot's default stages in their German, French and Spanish exports
                 "kontakt hergestellt": "Qualified", "demo geplant": "Qualified", "angebot erstellt": "Proposal",
                 "verhandlungen begonnen": "Negotiation", "termin vereinbart": "Lead",
                 "qualifiziert für kauf": "Qualified", "präsentation geplant": "Proposal",
                 "entscheidungsträger überzeugt": "Negotiation", "vertrag gesendet": "Negotiation",
                 "contact établi": "Qualified", "démo programmée": "Qualified", "proposition faite": "Proposal",
                 "négociations commencées": "Negotiation", "rendez-vous programmé": "Lead",
                 "qualifié pour l'achat": "Qualified", "présentation programmée": "Proposal",
                 "décideur convaincu": "Negotiation", "contrat envoyé": "Negotiation",
                 "contacto realizado": "Qualified", "demo programada": "Qualified", "propuesta realizada": "Proposal",
                 "negociaciones iniciadas": "Negotiation", "cita programada": "Lead",
                 "calificado para comprar": "Qualified", "presentación programada": "Proposal",
                 "responsable de la toma de decisiones convencido": "Negotiation", "contrato enviado": "Negotiation"}
OUTCOME_ALIASES = {"Won": "won", "Lost": "lost"}


def check_stages(stages: Sequence[Stage]) -> list[Stage]:
    """The stages if they make a pipeline, else ValueError saying why.

    A pipeline is at least one open stage, then exactly one won and one lost stage, in that
    order, with names unique regardless of case.
    """
    names = [s.name.casefold() for s in stages]
    if len(set(names)) != len(names):
        raise Reason("stage names must differ (ignoring case)")
    outcomes = [s.outcome for s in stages]
    if outcomes.count("won") != 1 or outcomes.count("lost") != 1 or "open" not in outcomes:
        raise Reason("a pipeline needs open stages, one won stage and one lost stage")
    if outcomes[-2:] != ["won", "lost"]:
        raise Reason("the won and the lost stage come last, in that order")
    return list(stages)


def stranded(deals: Iterable[Deal], stages: Sequence[Stage]) -> str:
    """The stages outside `stages` that still hold some of `deals`, with how many each
    (`Demo (2), Trial (1)`); "" when none does. A pipeline may not drop a stage a deal is in."""
    names = {s.name for s in stages}
    held = Counter(d.stage for d in deals if d.stage not in names)
    return ", ".join(f"{name} ({n})" for name, n in sorted(held.items()))


def _folded(name: str) -> str:
    """A stage name with case, spaces and punctuation left out: HubSpot's internal `closedwon`,
    `qualifiedtobuy` and Salesforce's `Proposal/Price Quote` spelled any way."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_FOLDED_ALIASES = {_folded(name): alias for name, alias in STAGE_ALIASES.items()}


def find_stage(stages: Sequence[Stage], text: str) -> Stage:
    """The stage a person or a file named (any case; a few other systems' names too)."""
    wanted = " ".join(text.strip().replace("_", " ").split()).casefold()
    for stage in stages:
        if stage.name.casefold() == wanted:
            return stage
    alias = STAGE_ALIASES.get(wanted) or _FOLDED_ALIASES.get(_folded(wanted))
    if alias:
        for stage in stages:
            if stage.name == alias or stage.outcome == OUTCOME_ALIASES.get(alias):
                return stage
    raise Reason("{text!r} is not a stage (one of: {stages})", text=text, stages=", ".join(s.name for s in stages))


class StageEntry(msgspec.Struct, forbid_unknown_fields=True):
    """The moment a deal entered a stage."""

    stage: StageName
    at: datetime


class Payment(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """Money the customer paid on a won deal (one invoice, one instalment): an incentive plan
    that releases commission on payment (`release: paid`, sales/payout.py) pays in proportion."""

    amount: Money
    on: date
    note: LongText = ""  # the invoice or the payment's reference

    def __post_init__(self) -> None:
        self.amount = cents(self.amount)  # money is kept to the cent (half up)
        self.note = clean_line(self.note)
        if self.amount <= 0:
            raise Reason("a payment is more than 0, not {paid:g}", paid=self.amount).in_field("amount")


class Deal(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    account: Ref = ""
    product: Ref = ""  # what was sold (incentive plans may pay a rate per product)
    key_account: bool = False
    owner: Ref | None = None
    stage: StageName
    value: Money = 0
    close: date | None = None
    next_step: LongText = ""
    next_due: date | None = None  # when the next step is due (as Pipedrive's next activity's date)
    forecast: ForecastCategory = "auto"
    business: Business = "auto"  # a new customer or an existing one (BUSINESS_KINDS)
    lost_reason: Ref = ""  # why it was lost (sales/winloss.py); only a deal in a lost stage has one
    # the strategy (campaign) that brought it, as a CRM's deal source/campaign: it counts for that
    # strategy directly (sales/strategy_results.py); None: only through the tasks that worked on it
    strategy: Ref | None = None
    source: Ref = ""
    splits: Annotated[list[Split], msgspec.Meta(max_length=SPLITS_MAX)] = []  # others credited (sales/splits.py)
    payments: Annotated[list[Payment], msgspec.Meta(max_length=PAYMENTS_MAX)] = []  # what the customer paid
    history: list[StageEntry] = []

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.account = clean_line(self.account)
        self.product = clean_line(self.product)
        self.next_step = clean_multiline(self.next_step)
        self.lost_reason = clean_line(self.lost_reason)
        self.source = clean_line(self.source)
        self.value = cents(self.value)  # money is kept to the cent (half up)
        if not self.title:
            raise Reason("a deal needs a title").in_field("title")
        try:
            check_splits(self.owner, self.splits)
        except Reason as error:  # (a plan file says it at the deal's splits)
            raise error.in_field("splits") from None
        if paid_on(self) > self.value:
            raise Reason("the payments add up to {paid:,.2f}, more than the deal's value ({value:,.2f})",
                         paid=paid_on(self), value=self.value).in_field("payments")
        if self.history and self.history[-1].stage != self.stage:
            raise Reason("the deal is in {stage} but its history ends in {last}", stage=self.stage,
                         last=self.history[-1].stage).in_field("history")


def outcome_of(deal: Deal, stages: Iterable[Stage]) -> str | None:
    """Whether the deal is "open", "won" or "lost", by its stage (None: a stage the board lacks)."""
    return next((stage.outcome for stage in stages if stage.name == deal.stage), None)


def paid_on(deal: Deal, by: date | None = None) -> float:
    """What the customer has paid on the deal (to the cent): every payment recorded, or with
    `by` those dated on or before that day (a payment dated later is received from its day on)."""
    return cents(sum(p.amount for p in deal.payments if by is None or p.on <= by))


def paid_share(deal: Deal, by: date | None = None) -> float:
    """The part of the deal's value paid (by the day `by`, if given), from 0 to 1 (a deal of no
    value has nothing to wait for). Commission is released as the customer pays, so a payment
    dated after today releases nothing until its day."""
    return min(paid_on(deal, by) / deal.value, 1.0) if deal.value else 1.0


def paid_after(deal: Deal, day: date) -> tuple[float, date | None]:
    """What is recorded as paid on the deal with a date after `day`, and the first such date."""
    later = [p for p in deal.payments if p.on > day]
    return cents(sum(p.amount for p in later)), min((p.on for p in later), default=None)


def payments_kept(old: Deal, new: Deal, stages: Iterable[Stage]) -> Phrase | None:
    """What to tell a person who moved a deal its customer has paid on out of won (None for any
    other change). The move is allowed, as a CRM reopens a won deal, and the payments stay: money
    received is a record (a lead corrects one with `undo` or a plan file); reopened, they count
    again once it is won, lost, they say what of its commission was released and is taken back."""
    stages = list(stages)
    if not new.payments or outcome_of(old, stages) != "won" or outcome_of(new, stages) == "won":
        return None
    if outcome_of(new, stages) == "lost":
        return Phrase("{id} is lost and keeps the {paid:,.2f} its customer paid, for the record",
                      id=new.id, paid=paid_on(new))
    return Phrase("{id} is open again and keeps the {paid:,.2f} its customer paid, for the record: "
                  "it counts again once the deal is won", id=new.id, paid=paid_on(new))


def deal_number(deal: Deal) -> int:
    return int(deal.id.rsplit("-", 1)[1])


def closed_on(deal: Deal, outcome: str) -> date | None:
    """The day a won or lost deal closed: when it entered the stage it is in (its expected
    close date is a forecast, and stale once it is closed). None for an open deal."""
    if outcome == "open" or not deal.history:
        return None
    return deal.history[-1].at.date()


def is_slipped(deal: Deal, outcome: str, today: date) -> bool:
    """An open deal whose expected close date has passed (its stage's outcome is `outcome`)."""
    return outcome == "open" and deal.close is not None and deal.close < today


def pipeline_order(deal: Deal) -> tuple:
    """How cards stack in a column: biggest value first, then soonest close, then oldest."""
    return (-deal.value, deal.close or date.max, deal_number(deal))


# ---------------------------------------------------------------------- totals


class Totals(msgspec.Struct):
    count: int = 0
    value: float = 0.0
    weighted: float = 0.0


def weighted_value(deal: Deal, stages: Sequence[Stage]) -> float:
    probability = {s.name: s.probability for s in stages}.get(deal.stage, 0)
    return deal.value * probability / 100


def column_totals(deals: Iterable[Deal], stages: Sequence[Stage]) -> dict[str, Totals]:
    """Per stage: how many deals, their value and their weighted value."""
    totals = {s.name: Totals() for s in stages}
    probability = {s.name: s.probability for s in stages}
    for deal in deals:
        total = totals.get(deal.stage)
        if total is None:
            continue
        total.count += 1
        total.value += deal.value
        total.weighted += deal.value * probability[deal.stage] / 100
    return totals


def weighted_pipeline(deals: Iterable[Deal], stages: Sequence[Stage]) -> float:
    """The weighted value of the open deals: what the pipeline is expected to bring."""
    totals = column_totals(deals, stages)
    return sum(totals[s.name].weighted for s in stages if s.outcome == "open")


# ---------------------------------------------------------------------- stints and conversion


class Stint(msgspec.Struct):
    stage: str
    start: datetime
    end: datetime | None
    next_stage: str | None


def stints(deal: Deal) -> list[Stint]:
    entries = deal.history
    return [Stint(e.stage, e.at, nxt.at if nxt else None, nxt.stage if nxt else None)
            for e, nxt in zip(entries, list(entries[1:]) + [None])]


def advanced(stint: Stint, stages: Sequence[Stage]) -> bool:
    """Whether the stint ended by moving further along (a later open stage, or won)."""
    order = {s.name: i for i, s in enumerate(stages) if s.outcome != "lost"}
    if stint.next_stage not in order or stint.stage not in order:
        return False
    return order[stint.next_stage] > order[stint.stage]


class Conversion(msgspec.Struct):
    left: int = 0
    advanced: int = 0

    @property
    def rate(self) -> float | None:
        """Percent of the stints that ended by advancing; None when none ended."""
        return 100 * self.advanced / self.left if self.left else None


def conversions(deals: Iterable[Deal], stages: Sequence[Stage], since: datetime | None = None,
                until: datetime | None = None) -> dict[str, Conversion]:
    """Per open stage: stints that ended in [since, until), and how many of them advanced."""
    result = {s.name: Conversion() for s in stages if s.outcome == "open"}
    for deal in deals:
        for stint in stints(deal):
            if stint.end is None or stint.stage not in result:
                continue
            if (since is not None and stint.end < since) or (until is not None and stint.end >= until):
                continue
            result[stint.stage].left += 1
            result[stint.stage].advanced += advanced(stint, stages)
    return result


def days_in_stage(deals: Iterable[Deal], stages: Sequence[Stage]) -> dict[str, float | None]:
    """Per stage: the mean length in days of the stints that ended (None if none did)."""
    spans: dict[str, list[float]] = {s.name: [] for s in stages}
    for deal in deals:
        for stint in stints(deal):
            if stint.end is not None and stint.stage in spans:
                spans[stint.stage].append((stint.end - stint.start).total_seconds() / 86400)
    return {name: (sum(days) / len(days) if days else None) for name, days in spans.items()}


class FunnelRow(msgspec.Struct):
    stage: str
    probability: int
    outcome: str
    count: int
    value: float
    weighted: float
    left: int
    advanced: int
    conversion: float | None
    days: float | None
    trend: list[int] = []


def funnel(deals: Sequence[Deal], stages: Sequence[Stage]) -> list[FunnelRow]:
    """One row per stage: what is in it now, and how its past stints converted.

    The same numbers as `conversions` and `days_in_stage`, in one pass over the histories (the
    pipeline screen redraws this after every move).
    """
    totals = column_totals(deals, stages)
    order = {s.name: i for i, s in enumerate(stages) if s.outcome != "lost"}
    open_names = {s.name for s in stages if s.outcome == "open"}
    converted = {name: Conversion() for name in open_names}
    spans: dict[str, list[float]] = {s.name: [] for s in stages}
    for deal in deals:
        entries = deal.history
        for entry, following in zip(entries, entries[1:]):
            stage = entry.stage
            if stage in spans:
                spans[stage].append((following.at - entry.at).total_seconds() / 86400)
            if stage in converted:
                conv = converted[stage]
                conv.left += 1
                conv.advanced += order.get(following.stage, -1) > order.get(stage, len(order))
    days = {name: (sum(d) / len(d) if d else None) for name, d in spans.items()}
    rows = []
    for stage in stages:
        total, conv = totals[stage.name], converted.get(stage.name, Conversion())
        rows.append(FunnelRow(stage.name, stage.probability, stage.outcome, total.count, total.value,
                              total.weighted, conv.left, conv.advanced, conv.rate, days[stage.name]))
    return rows


# ---------------------------------------------------------------------- weekly snapshots


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_doc_id(day: date) -> int:
    """A number per ISO week (2026-W47 -> 202647): the snapshot's document id."""
    year, week, _ = day.isocalendar()
    return year * 100 + week


def stage_counts(deals: Iterable[Deal], stages: Sequence[Stage]) -> dict[str, int]:
    return {name: total.count for name, total in column_totals(deals, stages).items()}


def last_weeks(today: date, weeks: int) -> list[str]:
    """The ISO weeks ending with today's, oldest first."""
    monday = today - timedelta(days=today.weekday())
    return [iso_week(monday - timedelta(weeks=n)) for n in range(weeks - 1, -1, -1)]


def stage_renames(old: Sequence[Stage], new: Sequence[Stage], was_in: dict[str, str],
                  now_in: dict[str, str]) -> dict[str, str]:
    """The stages a new stage list renames, old name -> new name (a plan file renames a stage
    by its name: there is no id to match it by). A stage gone from the list is taken as renamed
    when every deal it held (`was_in`: deal id -> stage on the board) is in one stage new to the
    list (`now_in`: the file's); one that held no deal the file moves, when a new stage with the
    same outcome took its place in a list as long as before. Anything else is a stage dropped."""
    kept, came = {s.name for s in new}, {s.name for s in new} - {s.name for s in old}
    gone = [s.name for s in old if s.name not in kept]
    went: dict[str, set[str]] = {}
    for deal, stage in was_in.items():
        if stage in gone and deal in now_in:
            went.setdefault(stage, set()).add(now_in[deal])
    renames = {stage: next(iter(to)) for stage, to in went.items() if len(to) == 1 and to <= came}
    if len(old) == len(new):
        for before, after in zip(old, new):
            if before.name in gone and before.name not in went and after.name in came \
                    and after.name not in renames.values() and before.outcome == after.outcome:
                renames[before.name] = after.name
    return renames


def renamed(names: dict[str, str], renames: dict[str, str], stages: Sequence[Stage]) -> dict[str, str]:
    """The board's record of its stages' old names (old -> the name now) after `renames`: a name
    renamed twice leads to the latest; a name that is a stage again is its own once more."""
    merged = {old: renames.get(now, now) for old, now in names.items()} | renames
    current = {s.name for s in stages}
    return {old: now for old, now in merged.items() if old not in current and old != now}


def weekly_series(snapshots: dict[str, dict[str, int]], stages: Sequence[Stage], today: date,
                  weeks: int = 12) -> dict[str, list[int]]:
    """Per stage, its count at the end of each of the last `weeks` weeks.

    A snapshot is taken on every change of the pipeline, so a week without one saw no change:
    it carries the latest earlier snapshot forward (0 before the first).
    """
    wanted = last_weeks(today, weeks)
    earlier = sorted(w for w in snapshots if w < wanted[0])
    current = dict(snapshots[earlier[-1]]) if earlier else {}
    series: dict[str, list[int]] = {s.name: [] for s in stages}
    for week in wanted:
        if week in snapshots:
            current = snapshots[week]
        for name in series:
            series[name].append(int(current.get(name, 0)))
    return series
