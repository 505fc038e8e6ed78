"""Incentive plans (phase 5): how a rep's results turn into pay and recognition.

A plan is data on the board (and in plan files, section `incentives`):

- `quotas` per rep (and an optional `quota` for every other rep): attainment = won value / quota;
- `tiers` of commission by attainment, each `{from_pct, to_pct, rate}` (to_pct None = no upper
  end). The tiers are MARGINAL: each tier's rate is paid on the slice of won value that lies
  inside its band of the quota, the way income-tax brackets work. With 0-50% at 0%, 50-100% at
  5% and 100%+ at 8%, a rep with a quota of 100,000 who won 120,000 earns 0 on the first
  50,000, 5% of the next 50,000 and 8% (the accelerator) of the 20,000 above the quota;
- `product_rates`: a rate paid IN ADDITION to the tiers on the value of each won deal of that
  product (a kicker for the products the company pushes);
- `cap`: the most the commission (tiers and product rates together) may come to;
- `bonuses` for named achievements: a fixed amount when a measure reaches a threshold
  (attainment %, won value, won deals, new customers, activities); paid on top of the cap;
- `recognition`: something that is not money (a title, a place on a training course), given to
  every rep who reaches a threshold or, without a threshold, to the rep who leads on a measure;
- `clawback`: the commission counted on a deal that was won and then lost, or reopened after its
  cycle, is taken back (in the cycle it left won in);
- `release`: when commission is paid out. `won` (the default): as soon as the deal is won.
  `paid` ("pay on collection", as QuotaPath and Xactly call it): commission is still EARNED when
  the deal is won (attainment and tiers count won value), but each deal's commission is payable
  only in proportion to what the customer has paid on it (a deal's `payments`); the rest is held
  until the customer pays. Bonuses and recognition are not held.

How a statement is computed, line by line, is in sales/payout.py.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Literal

import msgspec

from sales.errors import Reason
from sales.numbers import cents
from sales.tasks import Ref, Title
from sales.text import clean_line

Money = Annotated[float, msgspec.Meta(ge=0, le=1e12)]
Rate = Annotated[float, msgspec.Meta(ge=0, le=100)]  # percent
Percent = Annotated[float, msgspec.Meta(ge=0, le=10_000)]  # attainment %

Release = Literal["won", "paid"]
RELEASES: tuple[str, ...] = ("won", "paid")
Measure = Literal["attainment", "won_value", "won_deals", "new_customers", "activities"]
MEASURES: tuple[str, ...] = ("attainment", "won_value", "won_deals", "new_customers", "activities")
MEASURE_LABELS = {"attainment": "attainment %", "won_value": "won value", "won_deals": "deals won",
                  "new_customers": "new customers", "activities": "activities"}


class Tier(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """Commission at `rate`% on the won value between from_pct% and to_pct% of the quota."""

    from_pct: Percent
    to_pct: Percent | None = None
    rate: Rate

    def __post_init__(self) -> None:
        if self.to_pct is not None and self.to_pct <= self.from_pct:
            raise Reason("a tier ends ({end:g}%) where or before it starts ({start:g}%)", end=self.to_pct,
                         start=self.from_pct).in_field("to_pct")


class ProductRate(msgspec.Struct, forbid_unknown_fields=True):
    product: Ref
    rate: Rate

    def __post_init__(self) -> None:
        self.product = clean_line(self.product)
        if not self.product:
            raise Reason("a product rate needs a product").in_field("product")


class Quota(msgspec.Struct, forbid_unknown_fields=True):
    """One rep's quota; 0 sets them no target (a rep ramping up), as a plan's `quota: 0` does for
    everyone: no tiers apply, the product rates and the bonuses on other measures do."""

    rep: Ref
    amount: Money


class Bonus(msgspec.Struct, forbid_unknown_fields=True):
    """A named achievement: `amount` when `measure` reaches `at_least`."""

    name: Title
    amount: Money
    measure: Measure
    at_least: float

    def __post_init__(self) -> None:
        self.name = clean_line(self.name)
        self.amount = cents(self.amount)  # money paid is kept to the cent, so the total is the sum of the lines
        if not self.name:
            raise Reason("a bonus needs a name").in_field("name")
        if not math.isfinite(self.at_least):  # (kept as null in the board's JSON: the board no longer read)
            raise Reason("a threshold is a number").in_field("at_least")


class Recognition(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """`award` (e.g. "Rep of the quarter", "a place at the negotiation masterclass") for every rep
    whose `measure` reaches `at_least`; with no threshold, for the one rep who leads on it. Shown
    on the leaderboard to the whole team, as Lattice shows public praise, unless `private`: then
    only on the rep's own statement (and to the leads), as their pay is."""

    award: Title
    measure: Measure
    at_least: float | None = None
    private: bool = False

    def __post_init__(self) -> None:
        self.award = clean_line(self.award)
        if not self.award:
            raise Reason("a recognition needs an award").in_field("award")
        if self.at_least is not None and not math.isfinite(self.at_least):
            raise Reason("a threshold is a number").in_field("at_least")


class IncentivePlan(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    name: Title
    quota: Money | None = None  # for reps without a quota of their own
    quotas: list[Quota] = []
    tiers: list[Tier] = []
    product_rates: list[ProductRate] = []
    cap: Money | None = None
    bonuses: list[Bonus] = []
    recognition: list[Recognition] = []
    clawback: bool = True
    release: Release = "won"  # when commission is paid: once the deal is won, or as the customer pays
    # the cycles it pays (either open): those that begin from `start` to `end`. A new plan for the
    # next cycle, and `end` on the old one, leave the statements of cycles already paid as they
    # were; a plan edited in place changes every cycle's, those approved and paid too
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        self.name = clean_line(self.name)
        if self.start is not None and self.end is not None and self.end < self.start:
            raise Reason("the plan ends ({end}) before it starts ({start})", end=self.end.isoformat(),
                         start=self.start.isoformat()).in_field("end")
        if self.cap is not None:
            self.cap = cents(self.cap)  # (the cap's line takes the commission down to it, to the cent)
        if not self.name:
            raise Reason("an incentive plan needs a name").in_field("name")
        self.tiers = sorted(self.tiers, key=lambda t: t.from_pct)
        for before, after in zip(self.tiers, self.tiers[1:]):
            if before.to_pct is None or before.to_pct > after.from_pct:
                raise Reason("tiers overlap: {one} and {other}", one=band(before), other=band(after)).in_field("tiers")
        reps = [q.rep for q in self.quotas]
        if len(set(reps)) != len(reps):
            raise Reason("a rep has two quotas").in_field("quotas")
        products = [p.product.casefold() for p in self.product_rates]
        if len(set(products)) != len(products):
            raise Reason("a product has two rates").in_field("product_rates")

    def pays_cycle(self, start: date | None) -> bool:
        """Whether the plan pays the cycle that begins on `start` (None: no cycle dates, any plan)."""
        if start is None:
            return True
        return (self.start is None or start >= self.start) and (self.end is None or start <= self.end)

    def quota_of(self, rep: str) -> float | None:
        return next((q.amount for q in self.quotas if q.rep == rep), self.quota)

    def covers(self, rep: str) -> bool:
        return self.quota_of(rep) is not None

    def product_rate(self, product: str) -> float | None:
        wanted = product.casefold()
        return next((p.rate for p in self.product_rates if p.product.casefold() == wanted), None) if product else None


def band(tier: Tier) -> str:
    """`50–100%`, or `100%+` for the open-ended top tier."""
    if tier.to_pct is None:
        return f"{tier.from_pct:g}%+"
    return f"{tier.from_pct:g}–{tier.to_pct:g}%"


def in_force(plans: list[IncentivePlan], start: date | None) -> list[IncentivePlan]:
    """The plans that pay the cycle beginning on `start` (IncentivePlan.start and end)."""
    return [plan for plan in plans if plan.pays_cycle(start)]


def outranked(plans: list[IncentivePlan], plan_id: str, reps: list[str]) -> dict[str, list[str]]:
    """The reps `plan_id` has a quota for but another plan pays (plan_for), by that plan's id, of
    `plans` in force in a cycle: a plan for the next cycle set while the last one's still pays
    every cycle pays no one, which `incentive set` says rather than leave the lead to find out."""
    plan = next((p for p in plans if p.id == plan_id), None)
    found: dict[str, list[str]] = {}
    for rep in reps if plan is not None else []:
        payer = plan_for(plans, rep)
        if plan.covers(rep) and payer is not None and payer.id != plan_id:
            found.setdefault(payer.id, []).append(rep)
    return found


def plan_for(plans: list[IncentivePlan], rep: str) -> IncentivePlan | None:
    """The plan that pays `rep`: the first (by id) naming the rep's quota, else the first with a
    quota for everyone (of `plans`: those in force in the cycle, in_force)."""
    named = [p for p in plans if any(q.rep == rep for q in p.quotas)]
    if named:
        return named[0]
    return next((p for p in plans if p.quota is not None), None)
