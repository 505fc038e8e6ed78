"""A rep's payout statement: every line of its derivation, so a rep can check it by hand.

Order of the lines (and of the arithmetic):
  1. the deals won in the cycle, then won value against the quota = attainment;
  2. one line per tier reached (marginal: each tier's rate on the slice of won value inside its band;
     a tier that starts at 100% or above is the accelerator);
  3. one line per won deal of a product with a product rate (paid on top of the tiers);
  4. the cap, if the commission of 2 and 3 exceeds it (a negative line bringing it down);
  5. bonuses reached (not subject to the cap);
  6. clawbacks: for each deal won in an earlier cycle and lost, or reopened, in this one (a
     reopening after the cycle acts as a loss after it: sales/review.py), the commission it
     earned when it was counted (one won and lost in this cycle is a note: it was never counted,
     and a statement approved while it was won shows the change), i.e. the tiered commission of the slice it occupied then (the rep's won value
     counted before it, up to that plus its value) plus its product rate, cut as the cap cut
     that cycle's commission (RepResults.won_with: the cycle's won deals, where the board knows
     its dates; else from the bottom of the tiers, at most the cap): never more than it paid;
  7. under a plan that releases commission as customers pay (`release: paid`): one line per won
     deal with a commission, saying what it earned, what the customer has paid of the deal, what
     of its commission is payable now and what is held until the customer pays (a negative
     amount: the held part), then a note with the statement's earned, payable and held sums;
  7b. commission an earlier cycle's approved statement held and customer payments dated in this
     cycle released since ("released on payment of D-7, earned in P-1: 1,200.00"), and on that
     earlier cycle's own statement the same taken off again (`Released`: the store finds them);
  8. a balance below zero that an approved statement of an earlier cycle left (the rep owed a
     clawback that cycle's commission did not cover, or payroll paid beyond its latest approval),
     netted here (`Carried`: the store finds it);
  9. the total: the sum of the lines above, each rounded to cents, never below zero: a sum below
     zero is paid as 0.00 and a line carries the rest into the next cycle not yet paid (as
     QuotaPath and Xactly carry a recoverable balance), whose statement nets it once this one is
     approved (a next cycle paid already stands as paid: the balance passes over it). That line's
     amount is what it adds (+800.00) and its words say the same figure ("800.00 owed"). Under
     `release: paid` it is what is payable now: what approvals sign off and payroll pays.

Release on payment (sales/incentives.py, `release: paid`). A deal's commission is the tiered
slice of won value it occupies (the deals in the order they were won, the rep's won value before
it up to that plus its value: the same slice a clawback takes back) plus its product rate; the
slices add up to the tier lines. When the cap cut the commission, each deal's is cut in the same
proportion. Of a deal's commission, the part the customer has paid of the deal (paid / value) is
payable; the rest is held (each rounded to the cent). Attainment and tiers still count won value
(commission is earned at booking; only its release waits); bonuses are not held. A deal lost
after it was won takes back only what was released of its commission: its commission times the
part of it that had been paid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Literal

import msgspec

from sales.approvals import Approval, PayoutHold
from sales.goals import number
from sales.numbers import cents, half_up, rounded
from sales.incentives import MEASURE_LABELS, IncentivePlan, Recognition, Tier, band, in_force, plan_for
from sales.review import RepResults, WonDeal
from sales.errors import Word
from sales.phrases import Phrase

LineKind = Literal["won", "attainment", "tier", "product", "cap", "bonus", "clawback", "held", "released", "carried",
                   "total", "note", "forfeited"]
#: the line that carries a sum below zero into the next cycle (the store reads it back from an
#: approval, whose lines keep their template: carried_from_approval). Its amount is what it adds
#: here (+800.00, bringing -800.00 up to 0.00), and its words say that figure: what is owed.
CARRIED_OUT = "{owed} owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero"
#: its words before they said the amount as the line adds it (approvals made then keep them, and
#: are said in the reader's language: the template stays in the catalogue)
CARRIED_OUT_BEFORE = Phrase(
    "balance of {balance} carried into the next cycle: nothing is paid below zero").template
#: its words before they said that the balance passes over a next cycle paid already, to the
#: first not yet paid (store: _lands_here), kept as CARRIED_OUT_BEFORE is
CARRIED_OUT_NEXT = Phrase(
    "{owed} owed, carried into the next cycle as a balance: nothing is paid below zero").template


class Line(msgspec.Struct):
    kind: LineKind
    text: str
    amount: float | None = None  # what the line adds to the payout (None: an explanation)


class DealRelease(msgspec.Struct):
    """One won deal's commission under `release: paid`: earned, payable now, held until paid."""

    deal: str
    value: float  # the deal's whole value (a split share's deal, not the share)
    paid: float  # what the customer has paid on it
    paid_pct: float  # of the deal's value the customer has paid
    earned: float
    payable: float
    held: float
    due: float = 0.0  # recorded as paid with a date after today: released from that day on
    due_on: date | None = None  # the first of those dates


class Carried(msgspec.Struct):
    """A balance below zero that an approved statement of an earlier cycle left (`approval`, of
    the cycle from `start` to `end`): the next statement nets it."""

    approval: str
    start: date
    end: date
    amount: float  # below zero


def balances(carried: "Carried | Sequence[Carried] | None") -> list[Carried]:
    """The balances below zero carried into a statement: none, one, or several (an overpaid
    balance that passed over later cycles already paid lands beside the last cycle's own)."""
    found = [carried] if isinstance(carried, Carried) else list(carried or ())
    return [c for c in found if c.amount < 0]


def carried_from_approval(total: float, lines: Sequence[tuple[str, float | None, object]]) -> float:
    """What an approved statement left below zero, from its total and its lines (text, amount,
    kept template): its carry line's amount (the total was brought up to 0.00 by it), or a total
    below zero itself (one approved before balances were carried). 0.0: nothing."""
    def carries(text: str, said: object) -> bool:
        if isinstance(said, dict) and said.get("template") in (CARRIED_OUT, CARRIED_OUT_NEXT, CARRIED_OUT_BEFORE):
            return True
        return any(text.startswith(head) and text.endswith(tail) for head, tail in (
            CARRIED_OUT.split("{owed}"), CARRIED_OUT_NEXT.split("{owed}"), CARRIED_OUT_BEFORE.split("{balance}")))

    carried = sum(amount for text, amount, said in lines if amount and carries(text, said))
    return cents(min(total, 0.0) - carried) + 0.0


class Released(msgspec.Struct):
    """Commission of deal `deal`, earned in an earlier cycle (`start` to `end`) whose approved
    statement held it, that customer payments released after that approval (store: released):
    on the statement of the cycle the payments are dated in, once (`amount`, above zero), and
    on that earlier cycle's own statement taken off again (`later`), so that approving it again
    does not pay it twice."""

    deal: str
    approval: str  # the first approval of the cycle it was earned in (P-1: it stays when approved again)
    start: date
    end: date
    amount: float
    later: bool = False  # True: the earning cycle's own line (paid in later cycles' statements)


#: an approved statement's line that holds a deal's commission until its customer pays: its
#: values say what it earned and what was payable then (store: released)
HELD_LINE = "{id}: commission {earned} earned; customer paid "
#: an approved statement's line that took off what later cycles' statements released of a deal
RELEASED_LATER = "{id}: {amount} of its commission released on payments after {end}, paid in later cycles"


class Statement(msgspec.Struct):
    rep: str
    plan: str | None  # incentive plan id
    quota: float | None
    won_value: float
    attainment: float | None
    commission: float
    bonuses: float
    clawback: float
    total: float
    lines: list[Line]
    recognition: list[str] = []
    approval: Approval | None = None  # the lead's latest sign-off for the cycle (store: payouts())
    paid: float | None = None  # paid for the cycle so far (sales.approvals.paid_so_far)
    release: str = "won"  # the plan's release: "won", or "paid" (commission released as customers pay)
    #: what the cycle's own lines come to, nothing held (commission, bonuses, clawbacks; no balance
    #: carried in or out): earned - held + carried_in = total + carried_out
    earned: float = 0.0
    held: float = 0.0  # commission held until customers pay (release "paid")
    deals: list[DealRelease] = []  # per won deal with commission (release "paid")
    carried_in: float = 0.0  # a balance below zero an earlier cycle's approved statement left, netted here
    carried_out: float = 0.0  # below zero: what this cycle's sum left, carried into the next (the total is 0)
    #: commission earned in earlier approved cycles that payments dated in this one released (less
    #: what later cycles' statements released of this one's): earned - held + released + carried_in
    #: = total + carried_out
    released: float = 0.0
    #: below zero: what payroll paid for the cycle beyond its latest approval (approved again lower),
    #: carried into the next cycle not yet paid as a balance (sales.approvals.overpaid)
    overpaid: float = 0.0
    #: a lead's hold on it for the cycle (store: holds): not approved or paid until released
    hold: PayoutHold | None = None


def money(value: float) -> str:
    """An amount paid: always two decimals, thousands separated (`1,120.00`, `-620.00`), rounded
    half up as payroll rounds (sales.numbers.rounded: 0.125 is 0.13, not 0.12)."""
    return rounded(cents(value), 2)


def amount_of(value: float) -> str:
    """A sum of money a statement names (a deal's value, what was paid, a tier's base): whole
    ones as they are (`1,200`), others to the cent (`536.10`; it said `536.1`)."""
    return number(value) if value == int(value) else rounded(cents(value), 2)


def pct(value: float) -> str:
    """`12.5%`, `80%`, rounded half up (70.65 is 70.7%); a value that rounds to nothing is 0%, not -0%."""
    return f"{rounded(half_up(value, 1), 1, grouped=False)}%".replace(".0%", "%")


def attainment_pct(value: float, marks: Sequence[float]) -> str:
    """pct(value), with as many more decimals as it takes not to reach a mark (a tier's edge, a
    bonus's threshold, 100%) that the attainment falls short of: 99.96% of the quota is `99.96%`,
    not `100%` beside a quota bonus and an accelerator it did not earn."""
    digits = 1
    while digits < 6 and any(value < mark <= half_up(value, digits) for mark in marks):
        digits += 1
    if digits == 1:
        return pct(value)
    if any(value < mark <= half_up(value, digits) for mark in marks):  # (a hair short: cut, not rounded)
        return f"{math.floor(value * 10 ** digits) / 10 ** digits:.{digits}f}%"
    return f"{rounded(half_up(value, digits), digits, grouped=False)}%"


def _marks(plan: IncentivePlan) -> list[float]:
    """The attainments at which a plan pays differently: 100%, its tiers' edges and its bonuses'
    and recognitions' attainment thresholds."""
    marks = [100.0, *(t.from_pct for t in plan.tiers), *(t.to_pct for t in plan.tiers if t.to_pct is not None)]
    return marks + [b.at_least for b in [*plan.bonuses, *plan.recognition]
                    if b.measure == "attainment" and b.at_least is not None]


def tier_slices(sales: float, quota: float, tiers: Sequence[Tier]) -> list[tuple[Tier, float]]:
    """(tier, the part of `sales` inside its band) for each tier (marginal tiers)."""
    slices = []
    for tier in tiers:
        low = quota * tier.from_pct / 100
        high = quota * tier.to_pct / 100 if tier.to_pct is not None else float("inf")
        slices.append((tier, max(0.0, min(sales, high) - low)))
    return slices


def tiered(sales: float, quota: float, tiers: Sequence[Tier]) -> float:
    """The tiered commission on `sales`, unrounded."""
    return sum(part * tier.rate / 100 for tier, part in tier_slices(sales, quota, tiers))


def measure(results: RepResults, name: str, quota: float | None) -> float | None:
    if name == "attainment":
        return results.won_value / quota * 100 if quota else None
    return {"won_value": results.won_value, "won_deals": results.won_deals,
            "new_customers": results.new_customers, "activities": results.activities}[name]


def _tier_line(tier: Tier, rate_base: float, amount: float, below: float = 0.0) -> Phrase:
    """`tier 0–100%: 2% of 42,400 = 848.00`, or an accelerator's line: a tier from 100% of the
    quota or above that pays more than any tier below 100% (`below`: their highest rate); one
    that pays less (a decelerator, against overpaying on a windfall) is a tier like any other."""
    if tier.from_pct >= 100 and tier.rate > below:
        if tier.to_pct is None:
            return Phrase("accelerator above {low:g}%: {rate:g}% of {base} = {amount}", low=tier.from_pct,
                          rate=tier.rate, base=amount_of(rate_base), amount=money(amount))
        return Phrase("accelerator {band}: {rate:g}% of {base} = {amount}", band=band(tier), rate=tier.rate,
                      base=amount_of(rate_base), amount=money(amount))
    return Phrase("tier {band}: {rate:g}% of {base} = {amount}", band=band(tier), rate=tier.rate,
                  base=amount_of(rate_base), amount=money(amount))


def _won_line(deal: WonDeal) -> Phrase:
    """`won 12,000 on D-7 Nordmill new line (GTX), a 50% split of 24,000`: a deal the rep won."""
    values = {"value": amount_of(deal.value), "id": deal.id, "title": deal.title}
    if deal.whole is not None:
        values |= {"share": f"{deal.share * 100:.4g}", "whole": amount_of(deal.whole)}
        if deal.product:
            return Phrase("won {value} on {id} {title} ({product}), a {share}% split of {whole}",
                          product=deal.product, **values)
        return Phrase("won {value} on {id} {title}, a {share}% split of {whole}", **values)
    if deal.product:
        return Phrase("won {value} on {id} {title} ({product})", product=deal.product, **values)
    return Phrase("won {value} on {id} {title}", **values)


def statement(plan: IncentivePlan | None, results: RepResults, every_plan: Sequence[IncentivePlan] = (),
              carried: Carried | Sequence[Carried] | None = None, paid_since: Sequence[Released] = ()) -> Statement:
    """The payout statement of one rep under `plan` (None: the rep is on no incentive plan).
    `every_plan`: the board's plans, each with the cycles it pays: a deal clawed back is taken
    back as the plan of the cycle it was won in paid it (its rates, quota and cap), where the
    board knows that cycle (RepResults.won_in); else as `plan` pays. `carried`: the balances
    below zero earlier cycles' approved statements left (netted here; on no plan they wait).
    `paid_since`: commission held by earlier approved statements that payments released since
    (Released: added here, or, `later`, taken off this cycle's own as later cycles pay it)."""
    lines: list[Line] = []
    for deal in results.won:
        lines.append(Line("won", _won_line(deal)))
    for deal, stage in results.reopened:  # (a deal that left the list above says why)
        lines.append(Line("note", Phrase("{id} was won on {day} and is open again ({stage}): not counted while "
                                         "it is open", id=deal.id, day=deal.won_at.date().isoformat(), stage=stage)))
    for deal, day in results.won_and_lost:
        lines.append(Line("note", Phrase("{id} was won on {day} and lost on {lost}, in the cycle: not counted, "
                                         "nothing to claw back", id=deal.id, day=deal.won_at.date().isoformat(),
                                         lost=day.isoformat())))
    if plan is None:
        lines.append(Line("note", Phrase("{rep} is on no incentive plan: nothing to pay", rep=results.rep)))
        return Statement(results.rep, None, None, results.won_value, None, 0, 0, 0, 0, lines)
    quota = plan.quota_of(results.rep)
    attainment = results.won_value / quota * 100 if quota else None
    if quota:
        lines.append(Line("attainment", Phrase("won value {won} of quota {quota} = attainment {pct}",
                                               won=amount_of(results.won_value), quota=amount_of(quota),
                                               pct=attainment_pct(attainment, _marks(plan)))))
        for tier, part, amount in _tier_amounts(results.won_value, quota, plan.tiers):
            if part == 0 and tier.from_pct > 0:
                continue  # a band the rep did not reach
            below = max((t.rate for t in plan.tiers if t.from_pct < 100), default=0.0)
            lines.append(Line("tier", _tier_line(tier, part, amount, below), amount))
    elif quota == 0:  # (a quota of 0 sets no target: said as it is set, not as none)
        lines.append(Line("note", Phrase("{rep}'s quota in {plan} is 0: tiers not applied", rep=results.rep,
                                         plan=plan.id)))
    else:
        lines.append(Line("note", Phrase("no quota for {rep} in {plan}: tiers not applied", rep=results.rep,
                                         plan=plan.id)))
    for deal, rate, amount in _product_amounts(plan, results.won):
        if rate:
            lines.append(Line("product", Phrase("won {value} on {product} at {rate:g}% ({id}) = {amount}",
                                                value=amount_of(deal.value), product=deal.product, rate=rate,
                                                id=deal.id, amount=money(amount)), amount))
    commission = sum(line.amount for line in lines if line.amount is not None)
    cut_to = 1.0  # the share of each deal's commission the cap leaves
    if plan.cap is not None and commission > plan.cap:
        cut = cents(plan.cap - commission)
        lines.append(Line("cap", Phrase("cap {cap} applied: {cut}", cap=amount_of(plan.cap), cut=money(cut)), cut))
        cut_to = plan.cap / commission
        commission = plan.cap
    bonuses = 0.0
    for bonus in plan.bonuses:
        value = measure(results, bonus.measure, quota)
        if value is not None and value >= bonus.at_least:
            bonuses += bonus.amount
            # (the measure as the statement says it elsewhere: won value to the cent, read 0 ≥ 0.01
            # when rounded to a tenth; attainment as its line says it)
            shown = attainment_pct(value, _marks(plan))[:-1] if bonus.measure == "attainment" else \
                amount_of(value) if bonus.measure == "won_value" else number(value)
            said = dict(name=bonus.name, value=shown, least=number(bonus.at_least), amount=money(bonus.amount))
            lines.append(Line("bonus", Phrase("bonus “{name}”: attainment {value}% ≥ {least}% = {amount}", **said)
                              if bonus.measure == "attainment" else
                              Phrase("bonus “{name}”: {measure} {value} ≥ {least} = {amount}",
                                     measure=Word(MEASURE_LABELS[bonus.measure]), **said), bonus.amount))
    clawback = 0.0
    on_payment = plan.release == "paid"
    if plan.clawback:
        for deal in results.lost_after_won:
            before = results.counted_before.get(deal.id, 0.0)
            cycle = results.won_in.get(deal.id)
            paid_by = (plan_for(in_force(list(every_plan), cycle[0]), results.rep) or plan) if cycle else plan
            quota_then = paid_by.quota_of(results.rep)
            earned = _deal_commission(paid_by, quota_then, before, deal)
            # what the cap left of it then: taken back whole, a 200,000 deal paid at a 6,000 cap
            # clawed back 17,500; in a cycle whose dates are not known, at most the cap
            then = results.won_with.get(deal.id)
            cut = _cap_cut(paid_by, quota_then, then) if then is not None else 1.0
            earned *= cut
            capped = cut < 1
            if then is None and paid_by.cap is not None and earned > paid_by.cap:
                earned, capped = paid_by.cap, True
            released = paid_by.release == "paid"  # (as the plan that paid it released it)
            if released:  # only what was released of it (the part paid) was the rep's
                earned *= deal.collected
            amount = -cents(earned) + 0.0  # (+ 0.0: a clawback of nothing is 0.00, not -0.00)
            clawback += amount
            said = dict(id=deal.id, value=amount_of(deal.value), amount=money(amount))
            if released and deal.collected_then is not None:  # released in part by payments since its cycle
                said = _clawback_released_since(capped, deal, said)
            elif deal.reopened:  # (moved back into the pipeline after its cycle: taken back as a loss is)
                said = _reopened_clawback(capped, released, deal, said)
            elif capped:
                said = Phrase("clawback {id} lost after won (commission counted on {value}, cut by the cap then, "
                              "{pct} of it released as paid): {amount}", pct=pct(deal.collected * 100), **said) \
                    if released else \
                    Phrase("clawback {id} lost after won (commission counted on {value}, cut by the cap then): "
                           "{amount}", **said)
            else:
                said = Phrase("clawback {id} lost after won (commission counted on {value}, {pct} of it released "
                              "as paid): {amount}", pct=pct(deal.collected * 100), **said) if released else \
                    Phrase("clawback {id} lost after won (commission counted on {value}): {amount}", **said)
            lines.append(Line("clawback", said, amount))
    releases = _releases(plan, quota, results, cut_to, commission) if on_payment else []
    held = cents(sum(r.held for r in releases))
    gone_since = {deal.id: deal for deal in results.won if deal.gone_to}
    for release in releases:
        said = dict(id=release.deal, earned=money(release.earned), paid=amount_of(release.paid),
                    value=amount_of(release.value), pct=pct(release.paid_pct), payable=money(release.payable),
                    held=money(release.held))
        text = Phrase("{id}: commission {earned} earned; customer paid {paid} of {value} ({pct}), and {due} "
                      "dated {day}, counted from that day: {payable} payable, {held} held until paid",
                      due=amount_of(release.due), day=release.due_on.isoformat(), **said) if release.due_on else \
            Phrase("{id}: commission {earned} earned; customer paid {paid} of {value} ({pct}): "
                   "{payable} payable, {held} held until paid", **said)
        lines.append(Line("held", text, -release.held if release.held else None))
        if release.held and (gone := gone_since.get(release.deal)) is not None:
            lines.append(Line("forfeited", _forfeited(gone, money(release.held))))
    for item in paid_since:
        if item.later:
            lines.append(Line("released", Phrase(
                "{id}: {amount} of its commission released on payments after {end}, paid in later cycles",
                id=item.deal, amount=money(item.amount), end=item.end.isoformat()), -item.amount))
        else:
            lines.append(Line("released", Phrase("released on payment of {id}, earned in {approval}: {amount}",
                                                 id=item.deal, approval=item.approval, amount=money(item.amount)),
                              item.amount))
    carried_in = 0.0
    for balance in balances(carried):  # (each earlier cycle's, oldest first)
        amount = cents(balance.amount)
        carried_in = cents(carried_in + amount)
        lines.append(Line("carried", Phrase("balance carried from {start} to {end} ({approval}): {amount}",
                                            start=balance.start.isoformat(), end=balance.end.isoformat(),
                                            approval=balance.approval, amount=money(amount)), amount))
    # the cycle's own: every line but what is held and the balances (earned as if nothing were held)
    earned = cents(sum(line.amount for line in lines if line.amount is not None and line.kind not in
                       ("held", "released", "carried")))
    released_sum = cents(sum(line.amount for line in lines if line.kind == "released"))
    total = cents(sum(line.amount for line in lines if line.amount is not None))
    carried_out = 0.0
    if total < 0:  # never paid below zero: the rest carries on into the next cycle not yet paid
        carried_out, total = total, 0.0
        lines.append(Line("carried", Phrase(  # (the template written out, CARRIED_OUT: the i18n test reads it)
            "{owed} owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero",
            owed=money(-carried_out)), -carried_out))
    if on_payment:  # (the cycle's own figures: earned = payable + held; the balances are their lines)
        lines.append(Line("note", Phrase("released as customers pay: earned {earned}; payable {total}; held {held} "
                                         "until customers pay", earned=money(earned), total=money(earned - held),
                                         held=money(held))))
        lines.append(Line("total", Phrase("total payable now = {total}", total=money(total)), total))
    else:
        lines.append(Line("total", Phrase("total payout = {total}", total=money(total)), total))
    return Statement(results.rep, plan.id, quota, results.won_value, attainment, cents(commission),
                     bonuses, cents(clawback), total, lines, release=plan.release,
                     earned=earned, held=held, deals=releases, carried_in=carried_in,
                     carried_out=carried_out, released=released_sum)


def _clawback_released_since(capped: bool, deal: WonDeal, said: dict) -> Phrase:
    """The clawback line of a deal whose commission its cycle released in part (the part paid
    by its end) and payments since released the rest of (a line "released on payment of ..."
    paid it): what it takes back is what was released, said as it was, not as one share."""
    then = deal.collected_then or 0.0
    said = dict(said, then=pct(then * 100), since=pct((deal.collected - then) * 100))
    if deal.reopened:
        said["stage"] = deal.reopened
        if capped:
            return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}, cut by the cap "
                          "then, {then} of it released as paid in its cycle and {since} on payments since): {amount}",
                          **said)
        return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}, {then} of it "
                      "released as paid in its cycle and {since} on payments since): {amount}", **said)
    if capped:
        return Phrase("clawback {id} lost after won (commission counted on {value}, cut by the cap then, {then} of "
                      "it released as paid in its cycle and {since} on payments since): {amount}", **said)
    return Phrase("clawback {id} lost after won (commission counted on {value}, {then} of it released as paid in "
                  "its cycle and {since} on payments since): {amount}", **said)


def _reopened_clawback(capped: bool, released: bool, deal: WonDeal, said: dict) -> Phrase:
    """The clawback line of a deal won in an earlier cycle and reopened (moved back into the
    pipeline, to `deal.reopened`) in this one: taken back as a loss after its cycle is; it counts
    again in the cycle it is won again in."""
    said = dict(said, stage=deal.reopened)
    if capped and released:
        return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}, cut by the cap "
                      "then, {pct} of it released as paid): {amount}", pct=pct(deal.collected * 100), **said)
    if capped:
        return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}, cut by the cap "
                      "then): {amount}", **said)
    if released:
        return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}, {pct} of it "
                      "released as paid): {amount}", pct=pct(deal.collected * 100), **said)
    return Phrase("clawback {id} reopened after won ({stage}; commission counted on {value}): {amount}", **said)


def _cap_cut(plan: IncentivePlan, quota: float | None, won: Sequence[WonDeal]) -> float:
    """The share of each deal's commission that the cap left in a cycle the rep won `won` in
    (1.0: the cap did not cut it), as that cycle's statement worked it out: its tier and product
    lines, each to the cent."""
    if plan.cap is None:
        return 1.0
    total = cents(sum(d.value for d in won))
    commission = sum(amount for _tier, _part, amount in _tier_amounts(total, quota, plan.tiers)) if quota else 0.0
    commission += sum(amount for _deal, _rate, amount in _product_amounts(plan, won))
    return plan.cap / commission if commission > plan.cap else 1.0


def _tier_amounts(sales: float, quota: float, tiers: Sequence[Tier]) -> list[tuple[Tier, float, float]]:
    """(tier, the part of `sales` in its band, its commission to the cent) for each tier: the
    statement's tier lines, and what a clawback reads the cap's cut from (_cap_cut)."""
    return [(tier, part, cents(part * tier.rate / 100)) for tier, part in tier_slices(sales, quota, tiers)]


def _product_amounts(plan: IncentivePlan, won: Sequence[WonDeal]) -> list[tuple[WonDeal, float, float]]:
    """(deal, its product's rate or 0, the rate's commission on it to the cent) for each won deal:
    the statement's product lines, and _cap_cut's."""
    found = []
    for deal in won:
        rate = plan.product_rate(deal.product) or 0
        found.append((deal, rate, cents(deal.value * rate / 100)))
    return found


def _deal_commission(plan: IncentivePlan, quota: float | None, before: float, deal: WonDeal) -> float:
    """The commission one won deal earned, unrounded: the tiered slice it occupies on top of the
    rep's won value counted `before` it, plus its product rate."""
    earned = tiered(before + deal.value, quota, plan.tiers) - tiered(before, quota, plan.tiers) if quota else 0.0
    return earned + deal.value * (plan.product_rate(deal.product) or 0) / 100


#: the templates of the "forfeited" note (_forfeited): sales.approvals leaves them out of comparisons
FORFEITED = ("{id} was lost since: the {held} held will not be released",
             "{id} was reopened since ({stage}): the {held} held will not be released; won again, it counts "
             "in the cycle it is won in")


def _forfeited(deal: WonDeal, held: str) -> Phrase:
    """What a past cycle's statement says under the held line of a deal lost or reopened since
    (WonDeal.gone_to): no payment will release what it held (the cycle it left won in clawed back
    what was released), not "held until paid" as if the customer might still pay. A note (no
    amount): an approval made before it stands (sales.approvals leaves it out of comparisons)."""
    if deal.gone_lost:
        return Phrase("{id} was lost since: the {held} held will not be released", id=deal.id, held=held)
    return Phrase("{id} was reopened since ({stage}): the {held} held will not be released; won again, it "
                  "counts in the cycle it is won in", id=deal.id, stage=deal.gone_to, held=held)


def _releases(plan: IncentivePlan, quota: float | None, results: RepResults, cut_to: float,
              commission: float) -> list[DealRelease]:
    """Each won deal's commission (cut as the cap cut the whole) split into what the customer's
    payments release and what is held (sales/incentives.py `release: paid`). The deals' shares
    are rounded so that they add up to `commission`, the statement's tier, product and cap lines
    as written (each rounded on its own, they could miss it by a cent)."""
    shares, before = [], 0.0
    for deal in results.won:  # (in the order they were won: each fills the tiers after the last)
        shares.append(_deal_commission(plan, quota, before, deal) * cut_to)
        before = cents(before + deal.value)
    rounded_shares, running, said = [], 0.0, 0.0
    for share in shares:  # each the cents its running sum adds (so they add up as the whole does)
        running += share
        rounded_shares.append(cents(cents(running) - said))
        said = cents(running)
    if rounded_shares and said != cents(commission):  # (the lines rounded one by one: the rest goes on the last)
        last = max(i for i, share in enumerate(rounded_shares) if share or i == 0)
        rounded_shares[last] = cents(rounded_shares[last] + cents(commission) - said)
    releases = []
    for deal, earned in zip(results.won, rounded_shares):
        if not earned:
            continue
        held = cents(earned * (1 - deal.collected)) + 0.0
        whole = deal.whole if deal.whole is not None else deal.value
        releases.append(DealRelease(deal.id, whole, cents(whole * deal.collected), cents(deal.collected * 100),
                                    earned, cents(earned - held), held, deal.due, deal.due_on))
    return releases


def recognitions(plan: IncentivePlan, results: Sequence[RepResults]) -> dict[str, list[str]]:
    """rep -> the awards of `plan` they earned (ties for the lead all get it)."""
    return {rep: [item.award for item in items] for rep, items in awarded(plan, results).items()}


def awarded(plan: IncentivePlan, results: Sequence[RepResults]) -> dict[str, list[Recognition]]:
    """rep -> the recognitions of `plan` they earned, each with whether it is private."""
    earned: dict[str, list[Recognition]] = {}
    covered = [r for r in results if plan.covers(r.rep)]
    for item in plan.recognition:
        values = {r.rep: measure(r, item.measure, plan.quota_of(r.rep)) for r in covered}
        values = {rep: v for rep, v in values.items() if v is not None}
        if item.at_least is not None:
            winners = [rep for rep, v in values.items() if v >= item.at_least]
        else:
            best = max(values.values(), default=None)
            winners = [rep for rep, v in values.items() if best and v == best]
        for rep in winners:
            earned.setdefault(rep, []).append(item)
    return earned
