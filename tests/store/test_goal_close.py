"""Closing a goal with how it ended, as Lattice and Tability do: an outcome (achieved, partly,
missed, dropped), a closing note and a final score that later check-ins do not change; a closed
goal takes no check-ins and asks for no pace, and its cycle's review reads its final score."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.errors import Invalid, Refused
from store.board import Board

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)  # Q4 2026 runs; Q3 has ended


def _board(path, actor: str = "dana") -> Board:
    return Board(path, actor=actor, clock=lambda: NOW)


@pytest.fixture
def lead(team) -> Board:
    board = _board(team)
    board.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    # G-1: the last quarter's (ended 30 September), ali's; G-2: this quarter's, dana's
    board.add_goal("Grow Q3 revenue to 150", metric="revenue", unit="$", baseline=100, target=150,
                   start="2026-07-01", deadline="2026-09-30", owner="ali")
    board.add_goal("Win 10 new customers", baseline=0, target=10, start="2026-10-01", deadline="2026-12-31",
                   owner="dana")
    return board


def test_the_outcome_is_read_from_the_numbers_and_kept_with_the_final_value_and_note(lead) -> None:
    lead.checkin("G-1", 130, on="2026-09-20")
    lead.checkin("G-1", 170, on="2026-10-15")  # after its deadline: not where it ended
    goal = lead.close_goal("G-1", note="Bundle came late")
    # 130 of the way from 100 to 150: 60%, neither there nor nowhere
    assert (goal.closed.outcome, goal.closed.value, goal.closed.note) == ("partly", 130, "Bundle came late")
    assert (goal.closed.on, goal.closed.by) == (date(2026, 11, 26), "dana")
    assert lead.goal("G-1").closed == goal.closed
    assert lead.report("G-1").current.value == 130 and lead.report("G-1").status == "closed"


@pytest.mark.parametrize("value, outcome", [(150, "achieved"), (160, "achieved"), (100, "missed"), (90, "missed"),
                                            (101, "partly")])
def test_achieved_at_the_target_missed_if_it_never_moved_partly_between(lead, value, outcome) -> None:
    lead.checkin("G-1", value, on="2026-09-20")
    assert lead.close_goal("G-1").closed.outcome == outcome


def test_a_decrease_reads_its_outcome_the_right_way(lead) -> None:
    lead.add_goal("Cut churn", metric="churn", unit="%", baseline=12, target=8, start="2026-07-01",
                  deadline="2026-09-30")
    lead.checkin("G-3", 7.5, on="2026-09-30")
    assert lead.close_goal("G-3").closed.outcome == "achieved"


def test_an_outcome_and_a_value_said_are_kept_and_a_goal_without_numbers_needs_its_outcome_said(lead) -> None:
    assert lead.close_goal("G-2", "dropped", "Market moved", value=3).closed.value == 3
    lead.add_goal("Be friendlier")
    with pytest.raises(Invalid) as error:
        lead.close_goal("G-3")
    assert error.value.field == "outcome" and "G-3 has no progress to read how it ended from" in str(error.value)
    assert lead.goal("G-3").closed is None
    assert lead.close_goal("G-3", "achieved").closed.outcome == "achieved"


def test_a_closed_goal_takes_no_check_in_and_is_not_closed_twice_until_reopened(lead) -> None:
    lead.close_goal("G-2", "missed")
    with pytest.raises(Refused, match=r"G-2 is closed \(missed, on 2026-11-26\): it takes no more check-ins"):
        lead.checkin("G-2", 4)
    with pytest.raises(Refused, match="G-2 is closed already"):
        lead.close_goal("G-2", "achieved")
    lead.reopen_goal("G-2")
    assert lead.goal("G-2").closed is None
    lead.checkin("G-2", 4)
    with pytest.raises(Refused, match="G-2 is not closed"):
        lead.reopen_goal("G-2")


def test_closing_is_the_leads_or_the_owners_and_dropping_is_the_leads(lead) -> None:
    ali, bea = _board(lead.path, "ali"), _board(lead.path, "bea")
    with pytest.raises(Refused, match="a rep may only change their own goals; this one is ali's"):
        bea.close_goal("G-1", "missed")
    with pytest.raises(Refused, match=r"only a lead may drop a goal, or reopen one dropped \(you are a rep\)"):
        ali.close_goal("G-1", "dropped")
    assert lead.goal("G-1").closed is None  # (nothing written by a refusal)
    assert ali.close_goal("G-1", "missed").closed.by == "ali"
    ali.reopen_goal("G-1")  # their own, closed by them: they may take it back
    lead.close_goal("G-1", "dropped")
    with pytest.raises(Refused, match="only a lead may drop a goal, or reopen one dropped"):
        ali.reopen_goal("G-1")


def test_closing_is_in_the_log_and_undone_like_any_change(lead) -> None:
    from sales.activity import describe

    lead.close_goal("G-2", "partly")
    assert str(describe(lead.history(item="G-2")[0])) == "closed G-2: partly achieved"
    lead.undo()
    assert lead.goal("G-2").closed is None


def test_a_closed_goal_is_a_choice_made_no_pace_alert_nor_check_in_asked(lead) -> None:
    assert lead.not_carried() == ["G-1"]
    lead.close_goal("G-1", "missed")
    assert lead.not_carried() == []  # decided: it ends there, no longer waiting to be carried on
    assert [p[0] for p in lead.goal_paces()] == ["G-2"]
    assert lead.cycle().goals.waiting_checkin == ["G-2"]
    lead.close_goal("G-2", "dropped")
    assert lead.goal_paces() == [] and lead.cycle().goals.waiting_checkin == []
    assert lead.cycle().goals.closed == ["G-2"]
    assert not [a for a in lead.alerts() if a.item == "G-2"]
    assert not [e for e in lead.agenda("dana").entries if e.item == "G-2"]


def test_the_review_reads_a_closed_goals_final_score_and_says_how_it_ended(lead) -> None:
    from sales.phrases import english

    lead.checkin("G-2", 6)
    lead.close_goal("G-2", "partly", "Two deals slipped into January")
    lead.checkin("G-1", 120, on="2026-09-10")
    row = {g.goal: g for g in lead.goal_results()}["G-2"]
    assert (row.actual, row.outcome, row.closing_note) == (6, "partly", "Two deals slipped into January")
    assert english(row.source) == "partly achieved (2026-11-26)"
    found = [str(english(f)) for f in lead.review_data().findings]
    assert "G-2 was closed as partly achieved: Two deals slipped into January" in found


def test_a_closed_goal_carried_on_gives_a_running_copy_and_keeps_its_own_closing(lead) -> None:
    lead.checkin("G-1", 120, on="2026-09-20")
    lead.close_goal("G-1", "missed", "Too little pipeline")
    copy = lead.carry_goal("G-1", target=160)
    assert copy.closed is None and copy.baseline == 120
    assert lead.goal("G-1").closed.outcome == "missed"
    lead.checkin(copy.id, 125)  # the copy runs: it takes check-ins


def test_a_closing_note_of_several_lines_is_one_finding(lead) -> None:
    from sales.phrases import english

    lead.close_goal("G-2", "dropped", "Market moved\n\nBudget went to renewals")
    found = [str(english(f)) for f in lead.review_data().findings]
    assert "G-2 was dropped: Market moved Budget went to renewals" in found
