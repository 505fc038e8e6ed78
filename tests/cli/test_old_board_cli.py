"""The task verbs on a board written by the last release: the first one migrates it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from store.schema import SCHEMA_VERSION
from store.task_board import TaskBoard
from tests.cli.conftest import run_uplift

OLD_BOARD = Path(__file__).resolve().parents[1] / "store" / "data" / "board-v1"


def test_task_done_on_a_board_of_the_last_release(tmp_path, capsys, monkeypatch) -> None:
    board = tmp_path / "board"
    shutil.copytree(OLD_BOARD, board)
    run = run_uplift(board, capsys, monkeypatch)
    assert run("task", "done", "T-1", user="ali") == (0, "T-1 → Done\n", "")
    assert json.loads((board / "board.json").read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert TaskBoard(board, actor="ali").task("T-1").status == "done"
    code, out, _ = run("task", "list", "--json")
    assert code == 0 and [t["id"] for t in json.loads(out)] == ["T-1", "T-2"]
