"""`uplift deal paid` and statements under `release: paid` (commission released as customers pay),
from the command line. Expected figures worked out by hand in the comments."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.conftest import run_uplift

PLAN = """\
name: Pay on collection
quota: 100000
tiers:
- {from_pct: 0, to_pct: 50, rate: 0}
- {from_pct: 50, to_pct: 100, rate: 5}
- {from_pct: 100, rate: 8}
release: paid
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    """dana leads, ali is a rep; ali's D-1 (60,000) is won, D-2 (10,000) is open; the plan:
    quota 100,000, tiers 0-50% at 0%, 50-100% at 5%, 100%+ at 8%, released as customers pay."""
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert runner("member", "add", "dana", "--role", "lead")[0] == 0
    assert runner("member", "add", "ali", "--role", "rep")[0] == 0
    assert runner("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won")[1].strip() == "D-1"
    assert runner("deal", "add", "Betasol", "--owner", "ali", "--value", "10000")[1].strip() == "D-2"
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    assert runner("incentive", "set", str(plan))[0] == 0
    return runner


def test_payments_add_up_and_show_on_the_deal(run) -> None:
    code, out, _ = run("deal", "paid", "D-1", "12000", "--on", "2026-12-01", "--note", "INV-88")
    assert (code, out) == (0, "D-1: paid 12,000.00 of 60,000.00 (20%)\n")
    code, out, _ = run("deal", "paid", "D-1", "6k", "--on", "2026-11-15")
    assert (code, out) == (0, "D-1: paid 18,000.00 of 60,000.00 (30%)\n")
    code, out, _ = run("deal", "show", "D-1")
    assert "  paid      18,000.00 of 60,000.00 (30%)" in out.splitlines()
    assert "    2026-12-01       12,000.00  INV-88" in out.splitlines()
    assert "    2026-11-15        6,000.00" in out.splitlines()
    data = json.loads(run("deal", "show", "D-1", "--json")[1])
    assert data["paid"] == 18000
    assert data["deal"]["payments"] == [{"amount": 12000, "on": "2026-12-01", "note": "INV-88"},
                                        {"amount": 6000, "on": "2026-11-15"}]
    code, out, _ = run("log", "--limit", "1")
    assert "recorded a payment of 6,000 on D-1 (2026-11-15)" in out


def test_the_statement_says_earned_payable_and_held(run) -> None:
    run("deal", "paid", "D-1", "30000", "--on", "2026-12-01")
    code, out, _ = run("payout", "--rep", "ali")
    lines = out.splitlines()
    # 60,000 won of 100,000: 60% (won value, not what was paid); 5% of the 10,000 above 50% = 500
    # earned; the customer paid 30,000 of 60,000 (50%), so 250 is payable and 250 held
    assert lines[0] == "ali (I-1): 250.00"
    assert "  won value 60,000 of quota 100,000 = attainment 60%" in lines
    assert "  tier 50–100%: 5% of 10,000 = 500.00" in lines
    assert ("  D-1: commission 500.00 earned; customer paid 30,000 of 60,000 (50%): 250.00 payable, "
            "250.00 held until paid") in lines
    assert "  released as customers pay: earned 500.00; payable 250.00; held 250.00 until customers pay" in lines
    assert "  total payable now = 250.00" in lines
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (ali["release"], ali["earned"], ali["total"], ali["held"]) == ("paid", 500, 250, 250)
    assert ali["deals"] == [{"deal": "D-1", "value": 60000, "paid": 30000, "paid_pct": 50, "earned": 500,
                             "payable": 250, "held": 250, "due": 0, "due_on": None}]
    row = next(csv.DictReader(io.StringIO(run("payout", "--csv")[1])))
    assert (row["rep"], row["total"], row["release"], row["earned"], row["held"]) == \
        ("ali", "250", "paid", "500", "250")
    report = run("review", "export")[1]
    assert "### ali: 250.00" in report and "held 250.00 until customers pay" in report


def test_an_approved_statement_shows_a_later_payment_as_changed(run) -> None:
    run("deal", "paid", "D-1", "30000", "--on", "2026-12-01")
    code, out, _ = run("payout", "approve")
    assert (code, out.splitlines()[0]) == (0, "P-1 ali: 250.00")
    run("deal", "paid", "D-1", "12000", "--on", "2026-11-20")
    # 42,000 of 60,000 paid (70%): 350 of the 500 payable, 100 more than approved
    code, out, _ = run("payout", "--rep", "ali")
    assert "CHANGED since: 350.00 now (+100.00)" in out
    assert run("payout", "paid", "--ref", "DEC")[0] == 0  # payroll paid the 250 approved
    run("payout", "approve")
    code, out, _ = run("payout", "--rep", "ali")
    assert "250.00 paid before; 100.00 to pay" in out


def test_paying_a_statement_approved_again_says_the_difference_payroll_pays(run) -> None:
    """It said "P-2 ali: 350.00 paid", as if payroll paid 350 again: 250 had been paid before."""
    run("deal", "paid", "D-1", "30000", "--on", "2026-12-01")
    run("payout", "approve")
    assert run("payout", "paid", "--ref", "DEC")[:2] == (0, "P-1 ali: 250.00 paid (DEC)\n")
    run("deal", "paid", "D-1", "12000", "--on", "2026-11-20")
    run("payout", "approve")
    assert run("payout", "paid", "--ref", "JAN")[:2] == (
        0, "P-2 ali: 350.00 paid (JAN); 250.00 of it paid before, so 100.00 now\n")


def test_what_is_refused_and_what_is_bad_input(run) -> None:
    code, _, err = run("deal", "paid", "D-1", "100", user="ali")  # ali owns D-1: still a lead's call
    assert code == 1 and "only a lead may record what customers have paid" in err
    code, _, err = run("deal", "paid", "D-2", "100")
    assert code == 1 and "D-2 is in Lead, not won" in err
    assert run("deal", "paid", "D-9", "100")[0] == 1
    for amount in ("0", "-5", "abc", "60000.01"):
        code, out, err = run("deal", "paid", "D-1", amount)
        assert (code, out) == (2, "") and err.startswith("uplift: amount: "), amount
    code, _, err = run("deal", "paid", "D-1", "100", "--on", "someday")
    assert code == 2 and "on:" in err
    assert json.loads(run("deal", "show", "D-1", "--json")[1])["deal"].get("payments", []) == []


def test_a_payment_is_undone_and_redone(run) -> None:
    run("deal", "paid", "D-1", "12000", "--on", "2026-12-01")
    code, out, _ = run("undo")
    assert code == 0 and "recorded a payment of 12,000 on D-1" in out
    assert json.loads(run("deal", "show", "D-1", "--json")[1])["paid"] == 0
    assert run("redo")[0] == 0
    assert json.loads(run("deal", "show", "D-1", "--json")[1])["paid"] == 12000


def test_payments_in_a_plan_file_round_trip_and_are_checked(run, tmp_path) -> None:
    run("deal", "paid", "D-1", "12000", "--on", "2026-12-01", "--note", "INV-88")
    exported = tmp_path / "plan-out.yaml"
    assert run("plan", "export", "-o", exported)[0] == 0
    text = exported.read_text()
    assert "  payments:\n  - amount: 12000\n    'on': 2026-12-01\n    note: INV-88\n" in text
    assert "  release: paid\n" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("  - amount: 12000\n", "  - amount: -5\n"))
    line = bad.read_text().splitlines().index("  - amount: -5") + 1
    code, _, err = run("plan", "import", bad)
    assert code == 2 and f"{bad}:{line}: deals[0].payments[0].amount: " in err
    over = tmp_path / "over.yaml"
    over.write_text(text.replace("  - amount: 12000\n", "  - amount: 70000\n"))
    code, _, err = run("plan", "import", over)
    assert code == 2 and "deals[0]" in err and "more than the deal's value" in err
    fresh = tmp_path / "fresh"
    code, _, _ = run("--board", fresh, "plan", "import", exported)
    assert code == 0
    assert run("--board", fresh, "payout", "--rep", "ali")[1].splitlines()[0] == "ali (I-1): 100.00"  # 500 × 20%


def test_a_payment_dated_after_today_releases_commission_from_its_day(run, monkeypatch) -> None:
    from datetime import date, timedelta

    later = (date.today() + timedelta(days=30)).isoformat()
    run("deal", "paid", "D-1", "30000", "--on", "2026-01-05")
    code, out, err = run("deal", "paid", "D-1", "30000", "--on", later, "--note", "INV-9")
    assert (code, out) == (0, "D-1: paid 60,000.00 of 60,000.00 (100%)\n")
    assert err == f"note: {later} is after today: the payment counts, and releases commission, from that day\n"
    assert f"    {later}       30,000.00  INV-9  (after today: counts from that day)" in run("deal", "show", "D-1")[1]
    # earned 500 (5% of the 10,000 above 50% of 100,000); received by today: 30,000 of 60,000, so
    # 250 payable and 250 held, however much more is recorded with a later date
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 250.00"
    assert (f"  D-1: commission 500.00 earned; customer paid 30,000 of 60,000 (50%), and 30,000 dated {later}, "
            "counted from that day: 250.00 payable, 250.00 held until paid") in lines
    (ali,) = json.loads(run("payout", "--rep", "ali", "--json")[1])
    assert (ali["total"], ali["earned"], ali["held"]) == (250, 500, 250)
    assert ali["deals"][0] == {"deal": "D-1", "value": 60000, "paid": 30000, "paid_pct": 50, "earned": 500,
                                    "payable": 250, "held": 250, "due": 30000, "due_on": later}
    row = next(csv.DictReader(io.StringIO(run("payout", "--csv")[1])))
    assert (row["total"], row["earned"], row["held"]) == ("250", "500", "250")
    assert "held 250.00 until customers pay" in run("review", "export")[1]
    # the forecast says what the rep earns (nothing held), as before
    (row,) = json.loads(run("forecast", "--rep", "ali", "--json")[1])["reps"]
    assert row["payout"] == 500
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("deal", "paid", "D-2", "1", "--on", later)  # (D-2 is open: refused, nothing said of the day)
    assert code == 1 and "注意" not in err
    assert (f"  D-1：已赚取提成 500.00；客户已付 60,000 中的 30,000（50%），另有 30,000 付款日期为 {later}，"
            "自当日起计入：可发放 250.00，250.00 待付款后发放") in run("payout", "--rep", "ali")[1].splitlines()
    assert "（晚于今天：自当日起计入）" in run("deal", "show", "D-1")[1]
    run("deal", "move", "D-2", "won")
    code, _, err = run("deal", "paid", "D-2", "100", "--on", later)
    assert (code, err) == (0, f"注意：{later} 晚于今天：这笔付款自当日起计入，并自当日起发放提成\n")
