"""Weak spots found in a diagnosis, in plain words with their evidence, ranked by severity.

Severity is the relative size of the gap: (reference - value) / |reference|, capped at 1. A win
rate of 31% where the rest have 48% has severity (48 - 31) / 48 = 0.35. The thresholds below
decide what is worth saying; they are named so the team can tune them.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

from sales.diagnosis import DiscountLevel, Finding, GroupRow, Metrics, PeriodRow
from sales.errors import Word
from sales.kpis import RATE_METRICS
from sales.numbers import rounded
from sales.phrases import Phrase, as_builtins

if TYPE_CHECKING:
    from sales.diagnosis import Diagnosis

#: A group needs this many won+lost deals before its win rate is judged.
MIN_DEALS = 30
#: ...and this many orders before its average order value, or (in each of the two windows
#: compared) its falling share of revenue, is judged.
MIN_ORDERS = 30
#: Win rate this many points (0.05 = 5 points) below the rest of the data is a weak spot.
WIN_RATE_GAP = 0.05
#: Average order value below this fraction of the rest of the data is a weak spot.
AOV_FRACTION = 0.80
#: The lowest-ROI region, channel or product line is a weak spot when its ROI is below this share
#: of the rest's (0.80: a fifth below), or loses money where the rest earns: the lowest of a few
#: close ROIs is none.
ROI_FRACTION = 0.80
#: A product line with less than this share of revenue is flagged as small...
SMALL_SHARE = 0.05
#: ...when that is also under this fraction of an even split: of 19 lines, each has 5.3% on an
#: even split, and one with 4.5% is an ordinary line, not one that never took off.
SMALL_OF_EVEN = 0.5
#: A share, rate or revenue falling by at least this fraction (recent window vs the one before).
FALL_FRACTION = 0.10
#: ...and, for shares and rates, by at least this many points (0.02 = 2 percentage points).
MIN_RATE_DROP = 0.02
#: Periods per window when comparing recent periods with the ones before (fewer if data is short).
TREND_WINDOW = {"month": 3, "quarter": 2}
#: Periods in a year: a fall from the periods before that the same periods a year earlier do not
#: confirm (sales as high or higher then than now) is the season's, not a weak spot: January
#: after a December rush.
PERIODS_PER_YEAR = {"month": 12, "quarter": 4}
#: Periods after the start of the data before a new-customer share is judged: at the start of
#: any export every customer looks new, so the share always falls there.
NEW_CUSTOMER_WARMUP = {"month": 6, "quarter": 2}
#: A first / last period covered less than this (0.8 = 80% of its days) is left out of trends.
PARTIAL_PERIOD_COVERAGE = 0.80
#: A rep below this fraction of the median rep (win rate or revenue) is flagged.
REP_WIN_RATE_FRACTION = 0.80
REP_REVENUE_FRACTION = 0.50
#: A rep needs this many won+lost deals before their win rate is judged.
MIN_REP_DEALS = 20
#: ...and the median rep this many orders (won deals) before reps' revenue is judged.
MIN_REP_ORDERS = 20
#: A discount level (whole percent) needs this many lines before its profit is judged, and the
#: lines at a level or above it this many before they make a weak spot.
MIN_DISCOUNT_LINES = 30



def _severity(value: float, reference: float) -> float:
    if reference == 0:
        return 0.0
    return max(0.0, min(1.0, (reference - value) / abs(reference)))


def _pct(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{rounded(x, 1, percent=True)}%" if abs(x) < 0.1 else f"{rounded(x, percent=True)}%"


def _money(x: float | None) -> str:
    return "n/a" if x is None else rounded(x) if abs(x) >= 100 else rounded(x, 2)


def _subject(dimension: str, value: str) -> Phrase:
    """`West region`, `Channel Online`, `Product line Bikes`, `Rep Ali`: what a finding is about."""
    if dimension == "region":
        return Phrase("{value} region", value=value)
    if dimension == "channel":
        return Phrase("Channel {value}", value=value)
    if dimension == "product_line":
        return Phrase("Product line {value}", value=value)
    return Phrase("Rep {value}", value=value)


def _found(kind: str, subject: str, metric: str, value: float | None, reference: float | None,
           reference_label: str, severity: float, text: Phrase) -> Finding:
    """A Finding whose text is kept with its template, to be said in any language later."""
    return Finding(kind, str(subject), metric, value, reference, str(reference_label), severity, str(text),
                   said=as_builtins(text))


def _win_rate_gaps(dimension: str, rows: list[GroupRow], total: Metrics) -> list[Finding]:
    found = []
    if total.won is None or total.lost is None:
        return found
    for row in rows:
        m = row.metrics
        if m.won is None or m.lost is None or m.won + m.lost < MIN_DEALS or m.win_rate is None:
            continue
        rest_decided = (total.won + total.lost) - (m.won + m.lost)
        if rest_decided < MIN_DEALS:
            continue
        elsewhere = (total.won - m.won) / rest_decided
        if elsewhere - m.win_rate >= WIN_RATE_GAP:
            subject = _subject(dimension, row.value)
            found.append(_found("win_rate_gap", subject, "win_rate", m.win_rate, elsewhere, "elsewhere",
                                _severity(m.win_rate, elsewhere), Phrase(
                                    "{subject}: win rate {rate} vs {elsewhere} elsewhere ({won:,} won of "
                                    "{decided:,} decided deals)", subject=subject, rate=_pct(m.win_rate),
                                    elsewhere=_pct(elsewhere), won=m.won, decided=m.won + m.lost)))
    return found


def _order_value_gaps(dimension: str, rows: list[GroupRow], total: Metrics) -> list[Finding]:
    found = []
    if not total.orders:
        return found
    for row in rows:
        m = row.metrics
        if not m.orders or m.orders < MIN_ORDERS or m.average_order_value is None:
            continue
        rest_orders = total.orders - m.orders
        if rest_orders < MIN_ORDERS:
            continue
        elsewhere = (total.revenue - m.revenue) / rest_orders
        if m.average_order_value < AOV_FRACTION * elsewhere:
            subject = _subject(dimension, row.value)
            found.append(_found("order_value_gap", subject, "average_order_value", m.average_order_value,
                                elsewhere, "elsewhere", _severity(m.average_order_value, elsewhere), Phrase(
                                    "{subject}: average order value {value} vs {elsewhere} elsewhere "
                                    "({orders:,} orders)", subject=subject, value=_money(m.average_order_value),
                                    elsewhere=_money(elsewhere), orders=m.orders)))
    return found


def _windows(periods: list[PeriodRow], period: str) -> tuple[list[PeriodRow], list[PeriodRow]]:
    """(earlier window, recent window) of full periods; empty lists if too few periods."""
    full = [p for p in periods if not p.partial]
    size = min(TREND_WINDOW[period], len(full) // 2)
    if size < 1:
        return [], []
    return full[-2 * size:-size], full[-size:]


def _year_earlier(periods: list[PeriodRow], window: list[PeriodRow], period: str) -> list[PeriodRow]:
    """The same periods a year before `window`, when the data holds all of them whole; else []."""
    positions = [periods.index(p) - PERIODS_PER_YEAR[period] for p in window]
    if not positions or positions[0] < 0 or any(periods[i].partial for i in positions):
        return []
    return [periods[i] for i in positions]


def _fell(before: float, now: float, is_rate: bool) -> bool:
    """Whether `now` is far enough below `before` to be worth saying."""
    return now <= before * (1 - FALL_FRACTION) and (not is_rate or before - now >= MIN_RATE_DROP)


def _window_label(earlier: list[PeriodRow], recent: list[PeriodRow]) -> Phrase:
    """Which periods a fall compares, by name: the last periods of the data may not be among them
    (a month it covers only in part is left out), so "the last 3 months" would not say."""
    if len(recent) == 1:
        return Phrase("{now} vs {before}", now=recent[0].period, before=earlier[0].period)
    return Phrase("{first} to {last} vs {before_first} to {before_last}", first=recent[0].period,
                  last=recent[-1].period, before_first=earlier[0].period, before_last=earlier[-1].period)


def _small_lines(rows: list[GroupRow]) -> list[Finding]:
    found = []
    if len(rows) < 2:
        return found
    fair = 1.0 / len(rows)
    for row in rows:
        share = row.metrics.revenue_share
        subject = _subject("product_line", row.value)
        if share is not None and share < SMALL_SHARE and share < SMALL_OF_EVEN * fair:
            found.append(_found("small_product_line", subject, "revenue_share", share, fair,
                                f"an even split over {len(rows)} lines", _severity(share, fair), Phrase(
                                    "{subject}: {share} of revenue ({revenue}); an even split over {lines} lines "
                                    "would be {fair}", subject=subject, share=_pct(share),
                                    revenue=_money(row.metrics.revenue), lines=len(rows), fair=_pct(fair))))
    return found


def _falling_shares(dimension: str, rows: list[GroupRow], periods: list[PeriodRow], period: str) -> list[Finding]:
    """A region, channel, product line or rep whose share of revenue fell over the last periods:
    one that sells less while the rest sell more shows here before anywhere else."""
    found: list[Finding] = []
    earlier, recent = _windows(periods, period)
    if len(rows) < 2 or not earlier:
        return found
    year_earlier = _year_earlier(periods, recent, period)
    for row in rows:
        if any(sum(row.periods[p.period].orders or 0 for p in window if p.period in row.periods) < MIN_ORDERS
               for window in (earlier, recent)):
            continue  # one big order more or less swings a small group's share
        subject = _subject(dimension, row.value)
        before = _window_share(row, earlier)
        now = _window_share(row, recent)
        if before and now is not None and _fell(before, now, is_rate=True):
            ago = _window_share(row, year_earlier) if year_earlier else None
            if ago and not _fell(ago, now, is_rate=True):
                continue  # the season's: the same periods a year earlier had no more of it
            label = _window_label(earlier, recent)
            text = Phrase(
                "{subject}: revenue share fell from {before} to {now} ({window})",
                subject=subject, before=_pct(before), now=_pct(now), window=label) if not ago else Phrase(
                "{subject}: revenue share fell from {before} to {now} ({window}); a year earlier it was {ago}",
                subject=subject, before=_pct(before), now=_pct(now), window=label, ago=_pct(ago))
            found.append(_found("falling_share", subject, "revenue_share", now, before, label,
                                _severity(now, before), text))
    return found


def _window_share(row: GroupRow, window: list[PeriodRow]) -> float | None:
    total = sum(p.metrics.revenue for p in window)
    if total <= 0:
        return None
    own = sum(row.periods[p.period].revenue for p in window if p.period in row.periods)
    return own / total


def _falling_trends(periods: list[PeriodRow], period: str) -> list[Finding]:
    """Whole-data revenue and rates, recent window vs the one before."""
    earlier, recent = _windows(periods, period)
    if not earlier:
        return []
    label = _window_label(earlier, recent)
    year_earlier = _year_earlier(periods, recent, period)
    found = []

    def ratio(window: list[PeriodRow], top: str, bottom: str) -> float | None:
        num = [getattr(p.metrics, top) for p in window]
        den = [getattr(p.metrics, bottom) for p in window]
        if any(v is None for v in num + den) or not sum(den):
            return None
        return sum(num) / sum(den)

    def repeat_rate(window: list[PeriodRow]) -> float | None:
        pairs = [(p.metrics.repurchase_rate, p.metrics.customers) for p in window]
        if any(r is None or c is None for r, c in pairs) or not sum(c for _, c in pairs):
            return None
        return sum(r * c for r, c in pairs) / sum(c for _, c in pairs)

    checks = [
        ("revenue", Word("revenue"), lambda w: sum(p.metrics.revenue for p in w), _money),
        ("win_rate", Word("win rate"), _win, _pct),
        ("repurchase_rate", Word("repurchase rate"), repeat_rate, _pct),
        ("new_customer_share", Word("new-customer share"), lambda w: ratio(w, "new_customers", "customers"), _pct),
        ("average_order_value", Word("average order value"), lambda w: ratio(w, "revenue", "orders"), _money),
    ]
    # whole periods since the start: data from mid-December has no whole quarter of warming up
    # in its first, partial one (the quarter's view judged what the month's waited for)
    warmed_up = periods.index(earlier[0]) - periods[0].partial >= NEW_CUSTOMER_WARMUP[period]
    for metric, words, measure, fmt in checks:
        if metric == "new_customer_share" and not warmed_up:
            continue
        before, now = measure(earlier), measure(recent)
        if before is None or now is None or before <= 0:
            continue
        is_rate = metric in RATE_METRICS
        if not _fell(before, now, is_rate):
            continue
        ago = measure(year_earlier) if year_earlier else None
        if ago is not None and ago > 0 and not _fell(ago, now, is_rate):
            continue  # the season's: the same periods a year earlier were no higher
        text = Phrase("All sales: {what} fell from {before} to {now} ({window})", what=words,
                      before=fmt(before), now=fmt(now), window=label) if ago is None or ago <= 0 else Phrase(
            "All sales: {what} fell from {before} to {now} ({window}); a year earlier it was {ago}", what=words,
            before=fmt(before), now=fmt(now), window=label, ago=fmt(ago))
        found.append(_found("falling_trend", "All sales", metric, now, before, label, _severity(now, before), text))
    return found


def _win(window: list[PeriodRow]) -> float | None:
    """Pooled win rate of a window of periods."""
    won = [p.metrics.won for p in window]
    lost = [p.metrics.lost for p in window]
    if any(v is None for v in won) or any(v is None for v in lost):
        return None
    decided = sum(won) + sum(lost)  # type: ignore[arg-type]
    return sum(won) / decided if decided else None  # type: ignore[arg-type]


def _reps_below_median(rows: list[GroupRow]) -> list[Finding]:
    found = []
    judged = [r for r in rows if r.metrics.win_rate is not None
              and (r.metrics.won or 0) + (r.metrics.lost or 0) >= MIN_REP_DEALS]
    if len(judged) >= 3:
        mid = median(r.metrics.win_rate for r in judged)  # type: ignore[misc]
        for r in judged:
            rate = r.metrics.win_rate
            assert rate is not None
            if rate < REP_WIN_RATE_FRACTION * mid:
                subject = _subject("rep", r.value)
                found.append(_found("rep_below_median", subject, "win_rate", rate, mid, "median rep",
                                    _severity(rate, mid), Phrase("{subject}: win rate {rate} vs median rep {median}",
                                                                 subject=subject, rate=_pct(rate), median=_pct(mid))))
    # Revenue is judged once the median rep has a fair number of orders: on a few orders each, one
    # deal more or less makes a rep look far below the rest (a rep with none still is).
    if len(rows) >= 3 and median(r.metrics.orders or r.metrics.lines for r in rows) >= MIN_REP_ORDERS:
        mid = median(r.metrics.revenue for r in rows)
        for r in rows:
            if mid > 0 and r.metrics.revenue < REP_REVENUE_FRACTION * mid:
                subject = _subject("rep", r.value)
                found.append(_found("rep_below_median", subject, "revenue", r.metrics.revenue, mid,
                                    "median rep", _severity(r.metrics.revenue, mid), Phrase(
                                        "{subject}: revenue {revenue} vs median rep {median}", subject=subject,
                                        revenue=_money(r.metrics.revenue), median=_money(mid))))
    return found


#: Dimensions whose lowest ROI is judged: the goal scopes (Superstore's Furniture earns 0.03 on its
#: cost where the other lines earn 0.21, as telling as Central's 0.09 among the regions).
ROI_DIMENSIONS = ("region", "channel", "product_line")


def _lowest_roi(dimension: str, rows: list[GroupRow]) -> list[Finding]:
    with_roi = [r for r in rows if r.metrics.roi is not None]
    if len(with_roi) < 2:
        return []
    worst = min(with_roi, key=lambda r: r.metrics.roi)  # type: ignore[arg-type, return-value]
    others = [r for r in with_roi if r is not worst]
    cost = sum(r.metrics.cost or 0.0 for r in others)
    if cost <= 0:
        return []
    elsewhere = (sum(r.metrics.revenue for r in others) - cost) / cost
    roi = worst.metrics.roi
    assert roi is not None
    if not (roi < ROI_FRACTION * elsewhere if elsewhere > 0 else roi < elsewhere):
        return []
    subject = _subject(dimension, worst.value)
    return [_found("lowest_roi", subject, "roi", roi, elsewhere, "elsewhere", _severity(roi, elsewhere), Phrase(
        "{subject}: lowest ROI {roi} vs {elsewhere} elsewhere (revenue {revenue}, cost {cost})",
        subject=subject, roi=rounded(roi, 2), elsewhere=rounded(elsewhere, 2), revenue=_money(worst.metrics.revenue),
        cost=_money(worst.metrics.cost)))]


def _signed_pct(x: float) -> str:
    return f"{rounded(x, 1, sign=True, percent=True)}%"


def _discount_losses(levels: list[DiscountLevel]) -> list[Finding]:
    """Lines discounted at or above some level losing money where the rest earn: the level is the
    lowest from which every discount given on enough lines (MIN_DISCOUNT_LINES) loses money, so a
    20% that still earns is not lumped in with the 70% that lose (Superstore: lines discounted 30%
    or more, margin -37.3% against +21.8% on the rest)."""
    if not levels or any(level.profit is None for level in levels):
        return []
    judged = [level for level in levels if level.lines >= MIN_DISCOUNT_LINES and level.discount > 0]
    losing = []
    for level in reversed(judged):
        if level.profit >= 0:  # type: ignore[operator]
            break
        losing.append(level)
    if not losing:
        return []
    threshold = losing[-1].discount
    high = [level for level in levels if level.discount >= threshold]
    rest = [level for level in levels if level.discount < threshold]
    lines, revenue = sum(level.lines for level in high), sum(level.revenue for level in high)
    profit = sum(level.profit for level in high)  # type: ignore[misc]
    rest_revenue = sum(level.revenue for level in rest)
    if lines < MIN_DISCOUNT_LINES or revenue <= 0 or rest_revenue <= 0 or profit >= 0:
        return []
    margin = profit / revenue
    elsewhere = sum(level.profit for level in rest) / rest_revenue  # type: ignore[misc]
    if elsewhere <= margin:
        return []
    subject = Phrase("Lines discounted {level} or more", level=f"{rounded(threshold, percent=True)}%")
    return [_found("discount_loss", subject, "margin", margin, elsewhere, "the rest", _severity(margin, elsewhere),
                   Phrase("{subject} lose money: margin {margin} against {rest} on the rest ({lines:,} lines, "
                          "revenue {revenue}, loss {loss})", subject=subject, margin=_signed_pct(margin),
                          rest=_signed_pct(elsewhere), lines=lines, revenue=_money(revenue), loss=_money(-profit)))]


def _negative_margins(dimension: str, rows: list[GroupRow], total: Metrics) -> list[Finding]:
    """A region, channel or product line that loses money (a margin below 0) where the rest earn."""
    found = []
    if total.profit is None:
        return found
    for row in rows:
        m = row.metrics
        if m.profit is None or m.margin is None or m.margin >= 0 or (m.orders or m.lines) < MIN_ORDERS:
            continue
        rest_revenue = total.revenue - m.revenue
        if rest_revenue <= 0:
            continue
        elsewhere = (total.profit - m.profit) / rest_revenue
        if elsewhere <= 0:
            continue
        subject = _subject(dimension, row.value)
        found.append(_found("negative_margin", subject, "margin", m.margin, elsewhere, "elsewhere",
                            _severity(m.margin, elsewhere), Phrase(
                                "{subject}: margin {margin} (a loss of {loss} on revenue {revenue}) against {rest} "
                                "elsewhere", subject=subject, margin=_signed_pct(m.margin), loss=_money(-m.profit),
                                revenue=_money(m.revenue), rest=_signed_pct(elsewhere))))
    return found


def find_weak_spots(diagnosis: "Diagnosis") -> list[Finding]:
    """All findings of a diagnosis, most severe first."""
    found: list[Finding] = []
    total = diagnosis.total
    for dimension, rows in diagnosis.breakdowns.items():
        if dimension != "rep":
            found += _win_rate_gaps(dimension, rows, total)
        if dimension in ("region", "channel"):
            found += _order_value_gaps(dimension, rows, total)
        found += _falling_shares(dimension, rows, diagnosis.periods, diagnosis.period)
    if "product_line" in diagnosis.breakdowns:
        found += _small_lines(diagnosis.breakdowns["product_line"])
    if "rep" in diagnosis.breakdowns:
        found += _reps_below_median(diagnosis.breakdowns["rep"])
    for dimension in ROI_DIMENSIONS:
        if dimension in diagnosis.breakdowns:
            found += _lowest_roi(dimension, diagnosis.breakdowns[dimension])
            found += _negative_margins(dimension, diagnosis.breakdowns[dimension], total)
    found += _discount_losses(diagnosis.discounts)
    # a group losing money says it in plain words; its lowest ROI (below 0 too) would say it twice
    losing = {f.subject for f in found if f.kind == "negative_margin"}
    found = [f for f in found if not (f.kind == "lowest_roi" and f.subject in losing)]
    found += _falling_trends(diagnosis.periods, diagnosis.period)
    found.sort(key=lambda f: (-f.severity, f.kind, f.subject))
    return found


#: Weak spots whose reference is a level to reach back to in the goal's own units (a rate, an
#: average, a share): a goal made of one is offered it as its target. An amount's reference (the
#: median rep's revenue over the whole data) is not a quarter's, so it is left to the lead, and so
#: is a small product line's even split (5.3% of 19 lines is no level it fell from).
TARGET_METRICS = frozenset({"win_rate", "average_order_value", "revenue_share", "repurchase_rate",
                            "new_customer_share", "roi", "margin"})


def finding_scope(diagnosis: "Diagnosis", finding: Finding) -> tuple[str, str] | None:
    """The (dimension, group) a weak spot is about, such as ("region", "South"); None for one
    about all sales. Found among the diagnosis's own groups, named as the finding names them."""
    for dimension, rows in diagnosis.breakdowns.items():
        for row in rows:
            if str(_subject(dimension, row.value)) == finding.subject:
                return dimension, row.value
    return None


def goal_draft(diagnosis: "Diagnosis", finding: Finding) -> dict:
    """What a goal made of a weak spot starts with: its metric; its region, channel or product
    line as the scope and the baseline taken from the snapshot (a rep's as the owner: a goal has
    no rep scope, so no snapshot figure is that rep's baseline); the reference it fell short of
    as the target where that is a level (48% elsewhere), in the goal's units (a rate in percent).
    `subject`: the group's words (a Phrase) for the title; None for all sales."""
    from sales.goals import SCOPE_FIELDS

    scope = finding_scope(diagnosis, finding)
    draft: dict = {"metric": finding.metric, "scope": {}, "owner": None, "baseline": "snapshot", "target": None,
                   "subject": None if scope is None else _subject(*scope)}
    if scope is not None and scope[0] in SCOPE_FIELDS:
        draft["scope"] = {scope[0]: scope[1]}
    elif scope is not None:  # a rep
        draft.update(owner=scope[1], baseline=None)
    levelled = finding.metric in TARGET_METRICS and finding.kind not in ("small_product_line", "discount_loss")
    percent = finding.metric in RATE_METRICS
    if levelled and finding.reference is not None:
        draft["target"] = rounded(finding.reference, 1 if percent else 2, grouped=False, percent=percent)
    if levelled and draft["baseline"] is None and finding.value is not None:
        # a rep's share or rate has no snapshot of its own; the weak spot's evidence is the rep's
        # figure ("Rep Ann: revenue share fell from 4.7% to 2.0%": 2.0), so the goal has a way to go
        draft["baseline"] = rounded(finding.value, 1 if percent else 2, grouped=False, percent=percent)
    return draft
