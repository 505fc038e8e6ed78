"""`goal checkin --date`: a check-in forgotten last week, dated the day it was true (as Tability
lets one be); the latest check-in still counts, and a day still to come is refused."""

from __future__ import annotations

import json
from datetime import date, timedelta


def _shown(run) -> dict:
    return json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]


def test_a_check_in_dated_in_the_past_joins_the_history_in_its_place(run, monkeypatch) -> None:
    today = date.today()
    week_ago, two_weeks_ago = today - timedelta(days=7), today - timedelta(days=14)
    run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue", "--unit", "$", "--baseline", "100k", "--target", "200k")
    assert run("goal", "checkin", "G-1", "130k", user="ali")[0] == 0  # today: 30 of 100 = 30%
    code, out, err = run("goal", "checkin", "G-1", "120k", "--date", week_ago, "--comment", "forgot", user="ali")
    assert (code, err) == (0, "")
    # the value it was given on its day; the goal still stands at today's (the latest)
    assert out == f"C-2: G-1 at $120,000 on {week_ago}; 30% of the way from baseline to target " \
                  "(needs a start and a deadline to judge the pace)\n"
    assert run("goal", "checkin", "G-1", "110k", "--date", "-2w", user="ali")[0] == 0
    goal = _shown(run)
    assert [(c["id"], c["value"], c["at"][:10]) for c in goal["checkins"]] == [
        ("C-3", 110_000, str(two_weeks_ago)), ("C-2", 120_000, str(week_ago)), ("C-1", 130_000, str(today))]
    assert (goal["current"], goal["progress"]) == (130_000, 0.3)
    assert f"    C-2  {week_ago} 12:00  ali  $120,000  on track  forgot\n" in run("goal", "show", "G-1")[1]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("goal", "checkin", "G-1", "125k", "--date", "yesterday")[1]
    assert out.startswith(f"C-4：G-1 在 {today - timedelta(days=1)} 为 $125,000；")


def test_a_check_in_dated_in_the_future_or_not_a_date_is_refused(run, monkeypatch) -> None:
    run("goal", "add", "Grow revenue", "--metric", "revenue", "--baseline", "100", "--target", "200")
    tomorrow = date.today() + timedelta(days=1)
    code, out, err = run("goal", "checkin", "G-1", "150", "--date", "tomorrow")
    assert (code, out) == (2, "")
    assert err == f"uplift: date: a check-in says where the metric stood; {tomorrow} is still to come\n"
    code, _, err = run("goal", "checkin", "G-1", "150", "--date", "lastweek")
    assert code == 2 and err.startswith("uplift: date: 'lastweek' is not a date")
    assert _shown(run)["checkins"] == []
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("goal", "checkin", "G-1", "150", "--date", "tomorrow")[2] == \
        f"uplift: date: 进展记录记的是指标已达到的值；{tomorrow} 尚未到来\n"
