"""`uplift budget edit B-4 --cycle this`: a line from before lines kept their cycle (an older
board's: no day, no cycle) counted in whichever cycle was now's and could not be given one but
through a plan file; a lead gives it this cycle, the last one or any cycle's days."""

from __future__ import annotations

import json
from datetime import timedelta

from store.board import Board
from tests.cli.test_budget_cycles_cli import NEW_END, NEW_START, OLD_END, OLD_START, TODAY, two_cycles


def undated(team) -> Board:
    """two_cycles, and B-4 (80 asked, 20 spent last cycle and 5 now) as an older Uplift wrote it."""
    lead = two_cycles(team)
    lead.request_budget("Old", 80, task="T-1")
    lead.record_spend("B-4", 20, OLD_END - timedelta(days=1))
    lead.record_spend("B-4", 5, TODAY)
    stored = json.loads((team / "budget.json").read_text())
    for doc in stored["lines"].values():
        if doc["id"] == "B-4":
            for key in ("requested_on", "cycle_start", "cycle_end"):
                del doc[key]
    (team / "budget.json").write_text(json.dumps(stored))
    return Board(team, actor="dana")


def test_this_cycle(team, run) -> None:
    undated(team)
    code, out, err = run("budget", "edit", "B-4", "--cycle", "this")
    assert (code, out, err) == (0, "B-4\n", "")
    line = Board(team, actor="dana").budget_line("B-4")
    assert (line.cycle_start, line.cycle_end) == (NEW_START, NEW_END)
    data = json.loads(run("budget", "list", "--json")[1])
    assert next(l for l in data["lines"] if l["id"] == "B-4")["of_cycle"] is True
    # a new cycle begins: B-4 stays the one it was given, not the cycle now's
    lead = Board(team, actor="dana")
    lead.set_plan_info("Q-next", (NEW_END + timedelta(days=1)).isoformat(), (NEW_END + timedelta(days=90)).isoformat())
    assert "B-4" not in lead.cycle_budget().own


def test_the_last_cycle_and_a_cycle_by_its_days(team, run) -> None:
    undated(team)
    assert run("budget", "edit", "B-4", "--cycle", "last")[0] == 0
    line = Board(team, actor="dana").budget_line("B-4")
    assert (line.cycle_start, line.cycle_end) == (OLD_START, OLD_END)
    lead = Board(team, actor="dana")
    assert "B-4" not in lead.cycle_budget().own  # last cycle's now: its 80 asked counts there
    with lead.reading_cycle(OLD_START, OLD_END):
        assert lead.budget_totals().requested == 50 + 80
    assert run("budget", "edit", "B-4", "--cycle", f"{NEW_START}..{NEW_END}")[0] == 0
    assert Board(team, actor="dana").budget_line("B-4").cycle_start == NEW_START


def test_the_log_says_it(team, run) -> None:
    undated(team)
    run("budget", "edit", "B-4", "--cycle", "this")
    newest = json.loads(run("log", "--json")[1])[0]  # (newest first)
    assert (newest["action"], newest["item"], newest["actor"]) == ("budget.edit", "B-4", "dana")
    assert newest["before"] == {"cycle_start": None, "cycle_end": None}
    assert newest["after"] == {"cycle_start": NEW_START.isoformat(), "cycle_end": NEW_END.isoformat()}


def test_bad_cycles_are_bad_input(team, run) -> None:
    undated(team)
    before = (team / "budget.json").read_bytes()
    for typed, said in (("soon", "--cycle 'soon': give this"), ("2026-10-01", "START..END"),
                        ("2026-13-01..2026-12-31", "cycle: "),
                        (f"{NEW_END}..{NEW_START}", f"--cycle {NEW_END}..{NEW_START}: the cycle ends ({NEW_START}) "
                                                    f"before it starts ({NEW_END})")):
        code, out, err = run("budget", "edit", "B-4", "--cycle", typed)
        assert (code, out) == (2, ""), typed
        assert said in err and "Traceback" not in err, (typed, err)
    assert (team / "budget.json").read_bytes() == before


def test_a_rep_may_not(team, run) -> None:
    undated(team)
    code, _, err = run("budget", "edit", "B-4", "--cycle", "this", user="ali")
    assert code == 1 and err


def test_a_board_without_a_cycle_says_so(team, run) -> None:
    Board(team, actor="dana").request_budget("Booth", 100, task="T-1")
    code, _, err = run("budget", "edit", "B-1", "--cycle", "this")
    assert code == 2 and "no cycle yet" in err and "plan info --start" in err
