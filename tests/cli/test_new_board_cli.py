"""A command that would make a new board (`task add`, `goal add`, `wip`, ... on a folder that is
not a board yet) and then fails leaves nothing behind: `uplift --board typo task add x --due
2026-13-40` used to leave an empty board (and its folders) at `typo`, so that the next `uplift
--board typo task list` said "No tasks yet" instead of "no board at typo"."""

from __future__ import annotations

import pytest

from tests.cli.conftest import invoke as uplift


@pytest.fixture(autouse=True)
def lead(monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    monkeypatch.delenv("UPLIFT_BOARD", raising=False)


@pytest.mark.parametrize("args", [
    ("task", "add", "Call Acme", "--due", "2026-13-40"),
    ("task", "add", ""),
    ("goal", "add", "Grow", "--deadline", "2026-13-40"),
    ("deal", "add", "Acme", "--value", "lots"),
    ("note", "add", ""),
    ("wip", "doing", "many"),
    ("member", "add", "ali", "--role", "rep"),  # the first member must be a lead
], ids=lambda a: " ".join(a[:2]))
def test_a_failed_command_leaves_no_new_board(tmp_path, capsys, args) -> None:
    board = tmp_path / "typo" / "board"
    code, out, err = uplift(capsys, "--board", board, *args)
    assert code in (1, 2) and out == "" and err.startswith("uplift: ")
    assert list(tmp_path.iterdir()) == []  # neither the board nor the folder made for it
    code, _, err = uplift(capsys, "--board", board, "task", "list")
    assert code == 1 and "no board at" in err


def test_a_folder_that_was_there_stays_and_a_board_with_work_is_kept(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert uplift(capsys, "--board", empty, "task", "add", "")[0] == 2
    assert empty.is_dir() and list(empty.iterdir()) == []
    board = tmp_path / "board"
    assert uplift(capsys, "--board", board, "task", "add", "Call Acme")[:2] == (0, "T-1\n")
    assert uplift(capsys, "--board", board, "task", "add", "")[0] == 2
    assert uplift(capsys, "--board", board, "task", "list", "--json")[0] == 0
    assert "Call Acme" in uplift(capsys, "--board", board, "task", "list")[1]


@pytest.mark.parametrize("args", [("wip",), ("wip", "--json")], ids=" ".join)
def test_showing_the_wip_limits_reads_and_makes_no_board(tmp_path, capsys, args) -> None:
    """`uplift wip` only shows: on a typo it made an empty board and said "No WIP limits set"."""
    board = tmp_path / "typo" / "board"
    code, out, err = uplift(capsys, "--board", board, *args)
    assert (code, out) == (1, "") and f"no board at {board}" in err
    assert list(tmp_path.iterdir()) == []
    assert uplift(capsys, "--board", board, "wip", "doing", "4")[:2] == (0, "doing: 4\n")  # setting one makes it
    assert uplift(capsys, "--board", board, "wip", "--json")[:2] == (0, '{"doing":4}\n')
