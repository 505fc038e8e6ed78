"""Benchmark: diagnose one million order lines and compare with a plain pyarrow CSV read.

    python bench/diagnose.py [--lines N] [--repeat R] [--pause S] [--keep DIR] [--file CSV]

Each measurement runs in a fresh child process (so peak memory, ru_maxrss, is its own); the
time is measured inside the child after imports. "read" is ``pd.read_csv(path,
engine="pyarrow")``; "records" is the part of the diagnosis that reads the file into typed,
dictionary-encoded columns (store.record_files.load_records), to show how much of the budget
the read alone takes; "diagnosis" is store.diagnoses.compute_diagnosis, what ``uplift diagnose
FILE`` runs from the file to the KPIs and findings. Each runs R times, in blocks that take
turns (see measure), and the table gives the median and best of each and the ratio of the
medians. Targets: diagnosis <= 3 s, <= 2x the read, peak memory <= 1.5 GB.
The CPU seconds beside them tell a slow run's cause: on a virtual machine, "sys" climbs when
the kernel is slow to hand out fresh memory. ``--pause S`` waits S seconds before each run: on
this project's virtual machine a process started after a pause (as a person runs one command)
finds its memory slower to come by than one started right after another, and pyarrow's own
allocator, which the plain read uses, suffers more from it than malloc, which the diagnosis uses.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 3.0
TARGET_RATIO = 2.0
TARGET_MEMORY_MB = 1536


def generate(path: Path, lines: int, seed: int = 7) -> None:
    """Order lines like a shop export: ~5 lines per order, 8 regions, 4 channels, 60 reps."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    orders = max(1, lines // 5)
    order_of_line = np.sort(rng.integers(0, orders, lines))
    customers_n, products_n = max(1, lines // 50), 2000
    order_customer = rng.integers(0, customers_n, orders)
    start = np.datetime64("2022-01-01")
    order_day = start + rng.integers(0, 730, orders).astype("timedelta64[D]")
    regions = np.array(["North", "South", "East", "West", "Central", "Coast", "Mountain", "Islands"])
    channels = np.array(["Online", "Retail", "Partner", "Direct"])
    lines_of_products = np.array([f"Line {i}" for i in range(12)])
    order_region = rng.integers(0, len(regions), orders)
    order_channel = rng.integers(0, len(channels), orders)
    order_rep = rng.integers(0, 60, orders)
    product = rng.integers(0, products_n, lines)
    price = np.round(rng.gamma(2.0, 15.0, products_n) + 0.5, 2)
    quantity = rng.integers(1, 13, lines)
    table = pa.table({
        "Order ID": pa.array(np.char.add("SO-", order_of_line.astype(str))),
        "Order Date": pa.array(order_day[order_of_line].astype(str)),
        "Customer ID": pa.array(np.char.add("C", order_customer[order_of_line].astype(str))),
        "Product ID": pa.array(np.char.add("P", product.astype(str))),
        "Category": pa.array(lines_of_products[product % len(lines_of_products)]),
        "Region": pa.array(regions[order_region[order_of_line]]),
        "Channel": pa.array(channels[order_channel[order_of_line]]),
        "Sales Rep": pa.array(np.char.add("Rep ", order_rep[order_of_line].astype(str))),
        "Quantity": pa.array(quantity),
        "Unit Price": pa.array(price[product]),
        "Sales": pa.array(np.round(quantity * price[product], 2)),
    })
    pacsv.write_csv(table, path)


def child(kind: str, path: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    import pandas as pd

    sys.path.insert(0, str(ROOT))
    import store.diagnose  # noqa: F401  (the modules a run needs, imported as at process start)
    from store.diagnoses import compute_diagnosis
    from store.record_files import load_records

    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    if kind == "read":
        frame = pd.read_csv(path, engine="pyarrow")
        detail = f"{len(frame):,} rows x {frame.shape[1]} columns"
    elif kind == "records":
        frame = load_records([path]).frame
        detail = f"{len(frame):,} rows x {frame.shape[1]} columns"
    else:
        result = compute_diagnosis([path], {})
        detail = f"{result.rows_used:,} rows, {len(result.findings)} findings"
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": elapsed, "peak_mb": after.ru_maxrss / 1024, "detail": detail,
                      "user": after.ru_utime - before.ru_utime, "sys": after.ru_stime - before.ru_stime}))


def run_child(kind: str, path: Path) -> dict:
    # as an installed copy runs: with byte-code caching (a shell here may switch it off, and then
    # every run would compile the modules a diagnosis imports when it starts)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path)],
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(path: Path, repeat: int, pause: float = 0.0) -> tuple[dict, dict, dict]:
    """``repeat`` reads, record reads and diagnoses, ``pause`` seconds before each run: (read,
    records, diagnosis) summaries. They run in blocks, a few reads one after another and then a few diagnoses, in
    turns (so that both see the machine as it drifts): a process started right after the other
    kind is slowed by what that one left to the kernel to clean up."""
    runs: dict[str, list[dict]] = {"read": [], "records": [], "diagnose": []}
    for kind in runs:  # once each, not counted: writes the byte-code caches
        run_child(kind, path)
    block = max(1, min(5, repeat // 2))
    while len(runs["diagnose"]) < repeat:
        for kind in runs:
            for _ in range(min(block, repeat - len(runs[kind]))):
                time.sleep(pause)
                runs[kind].append(run_child(kind, path))
    summaries = []
    for kind in runs:
        seconds = [r["seconds"] for r in runs[kind]]
        summaries.append({"median": statistics.median(seconds), "best": min(seconds),
                          "user": statistics.median(r["user"] for r in runs[kind]),
                          "sys": statistics.median(r["sys"] for r in runs[kind]),
                          "peak_mb": max(r["peak_mb"] for r in runs[kind]), "detail": runs[kind][-1]["detail"]})
    return summaries[0], summaries[1], summaries[2]


def machine() -> str:
    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs, {model}{memory}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds to wait before each run")
    parser.add_argument("--keep", type=Path, help="write the generated CSV here and keep it")
    parser.add_argument("--file", type=Path, help="measure this CSV instead of generating one")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or (args.keep or Path(tmp)) / "orders.csv"
        if not args.file:
            path.parent.mkdir(parents=True, exist_ok=True)
            t = time.perf_counter()
            generate(path, args.lines)
            print(f"generated {args.lines:,} order lines, {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t:.1f} s")
        print(machine())
        read, records, full = measure(path, args.repeat, args.pause)
    ratio = full["median"] / read["median"]
    rows = [
        ("pandas.read_csv(engine='pyarrow')", read),
        ("  its read alone: load_records", records),
        ("diagnosis, file to KPIs", full),
    ]
    print()
    print(f"{'measurement':36} {'median':>8} {'best':>8} {'user':>7} {'sys':>7} {'peak mem':>9}  detail"
          f"   ({args.repeat} runs each, in turns, {args.pause:g} s apart; user and sys: median CPU s)")
    for name, r in rows:
        print(f"{name:36} {r['median']:>6.2f} s {r['best']:>6.2f} s {r['user']:>7.2f} {r['sys']:>7.2f} "
              f"{r['peak_mb']:>6.0f} MB  {r['detail']}")
    print()
    checks = [
        (f"diagnosis <= {TARGET_SECONDS:.0f} s", full["median"] <= TARGET_SECONDS, f"{full['median']:.2f} s"),
        (f"diagnosis <= {TARGET_RATIO:.0f}x read", ratio <= TARGET_RATIO,
         f"{ratio:.2f}x (medians; best/best {full['best'] / read['best']:.2f}x)"),
        (f"peak memory <= {TARGET_MEMORY_MB} MB", full["peak_mb"] <= TARGET_MEMORY_MB, f"{full['peak_mb']:.0f} MB"),
    ]
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name:28} {value}")
    print(f"      (the diagnosis's read alone: {records['median'] / read['median']:.2f}x the plain read, medians)")


if __name__ == "__main__":
    main()
