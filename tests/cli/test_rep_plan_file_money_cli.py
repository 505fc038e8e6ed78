"""A rep's plan file may do with money what the rep's commands may (README "Who may do what"):
add spending on a line they asked for (`budget spend`), and ask for budget in their own name
(`budget request`); not spend on someone else's line, in someone else's name, nor decide a line."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from store.board import Board

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


@pytest.fixture
def lines(team):
    """B-1 ali's, B-2 bea's, both approved."""
    Board(team, actor="ali").request_budget("Booth", 1000, task="T-1")
    Board(team, actor="bea").request_budget("Trip", 500, task="T-2")
    lead = Board(team, actor="dana")
    lead.approve_budget("B-1", "ok")
    lead.approve_budget("B-2", "ok")
    return team


def import_with(run, tmp_path, text: str, user: str = "ali"):
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan), user=user)[0] == 0
    plan.write_text(plan.read_text() + text)
    return run("plan", "import", str(plan), user=user)


def spending(run) -> list:
    return [(e["line"], e["amount"], e["by"]) for e in json.loads(run("budget", "show", "B-1", "--json")[1])["spending"]]


def test_a_rep_adds_spending_on_their_own_line_in_a_file(lines, run, tmp_path) -> None:
    entry = f"spending:\n- {{line: B-1, amount: 120, 'on': {YESTERDAY}, by: ali, at: '{YESTERDAY}T10:00:00Z'}}\n"
    code, out, err = import_with(run, tmp_path, entry)
    assert code == 0, err
    assert spending(run) == [("B-1", 120, "ali")]


@pytest.mark.parametrize(("entry", "said"), [
    ("{line: B-2, amount: 120, 'on': DAY, by: ali, at: 'DAYT10:00:00Z'}",
     "spending[0]: a rep may record spending only on budget lines they asked for; this one is bea's"),
    ("{line: B-1, amount: 120, 'on': DAY, by: bea, at: 'DAYT10:00:00Z'}",
     "spending[0].by: a new spend is ali's own, not bea's")])
def test_a_rep_may_not_spend_on_anothers_line_or_in_anothers_name(lines, run, tmp_path, entry, said) -> None:
    code, _, err = import_with(run, tmp_path, "spending:\n- " + entry.replace("DAY", YESTERDAY) + "\n")
    assert code == 1 and said in err and "nothing was written" in err
    assert spending(run) == []


def test_a_rep_asks_for_budget_in_a_file_as_by_command(team, run, tmp_path) -> None:
    ask = "schema: 1\nbudget_lines:\n- {title: Demo kit, requested: 300, task: T-1, requested_by: ali, status: requested}\n"
    plan = tmp_path / "ask.yaml"
    for text, said in ((ask.replace("requested_by: ali", "requested_by: bea"), "a new budget request is ali's own, not bea's"),
                       (ask.replace("status: requested", "status: approved, approved: 300"),
                        "only a lead may approve budget lines")):
        plan.write_text(text)
        code, _, err = run("plan", "import", str(plan), user="ali")
        assert code == 1 and said in err
    plan.write_text(ask)
    code, _, err = run("plan", "import", str(plan), user="ali")
    assert code == 0, err
    line = json.loads(run("budget", "show", "B-1", "--json")[1])["budget"]
    assert (line["requested_by"], line["status"]) == ("ali", "requested")
