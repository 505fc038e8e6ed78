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



def test_a_reps_day_in_chinese_reads_as_chinese(run, team, monkeypatch) -> None:
    """The headings' "in the next 7 days" is 未来 7 天内 (no space inside the word 天内), a
    stuck deal's stage, typed in any language, stands apart from the words around it, and a
    check-in is 进展记录, as everywhere else."""
    from datetime import datetime

    lead = Board(team, actor="dana")
    today = lead.today()
    earlier = Board(team, actor="dana", clock=lambda: datetime.now().astimezone() - timedelta(days=40))
    earlier.add_deal("Acme renewal", owner="ali", value=12000, close=today + timedelta(days=2), stage="Negotiation")
    lead.update_task("T-1", due=today + timedelta(days=3))
    lead.add_goal("Win 5 deals", owner="ali")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("today", user="ali")
    assert code == 0
    assert f"未来 7 天内到期\n  T-1  Call Acme · {today + timedelta(days=3)} 到期，还有 3 天 · 待办" in out
    assert "未来 7 天内成交的商机\n  D-1  Acme renewal · Negotiation · 12,000 · " in out
    entered = today - timedelta(days=40)
    assert f"停滞在当前阶段的商机\n  D-1  Acme renewal · 12,000 · 自 {entered} 起处于 Negotiation 阶段，已 40 天" in out
    assert "等待进展记录的目标\n  G-1  Win 5 deals · 还没有进展记录" in out


def test_days_0_is_today_alone(run, team, monkeypatch) -> None:
    """`--days 0` looks at today only, and says so (it said "Due in the next 0 days")."""
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.update_task("T-1", due=today)
    lead.add_task("Send the quote", owner="ali", due=today + timedelta(days=1))
    lead.add_deal("Acme renewal", owner="ali", value=12000, close=today)
    code, out, _ = run("today", "--days", "0", user="ali")
    assert code == 0 and "next 0 days" not in out
    assert "Due today\n  T-1  Call Acme · To do\n" in out and "T-3" not in out  # (not "Due today: ... due today")
    assert "Deals closing today\n  D-1  Acme renewal · Lead · 12,000\n" in out
    code, out, _ = run("today", "--days", "1", user="ali")
    assert "Due today or tomorrow\n  T-1  Call Acme · due today · To do\n" in out  # (not "in the next 1 day")
    assert "Deals closing today or tomorrow\n" in out and "next 1 day" not in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("today", "--days", "0", user="ali")[1]
    assert "今天到期\n" in out and "今天预计成交的商机\n" in out
    out = run("today", "--days", "1", user="ali")[1]
    assert "今明两天到期\n" in out and "今明两天预计成交的商机\n" in out


def test_task_list_due_by_a_day(run, team) -> None:
    """`task list --due-by fri` (taskwarrior's `due.before:`): what is left to do by then, overdue
    work included, done work and undated work not."""
    import json
    from datetime import date, timedelta

    from tests.conftest import snapshot_files

    today = date.today()  # (the team board has no time zones: the machine's day)
    ids = {}
    for title, days in (("Late", -1), ("Soon", 2), ("Later", 10), ("Finished", 1)):
        ids[title] = run("task", "add", title, "--owner", "ali", "--due", str(today + timedelta(days=days)))[1].strip()
    run("task", "done", ids["Finished"])
    code, out, _ = run("task", "list", "--due-by", "+3d", "--json")
    assert code == 0
    # T-1 Call Acme is due 2026-12-01 and not done: on or before any day from then on
    expected = {"Late", "Soon"} | ({"Call Acme"} if date(2026, 12, 1) <= today + timedelta(days=3) else set())
    assert {t["title"] for t in json.loads(out)} == expected
    assert {t["title"] for t in json.loads(run("task", "list", "--due-by", str(today), "--json")[1])} == \
        expected - {"Soon"}
    before = snapshot_files(team)
    for typed in ("", "someday"):
        code, out, err = run("task", "list", "--due-by", typed)
        assert (code, out) == (2, "") and err.startswith(("uplift: --due-by: give a day", "uplift: due-by: 'someday'"))
    assert snapshot_files(team) == before


def test_training_held_today_is_in_the_day_of_those_it_is_for(run, team) -> None:
    """A rep's day lists the team's training today and the one naming them, not one for someone
    else, nor one on another day; a lead's lists all of today's; a session ticked done says so."""
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.add_training("Objection handling", on=today)  # L-1: the whole team's
    lead.add_training("Pricing talk", on=today, audience="bea")  # L-2: bea's only
    lead.add_training("Demo kit", on=today + timedelta(days=1))  # L-3: tomorrow
    lead.add_training("Closing skills", on=today, audience="ali")  # L-4
    lead.set_training_done("L-4")
    code, out, _ = run("today", user="ali")
    assert code == 0
    assert ("Training today\n  L-1  Objection handling · for the whole team\n"
            "  L-4  Closing skills · for ali · done") in out
    assert "L-2" not in out and "L-3" not in out
    code, out, _ = run("today", user="bea")
    assert "Training today\n  L-1  Objection handling · for the whole team\n  L-2  Pricing talk · for bea\n" in out
    assert "L-4" not in out
    code, out, _ = run("today", user="dana")
    assert code == 0 and "Nothing needs you" not in out
    assert [line.split()[0] for line in out.split("Training today\n")[1].splitlines() if line.startswith("  ")] \
        == ["L-1", "L-2", "L-4"]
    code, out, _ = run("today", "--json", user="bea")
    assert [(e["kind"], e["item"]) for e in json.loads(out)["entries"]] == [("training", "L-1"), ("training", "L-2")]
