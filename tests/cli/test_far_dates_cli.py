"""Dates a plan may hold: 1900 to 2999. A due date in 9999 is a typo that would leave a repeating
task's next date, or a calendar entry's end, with nowhere to go."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sales.calendar import CycleDays, ics, plan_events
from sales.errors import Invalid
from sales.tasks import Task, next_occurrence
from store.board import Board
from tests.conftest import snapshot_files


@pytest.mark.parametrize("args", [
    ("task", "add", "x", "--due", "9999-12-31"),
    ("task", "add", "x", "--due", "1066-10-14"),
    ("task", "edit", "T-1", "--start", "3000-01-01"),
    ("deal", "add", "x", "--close", "9999-12-31"),
    ("goal", "add", "x", "--metric", "revenue", "--target", "5", "--deadline", "9999-01-01"),
])
def test_the_command_line_refuses_a_date_out_of_range(run, team, args) -> None:
    before = snapshot_files(team)
    code, _, err = run(*args)
    assert code == 2 and "is not a date between 1900 and 2999" in err and "Traceback" not in err, err
    assert snapshot_files(team) == before


def test_a_plan_file_with_a_far_date_names_its_line(team, tmp_path, run) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- id: T-1\n  title: Call Acme\n  due: 9999-12-31\n", encoding="utf-8")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and f"{plan}:4: tasks[0].due: 9999-12-31 is not a date between 1900 and 2999" in err, err
    assert snapshot_files(team) == before


def test_the_store_refuses_a_far_date_from_any_caller(team) -> None:
    with pytest.raises(Invalid, match="close: 9999-12-31 is not a date between 1900 and 2999"):
        Board(team, actor="dana").add_deal("Acme", close="9999-12-31")


def test_an_older_boards_far_date_neither_stops_the_calendar_nor_a_repeat() -> None:
    """Dates written before they were checked: the calendar still writes the day (an all-day
    event needs no end), and the task can be finished: it has no next date."""
    task = Task(id="T-1", title="Renew", due=date(9999, 12, 25), every="monthly")
    text = ics(plan_events([task], [], [], [], CycleDays("Q4", end=date(2026, 12, 31))), "Board", "key",
               datetime(2026, 12, 1)).decode()
    assert "DTSTART;VALUE=DATE:99991225" in text
    assert next_occurrence(task, date(2026, 12, 2)) is None


def test_a_repeating_task_due_in_the_last_year_can_be_done(run, team) -> None:
    """A monthly task due 2999-12-31 (a date a plan may hold) is done; its repeats end there, as
    its next date (3000-01-31) is past the last year, and the command says so. `task done` was
    refused (exit 2, "due: 3000-01-31 is not a date"), so the task could never be finished."""
    assert run("task", "add", "Close the millennium", "--due", "2999-12-31", "--every", "month")[:2] == (0, "T-3\n")
    code, out, err = run("task", "done", "T-3")
    assert (code, out) == (0, "T-3 → Done\n")
    assert "T-3 repeats no more: its next date would be after 2999" in err
    tasks = Board(team, actor="dana").tasks()
    assert [t.id for t in tasks if t.previous == "T-3"] == [] and len(tasks) == 3
    assert run("task", "add", "Weekly", "--due", "2999-12-20", "--every", "week")[0] == 0
    assert run("task", "done", "T-4")[:2] == (0, "T-4 → Done\nnext: T-5 due 2999-12-27 (weekly)\n")
