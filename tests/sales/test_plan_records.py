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
