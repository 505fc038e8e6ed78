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
