"""Goals, check-ins, strategies and budget through the store API: rules, history, the log."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sales.activity import describe
from sales.errors import Invalid, Refused
from store.board import Board
from store.demo import sample_plan

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def as_(path, actor: str) -> Board:
    return Board(path, actor=actor, clock=lambda: NOW)


@pytest.fixture
def plan(team):
    """The team board with a Q4 period, one goal (G-1) and one strategy (S-1) serving it."""
    lead = as_(team, "dana")
    lead.set_plan_info("North Q4", "2026-10-01", "2026-12-31")
    lead.add_goal("Grow revenue", owner="dana", metric="revenue", scope={"region": "North"},
                  baseline=1_200_000, target=15, target_kind="percent", unit="$",
                  start="2026-10-01", deadline="2026-12-31")
    lead.add_strategy("Mid-market push", dimension="market", goals=["g1"])
    return team


def letters(board: Board, goal_id: str) -> dict[str, bool]:
    return {v.letter: v.passed for v in board.report(goal_id).verdicts}


def test_a_goal_report_gathers_verdicts_pace_and_strategies(plan) -> None:
    report = as_(plan, "dana").report("G-1")
    assert [s.id for s in report.strategies] == ["S-1"]
    assert letters(as_(plan, "dana"), "G-1") == {"S": True, "M": True, "A": False, "R": True, "T": True}
    assert report.pace.describe() == "expected 62% by now, at 0%"  # 56 of 91 days, no check-in yet


def test_checkins_record_who_and_when_and_move_the_pace(plan) -> None:
    checkin = as_(plan, "ali").checkin("G-1", 1_286_400, "at_risk", "slow November")
    assert (checkin.id, checkin.by, checkin.at, checkin.confidence) == ("C-1", "ali", NOW, "at_risk")
    report = as_(plan, "dana").report("G-1")
    assert [c.value for c in report.checkins] == [1_286_400]
    assert report.pace.describe() == "expected 62% by now, at 48%"  # 86,400 of 180,000
    record = as_(plan, "dana").history(item="C-1")[0]
    assert (record.actor, describe(record)) == ("ali", "checked in on G-1: 1,286,400 (at risk)")


def test_a_bad_confidence_is_refused_naming_the_field(plan) -> None:
    with pytest.raises(Invalid) as error:
        as_(plan, "dana").checkin("G-1", 1, "fine")
    assert error.value.field == "confidence"


def test_only_leads_set_goals_and_strategies(plan) -> None:
    rep = as_(plan, "ali")
    with pytest.raises(Refused):
        rep.add_goal("Mine")
    with pytest.raises(Refused):
        rep.update_goal("G-1", target=20)
    with pytest.raises(Refused):
        rep.add_strategy("Mine", goals=["G-1"])


def test_editing_a_goal_is_logged_and_clears_with_none(plan) -> None:
    lead = as_(plan, "dana")
    lead.update_goal("G-1", deadline="2027-02-01", owner=None)
    assert letters(lead, "G-1")["T"] is False and letters(lead, "G-1")["S"] is False
    record = lead.history(item="G-1")[0]
    assert record.action == "goal.edit" and record.after == {"deadline": "2027-02-01", "owner": None}


def test_a_strategy_relinked_changes_the_R_badge_and_the_gaps(plan) -> None:
    lead = as_(plan, "dana")
    lead.add_goal("Second goal")
    assert letters(lead, "G-2")["R"] is False
    lead.update_strategy("S-1", goals=["G-1", "G-2"])
    assert letters(lead, "G-2")["R"] is True
    with pytest.raises(Invalid, match="no goal G-9"):
        lead.update_strategy("S-1", goals=["G-9"])


def test_history_comes_from_the_diagnosis_snapshots(plan, tmp_path) -> None:
    # North sells 1,000,000 in Q1, 1,092,000 in Q2 and 1,150,000 in Q3 (one order a month each
    # a third of that); South far more. Best change seen: Q1 -> Q2 = +9.2% (Q2 -> Q3 is +5.3%).
    lines = ["order,date,region,amount"]
    for quarter, total in ((1, 1_000_000), (2, 1_092_000), (3, 1_150_000)):
        for month in range(3):
            m = (quarter - 1) * 3 + month + 1
            lines.append(f"N{quarter}{month},2026-{m:02d}-15,North,{total / 3}")
            lines.append(f"S{quarter}{month},2026-{m:02d}-15,South,{3e9}")
    records = tmp_path / "sales.csv"
    records.write_text("\n".join(lines) + "\n")
    lead = as_(plan, "dana")
    lead.run_diagnosis([records], period="quarter")
    assert lead.goal_history("Revenue", {"region": "North"}) == [
        ("2026-Q1", pytest.approx(1_000_000.0)), ("2026-Q2", pytest.approx(1_092_000.0)),
        ("2026-Q3", pytest.approx(1_150_000.0))]
    achievable = lead.report("G-1").verdicts[2]
    assert achievable.reason == "asks for +15.0% where the best change seen was +9.2% (5.8 points more)"
    goal = lead.add_goal("From the snapshot", metric="revenue", scope={"region": "North"}, baseline="snapshot")
    assert goal.baseline == pytest.approx(1_150_000.0)
    assert goal.baseline_source == "snapshot 2026-Q3"
    assert lead.goal_history("revenue", {"segment": "SMB"}) == []  # not a dimension the diagnosis keeps
    with pytest.raises(Invalid, match="no diagnosis snapshot of units"):
        lead.add_goal("No data", metric="units", scope={"region": "Atlantis"}, baseline="snapshot")


def test_budget_requests_decisions_and_spending_follow_the_roles(plan) -> None:
    rep, other, lead = as_(plan, "ali"), as_(plan, "bea"), as_(plan, "dana")
    line = rep.request_budget("Trade fair booth", 8000, category="marketing", strategy="S-1")
    assert (line.id, line.requested_by, line.status) == ("B-1", "ali", "requested")
    with pytest.raises(Refused, match="only a lead"):
        rep.approve_budget("B-1", "I need it")
    with pytest.raises(Refused, match="only a lead"):
        other.reject_budget("B-1", "no")
    with pytest.raises(Invalid, match="say why"):
        lead.approve_budget("B-1", "")
    approved = lead.approve_budget("B-1", "one booth only", 6000)
    assert (approved.status, approved.approved, approved.decided_by) == ("approved", 6000, "dana")
    with pytest.raises(Invalid, match="already approved"):
        lead.reject_budget("B-1", "changed my mind")
    rep.record_spend("B-1", 6500, "2026-11-20", "deposit and stand")
    with pytest.raises(Refused, match="own"):
        other.record_spend("B-1", 10)
    with pytest.raises(Refused):
        rep.set_plan_budget(1)
    lead.set_plan_budget(6200)
    assert lead.budget_flags() == [
        "B-1 “Trade fair booth”: 6,500 spent of 6,000 approved (500 over)",
        "spent 6,500 of the plan's 6,200 budget (300 over)",
    ]
    actions = [r.action for r in lead.history()][:4]
    assert actions == ["board.budget", "budget.spend", "budget.approve", "budget.request"]


def test_a_budget_line_must_point_at_something_real(plan) -> None:
    with pytest.raises(Invalid, match="no task T-9"):
        as_(plan, "ali").request_budget("Travel", 100, task="T-9")
    with pytest.raises(Invalid):
        as_(plan, "ali").request_budget("Travel", 100)


def test_setting_the_plan_info_keeps_the_budget(plan) -> None:
    lead = as_(plan, "dana")
    lead.set_plan_budget(40000)
    lead.set_plan_info("Renamed", "2026-10-01", "2026-12-31")
    assert lead.plan_info()["budget"] == 40000


def test_training_items_are_led(plan) -> None:
    lead = as_(plan, "dana")
    item = lead.add_training("Pricing rules", audience="all reps", on="2026-12-01", strategy="S-1")
    assert item.id == "L-1"
    with pytest.raises(Refused):
        as_(plan, "ali").set_training_done("L-1")
    assert lead.set_training_done("L-1").done
    assert [r.action for r in lead.history(item="L-1")] == ["training.edit", "training.add"]


def test_the_sample_plan_loads_with_measurable_goals_and_resources() -> None:
    plan = sample_plan()
    assert [g.id for g in plan.goals] == ["G-1", "G-2", "G-3"]
    assert all(g.metric and g.baseline is not None and g.target is not None for g in plan.goals)
    assert plan.plan.budget == 40000 and plan.checkins and plan.budget_lines and plan.training
