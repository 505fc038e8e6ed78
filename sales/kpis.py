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


def period_index(dates: "pd.Series", period: str) -> "pd.Series":
    """Integer period per date: months (year*12 + month-1) or quarters (year*4 + quarter-1)."""
    if period == "month":
        return dates.dt.year * 12 + dates.dt.month - 1
    if period == "quarter":
        return dates.dt.year * 4 + (dates.dt.month - 1) // 3
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

    out = frame.copy(deep=False)
    out[ALL] = np.int8(0)
    out[PERIOD] = period_index(out["date"], period).astype("int32")
    if "stage" in out:
        out[_REVENUE] = (out["stage"] == "won").to_numpy()
    else:
        out[_REVENUE] = True
    if "order_id" in out:
        out[_ORDER] = out["order_id"].cat.codes.astype("int64")
        missing = out[_ORDER].to_numpy() < 0
        if missing.any():  # a line without an order id is an order of its own
            out.loc[missing, _ORDER] = -1 - np.flatnonzero(missing)
    else:
        out[_ORDER] = np.arange(len(out), dtype="int64")
    if "customer" in out:
        cid = out["customer"].cat.codes.to_numpy().astype("int64")
        out[_CUSTOMER] = cid
        rev = out[_REVENUE].to_numpy() & (cid >= 0)
        first = np.full(len(out["customer"].cat.categories) + 1, np.iinfo(np.int32).max, dtype="int64")
        np.minimum.at(first, cid[rev], out[PERIOD].to_numpy()[rev])
        out[_FIRST] = out[PERIOD].to_numpy() == first[np.maximum(cid, 0)]
    return out


def kpi_table(data: "pd.DataFrame", keys: list[str], shares_within: list[str] | None = None,
              group_costs: dict[str, float] | None = None) -> "pd.DataFrame":
    """All METRICS per group of ``keys`` (columns of a prepare()d frame), one row per group.

    ``shares_within``: keys whose totals are the denominator of revenue_share (e.g. [PERIOD]
    for per-period shares); None or [] means the whole data. ``group_costs`` maps a group value
    (single key) to its cost, from a cost file.
    """
    import numpy as np
    import pandas as pd

    def grouped(frame: "pd.DataFrame", by: list[str]) -> Any:
        return frame.groupby(by, observed=True, sort=False)

    rev = data[data[_REVENUE].to_numpy()]
    g = grouped(rev, keys)
    table = pd.DataFrame({"revenue": g["amount"].sum(), "lines": g.size()})
    table["units"] = g["quantity"].sum() if "quantity" in rev else np.nan
    orders = rev[keys + [_ORDER]].drop_duplicates()
    table["orders"] = grouped(orders, keys).size()
    table["average_order_value"] = table["revenue"] / table["orders"]

    if "customer" in rev:
        with_customer = rev[rev[_CUSTOMER].to_numpy() >= 0]
        pairs = with_customer[keys + [_CUSTOMER, _ORDER, _FIRST]].drop_duplicates(keys + [_CUSTOMER, _ORDER])
        per_customer = grouped(pairs, keys + [_CUSTOMER]).agg(
            n=(_ORDER, "size"), new=(_FIRST, "max"), only_first=(_FIRST, "min")).reset_index()
        per_customer["returning"] = ~per_customer["only_first"]
        per_customer["repeat"] = per_customer["n"] >= 2
        by_group = grouped(per_customer, keys)
        table["customers"] = by_group.size()
        table["new_customers"] = by_group["new"].sum()
        table["returning_customers"] = by_group["returning"].sum()
        table["repurchase_rate"] = by_group["repeat"].mean()
        table["new_customer_share"] = table["new_customers"] / table["customers"]
    else:
        for name in ("customers", "new_customers", "returning_customers", "repurchase_rate", "new_customer_share"):
            table[name] = np.nan

    if "stage" in data:
        decided = data[keys + [_ORDER, "stage"]].drop_duplicates(keys + [_ORDER])
        counts = grouped(decided, keys)["stage"].value_counts().unstack(fill_value=0)
        counts = counts.reindex(columns=["won", "lost"], fill_value=0)
        table = table.join(counts, how="outer")
        table[["won", "lost"]] = table[["won", "lost"]].fillna(0)
        decided_total = table["won"] + table["lost"]
        table["win_rate"] = (table["won"] / decided_total).where(decided_total > 0)
    else:
        table["won"] = table["lost"] = table["win_rate"] = np.nan
    if "stage" in data and "created" in data:
        won = data[data[_REVENUE].to_numpy() & data["created"].notna().to_numpy()]
        won = won.drop_duplicates(keys + [_ORDER])
        days = (won["date"] - won["created"]).dt.total_seconds() / 86400.0
        table["sales_cycle_days"] = days.groupby([won[k] for k in keys], observed=True, sort=False).mean()
    else:
        table["sales_cycle_days"] = np.nan

    table["revenue"] = table["revenue"].fillna(0.0)
    table["lines"] = table["lines"].fillna(0)
    if shares_within:
        parent = table["revenue"].groupby(level=shares_within).transform("sum")
    else:
        parent = table["revenue"].sum()
    table["revenue_share"] = (table["revenue"] / parent).where(parent > 0) if shares_within else \
        (table["revenue"] / parent if parent > 0 else np.nan)

    if group_costs is not None and len(keys) == 1:
        table["cost"] = [group_costs.get(str(v), np.nan) for v in table.index]
    elif "cost" in data:
        table["cost"] = grouped(data, keys)["cost"].sum(min_count=1)
    else:
        table["cost"] = np.nan
    table["roi"] = ((table["revenue"] - table["cost"]) / table["cost"]).where(table["cost"] > 0)
    return table[list(METRICS)]
