"""`payout hold` takes its reason before or after the options (`hold ali --start D --end D
"reason"`), and `payout paid` for everyone says which statements it left unpaid because they are
held, exiting 1 only when nothing could be marked."""

from __future__ import annotations

from tests.cli.test_payout_hold_cli import run  # noqa: F401  (the board: ali 1,000.00, bea 500.00)


def test_the_reason_may_follow_the_cycles_dates(run) -> None:  # noqa: F811
    code, out, err = run("payout", "hold", "ali", "--start", "2027-04-01", "--end", "2027-06-30",
                         "Disputed split on D-7")
    assert (code, out, err) == (0, "W-1 ali: on hold for 2027-04-01 to 2027-06-30: Disputed split on D-7\n", "")
    # unquoted words, some before the options and some after, make one reason
    code, out, _err = run("payout", "hold", "bea", "Wrong", "--start", "2027-04-01", "--end", "2027-06-30",
                          "amount on D-8")
    assert (code, out) == (0, "W-2 bea: on hold for 2027-04-01 to 2027-06-30: Wrong amount on D-8\n")
    # --release after the dates, with no words, releases it
    assert run("payout", "hold", "ali", "--start", "2027-04-01", "--end", "2027-06-30", "--release")[0] == 0
    # a reason and --release together are still bad input, whatever their order
    assert run("payout", "hold", "bea", "--release", "--start", "2027-04-01", "--end", "2027-06-30", "again")[0] == 2


def test_marking_everyone_paid_says_who_was_held(run) -> None:  # noqa: F811
    assert run("payout", "approve")[1] == "P-1 ali: 1,000.00\nP-2 bea: 500.00\n"
    run("payout", "hold", "ali", "Disputed split on D-7")
    code, out, err = run("payout", "paid", "--ref", "M4")
    assert (code, out) == (0, "P-2 bea: 500.00 paid (M4)\n")
    assert err == "ali: on hold (W-1: Disputed split on D-7), not marked paid until a lead releases it\n"
    # again: bea is paid as approved, ali is held: nothing could be marked
    code, out, err = run("payout", "paid")
    assert (code, out) == (1, "")
    assert err.startswith("ali: on hold (W-1: Disputed split on D-7), not marked paid until a lead releases it\n")
    assert "nothing marked paid: the statements left to pay are on hold" in err
    # released, ali is marked paid
    run("payout", "hold", "ali", "--release")
    assert run("payout", "paid")[:2] == (0, "P-1 ali: 1,000.00 paid\n")
