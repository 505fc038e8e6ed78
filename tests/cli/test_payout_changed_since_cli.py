"""A statement that moved after it was approved says why, line by line: what it no longer says
of what was approved and what it says now that was not (a deal reopened, edited down), so the
rep is never left to guess where the money went. Figures worked out by hand in the comments."""

from __future__ import annotations

PLAN = """\
id: I-1
name: Q
quota: 100000
tiers:
- {from_pct: 0, to_pct: 50, rate: 0}
- {from_pct: 50, to_pct: 100, rate: 5}
"""


def test_a_reopened_deal_and_a_value_edited_down_are_said_against_the_approval(run, tmp_path, monkeypatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won")
    run("deal", "add", "Betasol", "--owner", "ali", "--value", "30000", "--stage", "won")
    # 90,000 of 100,000: 5% of the 40,000 above 50,000 = 2,000
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 2,000.00\n"
    run("deal", "move", "D-2", "Negotiation")
    run("deal", "edit", "D-1", "--value", "50000")
    # 50,000 of 100,000: nothing above 50%, so 0.00; D-2 is open again and not counted
    lines = run("payout", "--rep", "ali")[1].splitlines()
    won_on = next(line for line in lines if line.startswith("  D-2 ")).split("won on ")[1][:10]
    assert lines[lines.index("  won 50,000 on D-1 Acme") + 1] == \
        f"  D-2 was won on {won_on} and is open again (Negotiation): not counted while it is open"
    at = lines.index("  total payout = 0.00") + 1
    assert lines[at].endswith("(P-1): 2,000.00; not paid yet; CHANGED since: 0.00 now (-2,000.00)")
    assert lines[at + 1:] == [
        "    since P-1, no longer: won 60,000 on D-1 Acme",
        "    since P-1, no longer: won 30,000 on D-2 Betasol",
        "    since P-1, no longer: won value 90,000 of quota 100,000 = attainment 90%",
        "    since P-1, no longer: tier 50–100%: 5% of 40,000 = 2,000.00",
        "    since P-1, new: won 50,000 on D-1 Acme",
        f"    since P-1, new: D-2 was won on {won_on} and is open again (Negotiation): not counted while it is open",
        "    since P-1, new: won value 50,000 of quota 100,000 = attainment 50%",
    ]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert f"  D-2 于 {won_on} 赢单，现已重新打开（Negotiation）：重新打开期间不计入" in lines
    assert lines[-7:-5] == ["    自 P-1 以来已不再计入：赢单 60,000：D-1 Acme", "    自 P-1 以来已不再计入：赢单 30,000：D-2 Betasol"]
    assert lines[-3] == "    自 P-1 以来新增：赢单 50,000：D-1 Acme"
    monkeypatch.setenv("UPLIFT_LANG", "en")
    run("deal", "move", "D-2", "won")  # won again: counted again, and no longer said to be open
    run("deal", "edit", "D-1", "--value", "60000")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 2,000.00" and not any("open again" in line for line in lines)
    assert not any(line.startswith("    since P-1") for line in lines)  # it says what was approved again


def test_a_deal_paid_then_lost_in_the_cycle_is_taken_back_once(run, tmp_path) -> None:
    """Approved and paid at 500, then lost: the statement said -500 (a clawback on top of the deal
    leaving the won value), and payroll was told to take back 1,000 of the 500 paid; then -500 to
    pay, and now a balance carried into the next cycle."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won")
    # 60,000 of 100,000: 5% of 10,000 = 500
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 500.00\n"
    run("payout", "paid", "--rep", "ali")
    run("deal", "move", "D-1", "Lost", "--reason", "budget")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert lines[0] == "ali (I-1): 0.00" and not any("clawback" in line for line in lines[:6])
    assert lines[1].startswith("  D-1 was won on ") and lines[1].endswith(
        ", in the cycle: not counted, nothing to claw back")
    assert run("payout", "approve", "--rep", "ali")[1] == "P-2 ali: 0.00\n"
    # nothing is taken back by a payment below zero: the 500 paid beyond 0.00 is a balance
    assert run("payout", "paid", "--rep", "ali")[1] == (
        "P-2 ali: 0.00 marked paid; 500.00 paid before, so nothing now; "
        "500.00 paid beyond it, carried into the next cycle not yet paid as a balance of -500.00\n")


def test_the_review_report_lists_what_moved_since_the_approval(run, tmp_path, monkeypatch) -> None:
    """`review export` said "changed since: 0.00 now" and not why; it lists the lines as `payout` does."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won")
    assert run("payout", "approve", "--rep", "ali")[1] == "P-1 ali: 500.00\n"  # 5% of 10,000
    run("deal", "edit", "D-1", "--value", "50000")
    report = tmp_path / "review.md"
    assert run("review", "export", "-o", str(report))[0] == 0
    lines = report.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "**changed since**: 0.00 now" in line)
    assert lines[at + 1:at + 6] == [
        "  - since P-1, no longer: won 60,000 on D-1 Acme",
        "  - since P-1, no longer: won value 60,000 of quota 100,000 = attainment 60%",
        "  - since P-1, no longer: tier 50–100%: 5% of 10,000 = 500.00",
        "  - since P-1, new: won 50,000 on D-1 Acme",
        "  - since P-1, new: won value 50,000 of quota 100,000 = attainment 50%"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("review", "export", "-o", str(report))[0] == 0
    assert "  - 自 P-1 以来已不再计入：赢单 60,000：D-1 Acme" in report.read_text().splitlines()
