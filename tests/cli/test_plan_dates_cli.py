"""What a plan file, a task sheet and a taskwarrior list may date: no record of what happened in
the days to come, whoever imports it, as no command dates one so (a lead may correct a record's
past, not write its future); a check-in's rate from 0 to 100%, as `goal checkin` takes one; a
rep's done tasks done when imported, as `task done` records them."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import snapshot_files, write_sheet

TODAY = date.today()  # (the board's clock is the machine's: the dates are relative to it)
LATER = TODAY + timedelta(days=400)
PAST = TODAY - timedelta(days=20)

#: one record of each kind a plan file carries, dated in the days to come: (the file's text, the
#: line and path the refusal names, what it says)
FUTURE_RECORDS = [
    (f"deals:\n- id: D-1\n  title: Acme\n  owner: ali\n  stage: Won\n  history:\n  - stage: Won\n"
     f"    at: '{LATER}T10:00:00Z'\n",
     "8: deals[0].history[0].at", f"a deal enters a stage when it is moved there; {LATER} is still to come"),
    (f"tasks:\n- id: T-1\n  title: Call Acme\n  owner: ali\n  due: 2026-12-01\n  comments:\n"
     f"  - at: '{LATER}T09:00:00Z'\n    by: dana\n    text: done and dusted\n",
     "7: tasks[0].comments[0].at", f"a comment is dated when it is made; {LATER} is still to come"),
    (f"goals:\n- id: G-1\n  title: Win more\n  closed:\n    outcome: achieved\n    'on': {LATER}\n    by: dana\n",
     "6: goals[0].closed.on", f"a goal is closed on the day it is closed; {LATER} is still to come"),
    (f"budget_lines:\n- id: B-1\n  title: Booth\n  task: T-1\n  requested: 100\n  requested_by: dana\n"
     f"  requested_on: {LATER}\n",
     "7: budget_lines[0].requested_on",
     f"a budget line is requested on the day it is asked for; {LATER} is still to come"),
    (f"budget_lines:\n- {{id: B-1, title: Booth, task: T-1, requested: 100, requested_by: dana}}\n"
     f"spending:\n- id: E-1\n  line: B-1\n  amount: 10\n  'on': {PAST}\n  by: dana\n  at: '{LATER}T09:00:00Z'\n",
     "9: spending[0].at", f"a spend is stamped when it is recorded; {LATER} is still to come"),
    (f"review_answers:\n- id: R-1\n  question: What held us back?\n  answer: Pricing\n  by: dana\n"
     f"  at: '{LATER}T09:00:00Z'\n",
     "6: review_answers[0].at", f"an answer is dated when it is given; {LATER} is still to come"),
    (f"approvals:\n- id: P-1\n  rep: ali\n  total: 100\n  by: dana\n  at: '{PAST}T09:00:00Z'\n"
     f"  paid_at: '{LATER}T09:00:00Z'\n  paid_by: dana\n",
     "7: approvals[0].paid_at", f"a payout is marked paid when payroll paid it; {LATER} is still to come"),
    (f"approvals:\n- id: P-1\n  rep: ali\n  total: 100\n  by: dana\n  at: '{LATER}T09:00:00Z'\n",
     "6: approvals[0].at", f"a payout statement is approved when it is approved; {LATER} is still to come"),
]


@pytest.mark.parametrize(("text", "where", "said"), FUTURE_RECORDS)
def test_a_leads_plan_file_dates_no_record_in_the_days_to_come(run, team, tmp_path, text, where, said) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(path))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == f"{path}:{where}: {said}"
    assert snapshot_files(team) == before
    # the same record dated in the past is a lead's correction: it imports
    path.write_text(text.replace(LATER.isoformat(), PAST.isoformat()), encoding="utf-8")
    code, _, err = run("plan", "import", str(path))
    assert (code, err) == (0, "")


def test_the_boards_own_file_with_a_win_dated_now_reads_back(run, team, tmp_path) -> None:
    assert run("deal", "add", "Acme", "--owner", "ali", "--stage", "won", "--value", "100")[0] == 0
    assert run("task", "comment", "T-1", "called", user="ali")[0] == 0
    path = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(path))[0] == 0
    code, out, err = run("plan", "import", str(path), user="ali")
    assert (code, err) == (0, ""), err


def test_a_deal_paid_on_a_day_to_come_is_recorded_as_deal_paid_records_it(run, team, tmp_path) -> None:
    """A payment dated after today is one the customer is due to make: `deal paid --on` records it
    (counted from its day), so a plan file may carry it."""
    path = tmp_path / "plan.yaml"
    path.write_text(f"deals:\n- id: D-1\n  title: Acme\n  owner: ali\n  stage: Won\n  value: 1000\n"
                    f"  payments:\n  - {{amount: 400, 'on': {LATER}}}\n", encoding="utf-8")
    code, _, err = run("plan", "import", str(path))
    assert (code, err) == (0, "")


RATE_GOAL = "goals:\n- {id: G-1, title: Win more, owner: ali, metric: win_rate, unit: '%', baseline: 30, target: 40}\n"


@pytest.mark.parametrize("value", ["330", "-5"])
def test_a_plan_files_check_in_on_a_rate_is_from_0_to_100_as_goal_checkin_takes_it(run, team, tmp_path,
                                                                                     value) -> None:
    path = tmp_path / "goal.yaml"
    path.write_text(RATE_GOAL, encoding="utf-8")
    assert run("plan", "import", str(path))[0] == 0
    said = f"G-1 measures win rate, a rate from 0 to 100%: {float(value):g} is not one"
    assert run("goal", "checkin", "G-1", value, user="ali")[2] == f"uplift: value: {said}\n"
    path.write_text(f"checkins:\n- id: C-1\n  goal: G-1\n  value: {value}\n  at: '{TODAY}T09:00:00Z'\n  by: ali\n",
                    encoding="utf-8")
    before = snapshot_files(team)
    for user in ("ali", "dana"):
        code, out, err = run("plan", "import", str(path), user=user)
        assert (code, out, err.splitlines()[0]) == (2, "", f"{path}:4: checkins[0].value: {said}")
    assert snapshot_files(team) == before
    path.write_text(path.read_text().replace(f"value: {value}", "value: 35"), encoding="utf-8")
    assert run("plan", "import", str(path), user="ali")[:3:2] == (0, "")


def test_a_rate_check_in_already_on_the_board_reads_back(run, team, tmp_path) -> None:
    """A check-in the file keeps as the board has it is not checked again (a goal's metric
    changed to a rate since does not refuse its old check-ins)."""
    path = tmp_path / "goal.yaml"
    path.write_text("goals:\n- {id: G-1, title: Win more, metric: wins}\n", encoding="utf-8")
    assert run("plan", "import", str(path))[0] == 0
    assert run("goal", "checkin", "G-1", "120")[0] == 0
    assert run("plan", "export", "-o", str(path))[0] == 0
    path.write_text(path.read_text().replace("metric: wins", "metric: win_rate"), encoding="utf-8")
    code, _, err = run("plan", "import", str(path))
    assert (code, err) == (0, "")


def _sheet(path, done: date, status: str = "Completed") -> None:
    write_sheet(path, [{"Name": "Tidy the CRM", "Assignee": "ali", "Status": status, "Completed At": done.isoformat()}])


def test_a_reps_sheet_dates_their_done_tasks_today_a_lead_dates_them(run, team, tmp_path) -> None:
    """A sheet's done date (Asana's Completed At) is held to `task done`'s rule, as a taskwarrior
    list's `end` is: a rep's is today (a day's slack; backdated it moves the burn-up's past, exit 1),
    no one's is to come (exit 2); a lead dates them."""
    path = tmp_path / "tasks.csv"
    before = snapshot_files(team)
    _sheet(path, PAST)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err == (f"uplift: row 2: done_at: a task is done when it is marked done ({TODAY}); "
                   f"only a lead may date it {PAST}\n")
    _sheet(path, LATER)
    for user in ("ali", "dana"):
        code, out, err = run("task", "import", str(path), user=user)
        assert (code, out) == (2, "")
        assert err == (f"uplift: {path}: 1 problem, nothing imported:\n"
                       f"  row 2: done_at: a task is done once it is; {LATER} is still to come\n")
    _sheet(path, PAST, status="Doing")
    code, _, err = run("task", "import", str(path))
    assert code == 2 and "row 2: done_at: a done date is for a done task; the row's status is Doing" in err
    assert snapshot_files(team) == before
    _sheet(path, TODAY)
    assert run("task", "import", str(path), user="ali")[:3:2] == (0, "")
    assert run("undo", user="ali")[0] == 0
    _sheet(path, PAST, status="")  # (a done date says it is done)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and "Completed At → done_at" in out
    made = out.split("(")[1].split(")")[0]  # "imported 1 task (T-4): Done 1"
    task = json.loads(run("task", "show", made, "--json")[1])["task"]
    assert (task["status"], task["owner"], task["done_at"][:10]) == ("done", "ali", PAST.isoformat())


def test_a_leads_taskwarrior_list_dates_no_task_done_in_the_days_to_come(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"id": 0, "description": "Tidy the CRM", "status": "completed",
                                 "end": LATER.strftime("%Y%m%dT120000Z"),
                                 "uuid": "77777777-7777-7777-7777-777777777777"}]), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert f"task 1 ('Tidy the CRM'): a task is done once it is; {LATER} is still to come" in err
    assert snapshot_files(team) == before


def test_a_reps_file_dates_a_move_now_and_a_lead_corrects_its_past(run, team, tmp_path) -> None:
    """A rep's move is dated when it is made (a day's slack, exit 1 otherwise), as `deal move`
    stamps it; the lead may date the deal's past."""
    path = tmp_path / "plan.yaml"
    opened = f"deals:\n- id: D-1\n  title: Acme\n  owner: ali\n  stage: Lead\n  history:\n  - stage: Lead\n" \
             f"    at: '{TODAY - timedelta(days=30)}T10:00:00Z'\n"
    path.write_text(opened, encoding="utf-8")
    assert run("plan", "import", str(path))[:3:2] == (0, "")  # the lead's
    won = opened.replace("stage: Lead\n  history", "stage: Won\n  history") + "  - stage: Won\n" \
        f"    at: '{PAST}T10:00:00Z'\n"
    path.write_text(won, encoding="utf-8")
    code, out, err = run("plan", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (f"{path}:10: deals[0].history[1].at: a move is dated when it is made ({TODAY}); "
                                   f"only a lead may date one {PAST}")
    path.write_text(won.replace(PAST.isoformat(), TODAY.isoformat()), encoding="utf-8")
    assert run("plan", "import", str(path), user="ali")[:3:2] == (0, "")
