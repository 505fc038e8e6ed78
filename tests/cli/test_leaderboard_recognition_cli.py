"""Recognition on the leaderboard, as Lattice shows public praise: an incentive plan's award shows
beside the rep who earned it, to the whole team; one marked `private: true` only to that rep and
the leads (as their pay is), marked "(private)"; never to another rep, in the table or `--json`."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

PLAN = """\
schema: 1
plan:
  name: Awards
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
- {name: cy, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: One, owner: ali, stage: Won, value: 24000, history: [{stage: Won, at: '2026-11-03T10:00:00Z'}]}
- {id: D-2, title: Two, owner: bea, stage: Won, value: 15000, history: [{stage: Won, at: '2026-11-04T10:00:00Z'}]}
- {id: D-3, title: Three, owner: cy, stage: Won, value: 6000, history: [{stage: Won, at: '2026-11-05T10:00:00Z'}]}
incentives:
- id: I-1
  name: Flat
  quota: 30000
  tiers: [{from_pct: 0, rate: 5}]
  recognition:
  - {award: Rep of the quarter, measure: attainment}
  - {award: Masterclass place, measure: attainment, at_least: 50, private: true}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2026, 12, 10, 12, tzinfo=timezone.utc))


def _awards(run, user: str) -> dict[str, list[tuple[str, bool]]]:
    code, out, err = run("leaderboard", "--json", user=user)
    assert code == 0, err
    return {row["rep"]: [(a["award"], a["private"]) for a in row["recognition"]] for row in json.loads(out)}


def test_everyone_sees_public_awards_and_only_a_lead_and_the_rep_their_private_ones(run) -> None:
    # of a 30,000 quota: ali 24,000 = 80% (the leader: Rep of the quarter; over 50%: the masterclass),
    # bea 15,000 = 50% (exactly the threshold: the masterclass), cy 6,000 = 20% (nothing)
    assert _awards(run, "dana") == {"ali": [("Rep of the quarter", False), ("Masterclass place", True)],
                                    "bea": [("Masterclass place", True)], "cy": []}
    assert _awards(run, "ali") == {"ali": [("Rep of the quarter", False), ("Masterclass place", True)],
                                   "bea": [], "cy": []}
    assert _awards(run, "bea") == {"ali": [("Rep of the quarter", False)], "bea": [("Masterclass place", True)],
                                   "cy": []}
    assert _awards(run, "cy") == {"ali": [("Rep of the quarter", False)], "bea": [], "cy": []}


def test_the_table_has_a_recognition_column_with_private_ones_marked(run) -> None:
    code, out, err = run("leaderboard", user="cy")
    assert code == 0, err
    assert out.splitlines() == [
        "RANK  REP  ATTAINMENT  WON VALUE  ACTIVITIES  RECOGNITION",
        "1     ali         80%     24,000           0  Rep of the quarter",
        "2     bea         50%     15,000           0",
        "3     cy          20%      6,000           0",
    ]
    out = run("leaderboard", user="bea")[1]
    assert "Masterclass place (private)" in out.splitlines()[2] and out.count("Masterclass") == 1
    assert run("leaderboard", user="dana")[1].count("Masterclass place (private)") == 2


def test_a_board_without_awards_keeps_its_table(run, tmp_path) -> None:
    plan = tmp_path / "plain.yaml"
    plan.write_text("incentives:\n- {id: I-1, name: Flat, quota: 30000, tiers: [{from_pct: 0, rate: 5}]}\n")
    assert run("incentive", "set", str(plan))[0] == 0
    out = run("leaderboard")[1]
    assert out.splitlines()[0] == "RANK  REP  ATTAINMENT  WON VALUE  ACTIVITIES"
    assert all(row["recognition"] == [] for row in json.loads(run("leaderboard", "--json")[1]))


def test_the_reps_statement_still_lists_every_award_of_theirs(run) -> None:
    out = run("payout", "--mine", user="bea")[1]
    assert "recognition: Masterclass place" in out


def _report_leaderboard(run, tmp_path, user: str) -> list[str]:
    """The leaderboard section of `uplift review export` as `user` writes it."""
    report = tmp_path / f"review-{user}.md"
    code, _out, err = run("review", "export", "-o", str(report), user=user)
    assert code == 0, err
    lines = report.read_text().splitlines()
    start = lines.index("## Leaderboard") + 2
    return lines[start:lines.index("", start)]


def test_the_review_report_has_the_recognition_column_read_as_its_writer_may(run, tmp_path) -> None:
    # written by a rep (cy): the public award only, as `uplift leaderboard` shows cy
    assert _report_leaderboard(run, tmp_path, "cy") == [
        "| Rank | Rep | Attainment | Won value | Activities | Recognition |",
        "|---:|---|---:|---:|---:|---|",
        "| 1 | ali | 80% | 24,000 | 0 | Rep of the quarter |",
        "| 2 | bea | 50% | 15,000 | 0 | – |",
        "| 3 | cy | 20% | 6,000 | 0 | – |",
    ]
    # bea's own private award, not ali's
    assert _report_leaderboard(run, tmp_path, "bea")[2:4] == [
        "| 1 | ali | 80% | 24,000 | 0 | Rep of the quarter |",
        "| 2 | bea | 50% | 15,000 | 0 | Masterclass place (private) |",
    ]
    # a lead reads every award, the private ones marked
    assert _report_leaderboard(run, tmp_path, "dana")[2:4] == [
        "| 1 | ali | 80% | 24,000 | 0 | Rep of the quarter, Masterclass place (private) |",
        "| 2 | bea | 50% | 15,000 | 0 | Masterclass place (private) |",
    ]


def test_a_report_without_awards_keeps_its_leaderboard_table(run, tmp_path) -> None:
    plan = tmp_path / "plain.yaml"
    plan.write_text("incentives:\n- {id: I-1, name: Flat, quota: 30000, tiers: [{from_pct: 0, rate: 5}]}\n")
    assert run("incentive", "set", str(plan))[0] == 0
    assert _report_leaderboard(run, tmp_path, "dana")[:2] == [
        "| Rank | Rep | Attainment | Won value | Activities |", "|---:|---|---:|---:|---:|"]
