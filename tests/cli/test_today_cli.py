"""`uplift today`: a rep's day over SSH, a lead reading a rep's, and what it refuses."""

from __future__ import annotations

import json
from datetime import timedelta

from store.board import Board


def test_a_reps_day(run, team) -> None:
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.update_task("T-1", due=today - timedelta(days=3))  # ali's "Call Acme"
    lead.add_deal("Acme renewal", owner="ali", value=12000, close=today + timedelta(days=2))
    lead.add_deal("Acme add-on", owner="ali", value=800, close=today - timedelta(days=1))
    lead.add_task("Send the quote", owner="ali", due=today + timedelta(days=1), deal="D-1")
    code, out, _ = run("today", user="ali")
    assert code == 0
    assert out.splitlines()[0] == f"ali's day, {today}"
    assert "Overdue\n  T-1  Call Acme · due " + f"{today - timedelta(days=3)}, 3 days ago · To do" in out
    assert "Due in the next 7 days\n  T-3  Send the quote · due tomorrow · To do" in out
    assert f"Deals past their close date\n  D-2  Acme add-on · Lead · 800 · expected {today - timedelta(days=1)}, 1 day ago" in out
    assert "Deals closing in the next 7 days\n  D-1  Acme renewal · Lead · 12,000 · closes " in out
    code, out, _ = run("today", "--json", user="ali")
    data = json.loads(out)
    assert data["who"] == "ali" and [e["item"] for e in data["entries"]] == ["T-1", "T-3", "D-2", "D-1", "D-2"]
    assert "Deals with nothing planned (uplift task add --deal D-N)\n  D-2  Acme add-on" in run("today", user="ali")[1]


def test_a_lead_reads_a_reps_day_and_typos_are_named(run) -> None:
    code, out, _ = run("today", "--for", "bea")
    assert code == 0 and out.startswith("bea's day")
    code, out, _ = run("today", "--for", "bea", "--days", "0")
    assert code == 0
    code, _, err = run("today", "--for", "zed")
    assert code == 1 and "--for zed: no such member on this board" in err
    code, _, err = run("today", "--days", "400")
    assert code == 2 and "0 to 366" in err


def test_nothing_to_do_says_so(run) -> None:
    code, out, _ = run("today", user="dana")
    assert code == 0 and "Nothing needs you" in out

