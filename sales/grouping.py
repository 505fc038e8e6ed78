"""Sums and counts per group, for integer group ids 0..n-1 (numpy; no per-row Python).

The KPI tables group up to a million lines several ways. With the group of each row already a
small integer, numpy counts without hashing (``bincount``, a bitmap of seen values, or a sort
of packed keys) instead of a pandas groupby per metric. Sums of amounts come out bit for bit as
pandas' ``groupby(...).sum()`` gives them: pandas is called the way the KPI code always called
it (ids handed over as a categorical, so it does not hash them again), or, where pandas itself
would just run numpy's add.reduceat, that is run directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

#: Distinct values are found with a bitmap (or a count) of every possible value when there are
#: not many more of those than rows, else by sorting (numpy's sort beats hashing here). This
#: much room is always allowed for the bitmap, however few the rows.
_SLACK = 1 << 16


def group_sums(columns: dict[str, Any], gid: "np.ndarray", n_groups: int, min_count: int = 0,
               seen: tuple["np.ndarray", "np.ndarray"] | None = None) -> dict[str, "np.ndarray"]:
    """Per group id (all >= 0) the sum of each float column, bit for bit what
    ``DataFrame(columns).groupby(gid, sort=False).sum(min_count=...)`` gives; a group with no
    row gets 0.0 (NaN with min_count=1). ``seen``: appearance(gid, n_groups), if known.

    pandas numbers the groups by first appearance and then adds up each group's rows in order
    (plainly when those numbers come sorted and no value is missing, with compensated summation
    otherwise); the same numbering is handed over here, as a categorical, so pandas takes the
    same way without hashing the ids again.
    """
    import numpy as np

    order, rank = seen if seen is not None else appearance(gid, n_groups)
    ranked = ranked_sums(columns, np.take(rank, gid), len(order), min_count)
    out = {}
    for name, sums in ranked.items():
        spread = np.full(n_groups, np.nan if min_count > 0 else 0.0)
        spread[order] = sums
        out[name] = spread
    return out


def ranked_sums(columns: dict[str, Any], rank: "np.ndarray", n_groups: int, min_count: int = 0) -> dict[str, "np.ndarray"]:
    """group_sums() for ids already numbered the way pandas numbers that groupby's groups
    (0, 1, ...: by first appearance for sort=False, by key for sort=True or level=)."""
    import pandas as pd

    plain = _plain_sums(columns, rank, n_groups, min_count)
    if plain is not None:
        return plain
    key = pd.Categorical.from_codes(rank, categories=pd.RangeIndex(n_groups), validate=False)
    # one 2-D block, like the dict-built frames pandas was given before (a missing value in any
    # column makes pandas sum every column of the block the compensated way)
    sums = pd.DataFrame(columns).groupby(key, observed=False, sort=True).sum(min_count=min_count)
    return {name: sums[name].to_numpy(dtype="float64") for name in columns}


def _plain_sums(columns: dict[str, Any], rank: "np.ndarray", n_groups: int, min_count: int) -> dict[str, "np.ndarray"] | None:
    """The sums pandas' groupby gives when it adds up plainly: with its sorted-groups path
    (pandas 3), ids in order and no value missing, it runs numpy's add.reduceat over the frame's
    2-D block, which is done here directly; None when pandas would take its compensated
    summation (or has no such path)."""
    import numpy as np
    import pandas as pd

    grouper = getattr(getattr(getattr(pd.core, "groupby", None), "ops", None), "BaseGrouper", None)
    if not hasattr(grouper, "_reduceat_aggregate") or not len(rank) or not n_groups:
        return None
    block = np.vstack([np.asarray(values) for values in columns.values()])  # as pandas stacks a block
    if block.dtype != np.float64 or (rank[1:] < rank[:-1]).any() or rank[0] < 0 or np.isnan(block).any():
        return None
    starts = np.flatnonzero(np.concatenate(([True], rank[1:] != rank[:-1])))
    present = rank[starts]
    sums = np.zeros((len(block), n_groups))
    sums[:, present] = np.add.reduceat(block, starts, axis=1)
    if min_count > 0:
        rows = np.zeros(n_groups, dtype="int64")
        rows[present] = np.diff(np.append(starts, len(rank)))
        sums[:, rows < min_count] = np.nan
    return {name: sums[i] for i, name in enumerate(columns)}


def group_means(values: "np.ndarray", gid: "np.ndarray", n_groups: int) -> "np.ndarray":
    """Per group id (all >= 0) the mean of ``values`` as ``groupby(gid, sort=False).mean()``
    gives it (see group_sums); NaN for a group with no row."""
    import numpy as np
    import pandas as pd

    order, rank = appearance(gid, n_groups)
    key = pd.Categorical.from_codes(np.take(rank, gid), categories=pd.RangeIndex(len(order)), validate=False)
    means = pd.Series(values, copy=False).groupby(key, observed=False, sort=True).mean()
    spread = np.full(n_groups, np.nan)
    spread[order] = means.to_numpy(dtype="float64")
    return spread


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
