"""The plain-text summary of a diagnosis, for the command line (``uplift diagnose``)."""

from __future__ import annotations

from sales.diagnosis import Diagnosis, Metrics
from sales.numbers import rounded

#: How many findings and groups the text report shows (the JSON has them all).
REPORT_FINDINGS = 10
REPORT_GROUPS = 8


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{rounded(x, 1, percent=True)}%"


def _num(x: float | None, digits: int = 0) -> str:
    return "-" if x is None else rounded(x, digits)


def _signed(x: float | None) -> str:
    return "" if x is None else f" ({rounded(x, 1, sign=True, percent=True)}%)"


#: Marks the first period's new customers: no one can have bought before the data starts, so
#: every customer in it is new (100%) by construction.
FIRST_MARK = "*"


def row_counts(reasons: dict[str, int]) -> str:
    """Rows counted by reason, each reason with its count: `open deal (neither won nor lost yet):
    2,089; no date: 3` (the count before a reason read `2,089 open deal`)."""
    return "; ".join(f"{reason}: {n:,}" for reason, n in reasons.items())


def _new_customers(m: Metrics, mark: str = "") -> str:
    """`   new customers 12 of 40 (30.0%)`: the count beside its share, so neither reads as the other."""
    if m.new_customer_share is None:
        return ""
    if m.new_customers is None or m.customers is None:
        return f"   new-customer share {_pct(m.new_customer_share)}{mark}"
    return f"   new customers {_num(m.new_customers)} of {_num(m.customers)} ({_pct(m.new_customer_share)}){mark}"


def _kpi_lines(m: Metrics) -> list[str]:
    lines = [
        f"  revenue              {_num(m.revenue, 2)}",
        f"  orders               {_num(m.orders)}   lines {_num(m.lines)}   units {_num(m.units)}",
        f"  average order value  {_num(m.average_order_value, 2)}",
    ]
    if m.customers is not None:
        lines.append(f"  customers            {_num(m.customers)}   repurchase rate {_pct(m.repurchase_rate)}"
                     f"   (bought 2+ times: {_num(m.customers and round((m.repurchase_rate or 0) * m.customers))})")
    if m.win_rate is not None:
        lines.append(f"  win rate             {_pct(m.win_rate)}   ({_num(m.won)} won, {_num(m.lost)} lost)")
    if m.sales_cycle_days is not None:
        lines.append(f"  sales cycle          {_num(m.sales_cycle_days, 1)} days (won deals)")
    if m.roi is not None:
        lines.append(f"  cost                 {_num(m.cost, 2)}   ROI {m.roi:.2f}")
    return lines


def format_report(diagnosis: Diagnosis) -> str:
    """KPI block, latest periods, breakdowns, findings and what was dropped, as plain text."""
    d = diagnosis
    out = [f"Diagnosis of {', '.join(d.source.files)}",
           f"  {d.first_date} to {d.last_date}, by {d.period}; {d.rows_used:,} of {d.rows_read:,} rows used", ""]
    out.append("Mapping")
    out += [f"  {line}" for line in d.source.explanation]
    for column, how in d.source.date_formats.items():
        out.append(f"  dates in {column!r}: {how}")
    out += [f"  {note}" for note in d.source.notes]
    out += ["", "Whole data"] + _kpi_lines(d.total)
    if d.periods:
        out += ["", f"Latest {d.period}s (change from the previous {d.period})"]
        first = d.periods[0]
        for row in d.periods[-4:]:
            m = row.metrics
            flag = "  (partial)" if row.partial else ""
            extra = f"   win {_pct(m.win_rate)}" if m.win_rate is not None else ""
            extra += _new_customers(m, FIRST_MARK if row is first else "")
            out.append(f"  {row.period:8} revenue {_num(m.revenue, 0)}{_signed(row.change.get('revenue'))}"
                       f"   orders {_num(m.orders)}{extra}{flag}")
        if first in d.periods[-4:] and first.metrics.new_customer_share is not None:
            out.append(f"  {FIRST_MARK} first {d.period} of the data: every customer is new")
    for dimension, rows in d.breakdowns.items():
        out += ["", f"By {dimension.replace('_', ' ')} (top {min(len(rows), REPORT_GROUPS)} of {len(rows)} by revenue)"]
        for row in rows[:REPORT_GROUPS]:
            m = row.metrics
            extra = f"   win {_pct(m.win_rate)}" if m.win_rate is not None else ""
            extra += f"   ROI {m.roi:.2f}" if m.roi is not None else ""
            out.append(f"  {row.value[:24]:24} revenue {_num(m.revenue, 0):>14} ({_pct(m.revenue_share)})"
                       f"   AOV {_num(m.average_order_value, 2)}{extra}")
    out += ["", "Weak spots" if d.findings else "Weak spots: none above the thresholds"]
    for i, finding in enumerate(d.findings[:REPORT_FINDINGS], 1):
        out.append(f"  {i}. {finding.text}")
    if len(d.findings) > REPORT_FINDINGS:
        out.append(f"  ... and {len(d.findings) - REPORT_FINDINGS} more (see --json)")
    out.append("")
    if d.dropped:
        out.append("Dropped rows: " + row_counts(d.dropped))
    else:
        out.append("Dropped rows: none")
    if d.partial:
        out.append("Partly used rows: " + row_counts(d.partial))
    return "\n".join(out) + "\n"
