"""The KPIs of a diagnosis, defined once and computed with numpy over integer group ids.

Input is a clean frame with canonical columns (see sales_fields.FIELDS and record_rules):
non-sales rows already removed. The computation is pure; pandas is imported lazily.

Counts (orders, customers, deals) are bincounts, bitmaps and sorts of packed integer keys, and
sums of money weighted bincounts (sales.grouping), rather than a pandas groupby per metric;
amounts that are whole cents are summed in cents, exactly (prepare). Orders whose lines agree
on everything but the product line are summed to one row per order (order_grain) or per (order,
product line) (pair_grain), and counted as rows, instead of counting distinct ids over lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sales.errors import Reason

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: What every metric means. Copied into the README; the code below implements exactly this.
METRIC_DEFINITIONS: dict[str, str] = {
    "revenue": "Sum of amount over revenue lines. Revenue lines are all lines when the data has "
               "no stage; with a stage, only won deals (lost deals bring no revenue; open deals are "
               "left out of the diagnosis and counted as dropped).",
    "units": "Sum of quantity over revenue lines (None without a quantity column).",
    "lines": "Number of revenue lines.",
    "orders": "Number of distinct order ids among revenue lines; without an order id column each "
              "line counts as one order.",
    "average_order_value": "revenue / orders.",
    "customers": "Number of distinct customers among revenue lines (lines without a customer are "
                 "left out of every customer metric).",
    "new_customers": "Customers in the slice with a revenue line in the period of their first "
                     "order anywhere in the data (the 'first period' of that customer).",
    "returning_customers": "Customers in the slice with a revenue line in a period after their "
                           "first period. For one period, new + returning = customers; over "
                           "several periods a customer can be both.",
    "new_customer_share": "new_customers / customers.",
    "repurchase_rate": "Share of the slice's customers who placed 2 or more distinct orders "
                       "within the slice (for a month: customers who ordered at least twice that "
                       "month; for the whole data: customers who ever ordered twice or more).",
    "won": "Distinct won deals (order ids; lines when there is no order id). None without stage.",
    "lost": "Distinct lost deals, counted the same way. None without stage.",
    "win_rate": "won / (won + lost); open deals are excluded. None without stage.",
    "sales_cycle_days": "Mean of (date - created) in days over distinct won deals that have both "
                        "dates; date is the close date for deals. None without a created column.",
    "revenue_share": "The slice's revenue / the revenue of all slices of the same dimension "
                     "(in the same period for per-period rows). 1.0 for the whole data.",
    "cost": "Sum of the cost column over all kept lines, or the cost given per group in a cost "
            "file. None when no cost is known.",
    "roi": "(revenue - cost) / cost, when cost is known and above 0.",
    "profit": "Sum of the profit column over revenue lines (lines without a profit left out). None "
              "without a profit column.",
    "margin": "profit / revenue (0.12 = 12%; below 0 the slice loses money). None without a profit "
              "column.",
    "average_discount": "Mean of the discount column (a rate: 0.2 = 20%) over revenue lines that "
                        "have one, each line counting once. None without a discount column.",
    "change": "Change from the previous period (calendar order, empty periods count as zero): for "
              "amounts and counts the relative change (0.12 = +12%); for shares and rates "
              "(win_rate, repurchase_rate, new_customer_share, revenue_share, margin, "
              "average_discount) the difference "
              "(0.03 = +3 percentage points).",
}

METRICS = ("revenue", "units", "lines", "orders", "average_order_value", "customers",
           "new_customers", "returning_customers", "new_customer_share", "repurchase_rate",
           "won", "lost", "win_rate", "sales_cycle_days", "revenue_share", "cost", "roi",
           "profit", "margin", "average_discount")
RATE_METRICS = frozenset({"win_rate", "repurchase_rate", "new_customer_share", "revenue_share", "margin",
                          "average_discount"})
#: Metrics whose periods add up to a longer period's (a quarter's revenue is its months'); the
#: others (customers, rates, averages, days) do not: a customer buys in two months but is one.
SUMMABLE_METRICS = frozenset({"revenue", "units", "lines", "orders", "new_customers", "won", "lost", "cost",
                              "profit"})
#: Ratios whose parts add up over time, as (numerator, denominator parts): a quarter's win rate is
#: its months' deals won over those won and lost, and its average order their revenue over their
#: orders, not the last month's (a month's win rate swings from 49% to 82% in a real pipeline).
RATIO_PARTS = {"win_rate": ("won", ("won", "lost")), "average_order_value": ("revenue", ("orders",)),
               "margin": ("profit", ("revenue",))}
COUNT_METRICS = ("lines", "orders", "customers", "new_customers", "returning_customers", "won", "lost")

#: Grouping columns added by prepare(): a constant for "all", and the period index.
ALL = "_all"
PERIOD = "_period"
_ORDER = "_oid"
_CUSTOMER = "_cid"
_FIRST = "_first"
_REVENUE = "_rev"
_LINES = "_lines"
#: The amounts that are summed, each as a helper column ready for adding up exactly (whole cents
#: where the amounts are whole cents: grouping.as_cents) and the factor its sums are divided by,
#: kept in the frame's attrs under _SCALE.
_SUMMED = {"amount": "_amount", "quantity": "_quantity", "cost": "_cost", "profit": "_profit",
           "discount": "_discount"}
#: Lines with a discount (1.0 each, NaN without): summed beside the discounts, the count the
#: average discount divides by, whether a row is a line or an order's lines summed.
_DISCOUNTED = "_discounted"
_SCALE = "sum_scale"


def _summed_helpers(data: "pd.DataFrame") -> list[str]:
    """The helper columns of ``data`` that add up when lines are summed to orders."""
    return [helper for helper in (*_SUMMED.values(), _DISCOUNTED) if helper in data]


def period_index(dates: "pd.Series", period: str) -> "pd.Series":
    """Integer period per date: months (year*12 + month-1) or quarters (year*4 + quarter-1)."""
    import pandas as pd

    if period not in ("month", "quarter"):
        raise Reason("period must be 'month' or 'quarter', not {period!r}", period=period)
    months = _months(dates.to_numpy())
    return pd.Series(months if period == "month" else months // 3, index=dates.index)


def _months(dates: "np.ndarray") -> "np.ndarray":
    """year*12 + month-1 of each datetime64. Converting a million dates to months one by one is
    slow; the days they fall on are few, so each day's month is looked up instead."""
    import numpy as np

    dates = dates.astype("datetime64[ns]", copy=False)
    nanoseconds = dates.view("int64")
    if len(dates):
        low, high = int(nanoseconds.min()), int(nanoseconds.max())
    if not len(dates) or low == np.iinfo("int64").min:  # none, or a missing date (NaT)
        return dates.astype("datetime64[M]").astype("int64") + 1970 * 12
    day = 86_400 * 10**9
    first, last = low // day, high // day
    if last - first > 4 * len(dates) + 1_000:  # few dates far apart: convert them directly
        return dates.astype("datetime64[M]").astype("int64") + 1970 * 12
    month_of_day = np.arange(first, last + 1).astype("datetime64[D]").astype("datetime64[M]").astype("int64")
    days = nanoseconds // day
    days -= first
    return np.take(month_of_day + 1970 * 12, days)


def period_label(index: int, period: str) -> str:
    """2019-01 for months, 2019-Q1 for quarters: one form wherever a quarter is read (the report,
    the goals' baselines, the review), as months have their dash."""
    if period == "month":
        return f"{index // 12}-{index % 12 + 1:02d}"
    return f"{index // 4}-Q{index % 4 + 1}"


def dashed(label: str) -> str:
    """A period label in the form period_label writes: a quarter kept by an older board as
    `2019Q1` reads `2019-Q1`; anything else as it is."""
    return label.replace("Q", "-Q") if "Q" in label and "-Q" not in label else label


_OLD_QUARTER = re.compile(r"\b(\d{4})Q([1-4])\b")


def dashed_within(kept: Any) -> Any:
    """`dashed` for the quarters inside text an older board kept (a weak spot's "from 2022Q3 to
    2022Q4"), and inside the strings of lists and dicts (its template's values); anything else
    as it is."""
    if isinstance(kept, str):
        return _OLD_QUARTER.sub(r"\1-Q\2", kept) if "Q" in kept else kept
    if isinstance(kept, list):
        return [dashed_within(item) for item in kept]
    if isinstance(kept, dict):
        return {key: dashed_within(value) for key, value in kept.items()}
    return kept


def period_bounds(index: int, period: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """((year, month) of the first month, (year, month) of the month after the period)."""
    months = 1 if period == "month" else 3
    start = index if period == "month" else index * 3
    end = start + months
    return (start // 12, start % 12 + 1), (end // 12, end % 12 + 1)


def prepare(frame: "pd.DataFrame", period: str) -> "pd.DataFrame":
    """Add the helper columns the KPI groupbys use (integer ids, period, first-period flag,
    amounts ready to add up)."""
    import numpy as np
    import pandas as pd

    from sales.grouping import as_cents

    n = len(frame)
    periods = period_index(frame["date"], period).to_numpy().astype("int64", copy=False)
    revenue = (frame["stage"] == "won").to_numpy() if "stage" in frame else np.ones(n, dtype=bool)
    helpers: dict[str, Any] = {ALL: np.zeros(n, dtype="int8"), PERIOD: periods, _REVENUE: revenue}
    scale = {}
    for column, helper in _SUMMED.items():
        if column in frame:
            helpers[helper], scale[column] = as_cents(frame[column].to_numpy())
    if "discount" in frame:
        helpers[_DISCOUNTED] = np.where(np.isnan(frame["discount"].to_numpy(dtype="float64")), np.nan, 1.0)
    if "order_id" in frame:
        oid = frame["order_id"].cat.codes.to_numpy().astype("int64")
        missing = oid < 0
        if missing.any():  # a line without an order id is an order of its own
            oid[missing] = len(frame["order_id"].cat.categories) + np.flatnonzero(missing)
        helpers[_ORDER] = oid
    else:
        helpers[_ORDER] = np.arange(n, dtype="int64")
    if "customer" in frame:
        cid = frame["customer"].cat.codes.to_numpy().astype("int64")
        helpers[_CUSTOMER] = cid
        # each customer's first period with revenue; -1 for customers with none
        never = np.iinfo("int64").max
        lookup = np.full(len(frame["customer"].cat.categories) + 1, never, dtype="int64")
        if "stage" in frame or (len(cid) and cid.min() < 0):
            rev = revenue & (cid >= 0)
            np.minimum.at(lookup, cid[rev], periods[rev])
        else:  # every line is revenue and has a customer
            np.minimum.at(lookup, cid, periods)
        lookup[lookup == never] = -1
        helpers[_FIRST] = periods == np.take(lookup, cid)
    # a new frame around the same columns (no copies) plus the helpers
    prepared = pd.DataFrame({**{name: frame[name] for name in frame.columns}, **helpers}, copy=False)
    prepared.attrs[_SCALE] = scale
    return prepared


#: Columns that must hold one value per order for the per-order shortcut (order_grain); the
#: dates only matter (for the sales cycle) when there is a created date.
_ORDER_LEVEL = (ALL, PERIOD, _REVENUE, _CUSTOMER, _FIRST, "stage", "region", "channel", "rep")
_CYCLE_DATES = ("date", "created")
#: Order-level columns that need no check: ALL is constant; the revenue flag follows from the
#: stage (or is always true), the first-period flag from the customer and the period.
_IMPLIED = (ALL, _REVENUE, _FIRST)


def order_grain(data: "pd.DataFrame") -> "pd.DataFrame | None":
    """The prepare()d lines summed to one row per order, or None when some order's lines
    disagree on a column that matters (customer, period, stage, region, channel, rep, dates).

    Every KPI grouping that does not split orders (all but product line) gives the same
    numbers on this table as on the lines, with far fewer rows to count distinct values in.
    Orders keep the order of their first line; amounts are summed in line order.
    """
    import numpy as np
    import pandas as pd

    from sales.grouping import first_rows, group_sums, run_sums

    order = data[_ORDER].to_numpy()
    columns = [c for c in _ORDER_LEVEL if c in data]
    if "created" in data:
        columns += list(_CYCLE_DATES)
    checked = [_raw(data[c]) for c in columns if c not in _IMPLIED]  # (the rest follow from these)
    sums = _summed_helpers(data)
    runs = _contiguous_orders(order)
    if runs is not None:  # each order's lines side by side, as exports usually come
        head_rows = runs
        same_order = np.ones(len(order), dtype=bool)
        same_order[head_rows] = False  # a line continuing the order of the line before it
        same_order = same_order[1:]
        for raw in checked:
            if (same_order & (raw[1:] != raw[:-1])).any():
                return None
        totals = {c: run_sums(data[c].to_numpy(), head_rows) for c in sums}
        lines = np.diff(np.append(head_rows, len(order)))
    else:
        n_ids = int(order.max()) + 1 if len(order) else 0
        first = first_rows(order, n_ids)
        line_head = np.take(first, order)
        head_rows = np.flatnonzero(line_head == np.arange(len(order)))
        for raw in checked:
            if not np.array_equal(raw, np.take(raw, line_head)):
                return None
        position = np.empty(n_ids, dtype="int64")
        position[order[head_rows]] = np.arange(len(head_rows))
        rank = np.take(position, order)  # orders numbered by their first line
        totals = group_sums({c: data[c].to_numpy() for c in sums}, rank, len(head_rows), min_count=1)
        lines = np.bincount(rank, minlength=len(head_rows))
    result = {column: _take_rows(data[column], head_rows) for column in columns + [_ORDER]}
    result.update(totals)
    result[_LINES] = lines
    grain = pd.DataFrame(result, copy=False)
    grain.attrs[_SCALE] = data.attrs.get(_SCALE, {})
    return grain


def _raw(column: "pd.Series") -> "np.ndarray":
    """The values of a column as plain numbers (a categorical's codes; a date's nanoseconds)."""
    raw = column.cat.codes.to_numpy() if column.dtype == "category" else column.to_numpy()
    return raw.view("int64") if raw.dtype.kind == "M" else raw


def _contiguous_orders(order: "np.ndarray") -> "np.ndarray | None":
    """The first line of each order when every order's lines come one after another (each
    order one run of equal ids), else None."""
    import numpy as np

    if not len(order):
        return None
    starts = _run_starts(order)
    seen = np.zeros(int(order.max()) + 1, dtype=bool)
    seen[order[starts]] = True
    return starts if np.count_nonzero(seen) == len(starts) else None


def _run_starts(ids: "np.ndarray") -> "np.ndarray":
    """The positions where a run of equal ids begins (the first line of each run)."""
    import numpy as np

    return np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1]))) if len(ids) else np.empty(0, dtype="int64")


def _take_rows(column: "pd.Series", rows: "np.ndarray") -> Any:
    """The values of ``column`` at these row positions (a categorical stays one)."""
    import numpy as np
    import pandas as pd

    if column.dtype == "category":
        return pd.Categorical.from_codes(np.take(column.cat.codes.to_numpy(), rows), dtype=column.dtype, validate=False)
    return np.take(column.to_numpy(), rows)


#: The order-level columns pair_grain() carries (those that kpi_columns counts with).
_PAIR_COLUMNS = (ALL, PERIOD, _REVENUE, _CUSTOMER, _FIRST, _ORDER, "stage", "date", "created")


def pair_grain(data: "pd.DataFrame", orders: "pd.DataFrame", key: str, in_line_order: bool = False) -> "pd.DataFrame":
    """The prepare()d lines ``data`` summed to one row per distinct (order, ``key`` value), with
    the order-level columns of ``orders`` (its order_grain()): a grain for the dimensions that
    split orders (product lines), where kpi_columns(..., per_order=True) gives the numbers it
    would give on the lines, counting each row as one order of its group.

    Rows are sorted by order, or with ``in_line_order`` in the order the pairs first appear in
    the lines (what the sales cycle's mean needs to come out exactly as over the lines).
    """
    import numpy as np
    import pandas as pd

    from sales.grouping import group_sums, numbered_distinct

    column = data[key]
    shift = len(column.cat.categories).bit_length()  # room for code + 1 (a missing value is 0)
    pair = _order_ranks(data[_ORDER].to_numpy(), orders[_ORDER].to_numpy()) << shift
    pair |= column.cat.codes.to_numpy() + 1
    pairs, row = numbered_distinct(pair, len(orders) << shift, in_appearance_order=in_line_order)
    heads = pairs >> shift
    carried = [name for name in _PAIR_COLUMNS if name in orders and orders[name].dtype != "category"
               and (name not in _CYCLE_DATES or "created" in orders)]  # (dates: for the sales cycle)
    result: dict[str, Any] = {name: np.take(orders[name].to_numpy(), heads) for name in carried}
    if "stage" in orders:
        stage = orders["stage"]
        result["stage"] = pd.Categorical.from_codes(np.take(stage.cat.codes.to_numpy(), heads), dtype=stage.dtype,
                                                    validate=False)
    result[key] = pd.Categorical.from_codes((pairs & ((1 << shift) - 1)) - 1, dtype=column.dtype, validate=False)
    sums = _summed_helpers(data)
    result.update(group_sums({c: data[c].to_numpy() for c in sums}, row, len(pairs), min_count=1))
    result[_LINES] = np.bincount(row, minlength=len(pairs))
    grain = pd.DataFrame(result, copy=False)
    grain.attrs[_SCALE] = data.attrs.get(_SCALE, {})
    return grain


def _order_ranks(line_orders: "np.ndarray", order_ids: "np.ndarray") -> "np.ndarray":
    """For each line, the position of its order among ``order_ids`` (order_grain()'s orders, in
    the order of their first line): counted along the lines when each order's lines come side
    by side, else looked up."""
    import numpy as np

    starts = _run_starts(line_orders)
    if len(starts) and len(starts) == len(order_ids):  # one run per order: the n-th run is the n-th order
        steps = np.zeros(len(line_orders), dtype="int64")
        steps[starts[1:]] = 1
        return np.cumsum(steps, out=steps)
    rank_of = np.zeros(int(order_ids.max()) + 1 if len(order_ids) else 0, dtype="int64")
    rank_of[order_ids] = np.arange(len(order_ids))
    return np.take(rank_of, line_orders)


class _Groups:
    """One integer id per row for the groups of ``keys`` (-1: a key is missing), so every
    count is a bincount over a single int64 column. Ids are below ``size``."""

    def __init__(self, data: "pd.DataFrame", keys: list[str]):
        self.keys = keys
        self.parts: list[tuple[str, Any, int, int, int]] = []  # key, labels, offset, stride, radix
        stride = 1
        for key in keys:
            column = data[key]
            if column.dtype == "category":
                labels, offset, radix = column.cat.categories, 0, len(column.cat.categories)
            else:
                codes = column.to_numpy()
                labels = None
                offset = int(codes.min()) if len(codes) else 0
                radix = int(codes.max()) - offset + 1 if len(codes) else 1
            self.parts.append((key, labels, offset, stride, max(radix, 1)))
            stride *= max(radix, 1)
        self.size = stride
        self.gid = self._ids(data)

    def _ids(self, data: "pd.DataFrame") -> "np.ndarray":
        """The group id of each row of ``data``."""
        import numpy as np

        gid: Any = None
        invalid: Any = None
        for key, labels, offset, stride, _radix in self.parts:
            column = data[key]
            if labels is not None:
                codes = column.cat.codes.to_numpy()
                bad = codes < 0 if len(codes) and codes.min() < 0 else None
            else:
                codes = column.to_numpy()
                bad = None
            part = codes.astype("int64")
            if offset:
                part -= offset
            if stride != 1:
                part *= stride
            if gid is None:
                gid = part
            else:
                gid += part
            if bad is not None:
                invalid = bad if invalid is None else invalid | bad
        if gid is None:
            gid = np.zeros(len(data), dtype="int64")
        if invalid is not None:
            gid[invalid] = -1
        return gid

    def labels(self, gids: Any) -> list[Any]:
        """The values of each key for these group ids (category values, or period numbers)."""
        arrays = []
        for _key, labels, offset, stride, radix in self.parts:
            codes = (gids // stride) % radix
            arrays.append(labels.take(codes) if labels is not None else codes + offset)
        return arrays


_DENSE_SLACK = 1 << 16  # group ids up to this many (or 4 per row) are used as they are


class _Dense:
    """Group ids renumbered 0..size-1 keeping their order, when there can be far more ids than
    rows (many keys); ``of`` renumbers, ``ids`` gives back the original ids."""

    def __init__(self, gid: "np.ndarray", size: int):
        import numpy as np

        self.size = size
        self.uniques: Any = None
        if size > 4 * len(gid) + _DENSE_SLACK:
            from sales.grouping import distinct

            self.uniques = distinct(gid[gid >= 0])
            self.size = len(self.uniques)
        self.ids = self.uniques if self.uniques is not None else np.arange(size, dtype="int64")

    def of(self, gid: "np.ndarray") -> "np.ndarray":
        import numpy as np

        if self.uniques is None:
            return gid
        dense = np.searchsorted(self.uniques, gid)
        found = (gid >= 0) & (dense < self.size)
        found[found] = self.uniques[dense[found]] == gid[found]
        return np.where(found, dense, -1)


#: Metrics a group brought in only by won/lost deals or costs does not have (no revenue lines).
_REVENUE_METRICS = ("units", "orders", "average_order_value", "customers", "new_customers",
                    "returning_customers", "repurchase_rate", "new_customer_share", "sales_cycle_days")
_CUSTOMER_METRICS = ("customers", "new_customers", "returning_customers", "repurchase_rate", "new_customer_share")


def kpi_table(data: "pd.DataFrame", keys: list[str], shares_within: list[str] | None = None,
              group_costs: dict[str, float] | None = None, per_order: bool = False) -> "pd.DataFrame":
    """All METRICS per group of ``keys`` (columns of a prepare()d frame), one row per group,
    indexed by the keys' values; see kpi_columns for the arguments."""
    import pandas as pd

    labels, columns = kpi_columns(data, keys, shares_within, group_costs, per_order)
    if len(keys) == 1:
        index = pd.Index(labels[0], name=keys[0])
    else:
        index = pd.MultiIndex.from_arrays(labels, names=keys)
    return pd.DataFrame(columns, index=index)


def kpi_columns(data: "pd.DataFrame", keys: list[str], shares_within: list[str] | None = None,
                group_costs: dict[str, float] | None = None,
                per_order: bool = False) -> tuple[list[Any], dict[str, "np.ndarray"]]:
    """All METRICS per group of ``keys`` (columns of a prepare()d frame): (the values of each
    key, one per group; {metric: one float per group}), groups in the same order.

    ``shares_within``: keys whose totals are the denominator of revenue_share (e.g. [PERIOD]
    for per-period shares); None or [] means the whole data. ``group_costs`` maps a group value
    (single key) to its cost, from a cost file. ``per_order``: each row of ``data`` is one order
    of its group (order_grain(), or pair_grain() for its key), so distinct orders can be
    counted as rows.

    Rows come in the order of each group's first revenue row, or sorted by key when won/lost
    deals or a cost column can add groups without revenue.
    """
    import numpy as np

    from sales.grouping import appearance, group_sums

    groups = _Groups(data, keys)
    dense = _Dense(groups.gid, groups.size)
    gid, size = dense.of(groups.gid), dense.size
    in_group = gid >= 0
    rev_mask = data[_REVENUE].to_numpy() & in_group
    every = bool(rev_mask.all())  # (lines without a stage or a missing key: no copies needed)

    def revenue_rows(values: "np.ndarray") -> "np.ndarray":
        return values if every else values[rev_mask]

    rev_gid = revenue_rows(gid)
    # groups with revenue lines, in the order of their first one
    seen = appearance(rev_gid, size)
    members = seen[0]
    has_revenue = np.zeros(size, dtype=bool)
    has_revenue[members] = True

    scale = data.attrs.get(_SCALE, {})
    summed = {"revenue": "amount", "units": "quantity"}
    summed = {metric: column for metric, column in summed.items() if _SUMMED[column] in data}
    sums = group_sums({metric: revenue_rows(data[_SUMMED[column]].to_numpy()) for metric, column in summed.items()},
                      rev_gid, size)
    # revenue shares are taken of the sums as added up (whole cents, when they are): exact, so
    # they do not depend on the order the groups come in
    summed_revenue = sums["revenue"]
    for metric, column in summed.items():
        sums[metric] = sums[metric] / scale.get(column, 1.0)
    metrics: dict[str, Any] = {
        "revenue": sums["revenue"],
        "units": sums.get("units", np.full(size, np.nan)),
        # (lines of prepare()d data count one each; an order_grain() row counts its lines)
        "lines": np.bincount(rev_gid, weights=revenue_rows(data[_LINES].to_numpy()) if per_order else None,
                             minlength=size).astype("float64"),
    }
    metrics.update(_count_metrics(data, gid, size, per_order))
    metrics.update(_profit_metrics(data, revenue_rows, rev_gid, size, scale, summed_revenue))
    with np.errstate(divide="ignore", invalid="ignore"):
        metrics["average_order_value"] = np.where(metrics["orders"] > 0, metrics["revenue"] / metrics["orders"], np.nan)
    joined = "stage" in data and bool((metrics["won"] + metrics["lost"]).any())  # outer joins add groups
    has_cost = _SUMMED["cost"] in data and group_costs is None
    if has_cost:
        metrics["cost"] = group_sums({"cost": data[_SUMMED["cost"]].to_numpy()[in_group]}, gid[in_group], size,
                                     min_count=1)["cost"] / scale.get("cost", 1.0)
        joined = True

    if joined:  # every group with a row of its own, sorted by key
        present = np.zeros(size, dtype=bool)
        present[members] = True
        if "stage" in data:
            present |= (metrics["won"] > 0) | (metrics["lost"] > 0)
        if has_cost:
            present[gid[in_group]] = True
        members = np.flatnonzero(present)
    columns = {name: np.asarray(values, dtype="float64")[members] for name, values in metrics.items()}
    added = ~has_revenue[members]
    if added.any():  # joined in: no revenue lines, so no revenue metrics (counts of lines are 0)
        columns["revenue"][added] = 0.0
        columns["lines"][added] = 0.0
        for name in _REVENUE_METRICS:
            columns[name][added] = np.nan
        if "stage" in data:  # joined in by costs alone: the won/lost counts were filled before
            costs_only = added & (columns["won"] == 0) & (columns["lost"] == 0)
            for name in ("won", "lost", "win_rate"):
                columns[name][costs_only] = np.nan
    labels = groups.labels(dense.ids[members])
    revenue = columns["revenue"]
    share_of = summed_revenue[members]
    share_of[added] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        if shares_within:  # each group's revenue over its parent's (e.g. its period's) total
            within = _parent_ids(groups, dense.ids[members], shares_within)
            totals = group_sums({"revenue": share_of}, within, int(within.max()) + 1 if len(within) else 0)["revenue"]
            parent = np.take(totals, within)
            columns["revenue_share"] = np.where(parent > 0, share_of / parent, np.nan)
        else:
            parent = share_of.sum()
            columns["revenue_share"] = share_of / parent if parent > 0 else np.full(len(revenue), np.nan)
        if group_costs is not None and len(keys) == 1:
            columns["cost"] = np.array([group_costs.get(str(v), np.nan) for v in labels[0]], dtype="float64")
        elif "cost" not in columns:
            columns["cost"] = np.full(len(revenue), np.nan)
        cost = columns["cost"]
        columns["roi"] = np.where(cost > 0, (revenue - cost) / cost, np.nan)
    return labels, {name: columns[name] for name in METRICS}


def _profit_metrics(data: "pd.DataFrame", revenue_rows: Any, rev_gid: "np.ndarray", size: int,
                    scale: dict[str, float], summed_revenue: "np.ndarray") -> dict[str, "np.ndarray"]:
    """profit, margin and average discount per group, over its revenue lines (NaN without the
    column; a group whose lines have none: NaN too)."""
    import numpy as np

    from sales.grouping import group_sums

    nan = np.full(size, np.nan)
    metrics = {"profit": nan, "margin": nan, "average_discount": nan}
    if _SUMMED["profit"] in data:
        profit = group_sums({"p": revenue_rows(data[_SUMMED["profit"]].to_numpy())}, rev_gid, size, min_count=1)["p"]
        metrics["profit"] = profit / scale.get("profit", 1.0)
        revenue = summed_revenue / scale.get("amount", 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            metrics["margin"] = np.where(revenue > 0, metrics["profit"] / revenue, np.nan)
    if _SUMMED["discount"] in data:
        parts = group_sums({"d": revenue_rows(data[_SUMMED["discount"]].to_numpy()),
                            "n": revenue_rows(data[_DISCOUNTED].to_numpy())}, rev_gid, size)
        with np.errstate(divide="ignore", invalid="ignore"):
            metrics["average_discount"] = np.where(parts["n"] > 0, parts["d"] / scale.get("discount", 1.0) / parts["n"],
                                                   np.nan)
    return metrics


def _parent_ids(groups: _Groups, gids: "np.ndarray", keys: list[str]) -> "np.ndarray":
    """For rows with these group ids: 0, 1, ... per distinct combination of ``keys`` alone (the
    parent group whose total a revenue share is taken of)."""
    import numpy as np

    combined = np.zeros(len(gids), dtype="int64")
    for key, _labels, _offset, stride, radix in groups.parts:
        if key in keys:
            combined = combined * radix + (gids // stride) % radix
    return np.unique(combined, return_inverse=True)[1].reshape(-1)


def _count_metrics(data: "pd.DataFrame", gid: "np.ndarray", size: int, per_order: bool) -> dict[str, "np.ndarray"]:
    """Distinct orders, customers (new, returning, repurchasing), won and lost deals and the
    sales cycle per group id; ``per_order``: each row of ``data`` is a distinct order in its group."""
    import numpy as np
    import pandas as pd

    from sales.grouping import counts, distinct_counts, group_means

    in_group = gid >= 0
    rev_mask = data[_REVENUE].to_numpy() & in_group
    order = data[_ORDER].to_numpy()

    def orders_of(mask: "np.ndarray") -> "np.ndarray":
        found = counts(gid[mask], size) if per_order else distinct_counts(gid[mask], order[mask], size)
        return found.astype("float64")

    nan = np.full(size, np.nan)
    metrics = {"orders": orders_of(rev_mask)}
    if _CUSTOMER in data:
        metrics.update(_customer_metrics(data, gid, rev_mask, size, per_order, order))
    else:
        metrics.update(dict.fromkeys(_CUSTOMER_METRICS, nan))
    if "stage" in data:
        stage = data["stage"].to_numpy()
        metrics["won"] = orders_of(in_group & (stage == "won"))
        metrics["lost"] = orders_of(in_group & (stage == "lost"))
        decided = metrics["won"] + metrics["lost"]
        with np.errstate(divide="ignore", invalid="ignore"):
            metrics["win_rate"] = np.where(decided > 0, metrics["won"] / decided, np.nan)
    else:
        metrics["won"] = metrics["lost"] = metrics["win_rate"] = nan
    if "stage" in data and "created" in data:
        won_rows = np.flatnonzero(rev_mask & data["created"].notna().to_numpy())
        if not per_order:  # the first line of each (group, deal)
            radix = int(order[won_rows].max()) + 1 if len(won_rows) else 1
            key = gid[won_rows] * radix + order[won_rows]
            won_rows = won_rows[~pd.Series(key, copy=False).duplicated().to_numpy()]
        days = (data["date"].to_numpy()[won_rows] - data["created"].to_numpy()[won_rows]) / np.timedelta64(1, "D")
        metrics["sales_cycle_days"] = group_means(days, gid[won_rows], size)
    else:
        metrics["sales_cycle_days"] = nan
    return metrics


def _customer_metrics(data: "pd.DataFrame", gid: "np.ndarray", rev_mask: "np.ndarray", size: int,
                      per_order: bool, order: "np.ndarray") -> dict[str, "np.ndarray"]:
    """customers, new / returning customers and their share, and the repurchase rate, per group
    (over revenue lines with a customer)."""
    import numpy as np

    from sales.grouping import distinct, distinct_with_counts

    cid = data[_CUSTOMER].to_numpy()
    first = data[_FIRST].to_numpy()
    known = rev_mask & (cid >= 0)
    if not known.all():
        gid, cid, first, order = gid[known], cid[known], first[known], order[known]
    # one int per (group, customer, first-period flag), in bit fields (shifts, no divisions):
    # new customers have a 1, returning ones a 0
    shift = int(cid.max()).bit_length() if len(cid) else 0
    kind = "int32" if (size << (shift + 1)) < 2**31 else "int64"
    flagged = gid.astype(kind) << (shift + 1)
    flagged |= cid.astype(kind) << 1
    flagged |= first
    if per_order:  # each row is one order: rows per (group, customer, flag) are its orders
        flags, orders_per_flag = distinct_with_counts(flagged)
        pairs = flags >> 1
        if len(pairs) and (pairs[1:] == pairs[:-1]).any():  # some customer is new and returning
            starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
            pairs, orders_per = pairs[starts], np.add.reduceat(orders_per_flag, starts)
        else:
            orders_per = orders_per_flag
    else:
        order_shift = int(order.max()).bit_length() if len(order) else 0
        triples = ((flagged >> 1).astype("int64") << order_shift) | order
        pairs, orders_per = distinct_with_counts(distinct(triples) >> order_shift)
        flags = distinct(flagged)
    # both lists come sorted, so each group's entries are one run: counts by run bounds
    customers, repeat = _runs(pairs >> shift, size, orders_per >= 2)
    seen, new = _runs(flags >> (shift + 1), size, (flags & 1).astype(bool))
    returning = seen - new
    some = customers > 0
    return {
        "customers": customers,
        "new_customers": new,
        "returning_customers": returning,
        "repurchase_rate": np.divide(repeat, customers, out=np.full(size, np.nan), where=some),
        "new_customer_share": np.divide(new, customers, out=np.full(size, np.nan), where=some),
    }


def _runs(owners: "np.ndarray", size: int, marked: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
    """For sorted group ids: how many entries each group 0..size-1 has, and how many of them
    are ``marked`` (as floats)."""
    import numpy as np

    bounds = np.searchsorted(owners, np.arange(size + 1))
    running = np.concatenate(([0], np.cumsum(marked, dtype="int64")))
    return np.diff(bounds).astype("float64"), np.diff(running[bounds]).astype("float64")
