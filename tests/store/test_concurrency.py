"""Several processes writing one board at once, and writers killed in the middle."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.board import Board

ROOT = Path(__file__).resolve().parents[2]
CYCLE = ("doing", "blocked", "done", "todo")


def _mover(path: str, actor: str, task_id: str, moves: int) -> None:
    board = Board(path, actor=actor)
    for index in range(moves):
        board.move_task(task_id, CYCLE[index % len(CYCLE)])


def _all_files_parse(path: Path) -> None:
    for file in path.rglob("*.json"):
        json.loads(file.read_bytes())


def test_six_processes_fifty_moves_each_lose_nothing(board_path) -> None:
    lead = Board(board_path, actor="dana")
    lead.add_member("dana", "lead")
    reps = [f"rep{i}" for i in range(6)]
    for rep in reps:
        lead.add_member(rep, "rep")
    ids = [lead.add_task(f"task of {rep}", owner=rep).id for rep in reps]
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_mover, args=(str(board_path), rep, task_id, 50))
               for rep, task_id in zip(reps, ids)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    _all_files_parse(board_path)
    board = Board(board_path, actor="dana")
    moves = [r for r in board.history() if r.action == "task.move"]
    assert len(moves) == 300
    seqs = sorted(r.seq for r in board.history())
    assert seqs == list(range(1, len(seqs) + 1))
    for task_id in ids:
        assert board.task(task_id).status == CYCLE[49 % len(CYCLE)]
        assert sum(1 for r in moves if r.item == task_id) == 50


CHILD = """
import sys
from store.board import Board
board = Board(sys.argv[1], actor="dana")
cycle = ("doing", "todo")
n = 0
while True:
    board.move_task("T-1", cycle[n % 2])
    n += 1
    print(n, flush=True)
"""


@pytest.mark.parametrize("run", range(int(os.environ.get("UPLIFT_CRASH_RUNS", "5"))))
def test_a_writer_killed_mid_write_leaves_a_readable_board_and_loses_no_reported_change(
        board_path, run) -> None:
    board = Board(board_path, actor="dana")
    board.add_task("busy")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(board_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    time.sleep(0.3 + random.random() * 0.7)
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    reported = max((int(line) for line in out.split()), default=0)
    _all_files_parse(board_path)
    survivor = Board(board_path, actor="dana")
    survivor.add_task("a change after the crash")  # recovers whatever the killed writer left
    moves = [r for r in survivor.history() if r.action == "task.move"]
    assert len(moves) >= reported
    expected = ("doing", "todo")[(len(moves) - 1) % 2] if moves else "todo"
    assert survivor.task("T-1").status == expected


MIXED_CHILD = """
import sys
from store.board import Board
board = Board(sys.argv[1], actor="dana")
n = 0
while True:
    n += 1
    kind = ("task", "move", "deal", "checkin", "import", "step")[n % 6]
    if kind == "task":
        done = board.add_task(f"crash task {n}").id
    elif kind == "move":
        done = board.move_task("T-1", ("doing", "todo")[(n // 6) % 2]).status
    elif kind == "deal":
        done = board.add_deal(f"crash deal {n}", value=n).id
    elif kind == "checkin":
        done = board.checkin("G-1", float(n)).id
    elif kind == "import":
        board.import_plan({"schema": 1, "tasks": [{"title": f"imported {n}"}]})
        done = f"imported {n}"
    else:
        done = board.update_task("T-1", steps=[{"text": f"step {n}"}]).steps[0].text
    print(kind, n, done, flush=True)
"""


@pytest.mark.parametrize("run", range(int(os.environ.get("UPLIFT_CRASH_RUNS", "5"))))
def test_a_writer_of_every_kind_killed_at_a_random_point_loses_no_reported_change(board_path, run) -> None:
    board = Board(board_path, actor="dana")
    board.add_task("busy")
    board.add_goal("crash goal", metric="revenue", target=10)
    child = subprocess.Popen([sys.executable, "-c", MIXED_CHILD, str(board_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    first = child.stdout.readline()  # the writer is up (however slow the machine); now kill it
    time.sleep(random.random() * 1.2)
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    reported = [line.split(" ", 2) for line in (first + out).splitlines() if line.count(" ") >= 2]
    _all_files_parse(board_path)
    survivor = Board(board_path, actor="dana")
    survivor.add_task("a change after the crash")  # recovers whatever the killed writer left
    titles = {t.title for t in survivor.tasks()}
    deals = {d.id: d.title for d in survivor.deals()}
    checkins = {c.id: c.value for c in survivor.checkins()}
    for kind, n, done in reported:
        if kind == "task":
            assert survivor.task(done).title == f"crash task {n}"
        elif kind == "deal":
            assert deals[done] == f"crash deal {n}"
        elif kind == "checkin":
            assert checkins[done] == float(n)
        elif kind == "import":
            assert done in titles
    moves = [r for r in survivor.history(item="T-1") if r.action == "task.move"]
    assert len(moves) >= sum(1 for kind, _, _ in reported if kind == "move")
    steps = [r for r in survivor.history(item="T-1") if r.action == "task.edit"]
    assert len(steps) >= sum(1 for kind, _, _ in reported if kind == "step")
    assert reported, "the writer was killed before it reported anything; give it more time"


REDO_CHILD = """
import os, sys
import store.storage as storage
real = storage.atomic_write
def dying(path, data, mode):
    if path.parent.name == "tasks":  # a shard of the tasks table
        os._exit(9)  # killed after the log record was written, before the task was
    return real(path, data, mode)
storage.atomic_write = dying
from store.board import Board
Board(sys.argv[1], actor="dana").move_task("T-1", "done")
"""


def test_a_change_logged_but_not_applied_is_redone_by_the_next_writer(board_path) -> None:
    Board(board_path, actor="dana").add_task("half done")
    result = subprocess.run([sys.executable, "-c", REDO_CHILD, str(board_path)], cwd=ROOT)
    assert result.returncode == 9
    board = Board(board_path, actor="dana")
    assert board.history(limit=1)[0].after == {"status": "done"}
    board.add_task("the next change")
    assert board.task("T-1").status == "done"
    assert [r.action for r in board.history()].count("task.move") == 1
