"""A diagnosis keeps freed memory while it runs and hands it back after, nested or in threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from store import heap


def churn() -> float:
    total = 0.0
    for _ in range(5):
        total += float(np.ones(2_000_000).sum())  # 16 MB made and dropped each time
    return total


def test_nested_and_concurrent_blocks_compute_the_same() -> None:
    with heap.reuse_freed_memory():
        with heap.reuse_freed_memory():
            inner = churn()
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda _: _run_in_block(), range(4)))
    assert inner == 10_000_000.0 and results == [10_000_000.0] * 4
    assert heap._active == 0  # every block let go: the process is back to glibc's own thresholds


def _run_in_block() -> float:
    with heap.reuse_freed_memory():
        return churn()
