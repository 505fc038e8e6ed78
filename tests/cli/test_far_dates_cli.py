"""Dates a plan may hold: 1900 to 2999. A due date in 9999 is a typo that would leave a repeating
task's next date, or a calendar entry's end, with nowhere to go."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sales.calendar import ics, plan_events
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
    event needs no end), and finishing the task says why it has no next date."""
    task = Task(id="T-1", title="Renew", due=date(9999, 12, 25), every="monthly")
    text = ics(plan_events([task], [], [], [], ("Q4", date(2026, 12, 31))), "Board", "key",
               datetime(2026, 12, 1)).decode()
    assert "DTSTART;VALUE=DATE:99991225" in text
    with pytest.raises(Invalid, match="9999-12-25 has no next monthly date"):
        next_occurrence(task, date(2026, 12, 2))
