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


def test_a_goal_scoped_to_all_regions_is_the_teams(lead) -> None:
    """`region: all` is how SMART's S says "everything": the goal is the team's, so the review
    reads the team's deals won in the cycle, D-1 10,000 + D-2 5,000 (it said "no data")."""
    goal = lead.add_goal("All regions", owner="dana", metric="revenue", scope={"region": "all"},
                         baseline=10_000, target=40_000)
    assert _results(lead)[goal.id] == (15_000, "deals won in the cycle (all scopes)")


def test_a_reps_own_goal_is_measured_by_the_rep_and_a_leads_by_the_team(lead) -> None:
    """A goal of ann's own (no parent) is hers: 60% of D-1's 10,000 = 6,000, as her part of G-1
    is; it was measured by the team's 15,000. dana's is the team's; so are ann's activities:
    she logged 2 of the team's 3."""
    mine = lead.add_goal("ann sells 20k", owner="ann", metric="revenue", baseline=0, target=20_000)
    calls = lead.add_goal("ann's calls", owner="ann", metric="activities", baseline=0, target=40)
    team = lead.add_goal("Team calls", owner="dana", metric="activities", baseline=0, target=90)
    Board(lead.path, actor="ann", clock=lambda: NOW).log_activity("call", "first", account="Acme")
    Board(lead.path, actor="ann", clock=lambda: NOW).log_activity("visit", "second", account="Acme")
    Board(lead.path, actor="bo", clock=lambda: NOW).log_activity("call", "third", account="Acme")
    results = _results(lead)
    assert results[mine.id] == (6_000, "ann's deals won in the cycle")
    assert results[calls.id] == (2, "ann's activities logged in the cycle")
    assert results[team.id] == (3, "activities logged in the cycle (calls, visits, meetings, emails)")


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
    """G-4 is the quarter's (no dates of its own: the plan's October to December). One month
    of it is not where it stands; once the three are diagnosed, their sum is."""
    records = tmp_path / "west.csv"
    # October 2026 in the West: 31 orders of 250 = 7,750
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-10-{d:02d},West,250\n" for d in range(1, 32)))
    lead.run_diagnosis([records])
    assert _results(lead)["G-4"] == (None, "no data")
    assert lead.report("G-4").current.measured == ""
    # November 30 x 100 = 3,000 and December 31 x 10 = 310 more: 7,750 + 3,000 + 310 = 11,060
    with records.open("a") as out:
        out.write("".join(f"N{d},2026-11-{d:02d},West,100\n" for d in range(1, 31)))
        out.write("".join(f"D{d},2026-12-{d:02d},West,10\n" for d in range(1, 32)))
    lead.run_diagnosis([records])
    assert _results(lead)["G-4"] == (11_060, "diagnosis X-2, 2026-10 to 2026-12")
    report = lead.report("G-4")
    assert (report.pace.current, str(report.current.measured)) == (11_060, "diagnosis X-2, 2026-10 to 2026-12")


def test_a_months_goal_stands_at_its_month(lead, tmp_path) -> None:
    records = tmp_path / "west.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-10-{d:02d},West,250\n" for d in range(1, 32)))  # October: 7,750
    lead.update_goal("G-4", start="2026-10-01", deadline="2026-10-31")
    lead.run_diagnosis([records])
    assert _results(lead)["G-4"] == (7_750, "diagnosis X-1, 2026-10")
    assert lead.report("G-4").pace.current == 7_750


def test_a_goal_that_ended_stands_at_its_own_months_not_the_ones_after(lead, tmp_path) -> None:
    """G-4 ran October and November. Records diagnosed later hold December too: its value is
    October and November's, 7,750 + 3,000 = 10,750 (it took the newest two months, November and
    December: 3,310)."""
    records = tmp_path / "west.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-10-{d:02d},West,250\n" for d in range(1, 32)) + "".join(
        f"N{d},2026-11-{d:02d},West,100\n" for d in range(1, 31)) + "".join(
        f"D{d},2026-12-{d:02d},West,10\n" for d in range(1, 32)))
    lead.update_goal("G-4", start="2026-10-01", deadline="2026-11-30")
    lead.run_diagnosis([records])
    assert _results(lead)["G-4"] == (10_750, "diagnosis X-1, 2026-10 to 2026-11")
    assert lead.report("G-4").pace.current == 10_750


def test_a_quarters_baseline_adds_up_its_months_and_a_rate_takes_the_newest(lead, tmp_path) -> None:
    records = tmp_path / "past.csv"
    # July 10 x 100 = 1,000; August 20 x 100 = 2,000; September 30 x 100 = 3,000 (all in the West)
    records.write_text("order,date,region,amount,customer\n" + "".join(
        f"P{m}{d},2026-{m:02d}-{d:02d},West,100,C{d}\n" for m, days in ((7, 10), (8, 20), (9, 30))
        for d in range(1, days + 1)))
    lead.run_diagnosis([records])
    goal = lead.add_goal("West Q4", metric="revenue", scope={"region": "West"}, baseline="snapshot", target=8000,
                         start="2026-10-01", deadline="2026-12-31")
    assert (goal.baseline, goal.baseline_source) == (6_000, "snapshot X-1, 2026-07 to 2026-09")
    month = lead.add_goal("West October", metric="revenue", scope={"region": "West"}, baseline="snapshot",
                          target=3500, start="2026-10-01", deadline="2026-10-31")
    assert (month.baseline, month.baseline_source) == (3_000, "snapshot X-1, 2026-09")
    # customers do not add up (C1 bought in all three months): the newest month's 30
    customers = lead.add_goal("West buyers", metric="customers", scope={"region": "West"}, baseline="snapshot",
                              target=40, start="2026-10-01", deadline="2026-12-31")
    assert (customers.baseline, customers.baseline_source) == (30, "snapshot X-1, 2026-09")


def test_a_quarters_win_rate_and_average_order_are_the_quarters_not_its_last_months(lead, tmp_path) -> None:
    """A quarter's win rate from monthly snapshots was its last month's: a pipeline winning 80% in
    September but 60% over the quarter gave a baseline of 80%, and a goal "up to 70%" became a
    decrease. Its parts add up: the quarter's won over its won and lost."""
    records = tmp_path / "deals.csv"
    # West: July 9 won, 1 lost; August 1 won, 9 lost; September 8 won, 2 lost -> 18 of 30 = 60%
    # (September alone 80%). Each won deal is one order of 100, but September's are 400 each:
    # revenue 900 + 100 + 3,200 = 4,200 over 18 orders = 233.33 (September alone 400).
    rows = []
    for month, won, lost, value in ((7, 9, 1, 100), (8, 1, 9, 100), (9, 8, 2, 400)):
        rows += [f"W{month}-{n},2026-{month:02d}-{n + 1:02d},West,{value},won\n" for n in range(won)]
        rows += [f"L{month}-{n},2026-{month:02d}-{n + 11:02d},West,{value},lost\n" for n in range(lost)]
    records.write_text("order,date,region,amount,stage\n" + "".join(rows)
                       + "E9,2026-07-01,East,50,won\nE10,2026-09-30,East,50,won\n")
    lead.run_diagnosis([records])
    rate = lead.add_goal("West Q4 win rate", metric="win_rate", scope={"region": "West"}, baseline="snapshot",
                         target=70, start="2026-10-01", deadline="2026-12-31")
    assert (rate.baseline, rate.baseline_source, rate.direction) == (60, "snapshot X-1, 2026-07 to 2026-09", "increase")
    aov = lead.add_goal("West Q4 order size", metric="average_order_value", scope={"region": "West"},
                        baseline="snapshot", target=300, start="2026-10-01", deadline="2026-12-31")
    assert (round(aov.baseline, 2), aov.baseline_source) == (233.33, "snapshot X-1, 2026-07 to 2026-09")
    # a month's goal still takes its month
    month = lead.add_goal("West October win rate", metric="win_rate", scope={"region": "West"},
                          baseline="snapshot", target=90, start="2026-10-01", deadline="2026-10-31")
    assert (month.baseline, month.baseline_source) == (80, "snapshot X-1, 2026-09")


def test_a_rate_over_more_months_than_the_snapshots_hold_takes_the_newest(lead, tmp_path) -> None:
    """A win rate's quarter the snapshots do not cover whole is not refused, as revenue's is: the
    newest month's rate is a baseline, and its source says which month it is."""
    records = tmp_path / "september.csv"
    records.write_text("order,date,region,amount,stage\n" + "".join(
        f"S{d},2026-09-{d:02d},West,100,{'won' if d <= 15 else 'lost'}\n" for d in range(1, 31)))
    lead.run_diagnosis([records])
    goal = lead.add_goal("West Q4 win rate", metric="win_rate", scope={"region": "West"}, baseline="snapshot",
                         target=70, start="2026-10-01", deadline="2026-12-31")
    assert (goal.baseline, goal.baseline_source) == (50, "snapshot X-1, 2026-09")


def test_a_baseline_the_snapshots_cannot_add_up_to_is_refused_with_what_to_do(lead, tmp_path) -> None:
    from sales.errors import Invalid

    records = tmp_path / "past.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"P{d},2026-09-{d:02d},West,100\n" for d in range(1, 31)))  # September alone
    lead.run_diagnosis([records])
    with pytest.raises(Invalid) as refused:
        lead.add_goal("West Q4", metric="revenue", scope={"region": "West"}, baseline="snapshot", target=8000,
                      start="2026-10-01", deadline="2026-12-31")
    assert str(refused.value) == (
        "baseline: the goal's time spans 3 months but no diagnosis snapshot has 3 whole ones in a row of revenue "
        "(region West) to add up for a baseline; give the number, or diagnose records that cover them")
    assert [g.id for g in lead.goals()] == ["G-1", "G-2", "G-3", "G-4"]


def test_a_contributor_sharing_its_parents_scope_is_not_the_whole_snapshot(lead, tmp_path) -> None:
    """A team-wide snapshot is the team's value, not ann's part of it: added up over the
    contributors it would count the team twice."""
    records = tmp_path / "all.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"A{m}{d},2026-{m}-{d:02d},West,100\n" for m in (10, 11, 12) for d in range(1, 31)))  # 3 x 3,000
    lead.run_diagnosis([records])
    assert lead.report("G-1").pace.current == 9_000  # the team's goal (the quarter's): the snapshot
    assert _results(lead)["G-1"] == (9_000, "diagnosis X-1, 2026-10 to 2026-12")
    assert lead.report("G-2").current.measured == ""  # ann's part: her baseline still
    assert _results(lead)["G-2"] == (6_000, "ann's deals won in the cycle")


def test_a_baseline_of_snapshot_x_1_is_that_diagnosiss_not_the_newest(lead, tmp_path) -> None:
    """A goal made from last quarter's diagnosis (shown again on the screen) took its baseline
    from whichever diagnosis was newest: `snapshot X-1` names the one."""
    from sales.errors import Invalid

    for name, amount in (("a.csv", 100), ("b.csv", 500)):  # September, West: 30 orders of each
        (tmp_path / name).write_text("order,date,region,amount\n" + "".join(
            f"{name[0]}{d},2026-09-{d:02d},West,{amount}\n" for d in range(1, 31)))
        lead.run_diagnosis([tmp_path / name])
    named = lead.add_goal("West order size", metric="average_order_value", scope={"region": "West"},
                          baseline="snapshot X-1", start="2026-10-01", deadline="2026-10-31")
    assert (named.baseline, named.baseline_source) == (100, "snapshot X-1, 2026-09")
    newest = lead.add_goal("West order size too", metric="average_order_value", scope={"region": "West"},
                           baseline="snapshot", start="2026-10-01", deadline="2026-10-31")
    assert (newest.baseline, newest.baseline_source) == (500, "snapshot X-2, 2026-09")
    with pytest.raises(Invalid, match="no diagnosis X-9"):
        lead.add_goal("Nowhere", metric="revenue", baseline="snapshot X-9")


def test_closing_a_goal_with_no_check_in_keeps_what_the_review_read(lead) -> None:
    """The team's G-1 has no check-in: the review reads the 15,000 won in the cycle (D-1 10,000 +
    D-2 5,000). Closed without a value, it ends there, between its baseline 10,000 and its target
    40,000 (partly achieved), not at its baseline (which read 25% attained, and missed)."""
    assert _results(lead)["G-1"] == (15_000, "deals won in the cycle (all scopes)")
    closed = lead.close_goal("G-1")
    assert (closed.closed.value, closed.closed.outcome) == (15_000, "partly")
    assert _results(lead)["G-1"] == (15_000, "partly achieved (2026-12-02)")
