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
from sales.diagnosis_report import Table, plain_table
from sales.text import display_width, wrap_cells

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


def _laid_out(table: Table, names: list[str], rows: list[list[str]], groups: list[tuple[str | None, list[int]]],
              least: list[int], left_out: Callable[[list[str]], str] | None) -> list[str]:
    """A table of the comparison laid out by `table` (the command line's: fitted to a terminal):
    `names`, the headings of its figures (a row's name before them has none); `groups`, which of
    them a line above spans (`revenue`, `win rate`: their labels, already said); `least`, which a
    narrow terminal leaves out first. The columns left out are named by `left_out` with their
    group (`win rate` for a whole group), the table's own naming (`X-1, X-2, DIFFERENCE`, which
    the kept ones also read) put aside."""
    text = table(["", "", *names], [["", *row] for row in rows], [i + 2 for i in least])
    lines = text.split("\n")
    head, body = lines[0], lines[1:1 + len(rows)]  # (figures are never wrapped: a row a line)
    at = _header_cells(head, names)
    out = [head, *body]
    if any(label for label, _columns in groups):
        above, used = "", 0
        for label, columns in groups:
            kept = [at[i] for i in columns if i in at]
            if label is None or not kept:
                continue
            start = max(used + (1 if used else 0), kept[-1][1] - display_width(label))
            above += " " * (start - used) + label
            used = start + display_width(label)
        out.insert(0, above)
    gone = [i for i in range(len(names)) if i not in at]
    if gone and left_out is not None:
        said: list[str] = []
        for label, columns in groups:
            if label and all(i in gone for i in columns):
                said.append(label)
            else:
                said += [f"{label} {names[i]}" if label else names[i] for i in columns if i in gone]
        out.append(left_out(said))
    return out


def _header_cells(head: str, names: list[str]) -> dict[int, tuple[int, int]]:
    """Where each heading of `names` the header line `head` kept starts and ends, in cells, by
    its index: the headings in order, two spaces or more apart (a heading left out is passed
    over; a table leaves out a group's later headings before an earlier one that reads the same)."""
    import re

    found = [(display_width(head[:m.start()]), display_width(head[:m.end()]), m.group())
             for m in re.finditer(r"\S+(?: \S+)*", head)]
    at, j = {}, 0
    for i, name in enumerate(names):
        if j < len(found) and found[j][2] == name:
            at[i] = found[j][:2]
            j += 1
    return at


def _said_lines(lead: str, text: str, width: int | None) -> list[str]:
    """`lead` + `text`; within a terminal's `width`, wrapped under the text's start."""
    if width is None or display_width(lead + text) <= width:
        return [lead + text]
    first, *more = wrap_cells(text, max(12, width - display_width(lead)))
    return [lead + first] + [" " * display_width(lead) + line for line in more]


def format_comparison(c: Comparison, say: Say = str, width: int | None = None,
                      left_out: Callable[[list[str]], str] | None = None, table: Table = plain_table) -> str:
    """The comparison as plain text, each line said by `say` (default: English); its tables laid
    out by `table` (as `format_report`'s: the command line's fits them to a terminal, leaving out
    a breakdown's win rates first, then the values before and after, the difference staying), the
    columns left out named by `left_out(names)`. `width`: a terminal's, the weak spots wrapped
    within it (at 80 columns they and, in Chinese, the win rates ran past the edge; at 38 every
    row broke in two)."""
    out = [say(Phrase("{before} ({first} to {last}) against {after} ({first_after} to {last_after})",
                      before=c.before, first=c.before_dates[0][:10], last=c.before_dates[1][:10], after=c.after,
                      first_after=c.after_dates[0][:10], last_after=c.after_dates[1][:10]))]
    days = (_days(c.before_dates), _days(c.after_dates)) if all([*c.before_dates, *c.after_dates]) else (0, 0)
    if abs(days[0] - days[1]) > SPAN_TOLERANCE * max(days):
        out += _said_lines("  ", say(Phrase("they cover {before} and {after} days: compare the rates and averages, "
                                            "not the totals", before=days[0], after=days[1])), width)
    labels = dict(TOTALS)
    before_after = [c.before, c.after, say(Phrase("difference")).upper()]
    rows = [[say(labels[row.metric]), _value(row.metric, row.before), _value(row.metric, row.after),
             say(_moved(row)) if row.change is not None else ""] for row in c.total]
    # (narrow: the values before, then after, give way; the difference stays)
    out += ["", say(Phrase("Whole data"))] + _laid_out(table, before_after, rows, [(None, [0, 1, 2])], [0, 1], left_out)
    for dimension, groups in c.breakdowns.items():
        shown = groups[:GROUPS_SHOWN]
        rates = any(g.win_rate is not None for g in groups)
        out += ["", say(Phrase("By {dimension} (top {shown} of {count} by revenue)",
                               dimension=Word(dimension.replace("_", " ")), shown=len(shown), count=len(groups)))]
        rows = [[g.value, _value("revenue", g.revenue.before), _value("revenue", g.revenue.after),
                 say(_moved(g.revenue))] for g in shown]
        spans: list[tuple[str | None, list[int]]] = [(say(Phrase("revenue")), [0, 1, 2])]
        least = [0, 1]
        if rates:  # (narrow: the win rates give way first)
            rows = [row + ([_value("win_rate", g.win_rate.before), _value("win_rate", g.win_rate.after),
                            say(_moved(g.win_rate))] if g.win_rate is not None else ["–", "–", ""])
                    for row, g in zip(rows, shown)]
            spans.append((say(Phrase("win rate")), [3, 4, 5]))
            least = [3, 4, 5, 0, 1]
        out += _laid_out(table, before_after * (2 if rates else 1), rows, spans, least, left_out)
    for title, findings in ((Phrase("New weak spots:"), c.new_findings),
                            (Phrase("Weak spots still there:"), c.still_findings),
                            (Phrase("Weak spots gone:"), c.gone_findings)):
        out += ["", say(title)] + ([] if findings else ["  " + say(Phrase("none"))])
        for i, f in enumerate(findings, 1):
            out += _said_lines(f"  {i}. ", say(kept(f.said, f.text)), width)
    return "\n".join(out) + "\n"
