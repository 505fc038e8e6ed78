"""When the full-screen app stops on an error nothing handled, the person reads one line saying
it is a bug and how to see more, not a traceback, and the command exits 3."""

from __future__ import annotations

from functools import partialmethod

import pytest
from textual.app import App

from store.board import Board
from tui import app as app_module
from tui.cli import main
from tui.commands import board as board_command


@pytest.fixture
def crashing_board(team, monkeypatch):
    """The board app, run headless (no terminal here), stopping on an error as it mounts."""
    monkeypatch.setattr(app_module.UpliftApp, "run", partialmethod(App.run, headless=True))
    monkeypatch.setattr(board_command, "has_terminal", lambda: True)  # (headless stands for one)

    def broken(self) -> None:
        raise RuntimeError("the plan screen fell over\nsecond line")

    monkeypatch.setattr(app_module.UpliftApp, "on_mount", broken)
    return team


def test_a_crash_is_one_line_and_exit_3(crashing_board, monkeypatch, capsys) -> None:
    monkeypatch.delenv("UPLIFT_DEBUG", raising=False)
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(crashing_board)]) == 3
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        "uplift: the board failed: RuntimeError: the plan screen fell over. This is a bug in Uplift; "
        "run it again with UPLIFT_DEBUG=1 to see the traceback."]
    assert "Traceback" not in out + err


def test_with_debug_set_textual_shows_the_traceback(crashing_board, monkeypatch, capsys) -> None:
    monkeypatch.setenv("UPLIFT_DEBUG", "1")
    assert app_module.run_app(Board(crashing_board, actor="dana")) == 3
    out, err = capsys.readouterr()
    assert "RuntimeError" in out + err and "the plan screen fell over" in out + err
    assert "This is a bug in Uplift" not in err


def test_a_board_file_it_cannot_read_is_said_as_such_not_as_a_bug(team, monkeypatch, capsys) -> None:
    """A file damaged (or written by a newer Uplift) under the running app: exit 1, its reason."""
    from store.files import BoardDamaged

    monkeypatch.setattr(app_module.UpliftApp, "run", partialmethod(App.run, headless=True))
    monkeypatch.setattr(board_command, "has_terminal", lambda: True)

    def damaged(self) -> None:
        raise BoardDamaged("deals/0000.json: table deals: Object contains unknown field 'x'; a newer "
                           "Uplift may have written it: upgrade this one; the file was left as it is")

    monkeypatch.setattr(app_module.UpliftApp, "on_mount", damaged)
    monkeypatch.delenv("UPLIFT_DEBUG", raising=False)
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(team)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("uplift: deals/0000.json: table deals: Object contains unknown field 'x'")
    assert "upgrade this one" in err and "bug" not in err



def test_without_a_terminal_the_app_is_refused_at_once(team, tmp_path) -> None:
    """`uplift` with no verb from cron or a pipe started the full-screen app: its escape codes
    went into the file and it waited for keys until killed. Now: exit 2, one line saying what to
    do, before a board is made; `uplift demo` alike (unless --no-open)."""
    import os
    import subprocess
    import sys

    from tests.serve.sshkit import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "UPLIFT_USER": "dana"}
    env.pop("TEXTUAL_DRIVER", None)
    for args, fresh in ((["--board", str(team)], None), (["--board", str(tmp_path / "new")], tmp_path / "new"),
                        (["demo", "--board", str(tmp_path / "demo")], tmp_path / "demo")):
        done = subprocess.run([sys.executable, "-P", "-m", "tui.cli", *args], cwd=ROOT, env=env, timeout=60,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr.startswith("uplift: the board's screen needs a terminal (standard input and output "
                                      "are not one); "), done.stderr
        assert fresh is None or not fresh.exists()
