"""The plain-text summary of a diagnosis, for the command line (``uplift diagnose``).

Every line is composed from Phrases (sales.phrases) and said through the `say` the caller gives
(tui.i18n.say on the command line; the default, `str`, gives the English), and columns are
padded by terminal cells (sales.text.display_width), so the report reads the same in Chinese.
How the columns and dates were read is kept in a diagnosis with its templates too
(sales.diagnosis.source_lines), so it is said in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sales.diagnosis import Diagnosis, DiscountLevel, Finding, Metrics, source_lines
from sales.errors import Word
from sales.numbers import rounded
from sales.phrases import Phrase, Say, kept
from sales.record_rules import (
    DROP_CANCELLED,
    DROP_EMPTY,
    DROP_NO_AMOUNT,
    DROP_REPEATED,
    DROP_NO_DATE,
    DROP_NOT_PRODUCT,
    DROP_OPEN,
    DROP_TOTALS,
    PARTIAL_NO_CUSTOMER,
)
from sales.text import cut, display_width

#: How many findings and groups the text report shows (the JSON has them all).
REPORT_FINDINGS = 10
REPORT_GROUPS = 8


#: Why rows were dropped (or partly used), as the report says them (the diagnosis keeps the English).
REASONS: dict[str, Phrase] = {
    DROP_EMPTY: Phrase("empty row (no value in any column read)"),
    DROP_TOTALS: Phrase("totals row ('Total' or '合计', no date)"),
    DROP_OPEN: Phrase("open deal (neither won nor lost yet)"),
    DROP_CANCELLED: Phrase("cancellation or return (invoice 'C...', negative quantity or amount)"),
    DROP_NOT_PRODUCT: Phrase("not a product (stock code such as POST, D, M, DOT, BANK CHARGES)"),
    DROP_NO_DATE: Phrase("no date"),
    DROP_NO_AMOUNT: Phrase("no amount"),
    DROP_REPEATED: Phrase("the same row in an earlier file (files that overlap)"),
    PARTIAL_NO_CUSTOMER: Phrase("no customer (kept for revenue, left out of customer metrics)"),
}


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{rounded(x, 1, percent=True)}%"


def _num(x: float | None, digits: int = 0) -> str:
    return "-" if x is None else rounded(x, digits)


def _pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal cells (at least one space after it)."""
    return text + " " * max(1, width - display_width(text))


def _cut(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells, then padded to exactly that many."""
    start = cut(text, width)
    return start + " " * (width - display_width(start))


#: Marks the first period's new customers: no one can have bought before the data starts, so
#: every customer in it is new (100%) by construction.
FIRST_MARK = "*"


def row_counts(reasons: dict[str, int], say: Say = str) -> str:
    """Rows counted by reason, each reason with its count: `open deal (neither won nor lost yet):
    2,089; no date: 3` (the count before a reason read `2,089 open deal`)."""
    return say(Phrase("; ")).join(say(Phrase("{reason}: {count}", reason=REASONS.get(reason, reason), count=f"{n:,}"))
                                  for reason, n in reasons.items())


def said_finding(finding: Finding, say: Say = str) -> str:
    """A weak spot by its kept template, else its English."""
    return say(kept(finding.said, finding.text))


def _new_customers(m: Metrics, say: Say, mark: str = "") -> str:
    """`12 of 40 (30.0%)`: the count beside its share, so neither reads as the other (the share
    alone where the count is not known)."""
    if m.new_customer_share is None:
        return "-"
    if m.new_customers is None or m.customers is None:
        return _pct(m.new_customer_share) + mark
    return say(Phrase("{new} of {customers} ({share})", new=_num(m.new_customers), customers=_num(m.customers),
                      share=_pct(m.new_customer_share))) + mark


def _kpi_lines(m: Metrics, say: Say) -> list[str]:
    def row(label: Phrase, value: str, *more: Phrase) -> str:
        return "  " + _pad(say(label), 21) + "   ".join([value, *(say(p) for p in more)])

    lines = [row(Phrase("revenue"), _num(m.revenue, 2)),
             row(Phrase("orders"), _num(m.orders), Phrase("lines {count}", count=_num(m.lines)),
                 Phrase("units {count}", count=_num(m.units))),
             row(Phrase("average order value"), _num(m.average_order_value, 2))]
    if m.customers is not None:
        lines.append(row(Phrase("customers"), _num(m.customers),
                         Phrase("repurchase rate {rate}", rate=_pct(m.repurchase_rate)),
                         Phrase("(bought 2+ times: {count})",
                                count=_num(m.customers and round((m.repurchase_rate or 0) * m.customers)))))
    if m.win_rate is not None:
        lines.append(row(Phrase("win rate"), _pct(m.win_rate),
                         Phrase("({won} won, {lost} lost)", won=_num(m.won), lost=_num(m.lost))))
    if m.sales_cycle_days is not None:
        lines.append(row(Phrase("sales cycle"), say(Phrase("{days} days (won deals)", days=_num(m.sales_cycle_days, 1)))))
    if m.roi is not None:
        lines.append(row(Phrase("cost"), _num(m.cost, 2), Phrase("ROI {roi}", roi=_num(m.roi, 2))))
    if m.profit is not None:
        lines.append(row(Phrase("profit"), _num(m.profit, 2), Phrase("margin {margin}", margin=_pct(m.margin))))
    if m.average_discount is not None:
        lines.append(row(Phrase("average discount"), _pct(m.average_discount)))
    return lines


def _discount_table(d: Diagnosis, say: Say, table: Table) -> list[str]:
    """The revenue lines by discount: how many, their revenue and, with a profit column, their
    profit and margin (discount vs profit)."""
    if not d.discounts:
        return []
    profits = any(level.profit is not None for _label, level in _discount_rows(d.discounts))
    columns = [Phrase("lines"), Phrase("revenue")] + ([Phrase("profit"), Phrase("margin")] if profits else [])
    rows = []
    for label, level in _discount_rows(d.discounts):
        cells = [label, _num(level.lines), _num(level.revenue, 0)]
        if profits:
            cells += [_num(level.profit, 0),
                      _pct(level.profit / level.revenue) if level.profit is not None and level.revenue > 0 else "-"]
        rows.append(cells)
    # a narrow terminal leaves out the margin, then the profit, then the count of lines
    return ["", say(Phrase("By discount (revenue lines)")), _table(columns, rows, (4, 3, 1), say, table)]


#: Discount levels the report lists one by one; more (discounts of any whole percent) are listed in
#: bands of ten points (`10-19%`), so that the section stays a screenful.
REPORT_DISCOUNT_LEVELS = 12


def _discount_rows(levels: list[DiscountLevel]) -> list[tuple[str, DiscountLevel]]:
    """Each level under its own label (`30.0%`), or with many levels each band of ten points."""
    if len(levels) <= REPORT_DISCOUNT_LEVELS:
        return [(_pct(level.discount), level) for level in levels]
    bands: dict[int, DiscountLevel] = {}
    for level in levels:
        band = min(int(round(level.discount * 100)) // 10 * 10, 100)
        had = bands.get(band)
        profit = None if level.profit is None else level.profit + ((had.profit or 0.0) if had else 0.0)
        bands[band] = DiscountLevel(band / 100, level.lines + (had.lines if had else 0),
                                    level.revenue + (had.revenue if had else 0.0), profit)
    return [(f"{band}%" if band == 100 else f"{band}-{band + 9}%", level) for band, level in bands.items()]


def _breakdown_heading(dimension: str, shown: int, count: int) -> Phrase:
    return Phrase("By {dimension} (top {shown} of {count} by revenue)",
                  dimension=Word(dimension.replace("_", " ")), shown=shown, count=count)


#: Lays out a table of the report: its headings (the first column's, a row's name, is blank:
#: the section's title says what the rows are), its rows of cells (the columns after the first
#: hold figures, and are right-aligned) and which columns a narrow terminal leaves out first (by
#: index, least important first) -> its lines. The command line gives its own (tui.cli_output.table:
#: fitted to the terminal, the columns left out named below).
Table = Callable[[Sequence[str], Sequence[Sequence[str]], Sequence[int]], str]


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]], least_first: Sequence[int] = ()) -> str:
    """A table with no terminal to fit: every column, as wide as its widest cell, figures right-aligned."""
    widths = [max(display_width(cell) for cell in column) for column in zip(headers, *rows)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell + " " * (w - display_width(cell)) if i == 0 else " " * (w - display_width(cell)) + cell
                         for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join(line(cells) for cells in [headers, *rows])


def _table(columns: list[Phrase], rows: list[list[str]], least_first: Sequence[int], say: Say, table: Table) -> str:
    """A table of the report, two cells in as its other lines are: its first column is an empty
    one (the table's separator makes the indent, so a terminal's width counts it); `columns`: the
    headings after the row's name, upper-cased as the command line's tables have them."""
    headers = ["", ""] + [say(c).upper() for c in columns]
    return table(headers, [["", *row] for row in rows], [i + 1 for i in least_first])


def _period_table(d: Diagnosis, say: Say, table: Table) -> list[str]:
    """The latest periods, each with its revenue, the change from the one before, its orders and,
    where the data has them, its win rate, margin and new customers."""
    shown, first = d.periods[-4:], d.periods[0]
    has = {name: any(getattr(p.metrics, name) is not None for p in shown)
           for name in ("win_rate", "margin", "new_customer_share")}
    columns = [Phrase("revenue"), Phrase("vs previous"), Phrase("orders")]
    columns += [c for c, name in ((Phrase("win rate"), "win_rate"), (Phrase("margin"), "margin"),
                                  (Phrase("new customers"), "new_customer_share")) if has[name]]
    marked = first in shown and first.metrics.new_customer_share is not None
    rows = []
    for row in shown:
        m = row.metrics
        change = row.change.get("revenue")
        cells = [row.period + (" " + say(Phrase("(partial)")) if row.partial else ""), _num(m.revenue, 0),
                 "-" if change is None else f"{rounded(change, 1, sign=True, percent=True)}%", _num(m.orders)]
        if has["win_rate"]:
            cells.append(_pct(m.win_rate))
        if has["margin"]:
            cells.append(_pct(m.margin))
        if has["new_customer_share"]:  # (a space where the first period has its mark: the figures line up)
            cells.append(_new_customers(m, say, FIRST_MARK if row is first else " " if marked else ""))
        rows.append(cells)
    # a narrow terminal leaves out the new customers, the margin, the orders, the win rate, then the change
    least = [len(columns)] if has["new_customer_share"] else []
    least += [columns.index(c) + 1 for c in (Phrase("margin"), Phrase("orders"), Phrase("win rate"),
                                             Phrase("vs previous")) if c in columns]
    heading = (Phrase("Latest quarters (change from the previous quarter)") if d.period == "quarter"
               else Phrase("Latest months (change from the previous month)"))
    out = ["", say(heading), _table(columns, rows, least, say, table)]
    if marked:
        out.append(f"  {FIRST_MARK} " + say(Phrase("first {period} of the data: every customer is new",
                                                    period=Word(d.period))))
    return out


#: A breakdown's figures after its revenue, and the order a narrow terminal leaves them out in
#: (the discount first; the share of revenue, which says how much the group weighs, last).
GROUP_COLUMNS = (("revenue_share", Phrase("Share"), _pct), ("average_order_value", Phrase("AOV"), lambda x: _num(x, 2)),
                 ("win_rate", Phrase("win rate"), _pct), ("roi", Phrase("ROI"), lambda x: _num(x, 2)),
                 ("margin", Phrase("margin"), _pct), ("average_discount", Phrase("discount"), _pct))
GROUP_LEAST_FIRST = ("average_discount", "margin", "average_order_value", "roi", "win_rate", "revenue_share")


def _group_table(dimension: str, groups: list, say: Say, table: Table) -> list[str]:
    """A breakdown's top groups by revenue: each one's revenue and the figures the data has."""
    shown = groups[:REPORT_GROUPS]
    present = [(name, label, show) for name, label, show in GROUP_COLUMNS
               if name == "revenue_share" or any(getattr(g.metrics, name) is not None for g in shown)]
    rows = [[_cut(g.value, 24).rstrip(), _num(g.metrics.revenue, 0),
             *(show(getattr(g.metrics, name)) for name, _label, show in present)] for g in shown]
    names = [name for name, _label, _show in present]
    least = [names.index(name) + 2 for name in GROUP_LEAST_FIRST if name in names]
    return ["", say(_breakdown_heading(dimension, len(shown), len(groups))),
            _table([Phrase("revenue"), *(label for _name, label, _show in present)], rows, least, say, table)]


def format_report(diagnosis: Diagnosis, say: Say = str, table: Table = plain_table) -> str:
    """KPI block, latest periods, breakdowns, findings and what was dropped, as plain text, each
    line said by `say` (default: English); its tables laid out by `table` (default: every column,
    a row a line, as to a pipe)."""
    d = diagnosis
    span = dict(first=d.first_date, last=d.last_date, used=f"{d.rows_used:,}", read=f"{d.rows_read:,}")
    out = [say(Phrase("Diagnosis of {files}", files=", ".join(d.source.files))),
           "  " + say(Phrase("{first} to {last}, by quarter; {used} of {read} rows used", **span)
                      if d.period == "quarter" else
                      Phrase("{first} to {last}, by month; {used} of {read} rows used", **span)), ""]
    out.append(say(Phrase("Mapping")))
    out += ["  " + say(line) for line in source_lines(d.source)]
    out += ["", say(Phrase("Whole data"))] + _kpi_lines(d.total, say)
    if d.periods:
        out += _period_table(d, say, table)
    for dimension, rows in d.breakdowns.items():
        out += _group_table(dimension, rows, say, table)
    out += _discount_table(d, say, table)
    out += ["", say(Phrase("Weak spots") if d.findings else Phrase("Weak spots: none above the thresholds"))]
    for i, finding in enumerate(d.findings[:REPORT_FINDINGS], 1):
        out.append(f"  {i}. {said_finding(finding, say)}")
    if len(d.findings) > REPORT_FINDINGS:
        out.append("  " + say(Phrase("... and {count} more (see --json)", count=len(d.findings) - REPORT_FINDINGS)))
    out.append("")
    if d.dropped:
        out.append(say(Phrase("Dropped rows: {reasons}", reasons=row_counts(d.dropped, say))))
    else:
        out.append(say(Phrase("Dropped rows: none")))
    if d.partial:
        out.append(say(Phrase("Partly used rows: {reasons}", reasons=row_counts(d.partial, say))))
    return "\n".join(out) + "\n"
