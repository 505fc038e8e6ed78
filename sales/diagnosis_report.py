"""The plain-text summary of a diagnosis, for the command line (``uplift diagnose``).

Every line is composed from Phrases (sales.phrases) and said through the `say` the caller gives
(tui.i18n.say on the command line; the default, `str`, gives the English), and columns are
padded by terminal cells (sales.text.display_width), so the report reads the same in Chinese.
How the columns and dates were read is kept in a diagnosis with its templates too
(sales.diagnosis.source_lines), so it is said in the reader's language."""

from __future__ import annotations

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


def _signed(x: float | None) -> str:
    """` (+37.3%)`: a Phrase, so that Chinese writes its full-width brackets (`（+37.3%）`)."""
    return "" if x is None else Phrase(" ({note})", note=f"{rounded(x, 1, sign=True, percent=True)}%")


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
    """`   new customers 12 of 40 (30.0%)`: the count beside its share, so neither reads as the other."""
    if m.new_customer_share is None:
        return ""
    if m.new_customers is None or m.customers is None:
        return "   " + say(Phrase("new-customer share {share}", share=_pct(m.new_customer_share))) + mark
    return "   " + say(Phrase("new customers {new} of {customers} ({share})", new=_num(m.new_customers),
                              customers=_num(m.customers), share=_pct(m.new_customer_share))) + mark


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


def _discount_lines(d: Diagnosis, say: Say) -> list[str]:
    """The revenue lines by discount: how many, their revenue and, with a profit column, their
    profit and margin (discount vs profit)."""
    if not d.discounts:
        return []
    out = ["", say(Phrase("By discount (revenue lines)"))]
    for label, level in _discount_rows(d.discounts):
        cells = [say(Phrase("{lines} lines", lines=f"{_num(level.lines):>6}")),
                 say(Phrase("revenue {revenue}", revenue=f"{_num(level.revenue, 0):>12}"))]
        if level.profit is not None:
            cells.append(say(Phrase("profit {profit}", profit=f"{_num(level.profit, 0):>10}")))
            cells.append(say(Phrase("margin {margin}", margin=_pct(level.profit / level.revenue)
                                    if level.revenue > 0 else "-")))
        out.append(f"  {_pad(label, 8)}" + "   ".join(cells))
    return out


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


def _row(lead: str, cells: list[str], width: int | None, sep: str = "   ") -> list[str]:
    """A row of a period or group: `lead` (its name, padded), then its cells; with a `width` (a
    terminal's), the cells that would pass it go on lines of their own under the first cell, each
    cell whole (at 80 columns a group's ROI broke at the screen's left edge)."""
    lines = [lead + sep.join(cells)]
    if width is None or display_width(lines[0]) <= width:
        return lines
    indent, lines = " " * display_width(lead), [lead + cells[0]]
    for cell in cells[1:]:
        if display_width(lines[-1] + sep + cell) <= width:
            lines[-1] += sep + cell
        else:
            lines.append(indent + cell)
    return lines


def format_report(diagnosis: Diagnosis, say: Say = str, width: int | None = None) -> str:
    """KPI block, latest periods, breakdowns, findings and what was dropped, as plain text, each
    line said by `say` (default: English); `width`: a terminal's, which the period and group rows
    are wrapped within (None: a row a line, for a pipe)."""
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
        out += ["", say(Phrase("Latest quarters (change from the previous quarter)") if d.period == "quarter"
                        else Phrase("Latest months (change from the previous month)"))]
        first = d.periods[0]
        for row in d.periods[-4:]:
            m = row.metrics
            cells = [say(Phrase("revenue {revenue}{change}", revenue=_num(m.revenue, 0), change=_signed(row.change.get("revenue")))),
                     say(Phrase("orders {orders}", orders=_num(m.orders)))]
            if m.win_rate is not None:
                cells.append(say(Phrase("win {rate}", rate=_pct(m.win_rate))))
            if m.margin is not None:
                cells.append(say(Phrase("margin {margin}", margin=_pct(m.margin))))
            flag = "  " + say(Phrase("(partial)")) if row.partial else ""
            more = _new_customers(m, say, FIRST_MARK if row is first else "").removeprefix("   ")
            out += _row(f"  {row.period:8} ", cells + ([more] if more else []), width)
            out[-1] += flag
        if first in d.periods[-4:] and first.metrics.new_customer_share is not None:
            out.append(f"  {FIRST_MARK} " + say(Phrase("first {period} of the data: every customer is new",
                                                        period=Word(d.period))))
    for dimension, rows in d.breakdowns.items():
        out += ["", say(_breakdown_heading(dimension, min(len(rows), REPORT_GROUPS), len(rows)))]
        for row in rows[:REPORT_GROUPS]:
            m = row.metrics
            cells = [say(Phrase("revenue {revenue} ({share})", revenue=f"{_num(m.revenue, 0):>14}",
                                share=_pct(m.revenue_share))),
                     say(Phrase("AOV {aov}", aov=_num(m.average_order_value, 2)))]
            if m.win_rate is not None:
                cells.append(say(Phrase("win {rate}", rate=_pct(m.win_rate))))
            if m.roi is not None:
                cells.append(say(Phrase("ROI {roi}", roi=_num(m.roi, 2))))
            if m.margin is not None:
                cells.append(say(Phrase("margin {margin}", margin=_pct(m.margin))))
            if m.average_discount is not None:
                cells.append(say(Phrase("discount {discount}", discount=_pct(m.average_discount))))
            out += _row(f"  {_cut(row.value, 24)} ", cells, width)
    out += _discount_lines(d, say)
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
