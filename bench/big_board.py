"""Benchmark: a sales floor's board after two years, on the command line. Prints a table; not a test.

    python bench/big_board.py                     # builds the board in a temporary folder
    python bench/big_board.py --keep /tmp/big     # builds it there (or reuses it) and keeps it
    python bench/big_board.py --tasks 500 --deals 200 --moves 2000   # a smaller one

The board is built through the store's public API as the floor would have built it: 40 members (a
lead and 39 reps), several cycles one after the other, a plan of 5,000 tasks (most of them done)
and 2,000 deals over every stage imported in one step, dozens of goals with a check-in a week,
tens of thousands of task and deal moves spread over two years (the activity log), and a few
diagnosis snapshots of the shared sales data. Then each read command is run as a new process,
as a person types it, and timed (wall clock, CPU and peak memory of the process).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.board import Board  # noqa: E402

STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]
STATUSES = ["todo", "doing", "blocked", "done"]
LEAD = "dana"
DATA = ROOT.parent / "shared" / "data"


class Clock:
    """A settable clock, so each change carries the day it was made on."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def reps(count: int) -> list[str]:
    return [f"rep{n:02d}" for n in range(1, count + 1)]


def plan_document(team: list[str], tasks: int, deals: int, goals: int, today: date, rng: random.Random,
                  imported: date) -> dict:
    """The current cycle's plan: goals, strategies, tasks (three in five done) and deals. The deals'
    stage histories end by the day the file is `imported` (the store refuses a move dated after
    its clock); the floor's moves over the two years after move them on."""
    start, end = cycle_of(today)
    goal_docs = [{"id": f"G-{n}", "title": f"Grow region {n} revenue", "owner": LEAD, "metric": "revenue",
                  "baseline": 10_000.0 * n, "target": 15_000.0 * n, "deadline": end.isoformat()}
                 for n in range(1, goals + 1)]
    strategies = [{"id": f"S-{n}", "title": f"Strategy {n}", "dimension": "market",
                   "goals": [f"G-{1 + (n - 1) % goals}"]} for n in range(1, goals // 3 + 2)]
    task_docs = []
    for n in range(1, tasks + 1):
        began = start - timedelta(days=rng.randrange(0, 600))
        status = "done" if rng.random() < 0.6 else STATUSES[rng.randrange(3)]
        task_docs.append({
            "id": f"T-{n}", "title": f"Call account {n} about the renewal offer", "owner": team[n % len(team)],
            "status": status, "priority": ["low", "normal", "high"][n % 3], "start": began.isoformat(),
            "due": (began + timedelta(days=rng.randrange(7, 60))).isoformat(), "goal": f"G-{1 + n % goals}",
            "steps": [{"text": "call", "done": status == "done"}, {"text": "send the offer", "done": False}]})
    deal_docs = []
    for n in range(1, deals + 1):
        stage = STAGES[rng.randrange(len(STAGES))]
        path = STAGES[:STAGES.index(stage) + 1] if stage != "Lost" else ["Lead", "Qualified", "Lost"]
        opened = imported - timedelta(days=rng.randrange(10, 300))
        close = opened + timedelta(days=rng.randrange(20, 120)) if stage in ("Won", "Lost") \
            else today + timedelta(days=rng.randrange(-20, 90))
        steps = max(1, len(path) - 1)
        span = max(1, (min(close, imported) - opened).days)
        history = [{"stage": s, "at": datetime.combine(opened + timedelta(days=span * i // steps),
                                                         datetime.min.time(), timezone.utc)
                    .replace(hour=10).isoformat()} for i, s in enumerate(path)]
        deal_docs.append({
            "id": f"D-{n}", "title": f"Account {n} renewal", "account": f"Account {n % 700}",
            "owner": team[n % len(team)], "stage": stage, "value": float(rng.randrange(500, 50_000)),
            "close": close.isoformat(), **({"lost_reason": "price"} if stage == "Lost" else {}),
            "history": history})
    return {"plan": {"name": "Floor", "period": {"start": start.isoformat(), "end": end.isoformat()}},
            "members": [{"name": LEAD, "role": "lead"}] + [{"name": r, "role": "rep"} for r in team],
            "stages": [{"name": s, "probability": p, "outcome": o} for s, p, o in
                       zip(STAGES, (10, 25, 50, 75, 100, 0), ("open",) * 4 + ("won", "lost"))],
            "goals": goal_docs, "strategies": strategies, "tasks": task_docs, "deals": deal_docs}


def cycle_of(day: date) -> tuple[date, date]:
    """The calendar quarter holding `day`."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    after = date(first.year + (first.month + 3 > 12), (first.month + 2) % 12 + 1, 1)
    return first, after - timedelta(days=1)


def build(path: Path, members: int, tasks: int, deals: int, goals: int, moves: int) -> dict[str, float]:
    """Make the board; returns how long each part took (s)."""
    rng = random.Random(11)
    now = datetime.now(timezone.utc)
    today = now.date()
    clock = Clock(now - timedelta(days=730))
    lead = Board(path, actor=LEAD, clock=clock)
    team = reps(members - 1)
    took: dict[str, float] = {}
    began = time.perf_counter()
    day = clock.moment.date()
    while cycle_of(day)[0] < cycle_of(today)[0]:  # the cycles before this one
        start, end = cycle_of(day)
        clock.moment = datetime.combine(start, datetime.min.time(), timezone.utc).replace(hour=9)
        lead.set_plan_info(f"Floor {start:%Y} Q{(start.month + 2) // 3}", start, end)
        day = end + timedelta(days=1)
    clock.moment = now - timedelta(days=700)
    lead.import_plan(plan_document(team, tasks, deals, goals, today, rng, clock.moment.date()))
    took["plan import (API)"] = time.perf_counter() - began
    began = time.perf_counter()
    weeks = 100
    for week in range(weeks):  # a check-in a week on each goal, dated the day it was made
        clock.moment = now - timedelta(days=7 * (weeks - week))
        for n in range(1, goals + 1):
            lead.checkin(f"G-{n}", 10_000.0 * n + 50.0 * n * week,
                         confidence=["on_track", "at_risk", "off_track"][rng.randrange(3)], comment=f"week {week}")
    took["check-ins"] = time.perf_counter() - began
    began = time.perf_counter()
    floor = Board(path, actor=LEAD, clock=clock)  # (one Board, each change made as its owner:
    # forty open Boards would each re-read what the others wrote, as forty processes would)
    span = (now - timedelta(days=2) - clock.moment).total_seconds()
    start = clock.moment
    for n in range(moves):  # the floor's days: reps moving their tasks and deals
        clock.moment = start + timedelta(seconds=span * n / moves)
        if n % 5 == 4:
            number = rng.randrange(1, deals + 1)
            owner = team[number % len(team)]
            stage = STAGES[rng.randrange(4)]
            floor.actor = owner
            try:
                floor.move_deal(f"D-{number}", stage)
            except Exception:  # (a closed deal, or one already there: the floor moves on)
                pass
        else:
            number = rng.randrange(1, tasks + 1)
            owner = team[number % len(team)]
            floor.actor = owner
            floor.move_task(f"T-{number}", STATUSES[n % 3 + (n % 7 == 0)])
    took["moves"] = time.perf_counter() - began
    began = time.perf_counter()
    sources = [DATA / "superstore" / "superstore.csv"] if (DATA / "superstore" / "superstore.csv").exists() else []
    for n in range(4 if sources else 0):
        clock.moment = now - timedelta(days=180 * (4 - n))
        lead.run_diagnosis(sources, period="quarter")
    took["diagnoses"] = time.perf_counter() - began
    return took


def timed(args: list[str], env: dict) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
    peak = int(done.stderr.decode().strip().splitlines()[-1]) / 1024
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, peak


COMMANDS = [
    ("rep", ["today"]), ("lead", ["today"]), ("rep", ["task", "list"]), ("lead", ["task", "list"]),
    ("lead", ["deal", "list"]), ("lead", ["log"]), ("lead", ["review"]), ("lead", ["payout"]),
    ("lead", ["forecast"]), ("lead", ["alerts"]), ("lead", ["cycle"]), ("lead", ["plan", "export", "-o", "{out}"]),
]


# What a lead does in the app, key by key at 120x40: (key, what it is). Each is timed from the key
# to the last frame painted for it, as bench/pipeline.py times a screen.
APP_KEYS = [("3", "Plan (the task board)"), ("1", "Diagnose"), ("2", "Goals"), ("4", "Pipeline"),
            ("5", "Review"), ("3", "Plan again"), ("T", "My day"), ("escape", "close"),
            ("C", "the cycle at a glance"), ("escape", "close"), ("exclamation_mark", "alerts"),
            ("end", "alerts: to the last"), ("escape", "close"), ("4", "Pipeline again"),
            ("F", "forecast"), ("escape", "close"), ("W", "win/loss"), ("escape", "close"),
            ("w", "weekly review"), ("escape", "close"), ("f", "the log (feed)"), ("escape", "close"),
            ("shift+right", "move a deal"), ("3", "Plan"), ("shift+right", "move a task"),
            ("ctrl+z", "undo (asks)"), ("y", "undo: yes"), ("b", "burn-up"), ("escape", "close"),
            ("slash", "filter"), ("r", "filter: type r"), ("e", "filter: type e"), ("enter", "filter: done"),
            ("escape", "clear the filter"), ("ctrl+p", "palette"), ("4", "palette: type 4"),
            ("3", "palette: type 3"), ("enter", "palette: jump")]


def app_ms(path: Path, size: tuple[int, int]) -> list[tuple[str, str, float]]:
    """Each of APP_KEYS as the lead presses it, in ms to its last frame."""
    import asyncio

    sys.path.insert(0, str(ROOT / "bench"))
    import pipeline as timing  # (times frames where Textual paints them)

    from tui.app import UpliftApp

    async def run() -> list[tuple[str, str, float]]:
        began = time.perf_counter()
        app = UpliftApp(Board(path, actor=LEAD))
        rows = []
        async with app.run_test(size=size) as pilot:
            await timing.settle(pilot)
            rows.append(("(start)", "first screen", (timing.FRAMES[-1] - began) * 1000))
            for key, what in APP_KEYS:
                async def press(key=key) -> None:
                    app.simulate_key(key)
                rows.append((key, what, await timing.painted_ms(pilot, press)))
            # a card far down the longest column: filtered to alone, then the filter cleared
            # (the focus stays on it, among all the column's cards)
            from tui.widgets.kanban import Kanban
            app.simulate_key("3")
            await timing.settle(pilot)
            column = max(app.screen.query_one(Kanban).columns, key=lambda c: len(c.data.cards))
            last = column.data.cards[-1].id
            for key in ("slash", *last, "enter"):
                app.simulate_key(key)
                await timing.settle(pilot)

            async def clear() -> None:
                app.simulate_key("escape")
            rows.append(("escape", f"clear a filter that showed {last}, card {len(column.data.cards):,} "
                         f"of {column.data.title}", await timing.painted_ms(pilot, clear)))
        return rows

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="build the board here, or use the one already there")
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--deals", type=int, default=2000)
    parser.add_argument("--goals", type=int, default=30)
    parser.add_argument("--moves", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--app", action="store_true", help="time the app's keys too (one run, 120x40)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uplift-big-"))
    path = args.keep or work / "board"
    try:
        if not (path / "board.json").exists():
            took = build(path, args.members, args.tasks, args.deals, args.goals, args.moves)
            print("built in " + ", ".join(f"{what} {s:.0f} s" for what, s in took.items()))
        board = Board(path, actor=LEAD)
        newest = board.history(limit=1)
        records = newest[0].seq if newest else 0
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}; board: {len(board.members())} members, "
              f"{len(board.tasks()):,} tasks, {len(board.deals()):,} deals, {len(board.goals())} goals, "
              f"{len(board.checkins()):,} check-ins, {records:,} log records, {len(board.snapshots())} diagnoses")
        uplift = str(Path(sys.executable).with_name("uplift"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(UPLIFT_BOARD=str(path), COLUMNS="120")
        rep = board.members()[1].name if len(board.members()) > 1 else LEAD
        print()
        print(f"| command ({args.repeat} runs) | who | median s | best s | CPU s | peak MB |")
        print("|---|---|---:|---:|---:|---:|")
        for who, command in COMMANDS:
            command = [part.format(out=work / "plan.yaml") for part in command]
            runs = [timed([uplift, *command], {**env, "UPLIFT_USER": rep if who == "rep" else LEAD})
                    for _ in range(args.repeat + 1)][1:]  # (the first writes the byte-code caches)
            shown = " ".join(c if not c.startswith(str(work)) else "FILE" for c in command)
            print(f"| `uplift {shown}` | {who} | {statistics.median(r[0] for r in runs):.2f} | "
                  f"{min(r[0] for r in runs):.2f} | {statistics.median(r[1] for r in runs):.2f} | "
                  f"{max(r[2] for r in runs):.0f} |")
        if args.app:
            rows = app_ms(path, (120, 40))
            print()
            print("| key (the app, 120x40, as the lead) | what | ms to the last frame |")
            print("|---|---|---:|")
            for key, what, ms in rows:
                print(f"| `{key}` | {what} | {ms:.0f} |" if ms == ms else f"| `{key}` | {what} | (no frame) |")
            import resource as usage
            print(f"\npeak memory of this process with the app: {usage.getrusage(usage.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
