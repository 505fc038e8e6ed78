"""A rep's plan file stamps what the rep's commands stamp now: a spend's `at` (when it was
recorded, as `budget spend` writes it) and a task's `done_at` (when it was done: the burn-up
counts it done from then, so a backdated one moved the burn-up's past). A lead may date them, as
a lead may date a comment; no one may mark a task done in the days to come."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from store.board import Board
from tests.conftest import snapshot_files

TODAY = date.today()
WEEKS_AGO = TODAY - timedelta(days=30)


@pytest.fixture
def line(team):
    """B-1, ali's, approved."""
    Board(team, actor="ali").request_budget("Booth", 1000, task="T-1")
    Board(team, actor="dana").approve_budget("B-1", "ok")
    return team


def _import(run, tmp_path, text: str, user: str):
    plan = tmp_path / f"{user}.yaml"
    assert run("plan", "export", "-o", str(plan), user=user)[0] == 0
    plan.write_text(plan.read_text() + text)
    return plan, run("plan", "import", str(plan), user=user)


def _spend(day: date, by: str) -> str:
    return f"spending:\n- line: B-1\n  amount: 120\n  'on': {WEEKS_AGO}\n  by: {by}\n  at: '{day}T10:00:00Z'\n"


def test_a_rep_may_not_backdate_when_a_spend_was_recorded(line, run, tmp_path) -> None:
    before = snapshot_files(line)
    plan, (code, out, err) = _import(run, tmp_path, _spend(WEEKS_AGO, "ali"), "ali")
    assert (code, out) == (1, "")
    at = plan.read_text().splitlines().index(f"  at: '{WEEKS_AGO}T10:00:00Z'") + 1
    assert err.splitlines() == [
        f"{plan}:{at}: spending[0].at: a spend is stamped when it is recorded ({TODAY}); only a lead may date "
        f"it {WEEKS_AGO}", "uplift: 1 problem; nothing was written"]
    assert snapshot_files(line) == before


def test_a_rep_spends_now_and_a_lead_may_date_a_spend(line, run, tmp_path) -> None:
    _, (code, _, err) = _import(run, tmp_path, _spend(TODAY, "ali"), "ali")
    assert code == 0, err
    plan = tmp_path / "lead.yaml"
    plan.write_text(_spend(WEEKS_AGO, "dana"))
    code, _, err = run("plan", "import", str(plan))
    assert code == 0, err
    spent = json.loads(run("budget", "show", "B-1", "--json")[1])["spending"]
    assert sorted((e["by"], e["at"][:10]) for e in spent) == [("ali", str(TODAY)), ("dana", str(WEEKS_AGO))]


def _done(text: str, day: date) -> str:
    task = "  title: Call Acme\n  owner: ali\n  status: todo\n"
    assert task in text
    return text.replace(task, f"  title: Call Acme\n  owner: ali\n  status: done\n  done_at: '{day}T09:00:00Z'\n")


def test_a_rep_may_not_backdate_a_task_done(team, run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan), user="ali")[0] == 0
    plan.write_text(_done(plan.read_text(), WEEKS_AGO))
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert (code, out) == (1, "")
    at = plan.read_text().splitlines().index(f"  done_at: '{WEEKS_AGO}T09:00:00Z'") + 1
    assert err.splitlines() == [
        f"{plan}:{at}: tasks[0].done_at: a task is done when it is marked done ({TODAY}); only a lead may "
        f"date it {WEEKS_AGO}", "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before


def test_a_lead_may_date_a_task_done_but_not_in_the_days_to_come(team, run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    text = plan.read_text()
    later = TODAY + timedelta(days=10)
    plan.write_text(_done(text, later))
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert f"tasks[0].done_at: a task is done once it is; {later} is still to come" in err
    plan.write_text(_done(text, WEEKS_AGO))
    code, _, err = run("plan", "import", str(plan))
    assert code == 0, err
    assert json.loads(run("task", "show", "T-1", "--json")[1])["task"]["done_at"][:10] == str(WEEKS_AGO)


def test_a_rep_marks_their_task_done_now(team, run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan), user="ali")[0] == 0
    plan.write_text(_done(plan.read_text(), TODAY))
    code, _, err = run("plan", "import", str(plan), user="ali")
    assert code == 0, err
