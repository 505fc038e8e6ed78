"""Recording spending as a lead accounts for a quarter: money already gone, and nothing else."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from store.board import Board

NEXT_MONTH = (date.today() + timedelta(days=40)).isoformat()


@pytest.fixture
def line(team):
    """B-1 approved for 1,000 on T-1."""
    board = Board(team, actor="dana")
    board.approve_budget(board.request_budget("Booth", 1000, task="T-1").id, "ok")
    return team


def spent(run) -> float:
    return json.loads(run("budget", "list", "--json")[1])["totals"]["spent"]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"uplift: on: a spend records money already spent; {NEXT_MONTH} is still to come\n"),
    ("zh", f"uplift: on: 支出记录的是已经花出的钱；{NEXT_MONTH} 尚未到来\n")])
def test_a_spend_dated_in_the_days_to_come_is_refused_and_not_counted(line, run, monkeypatch, lang, said) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run("budget", "spend", "B-1", "300", "--on", NEXT_MONTH) == (2, "", said)
    assert spent(run) == 0
    assert run("budget", "spend", "B-1", "300", "--on", "yesterday")[:2] == (0, "E-1\n")
    assert spent(run) == 300


def test_a_plan_file_adding_a_spend_dated_in_the_days_to_come_is_refused(line, run, tmp_path) -> None:
    assert run("budget", "spend", "B-1", "300", "--on", "yesterday")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", plan)[0] == 0
    text = plan.read_text()
    spend = text.index("spending:\n")
    kept = text[spend:].split("\n")
    day_row = next(i for i, row in enumerate(kept) if row.startswith("  'on': "))
    kept[day_row] = f"  'on': {NEXT_MONTH}"
    plan.write_text(text[:spend] + "\n".join(kept))
    row = text[:spend].count("\n") + day_row + 1
    code, out, err = run("plan", "import", plan)
    assert code == 2
    assert err.splitlines()[0] == (f"{plan}:{row}: spending[0].on: a spend records money already spent; "
                                   f"{NEXT_MONTH} is still to come")
    assert spent(run) == 300 and json.loads(run("budget", "list", "--json")[1])["lines"][0]["spent"] == 300
