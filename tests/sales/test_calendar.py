"""The plan's dates as an iCalendar file: which items become events, the format's escaping and
folding (RFC 5545: content lines of at most 75 octets, CRLF, `\\` `;` `,` and line breaks
escaped), and UIDs that stay the same from one export to the next."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sales.calendar import CycleDays, cycle_events, ics, plan_events
from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.goals import Goal
from sales.tasks import Task

AT = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)


def board_items():
    tasks = [Task(id="T-1", title="Call Acme; then, quote", owner="ali", due=date(2026, 12, 4), tags=["call"]),
             Task(id="T-2", title="Done already", owner="ali", due=date(2026, 12, 1), status="done"),
             Task(id="T-3", title="No date", owner="ali"),
             Task(id="T-4", title="拜访五家最大的北区客户，并确认续约意向与预算安排", owner="bea", due=date(2026, 12, 3))]
    deals = [Deal(id="D-1", title="Acme renewal", owner="ali", value=12000, stage="Proposal", close=date(2026, 12, 10),
                  history=[StageEntry("Proposal", AT)]),
             Deal(id="D-2", title="Won already", owner="ali", value=500, stage="Won", close=date(2026, 11, 5),
                  history=[StageEntry("Won", AT)])]
    goals = [Goal(id="G-1", title="Grow revenue", owner="dana", deadline=date(2026, 12, 31))]
    return tasks, deals, goals


def unfold(data: bytes) -> list[str]:
    return data.decode().replace("\r\n ", "").split("\r\n")


def test_open_dated_items_become_all_day_events() -> None:
    tasks, deals, goals = board_items()
    events = plan_events(tasks, deals, goals, DEFAULT_STAGES, CycleDays("Q4", end=date(2026, 12, 31)))
    assert [(e.uid, e.day) for e in events] == [
        ("T-4-due", date(2026, 12, 3)), ("T-1-due", date(2026, 12, 4)), ("D-1-close", date(2026, 12, 10)),
        ("cycle-end", date(2026, 12, 31)), ("G-1-deadline", date(2026, 12, 31))]  # (the cycle's day first)
    mine = plan_events(tasks, deals, goals, DEFAULT_STAGES, CycleDays("Q4"), who="ali")
    assert [e.uid for e in mine] == ["T-1-due", "D-1-close"]


def test_the_file_escapes_folds_and_keeps_its_uids() -> None:
    tasks, deals, goals = board_items()
    events = plan_events(tasks, deals, goals, DEFAULT_STAGES, CycleDays("Q4, North"))
    data = ics(events, "Q4, North", "abc123", AT)
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    lines = unfold(data)
    assert "SUMMARY:T-1 Call Acme\\; then\\, quote" in lines
    assert "SUMMARY:拜访五家最大的北区客户，并确认续约意向与预算安排" not in lines  # (it has its id first)
    assert "SUMMARY:T-4 拜访五家最大的北区客户，并确认续约意向与预算安排" in lines  # folded whole characters
    assert "UID:T-1-due@abc123.uplift" in lines and "DTSTART;VALUE=DATE:20261204" in lines
    assert "DTEND;VALUE=DATE:20261205" in lines and "CATEGORIES:task,call" in lines
    assert "X-WR-CALNAME:Q4\\, North" in lines and lines.count("BEGIN:VEVENT") == 4
    assert ics(events, "Q4, North", "abc123", AT) == data


def test_a_title_cannot_add_a_property_or_an_event() -> None:
    task = Task(id="T-9", title="x", owner="ali", due=date(2026, 12, 4),
                expected_result="done\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\x1b]0;t\x07")
    data = ics(plan_events([task], [], [], DEFAULT_STAGES, CycleDays("Q4")), "Q4", "k", AT)
    lines = unfold(data)
    assert lines.count("BEGIN:VEVENT") == 1 and "SUMMARY:pwned" not in lines
    assert b"\x1b" not in data and b"\x07" not in data


def test_the_cycles_own_days() -> None:
    """Its first day (with the budget), its last, and each incentive plan's payout period ending
    on the last; a board with no period has none of them, whatever its plans."""
    days = cycle_events(CycleDays("Q1", date(2030, 1, 1), date(2030, 3, 31), [("I-1", "Flat"), ("I-2", "Kicker")], 6500))
    assert [(e.uid, e.day, str(e.summary), str(e.description)) for e in days] == [
        ("cycle-start", date(2030, 1, 1), "Cycle starts: Q1", "2030-01-01 to 2030-03-31\nbudget 6,500"),
        ("cycle-end", date(2030, 3, 31), "Cycle ends: Q1", "2030-01-01 to 2030-03-31"),
        ("cycle-payouts-I-1", date(2030, 3, 31), "Payout period ends: Flat", "incentive plan I-1\n2030-01-01 to 2030-03-31"),
        ("cycle-payouts-I-2", date(2030, 3, 31), "Payout period ends: Kicker", "incentive plan I-2\n2030-01-01 to 2030-03-31")]
    assert not any(e.item for e in days)  # (no one's: never overdue, nothing to jump to)
    assert cycle_events(CycleDays("Q1", incentives=[("I-1", "Flat")], budget=6500)) == []


def test_a_training_audience_names_members_as_whole_words_and_none_is_the_teams() -> None:
    from sales.budget import TrainingItem, audience_names
    from sales.calendar import training_events

    members = ["ali", "bea", "dev", "刘洋", "赵敏"]
    assert audience_names("all reps", members) == set()  # (ali is not in "all")
    assert audience_names("Ali and BEA", members) == {"ali", "bea"}
    assert audience_names("developers, ali.", members) == {"ali"}  # (dev is not in "developers")
    assert audience_names("刘洋和赵敏", members) == {"刘洋", "赵敏"}  # (Chinese has no spaces between words)
    items = [TrainingItem(id="L-1", topic="Pricing", audience="all reps", on=date(2030, 1, 14)),
             TrainingItem(id="L-2", topic="Demo", audience="dev", on=date(2030, 1, 15), done=True),
             TrainingItem(id="L-3", topic="Someday", audience="")]
    assert [(e.uid, e.day, e.open) for e in training_events(items)] == [
        ("L-1-on", date(2030, 1, 14), True), ("L-2-on", date(2030, 1, 15), False)]
    assert [e.item for e in training_events(items, "ali", members)] == ["L-1"]
    assert [e.item for e in training_events(items, "dev", members)] == ["L-1", "L-2"]
