"""Budget amounts to the cent: a line spent to its last cent is not "over" (float sums carry
noise: 1.10 + 2.20 is 3.3000000000000003), and half a cent rounds up as a person rounds it."""

from __future__ import annotations

import json


def test_a_line_spent_to_its_last_cent_is_not_over(run) -> None:
    run("strategy", "add", "Fairs")
    run("budget", "request", "Coffee", "3.30", "--strategy", "S-1")
    run("budget", "approve", "B-1", "--reason", "ok")
    run("budget", "total", "3.30")
    assert run("budget", "spend", "B-1", "1.10")[2] == ""
    code, out, err = run("budget", "spend", "B-1", "2.20")
    assert (code, out, err) == (0, "E-2\n", "")  # no "3.30 spent of 3.30 approved (0.00 over)"
    listing = json.loads(run("budget", "list", "--json")[1])
    assert listing["flags"] == [] and listing["lines"][0]["spent"] == 3.3 and listing["totals"]["spent"] == 3.3
    assert listing["totals"]["left"] == 0
    assert "spent 3.30" in run("budget", "list")[1]


def test_half_a_cent_rounds_up(run) -> None:
    run("strategy", "add", "Fairs")
    run("budget", "request", "Stamps", "10", "--strategy", "S-1")
    run("budget", "approve", "B-1", "--reason", "ok")
    run("budget", "spend", "B-1", "0.125")
    row = run("budget", "list")[1].splitlines()[1].split()
    assert row[:6] == ["B-1", "approved", "other", "10", "10", "0.13"]  # not Python's half-to-even 0.12
