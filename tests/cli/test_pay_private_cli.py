"""Pay is private (README "Who may do what"): a rep reads their own payout statement and no one
else's, on every way out of the board (the statements, --json, --csv, the forecast's payout
columns, the cycle view, the activity log, a plan file); a lead reads every one; someone not on
the team, none. The leaderboard stays open to everyone."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.conftest import run_uplift

PLAN = """\
schema: 1
plan:
  name: Pay
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: Acme, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2026-11-02T10:00:00Z'}]}
- {id: D-2, title: Betasol, owner: bea, stage: Won, value: 20000, history: [{stage: Won, at: '2026-11-03T10:00:00Z'}]}
incentives:
- id: I-1
  name: Flat
  quotas: [{rep: ali, amount: 100000}, {rep: bea, amount: 100000}]
  tiers: [{from_pct: 0, rate: 10}]
"""
# by hand: ali 10% of 10,000 = 1,000.00; bea 10% of 20,000 = 2,000.00


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    plan = tmp_path / "pay.yaml"
    plan.write_text(PLAN)
    assert runner("plan", "import", str(plan))[0] == 0
    return runner


def test_a_rep_reads_only_their_own_statement(run) -> None:
    code, out, _ = run("payout", user="ali")
    assert code == 0 and "ali (I-1): 1,000.00" in out and "bea" not in out
    code, out, _ = run("payout", "--json", user="ali")
    assert [s["rep"] for s in json.loads(out)] == ["ali"]
    code, out, _ = run("payout", "--csv", user="ali")
    assert [row["rep"] for row in csv.DictReader(io.StringIO(out))] == ["ali"]
    code, out, err = run("payout", "--rep", "bea", user="ali")
    assert (code, out) == (1, "") and err.strip() == (
        "uplift: pay is private: a rep reads only their own payout statement; bea's is for bea and the leads")
    code, out, _ = run("payout", "--rep", "ali", user="ali")
    assert code == 0 and "1,000.00" in out


def test_a_lead_reads_every_statement_and_an_outsider_none(run) -> None:
    code, out, _ = run("payout")
    assert code == 0 and "ali (I-1): 1,000.00" in out and "bea (I-1): 2,000.00" in out
    code, out, err = run("payout", user="zed")
    assert (code, out) == (1, "") and "pay is private" in err and "zed is not a member" in err


def test_the_forecast_and_the_cycle_hide_the_others_pay(run) -> None:
    rows = {r["rep"]: r for r in json.loads(run("forecast", "--json", user="ali")[1])["reps"]}
    assert rows["ali"]["payout"] == 1000 and rows["bea"]["payout"] is None
    assert rows["bea"]["won"] == 20000  # (the pipeline is not pay: read as before)
    lead = {r["rep"]: r for r in json.loads(run("forecast", "--json")[1])["reps"]}
    assert lead["bea"]["payout"] == 2000
    said = run("forecast", user="ali")[1]
    assert "Pay is private: the payout columns show your own only" in said
    assert "Pay is private" not in run("forecast")[1]
    assert "your payout 1,000.00" in run("cycle", user="ali")[1]
    assert "payouts 3,000.00" in run("cycle")[1]
    # someone not on the team has no payout and reads no one's: not "your payout 0.00"
    outsider = run("cycle", user="zed")[1]
    assert "your payout" not in outsider and "payouts: pay is private" in outsider
    assert json.loads(run("cycle", "--json", user="zed")[1])["review"]["payouts"] is None
    board = run("leaderboard", user="ali")[1]
    assert "bea" in board and "ali" in board  # the leaderboard is the team's


def test_approvals_are_private_in_the_log_and_in_a_plan_file(run, tmp_path) -> None:
    assert run("payout", "approve")[0] == 0
    feed = run("log", user="ali")[1]
    assert "approved ali's payout statement" in feed and "bea's payout" not in feed
    assert "bea's payout" in run("log")[1]
    assert run("payout", "paid", "--ref", "PAY-1")[0] == 0  # (its record holds what it changed: no rep)
    paid = [line for line in run("log", user="ali")[1].splitlines() if "P-" in line]
    assert len(paid) == 2 and all("P-1" in line for line in paid), paid  # ali's approval and payment only
    out = tmp_path / "mine.yaml"
    assert run("plan", "export", "-o", str(out), user="ali")[0] == 0
    text = out.read_text()
    assert "rep: ali\n  plan: I-1" in text and "rep: bea\n  plan: I-1" not in text
    assert run("plan", "import", str(out), "--dry-run", user="ali")[0] == 0  # (nothing in it deletes bea's)


def test_someone_not_on_the_team_still_reads_the_review_and_the_cycle(run, tmp_path) -> None:
    assert run("cycle", user="zed")[0] == 0
    report = tmp_path / "review.md"
    assert run("review", "export", "-o", str(report), user="zed")[0] == 0
    assert "1,000.00" not in report.read_text() and "2,000.00" not in report.read_text()
