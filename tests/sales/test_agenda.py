"""A person's day, against a small board worked out by hand (today 2026-12-02, seven days ahead)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sales.agenda import agenda
from sales.alerts import Alert
from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.goals import CheckIn, Goal
from sales.tasks import Task

TODAY = date(2026, 12, 2)


def task(number: int, due: date | None, status: str = "todo", owner: str = "ali", priority: str = "normal") -> Task:
    return Task(id=f"T-{number}", title=f"Task {number}", owner=owner, due=due, status=status, priority=priority)


def deal(number: int, stage: str, close: date | None, value: float = 1000, owner: str = "ali",
         next_step: str = "") -> Deal:
    return Deal(id=f"D-{number}", title=f"Deal {number}", owner=owner, stage=stage, close=close, value=value,
                next_step=next_step, history=[StageEntry(stage, datetime(2026, 11, 1, tzinfo=timezone.utc))])


TASKS = [
    task(1, date(2026, 11, 30)),                        # overdue 2 days
    task(2, date(2026, 11, 20), status="blocked"),      # overdue 12 days (blocked: listed as overdue)
    task(3, date(2026, 12, 2), status="doing"),         # due today
    task(4, date(2026, 12, 9)),                         # due in 7 days: the edge of "soon"
    task(5, date(2026, 12, 10)),                        # 8 days: not soon
    task(6, None, status="blocked"),                    # blocked, no date
    task(7, date(2026, 11, 1), status="done"),          # done: nothing
    task(8, date(2026, 11, 1), owner="bea"),            # someone else's
    task(9, date(2026, 12, 2), priority="urgent"),      # due today, urgent: before T-3
    Task(id="T-10", title="Quote", owner="bea", deal="D-2"),             # D-2 has open work planned
    Task(id="T-11", title="Old quote", owner="ali", status="done", deal="D-5"),  # done: D-5 has none
]
DEALS = [
    deal(1, "Proposal", date(2026, 11, 25), 5000),       # slipped 7 days
    deal(2, "Negotiation", date(2026, 12, 5), 18000),    # closes in 3 days
    deal(3, "Lead", date(2026, 12, 5), 30000),           # same day, bigger: first
    deal(4, "Won", date(2026, 11, 25)),                  # closed: nothing
    deal(5, "Qualified", date(2027, 1, 5)),              # later
    deal(6, "Qualified", None, next_step="call them"),   # no date; a next step planned
    deal(7, "Proposal", date(2026, 11, 25), owner="bea"),
]
GOALS = [
    Goal(id="G-1", title="Revenue", owner="ali", deadline=date(2026, 12, 31)),
    Goal(id="G-2", title="Win rate", owner="ali", deadline=date(2026, 12, 31)),
    Goal(id="G-3", title="Old", owner="ali", deadline=date(2026, 11, 30)),   # over: no check-in asked
    Goal(id="G-4", title="Bea's", owner="bea"),
]
CHECKINS = [
    CheckIn(id="C-1", goal="G-1", value=1, at=datetime(2026, 11, 20, tzinfo=timezone.utc), by="ali"),  # 12 days
    CheckIn(id="C-2", goal="G-2", value=1, at=datetime(2026, 11, 30, tzinfo=timezone.utc), by="ali"),  # 2 days
]
PACES = [("G-1", 60.0, 40.0), ("G-2", 60.0, 70.0)]
ALERTS = [Alert(kind="quiet", item="D-2", message="no activity for 20 days"),
          Alert(kind="quiet", item="D-7", message="bea's"),
          Alert(kind="overdue", item="T-1", message="x", snoozed_until=date(2026, 12, 9))]


def run(who: str = "ali"):
    return agenda(who, TODAY, TASKS, DEALS, DEFAULT_STAGES, GOALS, CHECKINS, PACES, ALERTS)


def test_tasks_overdue_due_and_blocked() -> None:
    day = run()
    assert [(e.item, e.days) for e in day.of("overdue")] == [("T-2", 12), ("T-1", 2)]
    assert [(e.item, e.days) for e in day.of("due")] == [("T-9", 0), ("T-3", 0), ("T-4", 7)]
    assert [e.item for e in day.of("blocked")] == ["T-6"]
    assert day.of("overdue")[0].status == "blocked"


def test_deals_slipped_closing_and_quiet() -> None:
    day = run()
    assert [(e.item, e.days, e.value) for e in day.of("slipped")] == [("D-1", 7, 5000)]
    assert [(e.item, e.days) for e in day.of("closing")] == [("D-3", 3), ("D-2", 3)]
    assert [(e.item, e.message) for e in day.of("quiet")] == [("D-2", "no activity for 20 days")]


def test_deals_with_nothing_planned() -> None:
    # open, ali's, no open task linked and no next step: D-1, D-3, D-5 (its only task is done);
    # D-2 has T-10 (bea's task: anyone's work counts), D-6 a next step; biggest first
    assert [(e.item, e.value) for e in run().of("unplanned")] == [("D-3", 30000), ("D-1", 5000), ("D-5", 1000)]


def test_goals_behind_pace_and_waiting_for_a_check_in() -> None:
    day = run()
    assert [(e.item, e.expected, e.actual) for e in day.of("behind")] == [("G-1", 60.0, 40.0)]
    assert [(e.item, e.days) for e in day.of("checkin")] == [("G-1", 12)]
    assert day.team_alerts == 2  # the snoozed one is not counted


def test_someone_elses_day() -> None:
    day = run("bea")
    assert [e.item for e in day.entries] == ["T-8", "D-7", "D-7", "D-7", "G-4"]
    assert [e.kind for e in day.entries] == ["overdue", "slipped", "quiet", "unplanned", "checkin"]
    assert day.of("checkin")[0].day is None  # never checked in


def test_a_longer_look_ahead() -> None:
    day = agenda("ali", TODAY, TASKS, DEALS, DEFAULT_STAGES, [], [], [], [], horizon=40)
    assert [e.item for e in day.of("due")] == ["T-9", "T-3", "T-4", "T-5"]
    assert [e.item for e in day.of("closing")] == ["D-3", "D-2", "D-5"]


def test_what_others_said_on_your_tasks_lately() -> None:
    from sales.tasks import Comment

    def said(by: str, day: int, text: str) -> Comment:
        return Comment(at=datetime(2026, 12, day, 9, tzinfo=timezone.utc), by=by, text=text)

    tasks = [Task(id="T-1", title="Quote", owner="ali", comments=[
                 said("dana", 1, "Any news?"), said("bea", 2, "Legal has it\nsecond line"), said("ali", 2, "my own note")]),
             Task(id="T-2", title="Old", owner="ali", comments=[  # 4 days back: not news
                 Comment(at=datetime(2026, 11, 28, 9, tzinfo=timezone.utc), by="bea", text="too old")])]
    day = agenda("ali", TODAY, tasks, [], DEFAULT_STAGES, [], [], [], [])
    assert [(e.item, e.days, e.message) for e in day.of("comment")] == [
        ("T-1", 0, "bea: Legal has it"), ("T-1", 1, "dana: Any news?")]  # newest first; not ali's own
