"""What each strategy brought in the cycle: the deals its tasks worked on that were won, against
what was spent on it in the cycle; in `uplift review`, its `--json`, the Markdown report and the
findings. The figures are worked out by hand below."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from store.board import Board

TODAY = date.today()


@pytest.fixture
def plan(run, team):
    """Three strategies. S-1's tasks work on D-1 (won, 10,000) and D-2 (open, 4,000); S-2's task
    works on D-1 too and on D-3 (won before the cycle began); S-3's task works on nothing.
    Spent in the cycle: S-1 500 (300 more before it began), S-2 1,000 (a line for its task),
    S-3 200."""
    start, end = TODAY - timedelta(days=30), TODAY + timedelta(days=30)
    assert run("plan", "info", "--start", start, "--end", end)[0] == 0
    for title in ("Fairs", "Bundles", "Webinars"):
        assert run("strategy", "add", title)[0] == 0
    for title, value in (("Acme", "10000"), ("Betasol", "4000"), ("Corvid", "7000")):
        assert run("deal", "add", title, "--value", value, "--owner", "ali")[0] == 0
    assert run("deal", "move", "D-1", "Won")[0] == 0
    forty_days_ago = datetime.now(timezone.utc) - timedelta(days=40)
    Board(team, actor="dana", clock=lambda: forty_days_ago).move_deal("D-3", "Won")
    for title, strategy, deal in (("Demo at Acme", "S-1", "D-1"), ("Quote Betasol", "S-1", "D-2"),
                                  ("Bundle for Acme", "S-2", "D-1"), ("Bundle for Corvid", "S-2", "D-3"),
                                  ("Webinar", "S-3", None)):
        extra = ["--deal", deal] if deal else []
        assert run("task", "add", title, "--owner", "ali", "--strategy", strategy, *extra)[0] == 0
    assert run("task", "done", "T-3")[0] == 0  # (T-1 and T-2 are the team board's own)
    for what, amount, target in (("Booth", "2000", ["--strategy", "S-1"]), ("Kits", "1500", ["--task", "T-5"]),
                                 ("Ads", "500", ["--strategy", "S-3"])):
        assert run("budget", "request", what, amount, *target)[0] == 0
    for line in ("B-1", "B-2", "B-3"):
        assert run("budget", "approve", line, "--reason", "ok")[0] == 0
    for line, amount, day in (("B-1", "300", TODAY - timedelta(days=40)), ("B-1", "500", TODAY),
                              ("B-2", "1000", TODAY - timedelta(days=1)), ("B-3", "200", TODAY)):
        assert run("budget", "spend", line, amount, "--on", day)[0] == 0


def test_each_strategy_weighs_what_its_work_won_against_what_it_spent(plan, run) -> None:
    rows = json.loads(run("review", "--json")[1])["strategies"]
    got = {r["strategy"]: (r["tasks"], r["done"], r["deals"], r["won"], r["won_value"], r["spent"], r["returned"])
           for r in rows}
    assert got == {"S-1": (2, 1, ["D-1", "D-2"], ["D-1"], 10000, 500, 20.0),
                   "S-2": (2, 0, ["D-1", "D-3"], ["D-1"], 10000, 1000, 10.0),
                   "S-3": (1, 0, [], [], 0, 200, 0.0)}
    out = run("review")[1]
    assert "S-1       1 / 2           2  D-1     10,000    500   20.0×  Fairs" in out, out
    assert "S-3       0 / 1           0  –            0    200    0.0×  Webinars" in out, out


def test_the_report_and_its_findings_say_where_the_money_worked(plan, run, monkeypatch) -> None:
    report = run("review", "export", "-o", "-")[1]
    assert "| S-2 Bundles | 0 / 2 | 2 | D-1 | 10,000 | 1,000 | 10.0× |" in report
    assert "- S-1 brought the most for its money: 10,000 won on deals it brought or worked on, 20.0× " \
           "what was spent on it.\n" in report
    assert "- S-3 spent 200 and no deal it brought or worked on was won in the cycle.\n" in report
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    report = run("review", "export", "-o", "-")[1]
    assert "## 各策略的成果" in report and "- S-3 支出 200，但其带来或推进的商机在本周期内无一赢单。" in report


def test_a_past_cycle_counts_its_own_wins_and_spending(plan, run) -> None:
    before = (TODAY - timedelta(days=60), TODAY - timedelta(days=31))
    rows = json.loads(run("review", "--json", "--start", before[0], "--end", before[1])[1])["strategies"]
    got = {r["strategy"]: (r["won"], r["won_value"], r["spent"]) for r in rows}
    assert got == {"S-1": ([], 0, 300), "S-2": (["D-3"], 7000, 0), "S-3": ([], 0, 0)}


def test_a_past_cycles_review_counts_the_tasks_done_by_its_end(run, team, tmp_path) -> None:
    """Reviewed later, a cycle's strategies count the tasks done by its last day: one done after
    it is not; one imported from taskwarrior done in it (its `end`) is, though it came on after."""
    start, end = TODAY - timedelta(days=60), TODAY - timedelta(days=31)
    assert run("strategy", "add", "Fairs")[0] == 0
    in_cycle = datetime.combine(start + timedelta(days=5), datetime.min.time(), timezone.utc) + timedelta(hours=12)
    lead = Board(team, actor="dana", clock=lambda: in_cycle)
    for title in ("Book the booth", "Print the flyers"):
        lead.add_task(title, strategy="S-1")  # T-3, T-4
    lead.move_task("T-3", "done")
    assert run("task", "done", "T-4")[0] == 0  # today: after the cycle
    path = tmp_path / "tasks.json"
    done = (start + timedelta(days=10)).strftime("%Y%m%dT120000Z")
    path.write_text(json.dumps([{"description": "Ship the samples", "status": "completed", "end": done,
                                 "uuid": "aaaaaaaa-0000-0000-0000-000000000000"}]), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0  # T-5
    assert run("task", "edit", "T-5", "--strategy", "S-1")[0] == 0
    code, out, err = run("review", "--json", "--start", start, "--end", end)
    assert code == 0, err
    assert [(r["strategy"], r["tasks"], r["done"]) for r in json.loads(out)["strategies"]] == [("S-1", 3, 2)]
    assert run("plan", "info", "--start", TODAY - timedelta(days=10), "--end", TODAY + timedelta(days=20))[0] == 0
    code, out, _ = run("review", "--json")
    assert [(r["strategy"], r["tasks"], r["done"]) for r in json.loads(out)["strategies"]] == [("S-1", 3, 3)]
