"""Split credit through the store API: payouts, the leaderboard, review results and the forecast
count each rep's share; team figures count each deal once; only a lead splits; plan files carry
splits and check them. The expected numbers are worked out by hand in the comments."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import yaml

from sales.errors import Invalid, Refused
from sales.plan_check import PlanInvalid, PlanRefused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)

PLAN = """
plan:
  name: Splits
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ann, role: rep}
- {name: bo, role: rep}
- {name: cy, role: rep}
incentives:
- id: I-1
  name: Flat ten
  quota: 20000
  tiers:
  - {from_pct: 0, rate: 10}
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
  title: Gamma
  account: Gamma
  owner: ann
  stage: Negotiation
  value: 20000
  close: 2026-12-20
  splits: [{rep: bo, share: 25}, {rep: cy, share: 25}]
  history:
  - {stage: Negotiation, at: '2026-11-01T10:00:00+00:00'}
- id: D-4
  title: Delta
  account: Delta
  owner: dana
  stage: Proposal
  value: 8000
  close: 2026-12-15
  splits: [{rep: ann, share: 50}]
  history:
  - {stage: Proposal, at: '2026-11-02T10:00:00+00:00'}
"""


def make(tmp_path, actor: str = "dana") -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(PLAN.encode()).document)
    return board if actor == "dana" else Board(tmp_path / "b", actor=actor, clock=lambda: NOW)


def test_each_rep_is_credited_with_their_share_and_the_team_with_the_whole(tmp_path) -> None:
    board = make(tmp_path)
    won = {r.rep: r.won_value for r in board.rep_results()}
    assert won == {"ann": 6000, "bo": 4000 + 5000, "cy": 0}  # D-1: ann 60%, bo 40%
    pays = {s.rep: s for s in board.payouts()}
    assert (pays["ann"].total, pays["bo"].total, pays["cy"].total) == (600, 900, 0)  # 10% of each
    assert "won 4,000 on D-1 Acme, a 40% split of 10,000" in [line.text for line in pays["bo"].lines]
    assert [(r.rep, r.won_value) for r in board.leaderboard()] == [("bo", 9000), ("ann", 6000), ("cy", 0)]
    team = board.process_metrics()
    assert (team.won_value, team.won_deals) == (15000, 2)  # each deal once, whole
    # a share brings value, not a deal or a customer: those are the owner's (no new-logo bonus
    # for a 40% split of Acme; bo won Beta himself)
    counts = {r.rep: (r.won_deals, r.new_customers, r.win_rate) for r in board.rep_results()}
    assert counts == {"ann": (1, 1, 100.0), "bo": (1, 1, 100.0), "cy": (0, 0, None)}


def test_the_forecast_counts_shares_per_rep_and_each_deal_once_for_the_team(tmp_path) -> None:
    result = make(tmp_path).forecast()
    rows = {r.rep: r for r in result.reps}
    # D-3 Negotiation (75%, commit) 20,000: ann 50%, bo 25%, cy 25%; D-4 Proposal (50%) 8,000:
    # ann 50%, the lead's half in the others' row
    assert (rows["ann"].commit, rows["ann"].best_case) == (10000, 10000 + 4000)
    assert rows["ann"].weighted == pytest.approx(10000 * 0.75 + 4000 * 0.5)
    assert (rows["bo"].won, rows["bo"].best_case, rows["bo"].weighted) == (9000, 5000, 3750)
    assert (rows["cy"].best_case, rows["cy"].counted) == (5000, 1)
    assert (rows[""].best_case, rows[""].weighted) == (4000, 2000)
    team = result.team
    assert (team.won, team.best_case, team.counted) == (15000, 28000, 2)
    assert team.weighted == pytest.approx(20000 * 0.75 + 8000 * 0.5)
    assert sum(m.value for m in result.months) == 28000
    mine = make(tmp_path / "x").forecast("cy")
    assert (mine.team.best_case, [m.value for m in mine.months if m.value]) == (5000, [5000])
    # if D-3 closes, bo has 9,000 + 5,000 = 14,000 won: 10% = 1,400
    assert rows["bo"].payout_commit == 1400


def test_only_a_lead_splits_credit_and_split_reps_are_members(tmp_path) -> None:
    board = make(tmp_path)
    ann = make(tmp_path / "r", actor="ann")
    with pytest.raises(Refused, match="only a lead may split a deal's credit"):
        ann.update_deal("D-3", splits=[])
    with pytest.raises(Refused):
        ann.add_deal("Mine", splits=[{"rep": "bo", "share": 10}])
    assert ann.update_deal("D-3", next_step="call legal").splits == make(tmp_path / "q").deal("D-3").splits
    with pytest.raises(Invalid, match="'zed' is not a member"):
        board.update_deal("D-3", splits=[{"rep": "zed", "share": 10}])
    with pytest.raises(Invalid, match="ann has a 10% split of the deal and cannot also own it"):
        board.update_deal("D-3", splits=[{"rep": "ann", "share": 10}])
    with pytest.raises(Invalid, match="110%"):
        board.update_deal("D-3", splits=[{"rep": "bo", "share": 60}, {"rep": "cy", "share": 50}])
    with pytest.raises(Invalid, match="bo has a 40% split of the deal and cannot also own it"):
        board.update_deal("D-1", owner="bo")  # bo has a split of it: not also its owner
    changed = board.update_deal("D-1", splits=[{"rep": "bo", "share": 50}, {"rep": "cy", "share": 50}])
    assert {r.rep: r.won_value for r in board.rep_results()} == {"ann": 0, "bo": 10000, "cy": 5000}
    assert [s.rep for s in changed.splits] == ["bo", "cy"]
    board.undo()
    assert board.deal("D-1").splits[0].share == 40


def test_plan_files_carry_splits_and_check_them(tmp_path) -> None:
    board = make(tmp_path)
    text = dump_plan(board.export_plan())
    again = Board(tmp_path / "again", actor="dana", clock=lambda: NOW)
    again.import_plan(parse_plan_text(text.encode()).document)
    assert again.deal("D-3").splits == board.deal("D-3").splits
    document = yaml.safe_load(PLAN)
    document["deals"][0]["splits"] = [{"rep": "zed", "share": 10}]
    with pytest.raises(PlanInvalid) as raised:
        Board(tmp_path / "bad", actor="dana", clock=lambda: NOW).import_plan(document)
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("deals[0].splits[0].rep", "'zed' is not a member (members: ann, bo, cy, dana)")]
    document["deals"][0]["splits"] = [{"rep": "dana", "share": 10}]  # the lead: nobody's quota
    with pytest.raises(PlanInvalid) as raised:
        Board(tmp_path / "bad1", actor="dana", clock=lambda: NOW).import_plan(document)
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("deals[0].splits[0].rep", "dana is a lead: a deal's credit is split among reps")]
    document["deals"][0]["splits"] = [{"rep": "bo", "share": 0}]
    with pytest.raises(PlanInvalid) as raised:
        Board(tmp_path / "bad2", actor="dana", clock=lambda: NOW).import_plan(document)
    assert raised.value.problems[0].path.startswith("deals[0]")
    rep_file = yaml.safe_load(text)
    rep_file["deals"][0]["splits"] = []
    with pytest.raises(PlanRefused) as refused:
        make(tmp_path / "r", actor="bo").import_plan(rep_file)
    assert any(p.path == "deals[0].splits" for p in refused.value.problems)


def test_a_member_who_left_stays_on_what_they_were_on(tmp_path) -> None:
    """cy leaves: the deal cy shares can still be edited, and the board's own plan file imports
    back onto it unchanged; what a change brings in must still be a member."""
    board = make(tmp_path)
    board.add_task("Follow up with Gamma", owner="cy", status="done")  # (open work would be handed over)
    board.remove_member("cy")
    assert board.update_deal("D-3", next_step="send the contract").splits[1].rep == "cy"
    assert board.update_task("T-1", title="Follow up with Gamma's CFO").owner == "cy"
    summary = board.import_plan(parse_plan_text(dump_plan(board.export_plan()).encode()).document)
    assert summary.changed == [] and summary.created == []
    with pytest.raises(Invalid, match="'cy' is not a member"):
        board.update_deal("D-1", splits=[{"rep": "cy", "share": 10}])
    with pytest.raises(Invalid, match="'cy' is not a member"):
        board.add_task("New work", owner="cy")


def test_on_a_board_without_members_whoever_shares_a_deal_is_a_rep(tmp_path) -> None:
    board = Board(tmp_path / "solo", actor="me", clock=lambda: NOW)
    board.add_deal("Acme", owner="ann", value=1000, stage="Won", splits=[{"rep": "zoe", "share": 25}])
    assert {r.rep: r.won_value for r in board.rep_results()} == {"ann": 750, "zoe": 250}
    assert {r.rep: r.won for r in board.forecast().reps} == {"ann": 750, "zoe": 250}
