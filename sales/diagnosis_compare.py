"""Two diagnoses side by side (``uplift diagnosis compare``): this quarter's export against last
quarter's, each KPI before and after with its change, the groups of each breakdown, and which weak
spots are new, which are gone and which remain.

Only what both snapshots kept is compared (the raw records are never kept): whole-data KPIs, the
groups of the dimensions both broke down, and the findings, matched by their kind and subject.
Changes are relative for amounts, counts and days, in points for rates and shares, as the
diagnosis's own period-over-period changes are.
"""

from __future__ import annotations

from datetime import date

import msgspec

from sales.diagnosis import Diagnosis, Finding, Metrics
from sales.errors import Word
from sales.kpis import RATE_METRICS
from sales.numbers import rounded
from sales.phrases import Phrase, Say, kept
from sales.text import cut, display_width

#: The whole-data KPIs compared, with how the report names them (the diagnosis report's words).
TOTALS: tuple[tuple[str, Phrase], ...] = (
    ("revenue", Phrase("revenue")), ("orders", Phrase("orders")),
    ("average_order_value", Phrase("average order value")), ("customers", Phrase("customers")),
    ("repurchase_rate", Phrase("repurchase rate")), ("win_rate", Phrase("win rate")),
    ("sales_cycle_days", Phrase("sales cycle (days)")), ("roi", Phrase("ROI")), ("profit", Phrase("profit")),
    ("margin", Phrase("margin")), ("average_discount", Phrase("average discount")))
#: Groups of each breakdown the text shows (the JSON has them all).
GROUPS_SHOWN = 8
#: Spans that differ by more than this share are said to: their totals do not compare.
SPAN_TOLERANCE = 0.1


class Change(msgspec.Struct):
    """One number before and after; `change` relative (0.15 is +15%), or in points for a rate."""

    metric: str
    before: float | None
    after: float | None
    change: float | None


class GroupChange(msgspec.Struct):
    value: str
    revenue: Change
    win_rate: Change | None = None


class Comparison(msgspec.Struct):
    before: str
    after: str
    before_dates: list[str]
    after_dates: list[str]
    total: list[Change]
    breakdowns: dict[str, list[GroupChange]]
    new_findings: list[Finding]
    gone_findings: list[Finding]
    still_findings: list[Finding]


def change(metric: str, before: float | None, after: float | None) -> Change:
    if before is None or after is None:
        moved = None
    elif metric in RATE_METRICS:
        moved = after - before
    else:
        moved = None if before == 0 else (after - before) / abs(before)
    return Change(metric, before, after, moved)


def _has(metrics: Metrics, metric: str) -> bool:
    return getattr(metrics, metric) is not None


def compare(before: Diagnosis, after: Diagnosis, before_id: str = "", after_id: str = "") -> Comparison:
    total = [change(metric, getattr(before.total, metric), getattr(after.total, metric))
             for metric, _label in TOTALS if _has(before.total, metric) or _has(after.total, metric)]
    breakdowns: dict[str, list[GroupChange]] = {}
    for dimension, rows in after.breakdowns.items():
        if dimension not in before.breakdowns:
            continue
        was = {row.value: row.metrics for row in before.breakdowns[dimension]}
        now = {row.value: row.metrics for row in rows}
        rates = any(m.win_rate is not None for m in [*was.values(), *now.values()])
        order = sorted(dict.fromkeys([*now, *was]),
                       key=lambda v: (-(now[v].revenue or 0) if v in now else 1, -(was[v].revenue or 0) if v in was else 0))
        groups = []
        for value in order:
            b, a = was.get(value), now.get(value)
            groups.append(GroupChange(value, change("revenue", b and b.revenue, a and a.revenue),
                                      change("win_rate", b and b.win_rate, a and a.win_rate) if rates else None))
        breakdowns[dimension] = groups

    def key(finding: Finding) -> tuple[str, str, str]:
        return finding.kind, finding.subject, finding.metric

    earlier, later = {key(f) for f in before.findings}, {key(f) for f in after.findings}
    return Comparison(before_id, after_id, [before.first_date or "", before.last_date or ""],
                      [after.first_date or "", after.last_date or ""],
                      total, breakdowns,
                      new_findings=[f for f in after.findings if key(f) not in earlier],
                      gone_findings=[f for f in before.findings if key(f) not in later],
                      still_findings=[f for f in after.findings if key(f) in earlier])


def _days(dates: list[str]) -> int:
    first, last = (date.fromisoformat(d[:10]) for d in dates)
    return (last - first).days + 1


def _value(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric in RATE_METRICS:
        return f"{rounded(value, 1, percent=True)}%"
    if metric in ("orders", "customers"):
        return rounded(value, 0)
    if metric == "revenue" and abs(value) >= 1000:
        return rounded(value, 0)
    return rounded(value, 1 if metric == "sales_cycle_days" else 2)


def _moved(c: Change) -> str:
    if c.change is None:
        return ""
    if c.metric in RATE_METRICS:
        return Phrase("{n} pts", n=rounded(c.change, 1, sign=True, percent=True))
    return f"{rounded(c.change, 1, sign=True, percent=True)}%"


def _cells(cells: list[str], widths: list[int]) -> str:
    out = []
    for text, width in zip(cells, widths):
        if width < 0:  # a name: cut to its width, on the left
            start = cut(text, -width)
            out.append(start + " " * (-width - display_width(start)))
        else:
            out.append(" " * max(0, width - display_width(text)) + text)
    return "  " + " ".join(out).rstrip()


def format_comparison(c: Comparison, say: Say = str) -> str:
    """The comparison as plain text, each line said by `say` (default: English)."""
    out = [say(Phrase("{before} ({first} to {last}) against {after} ({first_after} to {last_after})",
                      before=c.before, first=c.before_dates[0][:10], last=c.before_dates[1][:10], after=c.after,
                      first_after=c.after_dates[0][:10], last_after=c.after_dates[1][:10]))]
    days = (_days(c.before_dates), _days(c.after_dates)) if all([*c.before_dates, *c.after_dates]) else (0, 0)
    if abs(days[0] - days[1]) > SPAN_TOLERANCE * max(days):
        out.append("  " + say(Phrase("they cover {before} and {after} days: compare the rates and averages, "
                                     "not the totals", before=days[0], after=days[1])))
    heading = [say(Phrase("Whole data")), c.before, c.after, say(Phrase("difference"))]
    widths = [-22, 14, 14, 11]
    out += ["", _cells(heading, widths)[2:]]
    labels = dict(TOTALS)
    for row in c.total:
        out.append(_cells([say(labels[row.metric]), _value(row.metric, row.before),
                           _value(row.metric, row.after), say(_moved(row)) if row.change is not None else ""], widths))
    for dimension, groups in c.breakdowns.items():
        shown = groups[:GROUPS_SHOWN]
        rates = any(g.win_rate is not None for g in groups)
        out += ["", say(Phrase("By {dimension} (top {shown} of {count} by revenue)",
                               dimension=Word(dimension.replace("_", " ")), shown=len(shown), count=len(groups)))]
        # fits 80 columns: a name of 16 cells, revenue to 99 million, the win rates
        group_widths, head = [-16, 11, 11, 10], ["", c.before, c.after, say(Phrase("difference"))]
        above, above_widths = ["", say(Phrase("revenue"))], [-16, 34]
        if rates:
            group_widths += [7, 7, 10]
            head += [c.before, c.after, say(Phrase("difference"))]
            above.append(say(Phrase("win rate")))
            above_widths.append(24)
        out += [_cells(above, above_widths), _cells(head, group_widths)]
        for g in shown:
            cells = [g.value, _value("revenue", g.revenue.before), _value("revenue", g.revenue.after),
                     say(_moved(g.revenue))]
            if rates and g.win_rate is not None:
                cells += [_value("win_rate", g.win_rate.before), _value("win_rate", g.win_rate.after),
                          say(_moved(g.win_rate))]
            out.append(_cells(cells, group_widths))
    for title, findings in ((Phrase("New weak spots:"), c.new_findings),
                            (Phrase("Weak spots still there:"), c.still_findings),
                            (Phrase("Weak spots gone:"), c.gone_findings)):
        out += ["", say(title)] + ([] if findings else ["  " + say(Phrase("none"))])
        out += [f"  {i}. {say(kept(f.said, f.text))}" for i, f in enumerate(findings, 1)]
    return "\n".join(out) + "\n"
