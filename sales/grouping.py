"""Sums and counts per group, for integer group ids 0..n-1 (numpy; no per-row Python).

The KPI tables group up to a million lines several ways. With the group of each row already a
small integer, numpy counts and sums without hashing (``bincount``, a bitmap of seen values, or
a sort of packed keys) instead of a pandas groupby per metric.

Sums of money are exact when the caller hands them over as whole cents (as_cents): floating
point adds whole numbers without error, so a region's revenue is 920000.0 and not
919999.9999999999; other values are added plainly, in row order.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

#: Distinct values are found with a bitmap (or a count) of every possible value when there are
#: not many more of those than rows, else by sorting (numpy's sort beats hashing here). This
#: much room is always allowed for the bitmap, however few the rows.
_SLACK = 1 << 16


def group_sums(columns: dict[str, Any], gid: "np.ndarray", n_groups: int, min_count: int = 0) -> dict[str, "np.ndarray"]:
    """Per group id (all >= 0) the sum of each numeric column, missing values (NaN) left out;
    a group with fewer than ``min_count`` values gets NaN (with the default 0: a group with no
    row sums to 0.0), as pandas' ``sum(min_count=...)`` does."""
    import numpy as np

    out = {}
    rows = None  # rows per group, counted once for all the columns with no value missing
    for name, values in columns.items():
        values = np.asarray(values, dtype="float64")
        missing = np.isnan(values)
        some_missing = bool(missing.any())
        sums = np.bincount(gid, weights=np.where(missing, 0.0, values) if some_missing else values,
                           minlength=n_groups)
        if min_count > 0:
            if some_missing:
                present = np.bincount(gid[~missing], minlength=n_groups)
            else:
                rows = present = np.bincount(gid, minlength=n_groups) if rows is None else rows
            sums[present < min_count] = np.nan
        out[name] = sums
    return out


def run_sums(values: "np.ndarray", starts: "np.ndarray") -> "np.ndarray":
    """The sum of each run of rows (runs begin at ``starts``), missing values left out; NaN for
    a run of missing values only (as group_sums with min_count=1)."""
    import numpy as np

    values = np.asarray(values, dtype="float64")
    missing = np.isnan(values)
    if not missing.any():
        return np.add.reduceat(values, starts)
    sums = np.add.reduceat(np.where(missing, 0.0, values), starts)
    sums[np.add.reduceat((~missing).astype("int64"), starts) == 0] = np.nan
    return sums


#: A value within this much of a whole number of cents is taken as that many cents (what is
#: left of a float's rounding error in an amount like 19.99).
_CENT_TOLERANCE = 1e-6
_CHUNK = 1 << 16  # values looked at this many at a time (scratch space that stays in cache)


def as_cents(values: Any) -> tuple["np.ndarray", float]:
    """(values, scale) ready for exact sums, whose totals are sum / scale: whole numbers as they
    are (scale 1.0: floating point adds them without error); amounts that are all whole cents as
    whole numbers of cents (scale 100.0); anything else as it is (scale 1.0, added plainly).
    Missing values stay NaN. Values so large that a sum could pass 2**53 are left as they are."""
    import numpy as np

    values = np.asarray(values, dtype="float64")
    n = len(values)
    if not n or np.isnan(values).all():
        return values, 1.0
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    if not (math.isfinite(low) and math.isfinite(high)) or max(-low, high) * 100.0 * n >= 2.0**53:
        return values, 1.0
    cents = np.empty(n)
    scratch = np.empty(min(n, _CHUNK))
    whole, in_cents = True, True
    for begin in range(0, n, _CHUNK):  # (a chunk at a time: no temporary arrays of n values)
        part, out = values[begin:begin + _CHUNK], cents[begin:begin + _CHUNK]
        spare = scratch[:len(part)]
        if whole:
            np.rint(part, out=spare)
            whole = bool(np.all(np.equal(spare, part) | np.isnan(part)))
        if in_cents:
            np.multiply(part, 100.0, out=out)
            np.rint(out, out=spare)
            np.subtract(out, spare, out=out)
            np.abs(out, out=out)
            in_cents = not np.fmax.reduce(out) > _CENT_TOLERANCE  # (NaN: a chunk of missing values)
            out[...] = spare
        if not (whole or in_cents):
            break
    if whole:
        return values, 1.0
    return (cents, 100.0) if in_cents else (values, 1.0)


def group_means(values: "np.ndarray", gid: "np.ndarray", n_groups: int) -> "np.ndarray":
    """Per group id (all >= 0) the mean of ``values`` (NaN left out); NaN for a group with none."""
    import numpy as np

    values = np.asarray(values, dtype="float64")
    known = ~np.isnan(values)
    sums = np.bincount(gid[known], weights=values[known], minlength=n_groups)
    rows = np.bincount(gid[known], minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rows > 0, sums / rows, np.nan)


def appearance(gid: "np.ndarray", n_groups: int) -> tuple["np.ndarray", "np.ndarray"]:
    """(the group ids present, in order of first appearance; the rank of each id in that order)."""
    import numpy as np

    first = first_rows(gid, n_groups)
    present = np.flatnonzero(first < len(gid))
    order = present[np.argsort(first[present], kind="stable")]
    rank = np.zeros(n_groups, dtype="int64")
    rank[order] = np.arange(len(order))
    return order, rank


def counts(gid: "np.ndarray", n_groups: int) -> "np.ndarray":
    """Rows per group id (all ids >= 0)."""
    import numpy as np

    return np.bincount(gid, minlength=n_groups)


def distinct(keys: "np.ndarray") -> "np.ndarray":
    """The distinct values of an int array (all >= 0), sorted."""
    import numpy as np

    if not len(keys):
        return np.empty(0, dtype="int64")
    space = int(keys.max()) + 1
    if space <= 4 * len(keys) + _SLACK:  # a bitmap of every possible value
        seen = np.zeros(space, dtype=bool)
        seen[keys] = True
        return np.flatnonzero(seen)
    ordered = np.sort(keys)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def numbered_distinct(keys: "np.ndarray", space: int, in_appearance_order: bool = False) -> tuple["np.ndarray", "np.ndarray"]:
    """(the distinct values of an int array (all >= 0, below ``space``), sorted or in the order
    they first appear; for each key, the position of its value among them)."""
    import numpy as np

    if space <= 4 * len(keys) + _SLACK:  # a bitmap of every possible value, numbered by a running count
        seen = np.zeros(space, dtype=bool)
        seen[keys] = True
        values = np.flatnonzero(seen)
        number = np.cumsum(seen, dtype="int32" if len(keys) < 2**31 else "int64")
        position = np.take(number, keys).astype("int64")
        position -= 1
    else:
        values, position = np.unique(keys, return_inverse=True)
        position = position.reshape(-1)
    if in_appearance_order:
        order, rank = appearance(position, len(values))
        values, position = values[order], np.take(rank, position)
    return values, position


def distinct_with_counts(keys: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
    """The distinct values of an int array (all >= 0), sorted, and how often each occurs."""
    import numpy as np

    if not len(keys):
        return np.empty(0, dtype="int64"), np.empty(0, dtype="int64")
    space = int(keys.max()) + 1
    if space <= 2 * len(keys) + _SLACK:  # a count for every possible value
        per_key = np.bincount(keys, minlength=space)
        present = np.flatnonzero(per_key)
        return present, per_key[present]
    ordered = np.sort(keys)
    change = ordered[1:] != ordered[:-1]
    if change.all():  # every value once
        return ordered, np.ones(len(ordered), dtype="int64")
    starts = np.flatnonzero(np.concatenate(([True], change)))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def distinct_counts(gid: "np.ndarray", item: "np.ndarray", n_groups: int) -> "np.ndarray":
    """How many distinct ``item`` values each group id has (int arrays, all >= 0)."""
    import numpy as np

    if not len(gid):
        return np.zeros(n_groups, dtype="int64")
    radix = int(item.max()) + 1
    if n_groups * radix >= 2**62:  # pairs that do not fit one int64: sort them as rows
        pairs = np.unique(np.stack([gid, item], axis=1), axis=0)
        return np.bincount(pairs[:, 0], minlength=n_groups)
    return np.bincount(distinct(gid * radix + item) // radix, minlength=n_groups)


def first_rows(gid: "np.ndarray", n_groups: int) -> "np.ndarray":
    """Index of the first row of each group id (len(gid) where a group has no row)."""
    import numpy as np

    first = np.full(n_groups, len(gid), dtype="int64")
    np.minimum.at(first, gid, np.arange(len(gid), dtype="int64"))
    return first
