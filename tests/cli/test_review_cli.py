"""`uplift review`, `review export`, `payout`, `leaderboard` and `incentive` on the sample plan."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now

ROOT = Path(__file__).resolve().parents[2]
#: A day in the sample's cycle (2026-10-01 to 2026-12-31): these tests read it while it runs.
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TODAY = NOW.date()


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    board = tmp_path / "board"
    fix_now(monkeypatch, NOW)

    runner = run_uplift(board, capsys, monkeypatch)
    code, _, _ = runner("plan", "new", "--from", "sample-quarter")
    assert code == 0
    return runner


def test_the_markdown_report_in_chinese(run, monkeypatch) -> None:
    """A lead working in Chinese sends a report in Chinese: headings, table headers, findings,
    payout lines, sign-offs, the questions and the checklist; user text and numbers as typed."""
    assert run("review", "answer", "1", "Mostly | yes")[0] == 0
    assert run("deal", "move", "D-15", "lost", "--reason", "price")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, text, err = run("review", "export")
    assert code == 0, err
    assert text.startswith("# 复盘：North team, Q4 2026\n\n周期：2026-10-01 至 2026-12-31\n\n"
                           f"dana 撰写于 {TODAY.isoformat()}。\n\n## 目标：目标值与实际\n")
    assert "| 目标 | 指标 | 基线 | 目标值 | 实际 | 达成率 | 差距 | 来源 |" in text
    assert "| 31% | 40% | 34.5% | 86.3% | 5.5 个百分点 |" in text
    assert "| 指标 | 本周期 |\n|---|---:|\n| 赢单金额 | 152,400 |\n| 赢单数 | 7 |\n| 新客户数 | 7 |" in text
    assert "| 客户满意度 | 未记录 |" in text
    assert "- G-1 未达目标值，差 $118,000（达成 91.4%）。" in text
    assert "## 输单原因\n\n| 理由 | 商机数 | 输单金额 | 占比 |" in text
    assert "输在阶段（输单前所在阶段）：" in text and "赢单后 1" in text  # D-4, lost after it was won
    assert "1. **策略是否正确？**\n   Mostly \\| yes\n" in text
    assert "2. **执行是否到位（活动量、跟进、技能）？**\n   _未回答。_" in text
    assert "### bea：3,430.00\n\n- 赢单 22,000：D-5 Polar Tech onboarding bundle（GTX Pro）\n" in text
    assert "- **尚未批准**" in text
    assert "- 奖金“Quota club”：达成率 106% ≥ 100% = 1,000.00\n" in text
    assert "## 周期末复盘清单\n\n- [ ] 把每个目标的目标值与实际值并排列出" in text
    assert not any(word in text for word in ("Review:", "Period:", "not approved", "Not answered", "after won"))


def test_payout_prints_each_line_of_the_derivation(run) -> None:
    code, out, _ = run("payout", "--rep", "bea")
    assert code == 0
    assert out.splitlines()[0] == "bea (I-1): 3,430.00"
    assert "  tier 50–100%: 5% of 25,000 = 1,250.00" in out.splitlines()
    assert "  accelerator above 100%: 8% of 3,000 = 240.00" in out.splitlines()
    assert "  recognition: Rep of the quarter" in out.splitlines()
    code, out, _ = run("payout", "--json")
    statements = json.loads(out)
    # ali: 620 + 248 + 500; D-4, won and lost in the cycle, is not counted and not clawed back
    assert {s["rep"]: s["total"] for s in statements} == {"ali": 1368, "bea": 3430, "chen": 875, "dev": 0, "emma": 0}
    code, _, err = run("payout", "--rep", "zed")
    assert code == 1 and "--rep zed: not a member of this board and owns no deal" in err
    code, _, err = run("payout", "--rep", "dana")
    assert code == 1 and "not a rep" in err


def test_review_and_leaderboard(run) -> None:
    code, out, _ = run("review")
    assert code == 0
    # the process metrics' values right-aligned under their header, as a spreadsheet's figures
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("PROCESS METRIC"))
    win_rate = next(line for line in lines if line.startswith("win rate "))
    assert win_rate.split() == ["win", "rate", "70%"] and len(win_rate) == len(header)
    # each goal from its baseline (where the diagnosis left it) to its target, and where it is
    assert out.splitlines()[2].split()[:6] == ["GOAL", "BASELINE", "TARGET", "ACTUAL", "ATTAINED", "GAP"]
    assert "G-1    $1,200,000    $1,380,000   $1,262,000     91.4%      $118,000" in out
    assert "G-2           31%           40%        34.5%     86.3%       5.5 pts" in out
    code, out, _ = run("review", "--json")
    data = json.loads(out)
    assert data["process"]["won_value"] == 152400 and data["goals"][2]["gap"] == 16
    code, out, _ = run("leaderboard", "--json")
    assert [r["rep"] for r in json.loads(out)] == ["bea", "chen", "ali", "dev", "emma"]


def test_an_answer_cleared_reads_as_not_answered(run) -> None:
    """An empty answer (the app's box emptied, or `review answer 2 ""`) printed a blank line."""
    assert run("review", "answer", "2", "Follow-ups were slow")[0] == 0
    assert "2. Was the execution good enough (activities, follow-up, skills)?\n   Follow-ups were slow\n" in run("review")[1]
    assert run("review", "answer", "2", "")[0] == 0
    assert ("2. Was the execution good enough (activities, follow-up, skills)?\n"
            "   (not answered: uplift review answer 2 TEXT)\n") in run("review")[1]


def test_answers_ticks_and_incentive_plans_are_a_leads(run, tmp_path) -> None:
    assert run("review", "answer", "1", "x", user="ali")[0] == 1
    assert run("review", "tick", "1", user="ali")[0] == 1
    plan = tmp_path / "spiff.yaml"
    plan.write_text("name: Spiff\nquota: 10000\ntiers:\n- {from_pct: 0, rate: 3}\n")
    assert run("incentive", "set", str(plan), user="ali")[0] == 1
    code, out, _ = run("incentive", "set", str(plan))
    assert code == 0 and out.strip() == "I-2"
    code, out, _ = run("incentive", "list")
    assert "I-2" in out and "Spiff" in out
    plan.write_text("name: Bad\ntiers:\n- {from_pct: 0, rate: 300}\n")
    code, _, err = run("incentive", "set", str(plan))
    assert code == 2 and "rate" in err and "spiff.yaml" in err
    # what `incentive show` prints, `incentive set` takes back
    shown = tmp_path / "i1.yaml"
    shown.write_text(run("incentive", "show", "I-1")[1])
    code, out, _ = run("incentive", "set", str(shown))
    assert (code, out.strip()) == (0, "I-1")
    # a file that is no plan at all is named as every other plan-file problem: FILE:LINE: path: what
    plan.write_text("just some words\n")
    code, out, err = run("incentive", "set", str(plan))
    assert (code, out) == (2, "") and err.startswith(f"uplift: {plan}:1: file: expected an incentive plan")


def test_the_markdown_report(run, tmp_path) -> None:
    assert run("review", "answer", "1", "# Mostly | but \x1b[31mthe bundle came *late*")[0] == 0
    assert run("review", "answer", "4", "- no")[0] == 0
    assert run("review", "tick", "1")[0] == 0
    target = tmp_path / "review.md"
    code, out, _ = run("review", "export", "-o", str(target))
    assert code == 0 and out.strip() == f"wrote {target}"
    text = target.read_text()
    assert text.startswith("# Review: North team, Q4 2026\n\nPeriod: 2026-10-01 to 2026-12-31\n")
    assert f"\n\nWritten on {TODAY.isoformat()} by dana.\n\n## Goals: target and actual\n" in text
    # each goal against the diagnosis it started from (its baseline and where that came from);
    # a metric in words; a gap in percent in points (34.5% against 40% is 5.5 points short)
    assert ("| G-1 Grow quarterly revenue from $1.20M to $1.38M (+15%) | revenue | $1,200,000 (diagnosis 2026-Q3) "
            "| $1,380,000 | $1,262,000 | 91.4% | $118,000 | check-in C-5 (2026-11-13) |") in text
    assert ("| G-2 Raise win rate on qualified deals from 31% to 40% | win rate | 31% | 40% | 34.5% | 86.3% "
            "| 5.5 pts |") in text
    assert "| G-3 Win 25 new mid-market customers | new customers | 0 customers | 25 customers | 9 customers | 36% |" in text
    assert "| Won value | 152,400 |\n| Deals won | 7 |\n| New customers | 7 |" in text
    assert "| Customer satisfaction | not recorded |" in text
    assert "- G-1 missed its target by $118,000 (91.4% attained)." in text
    # user text is literal: the pipe, the heading mark, the emphasis and the list dash escaped,
    # the escape sequence gone
    assert "1. **Was the strategy right?**\n   \\# Mostly \\| but \\[31mthe bundle came \\*late\\*\n" in text
    assert "4. **Was the target too high?**\n   \\- no\n" in text
    assert "\x1b" not in text
    assert "- recognition: A place at the negotiation masterclass\n- **not approved yet**\n\n### dev" in text
    assert run("payout", "approve", "--rep", "chen")[0] == 0
    run("review", "export", "-o", str(target))
    assert "- recognition: A place at the negotiation masterclass\n- approved by dana on " in target.read_text()
    assert "2. **Was the execution good enough (activities, follow-up, skills)?**\n   _Not answered._" in text
    assert "| 1 | bea | 106% | 53,000 | 0 |" in text
    assert "### bea: 3,430.00\n\n- won 22,000 on D-5 Polar Tech onboarding bundle (GTX Pro)\n" in text
    assert re.search(r"\n- D-4 was won on 2026-\d\d-\d\d and lost on 2026-\d\d-\d\d, in the cycle: not counted, nothing "
                     r"to claw back\n", text)
    assert "- recognition: Rep of the quarter, A place at the negotiation masterclass\n" in text
    assert "- [x] Put target and actual side by side for every goal\n- [ ] Review the process" in text


def test_forecast_per_rep_and_for_the_team(run) -> None:
    code, out, _ = run("forecast", "--json")
    assert code == 0
    data = json.loads(out)
    rows = {r["rep"]: r for r in data["reps"]}
    assert list(rows) == ["ali", "bea", "chen", "dev", "emma"]
    assert (rows["ali"]["quota"], rows["ali"]["won"]) == (60000, 42400)
    assert data["team"]["quota"] == 60000 + 50000 + 45000 + 50000 + 50000
    assert data["team"]["won"] == 152400 and data["commit_pct"] == 75
    code, out, _ = run("forecast")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("Forecast for the cycle")
    assert lines[1].split()[:4] == ["REP", "QUOTA", "WON", "COMMIT"]
    assert [line.split()[0] for line in lines[2:8]] == ["ali", "bea", "chen", "dev", "emma", "team"]
    assert lines[3].split()[7] == "met"  # bea has won more than her quota already
    code, out, _ = run("forecast", "--mine", user="bea")
    assert code == 0 and out.splitlines()[1] == "bea" and "team" not in out  # (one rep: a card)
    # the open deals closing after the cycle are named, with their value: D-14 12,000, D-15,
    # D-9 and D-19 (plans/sample-quarter.yaml)
    assert "Closing after the cycle (not counted): D-14, D-15, D-9, D-19, worth 53,000 in all" in run("forecast")[1]
    for number in range(15):
        run("deal", "add", f"undated {number}", "--owner", "ali")
    undated = next(line for line in run("forecast")[1].splitlines() if line.startswith("No close date"))
    assert undated.endswith("D-32 … and 3 more")  # D-21 to D-35: twelve named


def test_forecast_history_by_week(run) -> None:
    # the sample came in with the plan just now: as each week began, the board had no deal yet
    code, out, _ = run("forecast", "--weeks", "2")
    lines = out.splitlines()
    start = lines.index("The forecast as each week began:")
    assert code == 0 and lines[start + 1].split() == ["AS", "OF", "WON", "COMMIT", "BEST", "CASE", "WEIGHTED",
                                                      "FORECAST", "OF", "QUOTA"]
    assert [line.split()[1:3] for line in lines[start + 2:start + 4]] == [["0", "0"], ["0", "0"]]
    assert lines[start + 4].split()[:2] == ["now", "152,400"] and len(lines) == start + 6
    assert lines[start + 5] == ("The board had no deal before this week: "
                                "a board knows its deals from the day they reached it.")
    code, out, _ = run("forecast", "--weeks", "1", "--json")
    trend = json.loads(out)["trend"]
    assert [p["won"] for p in trend] == [0, 152400] and trend[1]["quota"] == 255000
    assert [p["deals"] for p in trend] == [0, 20]
    assert "trend" not in json.loads(run("forecast", "--json")[1])
    for weeks in ("53", "-1"):  # (0, the default, is none: it said "1 to 52" and took 0)
        assert run("forecast", "--weeks", weeks) == (
            2, "", f"uplift: weeks: a history of 0 (none) to 52 weeks, not {weeks}\n")


def test_forecast_refuses_what_it_cannot_answer(run) -> None:
    code, _, err = run("forecast", "--rep", "zed")
    assert code == 1 and "--rep zed: not a member of this board and owns no deal" in err
    code, _, err = run("forecast", "--rep", "dana")
    assert code == 1 and "not a rep" in err
    code, _, err = run("forecast", "--commit", "150")
    assert code == 2 and "0 to 100" in err
    code, _, err = run("forecast", "--mine", "--rep", "ali")
    assert code == 2 and "not both" in err


def test_the_cycle_at_a_glance(run) -> None:
    code, out, _ = run("cycle")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("North team, Q4 2026 · ")
    assert [line for line in lines if line and not line.startswith(" ")][1:] == [
        "1 Diagnose", "2 Goals & strategy", "3 Plan & resources", "4 Track", "5 Review & reward"]
    assert "  won 152,400 · payouts 5,673.00" in lines
    # the sample came in this week: its 10 open deals are new, and the open pipeline grew by their
    # value, summed from the file here; its 7 won and 3 lost closed in October and November (their
    # history says so), not this week, so the week neither made nor closed them
    sample = yaml.safe_load((ROOT / "plans" / "sample-quarter.yaml").read_text())
    open_value = sum(d["value"] for d in sample["deals"] if d["stage"] not in ("Won", "Lost"))
    assert f"  this week: 10 new, 0 won, 0 lost · the open pipeline +{open_value:,.0f}" in lines
    assert "  win rate 70% (7 of 10 closed) · lost most to price (47.6% of the value lost)" in lines
    # the best case and weighted value are the forecast's: of the open deals closing in the cycle,
    # and the line says how many of the open deals those are
    end = sample["plan"]["period"]["end"]
    chance = {s["name"]: s["probability"] for s in sample["stages"]}
    counted = [d for d in sample["deals"] if d["stage"] not in ("Won", "Lost") and d["close"] <= end]
    best = sum(d["value"] for d in counted)
    weighted = sum(d["value"] * chance[d["stage"]] / 100 for d in counted)
    deals_line = next(line for line in lines if "open deals" in line)
    assert deals_line.startswith(f"  10 open deals, {len(counted)} in the forecast: best case {best:,.0f}, "
                                 f"weighted {weighted:,.0f} · "), deals_line
    code, out, _ = run("cycle", "--json", user="ali")  # a rep reads it too
    data = json.loads(out)
    assert code == 0 and data["review"]["won"] == 152400 and data["track"]["open_deals"] == 10
    assert data["track"]["counted"] == len(counted)


def test_payout_approval(run) -> None:
    code, out, _ = run("payout", "--rep", "chen")
    assert out.splitlines()[-1] == "  not approved yet (a lead: uplift payout approve)"
    code, _, err = run("payout", "approve", user="chen")
    assert code == 1 and "only a lead" in err
    code, out, err = run("payout", "approve", "--rep", "chen", "--note", "December payroll")
    assert code == 0 and out.splitlines() == ["P-1 chen: 875.00"]
    # the sample's cycle ends 2026-12-31: approving before then is said
    assert "note: the cycle runs to 2026-12-31: these statements are approved as they stand today" in err
    code, out, _ = run("payout", "--rep", "chen")
    assert out.splitlines()[-1].startswith("  approved by dana on ")
    assert out.splitlines()[-1].endswith("(P-1): 875.00; not paid yet")
    code, out, _ = run("payout", "approve", "--rep", "chen")
    assert code == 0 and out.startswith("Nothing to approve")
    code, out, _ = run("log", "--limit", "1")
    assert "approved chen's payout statement P-1: 875.00" in out
    code, out, _ = run("payout", "--rep", "chen", "--json")
    assert json.loads(out)[0]["approval"]["id"] == "P-1"


def test_payroll_csv_one_row_per_rep_with_its_sign_off(run) -> None:
    import csv
    import io

    def rows() -> dict[str, dict[str, str]]:
        code, out, _ = run("payout", "--csv")
        assert code == 0
        return {row["rep"]: row for row in csv.DictReader(io.StringIO(out))}

    bea = rows()["bea"]  # the sample's numbers: quota 50,000, won 53,000 (106%), 3,430 in all
    assert (bea["plan"], bea["quota"], bea["won_value"], bea["attainment_pct"], bea["total"]) == (
        "I-1", "50000", "53000", "106", "3430")
    assert (bea["approval"], bea["approved_total"], bea["changed_since_approval"]) == ("", "", "")
    assert (bea["cycle_start"], bea["cycle_end"]) == ("2026-10-01", "2026-12-31")
    run("payout", "approve", "--rep", "chen")
    chen = rows()["chen"]
    assert (chen["approval"], chen["approved_by"], chen["approved_total"], chen["changed_since_approval"]) == (
        "P-1", "dana", "875", "no")
    run("deal", "move", "D-8", "Lost", "--reason", "cancelled")  # chen's 40,000 deal: clawed back
    chen = rows()["chen"]
    assert chen["changed_since_approval"] == "yes" and chen["approved_total"] == "875" and chen["total"] != "875"
    assert chen["paid_so_far"] == "" and chen["to_pay"] != ""
    code, out, _ = run("payout", "paid", "--rep", "chen", "--ref", "=DEC-01")
    assert code == 0 and out == "P-1 chen: 875.00 paid (=DEC-01)\n"
    chen = rows()["chen"]
    assert (chen["paid_so_far"], chen["to_pay"], chen["paid_ref"]) == ("875", "0", "'=DEC-01") and chen["paid_at"]
    assert "; paid on " in run("payout", "--rep", "chen")[1]
    code, _, err = run("payout", "paid")  # nothing waits for payment: refused, as a script should read it
    assert code == 1 and "nothing to mark paid" in err
    assert run("payout", "paid", user="chen")[0] == 1
    code, _, err = run("payout", "--csv", "--json")
    assert code == 2 and "not allowed with" in err


def test_the_samples_aligned_goals(run) -> None:
    # G-3 (bea's 25 new mid-market customers) contributes to G-1; its actual is 9 of 25 (36%, worked
    # out in tests/store/test_review.py)
    code, out, _ = run("goal", "show", "G-1")
    assert code == 0 and "  contributing\n    G-3  bea  9 customers  at 36%  Win 25 new mid-market customers" in out
    assert "  for       G-1 (it contributes to that goal)" in run("goal", "show", "G-3")[1]


def test_a_leads_day_says_which_payouts_wait(run) -> None:
    # the sample's five reps are all on I-1, none approved yet: three statements to approve (ali
    # 1,368.00, bea 3,430.00, chen 875.00); dev's and emma's are 0.00, nothing to approve
    line = "Payouts: {0} to approve, {1} approved and not paid yet (`uplift payout`)"
    assert "Payouts: 3 to approve (`uplift payout`)\n" in run("today")[1]  # (no "0 approved and not paid yet")
    run("payout", "approve", "--rep", "chen")
    assert line.format(2, 1) in run("today")[1]
    run("payout", "paid")
    assert "Payouts: 2 to approve (`uplift payout`)\n" in run("today")[1]
    assert "Payouts:" not in run("today", user="ali")[1]  # a rep's day: their own quota instead
    code, out, _ = run("today", "--json")
    assert json.loads(out)["payouts"] == [2, 0]
    # approving approves what My day asked for: ali's and bea's, not dev's and emma's 0.00 (said)
    code, out, err = run("payout", "approve")
    assert (code, out) == (0, "P-2 ali: 1,368.00\nP-3 bea: 3,430.00\n"), err
    assert "dev: nothing in the statement (every amount 0.00), not approved\n" in err
    assert "emma: nothing in the statement (every amount 0.00), not approved\n" in err
    assert "Payouts: 2 approved and not paid yet (`uplift payout`)\n" in run("today")[1]
    assert run("payout", "--rep", "dev")[1].splitlines()[-1] == "  nothing to approve: every amount 0.00"
    assert json.loads(run("today", "--json")[1])["payouts"] == [0, 2]
    # asked again: done (exit 0), and asked for dev's alone: nothing there to approve (exit 1)
    code, out, _ = run("payout", "approve")
    assert (code, out) == (0, "Nothing to approve: every statement with anything in it says what its approval says.\n")
    code, out, err = run("payout", "approve", "--rep", "dev")
    assert (code, out) == (1, "")
    assert "nothing to approve: dev's statement has nothing in it (every amount 0.00)" in err


def test_a_rep_reading_a_leads_day_is_told_nothing_of_the_payouts_waiting(run) -> None:
    """Pay is private: ali's `today --for dana` said "Payouts: 1 to approve", counted from the one
    statement ali may read, under dana's name (dana has three)."""
    code, out, _ = run("today", "--for", "dana", user="ali")
    assert code == 0 and out.startswith("dana's day") and "Payouts:" not in out
    code, out, _ = run("today", "--for", "dana", "--json", user="ali")
    assert (json.loads(out)["payouts"], json.loads(out)["past_payouts"]) == ([0, 0], [])
    assert "Payouts: 3 to approve" in run("today", "--for", "dana")[1]  # (dana's own reading: two are 0.00)


def test_an_invisible_character_does_not_make_a_new_customer(run) -> None:
    """A rep who writes an account the board has won as "Acme" plus a zero-width space (or a bidi
    mark) gets the same account, not a new customer: it looked the same to the lead reviewing the
    payout and counted towards a new-logo bonus."""
    new_customers = json.loads(run("review", "--json")[1])["process"]["new_customers"]  # Acme among them
    assert run("deal", "edit", "D-20", "--account", "Acme\u200b", user="ali")[0] == 0
    assert run("deal", "edit", "D-14", "--account", "\u200eBetasol\u2060", user="ali")[0] == 0
    for deal in ("D-20", "D-14"):
        assert run("deal", "move", deal, "Won", user="ali")[0] == 0
    deals = {d["id"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert (deals["D-20"]["account"], deals["D-14"]["account"]) == ("Acme", "Betasol")
    assert json.loads(run("review", "--json")[1])["process"]["new_customers"] == new_customers


def test_one_customer_however_its_name_is_spaced_or_cased_is_one_new_customer(run) -> None:
    """`Nova  Corp` and `nova corp` are one account everywhere (sales.text.account_key): won twice
    in the cycle, it is one new customer in the review, not two towards a new-logo bonus."""
    new_customers = json.loads(run("review", "--json")[1])["process"]["new_customers"]
    assert run("deal", "edit", "D-20", "--account", "Nova  Corp", user="ali")[0] == 0
    assert run("deal", "edit", "D-14", "--account", "nova corp", user="ali")[0] == 0
    for deal in ("D-20", "D-14"):
        assert run("deal", "move", deal, "Won", user="ali")[0] == 0
    deals = {d["id"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert (deals["D-20"]["account"], deals["D-14"]["account"]) == ("Nova  Corp", "nova corp")  # kept as typed
    assert json.loads(run("review", "--json")[1])["process"]["new_customers"] == new_customers + 1


def test_an_answer_taken_back_to_nothing_is_not_counted_as_answered(run) -> None:
    """An empty answer (the screen's way to clear one, and `review answer N ""`) reads as none
    everywhere: the review says "not answered", so the cycle at a glance does not count it."""
    assert run("review", "answer", "1", "Mostly: the mid-market part worked")[0] == 0
    assert run("review", "answer", "2", "Too few calls")[0] == 0
    assert run("review", "answer", "2", "")[0] == 0
    code, out, _ = run("cycle", "--json")
    assert code == 0 and json.loads(out)["review"]["answered"] == [1, 5]


def test_a_leaderboard_with_no_reps_says_how_to_add_one(tmp_path, capsys, monkeypatch) -> None:
    """It printed its header and nothing under it; payout says there are no reps."""
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert run("member", "add", "dana", "--role", "lead")[0] == 0
    assert run("leaderboard") == (0, "No reps on this board yet: add one with "
                                     "`uplift member add NAME --role rep`.\n", "")
    assert run("leaderboard", "--json") == (0, "[]\n", "")


def test_payouts_with_no_reps_say_how_to_add_one(tmp_path, capsys, monkeypatch) -> None:
    """It said "No reps on this board." and left a newcomer to guess what fills it."""
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert run("member", "add", "dana", "--role", "lead")[0] == 0
    assert run("payout") == (0, "No reps on this board yet: add one with "
                                "`uplift member add NAME --role rep`.\n", "")
    assert run("payout", "--json") == (0, "[]\n", "")


def test_an_answer_and_a_note_may_come_unquoted_as_a_comment_may(run) -> None:
    """`review answer 3 The market shrank` stopped on "unrecognized arguments: market shrank"
    under the top-level usage; `task comment` and `coach` take their words unquoted."""
    assert run("review", "answer", "3", "The", "market", "shrank", "5%")[0] == 0
    assert json.loads(run("review", "--json")[1])["answers"][2]["answer"] == "The market shrank 5%"
    code, out, _ = run("note", "add", "Reps", "lose", "deals", "on", "price", "--tag", "pain_point")
    assert (code, out) == (0, "N-1\n")
    notes = json.loads(run("note", "list", "--json")[1])
    assert [(n["text"], n["tags"]) for n in notes] == [("Reps lose deals on price", ["pain_point"])]


def test_the_cycle_at_a_glance_says_when_it_ended_and_what_next(run, monkeypatch) -> None:
    """Past its last day the heading says how long ago it ended (no day of the cycle to say),
    and the review phase says how to start the next; before its first day, when it starts."""
    today = TODAY
    start, end = today - timedelta(days=40), today - timedelta(days=3)
    assert run("plan", "info", "--start", start.isoformat(), "--end", end.isoformat())[0] == 0
    code, out, _ = run("cycle")
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"North team, Q4 2026 · {start} to {end} · ended 3 days ago"
    nudge = ("  the cycle is over: review it, then start the next with `uplift plan info --name N --start D --end D` "
             "and carry its goals on (`uplift goal carry ID --target N`)")
    assert lines[-1] == nudge
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = run("cycle")[1].splitlines()
    assert lines[0] == f"North team, Q4 2026 · {start} 至 {end} · 已于 3 天前结束"
    assert lines[-1] == ("  本周期已结束：先复盘，再用 `uplift plan info --name N --start D --end D` 开始下一个周期，"
                         "并把目标延续下去（`uplift goal carry ID --target N`）")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    start, end = today + timedelta(days=1), today + timedelta(days=90)
    assert run("plan", "info", "--start", start.isoformat(), "--end", end.isoformat())[0] == 0
    lines = run("cycle")[1].splitlines()
    assert lines[0] == f"North team, Q4 2026 · {start} to {end} · starts in 1 day" and nudge not in lines
    assert run("plan", "info", "--start", "none", "--end", "none")[0] == 0
    assert run("cycle")[1].splitlines()[0] == \
        "North team, Q4 2026 · no cycle dates yet: `uplift plan info --start D --end D`"


def test_an_approval_is_said_at_the_readers_time(run) -> None:
    """Once members have time zones, a statement's approval time is on the reader's clock, as
    the log's: chen (UTC+14) reads dana's (UTC-12) approval 26 hours later than she made it."""
    from zoneinfo import ZoneInfo

    assert run("member", "zone", "dana", "Etc/GMT+12")[0] == 0
    assert run("member", "zone", "chen", "Etc/GMT-14")[0] == 0
    assert run("payout", "approve", "--rep", "chen")[0] == 0
    at = datetime.fromisoformat(json.loads(run("payout", "--rep", "chen", "--json")[1])[0]["approval"]["at"])
    for who, zone in (("chen", "Etc/GMT-14"), ("dana", "Etc/GMT+12")):
        seen = at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
        last = run("payout", "--rep", "chen", user=who)[1].splitlines()[-1]
        assert last.startswith(f"  approved by dana on {seen} (P-1)"), who
