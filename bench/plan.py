"""Benchmark of plan files: reading, importing and exporting a big plan. Prints a table; not a test.

    python bench/plan.py                    # 5,000 tasks and 2,000 deals, 3 runs
    python bench/plan.py --tasks 500 --deals 200 --repeat 5

The plan is generated as a document, written by the exporter's own writer (store.plan_yaml), then
measured: reading the file (parse and check of lines), `uplift plan import` into a fresh board and
`uplift plan export` of that board, both as new processes, as a lead types them. Then what a file
of one-line tasks costs a dry run (what a rep over SSH could send): one at the limit of items
(store.plan_yaml.MAX_ITEMS), and one of 5 MB, the most a plan file may be (refused, over the limit).
"""

from __future__ import annotations

import argparse
import os
import resource
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

from sales.plan import Plan  # noqa: E402
from store.plan_yaml import MAX_BYTES, MAX_ITEMS, dump_plan, parse_plan_text  # noqa: E402

REPS = ["ali", "bea", "chen", "dev", "emma"]
STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]


def plan_text(tasks: int, deals: int) -> str:
    """A plan file with `tasks` tasks (steps, a comment on every tenth) and `deals` deals (each
    with its stage history), three goals and their strategies."""
    start = date(2026, 10, 1)
    members = [{"name": "dana", "role": "lead"}] + [{"name": r, "role": "rep"} for r in REPS]
    goals = [{"id": f"G-{n}", "title": f"Goal {n}", "owner": "dana", "metric": "revenue",
              "baseline": 1000.0 * n, "target": 2000.0 * n, "deadline": "2026-12-31"} for n in (1, 2, 3)]
    strategies = [{"id": f"S-{n}", "title": f"Strategy {n}", "dimension": "market", "goals": [f"G-{n}"]}
                  for n in (1, 2, 3)]
    task_docs = []
    for n in range(1, tasks + 1):
        doc = {"id": f"T-{n}", "title": f"Follow up account {n} about the renewal offer",
               "owner": REPS[n % len(REPS)], "status": ["todo", "doing", "blocked", "done"][n % 4],
               "priority": "normal", "start": (start + timedelta(days=n % 60)).isoformat(),
               "due": (start + timedelta(days=60 + n % 30)).isoformat(), "goal": f"G-{1 + n % 3}",
               "steps": [{"text": "call", "done": False}, {"text": "send the offer", "done": n % 2 == 0}],
               "expected_result": "A renewal signed\nfor another year"}
        if n % 10 == 0:
            doc["comments"] = [{"text": "called, no answer", "by": REPS[n % len(REPS)],
                                "at": "2026-10-20T10:00:00Z"}]
        task_docs.append(doc)
    deal_docs = []
    for n in range(1, deals + 1):
        stage = STAGES[n % len(STAGES)]
        path = STAGES[:STAGES.index(stage) + 1] if stage != "Lost" else ["Lead", "Lost"]
        deal_docs.append({
            "id": f"D-{n}", "title": f"Account {n} renewal", "account": f"Account {n}",
            "owner": REPS[n % len(REPS)], "stage": stage, "value": 1000.0 + n,
            "close": (start + timedelta(days=n % 90)).isoformat(),
            **({"lost_reason": "price"} if stage == "Lost" else {}),
            "history": [{"stage": s, "at": f"2026-10-{1 + i:02d}T10:00:00Z"} for i, s in enumerate(path)]})
    document = {"plan": {"name": "bench", "period": {"start": "2026-10-01", "end": "2026-12-31"}},
                "members": members, "stages": [{"name": s, "probability": p, "outcome": o} for s, p, o in
                                               zip(STAGES, (10, 25, 50, 75, 100, 0),
                                                   ("open",) * 4 + ("won", "lost"))],
                "goals": goals, "strategies": strategies, "tasks": task_docs, "deals": deal_docs}
    return dump_plan(msgspec.convert(document, Plan, strict=False))


def tiny_tasks(count: int | None = None) -> str:
    """`count` one-line tasks (`- title: t1`), or as many as 5 MB holds."""
    lines = ["tasks:\n"]
    size, n = len(lines[0]), 0
    while (n < count) if count is not None else True:
        line = f"- title: t{n}\n"
        if count is None and size + len(line) > MAX_BYTES:
            break
        lines.append(line)
        size, n = size + len(line), n + 1
    return "".join(lines)


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], env: dict, code: int = 0) -> tuple[float, float]:
    """The command's wall-clock and CPU seconds (CPU: less at the mercy of a busy machine);
    `code`: the exit code it should end with."""
    began, used = time.perf_counter(), cpu()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - began
    if done.returncode != code:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[:2000]}")
    return took, cpu() - used


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--deals", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    uplift = str(Path(sys.executable).with_name("uplift"))
    env = {**os.environ, "UPLIFT_USER": "dana"}
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.yaml"
        plan.write_text(plan_text(args.tasks, args.deals), encoding="utf-8")
        data = plan.read_bytes()
        at_limit, five_mb = Path(tmp) / "limit.yaml", Path(tmp) / "tiny.yaml"
        at_limit.write_text(tiny_tasks(MAX_ITEMS), encoding="utf-8")
        five_mb.write_text(tiny_tasks(), encoding="utf-8")
        limit_row = f"`plan import --dry-run`, {MAX_ITEMS:,} one-line tasks"
        tiny_row = "`plan import --dry-run`, 5 MB of one-line tasks (refused)"
        rows = {"read the file (parse, lines)": [], "`uplift plan import` (new process)": [],
                "`uplift plan export` (new process)": [], limit_row: [], tiny_row: []}
        for run in range(args.repeat):
            began, used = time.perf_counter(), time.process_time()
            parse_plan_text(data, str(plan))
            rows["read the file (parse, lines)"].append((time.perf_counter() - began, time.process_time() - used))
            board = Path(tmp) / f"board-{run}"
            rows["`uplift plan import` (new process)"].append(
                timed([uplift, "--board", str(board), "plan", "import", str(plan)], env))
            out = Path(tmp) / f"out-{run}.yaml"
            rows["`uplift plan export` (new process)"].append(
                timed([uplift, "--board", str(board), "plan", "export", "-o", str(out)], env))
            if out.read_bytes() != data:
                raise SystemExit("the export is not the file imported")
            rows[limit_row].append(timed([uplift, "--board", str(board), "plan", "import", "--dry-run",
                                          str(at_limit)], env))
            rows[tiny_row].append(timed([uplift, "--board", str(board), "plan", "import", "--dry-run",
                                         str(five_mb)], env, code=2))
    print(f"{args.tasks:,} tasks, {args.deals:,} deals: a {len(data) / 1024 / 1024:.1f} MB plan file; "
          f"{args.repeat} runs, median and best seconds")
    print()
    print("| what | median s | best s | CPU median s |")
    print("|---|---:|---:|---:|")
    for what, times in rows.items():
        wall = [t[0] for t in times]
        print(f"| {what} | {statistics.median(wall):.2f} | {min(wall):.2f} | "
              f"{statistics.median(t[1] for t in times):.2f} |")


if __name__ == "__main__":
    main()
