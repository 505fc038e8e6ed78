"""The cycle's counting helpers, and the day of the cycle."""

from __future__ import annotations

from datetime import date

from sales.cycle import Cycle, Diagnose, Goals, Plan, Review, Track, paces, task_counts, ticked
from sales.tasks import Task


def test_tasks_per_status_and_overdue() -> None:
    today = date(2026, 12, 2)
    tasks = [Task(id="T-1", title="a", due=date(2026, 12, 1)), Task(id="T-2", title="b", status="done",
                                                                    due=date(2026, 11, 1)),
             Task(id="T-3", title="c", status="blocked", due=date(2026, 11, 30)), Task(id="T-4", title="d")]
    counts, overdue = task_counts(tasks, today)
    assert counts == {"todo": 2, "doing": 0, "blocked": 1, "done": 1} and list(counts) == ["todo", "doing",
                                                                                              "blocked", "done"]
    assert overdue == 2  # T-1 and T-3; a done task is never overdue


def test_checklists_and_paces() -> None:
    assert ticked([("a", object()), ("b", None), ("c", None)]) == (1, 3)
    assert ticked([]) == (0, 0)
    assert paces(["G-1", "G-2", "G-3"], [("G-1", 50.0, 60.0), ("G-2", 50.0, 40.0), ("G-9", 1.0, 0.0)]) == \
        (["G-1"], ["G-2"])


def test_the_day_of_the_cycle() -> None:
    def cycle(start, end, today) -> Cycle:
        return Cycle("Q4", start, end, today, Diagnose(None, None, [], None, 0, None, 0, 0, (0, 0)),
                     Goals(0, [], [], [], 0), Plan({}, 0, None, 0, 0, 0, (0, 0)),
                     Track(0, 0, 0, 0, None, 0, 0, (0, 0)), Review(0, None, (0, 0), (0, 0)))

    assert cycle(date(2026, 10, 1), date(2026, 12, 31), date(2026, 10, 1)).day == (1, 92)
    assert cycle(date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 31)).day == (92, 92)
    assert cycle(date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 1)).day is None
    assert cycle(None, None, date(2027, 1, 1)).day is None
