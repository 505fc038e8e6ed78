"""A payout hold (a dispute): a lead holds one rep's statement for the cycle with why; a held
statement is not approved, marked paid or exported for payroll until a lead releases it; the rep
reads the hold and its reason on their statement; the activity log records hold and release."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

PLAN = """\
schema: 1
plan:
  name: Hold
  period: {start: 2027-04-01, end: 2027-06-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-7, title: Split, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
- {id: D-8, title: Bea's, owner: bea, stage: Won, value: 10000, history: [{stage: Won, at: '2027-04-16T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def test_a_held_statement_is_not_approved_paid_or_exported_until_released(run) -> None:
    assert run("payout", "hold", "ali", "Disputed split on D-7", user="dana") == (
        0, "W-1 ali: on hold for 2027-04-01 to 2027-06-30: Disputed split on D-7\n", "")
    # the rep reads it on their statement, first (ali: 5% of 20,000 = 1,000.00)
    lines = run("payout", "--mine", user="ali")[1].splitlines()
    assert lines[:2] == ["ali (I-1): 1,000.00", "  ON HOLD (W-1) since 2027-04-20 by dana: Disputed split on D-7; "
                                                "not approved or paid until a lead releases it"]
    (ali,) = json.loads(run("payout", "--mine", "--json", user="ali")[1])
    assert (ali["hold"]["id"], ali["hold"]["reason"], ali["hold"]["by"]) == ("W-1", "Disputed split on D-7", "dana")
    # approving everyone approves bea (5% of 10,000 = 500.00) and says why ali is left
    code, out, err = run("payout", "approve", user="dana")
    assert (code, out) == (0, "P-1 bea: 500.00\n")
    assert err.startswith("ali: on hold (W-1: Disputed split on D-7), not approved until a lead releases it\n")
    # approving ali by name is refused, naming the hold and how to release it
    code, out, err = run("payout", "approve", "--rep", "ali", user="dana")
    assert (code, out) == (1, "")
    assert "ali's payout statement for 2027-04-01 to 2027-06-30 is on hold (W-1: Disputed split on D-7)" in err
    assert "uplift payout hold ali --release" in err
    # payroll's export leaves ali out, and says so
    code, out, err = run("payout", "--csv", user="dana")
    rows = out.lstrip("\ufeff").splitlines()
    assert len(rows) == 2 and rows[1].startswith("bea,")
    assert err == "ali: on hold (W-1: Disputed split on D-7), left out of the payroll export\n"
    # released: approved and exported as any
    assert run("payout", "hold", "ali", "--release", user="dana")[1] == (
        "W-1 ali: hold released; the statement may be approved and paid\n")
    assert run("payout", "approve", "--rep", "ali", user="dana")[1] == "P-2 ali: 1,000.00\n"
    assert "ON HOLD" not in run("payout", "--mine", user="ali")[1]
    assert len(run("payout", "--csv", user="dana")[1].splitlines()) == 3
    log = run("log", user="dana")[1]
    assert "held ali's payout statement for 2027-04-01 to 2027-06-30 (W-1): Disputed split on D-7" in log
    assert "released payout hold W-1" in log


def test_an_approved_statement_put_on_hold_is_not_marked_paid(run) -> None:
    run("payout", "approve", user="dana")
    run("payout", "hold", "ali", "Disputed split on D-7", user="dana")
    code, out, err = run("payout", "paid", user="dana")
    assert (code, out, err) == (0, "P-2 bea: 500.00 paid\n",  # (ali left unpaid, and said)
                                "ali: on hold (W-1: Disputed split on D-7), not marked paid until a lead releases it\n")
    code, _out, err = run("payout", "paid", "--rep", "ali", user="dana")
    assert code == 1 and "is on hold (W-1: Disputed split on D-7); it is not marked paid" in err


def test_only_a_lead_holds_and_bad_input_is_said(run) -> None:
    code, out, err = run("payout", "hold", "ali", "mine", user="ali")
    assert (code, out) == (1, "") and "only a lead may hold payout statements (you are a rep)" in err
    run("payout", "hold", "ali", "Disputed", user="dana")
    code, _out, err = run("payout", "hold", "ali", "--release", user="bea")
    assert code == 1 and "only a lead may release held payout statements (you are a rep)" in err
    code, _out, err = run("payout", "hold", "bea", user="dana")  # no reason
    assert code == 2 and 'a hold needs its reason: uplift payout hold bea "Disputed split on D-7"' in err
    code, _out, err = run("payout", "hold", "ali", "why", "--release", user="dana")
    assert code == 2 and "not both" in err
    code, _out, err = run("payout", "hold", "bea", "--release", user="dana")  # not on hold
    assert code == 1 and "nothing to release: bea's payout statement for 2027-04-01 to 2027-06-30 is not on hold" \
        in err
    code, _out, err = run("payout", "hold", "zed", "why", user="dana")
    assert code == 1 and "zed" in err
    # held again for the same reason: a repeat, done; for another, the reason changes
    assert run("payout", "hold", "ali", "Disputed", user="dana")[1] == (
        "ali's statement is on hold already (W-1): Disputed\n")
    assert run("payout", "hold", "ali", "Split", "of", "D-7", user="dana")[1] == (
        "W-1 ali: on hold for 2027-04-01 to 2027-06-30: Split of D-7\n")


def test_said_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    run("payout", "hold", "ali", "D-7 分成有争议", user="dana")
    lines = run("payout", "--mine", user="ali")[1].splitlines()
    assert lines[1] == "  已暂扣（W-1），dana 于 2027-04-20 暂扣：D-7 分成有争议；主管解除前不予批准或发放"


def test_the_review_report_says_the_hold(run) -> None:
    run("payout", "hold", "ali", "Disputed split on D-7", user="dana")
    report = run("review", "export", user="dana")[1]
    assert "- **on hold (W-1) since 2027-04-20 by dana**: Disputed split on D-7" in report


def test_a_leads_day_does_not_count_a_held_statement_as_waiting(run) -> None:
    run("payout", "hold", "ali", "Disputed split on D-7", user="dana")
    today = run("today", user="dana")[1]
    assert "Payouts: 1 to approve" in today  # bea's; ali's is held


def test_a_leads_day_reminds_them_of_what_they_hold_without_asking_to_approve_it(run) -> None:
    run("payout", "hold", "ali", "Disputed split on D-7", user="dana")
    today = run("today", user="dana")[1]
    assert ("Held: ali's statement for 2027-04-01 to 2027-06-30: Disputed split on D-7 "
            "(`uplift payout hold ali --release` releases it)") in today
    assert "approve" not in next(line for line in today.splitlines() if line.startswith("Held:"))
    assert json.loads(run("today", "--json", user="dana")[1])["held_payouts"] == [
        ["ali", "2027-04-01", "2027-06-30", "Disputed split on D-7"]]
    # released: no longer said; and a rep's day never says another's hold
    assert "Held:" not in run("today", user="ali")[1]
    run("payout", "hold", "ali", "--release", user="dana")
    assert "Held:" not in run("today", user="dana")[1]


def test_a_hold_without_its_rep_asks_for_the_rep_alone(run) -> None:
    """argparse listed REASON as required too (a `*` positional without a default), though a hold's
    reason is asked for only once the rep is given, and --release takes none."""
    code, out, err = run("payout", "hold", user="dana")
    assert (code, out) == (2, "") and "required: REP\n" in err and "REASON" not in err.splitlines()[-1]


def test_a_held_statement_says_once_that_it_is_not_approved(run) -> None:
    """The hold's line says it is not approved, and why; the statement's last line said it again."""
    assert run("payout", "hold", "ali", "Disputed split on D-7", user="dana")[0] == 0
    code, out, _err = run("payout", "--rep", "ali", user="dana")
    assert code == 0 and "ON HOLD (W-1)" in out and "not approved yet" not in out
