"""`uplift goal show` says where a goal with no check-in stands and why: at a diagnosis of its
own months, as the review reads it (README "Goals, strategies and resources")."""

from __future__ import annotations

import json


def _west(tmp_path):
    records = tmp_path / "west.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-11-{d:02d},West,250\n" for d in range(1, 31)), encoding="utf-8")  # November: 7,500
    return records


def test_goal_show_names_the_snapshot_it_stands_at(run, tmp_path) -> None:
    run("goal", "add", "West revenue", "--metric", "revenue", "--region", "West", "--target", "9000",
        "--start", "2026-11-01", "--deadline", "2026-11-30")
    assert run("diagnose", _west(tmp_path))[0] == 0
    code, out, err = run("goal", "show", "G-1")
    assert (code, err) == (0, "")
    assert "now       7,500 (diagnosis X-1, 2026-11);" in out
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (7500, "diagnosis X-1, 2026-11")
    review = json.loads(run("review", "--json")[1])
    assert [(g["actual"], g["source"]) for g in review["goals"]] == [(7500, "diagnosis X-1, 2026-11")]


def test_goal_show_says_it_in_chinese(run, tmp_path, monkeypatch) -> None:
    run("goal", "add", "West revenue", "--metric", "revenue", "--region", "West", "--target", "9000",
        "--start", "2026-11-01", "--deadline", "2026-11-30")
    run("diagnose", _west(tmp_path))
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "7,500（诊断 X-1，2026-11）" in run("goal", "show", "G-1")[1]


def test_a_goal_with_nothing_to_measure_has_no_source(run) -> None:
    run("goal", "add", "Calls", "--metric", "calls", "--baseline", "10", "--target", "20")
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (10, None)


def _team_revenue_won(run, baseline: str) -> None:
    """A team's revenue goal for the whole cycle, no check-in, and 60,000 + 41,000 won in the cycle."""
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    run("goal", "add", "Team revenue", "--metric", "revenue", "--baseline", baseline, "--target", "100000",
        "--start", "2026-10-01", "--deadline", "2026-12-31")
    run("deal", "add", "Big", "--value", "60000", "--stage", "won")
    run("deal", "add", "Mid", "--value", "41000", "--stage", "won")


def test_a_goal_counting_up_from_nothing_stands_at_the_deals_won_everywhere(run) -> None:
    _team_revenue_won(run, "0")
    # 60,000 + 41,000 = 101,000 of 100,000 from 0: 101%, as the review says
    review = json.loads(run("review", "--json")[1])
    assert [(g["actual"], g["source"]) for g in review["goals"]] == [(101000, "deals won in the cycle (all scopes)")]
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (101000, "deals won in the cycle (all scopes)")
    assert "now       101,000 (deals won in the cycle (all scopes)); 101% of the way" in run("goal", "show", "G-1")[1]
    assert "101%" in run("goal", "list")[1]
    assert "G-1" not in run("alerts")[1]  # reached: not behind its pace


def test_a_goal_from_a_baseline_does_not_read_the_cycle_so_far(run) -> None:
    _team_revenue_won(run, "80000")
    # a quarter's revenue so far (101,000) is not where a goal from a whole quarter's 80,000 stands
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"]) == (80000, None)
    # and says so, where the review names the deals it read
    assert "now       80,000 (its baseline, no check-in yet); 0% of the way" in run("goal", "show", "G-1")[1]


def test_a_win_rate_goal_from_a_baseline_reads_the_cycles_deals_everywhere(run) -> None:
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", "60",
        "--start", "2026-10-01", "--deadline", "2026-12-31")
    run("deal", "add", "Won one", "--value", "1000", "--stage", "won")
    run("deal", "add", "Lost one", "--value", "1000", "--stage", "lost")
    # 1 won of 2 closed: 50%, halfway from 40% to 60%; a rate stands beside a baseline rate
    review = json.loads(run("review", "--json")[1])
    assert [(g["actual"], g["source"]) for g in review["goals"]] == [(50, "deals closed in the cycle (all scopes)")]
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["progress"]) == (50, 0.5)
    listed = run("goal", "list")[1]
    assert "deals closed in the cycle (all scopes)" in listed and " 50% " in listed
    # a rate given with no unit is in % (it is checked from 0 to 100)
    assert "now       50% (deals closed in the cycle (all scopes))" in run("goal", "show", "G-1")[1]


PART_OF_THE_CYCLE = """\
schema: 1
plan:
  name: Q4
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: October, stage: Won, value: 30000, history: [{stage: Won, at: '2026-10-20T10:00:00Z'}]}
- {id: D-2, title: December, stage: Won, value: 20000, history: [{stage: Won, at: '2026-12-08T10:00:00Z'}]}
goals:
- {id: G-1, title: December push, metric: revenue, baseline: 0, target: 50000, start: 2026-12-01, deadline: 2026-12-31}
"""


def test_a_goal_of_part_of_the_cycle_counts_the_deals_of_its_own_days(tmp_path, capsys, monkeypatch) -> None:
    from datetime import datetime, timezone

    from tests.cli.conftest import board_from_plan

    run = board_from_plan(tmp_path, capsys, monkeypatch, PART_OF_THE_CYCLE,
                          datetime(2026, 12, 10, 12, tzinfo=timezone.utc))
    # only December's 20,000 counts, not October's 30,000: 40% of 50,000 from nothing, on every
    # view as in the review
    source = "deals won 2026-12-01 to 2026-12-31 (all scopes)"
    review = json.loads(run("review", "--json")[1])
    assert [(g["actual"], g["source"]) for g in review["goals"]] == [(20000, source)]
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["current"], goal["measured"], goal["progress"]) == (20000, source, 0.4)


def test_goal_list_says_a_goal_from_a_baseline_stands_at_it(run) -> None:
    _team_revenue_won(run, "80000")
    # the review reads the 101,000 won against the target; the list says its 0% is the baseline's
    listed = run("goal", "list")[1]
    assert "SOURCE" in listed and "baseline" in listed


def test_goal_list_reads_its_smart_letters_under_the_table(run, monkeypatch) -> None:
    run("goal", "add", "Calls", "--metric", "calls", "--baseline", "10", "--target", "20")
    lines = run("goal", "list")[1].splitlines()
    assert lines[2] == ("SMART: S specific, M measurable, A achievable, R relevant, T time-bound; "
                        "· fails (`uplift goal show ID` says why)")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "SMART：S 具体、M 可衡量、A 可实现、R 相关、T 有时限" in run("goal", "list")[1]


def test_a_kpi_goal_names_its_metric_in_words_not_its_key(run, monkeypatch) -> None:
    run("goal", "add", "Win more", "--metric", "win_rate", "--baseline", "40", "--target", "60")
    shown = run("goal", "show", "G-1")[1]
    assert "  metric    win rate (%)\n" in shown and "M pass  win rate from 40% to 60%" in shown
    assert "win_rate" not in shown
    code, _, err = run("goal", "checkin", "G-1", "330")
    assert (code, err) == (2, "uplift: value: G-1 measures win rate, a rate from 0 to 100%: 330 is not one\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "  指标      赢单率（%）\n" in run("goal", "show", "G-1")[1]
