"""Benchmark of the store and the command line. Prints tables; not a test.

    python bench/store.py            # 1,000 and 10,000 tasks, ten activity records per task
    python bench/store.py --quick    # 1,000 only

Boards are generated straight into the store's file layout (building 100,000 records through the
API would take minutes): the tasks split into shards by store/layout.py itself, the log in
segments of SEGMENT_SIZE; every measured operation then goes through the public API or the real
command line.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.activity_log import SEGMENT_SIZE  # noqa: E402
from store.board import Board  # noqa: E402
from store.layout import SHARDED, BoardFiles, shard_name  # noqa: E402
from store.schema import SCHEMA_VERSION  # noqa: E402

REPS = ["ali", "bea", "chen", "dev", "emma"]
STATUSES = ["todo", "doing", "blocked", "done"]


def build_board(path: Path, tasks: int, records: int) -> None:
    path.mkdir(parents=True)
    (path / "log").mkdir()
    encode = msgspec.json.encode
    members = {str(i + 1): {"name": n, "role": "rep"} for i, n in enumerate(REPS)}
    members[str(len(REPS) + 1)] = {"name": "dana", "role": "lead"}
    (path / "board.json").write_bytes(encode({
        "meta": {"1": {"schema": SCHEMA_VERSION, "name": "bench", "wip": {}}},
        "members": members, "_meta": {"1": {"next": {}}}}))
    start = date(2026, 1, 1)
    docs = {}
    for n in range(1, tasks + 1):
        docs[str(n)] = {
            "id": f"T-{n}", "title": f"Follow up account {n} about the renewal offer",
            "owner": REPS[n % len(REPS)], "status": STATUSES[n % 4], "priority": "normal",
            "start": None, "due": (start + timedelta(days=n % 300)).isoformat(), "goal": None,
            "strategy": None, "steps": [{"text": "call", "done": False}], "expected_result": "",
            "measure": ""}
    one_file = {"tasks": docs, "_meta": {"1": {"next": {"tasks": tasks + 1}}}}
    folder = path / SHARDED[("tasks", "tasks")]
    folder.mkdir()
    for index, shard in BoardFiles(path, 0o600).split("tasks", "tasks", one_file).items():
        (folder / shard_name(index)).write_bytes(encode(shard))
    for first in range(1, records + 1, SEGMENT_SIZE):
        segment = {}
        for seq in range(first, min(first + SEGMENT_SIZE, records + 1)):
            task = seq % tasks + 1
            segment[str(seq)] = {"seq": seq, "txn": seq, "at": "2026-06-01T10:00:00+00:00",
                                 "actor": REPS[task % len(REPS)], "action": "task.move",
                                 "item": f"T-{task}", "before": {"status": "todo"},
                                 "after": {"status": "doing"}, "ref": ["tasks", "tasks", task]}
        # the newest segment keeps the log's counters (store/activity_log.py), as the store writes it
        kept = {"_meta": {"1": {"next": {"tasks/tasks": tasks + 1}}}} if first + SEGMENT_SIZE > records else {}
        (path / "log" / f"{first:09d}.json").write_bytes(encode({"activity": segment, **kept}))
    for file in path.rglob("*.json"):
        file.chmod(0o600)


def median_ms(run, repeat: int) -> float:
    times = []
    for index in range(repeat):
        started = time.perf_counter()
        run(index)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def process_ms(args: list[str], env: dict, repeat: int) -> float:
    # measured as an installed copy runs: with byte-code caching (an agent or CI shell may
    # disable it, which would time the compiler instead)
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for index in range(repeat):
        started = time.perf_counter()
        subprocess.run(args(index) if callable(args) else args, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


FIRST_FRAME = """
import sys, time
started = time.perf_counter()
if sys.argv[1] == "bare":
    from textual.app import App
    from textual.widgets import Static
    class Bare(App):
        def compose(self):
            yield Static("hello")
    app = Bare()
else:
    from store.board import Board
    from tui.app import UpliftApp
    app = UpliftApp(Board(sys.argv[2], actor="dana"))
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=first_frame)
"""


def first_frame_ms(board: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time (ms) of the bare app's and uplift's first-frame processes, run
    in turns so that both see the same load on a shared machine."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "uplift": []}
    for index in range(repeat + 1):
        for kind in times:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", FIRST_FRAME, kind, str(board)], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = (time.perf_counter() - started) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
            if index:  # the first turn writes the byte-code caches
                times[kind].append((wall, cpu))
    return {kind: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            for kind, runs in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    sizes = [1_000] if parser.parse_args().quick else [1_000, 10_000]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    rows = []
    work = Path(tempfile.mkdtemp(prefix="uplift-bench-"))
    try:
        for size in sizes:
            path = work / f"board-{size}"
            build_board(path, size, size * 10)
            open_ms = median_ms(lambda _: Board(path, actor="dana").tasks(), 7)
            board = Board(path, actor="dana")
            list_ms = median_ms(lambda _: Board(path, actor="dana").tasks(), 7)
            move_ms = median_ms(lambda i: board.move_task(f"T-{i + 1}", "doing" if i % 2 else "done"), 21)
            add_ms = median_ms(lambda i: board.add_task(f"new task {i}", owner="ali"), 21)
            undo_ms = median_ms(lambda _: board.undo(), 9)  # (takes back the adds just made)
            env = {**os.environ, "UPLIFT_BOARD": str(path), "UPLIFT_USER": "dana"}
            uplift = shutil.which("uplift") or ""
            command = ([uplift] if uplift else [sys.executable, "-m", "tui.cli"])
            done_ms = process_ms(lambda i: command + ["task", "move" if i % 2 else "done", "T-7"]
                                 + (["todo"] if i % 2 else []), env, 9)
            # a rep's morning over SSH: the day gathers tasks, deals, goals and alerts
            today_ms = process_ms(command + ["today"], {**env, "UPLIFT_USER": REPS[0]}, 5)
            rows.append((size, size * 10, open_ms, list_ms, move_ms, add_ms, undo_ms, done_ms, today_ms))
        print()
        print("| tasks | records | open (ms) | list (ms) | move (ms) | add (ms) | undo (ms) "
              "| `uplift task done` process (ms) | `uplift today` process (ms) |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size, records, *figures in rows:
            print(f"| {size:,} | {records:,} | " + " | ".join(f"{f:.1f}" for f in figures) + " |")
        frames = first_frame_ms(work / "board-1000", 7)
        (bare, bare_cpu), (ours, ours_cpu) = frames["bare"], frames["uplift"]
        print()
        print("| first frame | ms | CPU ms |")
        print("|---|---:|---:|")
        print(f"| bare Textual app | {bare:.0f} | {bare_cpu:.0f} |")
        print(f"| uplift, 1,000 tasks | {ours:.0f} | {ours_cpu:.0f} |")
        print(f"| ratio | {ours / bare:.2f}x | {ours_cpu / bare_cpu:.2f}x |")
        print("\ntargets: move <= 15 ms and open <= 300 ms at 10,000 tasks; `task done` <= 120 ms; "
              "first frame <= 2x bare")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
