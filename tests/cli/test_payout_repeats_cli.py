"""What `payout approve` and `payout paid` say when there is nothing to do, by the command line's
rule for such commands (README "The command line"): a repeat that finds what was asked already
done is done (exit 0, saying so, as a repeated `snapshot` or `review tick` is); a command with
nothing there to act on is refused (exit 1, one line on stderr, as `undo` with nothing to undo is)."""

from __future__ import annotations

PLAN = "name: Plan\nquotas: [{rep: ali, amount: 1000}]\ntiers: [{from_pct: 0, rate: 10}]\n"


def test_approve_with_no_rep_on_a_plan_is_refused(run, monkeypatch) -> None:
    code, out, err = run("payout", "approve")
    assert (code, out) == (1, "") and err.strip() == (
        "uplift: nothing to approve: no rep is on an incentive plan (uplift incentive set FILE.yaml)")
    code, out, err = run("payout", "approve", "--rep", "ali")
    assert (code, out) == (1, "") and "nothing to approve: ali is on no incentive plan" in err
    assert run("undo")[0] == 0  # (the team's tasks: dana's own last change) ...
    code, _, err = run("undo", user="bea")  # ... and undo with nothing of one's own to undo: refused too
    assert code == 1 and "nothing of bea's to undo" in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("payout", "approve", "--rep", "ali")
    assert code == 1 and "没有需要批准的：ali 不在任何激励方案中（uplift incentive set FILE.yaml）" in err


def test_approving_or_paying_again_what_is_done_is_done(run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "500", "--stage", "won")
    code, _, err = run("payout", "paid")
    assert code == 1 and "nothing to mark paid: no approved statement is waiting" in err  # approve first
    assert run("payout", "approve")[1].startswith("P-1 ali: 50.00")
    code, out, _ = run("payout", "approve")
    assert (code, out) == (0, "Nothing to approve: every statement says what its approval says.\n")
    assert run("payout", "paid")[1] == "P-1 ali: 50.00 paid\n"
    code, out, _ = run("payout", "paid")  # payroll's script run twice: nothing is paid twice, and it is done
    assert (code, out) == (0, "Nothing to mark paid: every statement is paid as approved.\n")
    run("deal", "add", "Betasol", "--owner", "ali", "--value", "100", "--stage", "won")
    code, _, err = run("payout", "paid")  # changed since it was paid: to approve again before paying
    assert code == 1 and "uplift payout approve first" in err


def test_approval_and_payment_are_said_in_chinese_whole(run, tmp_path, monkeypatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    run("incentive", "set", str(plan))
    run("deal", "add", "Acme", "--owner", "ali", "--value", "500", "--stage", "won")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("payout", "approve")[1] == "P-1 ali：50.00\n"
    run("payout", "paid", "--ref", "PAY-12")
    run("deal", "add", "Betasol", "--owner", "ali", "--value", "100", "--stage", "won")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    last = next(line for line in reversed(lines) if not line.startswith("    "))  # (the lines changed since follow it)
    assert last.startswith("  dana 于 ") and last.endswith(
        "批准（P-1）：50.00；已于 " + last.split("已于 ")[1].split(" ")[0] + " 发放（PAY-12）；此后已变化：现在为 60.00（+10.00）")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    lines = run("payout", "--rep", "ali")[1].splitlines()
    last = next(line for line in reversed(lines) if not line.startswith("    "))
    assert last.endswith("(P-1): 50.00; paid on " + last.split("paid on ")[1].split(" ")[0]
                         + " (PAY-12); CHANGED since: 60.00 now (+10.00)")
