"""A payment in a plan file is on a won deal, as `deal paid` and `deal import` record one: a
payment added to a deal that is open and never was won is refused; a deal won once and reopened
or lost since keeps what its customer paid, and the board's own file reads back onto a fresh
board."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files

DEAL = "deals:\n- title: Acme order\n  owner: ali\n  stage: {stage}\n  value: 5000\n"
PAID = "  payments:\n  - amount: 1000\n    'on': 2026-11-30\n"


def test_a_payment_on_a_deal_never_won_is_refused(team, run, tmp_path) -> None:
    plan = tmp_path / "deal.yaml"
    plan.write_text(DEAL.format(stage="Lead") + PAID)
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{plan}:6: deals[0].payments: the deal is in Lead, not won: a payment is recorded on a won deal",
        "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before
    # on the board, then paid in a file while still open: refused the same way
    plan.write_text(DEAL.format(stage="Lead"))
    assert run("plan", "import", str(plan))[0] == 0
    exported = tmp_path / "board.yaml"
    assert run("plan", "export", "-o", str(exported))[0] == 0
    text = exported.read_text()
    exported.write_text(text.replace("  history:\n", PAID + "  history:\n", 1))
    code, _, err = run("plan", "import", str(exported))
    assert code == 2 and "deals[0].payments: the deal is in Lead, not won" in err


def test_a_deal_reopened_after_it_was_paid_reads_back(team, run, tmp_path) -> None:
    plan = tmp_path / "deal.yaml"
    plan.write_text(DEAL.format(stage="Won") + PAID)
    assert run("plan", "import", str(plan))[0] == 0
    assert run("deal", "move", "D-1", "Lead")[0] == 0  # reopened: the payment stays, for the record
    exported = tmp_path / "board.yaml"
    assert run("plan", "export", "-o", str(exported))[0] == 0
    fresh = tmp_path / "fresh"
    code, _, err = run("--board", str(fresh), "plan", "import", str(exported))
    assert code == 0, err
    deal = json.loads(run("--board", str(fresh), "deal", "show", "D-1", "--json")[1])
    deal = deal.get("deal", deal)
    assert (deal["stage"], [p["amount"] for p in deal["payments"]]) == ("Lead", [1000])
    assert run("--board", str(fresh), "plan", "export")[1] == exported.read_text()
