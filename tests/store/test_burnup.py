"""The burn-up (sales/burnup.py, Board.burn_up): the tasks on the board and those done at the end
of each day of the cycle, rebuilt from the log; the pace of the last two weeks and when the open
tasks are done at it. The expected days are worked out by hand from the changes made below."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from store.board import Board

START = date(2026, 11, 2)  # day 0 of a ten-day cycle


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def day(self, n: int, hour: int = 10) -> None:
        self.moment = datetime.combine(START + timedelta(days=n), datetime.min.time(), timezone.utc) \
            + timedelta(hours=hour)


@pytest.fixture
def history(board_path):
    """Day 0: four tasks (T-4 ali's). Day 2: T-1 done. Day 3: T-5 added. Day 5: T-2 done, T-3
    deleted. Day 6: T-1 reopened, T-4 handed to bea. Today: day 7, noon."""
    clock = Clock()
    lead = Board(board_path, actor="dana", clock=clock)
    lead.add_member("dana", "lead")
    lead.add_member("ali", "rep")
    lead.add_member("bea", "rep")
    lead.set_plan_info("Ten days", START, START + timedelta(days=9))
    clock.day(0)
    for n in range(1, 4):
        lead.add_task(f"Task {n}")
    lead.add_task("Task 4", owner="ali")
    clock.day(2)
    lead.move_task("T-1", "done")
    clock.day(3)
    lead.add_task("Task 5")
    clock.day(5)
    lead.move_task("T-2", "done")
    lead.delete_task("T-3")
    clock.day(6, hour=23)  # (late: still day 6)
    lead.move_task("T-1", "doing")
    lead.update_task("T-4", owner="bea")
    clock.day(7, hour=12)
    return lead


def test_each_day_holds_the_tasks_and_those_done_at_its_end(history) -> None:
    result = history.burn_up()
    assert (result.start, result.end, result.cycle) == (START, START + timedelta(days=9), True)
    assert [(d.day, d.scope, d.done) for d in result.days] == [
        (START + timedelta(days=n), scope, done) for n, (scope, done) in
        enumerate([(4, 0), (4, 0), (4, 1), (5, 1), (5, 1), (4, 2), (4, 1), (4, 1)])]
    assert result.today.open == 3


def test_the_pace_and_when_the_open_tasks_are_done(history) -> None:
    result = history.burn_up()
    # 7 days back (the cycle is younger than two weeks): 1 done today against 0 on day 0
    assert result.pace == pytest.approx(1 / 7)
    assert result.done_by == START + timedelta(days=7 + 21)  # 3 open at 1/7 a day
    # even pace on day 7: 4 tasks x 8 of the cycle's 10 days
    assert result.even_pace(result.today) == pytest.approx(3.2)


def test_one_persons_burn_up_follows_who_owned_each_task_that_day(history) -> None:
    ali = [(d.scope, d.done) for d in history.burn_up("ali").days]
    bea = [(d.scope, d.done) for d in history.burn_up("bea").days]
    assert ali == [(1, 0)] * 6 + [(0, 0)] * 2
    assert bea == [(0, 0)] * 6 + [(1, 0)] * 2


def test_a_board_without_cycle_dates_looks_back_eight_weeks(board_path) -> None:
    clock = Clock()
    board = Board(board_path, actor="dana", clock=clock)
    board.add_task("Before the window")
    clock.day(70)
    board.add_task("Today's")
    result = board.burn_up()
    assert not result.cycle and len(result.days) == 56 and result.end == clock.moment.date()
    assert [(d.scope, d.done) for d in result.days] == [(1, 0)] * 55 + [(2, 0)]
    assert result.done_by is None  # nothing done: no pace to go by


@pytest.fixture
def new_york(monkeypatch):
    """The machine's clock in New York, where summer time ends on 2026-11-01."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield ZoneInfo("America/New_York")
    monkeypatch.undo()
    time.tzset()


def test_a_day_of_summer_time_ends_at_its_own_midnight(board_path, new_york) -> None:
    """Seen from December (UTC-5), a task done at 00:30 on 20 October (summer time, UTC-4) was
    done on the 20th: the days end at their own midnight, not at December's offset."""
    moment = datetime(2026, 10, 1, 9, tzinfo=new_york)

    def clock() -> datetime:  # as the default clock gives the time: the machine's offset that day
        return moment.astimezone()

    lead = Board(board_path, actor="dana", clock=clock)
    lead.add_member("dana", "lead")
    lead.set_plan_info("Q4", date(2026, 10, 1), date(2026, 12, 31))
    lead.add_task("Task 1")
    lead.add_task("Task 2")
    moment = datetime(2026, 10, 20, 0, 30, tzinfo=new_york)
    lead.move_task("T-1", "done")
    moment = datetime(2026, 12, 3, 12, tzinfo=new_york)
    assert clock().utcoffset() == timedelta(hours=-5)
    done = {d.day: d.done for d in lead.burn_up().days}
    assert (done[date(2026, 10, 19)], done[date(2026, 10, 20)], done[date(2026, 12, 3)]) == (0, 1, 1)


def test_a_task_imported_done_counts_done_from_the_day_it_was_done(board_path, tmp_path) -> None:
    """Taskwarrior's `end` is kept (Task.done_at): a task completed on day 1 and imported on
    day 4 is on the board, done, from day 1, not on the day of the import; one imported open is
    on the board from its import; reopened, it forgets when it was done."""
    import json

    from sales.activity import describe

    clock = Clock()
    lead = Board(board_path, actor="dana", clock=clock)
    lead.set_plan_info("Ten days", START, START + timedelta(days=9))
    clock.day(4)
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([
        {"description": "Done on day 1", "status": "completed", "end": "20261103T150000Z", "uuid": "a"},
        {"description": "Open", "status": "pending", "uuid": "b"}]), encoding="utf-8")
    lead.import_tasks(path)
    assert lead.task("T-1").done_at == datetime(2026, 11, 3, 15, tzinfo=timezone.utc)
    clock.day(5)
    days = [(d.scope, d.done) for d in lead.burn_up().days]
    assert days == [(0, 0), (1, 1), (1, 1), (1, 1), (2, 1), (2, 1)]
    lead.move_task("T-1", "todo")
    assert lead.task("T-1").done_at is None
    assert [(d.scope, d.done) for d in lead.burn_up().days] == [(0, 0), (0, 0), (0, 0), (0, 0), (2, 1), (2, 0)]
    newest = lead.log.records(item="T-1")[0]
    assert (newest.action, str(describe(newest))) == ("task.move", "moved T-1 from Done to To do")
