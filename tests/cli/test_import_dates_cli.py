"""What a deals file and a taskwarrior list may date, as the commands date it: a won or lost row's
day (its close date, an export's closed day) is the day the deal closed, so not one to come,
whoever imports it (exit 2, at its row); a rep's is today, as `deal move` dates a win when it is
made (a day's slack; backdated it would move a past cycle's pay: exit 1), a lead dates its past.
A taskwarrior annotation becomes a comment: not dated in the days to come (exit 2), as a plan
file's comment is not. A deals file's opened date is when the deal came in: a rep's is today (exit 1
otherwise, at its row), as `deal add` dates it, a lead's may be past, no one's to come."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.conftest import fix_now, snapshot_files

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)  # (the members keep the machine's zone: UTC in CI)
TODAY, YESTERDAY, PAST, LATER = "2026-12-04", "2026-12-03", "2026-06-01", "2031-01-01"
TO_COME = ("a won or lost deal is dated by the day it closed, and {day} is still to come "
           "(leave it empty and the deal closes today)")


@pytest.fixture(autouse=True)
def _now(monkeypatch) -> None:
    fix_now(monkeypatch, NOW)


def _deals(tmp_path, rows: str, header: str = "title,owner,stage,value,close"):
    path = tmp_path / "deals.csv"
    path.write_text(f"{header}\n{rows}", encoding="utf-8")
    return path


def _history(run, deal: str) -> list[tuple[str, str]]:
    shown = json.loads(run("deal", "show", deal, "--json")[1])
    return [(entry["stage"], entry["at"][:10]) for entry in shown["deal"]["history"]]


@pytest.mark.parametrize("user", ["dana", "ali"])
@pytest.mark.parametrize(("header", "rows", "field"), [
    ("title,owner,stage,value,close", f"Open,ali,Proposal,50,{PAST}\nAcme,ali,Won,100,{LATER}", "close"),
    ("title,owner,stage,value,close", f"Open,ali,Proposal,50,{PAST}\nAcme,ali,Lost,100,{LATER}", "close"),
    ("title,owner,stage,value,close,closed", f"Open,ali,Proposal,50,{PAST},\nAcme,ali,Won,100,{PAST},{LATER}",
     "closed"),  # (a board's own list: the day it closed)
    ("Title,Owner,Stage,Status,Value,Lost time", f"Open,ali,Proposal,Open,50,\nAcme,ali,Proposal,Lost,100,{LATER}",
     "lost_time"),  # (Pipedrive's)
])
def test_a_deal_closed_in_the_days_to_come_is_refused_at_its_row(run, team, tmp_path, user, header, rows,
                                                                  field) -> None:
    path = _deals(tmp_path, f"{rows}\n", header=header)
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path), user=user)
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 1 problem, nothing imported:\n"
                   f"  row 3: {field}: {TO_COME.format(day=LATER)}\n")
    assert snapshot_files(team) == before


def test_an_open_deal_may_close_in_the_days_to_come_but_not_have_opened_then(run, team, tmp_path) -> None:
    """An open deal's close date is when it is expected to close: a plan, not a record."""
    path = _deals(tmp_path, f"Acme,ali,Proposal,100,{LATER},{PAST}\nBeta,ali,Lead,50,,{LATER}\n",
                  header="title,owner,stage,value,close,opened")
    code, out, err = run("deal", "import", str(path), user="ali")
    assert (code, out) == (2, "")
    assert err.splitlines()[1] == f"  row 3: opened: a deal is opened once it comes in; {LATER} is still to come"
    path.write_text(path.read_text().replace(f"Lead,50,,{LATER}", "Lead,50,,"), encoding="utf-8")
    code, out, err = run("deal", "import", str(path))  # (the lead's: a rep's may not date it in the past)
    assert (code, err) == (0, "")
    assert _history(run, "D-1") == [("Proposal", PAST)]


@pytest.mark.parametrize(("rows", "header"), [
    (f"Acme,ali,Proposal,100,{LATER},{PAST}\n", "title,owner,stage,value,close,opened"),
    (f"Acme,ali,Won,100,{TODAY},{PAST}\n", "title,owner,stage,value,close,opened"),  # (won today, opened in June)
])
def test_a_reps_file_opens_their_deal_today_and_a_lead_dates_its_past(run, team, tmp_path, rows, header) -> None:
    """A deal opened on a day the file gives enters its first stage then: a rep's is opened when it
    is added (a day either way), as `deal add` dates it; a backdated one would write the pipeline's
    past. Refused at its row and field, nothing written; the lead's file dates it."""
    path = _deals(tmp_path, rows, header=header)
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err == (f"uplift: row 2: opened: a deal is opened when it is added ({TODAY}); only a lead may date it "
                   f"{PAST} (leave opened empty and it opens today)\n")
    assert run("deal", "import", str(path), "--dry-run", user="ali")[0] == 1  # (a dry run says it too)
    assert snapshot_files(team) == before
    assert run("deal", "import", str(path))[:3:2] == (0, "")  # the lead's
    assert _history(run, "D-1")[0] == ("Lead" if "Won" in rows else "Proposal", PAST)  # (a won one: in the first stage)


@pytest.mark.parametrize("day", [TODAY, YESTERDAY, ""])
def test_a_reps_deal_opened_today_a_day_either_way_or_undated_imports(run, team, tmp_path, day) -> None:
    path = _deals(tmp_path, f"Acme,ali,Proposal,100,{LATER},{day}\n", header="title,owner,stage,value,close,opened")
    code, _, err = run("deal", "import", str(path), user="ali")
    assert (code, err) == (0, "")
    assert _history(run, "D-1") == [("Proposal", day or TODAY)]


@pytest.mark.parametrize("stage", ["Won", "Lost"])
def test_a_reps_file_closes_their_deal_today_and_a_lead_dates_its_past(run, team, tmp_path, stage) -> None:
    path = _deals(tmp_path, f"Acme,ali,{stage},100,{PAST}\n")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err == (f"uplift: row 2: close: a deal is won or lost when it is moved there ({TODAY}); only a lead may "
                   f"date it {PAST} (leave close empty and it closes today)\n")
    code, _, err = run("deal", "import", str(path), "--dry-run", user="ali")  # (a dry run says it too)
    assert code == 1 and err.startswith("uplift: row 2: close:")
    assert snapshot_files(team) == before
    assert run("deal", "import", str(path))[:3:2] == (0, "")  # the lead's
    assert _history(run, "D-1") == [(stage, PAST)]


@pytest.mark.parametrize("day", [TODAY, YESTERDAY, ""])
def test_a_reps_deal_closed_today_a_day_either_way_or_undated_imports(run, team, tmp_path, day) -> None:
    path = _deals(tmp_path, f"Acme,ali,Won,100,{day}\n")
    code, _, err = run("deal", "import", str(path), user="ali")
    assert (code, err) == (0, "")
    assert _history(run, "D-1") == [("Won", day or TODAY)]


def test_a_reps_crm_export_again_wins_a_deal_today_not_in_a_past_cycle(run, team, tmp_path) -> None:
    """The same CRM's export imported again moves a deal the board has (by its source): a rep's
    win is dated today as the first import's would be."""
    header = "opportunity_id,title,owner,stage,value,close,opened"
    path = _deals(tmp_path, f"OPP-1,Acme,ali,Proposal,100,{LATER},2026-05-01\n", header=header)
    assert run("deal", "import", str(path))[:3:2] == (0, "")  # (the lead's: in Proposal since May)
    path.write_text(f"{header}\nOPP-1,Acme,ali,Won,100,{PAST},\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err.startswith(f"uplift: row 2: close: a deal is won or lost when it is moved there ({TODAY}); "
                          f"only a lead may date it {PAST}")
    path.write_text(f"{header}\nOPP-1,Acme,ali,Won,100,{LATER},\n", encoding="utf-8")
    code, out, err = run("deal", "import", str(path), user="ali")
    assert (code, out, err.splitlines()[1:]) == (2, "", [f"  row 2: close: {TO_COME.format(day=LATER)}"])
    assert snapshot_files(team) == before
    path.write_text(f"{header}\nOPP-1,Acme,ali,Won,100,{TODAY},\n", encoding="utf-8")
    assert run("deal", "import", str(path), user="ali")[:3:2] == (0, "")
    assert _history(run, "D-1")[-1] == ("Won", TODAY)


def test_the_refusal_is_said_in_the_readers_language(run, team, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path = _deals(tmp_path, f"Acme,ali,Won,100,{PAST}\n")
    code, _, err = run("deal", "import", str(path), user="ali")
    assert code == 1 and "只有主管可以把它写成 2026-06-01" in err and "only a lead" not in err
    path.write_text(f"title,owner,stage,value,close\nAcme,ali,Won,100,{LATER}\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(path))
    assert code == 2 and "2031-01-01 还没到" in err and "still to come" not in err


def _task_list(path, *notes: str) -> None:
    annotations = [{"entry": entry, "description": f"note {n}"} for n, entry in enumerate(notes)]
    path.write_text(json.dumps([{"id": 1, "description": "Tidy the CRM", "status": "pending",
                                 "uuid": "77777777-7777-7777-7777-777777777777", "annotations": annotations}]),
                    encoding="utf-8")


@pytest.mark.parametrize("user", ["dana", "ali"])
def test_a_taskwarrior_annotation_is_not_dated_in_the_days_to_come(run, team, tmp_path, user) -> None:
    path = tmp_path / "tasks.json"
    _task_list(path, "20261120T090000Z", "20310101T090000Z")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user=user)
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 1 problem, nothing imported:\n"
                   f"  task 1 ('Tidy the CRM'): annotations[1].entry: a comment is dated when it is made; "
                   f"{LATER} is still to come\n")
    assert snapshot_files(team) == before
    # (yesterday and tomorrow in UTC: a day's slack, as a file's; a rep's dated today, a day either way)
    _task_list(path, "20261203T090000Z", "20261205T090000Z")
    code, out, err = run("task", "import", str(path), user=user)
    assert (code, err) == (0, "")
    made = out.split("(")[1].split(")")[0]  # "imported 1 task (T-4): ..."
    comments = json.loads(run("task", "show", made, "--json")[1])["task"]["comments"]
    assert [(c["at"][:10], c["text"]) for c in comments] == [("2026-12-03", "note 0"), ("2026-12-05", "note 1")]


def test_the_same_list_again_adds_no_annotation_dated_to_come(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    _task_list(path, "20261204T090000Z")
    assert run("task", "import", str(path), user="ali")[:3:2] == (0, "")
    _task_list(path, "20261204T090000Z", "20310101T090000Z")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (2, "")
    assert "task 1 ('Tidy the CRM'): annotations[1].entry: a comment is dated when it is made; " \
           f"{LATER} is still to come" in err
    assert snapshot_files(team) == before
