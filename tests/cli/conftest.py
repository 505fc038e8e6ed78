"""The command line run in-process, as a person or a script would type it."""

from __future__ import annotations

import pytest

from tests.conftest import fix_now
from tui.cli import main


def invoke(capsys, *args: str) -> tuple[int, str, str]:
    """`uplift ARGS` as the environment says (user, board): (code, stdout, stderr)."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def run_uplift(board, capsys, monkeypatch):
    """A function that runs `uplift ARGS` on `board` as USER and returns (code, stdout, stderr)."""
    def runner(*args: str, user: str = "dana"):
        monkeypatch.setenv("UPLIFT_USER", user)
        monkeypatch.setenv("UPLIFT_BOARD", str(board))
        return invoke(capsys, *args)
    return runner


def board_from_plan(tmp_path, capsys, monkeypatch, plan: str, now):
    """A runner (as `run_uplift`'s) on a fresh board the lead made by importing `plan`, with every
    board's "now" fixed at `now` (a datetime): for tests of cycles with fixed dates."""
    fix_now(monkeypatch, now)
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    path = tmp_path / "plan.yaml"
    path.write_text(plan)
    assert runner("plan", "import", str(path))[0] == 0
    return runner


@pytest.fixture
def run(team, capsys, monkeypatch):
    """`uplift ARGS` on the team board (dana leads, ali and bea are reps)."""
    return run_uplift(team, capsys, monkeypatch)
