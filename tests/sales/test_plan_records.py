"""The records a plan file may not rewrite (sales/plan_records.py), rule by rule."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sales.goals import CheckIn
from sales.permissions import said
from sales.plan_records import record_problems

AT = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
TODAY = date(2026, 12, 2)


def checkin(**fields) -> CheckIn:
    return CheckIn(**{"id": "C-1", "goal": "G-1", "value": 10.0, "at": AT, "by": "ali", **fields})


def test_a_check_in_keeps_its_author_and_time_and_a_new_one_is_ones_own() -> None:
    old = checkin()
    assert record_problems("checkin", old, checkin(value=12.0), "ali", False, TODAY) == []  # its value may be put right
    where, message, _ = record_problems("checkin", old, checkin(by="bea"), "dana", True, TODAY)[0]
    assert (where, str(message)) == ("by", "who checked in and when stay as they were")
    assert str(record_problems("checkin", None, checkin(by="bea"), "ali", False, TODAY)[0][1]) == \
        "a new check-in is ali's own, not bea's"
    assert record_problems("checkin", None, checkin(by="bea"), "dana", True, TODAY) == []  # a lead's file


def test_a_refusal_says_what_only_a_lead_may_do_in_words() -> None:
    assert [said(a) for a in ("goal.add", "strategy.delete", "deal.split", "training.edit")] == [
        "add goals", "delete strategies", "split a deal's credit among reps", "change training items"]


def test_no_record_a_file_adds_is_to_come_and_the_boards_own_stay() -> None:
    """A lead corrects a record's past, not its future; a moment is to come past a day of slack
    (stamped in UTC, read in the actor's day); what the board holds is not checked again."""
    from sales.deals import Deal, StageEntry

    def deal(*moments: datetime) -> Deal:
        return Deal(id="D-1", title="Acme", stage="Won", history=[StageEntry("Won", at) for at in moments])

    later, tomorrow = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc), datetime(2026, 12, 3, 23, 0, tzinfo=timezone.utc)
    where, message, refused = record_problems("deal", None, deal(later), "dana", True, TODAY)[0]
    assert (where, str(message), refused) == (
        "history[0].at", "a deal enters a stage when it is moved there; 2027-03-01 is still to come", False)
    assert record_problems("deal", None, deal(tomorrow), "dana", True, TODAY) == []
    assert record_problems("deal", deal(later), deal(later), "dana", True, TODAY) == []  # (kept as it was)


def test_a_check_in_on_a_rate_is_from_0_to_100_by_goal_checkins_rule() -> None:
    from sales.goals import Goal, checkin_value_problem

    rate = Goal(id="G-1", title="Win more", metric="Win rate")
    said_by_command = str(checkin_value_problem(rate, 330.0))
    assert said_by_command == "G-1 measures Win rate, a rate from 0 to 100%: 330 is not one"
    assert [(w, str(m)) for w, m, _ in record_problems("checkin", None, checkin(value=330.0), "ali", False, TODAY,
                                                       {"G-1": rate})] == [("value", said_by_command)]
    assert record_problems("checkin", checkin(value=330.0), checkin(value=330.0), "ali", False, TODAY,
                           {"G-1": rate}) == []  # (one the board has: not checked again)
    revenue = Goal(id="G-1", title="Grow", metric="revenue")
    assert record_problems("checkin", None, checkin(value=330.0), "ali", False, TODAY, {"G-1": revenue}) == []
