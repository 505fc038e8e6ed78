"""The diagnosis result (a plain, serialisable snapshot) and the pure computation producing it.

A Diagnosis holds only str, int, float, None, lists and dicts (msgspec Structs), so the store can
keep it as a snapshot and ``--json`` can print it with ``msgspec.json.encode``. NaN never gets in:
every number passes through ``_number`` on the way.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import msgspec

from sales import kpis
from sales.errors import Reason
from sales.phrases import Phrase, as_builtins, kept
from sales.kpis import COUNT_METRICS, METRICS, RATE_METRICS

if TYPE_CHECKING:
    import pandas as pd

#: Dimensions broken down in a diagnosis, in report order.
DIMENSIONS = ("region", "channel", "product_line", "rep")

#: Metrics whose period-over-period change is reported.
CHANGE_METRICS = ("revenue", "units", "orders", "average_order_value", "customers",
                  "new_customer_share", "repurchase_rate", "win_rate", "sales_cycle_days",
                  "profit", "margin", "average_discount")


class Metrics(msgspec.Struct, omit_defaults=False):
    """The KPIs of one slice of the data; see kpis.METRIC_DEFINITIONS. None = not computable."""

    revenue: float = 0.0
    units: float | None = None
    lines: int = 0
    orders: int | None = None
    average_order_value: float | None = None
    customers: int | None = None
    new_customers: int | None = None
    returning_customers: int | None = None
    new_customer_share: float | None = None
    repurchase_rate: float | None = None
    won: int | None = None
    lost: int | None = None
    win_rate: float | None = None
    sales_cycle_days: float | None = None
    revenue_share: float | None = None
    cost: float | None = None
    roi: float | None = None
    profit: float | None = None
    margin: float | None = None
    average_discount: float | None = None


class PeriodRow(msgspec.Struct):
    """One period (month "2019-01" or quarter "2019-Q1") with its change from the previous one."""

    period: str
    start: str
    metrics: Metrics
    change: dict[str, float | None] = {}
    partial: bool = False

    def __post_init__(self) -> None:  # an older board's diagnosis said its quarters 2019Q1
        self.period = kpis.dashed(self.period)


class GroupRow(msgspec.Struct):
    """One value of a dimension (e.g. region "South") over the whole data and per period."""

    value: str
    metrics: Metrics
    periods: dict[str, Metrics] = {}

    def __post_init__(self) -> None:  # (as PeriodRow's)
        if any("Q" in label and "-Q" not in label for label in self.periods):
            self.periods = {kpis.dashed(label): metrics for label, metrics in self.periods.items()}


class DiscountLevel(msgspec.Struct):
    """The revenue lines given one discount, in whole percent (0.3 for 30% to 30.99%): how many,
    their revenue, and their profit where the records have one (discount vs profit)."""

    discount: float
    lines: int
    revenue: float
    profit: float | None = None


class Finding(msgspec.Struct):
    """A weak spot in plain words, with the numbers behind it. Higher severity = bigger gap."""

    kind: str
    subject: str
    metric: str
    value: float | None = None
    reference: float | None = None
    reference_label: str = ""  # (each with a default, as a plan file leaves an empty field out)
    severity: float = 0.0
    text: str = ""
    said: dict | None = None
    """`text` kept with its template (sales.phrases.as_builtins), so that it is said in the
    interface's language (None in diagnoses kept before there was one: `text` is said as it is)"""

    def __post_init__(self) -> None:  # an older board's weak spots said their quarters 2022Q3 (as PeriodRow's)
        self.subject, self.reference_label = kpis.dashed_within(self.subject), kpis.dashed_within(self.reference_label)
        self.text, self.said = kpis.dashed_within(self.text), kpis.dashed_within(self.said)


class SourceInfo(msgspec.Struct, kw_only=True):
    """Where the data came from and how it was read. (Each part may be empty: a plan file, which
    leaves an empty field out, carries a kept diagnosis.)"""

    files: list[str] = []
    mapping: dict[str, str] = {}
    derived: dict[str, str] = {}
    ignored_columns: list[str] = []
    explanation: list[str] = []
    date_formats: dict[str, str] = {}
    notes: list[str] = []
    said: dict | None = None
    """The three above kept with their templates (`read_as`), so that they are said in the
    interface's language (None in diagnoses kept before there was one: said as written)"""


def read_as(files: list[str], mapping: dict[str, str], derived: dict[str, str], ignored_columns: list[str],
            explanation: list[str], date_formats: dict[str, str], notes: list[str]) -> SourceInfo:
    """How the records were read, to keep: each sentence as its English, and with its template
    where it is a Phrase (`said`), so that `source_lines` says it in the reader's language."""
    return SourceInfo(files=files, mapping=mapping, derived=derived, ignored_columns=ignored_columns,
                      explanation=[str(line) for line in explanation],
                      date_formats={column: str(how) for column, how in date_formats.items()},
                      notes=[str(note) for note in notes],
                      said={"explanation": [as_builtins(line) for line in explanation],
                            "date_formats": {column: as_builtins(how) for column, how in date_formats.items()},
                            "notes": [as_builtins(note) for note in notes]})


def source_lines(source: SourceInfo) -> list[str]:
    """How the records were read, a sentence a line: which column became which field, how each
    date column was read, what joins found; Phrases where the diagnosis kept their templates."""
    said = source.said or {}

    def each(key: str, english: list[str]) -> list[str]:
        templates = said.get(key)
        if not isinstance(templates, list) or len(templates) != len(english):
            templates = [None] * len(english)
        return [kept(template, text) for template, text in zip(templates, english)]

    dates = said.get("date_formats") if isinstance(said.get("date_formats"), dict) else {}
    return [*each("explanation", source.explanation),
            *(Phrase("dates in {column}: {how}", column=repr(column), how=kept(dates.get(column), how))
              for column, how in source.date_formats.items()),
            *each("notes", source.notes)]


class Diagnosis(msgspec.Struct, kw_only=True):
    """Everything phase 1 computes from the sales records; a snapshot the store can keep. (What
    may be empty has a default: a plan file, which leaves an empty field out, carries one.)"""

    created_at: str
    period: str
    source: SourceInfo
    rows_read: int = 0
    rows_used: int = 0
    dropped: dict[str, int] = {}
    partial: dict[str, int] = {}
    first_date: str | None = None
    last_date: str | None = None
    total: Metrics
    periods: list[PeriodRow] = []
    breakdowns: dict[str, list[GroupRow]] = {}
    findings: list[Finding] = []
    discounts: list[DiscountLevel] = []
    """the revenue lines by discount, lowest first (empty without a discount column)"""

    def to_builtins(self) -> dict[str, Any]:
        """Plain dicts and lists, e.g. for a TinyDB snapshot."""
        return msgspec.to_builtins(self)

    def to_json(self) -> bytes:
        """JSON bytes (what ``uplift diagnose --json`` prints)."""
        return msgspec.json.encode(self)

    @classmethod
    def from_builtins(cls, data: Any) -> "Diagnosis":
        """Rebuild a Diagnosis from to_builtins() output (a stored snapshot)."""
        return msgspec.convert(data, cls)


def _number(value: Any) -> float | None:
    """A float, or None for missing / NaN / infinite values."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _metrics(row: dict[str, Any]) -> Metrics:
    values: dict[str, Any] = {}
    for name in METRICS:
        number = _number(row.get(name))
        if name in COUNT_METRICS and number is not None:
            values[name] = int(round(number))
        else:
            values[name] = number
    values["revenue"] = values["revenue"] or 0.0
    values["lines"] = values["lines"] or 0
    return Metrics(**values)


def _change(current: Metrics, previous: Metrics | None) -> dict[str, float | None]:
    change: dict[str, float | None] = {}
    for name in CHANGE_METRICS:
        now = getattr(current, name)
        before = getattr(previous, name) if previous is not None else None
        if now is None or before is None:
            change[name] = None
        elif name in RATE_METRICS:
            change[name] = now - before
        elif name == "profit" and before <= 0:  # (from a loss, a relative change says nothing)
            change[name] = None
        else:
            change[name] = (now / before - 1.0) if before else None
    return change


def _empty_metrics(has: dict[str, bool]) -> Metrics:
    """Metrics of a period with no sales at all (counts zero, ratios unknown)."""
    zero = 0
    return Metrics(
        revenue=0.0, lines=0,
        units=0.0 if has["quantity"] else None,
        orders=zero, customers=zero if has["customer"] else None,
        new_customers=zero if has["customer"] else None,
        returning_customers=zero if has["customer"] else None,
        won=zero if has["stage"] else None, lost=zero if has["stage"] else None,
        profit=0.0 if has["profit"] else None,
    )


def _rows(table: tuple[list[Any], dict[str, Any]]) -> dict[Any, Metrics]:
    """Metrics per group of a kpis.kpi_columns() result, keyed by the key's value (a tuple for
    several keys): what _metrics() makes of each row, a column at a time."""
    import numpy as np

    labels, table_columns = table
    columns = []
    for name in METRICS:
        values = np.asarray(table_columns[name], dtype="float64")
        known = np.isfinite(values)
        if name == "revenue":  # missing or zero: 0.0
            columns.append(np.where(known & (values != 0), values, 0.0).tolist())
            continue
        if name in COUNT_METRICS:
            listed = np.round(np.where(known, values, 0.0)).astype("int64").tolist()
            if name == "lines":  # missing: 0
                columns.append(listed)
                continue
        else:
            listed = values.tolist()
        columns.append([v if k else None for v, k in zip(listed, known.tolist(), strict=True)])
    keys = [list(values) if not hasattr(values, "tolist") else values.tolist() for values in labels]
    keyed = keys[0] if len(keys) == 1 else list(zip(*keys, strict=True))
    return {key: Metrics(*row) for key, row in zip(keyed, zip(*columns, strict=True), strict=True)}


def _iso(value: Any) -> str:
    return str(value)[:10]


def _partial_flags(first: Any, last: Any, indices: list[int], period: str) -> tuple[bool, bool]:
    """Whether the first / last period is only partly covered by the data."""
    import pandas as pd

    def coverage(index: int, date: Any, from_start: bool) -> float:
        (y0, m0), (y1, m1) = kpis.period_bounds(index, period)
        start, end = pd.Timestamp(y0, m0, 1), pd.Timestamp(y1, m1, 1)
        covered = (date - start) if from_start else (end - date)
        return covered / (end - start)

    if not indices:
        return False, False
    from sales.findings import PARTIAL_PERIOD_COVERAGE

    head = coverage(indices[0], first, from_start=False) < PARTIAL_PERIOD_COVERAGE
    tail = coverage(indices[-1], last + pd.Timedelta(days=1), from_start=True) < PARTIAL_PERIOD_COVERAGE
    return bool(head), bool(tail)


def compute_diagnosis(frame: "pd.DataFrame", *, period: str = "month", source: SourceInfo,
                      rows_read: int, dropped: dict[str, int], partial: dict[str, int],
                      costs: dict[str, dict[str, float]] | None = None,
                      created_at: str = "") -> Diagnosis:
    """KPIs for the whole data, per period, per dimension (and dimension x period), and findings.

    ``frame``: canonical columns with non-sales rows already dropped (record_rules).
    ``costs``: optional {dimension: {group value: cost}} from a cost file.
    """
    from concurrent.futures import ThreadPoolExecutor

    from sales.findings import find_weak_spots

    if period not in ("month", "quarter"):
        raise Reason("period must be 'month' or 'quarter', not {period!r}", period=period)
    costs = costs or {}
    has = {name: name in frame for name in ("quantity", "customer", "stage", "profit")}
    data = kpis.prepare(frame, period)
    orders = kpis.order_grain(data)
    by_order = orders if orders is not None else data  # same KPIs, fewer rows
    per_order = orders is not None
    # The product-line breakdown sums every line to (order, product line) pairs, the rest take
    # the orders: a worker thread takes the first meanwhile (numpy and pandas let go of the GIL in their loops, so a second
    # core shortens the whole when there is one; the results do not depend on it).
    with ThreadPoolExecutor(max_workers=1) as pool:
        by_line = pool.submit(_breakdown, "product_line", data, orders, period, costs.get("product_line")) \
            if "product_line" in data else None
        total_cost = sum(sum(v.values()) for v in costs.values()) if len(costs) == 1 else None
        _, whole = kpis.kpi_columns(by_order, [kpis.ALL], per_order=per_order)
        total_row = {name: values[0] for name, values in whole.items()} if len(whole["revenue"]) else None
        if total_row is not None and total_cost is not None:
            total_row["cost"] = total_cost
            total_row["roi"] = (total_row["revenue"] - total_cost) / total_cost if total_cost > 0 else float("nan")
        total = _metrics(total_row) if total_row is not None else _empty_metrics(has)

        by_period = _rows(kpis.kpi_columns(by_order, [kpis.PERIOD], per_order=per_order))
        indices = list(range(min(by_period), max(by_period) + 1)) if by_period else []
        first_date = data["date"].min() if len(data) else None
        last_date = data["date"].max() if len(data) else None
        head_partial, tail_partial = _partial_flags(first_date, last_date, indices, period) if indices else (False, False)
        periods: list[PeriodRow] = []
        previous: Metrics | None = None
        for position, index in enumerate(indices):
            metrics = by_period.get(index) or _empty_metrics(has)
            (y, m), _ = kpis.period_bounds(index, period)
            is_partial = (position == 0 and head_partial) or (position == len(indices) - 1 and tail_partial)
            periods.append(PeriodRow(kpis.period_label(index, period), f"{y}-{m:02d}-01", metrics,
                                     _change(metrics, previous), is_partial))
            previous = metrics

        breakdowns = {dimension: _breakdown(dimension, data, orders, period, costs.get(dimension))
                      for dimension in DIMENSIONS if dimension in data and dimension != "product_line"}
        if by_line is not None:
            breakdowns["product_line"] = by_line.result()
    breakdowns = {dimension: breakdowns[dimension] for dimension in DIMENSIONS if dimension in breakdowns}
    if total_cost is not None and total.roi is not None:
        total.roi = _known_roi(breakdowns.get(next(iter(costs))), total_cost, total.roi)

    diagnosis = Diagnosis(
        created_at=created_at, period=period, source=source, rows_read=rows_read,
        rows_used=len(frame), dropped=dropped, partial=partial,
        first_date=_iso(first_date) if first_date is not None else None,
        last_date=_iso(last_date) if last_date is not None else None,
        total=total, periods=periods, breakdowns=breakdowns, findings=[],
        discounts=discount_levels(frame) if "discount" in frame else [],
    )
    diagnosis.findings = find_weak_spots(diagnosis)
    return diagnosis


def discount_levels(frame: "pd.DataFrame") -> list[DiscountLevel]:
    """The revenue lines (every line without a stage; won deals with one) that have a discount,
    by discount in whole percent: lines, revenue and profit of each, lowest discount first."""
    import numpy as np

    lines = frame if "stage" not in frame else frame[(frame["stage"] == "won").to_numpy()]
    rate = lines["discount"].to_numpy(dtype="float64")
    known = ~np.isnan(rate)
    level = np.floor(rate[known] * 100 + 1e-6).astype("int64")
    amount = lines["amount"].to_numpy(dtype="float64")[known]
    count = np.bincount(level, minlength=101)
    revenue = np.bincount(level, weights=np.nan_to_num(amount), minlength=101)
    profit = None
    if "profit" in lines:
        values = lines["profit"].to_numpy(dtype="float64")[known]
        profit = np.bincount(level, weights=np.nan_to_num(values), minlength=101)
    return [DiscountLevel(discount=round(int(i) / 100, 2), lines=int(count[i]), revenue=float(revenue[i]),
                          profit=None if profit is None else float(profit[i]))
            for i in np.flatnonzero(count)]


def _known_roi(rows: list[GroupRow] | None, cost: float, roi: float) -> float | None:
    """The whole data's ROI where its cost is known: a cost file that names three regions of four
    says nothing of the fourth's cost, and its revenue set against the other three's cost made
    an ROI of 3.65 out of 0.48 and a missing cost. Sales with no group count as uncosted too."""
    if rows is None or cost <= 0:
        return roi
    costed = sum(r.metrics.revenue for r in rows if r.metrics.cost is not None)
    return (costed - cost) / cost


def _breakdown(dimension: str, data: "pd.DataFrame", orders: "pd.DataFrame | None", period: str,
               group_costs: dict[str, float] | None) -> list[GroupRow]:
    """The rows of one dimension, biggest revenue first, each with its metrics per period.

    ``data``: the prepare()d lines; ``orders``: their order_grain() (None when orders split).
    Product lines split orders, so they take the (order, product line) pairs; the other
    dimensions take the orders as they are (the lines when there are no whole orders).
    """
    if orders is None:
        grain = data
    elif dimension == "product_line":
        grain = kpis.pair_grain(data, orders, dimension, in_line_order="stage" in data and "created" in data)
    else:
        grain = orders
    one_per_order = grain is not data
    overall = _rows(kpis.kpi_columns(grain, [dimension], group_costs=group_costs, per_order=one_per_order))
    per_period = kpis.kpi_columns(grain, [dimension, kpis.PERIOD], shares_within=[kpis.PERIOD],
                                  per_order=one_per_order)
    split: dict[str, dict[str, Metrics]] = {}
    for (value, index), metrics in _rows(per_period).items():
        split.setdefault(str(value), {})[kpis.period_label(int(index), period)] = metrics
    rows = [GroupRow(str(value), metrics, dict(sorted(split.get(str(value), {}).items())))
            for value, metrics in overall.items()]
    rows.sort(key=lambda r: -r.metrics.revenue)
    return rows
