"""The review numbers on the sample plan (imported as it is, so every date is the file's), the
gap-analysis answers, the end-of-cycle checklist, permissions and the plan-file round trip.
Expected numbers are worked out by hand from plans/sample-quarter.yaml."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

import pytest

from sales.errors import Invalid, NotFound, Refused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text

SAMPLE = files("plans").joinpath("sample-quarter.yaml").read_bytes()
NOW = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)


@pytest.fixture
def sample(tmp_path) -> Board:
    board = Board(tmp_path / "sample", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(SAMPLE).document)
    return board


def test_goal_results_on_the_sample_plan(sample) -> None:
    rows = {g.goal: g for g in sample.goal_results()}
    g1 = rows["G-1"]  # 1.2M + 15% = 1,380,000; latest check-in C-5 1,262,000
    assert (g1.target, g1.actual, g1.gap) == (1380000, 1262000, 118000)
    assert g1.attainment == pytest.approx(1262000 / 1380000 * 100)
    assert g1.source == "check-in C-5 (2026-11-13)"
    assert (rows["G-2"].actual, rows["G-2"].attainment, rows["G-2"].gap) == (34.5, 86.25, 5.5)
    assert (rows["G-3"].actual, rows["G-3"].attainment, rows["G-3"].gap) == (9, 36, 16)


def test_process_metrics_on_the_sample_plan(sample) -> None:
    p = sample.process_metrics()
    # won: Acme 30,000, Betasol 12,400, Polar Tech 22,000, Nordmill 31,000, Halden 40,000,
    # Lakeside 11,000, Kestrel 6,000; lost in the period: Corvid, Fjell Foods, Mosby Paper
    assert (p.won_value, p.won_deals, p.new_customers) == (152400, 7, 7)
    assert p.win_rate == 70.0
    assert p.activities == 0 and p.csat is None


def test_payouts_on_the_sample_plan(sample) -> None:
    pays = {s.rep: s for s in sample.payouts()}
    # ali: 42,400 of 60,000; 5% of 12,400 = 620; GTX Pro 2% of 12,400 = 248; two new logos 500;
    # Corvid (9,000) won and then lost in the cycle: not counted, nothing to claw back
    assert pays["ali"].total == 620 + 248 + 500
    assert not [x for x in pays["ali"].lines if x.kind == "clawback"]
    assert any(x.text.startswith("D-4 was won on ") for x in pays["ali"].lines)
    # bea: 53,000 of 50,000 = 106%: 5% of 25,000 + 8% of 3,000 + 2% of 22,000 + 1,000 + 500
    assert pays["bea"].total == 1250 + 240 + 440 + 1000 + 500
    assert pays["bea"].recognition == ["Rep of the quarter", "A place at the negotiation masterclass"]
    assert pays["chen"].total == 875 and pays["chen"].recognition == ["A place at the negotiation masterclass"]
    assert pays["dev"].total == 0 and pays["emma"].total == 0
    with pytest.raises(NotFound):
        sample.payouts("dana")


def test_forecast_on_the_sample_plan(tmp_path) -> None:
    board = Board(tmp_path / "fc", actor="dana", clock=lambda: datetime(2026, 12, 2, 9, tzinfo=timezone.utc))
    board.import_plan(parse_plan_text(SAMPLE).document)
    result = board.forecast()
    assert (result.start.isoformat(), result.end.isoformat()) == ("2026-10-01", "2026-12-31")
    ali = next(r for r in result.reps if r.rep == "ali")
    # won D-1 30,000 + D-2 12,400; open in the cycle: D-3 Negotiation 18,000 (commit), D-20
    # Proposal 5,500; D-14 (Lead, 12,000) closes in January
    assert (ali.quota, ali.won, ali.commit, ali.best_case, ali.later) == (60000, 42400, 18000, 23500, 12000)
    assert ali.weighted == 18000 * 0.75 + 5500 * 0.5 and ali.gap == 60000 - 42400 - 16250
    # if D-3 closes: 60,400 = 100.7%: 5% of 30,000 + 8% of 400 + GTX Pro 2% of 12,400 + the
    # quota club 1,000 + new logos 500 (Corvid, won and lost in the cycle, takes nothing back)
    assert ali.payout == 1368 and ali.payout_commit == 1500 + 32 + 248 + 1000 + 500
    # and D-20 too (GTX Pro, 5,500): 65,900 = 109.8%: 1,500 + 8% of 5,900 + 2% of 17,900 + 1,500
    assert ali.payout_best_case == 1500 + 472 + 358 + 1500
    assert [r.rep for r in result.reps] == ["ali", "bea", "chen", "dev", "emma"]  # every deal is a rep's
    rep_view = Board(tmp_path / "fc", actor="ali", clock=lambda: datetime(2026, 12, 2, 9, tzinfo=timezone.utc))
    assert rep_view.forecast("ali").reps[0].payout_commit == ali.payout_commit  # a rep reads it too
    with pytest.raises(NotFound):
        board.forecast("dana")
    with pytest.raises(Invalid):
        board.forecast(commit_pct=101)


def test_the_cycle_at_a_glance_on_the_sample_plan(tmp_path) -> None:
    import yaml

    board = Board(tmp_path / "cy", actor="dana", clock=lambda: datetime(2026, 12, 2, 9, tzinfo=timezone.utc))
    board.import_plan(parse_plan_text(SAMPLE).document)
    cycle = board.cycle()
    plan = yaml.safe_load(SAMPLE)
    assert (cycle.name, cycle.day) == ("North team, Q4 2026", (63, 92))
    statuses = [t["status"] for t in plan["tasks"]]
    assert cycle.plan.tasks == {s: statuses.count(s) for s in ("todo", "doing", "blocked", "done")}
    assert cycle.goals.goals == len(plan["goals"]) and cycle.goals.strategies == len(plan["strategies"])
    open_deals = [d for d in plan["deals"] if d["stage"] not in ("Won", "Lost")]
    assert cycle.track.open_deals == len(open_deals) == 10
    # the forecast's team row (tests above): best case 117,000 (D-20, slipped, counts), weighted 66,125
    assert (cycle.track.best_case, cycle.track.weighted, cycle.track.quota) == (117000, 66125, 255000)
    assert cycle.track.slipped == 1 and cycle.track.weekly == (0, 9)
    assert cycle.review.won == 152400 and cycle.review.payouts == 1368 + 3430 + 875 + 0 + 0
    assert cycle.diagnose.snapshot is None and cycle.diagnose.checklist[0] == 0


def test_leaderboard_on_the_sample_plan(sample) -> None:
    rows = sample.leaderboard()
    assert [(r.rank, r.rep) for r in rows] == [(1, "bea"), (2, "chen"), (3, "ali"), (4, "dev"), (5, "emma")]
    assert [round(r.attainment, 1) for r in rows] == [106.0, 88.9, 70.7, 22.0, 12.0]


def test_answers_are_kept_per_question_and_only_a_lead_writes_them(sample) -> None:
    questions = sample.review_questions()
    assert questions[3] == "Was the target too high?" and len(questions) == 5
    first = sample.answer_question(4, "No: the market grew 9%")
    again = sample.answer_question(4, "No: the market grew 9%; we lost Corvid on price")
    assert first.id == again.id == "R-1"
    assert [a.answer if a else None for _, a in sample.answers_by_question()][2:4] == [
        None, "No: the market grew 9%; we lost Corvid on price"]
    assert [r.action for r in sample.history(item="R-1")] == ["answer.edit", "answer.add"]
    with pytest.raises(NotFound):
        sample.answer_question(6, "x")
    rep = Board(sample.path, actor="ali")
    with pytest.raises(Refused):
        rep.answer_question(1, "x")
    with pytest.raises(Refused):
        rep.save_incentive_plan({"name": "Mine", "quota": 1})
    with pytest.raises(Refused):
        rep.tick_checklist(0, which="review")


def test_the_end_of_cycle_checklist_ticks_apart_from_the_diagnosis_one(sample) -> None:
    assert sample.tick_checklist(2, which="review") is True
    review = sample.checklist("review")
    assert review[2][0] == "For each gap, write down why it happened" and review[2][1].by == "dana"
    assert all(tick is None for _, tick in sample.checklist())  # the diagnosis checklist
    assert sample.history(limit=1)[0].action == "review.tick"


def test_an_incentive_plan_is_added_then_replaced_by_id(sample) -> None:
    made = sample.save_incentive_plan({"name": "Spiff", "quota": 10000, "tiers": [{"from_pct": 0, "rate": 3}]})
    assert made.id == "I-2"
    changed = sample.save_incentive_plan({"id": "I-2", "name": "Spiff", "quota": 20000,
                                          "tiers": [{"from_pct": 0, "rate": 3}]})
    assert changed.quota == 20000 and [p.id for p in sample.incentive_plans()] == ["I-1", "I-2"]
    from sales.errors import Invalid

    with pytest.raises(Invalid):
        sample.save_incentive_plan({"name": "Bad", "quotas": [{"rep": "nobody", "amount": 5}]})


def test_incentive_plans_and_answers_round_trip_through_plan_files(sample, tmp_path) -> None:
    sample.answer_question(1, "Mostly | but the bundle came late")
    exported = dump_plan(sample.export_plan())
    assert "\nincentives:\n- id: I-1\n" in exported and "\nreview_answers:\n- id: R-1\n" in exported
    other = Board(tmp_path / "other", actor="dana", clock=lambda: NOW)
    other.import_plan(parse_plan_text(exported.encode()).document)
    assert dump_plan(other.export_plan()) == exported
    assert other.incentive_plans() == sample.incentive_plans()
    assert other.review_answers()[0].answer == "Mostly | but the bundle came late"
    assert [s.total for s in other.payouts()] == [s.total for s in sample.payouts()]


def test_an_activity_goal_is_measured_by_the_activity_log(tmp_path) -> None:
    """A goal on activities, with no check-in, takes the calls, visits, meetings and emails
    logged in the cycle: three here (two by ali, one by bea), 3 of 40 = 7.5%."""
    board = Board(tmp_path / "act", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(SAMPLE).document)
    goal = board.add_goal("Forty customer calls and meetings", metric="activities", baseline=0, target=40,
                          direction="increase", deadline="2026-12-31", owner="dana")
    for who, kind in (("ali", "call"), ("ali", "visit"), ("bea", "meeting")):
        Board(tmp_path / "act", actor=who, clock=lambda: NOW).log_activity(kind, "talked", account="Acme")
    result = next(r for r in board.goal_results() if r.goal == goal.id)
    assert (result.actual, result.attainment) == (3, 7.5)
    assert result.source == "activities logged in the cycle (calls, visits, meetings, emails)"


def test_a_rep_who_left_keeps_a_forecast_row_and_the_teams_payout_counts_them(tmp_path) -> None:
    board = Board(tmp_path / "fl", actor="dana", clock=lambda: datetime(2026, 12, 2, 9, tzinfo=timezone.utc))
    board.import_plan(parse_plan_text(SAMPLE).document)
    before = board.forecast().team
    board.remove_member("ali", to="bea")  # ali's open deals go to bea; his wins (42,400, paid 1,368) stay his
    result = board.forecast()
    ali = next(r for r in result.reps if r.rep == "ali")
    assert (ali.left, ali.quota, ali.won, ali.payout, ali.best_case) == (True, 60000, 42400, 1368, 0)
    assert ali.gap is None and ali.coverage is None  # nothing left for him to close
    assert not any(r.left for r in result.reps if r.rep != "ali") and "" not in [r.rep for r in result.reps]
    team = result.team  # the same people's won value, quota and payouts as before he left
    assert (team.won, team.quota, team.payout) == (before.won, before.quota, before.payout)
    assert team.payout == sum(s.total for s in board.payouts())
    assert board.forecast("ali").reps[0].payout == 1368  # his own, by name
    assert board.forecast_trend(1)[-1].quota == before.quota
