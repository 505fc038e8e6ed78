"""A plan file may not draw the links `goal carry` and `task done` make by hand where they would
point nowhere a command could: a goal carried on from itself, a task whose `previous` (the
occurrence of a repeating task it comes after) is itself, no task, a task that does not repeat,
or an occurrence another task follows already. Said FILE:LINE: path: what, exit 2, nothing written;
the links a board makes itself import back."""

from __future__ import annotations

from tests.conftest import snapshot_files


def _refused(run, team, plan, text: str, needle: str) -> str:
    """Import `text` as dana (a lead), expecting one problem at the line holding `needle`."""
    plan.write_text(text)
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, ""), err
    line = text.splitlines().index(needle) + 1
    lines = err.splitlines()
    assert lines[1:] == ["uplift: 1 problem; nothing was written"], err
    assert snapshot_files(team) == before
    assert lines[0].startswith(f"{plan}:{line}: "), err
    return lines[0].split(": ", 1)[1]


GOAL = ("goals:\n- id: G-1\n  title: Raise revenue\n  owner: dana\n  metric: revenue\n  target: 10\n"
        "  deadline: 2026-12-31\n")


def test_a_goal_carried_on_from_itself_is_refused(team, run, tmp_path) -> None:
    said = _refused(run, team, tmp_path / "plan.yaml", GOAL + "  carried_from: G-1\n", "  carried_from: G-1")
    assert said == ("goals[0].carried_from: a goal cannot be carried on from itself (G-1): carried_from "
                    "names the last cycle's goal it carries on")


def test_a_task_following_itself_is_refused(team, run, tmp_path) -> None:
    text = "tasks:\n- id: T-2\n  title: Visit Betasoloin\n  owner: bea\n  previous: T-2\n"
    said = _refused(run, team, tmp_path / "plan.yaml", text, "  previous: T-2")
    assert said == ("tasks[0].previous: a task cannot follow itself (T-2): previous names the occurrence of a "
                    "repeating task that this one comes after")


def test_a_task_following_one_that_does_not_repeat_is_refused(team, run, tmp_path) -> None:
    text = "tasks:\n- id: T-2\n  title: Visit Betasoloin\n  owner: bea\n  previous: T-1\n"
    said = _refused(run, team, tmp_path / "plan.yaml", text, "  previous: T-1")
    assert said == ("tasks[0].previous: T-1 does not repeat: previous names the occurrence of a repeating "
                    "task that this one comes after")


def test_a_task_following_no_task_is_refused(team, run, tmp_path) -> None:
    text = "tasks:\n- title: New one\n  previous: T-9\n"
    said = _refused(run, team, tmp_path / "plan.yaml", text, "  previous: T-9")
    assert said == "tasks[0].previous: T-9 is not a task in this file or on the board"


def test_a_second_next_occurrence_is_refused_and_the_boards_own_series_imports_back(team, run, tmp_path) -> None:
    assert run("task", "add", "Weekly pipeline call", "--due", "2030-12-02", "--every", "week")[1] == "T-3\n"
    assert run("task", "done", "T-3")[0] == 0  # makes T-4, following T-3
    plan = tmp_path / "board.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    assert "  previous: T-3\n" in plan.read_text()
    code, out, err = run("plan", "import", str(plan))
    assert code == 0, err
    assert "Changed 0" in out
    text = "tasks:\n- title: Another pipeline call\n  previous: T-3\n"
    said = _refused(run, team, tmp_path / "plan.yaml", text, "  previous: T-3")
    assert said == ("tasks[0].previous: T-3 is followed by T-4 already: each occurrence of a repeating task "
                    "has one next")
