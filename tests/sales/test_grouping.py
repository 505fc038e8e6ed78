"""The counting and summing helpers of the KPI tables: distinct values counted by hand, and sums
and means against exact sums (math.fsum) of each group's values picked out one by one."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sales import grouping, kpis


@pytest.mark.parametrize("spread", [10, 10**9])  # a bitmap of every value, or a sort
def test_distinct_values_and_counts(spread: int) -> None:
    keys = np.array([3, 1, 3, 3, 0, 1], dtype="int64") * spread
    assert grouping.distinct(keys).tolist() == [0, spread, 3 * spread]
    values, counts = grouping.distinct_with_counts(keys)
    assert values.tolist() == [0, spread, 3 * spread] and counts.tolist() == [1, 2, 3]
    group = np.array([0, 0, 1, 1, 1, 2])
    assert grouping.distinct_counts(group, keys, 4).tolist() == [2, 2, 1, 0]  # {3,1} {3,0} {1} {}
    empty = np.empty(0, dtype="int64")
    assert grouping.distinct(empty).tolist() == [] and grouping.distinct_counts(empty, empty, 2).tolist() == [0, 0]


@pytest.mark.parametrize("spread", [10, 10**9])  # a bitmap of every value, or a sort
def test_distinct_values_numbered(spread: int) -> None:
    keys = np.array([3, 1, 3, 3, 0, 1], dtype="int64") * spread
    space = 4 * spread
    values, position = grouping.numbered_distinct(keys, space)
    assert values.tolist() == [0, spread, 3 * spread] and position.tolist() == [2, 1, 2, 2, 0, 1]
    values, position = grouping.numbered_distinct(keys, space, in_appearance_order=True)
    assert values.tolist() == [3 * spread, spread, 0] and position.tolist() == [0, 1, 0, 0, 2, 1]


@pytest.mark.parametrize("case", ["sorted", "shuffled", "missing"])
def test_group_sums_and_means_are_exact_sums_to_a_cent(case: str) -> None:
    rng = np.random.default_rng(5)
    gid = np.sort(rng.integers(0, 50, 20_000)) if case == "sorted" else rng.integers(0, 50, 20_000)
    amount = np.round(rng.gamma(2.0, 30.0, 20_000), 2)
    units = rng.integers(1, 9, 20_000).astype("float64")
    if case == "missing":
        units[::7] = np.nan
    sums = grouping.group_sums({"amount": amount, "units": units}, gid, 60)
    means = grouping.group_means(units, gid, 60)
    for group in range(50):
        rows = [i for i in range(len(gid)) if gid[i] == group]
        known = [units[i] for i in rows if not math.isnan(units[i])]
        assert sums["amount"][group] == pytest.approx(math.fsum(amount[i] for i in rows), rel=1e-13, abs=1e-9)
        assert sums["units"][group] == math.fsum(known)  # small integers add up exactly
        assert means[group] == pytest.approx(math.fsum(known) / len(known), rel=1e-13)
    assert sums["amount"][50:].tolist() == [0.0] * 10  # ids without rows
    assert np.isnan(means[50:]).all()


def test_min_count_makes_a_group_without_values_missing() -> None:
    gid = np.array([0, 0, 1, 2])
    values = np.array([1.5, 2.0, np.nan, 4.0])
    sums = grouping.group_sums({"v": values}, gid, 4, min_count=1)["v"]
    assert sums[0] == 3.5 and sums[2] == 4.0
    assert np.isnan(sums[1]) and np.isnan(sums[3])  # only a missing value; no row at all
    assert grouping.group_sums({"v": values}, gid, 4)["v"].tolist() == [3.5, 0.0, 4.0, 0.0]


def test_periods_of_dates_far_apart_before_1970_and_missing() -> None:
    dates = pd.Series(pd.to_datetime(["1969-12-31 23:59", "1970-01-01 00:00", "2024-02-29 12:00", "1900-07-04 00:00"]))
    assert kpis.period_index(dates, "month").tolist() == [1969 * 12 + 11, 1970 * 12, 2024 * 12 + 1, 1900 * 12 + 6]
    assert kpis.period_index(dates, "quarter").tolist() == [1969 * 4 + 3, 1970 * 4, 2024 * 4, 1900 * 4 + 2]
    with_gap = pd.Series(pd.to_datetime(["2024-01-05", None]))
    assert kpis.period_index(with_gap, "month").iloc[0] == 2024 * 12
    near = pd.Series(pd.date_range("1969-06-01", "1970-06-30 18:00", freq="6h"))  # looked up by day
    expected = [d.year * 12 + d.month - 1 for d in near]
    assert kpis.period_index(near, "month").tolist() == expected


def test_whole_cents_add_up_exactly() -> None:
    """Ten lines of 0.10 are 1.00, not 0.9999999999999999; a million lines of 19.99 are 19,990,000.00."""
    assert sum([0.1] * 10) != 1.0  # (what adding them plainly gives)
    cents, scale = grouping.as_cents(np.full(10, 0.1))
    assert scale == 100.0 and cents.tolist() == [10.0] * 10
    assert grouping.group_sums({"v": cents}, np.zeros(10, dtype="int64"), 1)["v"][0] / scale == 1.0
    assert grouping.run_sums(cents, np.array([0]))[0] / scale == 1.0
    many, scale = grouping.as_cents(np.full(1_000_000, 19.99))
    assert grouping.group_sums({"v": many}, np.zeros(len(many), dtype="int64"), 1)["v"][0] / scale == 19_990_000.0
    with_gap, scale = grouping.as_cents(np.array([0.1, np.nan, 0.2]))
    assert scale == 100.0 and with_gap[0] == 10.0 and np.isnan(with_gap[1]) and with_gap[2] == 20.0


def test_values_finer_than_cents_or_too_large_are_left_as_they_are() -> None:
    for values in (np.array([1 / 3, 0.001]), np.array([1e15, 2.0]), np.array([np.nan, np.nan])):
        same, scale = grouping.as_cents(values)
        assert scale == 1.0 and np.array_equal(same, values, equal_nan=True)
    values = np.array([1 / 3, 1 / 3, 1 / 3, 0.001])
    sums = grouping.group_sums({"v": values}, np.array([0, 0, 0, 1]), 2)["v"]
    assert sums.tolist() == [1 / 3 + 1 / 3 + 1 / 3, 0.001]


def test_the_kpis_sum_money_to_the_cent() -> None:
    lines = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"] * 10 + ["2024-02-05"] * 3),
                          "amount": [0.1] * 10 + [19.99] * 3, "quantity": [1.5] * 13})
    table = kpis.kpi_table(kpis.prepare(lines, "month"), [kpis.PERIOD])
    assert table["revenue"].tolist() == [1.0, 59.97] and table["units"].tolist() == [15.0, 4.5]


def test_whole_numbers_stay_as_they_are_and_chunks_are_judged_together() -> None:
    units = np.arange(200_000, dtype="float64")  # more than one chunk
    same, scale = grouping.as_cents(units)
    assert scale == 1.0 and same is units or np.array_equal(same, units)
    money = np.full(200_000, 5.0)
    money[-1] = 0.25  # the only value that is not whole sits in the last chunk
    cents, scale = grouping.as_cents(money)
    assert scale == 100.0 and cents[0] == 500.0 and cents[-1] == 25.0
    finer = money.copy()
    finer[150_000] = 0.125  # not whole cents, in a later chunk
    assert grouping.as_cents(finer)[1] == 1.0
