"""The KPIs of a diagnosis, defined once and computed with vectorised pandas groupbys.

Input is a clean frame with canonical columns (see sales_fields.FIELDS and record_rules):
non-sales rows already removed. The computation is pure; pandas is imported lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    "change": "Change from the previous period (calendar order, empty periods count as zero): for "
              "amounts and counts the relative change (0.12 = +12%); for shares and rates "
              "(win_rate, repurchase_rate, new_customer_share, revenue_share) the difference "
              "(0.03 = +3 percentage points).",
}

METRICS = ("revenue", "units", "lines", "orders", "average_order_value", "customers",
           "new_customers", "returning_customers", "new_customer_share", "repurchase_rate",
           "won", "lost", "win_rate", "sales_cycle_days", "revenue_share", "cost", "roi")
RATE_METRICS = frozenset({"win_rate", "repurchase_rate", "new_customer_share", "revenue_share"})
COUNT_METRICS = ("lines", "orders", "customers", "new_customers", "returning_customers", "won", "lost")

#: Grouping columns added by prepare(): a constant for "all", and the period index.
ALL = "_all"
PERIOD = "_period"
_ORDER = "_oid"
_CUSTOMER = "_cid"
_FIRST = "_first"
_REVENUE = "_rev"
_LINES = "_lines"


def period_index(dates: "pd.Series", period: str) -> "pd.Series":
    """Integer period per date: months (year*12 + month-1) or quarters (year*4 + quarter-1)."""
    import pandas as pd

    months = dates.to_numpy().astype("datetime64[M]").astype("int64") + 1970 * 12
    if period == "month":
        return pd.Series(months, index=dates.index)
    if period == "quarter":
        return pd.Series(months // 3, index=dates.index)
    raise ValueError(f"period must be 'month' or 'quarter', not {period!r}")


def period_label(index: int, period: str) -> str:
    """2019-01 for months, 2019Q1 for quarters."""
    if period == "month":
        return f"{index // 12}-{index % 12 + 1:02d}"
    return f"{index // 4}Q{index % 4 + 1}"


def period_bounds(index: int, period: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """((year, month) of the first month, (year, month) of the month after the period)."""
    months = 1 if period == "month" else 3
    start = index if period == "month" else index * 3
    end = start + months
    return (start // 12, start % 12 + 1), (end // 12, end % 12 + 1)


def prepare(frame: "pd.DataFrame", period: str) -> "pd.DataFrame":
    """Add the helper columns the KPI groupbys use (integer ids, period, first-period flag)."""
    import numpy as np
    import pandas as pd

    out = frame.copy(deep=False)
    out[ALL] = np.int8(0)
    out[PERIOD] = period_index(out["date"], period).astype("int64")
    out[_REVENUE] = (out["stage"] == "won").to_numpy() if "stage" in out else True
    out[_LINES] = np.int64(1)
    if "order_id" in out:
        oid = out["order_id"].cat.codes.to_numpy().astype("int64")
        missing = oid < 0
        if missing.any():  # a line without an order id is an order of its own
            oid[missing] = len(out["order_id"].cat.categories) + np.flatnonzero(missing)
        out[_ORDER] = oid
    else:
        out[_ORDER] = np.arange(len(out), dtype="int64")
    if "customer" in out:
        cid = out["customer"].cat.codes.to_numpy().astype("int64")
        out[_CUSTOMER] = cid
        rev = out[_REVENUE].to_numpy() & (cid >= 0)
        first = pd.Series(out[PERIOD].to_numpy()[rev]).groupby(cid[rev]).min()
        lookup = np.full(len(out["customer"].cat.categories) + 1, -1, dtype="int64")
        lookup[first.index.to_numpy()] = first.to_numpy()
        out[_FIRST] = out[PERIOD].to_numpy() == lookup[cid]
    return out


#: Columns that must hold one value per order for the per-order shortcut (order_grain); the
#: dates only matter (for the sales cycle) when there is a created date.
_ORDER_LEVEL = (ALL, PERIOD, _REVENUE, _CUSTOMER, _FIRST, "stage", "region", "channel", "rep")
_CYCLE_DATES = ("date", "created")


def order_grain(data: "pd.DataFrame") -> "pd.DataFrame | None":
    """The prepare()d lines summed to one row per order, or None when some order's lines
    disagree on a column that matters (customer, period, stage, region, channel, rep, dates).

    Every KPI grouping that does not split orders (all but product line) gives the same
    numbers on this table as on the lines, with far fewer rows to count distinct values in.
    """
    import numpy as np

    order = data[_ORDER].to_numpy()
    heads = ~data[_ORDER].duplicated().to_numpy()
    head_rows = np.flatnonzero(heads)
    position = np.empty(int(order.max()) + 1 if len(order) else 0, dtype="int64")
    position[order[head_rows]] = np.arange(len(head_rows))
    line_head = head_rows[position[order]]
    columns = [c for c in _ORDER_LEVEL if c in data]
    if "created" in data:
        columns += list(_CYCLE_DATES)
    for column in columns:
        values = data[column]
        raw = values.cat.codes.to_numpy() if values.dtype == "category" else values.to_numpy()
        if raw.dtype.kind == "M":
            raw = raw.view("int64")
        if not np.array_equal(raw, raw[line_head]):
            return None
    sums = [c for c in ("amount", "quantity", "cost", _LINES) if c in data]
    table = data[sums].groupby(order, sort=False).sum(min_count=1)
    result = data.iloc[head_rows][columns + [_ORDER]].reset_index(drop=True)
    for column in sums:
        result[column] = table[column].to_numpy()
    return result


class _Groups:
    """One integer id per row for the groups of ``keys`` (-1: a key is missing), so every
    distinct count is a pandas unique / groupby over a single int64 column."""

    def __init__(self, data: "pd.DataFrame", keys: list[str]):
        import numpy as np

        self.keys = keys
        self.parts: list[tuple[str, Any, int, int, int]] = []  # key, labels, offset, stride, radix
        gid = np.zeros(len(data), dtype="int64")
        valid = np.ones(len(data), dtype=bool)
        stride = 1
        for key in keys:
            column = data[key]
            if column.dtype == "category":
                codes = column.cat.codes.to_numpy().astype("int64")
                labels, offset, radix = column.cat.categories, 0, len(column.cat.categories)
            else:
                codes = column.to_numpy().astype("int64")
                offset = int(codes.min()) if len(codes) else 0
                codes = codes - offset
                labels, radix = None, int(codes.max()) + 1 if len(codes) else 1
            valid &= codes >= 0
            gid += codes * stride
            self.parts.append((key, labels, offset, stride, max(radix, 1)))
            stride *= max(radix, 1)
        gid[~valid] = -1
        self.gid = gid

    def index(self, gids: Any) -> "pd.Index":
        """Key values of group ids, as an Index (one key) or a MultiIndex."""
        import pandas as pd

        arrays = []
        for _key, labels, offset, stride, radix in self.parts:
            codes = (gids // stride) % radix
            arrays.append(labels.take(codes) if labels is not None else codes + offset)
        if len(arrays) == 1:
            return pd.Index(arrays[0], name=self.keys[0])
        return pd.MultiIndex.from_arrays(arrays, names=self.keys)


def _distinct_per_group(gid: Any, item: Any) -> "pd.Series":
    """Number of distinct ``item`` values per group id (int64 arrays, both >= 0)."""
    import pandas as pd

    if len(gid) == 0:
        return pd.Series(dtype="int64")
    radix = int(item.max()) + 1
    if (int(gid.max()) + 1) * radix < 2**62:
        return pd.Series(pd.unique(gid * radix + item) // radix).value_counts(sort=False)
    pairs = pd.DataFrame({"g": gid, "i": item}).drop_duplicates()
    return pairs.groupby("g", sort=False).size()


def kpi_table(data: "pd.DataFrame", keys: list[str], shares_within: list[str] | None = None,
              group_costs: dict[str, float] | None = None, per_order: bool = False) -> "pd.DataFrame":
    """All METRICS per group of ``keys`` (columns of a prepare()d frame), one row per group.

    ``shares_within``: keys whose totals are the denominator of revenue_share (e.g. [PERIOD]
    for per-period shares); None or [] means the whole data. ``group_costs`` maps a group value
    (single key) to its cost, from a cost file. ``per_order``: ``data`` has one row per order
    (order_grain()), so distinct orders can be counted as rows.
    """
    import numpy as np
    import pandas as pd

    groups = _Groups(data, keys)
    gid = groups.gid
    in_group = gid >= 0
    rev_mask = data[_REVENUE].to_numpy() & in_group
    rev_gid = gid[rev_mask]
    sums = {"revenue": data["amount"].to_numpy()[rev_mask]}
    if "quantity" in data:
        sums["units"] = data["quantity"].to_numpy()[rev_mask]
    sums["lines"] = data[_LINES].to_numpy()[rev_mask]
    table = pd.DataFrame(sums).groupby(rev_gid, sort=False).sum()
    if "units" not in table:
        table["units"] = np.nan
    if per_order:
        table["orders"] = pd.Series(rev_gid).value_counts(sort=False)
    else:
        table["orders"] = _distinct_per_group(rev_gid, data[_ORDER].to_numpy()[rev_mask])
    table["average_order_value"] = table["revenue"] / table["orders"]

    if _CUSTOMER in data:
        cid = data[_CUSTOMER].to_numpy()
        known = rev_mask & (cid >= 0)
        g, c = gid[known], cid[known]
        first = data[_FIRST].to_numpy()[known]
        n_customers = int(c.max()) + 1 if len(c) else 1
        group_customer = g * n_customers + c
        if per_order:  # each row is one order: counting rows counts distinct orders
            orders_per = pd.Series(group_customer).value_counts(sort=False)
        else:
            orders_per = _distinct_per_group(group_customer, data[_ORDER].to_numpy()[known])
        owners = pd.Series(orders_per.index.to_numpy() // n_customers)
        table["customers"] = owners.value_counts(sort=False)
        table["repurchase_rate"] = owners[(orders_per >= 2).to_numpy()].value_counts(sort=False) \
            .reindex(table.index, fill_value=0) / table["customers"]
        # (group, customer, first-period flag): new customers have a 1, returning ones a 0
        flagged = pd.Series(pd.unique(group_customer * 2 + first))
        is_new = (flagged % 2 == 1).to_numpy()
        table["new_customers"] = (flagged[is_new] // 2 // n_customers).value_counts(sort=False)
        table["returning_customers"] = (flagged[~is_new] // 2 // n_customers).value_counts(sort=False)
        table[["customers", "new_customers", "returning_customers"]] = \
            table[["customers", "new_customers", "returning_customers"]].fillna(0)
        table["new_customer_share"] = table["new_customers"] / table["customers"]
    else:
        for name in ("customers", "new_customers", "returning_customers", "repurchase_rate", "new_customer_share"):
            table[name] = np.nan

    if "stage" in data:
        stage = data["stage"].to_numpy()
        order = data[_ORDER].to_numpy()
        for outcome in ("won", "lost"):
            mask = in_group & (stage == outcome)
            counts = _distinct_per_group(gid[mask], order[mask])
            table = table.join(counts.rename(outcome), how="outer") if len(counts) else table.assign(**{outcome: 0})
        table[["won", "lost"]] = table[["won", "lost"]].fillna(0)
        decided = table["won"] + table["lost"]
        table["win_rate"] = (table["won"] / decided).where(decided > 0)
    else:
        table["won"] = table["lost"] = table["win_rate"] = np.nan
    if "stage" in data and "created" in data:
        won = rev_mask & data["created"].notna().to_numpy()
        won_gid, won_order = gid[won], data[_ORDER].to_numpy()[won]
        first_line = ~pd.Series(won_gid * (int(won_order.max()) + 1 if len(won_order) else 1) + won_order).duplicated().to_numpy()
        days = (data["date"].to_numpy()[won] - data["created"].to_numpy()[won]) / np.timedelta64(1, "D")
        table["sales_cycle_days"] = pd.Series(days[first_line]).groupby(won_gid[first_line], sort=False).mean()
    else:
        table["sales_cycle_days"] = np.nan

    if "cost" in data and group_costs is None:
        costs = pd.Series(data["cost"].to_numpy()[in_group]).groupby(gid[in_group], sort=False).sum(min_count=1)
        table = table.join(costs.rename("cost"), how="outer")
    table["revenue"] = table["revenue"].fillna(0.0)
    table["lines"] = table["lines"].fillna(0)
    table.index = groups.index(table.index.to_numpy())
    if shares_within:
        parent = table["revenue"].groupby(level=shares_within).transform("sum")
        table["revenue_share"] = (table["revenue"] / parent).where(parent > 0)
    else:
        parent = table["revenue"].sum()
        table["revenue_share"] = table["revenue"] / parent if parent > 0 else np.nan
    if group_costs is not None and len(keys) == 1:
        table["cost"] = [group_costs.get(str(v), np.nan) for v in table.index]
    elif "cost" not in table:
        table["cost"] = np.nan
    table["roi"] = ((table["revenue"] - table["cost"]) / table["cost"]).where(table["cost"] > 0)
    return table[list(METRICS)]
