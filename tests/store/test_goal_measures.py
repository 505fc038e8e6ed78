"""What the board measures of a goal nobody has checked in on (store/goal_measures.py), through
the store API: the Goals screen's value and the review's actual agree where a snapshot measures
the goal; the review's deal totals are the team's for the team's goal and a rep's own for the
part a rep owns; a scoped goal gets no deal total (deals carry no region). The figures are
worked out by hand in the comments."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from store.board import Board
from store.plan_yaml import parse_plan_text

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)

PLAN = """
plan:
  name: Measures
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ann, role: rep}
- {name: bo, role: rep}
goals:
- {id: G-1, title: Team revenue, owner: dana, metric: revenue, baseline: 10000, target: 40000,
   start: 2026-10-01, deadline: 2026-12-31}
- {id: G-2, title: ann's part, owner: ann, parent: G-1, metric: revenue, baseline: 4000, target: 20000}
- {id: G-3, title: bo's part, owner: bo, parent: G-1, metric: revenue, baseline: 6000, target: 20000}
- {id: G-4, title: West revenue, owner: dana, metric: revenue, scope: {region: West}, target: 9000}
deals:
- id: D-1
  title: Acme
  account: Acme
  owner: ann
  stage: Won
  value: 10000
  splits: [{rep: bo, share: 40}]
  history:
  - {stage: Lead, at: '2026-10-05T10:00:00+00:00'}
  - {stage: Won, at: '2026-11-10T10:00:00+00:00'}
- id: D-2
  title: Beta
  account: Beta
  owner: bo
  stage: Won
  value: 5000
  history:
  - {stage: Lead, at: '2026-10-06T10:00:00+00:00'}
  - {stage: Won, at: '2026-11-12T10:00:00+00:00'}
- id: D-3
  title: Old
  account: Old
  owner: ann
  stage: Won
  value: 7000
  history:
  - {stage: Lead, at: '2026-08-01T10:00:00+00:00'}
  - {stage: Won, at: '2026-09-20T10:00:00+00:00'}
"""


@pytest.fixture
def lead(tmp_path) -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(PLAN.encode()).document)
    return board


def _results(board: Board) -> dict[str, tuple[float | None, str]]:
    return {r.goal: (r.actual, str(r.source)) for r in board.goal_results()}


def test_the_review_measures_the_teams_goal_by_the_team_and_a_reps_part_by_the_rep(lead) -> None:
    results = _results(lead)
    # the team: D-1 10,000 + D-2 5,000 won in the cycle (D-3 was won in September, before it)
    assert results["G-1"] == (15_000, "deals won in the cycle (all scopes)")
    # ann: 60% of D-1; bo: 40% of D-1 and D-2 (not the team's 15,000 each, as before)
    assert results["G-2"] == (6_000, "ann's deals won in the cycle")
    assert results["G-3"] == (9_000, "bo's deals won in the cycle")
    # deals carry no region: the West goal has no deal total
    assert results["G-4"] == (None, "no data")


def test_the_goals_screen_does_not_read_the_cycles_totals_as_progress_from_a_baseline(lead) -> None:
    """15,000 won so far this quarter is not a quarter's revenue against a baseline of 10,000:
    with no check-in and no snapshot, the goal stands at its baseline on its screen."""
    report = lead.report("G-1")
    assert (report.pace.current, report.current.measured) == (10_000, "")
    assert lead.report("G-2").pace.current == 4_000


def test_a_check_in_comes_before_any_measure_on_both(lead) -> None:
    lead.checkin("G-2", 12_000)
    assert _results(lead)["G-2"][0] == 12_000
    assert lead.report("G-2").pace.current == 12_000


def test_a_snapshot_of_the_goals_own_time_is_its_value_on_both(lead, tmp_path) -> None:
    records = tmp_path / "west.csv"
    # October 2026 in the West: 31 orders of 250 = 7,750
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-10-{d:02d},West,250\n" for d in range(1, 32)))
    lead.run_diagnosis([records])
    assert _results(lead)["G-4"] == (7_750, "diagnosis X-1, 2026-10")
    report = lead.report("G-4")
    assert (report.pace.current, str(report.current.measured)) == (7_750, "diagnosis X-1, 2026-10")


def test_a_contributor_sharing_its_parents_scope_is_not_the_whole_snapshot(lead, tmp_path) -> None:
    """A team-wide snapshot is the team's value, not ann's part of it: added up over the
    contributors it would count the team twice."""
    records = tmp_path / "all.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"A{d},2026-10-{d:02d},West,100\n" for d in range(1, 32)))  # October: 3,100
    lead.run_diagnosis([records])
    assert lead.report("G-1").pace.current == 3_100  # the team's goal: the snapshot
    assert _results(lead)["G-1"] == (3_100, "diagnosis X-1, 2026-10")
    assert lead.report("G-2").current.measured == ""  # ann's part: her baseline still
    assert _results(lead)["G-2"] == (6_000, "ann's deals won in the cycle")
