"""Budget lines carry no cycle: they stay on the board as the plan moves on, and the totals are
every line's. Once the plan has had an earlier cycle, `budget list` (and the budget screen) say
so, with the spending dated in this cycle beside them (the figure the review counts)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from store.board import Board

TODAY = date.today()


def test_after_a_new_cycle_the_totals_say_they_are_every_cycles(team, run) -> None:
    lead = Board(team, actor="dana")
    old_start, old_end = TODAY - timedelta(days=120), TODAY - timedelta(days=30)
    lead.set_plan_info("Q-old", old_start.isoformat(), old_end.isoformat())
    lead.approve_budget(lead.request_budget("Booth", 1000, task="T-1").id, "ok")
    lead.record_spend("B-1", 400, old_end - timedelta(days=5))
    totals = json.loads(run("budget", "list", "--json")[1])["totals"]
    assert (totals["spent"], totals["spent_this_cycle"]) == (400, None)  # one cycle: nothing to tell apart
    assert "every cycle" not in run("budget", "list")[1]
    lead.set_plan_info("Q-new", (old_end + timedelta(days=1)).isoformat(), (TODAY + timedelta(days=60)).isoformat())
    lead.record_spend("B-1", 150, TODAY)
    totals = json.loads(run("budget", "list", "--json")[1])["totals"]
    assert (totals["spent"], totals["spent_this_cycle"], totals["approved"]) == (550, 150, 1000)
    assert run("budget", "list")[1].splitlines()[-1].endswith(
        "· totals of every cycle's lines; spent in this cycle 150")
