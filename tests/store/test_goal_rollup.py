"""A goal whose progress rolls up from the goals that contribute to it (sum or average), through
the store API: the numbers worked out by hand here, the refusals, plan files and undo."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sales.errors import Invalid, Refused
from sales.plan_check import PlanInvalid
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text
from tests.conftest import snapshot_files

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=timezone.utc)
REVENUE = {"metric": "revenue", "unit": "$"}


@pytest.fixture
def lead(team) -> Board:
    """G-1 the team's revenue (1.2M by year end, from 0), G-2..G-4 the parts of ali, bea and dana."""
    board = Board(team, actor="dana", clock=lambda: NOW)
    board.add_goal("Team revenue 1.2M", owner="dana", baseline=0, target=1_200_000,
                   start="2026-10-01", deadline="2026-12-31", **REVENUE)
    board.add_goal("ali: 300k", owner="ali", parent="G-1", baseline=50_000, **REVENUE)
    board.add_goal("bea: 540k", owner="bea", parent="G-1", baseline=80_000, **REVENUE)
    board.add_goal("dana: 360k", owner="dana", parent="G-1", baseline=20_000, **REVENUE)
    return board


def test_the_sum_of_three_reps(lead) -> None:
    lead.checkin("G-2", 300_000)
    lead.checkin("G-3", 540_000)
    lead.checkin("G-4", 100_000)
    lead.checkin("G-4", 160_000)  # the latest counts
    lead.update_goal("G-1", rollup="sum")
    report = lead.report("G-1")
    assert report.pace.current == 1_000_000  # 300,000 + 540,000 + 160,000
    assert report.pace.progress == pytest.approx(1_000_000 / 1_200_000)
    assert [(c.goal, c.owner, c.value) for c in report.current.contributions] == [
        ("G-2", "ali", 300_000), ("G-3", "bea", 540_000), ("G-4", "dana", 160_000)]
    # the review's actual is the same number, and says where it came from
    result = next(r for r in lead.goal_results() if r.goal == "G-1")
    assert result.actual == 1_000_000
    assert result.source == "sum of G-2 ali 300,000, G-3 bea 540,000, G-4 dana 160,000"


def test_a_contributor_without_check_ins_counts_at_its_baseline_and_one_without_a_value_is_left_out(lead) -> None:
    lead.checkin("G-2", 300_000)  # bea (baseline 80,000) and dana (20,000) have not checked in
    lead.add_goal("chen: new", parent="G-1", **REVENUE)  # G-5: no check-in, no baseline
    lead.update_goal("G-1", rollup="sum")
    current = lead.report("G-1").current
    assert current.value == 400_000  # 300,000 + 80,000 + 20,000
    assert [c.goal for c in current.left_out] == ["G-5"]
    lead.update_goal("G-1", rollup="average")
    assert lead.report("G-1").pace.current == pytest.approx(400_000 / 3)  # G-5 is not a 0 in the mean


def test_a_rolled_up_goal_without_contributors_with_values_stands_at_its_baseline(lead) -> None:
    goal = lead.add_goal("Win rate 40%", metric="win_rate", unit="%", baseline=31, target=40, rollup="average")
    assert lead.report(goal).pace.current == 31


def test_the_average_of_rates(team) -> None:
    board = Board(team, actor="dana", clock=lambda: NOW)
    board.add_goal("Team win rate", metric="win_rate", unit="%", baseline=30, target=40, rollup="average")
    for value in (35, 42, 31):
        part = board.add_goal("rep's win rate", parent="G-1", metric="win_rate", unit="%", baseline=30)
        board.checkin(part.id, value)
    assert board.report("G-1").pace.current == pytest.approx(36)  # (35 + 42 + 31) / 3


def test_nested_roll_up_team_from_regions_from_reps(team) -> None:
    board = Board(team, actor="dana", clock=lambda: NOW)
    board.add_goal("Company", rollup="sum", **REVENUE)                    # G-1
    board.add_goal("North", parent="G-1", rollup="sum", **REVENUE)        # G-2
    board.add_goal("South", parent="G-1", baseline=70_000, **REVENUE)     # G-3, no check-in
    board.add_goal("ali", parent="G-2", **REVENUE)                        # G-4
    board.add_goal("bea", parent="G-2", **REVENUE)                        # G-5
    board.checkin("G-4", 120_000)
    board.checkin("G-5", 200_000)
    values = board.current_values()
    assert values["G-2"].value == 320_000  # 120,000 + 200,000
    assert values["G-1"].value == 390_000  # North's 320,000 + South's baseline 70,000
    assert [(c.goal, c.value) for c in values["G-1"].contributions] == [("G-2", 320_000), ("G-3", 70_000)]


def test_a_differing_metric_or_unit_is_refused_both_ways(lead) -> None:
    lead.add_goal("ali: new customers", parent="G-1", metric="new_customers", unit="customers")  # G-5
    before = snapshot_files(lead.path)
    with pytest.raises(Invalid, match="G-1 rolls up revenue \\(\\$\\) but G-5 measures new customers") as error:
        lead.update_goal("G-1", rollup="sum")
    assert error.value.field == "rollup"
    assert snapshot_files(lead.path) == before
    lead.update_goal("G-5", parent="")
    lead.update_goal("G-1", rollup="sum")
    with pytest.raises(Invalid, match="but G-5 measures") as error:
        lead.update_goal("G-5", parent="G-1")
    assert error.value.field == "parent"
    with pytest.raises(Invalid, match="but G-2 measures revenue \\(€\\)"):
        lead.update_goal("G-2", unit="€")


def test_a_check_in_on_a_rolled_up_goal_is_refused(lead) -> None:
    lead.update_goal("G-1", rollup="sum")
    before = snapshot_files(lead.path)
    with pytest.raises(Refused) as error:
        lead.checkin("G-1", 900_000, comment="from the reps' sheet")
    assert str(error.value) == ("G-1 rolls up from its contributors (sum of G-2, G-3, G-4); "
                                "check in on those, or set rollup none")
    assert snapshot_files(lead.path) == before
    lead.update_goal("G-1", rollup="none")
    assert lead.goal("G-1").rollup is None
    assert lead.checkin("G-1", 900_000).value == 900_000


def test_a_rolled_up_goal_asks_for_no_check_in(lead) -> None:
    lead.update_goal("G-1", rollup="sum")
    agenda = lead.agenda("dana")
    assert ("checkin", "G-1") not in [(e.kind, e.item) for e in agenda.entries]
    assert ("checkin", "G-4") in [(e.kind, e.item) for e in agenda.entries]


def test_undo_takes_back_setting_rollup(lead) -> None:
    lead.checkin("G-2", 300_000)
    lead.update_goal("G-1", rollup="sum")
    assert lead.report("G-1").pace.current == 400_000  # 300,000 + 80,000 + 20,000
    lead.undo()
    assert lead.goal("G-1").rollup is None
    assert lead.report("G-1").pace.current == 0  # its own baseline again


def test_plan_files_carry_rollup_and_leave_it_out_when_none(lead, tmp_path) -> None:
    lead.checkin("G-3", 540_000)
    lead.update_goal("G-1", rollup="sum")
    text = dump_plan(lead.export_plan())
    assert text.count("rollup:") == 1 and "  rollup: sum\n" in text
    other = Board(tmp_path / "other", actor="dana", clock=lambda: NOW)
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.goal("G-1").rollup == "sum"
    assert other.report("G-1").pace.current == 610_000  # 50,000 + 540,000 + 20,000
    assert dump_plan(other.export_plan()).split("\n", 1)[1] == text.split("\n", 1)[1]


def test_a_plan_file_with_unlike_contributors_is_refused_with_the_field(lead) -> None:
    lead.update_goal("G-1", rollup="sum")
    before = snapshot_files(lead.path)
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan({"goals": [{"id": "G-2", "title": "ali: 300k", "parent": "G-1",
                                     "metric": "units", "unit": "$"}]})
    assert [p.path for p in error.value.problems] == ["goals[0].parent"]
    assert "G-1 rolls up revenue ($) but G-2 measures units ($)" in error.value.problems[0].message
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan({"goals": [{"id": "G-1", "title": "Team revenue 1.2M", "rollup": "median"}]})
    assert [p.path for p in error.value.problems] == ["goals[0].rollup"]
    assert snapshot_files(lead.path) == before


def test_a_past_cycles_rolled_up_actual_counts_the_check_ins_made_by_its_end(team) -> None:
    """Read after the plan moved on, a rolled-up goal's actual in the last cycle is its
    contributors' check-ins made by that cycle's last day, as a goal of its own is; a check-in
    made in the next cycle counted in the last one's review."""
    from datetime import date

    day = {"now": datetime(2026, 12, 20, 9, 0, tzinfo=timezone.utc)}
    board = Board(team, actor="dana", clock=lambda: day["now"])
    board.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    board.add_goal("Team revenue", owner="dana", baseline=0, target=1_000_000, rollup="sum", **REVENUE)
    board.add_goal("ali", owner="ali", parent="G-1", baseline=0, **REVENUE)
    board.add_goal("bea", owner="bea", parent="G-1", baseline=0, **REVENUE)
    board.checkin("G-2", 300_000)
    board.checkin("G-3", 200_000)
    day["now"] = datetime(2027, 1, 15, 9, 0, tzinfo=timezone.utc)  # the next cycle
    board.set_plan_info("Q1", "2027-01-01", "2027-03-31")
    board.checkin("G-2", 50_000)
    with board.reading_cycle(date(2026, 10, 1), date(2026, 12, 31)):
        result = next(r for r in board.goal_results() if r.goal == "G-1")
    assert result.actual == 500_000  # 300,000 + 200,000: ali's January check-in is the next cycle's
    assert next(r for r in board.goal_results() if r.goal == "G-1").actual == 250_000  # now: 50,000 + 200,000


def test_a_closed_contributor_counts_at_its_final_value_and_the_line_ends_there(lead) -> None:
    """ali's part closed at finance's 320k (checked in at 300k): the sum is 320k + 80k + 20k; the
    line still starts where the parts stood (50k + 80k + 20k), then ali's check-in, then the closing."""
    from sales.rollup import rollup_history

    lead.update_goal("G-1", rollup="sum")
    lead.checkin("G-2", 300_000, on="2026-11-10")
    lead.close_goal("G-2", outcome="achieved", value=320_000)
    assert lead.report("G-1").current.value == 420_000
    assert rollup_history("G-1", lead.goals(), lead.checkins()) == [150_000, 400_000, 420_000]
