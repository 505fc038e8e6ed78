"""`uplift forecast` edge cases a lead meets: a plan's quota of 0 (no target).

The team board: dana leads, ali and bea are reps. Plan "Flat": 10% of everything won, bea's own
quota 8,000 and `quota: 0` for everyone else (ali). ali won D-1 5,000 (with no quota no tier applies: it pays 0.00); bea has D-2
open in Negotiation (75%), 4,000, closing in the cycle."""

from __future__ import annotations

import json

import pytest

from store.board import Board


@pytest.fixture
def flat(team, run):
    lead = Board(team, actor="dana")
    lead.save_incentive_plan({"name": "Flat", "quota": 0, "quotas": [{"rep": "bea", "amount": 8000}],
                              "tiers": [{"from_pct": 0, "rate": 10}]})
    lead.add_deal("Acme", owner="ali", value=5000, stage="Won")
    lead.add_deal("Beta", owner="bea", value=4000, stage="Negotiation", close=lead.clock().date())
    return run


def test_a_quota_of_0_sets_no_target_no_gap_no_coverage_and_says_so(flat, monkeypatch) -> None:
    code, out, err = flat("forecast")
    assert (code, err) == (0, "")
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:5]}
    # REP QUOTA WON COMMIT BEST WEIGHTED FORECAST TO-GO COVERAGE ...
    assert rows["ali"][1:9] == ["0", "5,000", "0", "0", "0", "5,000", "–", "–"]  # not "met" against nothing
    assert rows["bea"][1:9] == ["8,000", "0", "4,000", "4,000", "3,000", "3,000", "5,000", "0.5×"]
    assert rows["team"][1:9] == ["8,000", "5,000", "4,000", "4,000", "3,000", "8,000", "met", "1.3×"]
    assert "A quota of 0 sets no target, so no to go or coverage: ali" in out
    assert "inf" not in out
    data = json.loads(flat("forecast", "--json")[1])
    assert [(r["rep"], r["quota"], r["gap"], r["coverage"]) for r in data["reps"]] == [
        ("ali", 0, None, None), ("bea", 8000, 5000, 0.5)]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "配额为 0 即未设目标，因此没有尚差和覆盖率：ali" in flat("forecast")[1]


def test_a_reps_day_with_a_quota_of_0_says_what_is_won_and_what_it_pays(flat, monkeypatch) -> None:
    """`uplift today` for ali (quota 0): no target to measure against, but the won value, the
    forecast and the payout (0.00: no tier applies without a quota) are still where ali stands;
    the line was left out."""
    code, out, err = flat("today", user="ali")
    assert (code, err) == (0, "")
    assert "Won 5,000 · forecast 5,000 (no quota set) · payout 0.00" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "已赢单 5,000 · 预测 5,000（未设配额）" in flat("today", user="ali")[1]
