"""Benchmark of TAB completion on a big board: what one TAB costs. Prints a table; not a test.

    python bench/completion.py                # 10,000 tasks (three in four open), 100,000 records,
                                              # 10,000 deals on 2,000 accounts, 10,000 activities
    python bench/completion.py --tasks 1000 --deals 1000

The board is generated as bench/store.py generates its own (straight into the store's layout),
with deals (in their shards) and logged activities, each on one of a fifth as many accounts.
Each TAB runs `uplift completion words KIND PREFIX` as a new process, as the script does: timed
alone, inside bash's completion function (the whole TAB), and the board read alone in-process
(store/peek.py), beside the start of a process that reads no board at all.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.peek import candidates  # noqa: E402


def bench_store():
    """bench/store.py (its build_board and timers), loaded by path: `store` is our package's name."""
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def add_deals(board: Path, deals: int) -> None:
    """`deals` deals in the store's shards and as many logged activities, on deals/5 accounts."""
    from datetime import datetime, timezone

    import msgspec

    from sales.deals import Deal
    from sales.touches import Touch
    from store.layout import SHARD_SIZE, shard_name

    accounts = max(deals // 5, 1)
    owners = ["ali", "bea", "chen", "dev", "emma"]
    (board / "deals").mkdir(exist_ok=True)
    for index in range((deals + SHARD_SIZE - 1) // SHARD_SIZE):
        numbers = range(index * SHARD_SIZE + 1, min((index + 1) * SHARD_SIZE, deals) + 1)
        docs = {str(n): msgspec.to_builtins(Deal(id=f"D-{n}", title=f"Renewal {n}", account=f"Customer {n % accounts}",
                                                 owner=owners[n % len(owners)], value=1000.0 + n, stage="Lead"))
                for n in numbers}
        data = {"deals": docs, "_meta": {"1": {"next": {"deals": numbers[-1] + 1}}}}
        (board / "deals" / shard_name(index)).write_bytes(msgspec.json.encode(data))
    at = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)
    touches = {str(n): msgspec.to_builtins(Touch(id=f"A-{n}", type="call", by=owners[n % len(owners)], at=at,
                                                 account=f"Customer {(n * 7) % accounts}", note="Talked it through"))
               for n in range(1, deals + 1)}
    (board / "activities.json").write_bytes(msgspec.json.encode(
        {"touches": touches, "_meta": {"1": {"next": {"touches": deals + 1}}}}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--deals", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    options = parser.parse_args()
    timers = bench_store()
    work = Path(tempfile.mkdtemp(prefix="uplift-bench-"))
    try:
        board = work / "board"
        timers.build_board(board, options.tasks, options.tasks * 10)
        add_deals(board, options.deals)
        env = {**os.environ, "UPLIFT_BOARD": str(board), "UPLIFT_USER": "dana"}
        uplift = shutil.which("uplift") or ""
        command = [uplift] if uplift else [sys.executable, "-m", "tui.cli"]
        script = work / "uplift.bash"
        script.write_text(subprocess.run(command + ["completion", "bash"], env=env, capture_output=True,
                                         text=True, check=True).stdout)
        rows = []
        for line, kind, prefix in (("task done T-", "task", "T-"), ("task done T-12", "task", "T-12"),
                                   ("task list --owner ", "member", ""), ("deal move D-4 ", "stage", ""),
                                   ("log add call --deal D-12", "deal", "D-12"), ("account show ", "account", ""),
                                   ("account show customer 12", "account", "customer 12"),
                                   ("log --item d-12", "item", "d-12")):
            count = len(candidates(board, kind, prefix))
            read = timers.median_ms(lambda _: candidates(board, kind, prefix), options.repeat)
            alone = timers.process_ms(command + ["completion", "words", kind, prefix], env, options.repeat)
            words = ["uplift", *line.split(" ")]
            if line.startswith("account show c"):  # (one word, as typed in quotes)
                words = ["uplift", "account", "show", "'" + prefix]
            probe = (f'source "{script}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); '
                     f'COMP_CWORD={len(words) - 1}; _uplift')
            tab = timers.process_ms(["bash", "--norc", "--noprofile", "-c", probe], env, options.repeat)
            rows.append((line, count, read, alone, tab))
        start = timers.process_ms(command + ["completion", "words", "task", "T-"],
                                  {**env, "UPLIFT_BOARD": str(work / "none")}, options.repeat)
        print(f"{options.tasks:,} tasks, {options.deals:,} deals; medians of {options.repeat} runs\n")
        print("| TAB after | offered | board read (ms) | `completion words` process (ms) | whole TAB in bash (ms) |")
        print("|---|---:|---:|---:|---:|")
        for line, count, read, alone, tab in rows:
            print(f"| `uplift {line}` | {count:,} | {read:.1f} | {alone:.0f} | {tab:.0f} |")
        print(f"| (no board: the process's start alone) | 0 | | {start:.0f} | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
