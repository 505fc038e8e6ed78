"""Win/loss against a small set of closed deals worked out by hand.

Window 2026-10-01 to 2026-12-31. Default stages (Lead, Qualified, Proposal, Negotiation, Won, Lost).

D-1 ali  GTX   Won  40,000  Lead 10-01 -> Proposal 10-10 -> Won 10-21          (20 days)
D-2 ali  GTX   Lost 10,000  Lead 10-01 -> Proposal 10-05 -> Lost 10-11  "Price"  (10 days)
D-3 bea  Pro   Lost 30,000  Lead 10-01 -> Negotiation 11-01 -> Lost 11-11 "price " (41 days)
D-4 bea  GTX   Won  20,000  Lead 10-01 -> Won 11-30                               (60 days)
D-5 bea  Pro   Lost  5,000  Lead 10-01 -> Won 10-20 -> Lost 10-31, no reason      (30 days)
D-6 ali  GTX   Lost 15,000  Lead 10-01 -> Lost 10-16 "competitor"                 (15 days)
D-7 ali  GTX   Won  99,000  Won 09-20: closed before the window (left out)
D-8 ali  GTX   open Proposal: not closed (left out)

Closed in the window: won D-1, D-4 (2, 60,000); lost D-2, D-3, D-5, D-6 (4, 60,000).
Win rate 2/6 = 33.3%; by value 60,000 / 120,000 = 50%.
Days to win: 20, 60 -> median 40. Days to lose: 10, 41, 30, 15 -> median (15+30)/2 = 22.5.
Reasons: price (D-3 30,000 + D-2 10,000 = 40,000, 66.7% of 60,000), competitor (15,000, 25%);
no reason: D-5. The reason is spelled "Price" once and "price " (cleaned to "price") once: a tie,
so the first spelling in the deals' order by value (D-3's "price") names it.
Lost at: Lead D-6 15,000 (25%); Proposal D-2 10,000; Negotiation D-3 30,000 (50%);
after won D-5 5,000.
By rep: ali won 1 (40,000), lost 2 (25,000) -> 33.3%; bea won 1 (20,000) lost 2 (35,000) -> 33.3%.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.winloss import AFTER_WON, LOST_REASONS, known_reasons, win_loss

START, END = date(2026, 10, 1), date(2026, 12, 31)


def at(m: int, d: int, y: int = 2026) -> datetime:
    return datetime(y, m, d, 12, tzinfo=timezone.utc)


def deal(number: int, owner: str, product: str, value: float, *moves: tuple[str, datetime],
         reason: str = "") -> Deal:
    return Deal(id=f"D-{number}", title=f"Deal {number}", owner=owner, product=product, value=value,
                stage=moves[-1][0], lost_reason=reason, history=[StageEntry(s, t) for s, t in moves])


DEALS = [
    deal(1, "ali", "GTX", 40000, ("Lead", at(10, 1)), ("Proposal", at(10, 10)), ("Won", at(10, 21))),
    deal(2, "ali", "GTX", 10000, ("Lead", at(10, 1)), ("Proposal", at(10, 5)), ("Lost", at(10, 11)), reason="Price"),
    deal(3, "bea", "Pro", 30000, ("Lead", at(10, 1)), ("Negotiation", at(11, 1)), ("Lost", at(11, 11)),
         reason="price "),
    deal(4, "bea", "GTX", 20000, ("Lead", at(10, 1)), ("Won", at(11, 30))),
    deal(5, "bea", "Pro", 5000, ("Lead", at(10, 1)), ("Won", at(10, 20)), ("Lost", at(10, 31))),
    deal(6, "ali", "GTX", 15000, ("Lead", at(10, 1)), ("Lost", at(10, 16)), reason="competitor"),
    deal(7, "ali", "GTX", 99000, ("Lead", at(9, 1)), ("Won", at(9, 20))),
    deal(8, "ali", "GTX", 7000, ("Lead", at(10, 1)), ("Proposal", at(10, 9))),
]


def test_totals_rates_and_days() -> None:
    result = win_loss(DEALS, DEFAULT_STAGES, START, END)
    total = result.total
    assert (total.won, total.lost, total.won_value, total.lost_value) == (2, 4, 60000, 60000)
    assert total.win_rate == pytest.approx(100 / 3) and total.value_win_rate == 50
    assert (result.days_to_win, result.days_to_lose) == (40, 22.5)


def test_reasons_ranked_by_value_grouped_regardless_of_case_and_spacing() -> None:
    result = win_loss(DEALS, DEFAULT_STAGES, START, END)
    assert [(r.name, r.deals, r.value) for r in result.reasons] == [
        ("price", ["D-3", "D-2"], 40000), ("competitor", ["D-6"], 15000)]
    assert [round(r.share, 1) for r in result.reasons] == [66.7, 25.0]
    assert result.no_reason == ["D-5"]


def test_lost_at_the_stage_before_the_lost_one_in_pipeline_order() -> None:
    result = win_loss(DEALS, DEFAULT_STAGES, START, END)
    assert [(r.name, r.deals, r.value, r.share) for r in result.lost_at] == [
        ("Lead", ["D-6"], 15000, 25.0), ("Proposal", ["D-2"], 10000, 100 * 10000 / 60000),
        ("Negotiation", ["D-3"], 30000, 50.0), (AFTER_WON, ["D-5"], 5000, 100 * 5000 / 60000)]


def test_by_rep_and_by_product() -> None:
    result = win_loss(DEALS, DEFAULT_STAGES, START, END)
    reps = {r.name: (r.won, r.lost, r.won_value, r.lost_value) for r in result.by_rep}
    assert reps == {"ali": (1, 2, 40000, 25000), "bea": (1, 2, 20000, 35000)}
    products = {r.name: (r.won, r.lost) for r in result.by_product}
    assert products == {"GTX": (2, 2), "Pro": (0, 2)}
    assert [r.name for r in result.by_product][0] == "GTX"  # most closed first


def test_a_window_and_an_owner_narrow_it() -> None:
    october = win_loss(DEALS, DEFAULT_STAGES, START, date(2026, 10, 31))
    assert (october.total.won, october.total.lost) == (1, 3)  # D-1; D-2, D-5, D-6
    everything = win_loss(DEALS, DEFAULT_STAGES)
    assert (everything.total.won, everything.total.lost) == (3, 4)  # D-7 too
    bea = win_loss(DEALS, DEFAULT_STAGES, START, END, owner="bea")
    assert (bea.total.won, bea.total.lost, [r.name for r in bea.by_rep]) == (1, 2, ["bea"])


def test_nothing_closed() -> None:
    result = win_loss(DEALS[7:], DEFAULT_STAGES, START, END)
    assert result.total.closed == 0 and result.total.win_rate is None
    assert result.reasons == result.lost_at == [] and result.days_to_win is None


def test_reasons_offered_the_boards_own_first_then_the_usual_ones() -> None:
    offered = known_reasons(DEALS)
    assert offered[:2] == ["Price", "competitor"]  # price twice (first spelling seen), then competitor
    assert offered[2:] == [r for r in LOST_REASONS if r not in ("price", "competitor")]
    assert known_reasons([], ["preis", "Wettbewerb"]) == ["preis", "Wettbewerb"]


def split(deal_: Deal, **shares: float) -> Deal:
    from sales.splits import Split

    return Deal(**{**{f: getattr(deal_, f) for f in deal_.__struct_fields__},
                   "splits": [Split(rep, share) for rep, share in shares.items()]})


# D-11 ali won 10,000 split bea=40 (ali 6,000, bea 4,000); D-12 bea lost 3,000.03 split ali=50
# (ali 1,500.02, bea 1,500.01: the owner gets what the split leaves, to the cent);
# D-13 chen won 2,000 split dev=100 (chen keeps the deal, dev all its value).
SPLIT = [
    split(deal(11, "ali", "GTX", 10000, ("Lead", at(10, 1)), ("Won", at(10, 11))), bea=40),
    split(deal(12, "bea", "GTX", 3000.03, ("Lead", at(10, 1)), ("Lost", at(10, 21)), reason="price"), ali=50),
    split(deal(13, "chen", "Pro", 2000, ("Lead", at(10, 1)), ("Won", at(10, 31))), dev=100),
]


def test_a_split_deal_counts_each_reps_share_of_its_value_and_the_deal_to_its_owner() -> None:
    result = win_loss(SPLIT, DEFAULT_STAGES, START, END)
    reps = {r.name: (r.won, r.lost, r.won_value, r.lost_value, r.win_rate) for r in result.by_rep}
    assert reps == {"ali": (1, 0, 6000, 1500.02, 100.0), "bea": (0, 1, 4000, 1500.01, 0.0),
                    "chen": (1, 0, 0, 0, 100.0), "dev": (0, 0, 2000, 0, None)}
    ali = next(r for r in result.by_rep if r.name == "ali")
    assert ali.value_win_rate == pytest.approx(100 * 6000 / 7500.02)
    total = result.total  # the team counts every deal once, whole
    assert (total.won, total.lost, total.won_value, total.lost_value) == (2, 1, 12000, 3000.03)
    assert sum(r.won_value for r in result.by_rep) == total.won_value


def test_one_reps_win_loss_takes_the_deals_they_share_at_their_share() -> None:
    bea = win_loss(SPLIT, DEFAULT_STAGES, START, END, owner="bea")
    assert [(r.name, r.won, r.lost, r.won_value, r.lost_value) for r in bea.by_rep] == [("bea", 0, 1, 4000, 1500.01)]
    assert (bea.total.won, bea.total.lost, bea.total.won_value, bea.total.lost_value) == (0, 1, 4000, 1500.01)
    assert [(r.name, r.deals, r.value) for r in bea.reasons] == [("price", ["D-12"], 1500.01)]
    assert bea.days_to_win is None and bea.days_to_lose == 20  # D-12 is hers: Lead 10-01 to Lost 10-21
    dev = win_loss(SPLIT, DEFAULT_STAGES, START, END, owner="dev")
    assert (dev.total.won, dev.total.won_value, [p.name for p in dev.by_product]) == (0, 2000, ["Pro"])
