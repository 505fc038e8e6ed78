"""Two diagnoses side by side (``uplift diagnosis compare``): this quarter's export against last
quarter's, each KPI before and after with its change, the groups of each breakdown, and which weak
spots are new, which are gone and which remain.

Only what both snapshots kept is compared (the raw records are never kept): whole-data KPIs, the
groups of the dimensions both broke down, and the findings, matched by their kind and subject.
Changes are relative for amounts, counts and days, in points for rates and shares, as the
diagnosis's own period-over-period changes are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import msgspec

from sales.diagnosis import Diagnosis, Finding, Metrics
from sales.errors import Word
from sales.kpis import RATE_METRICS
from sales.numbers import rounded
from sales.phrases import Phrase, Say, kept
from sales.text import cut, display_width, wrap_cells

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


def _fitted(rows: list[list[str]], least: list[int]) -> list[int]:
    """Widths for `_cells` that hold every cell of `rows` (none narrower than `least`; a name's,
    negative, keeps its cap): `+0.0 个百分点` is 12 cells, and in a 10-cell column it ran into the
    figure before it."""
    widths = []
    for index, width in enumerate(least):
        widest = max((display_width(row[index]) for row in rows if index < len(row)), default=0)
        widths.append(width if width < 0 else max(width, widest))
    return widths


def _snug(rows: list[list[str]], least: list[int]) -> list[int]:
    """Widths as narrow as the cells allow, two spaces between figures (a name's no wider than
    its cap): a terminal's table."""
    widths = []
    for index, width in enumerate(least):
        widest = max((display_width(row[index]) for row in rows if index < len(row)), default=0)
        widths.append(-min(-width, widest) if width < 0 else widest + 1)
    return widths


def _line_width(widths: list[int]) -> int:
    return 2 + sum(abs(w) for w in widths) + len(widths) - 1


def _said_lines(lead: str, text: str, width: int | None) -> list[str]:
    """`lead` + `text`; within a terminal's `width`, wrapped under the text's start."""
    if width is None or display_width(lead + text) <= width:
        return [lead + text]
    first, *more = wrap_cells(text, max(12, width - display_width(lead)))
    return [lead + first] + [" " * display_width(lead) + line for line in more]


def format_comparison(c: Comparison, say: Say = str, width: int | None = None,
                      left_out: Callable[[list[str]], str] | None = None) -> str:
    """The comparison as plain text, each line said by `say` (default: English). `width`: a
    terminal's: its lines are wrapped within it and a breakdown's columns sized to their figures;
    where its win rates still do not fit they are left out, and `left_out(names)` says so (at
    80 columns the weak spots and, in Chinese, the win rates ran past the edge)."""
    out = [say(Phrase("{before} ({first} to {last}) against {after} ({first_after} to {last_after})",
                      before=c.before, first=c.before_dates[0][:10], last=c.before_dates[1][:10], after=c.after,
                      first_after=c.after_dates[0][:10], last_after=c.after_dates[1][:10]))]
    days = (_days(c.before_dates), _days(c.after_dates)) if all([*c.before_dates, *c.after_dates]) else (0, 0)
    if abs(days[0] - days[1]) > SPAN_TOLERANCE * max(days):
        out += _said_lines("  ", say(Phrase("they cover {before} and {after} days: compare the rates and averages, "
                                            "not the totals", before=days[0], after=days[1])), width)
    heading = [say(Phrase("Whole data")), c.before, c.after, say(Phrase("difference"))]
    labels = dict(TOTALS)
    rows = [[say(labels[row.metric]), _value(row.metric, row.before), _value(row.metric, row.after),
             say(_moved(row)) if row.change is not None else ""] for row in c.total]
    widths = (_fitted if width is None else _snug)([heading, *rows], [-22, 14, 14, 11])
    out += ["", _cells(heading, widths)[2:]] + [_cells(row, widths) for row in rows]
    for dimension, groups in c.breakdowns.items():
        shown = groups[:GROUPS_SHOWN]
        rates = any(g.win_rate is not None for g in groups)
        out += ["", say(Phrase("By {dimension} (top {shown} of {count} by revenue)",
                               dimension=Word(dimension.replace("_", " ")), shown=len(shown), count=len(groups)))]
        # fits 80 columns: a name of 16 cells, revenue to 99 million, the win rates
        least, head = [-16, 11, 11, 10], ["", c.before, c.after, say(Phrase("difference"))]
        rows = [[g.value, _value("revenue", g.revenue.before), _value("revenue", g.revenue.after),
                 say(_moved(g.revenue))] for g in shown]
        rate_rows = [[_value("win_rate", g.win_rate.before), _value("win_rate", g.win_rate.after),
                      say(_moved(g.win_rate))] if g.win_rate is not None else [] for g in shown]
        if rates:
            least += [7, 7, 10]
            head += [c.before, c.after, say(Phrase("difference"))]
            rows = [row + rate for row, rate in zip(rows, rate_rows)]
        widths = _fitted([head, *rows], least) if width is None else _snug([head, *rows], least)
        dropped = rates and width is not None and _line_width(widths) > width
        if dropped:  # the revenue kept, the win rates named below
            widths, head, rows = widths[:4], head[:4], [row[:4] for row in rows]
        above, above_widths = ["", say(Phrase("revenue"))], [widths[0], _line_width(widths[:4]) - 2 - abs(widths[0]) - 1]
        if rates and not dropped:
            above.append(say(Phrase("win rate")))
            above_widths.append(_line_width(widths[4:]) - 2)
        out += [_cells(above, above_widths), _cells(head, widths)] + [_cells(row, widths) for row in rows]
        if dropped and left_out is not None:
            out.append(left_out([say(Phrase("win rate"))]))
    for title, findings in ((Phrase("New weak spots:"), c.new_findings),
                            (Phrase("Weak spots still there:"), c.still_findings),
                            (Phrase("Weak spots gone:"), c.gone_findings)):
        out += ["", say(title)] + ([] if findings else ["  " + say(Phrase("none"))])
        for i, f in enumerate(findings, 1):
            out += _said_lines(f"  {i}. ", say(kept(f.said, f.text)), width)
    return "\n".join(out) + "\n"
