"""Budget per cycle, as a finance team keeps budget against actuals per period: a line belongs to
the cycle it was requested in (the plan's period then), where its request and approval count;
money counts in the cycle it was spent in. The totals, flags, `budget list` (and --json) and the
review agree; the last cycle's lines are out of the way (`--all`, `--start --end`) but kept."""

from __future__ import annotations

import json
from datetime import date, timedelta

from store.board import Board

TODAY = date.today()
OLD_START, OLD_END = TODAY - timedelta(days=120), TODAY - timedelta(days=30)
NEW_START, NEW_END = OLD_END + timedelta(days=1), TODAY + timedelta(days=60)
#: How `budget list` writes the old cycle: its end without the year when it shares the start's
#: year (the cycles move with today, so some days they straddle a new year)
OLD_SPAN = f"{OLD_START}–{OLD_END:%m-%d}" if OLD_START.year == OLD_END.year else f"{OLD_START}–{OLD_END}"


def two_cycles(team) -> Board:
    """Last cycle: B-1 (1000 approved, 400 spent in it, 100 more paid now) and B-2 waiting.
    This cycle: B-3 (300 approved, 150 spent). Plan budget 1,000."""
    lead = Board(team, actor="dana")
    lead.set_plan_info("Q-old", OLD_START.isoformat(), OLD_END.isoformat())
    lead.set_plan_budget(1000)
    lead.approve_budget(lead.request_budget("Booth", 1000, task="T-1").id, "ok")
    lead.record_spend("B-1", 400, OLD_END - timedelta(days=5))
    lead.request_budget("Flyers", 50, task="T-1")
    lead.set_plan_info("Q-new", NEW_START.isoformat(), NEW_END.isoformat())
    lead.approve_budget(lead.request_budget("Dinner", 300, task="T-2").id, "ok")
    lead.record_spend("B-3", 150, TODAY)
    lead.record_spend("B-1", 100, TODAY)  # the booth's last invoice, paid now: money spent in this cycle
    return lead


def test_a_line_records_the_day_and_the_cycle_it_was_requested_in(team) -> None:
    lead = two_cycles(team)
    old, new = lead.budget_line("B-1"), lead.budget_line("B-3")
    assert (old.requested_on, old.cycle_start, old.cycle_end) == (TODAY, OLD_START, OLD_END)
    assert (new.cycle_start, new.cycle_end) == (NEW_START, NEW_END)


def test_the_totals_are_this_cycles_lines(team) -> None:
    lead = two_cycles(team)
    totals = lead.budget_totals()
    # this cycle: B-3's 300 approved; spent 150 on it and 100 on B-1; the old cycle's 1,050 asked left out
    assert (totals.approved, totals.spent, totals.requested, totals.other_cycles) == (300, 250, 0, 2)
    assert lead.budget_flags() == []  # 300 of a 1,000 budget: the old 1,000 no longer pushes it over
    every = lead.budget_totals(every=True)
    assert (every.approved, every.spent, every.requested) == (1300, 650, 50)
    with lead.reading_cycle(OLD_START, OLD_END):
        old = lead.budget_totals()
    assert (old.approved, old.spent, old.requested) == (1000, 400, 50)
    lead.record_spend("B-1", 600, TODAY)  # B-1 over what was approved, across both cycles: still said
    assert [flag.values.get("id") for flag in lead.budget_flags()] == ["B-1"]


def test_budget_list_shows_the_cycle_and_says_what_it_leaves_out(team, run) -> None:
    two_cycles(team)
    code, out, _ = run("budget", "list")
    assert code == 0
    rows = [line.split() for line in out.splitlines()[1:-1]]
    # B-3, then B-1 (last cycle's, shown for the 100 spent on it now: asked and approved "–" here)
    assert [row[:6] for row in rows] == [["B-3", "approved", "other", "300", "300", "150"],
                                         ["B-1", "approved", "other", "–", "–", "100"]]
    assert OLD_SPAN in out.splitlines()[2]
    assert out.splitlines()[-1].endswith(
        f"· lines of the cycle {NEW_START} to {NEW_END} · 2 of other cycles not counted "
        "(`uplift budget list --all` lists them)")
    data = json.loads(run("budget", "list", "--json")[1])
    assert [(line["id"], line["of_cycle"], line["spent"], line["spent_in_cycle"]) for line in data["lines"]] == \
        [("B-3", True, 150, 150), ("B-1", False, 500, 100)]
    assert data["lines"][0]["cycle_start"] == NEW_START.isoformat()
    totals = data["totals"]
    assert (totals["approved"], totals["spent"], totals["spent_this_cycle"], totals["left"]) == (300, 250, 250, 700)
    assert totals["cycle"] == {"start": NEW_START.isoformat(), "end": NEW_END.isoformat()}
    assert totals["other_cycles"] == 2


def test_the_last_cycles_lines_are_still_readable(team, run) -> None:
    two_cycles(team)
    out = run("budget", "list", "--all")[1]
    assert [line.split()[0] for line in out.splitlines()[1:4]] == ["B-1", "B-2", "B-3"]
    assert OLD_SPAN in out.splitlines()[1]
    assert out.splitlines()[-1] == "approved 1,300 · spent 650 · waiting 50 · every cycle's lines"
    data = json.loads(run("budget", "list", "--start", OLD_START.isoformat(), "--end", OLD_END.isoformat(),
                          "--json")[1])
    assert [line["id"] for line in data["lines"]] == ["B-1", "B-2"]
    assert (data["lines"][0]["spent"], data["lines"][0]["spent_in_cycle"]) == (500, 400)
    assert (data["totals"]["approved"], data["totals"]["spent"], data["totals"]["requested"]) == (1000, 400, 50)
    code, _, err = run("budget", "list", "--all", "--start", OLD_START.isoformat(), "--end", OLD_END.isoformat())
    assert code == 2 and "--all" in err


def test_the_review_counts_the_money_spent_in_the_cycle_as_the_budget_does(team, run) -> None:
    two_cycles(team)
    review = json.loads(run("review", "--json")[1])
    assert review["process"]["spent"] == 250
    old = json.loads(run("review", "--start", OLD_START.isoformat(), "--end", OLD_END.isoformat(), "--json")[1])
    assert old["process"]["spent"] == 400


def test_a_line_from_before_lines_were_dated_is_the_cycle_nows(team) -> None:
    lead = two_cycles(team)
    lead.request_budget("Old", 80, task="T-1")
    lead.record_spend("B-4", 20, OLD_END - timedelta(days=1))
    lead.record_spend("B-4", 5, TODAY)
    stored = json.loads((team / "budget.json").read_text())  # B-4 as an older Uplift wrote it: no day, no cycle
    for doc in stored["lines"].values():
        if doc["id"] == "B-4":
            for key in ("requested_on", "cycle_start", "cycle_end"):
                del doc[key]
    (team / "budget.json").write_text(json.dumps(stored))
    reread = Board(team, actor="dana")
    assert reread.budget_line("B-4").cycle_start is None
    assert [line.id for line in reread.cycle_budget().lines] == ["B-3", "B-4", "B-1"]
    assert (reread.budget_totals().requested, reread.budget_totals().spent) == (80, 255)  # 150 + 100 + 5
    with reread.reading_cycle(OLD_START, OLD_END):  # not that cycle's, but the 20 spent in it on it shows there
        assert [line.id for line in reread.cycle_budget().lines] == ["B-1", "B-2", "B-4"]
        assert (reread.budget_totals().requested, reread.budget_totals().spent) == (50, 420)


def test_a_plan_file_keeps_a_lines_cycle_and_dates_a_new_one_now(team, run, tmp_path) -> None:
    two_cycles(team)
    out = run("plan", "export", "-o", "-")[1]
    assert f"  cycle_start: {OLD_START}\n  cycle_end: {OLD_END}\n" in out
    plan = tmp_path / "more.yaml"
    plan.write_text("schema: 1\nbudget_lines:\n- title: Gifts\n  task: T-1\n  requested: 40\n  requested_by: dana\n"
                    f"- title: Odd\n  task: T-1\n  requested: 40\n  requested_by: dana\n  cycle_start: {NEW_START}\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and "budget_lines[1]" in err and "cycle_start and cycle_end" in err
    plan.write_text("schema: 1\nbudget_lines:\n- title: Gifts\n  task: T-1\n  requested: 40\n  requested_by: dana\n")
    assert run("plan", "import", str(plan))[0] == 0
    line = Board(team, actor="dana").budget_line("B-4")  # a new line in a file is requested now, as `budget request`
    assert (line.requested_on, line.cycle_start, line.cycle_end) == (TODAY, NEW_START, NEW_END)


def test_approving_a_request_left_from_the_last_cycle_says_where_it_counts(team, run) -> None:
    two_cycles(team)
    code, out, err = run("budget", "approve", "B-2", "--reason", "late but fine")
    assert (code, out) == (0, "B-2 approved for 50\n")
    assert err.splitlines()[-1] == (f"note: B-2 was requested in the cycle {OLD_START} to {OLD_END}: its approval counts in that "
                   "cycle's budget, not this one's")
    assert json.loads(run("budget", "list", "--json")[1])["totals"]["approved"] == 300  # still this cycle's alone
    lead = Board(team, actor="dana")
    lead.request_budget("Cards", 20, task="T-1")
    assert "note:" not in run("budget", "approve", "B-4", "--reason", "ok")[2]  # this cycle's: nothing to say


def test_a_spend_dated_before_the_cycle_says_this_cycles_figures_leave_it_out(team, run) -> None:
    """A lead planning the next cycle pays a deposit on one of its lines today: the spend is
    recorded (E-1), and `budget list` of the cycle says spent 0. The spend says why, and where
    to read it; one in the cycle says nothing more."""
    start, end = TODAY + timedelta(days=30), TODAY + timedelta(days=120)
    assert run("plan", "info", "--start", start.isoformat(), "--end", end.isoformat())[0] == 0
    assert run("budget", "request", "Trade fair booth", "5000", "--task", "T-1")[0] == 0
    assert run("budget", "approve", "B-1", "--reason", "ok")[0] == 0
    code, out, err = run("budget", "spend", "B-1", "1500")
    assert (code, out) == (0, "E-1\n")
    assert (f"note: E-1 is dated {TODAY}, before the cycle {start} to {end} begins: money counts in the cycle it "
            "was spent in, so this cycle's spending leaves it out (every cycle's: `uplift budget list --all`)") in err
    listed = json.loads(run("budget", "list", "--json")[1])
    assert (listed["totals"]["spent"], listed["lines"][0]["spent"]) == (0, 1500)
    run("plan", "info", "--start", TODAY.isoformat(), "--end", end.isoformat())
    code, out, err = run("budget", "spend", "B-1", "100")
    assert (code, out, err) == (0, "E-2\n", "")


def test_new_dates_say_which_budget_lines_the_old_ones_keep(team, run) -> None:
    """Dates moved a week on (only corrected): B-1 stays counted in the cycle it was requested in;
    `plan info` names it and the command that moves it. Once moved, with only a new name, or
    for the next cycle, nothing is said."""
    assert run("plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("budget", "request", "Booth", "800", "--task", "T-1")[0] == 0
    code, out, err = run("plan", "info", "--start", "2027-01-11", "--end", "2027-04-09")
    assert code == 0 and "cycle  2027-01-11 to 2027-04-09" in out
    assert err == ("note: B-1: budget requested in the cycle 2027-01-04 to 2027-03-31, still counted there, not in "
                   "this one; if its dates were only corrected, `uplift budget edit ID --cycle this` moves each "
                   "into this one\n")
    assert run("budget", "edit", "B-1", "--cycle", "this")[0] == 0
    assert run("plan", "info", "--name", "Q1 2027")[2] == ""
    assert json.loads(run("budget", "list", "--json")[1])["lines"][0]["id"] == "B-1"
    # the next cycle begun (no day shared with the last): its lines are rightly the last one's
    assert run("plan", "info", "--start", "2027-04-12", "--end", "2027-06-30")[2] == ""
