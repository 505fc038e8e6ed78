"""No traceback reaches a user: an unexpected error is one line on stderr and a documented exit code."""

from __future__ import annotations

import pytest

from store.tasks import TaskChanges


def fail_with(error: BaseException):
    def broken(*args, **kwargs):
        raise error
    return broken


def test_a_bug_is_one_line_naming_the_command_and_how_to_see_more(run, monkeypatch) -> None:
    monkeypatch.delenv("UPLIFT_DEBUG", raising=False)
    monkeypatch.setattr(TaskChanges, "tasks", fail_with(RuntimeError("the shelf fell over\nsecond line")))
    code, out, err = run("task", "list")
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("uplift: task list failed: RuntimeError: the shelf fell over.")
    assert "bug in Uplift" in err and "UPLIFT_DEBUG=1" in err
    assert "Traceback" not in err and "second line" not in err


def test_json_commands_print_nothing_but_json_when_they_fail(run, monkeypatch) -> None:
    monkeypatch.delenv("UPLIFT_DEBUG", raising=False)
    monkeypatch.setattr(TaskChanges, "tasks", fail_with(KeyError("status")))
    code, out, err = run("task", "list", "--json")
    assert (code, out) == (3, "")
    assert err.startswith("uplift: task list failed: KeyError: 'status'.")


def test_uplift_debug_lets_the_error_raise(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_DEBUG", "1")
    monkeypatch.setattr(TaskChanges, "tasks", fail_with(RuntimeError("the shelf fell over")))
    with pytest.raises(RuntimeError, match="the shelf fell over"):
        run("task", "list")


def test_ctrl_c_exits_quietly_with_130(run, monkeypatch) -> None:
    monkeypatch.setattr(TaskChanges, "tasks", fail_with(KeyboardInterrupt()))
    assert run("task", "list", "--json") == (130, "", "")


def test_the_machine_refusing_names_the_file_and_is_no_bug(run, tmp_path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a board\n")
    code, out, err = run("--board", not_a_folder, "task", "add", "Call Acme")
    assert (code, out) == (1, "")
    assert err.startswith(f"uplift: {not_a_folder}") and err.count("\n") == 1
    assert "bug" not in err and "Traceback" not in err
