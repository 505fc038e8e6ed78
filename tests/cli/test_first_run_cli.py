"""A newcomer's first run: the board `uplift` makes is said with where it is, and the demo's
"open it again" command opens it as someone who may change it."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.cli.conftest import invoke as uplift
import tui.app
import tui.commands.board


@pytest.fixture
def no_screen(monkeypatch):
    """The app as if it ran in a terminal and was quit at once; who it was opened as."""
    opened = []
    monkeypatch.setattr(tui.commands.board, "has_terminal", lambda: True)
    monkeypatch.setattr(tui.app.UpliftApp, "run", lambda app: opened.append(app.board.actor))
    return opened


def test_the_first_uplift_says_where_it_made_the_board(tmp_path, capsys, monkeypatch, no_screen) -> None:
    monkeypatch.delenv("UPLIFT_USER", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = uplift(capsys, "--board", "my board")
    assert (code, err) == (0, "")
    assert out == f"A new board was made at {tmp_path / 'my board'}\n"
    assert (tmp_path / "my board" / "board.json").exists()
    assert uplift(capsys, "--board", "my board") == (0, "", "")  # made once, said once


def test_the_demos_open_it_again_command_opens_it_as_its_lead(tmp_path, capsys, monkeypatch, no_screen) -> None:
    """`uplift --board PATH` alone opened it as the login name, who is no member: read only."""
    monkeypatch.delenv("UPLIFT_USER", raising=False)
    path = tmp_path / "demo"
    code, out, err = uplift(capsys, "demo", "--board", path)
    assert (code, err, no_screen) == (0, "", ["dana"])
    assert out == (f"The demo board is kept at {path}; open it again with: "
                   f"UPLIFT_USER=dana uplift --board {path}\n")
    assert Board(path, actor="dana").role == "lead"


def test_the_demo_run_as_a_member_says_that_member(tmp_path, capsys, monkeypatch, no_screen) -> None:
    monkeypatch.setenv("UPLIFT_USER", "ali")
    path = tmp_path / "demo"
    code, out, _ = uplift(capsys, "demo", "--board", path)
    assert code == 0 and no_screen == ["ali"]
    assert out.endswith(f"open it again with: UPLIFT_USER=ali uplift --board {path}\n")


def test_the_new_board_is_said_in_chinese(tmp_path, capsys, monkeypatch, no_screen) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = uplift(capsys, "--board", tmp_path / "b")
    assert (code, out) == (0, f"已在 {tmp_path / 'b'} 新建看板\n")


def test_help_says_what_uplift_alone_does_and_where_to_start(capsys, monkeypatch) -> None:
    """The usage line (`uplift ... COMMAND ...`) read as if a command were needed."""
    code, out, _ = uplift(capsys, "--help")
    assert code == 0
    assert " ".join(out.split()).endswith(
        "With no command, uplift opens the board in the terminal (the first time, it makes one and says "
        "where). New here? `uplift demo` opens a sample quarter. Each command says more with --help: "
        "`uplift task --help`.")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = uplift(capsys, "--help")
    assert "".join(out.split()).endswith("".join(
        "不带命令时，uplift 在终端中打开看板（第一次运行时会新建一个并说明位置）。初次使用？`uplift demo` "
        "打开一个示例季度。每个命令加 --help 可看详细说明：`uplift task --help`。".split()))


def test_a_forecast_with_no_deals_says_what_fills_it(tmp_path, capsys, monkeypatch) -> None:
    """It showed a team row of zeros, which reads as a forecast of nothing."""
    monkeypatch.setenv("UPLIFT_USER", "dana")
    board = tmp_path / "b"
    assert uplift(capsys, "--board", board, "member", "add", "dana", "--role", "lead")[0] == 0
    code, out, _ = uplift(capsys, "--board", board, "forecast")
    assert code == 0 and out.splitlines()[-1] == (
        "No deals yet, so nothing to forecast: add them on the pipeline or with `uplift deal add`; "
        "each rep's quota comes from an incentive plan (`uplift incentive set FILE.yaml`).")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert uplift(capsys, "--board", board, "forecast")[1].splitlines()[-1].startswith("还没有商机，无可预测")
    monkeypatch.delenv("UPLIFT_LANG")
    assert uplift(capsys, "--board", board, "deal", "add", "Acme", "--value", "5000", "--close", "+1w")[0] == 0
    assert "No deals yet" not in uplift(capsys, "--board", board, "forecast")[1]


def test_the_command_that_makes_a_missing_board_can_be_pasted_with_a_space_in_its_path(tmp_path, capsys) -> None:
    board = tmp_path / "my boards" / "q1"
    code, out, err = uplift(capsys, "--board", board, "task", "list")
    assert (code, out) == (1, "")
    assert err == f"uplift: no board at {board} (create one with `uplift --board '{board}'`)\n"


def test_the_demos_command_can_be_pasted_with_a_space_in_its_path(tmp_path, capsys, monkeypatch, no_screen) -> None:
    monkeypatch.delenv("UPLIFT_USER", raising=False)
    path = tmp_path / "my demo"
    code, out, _ = uplift(capsys, "demo", "--board", path)
    assert code == 0 and out.endswith(f"UPLIFT_USER=dana uplift --board '{path}'\n")


def test_a_command_that_makes_a_board_says_where_on_stderr(tmp_path, capsys, monkeypatch) -> None:
    """A first `uplift task add` (or a --board typo) made a board and said only its task's id."""
    monkeypatch.setenv("UPLIFT_USER", "dana")
    board = tmp_path / "typo"
    assert uplift(capsys, "--board", board, "task", "add", "Call Acme") == (
        0, "T-1\n", f"uplift: A new board was made at {board}\n")
    assert uplift(capsys, "--board", board, "task", "add", "Call Beta") == (0, "T-2\n", "")
    assert uplift(capsys, "--board", tmp_path / "dry", "plan", "new", "--from", "blank", "--dry-run")[2] == ""


def test_a_burn_up_with_no_tasks_says_what_fills_it(tmp_path, capsys, monkeypatch) -> None:
    """It drew two flat lines over "No tasks yet." and no word of how a task gets there."""
    monkeypatch.setenv("UPLIFT_USER", "dana")
    board = tmp_path / "b"
    assert uplift(capsys, "--board", board, "member", "add", "dana", "--role", "lead")[0] == 0
    code, out, _ = uplift(capsys, "--board", board, "burnup")
    assert code == 0 and out.splitlines()[-1] == (
        "No tasks yet: add one on the task board or with `uplift task add TITLE`.")
    assert uplift(capsys, "--board", board, "burnup", "--mine")[1].splitlines()[-1] == "No tasks yet."
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert uplift(capsys, "--board", board, "burnup")[1].splitlines()[-1] == (
        "还没有任务：在任务看板中或用 `uplift task add TITLE` 添加一个。")


def test_init_says_what_to_do_next_on_a_new_board_and_it_works(tmp_path, capsys, monkeypatch) -> None:
    """`uplift init` said where the board was and stopped: the first member (a lead: you) was
    left for the newcomer to find."""
    monkeypatch.setenv("UPLIFT_USER", "dana")
    board = tmp_path / "team board"
    code, out, _ = uplift(capsys, "--board", board, "init")
    assert code == 0 and out.splitlines()[1] == (
        f"next: `uplift --board '{board}' member add dana --role lead` makes you its lead, "
        f"then `uplift --board '{board}'` opens it")
    assert uplift(capsys, "--board", board, "member", "add", "dana", "--role", "lead")[:2] == (0, "dana (lead)\n")
    assert len(uplift(capsys, "--board", board, "init")[1].splitlines()) == 1  # (there already: no next step)
