"""`uplift task import`: a task list moved from taskwarrior (`task export`), all or nothing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.conftest import snapshot_files, write_sheet

EXPORT = [
    {"id": 1, "description": "Call Acme about the renewal", "due": "20261219T230000Z", "priority": "H",
     "project": "Sales.Q4", "status": "pending", "tags": ["call", "Key account"],
     "uuid": "11111111-1111-1111-1111-111111111111",
     "annotations": [{"entry": "20261202T101500Z", "description": "left a voicemail"}]},
    {"id": 2, "description": "Send the Acme quote", "start": "20261202T080000Z", "status": "pending",
     "depends": ["11111111-1111-1111-1111-111111111111", "99999999-9999-9999-9999-999999999999"],
     "uuid": "22222222-2222-2222-2222-222222222222", "priority": "L"},
    {"id": 0, "description": "Tidy the CRM", "status": "completed", "end": "20261130T120000Z",
     "uuid": "33333333-3333-3333-3333-333333333333"},
    {"id": 0, "description": "Old thing", "status": "deleted", "uuid": "44444444-4444-4444-4444-444444444444"},
    {"id": 0, "description": "Weekly pipeline call", "recur": "weekly", "due": "20261207T080000Z",
     "status": "recurring", "uuid": "55555555-5555-5555-5555-555555555555"},
]


#: when the tasks of a series due in 2030 were done (early: no list dates a task done in the days to come)
DONE_EARLY = "20261120T170000Z"


def _tasks(run) -> dict[str, dict]:
    return {t["title"]: t for t in json.loads(run("task", "list", "--json")[1])}


def test_a_taskwarrior_export_comes_in_as_it_was(run, team, tmp_path) -> None:
    assert run("member", "zone", "dana", "Europe/Berlin")[0] == 0  # 23:00 UTC on the 19th is the 20th in Berlin
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT), encoding="utf-8")
    code, out, err = run("task", "import", str(path), "--owner", "ali")
    assert (code, err) == (0, ""), err
    assert out == ("imported 3 tasks (T-3 … T-5): To do 1, Doing 1, Done 1\n"
                   "1 annotation became a comment\n"
                   "left out 2 deleted tasks and repeating tasks' templates (their occurrences are tasks of their own)\n"
                   "1 dependency on a task not in the file was left out\n")
    tasks = _tasks(run)
    call, quote, tidy = tasks["Call Acme about the renewal"], tasks["Send the Acme quote"], tasks["Tidy the CRM"]
    assert (call["id"], call["status"], call["priority"], call["due"], call["owner"], call["tags"]) == \
        ("T-3", "todo", "high", "2026-12-20", "ali", ["sales.q4", "call", "key-account"])
    assert [(c["by"], c["text"], c["at"][:16]) for c in call["comments"]] == \
        [("dana", "left a voicemail", "2026-12-02T11:15")]  # 10:15 UTC, on dana's clock in Berlin
    assert (quote["status"], quote["priority"], quote["depends"]) == ("doing", "low", ["T-3"])
    assert tidy["status"] == "done"
    assert "Old thing" not in tasks and "Weekly pipeline call" not in tasks


def test_a_taskwarrior_export_imported_twice_adds_nothing_twice(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    # an older taskwarrior writes one task a line, and `depends` as one comma-separated string
    path.write_text("\n".join(json.dumps(item) + "," for item in EXPORT[:2]).replace(
        '["11111111-1111-1111-1111-111111111111", "99999999-9999-9999-9999-999999999999"]',
        '"11111111-1111-1111-1111-111111111111"'), encoding="utf-8")
    code, out, err = run("task", "import", str(path), "--dry-run")
    assert (code, err) == (0, "") and out.startswith("would import 2 tasks: To do 1, Doing 1\n")
    assert run("task", "import", str(path))[0] == 0
    assert _tasks(run)["Send the Acme quote"]["depends"] == ["T-3"]
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out, err) == (0, "no new tasks\n2 tasks already as the file has them\n", "")
    assert snapshot_files(team) == before
    # a task of another list (another uuid) the same as one on the board is still refused
    other = [{**EXPORT[0], "uuid": "77777777-7777-7777-7777-777777777777"}]
    path.write_text(json.dumps(other), encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert "task 1 ('Call Acme about the renewal'): T-3 is on this board already (the same title, owner, status " \
           "and due date)" in err
    assert snapshot_files(team) == before


def test_a_bad_export_names_the_task_and_writes_nothing(run, team, tmp_path, monkeypatch) -> None:
    path = tmp_path / "tasks.json"
    before = snapshot_files(team)
    path.write_text('[{"description": "A", "status": "pending", "priority": "X"}, '
                    '{"description": "B", "status": "pending", "due": "tomorrow"}, {"status": "pending"}]',
                    encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 3 problems, nothing imported:\n"
                   "  task 1 ('A'): priority: 'X' is not a taskwarrior priority (H, M or L)\n"
                   "  task 2 ('B'): due: 'tomorrow' is not a time (taskwarrior writes 20261220T090000Z)\n"
                   "  task 3 (''): description: a task needs one\n")
    path.write_text("[]\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "") and err == f"uplift: {path}: no tasks in it (`task export` writes every task, " \
                                            "`task status:pending export` the open ones)\n"
    path.write_text("title,due\nA,2026-12-01\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "") and "not a taskwarrior export (`task export` writes JSON)" in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path.write_text('[{"description": "A", "status": "pending", "priority": "X"}]', encoding="utf-8")
    code, _, err = run("task", "import", str(path))
    assert code == 2 and "第 1 个任务（'A'）：priority：'X' 不是 taskwarrior 的优先级（H、M 或 L）" in err
    assert snapshot_files(team) == before


def test_an_export_nested_too_deeply_is_bad_input_not_a_bug(run, team, tmp_path) -> None:
    """`[[[[...` a hundred thousand deep (a rep's hostile stdin over SSH) ended in RecursionError,
    said as a bug in Uplift (exit 3)."""
    path = tmp_path / "tasks.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    before = snapshot_files(team)
    assert run("task", "import", str(path), user="ali") == (
        2, "", f"uplift: {path}: not a taskwarrior export: the file is nested too deeply\n")
    assert snapshot_files(team) == before


def test_a_rep_imports_their_own_tasks_only(run, team, tmp_path, monkeypatch) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT[2:3]), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), "--owner", "bea", user="ali")
    assert (code, out) == (1, "") and err
    assert snapshot_files(team) == before
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    done_now = {**EXPORT[2], "end": datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")}  # (done when imported)
    path.write_text(json.dumps([done_now]), encoding="utf-8")
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, err) == (0, "") and out == "已导入 1 个任务（T-3）：完成 1\n"
    assert _tasks(run)["Tidy the CRM"]["owner"] == "ali"


def test_one_undo_takes_a_task_import_back(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT), encoding="utf-8")
    before = sorted(_tasks(run))
    assert run("task", "import", str(path))[0] == 0
    assert len(_tasks(run)) == len(before) + 3
    assert run("undo")[0] == 0
    assert sorted(_tasks(run)) == before


def test_the_list_exported_again_updates_the_tasks_it_brought(run, team, tmp_path) -> None:
    """A team still keeping taskwarrior exports again: each task the board has from the first
    import (by its uuid) follows the file; new ones are added; a dry run writes nothing; one undo
    takes the whole import back."""
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT[:3]), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0  # T-3 call, T-4 quote, T-5 tidy
    again = json.loads(json.dumps(EXPORT[:3]))
    again[0].update(status="completed", end="20261203T160000Z", priority="M",
                    annotations=[*again[0]["annotations"], {"entry": "20261203T155900Z", "description": "signed"}])
    again[1].update(description="Send the Acme quote, v2", due="20261210T120000Z")
    again.append({"description": "Book the kick-off", "status": "pending", "uuid": "66666666-6666-6666-6666-666666666666",
                  "depends": ["22222222-2222-2222-2222-222222222222"]})
    path.write_text(json.dumps(again), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("would import 1 task: To do 1\nwould update 2 tasks:\n")
    assert snapshot_files(team) == before
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert out == ("imported 1 task (T-6): To do 1\n"
                   "updated 2 tasks:\n"
                   "  changed T-3: status todo → done, priority high → normal; 1 new comment\n"
                   "  changed T-4: title Send the Acme quote → Send the Acme quote, v2, due – → 2026-12-10\n"
                   "1 task already as the file has it\n"
                   "1 annotation became a comment\n"
                   "1 dependency on a task not in the file was left out\n")
    tasks = _tasks(run)
    call = tasks["Call Acme about the renewal"]
    assert (call["id"], call["status"], call["done_at"][:16]) == ("T-3", "done", "2026-12-03T16:00")
    assert "  done      2026-12-03 16:00  (as the list it came from says)\n" in run("task", "show", "T-3")[1]
    assert [c["text"] for c in call["comments"]] == ["left a voicemail", "signed"]
    assert tasks["Book the kick-off"]["depends"] == ["T-4"]
    assert len(tasks) == 6
    assert run("undo")[0] == 0
    tasks = _tasks(run)
    assert "Book the kick-off" not in tasks and "Send the Acme quote" in tasks
    assert tasks["Call Acme about the renewal"]["status"] == "todo"


def test_a_task_done_on_the_board_and_open_in_the_file_is_kept(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT[:1]), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0
    assert run("task", "done", "T-3")[0] == 0
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert out == ("no new tasks\n"
                   "kept T-3 'Call Acme about the renewal' as the board has it, Done, where the file (task 1) has it "
                   "To do: `uplift task move T-3 todo` follows the file\n")
    assert _tasks(run)["Call Acme about the renewal"]["status"] == "done"


def test_a_reps_import_again_changes_only_their_own_tasks(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.json"
    unannotated = {k: v for k, v in EXPORT[0].items() if k != "annotations"}  # (a rep's are dated today: below)
    path.write_text(json.dumps([unannotated]), encoding="utf-8")
    assert run("task", "import", str(path), user="ali")[0] == 0
    assert run("task", "edit", "T-3", "--owner", "bea")[0] == 0  # the lead hands it on
    path.write_text(json.dumps([{**unannotated, "priority": "L"}]), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err.startswith("uplift: task 1: T-3: ") and "bea" in err
    assert snapshot_files(team) == before


def test_tasks_imported_before_they_kept_their_uuid_are_found(run, team, tmp_path) -> None:
    """A board that imported the list before tasks remembered their uuid: the file's tasks the
    same as the board's (title, owner, status, due) are those, and are known from then on."""
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{k: v for k, v in EXPORT[0].items() if k != "uuid"}]), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0
    path.write_text(json.dumps(EXPORT[:1]), encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out, err) == (0, "no new tasks\n1 task already as the file has it\n", "")
    path.write_text(json.dumps([{**EXPORT[0], "description": "Call Acme about the renewal today"}]),
                    encoding="utf-8")
    code, out, _ = run("task", "import", str(path))
    assert code == 0 and "updated 1 task:\n  changed T-3: title Call Acme" in out
    assert len(_tasks(run)) == 3


def test_a_repeating_tasks_open_occurrence_due_last_repeats_on_the_board(run, team, tmp_path) -> None:
    """Taskwarrior keeps a template and its occurrences (two open at once when one is overdue);
    the board keeps one open occurrence that, done, makes the next: the one due last repeats."""
    series = {"recur": "weekly", "parent": "t1", "entry": "20301101T100000Z"}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([
        {"uuid": "t1", "description": "Weekly report", "status": "recurring", "recur": "weekly",
         "due": "20301130T090000Z"},
        {"uuid": "o0", "description": "Weekly report", "status": "completed", "due": "20301123T090000Z",
         "end": DONE_EARLY, **series},
        {"uuid": "o2", "description": "Weekly report", "status": "pending", "due": "20301207T090000Z", **series},
        {"uuid": "o1", "description": "Weekly report", "status": "pending", "due": "20301130T090000Z", **series},
        {"uuid": "m1", "description": "Month close", "status": "pending", "recur": "P1M", "parent": "t8",
         "due": "20301231T090000Z"},
        {"uuid": "y1", "description": "Renew the domain", "status": "pending", "recur": "yearly", "parent": "t9",
         "due": "20310101T090000Z"}]), encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    assert ("2 tasks repeat as they did in taskwarrior (done, each makes its next occurrence)\n"
            "the board repeats daily, weekly, fortnightly, monthly or quarterly: tasks that recur yearly come once\n"
            ) in out
    tasks = json.loads(run("task", "list", "--json")[1])
    assert sorted((t["title"], t["status"], t["due"], t.get("every")) for t in tasks if t["id"] not in ("T-1", "T-2")) == [
        ("Month close", "todo", "2030-12-31", "monthly"),
        ("Renew the domain", "todo", "2031-01-01", None),
        ("Weekly report", "done", "2030-11-23", None),
        ("Weekly report", "todo", "2030-11-30", None),
        ("Weekly report", "todo", "2030-12-07", "weekly")]
    weekly = next(t for t in tasks if t.get("every") == "weekly")
    code, out, err = run("task", "done", weekly["id"])
    assert code == 0, err
    assert ("Weekly report", "2030-12-14") in {(t["title"], t["due"]) for t in json.loads(run("task", "list", "--json")[1])}


def test_a_spreadsheet_of_tasks_imports_a_row_each(run, team, tmp_path) -> None:
    """A task list kept in a sheet (or another board's CSV): its columns read by their names,
    its owners the members however spelled, its statuses as other boards name their columns."""
    path = tmp_path / "tasks.csv"
    path.write_text("Task,Assignee,Status,Priority,Due date,Labels\n"
                    'Call Acme back,Ali,In progress,High,20/12/2026,"call, q4"\n'
                    "Send the quote,BEA,Ready,,2026-12-21,\n"
                    "Tidy the CRM,,Done,low,,\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    assert out == ("imported 3 tasks (T-3 … T-5): Doing 1, To do 1, Done 1\n"
                   "columns: Task → title, Assignee → owner, Status → status, Priority → priority, Due date → due, "
                   "Labels → tags\n")
    tasks = _tasks(run)
    assert {t: (d["id"], d["owner"], d["status"], d["priority"], d["due"], d["tags"]) for t, d in tasks.items()
            if d["id"] not in ("T-1", "T-2")} == {
        "Call Acme back": ("T-3", "ali", "doing", "high", "2026-12-20", ["call", "q4"]),
        "Send the quote": ("T-4", "bea", "todo", "normal", "2026-12-21", []),
        "Tidy the CRM": ("T-5", "dana", "done", "low", None, [])}
    code, out, _ = run("undo")
    assert code == 0 and sorted(_tasks(run)) == ["Call Acme", "Visit Betasoloin"]  # one change, one undo


def test_a_spreadsheets_bad_rows_are_named_and_nothing_is_written(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("Task,Owner,Status,Priority,Due\nA,zed,,,\nB,,Someday,,\nC,,,Z,\nD,,,,2026-13-45\n,,,,\n",
                    encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 5 problems, nothing imported:\n"
                   "  row 2: owner: 'zed' is not a member of this board\n"
                   "  row 3: status: 'Someday' is not a status (one of: todo, doing, blocked, done)\n"
                   "  row 4: priority: 'Z' is not a priority (one of: low, normal, high, urgent)\n"
                   "  row 5: due: '2026-13-45' is not a date: months run 01 to 12\n"
                   "  row 6: title: a task needs a title\n")
    path.write_text("Name of it,When\nA,2026-12-01\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (2, f"uplift: {path}: no column holds the task's title (columns: Name of it, When); "
                              "name that column title\n")
    assert run("task", "import", str(path).replace("tasks", "none"))[0] == 2
    assert snapshot_files(team) == before


def test_a_rep_imports_a_spreadsheet_of_their_own_tasks_only(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("Title,Owner\nMine,ali\nHers,bea\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "") and err == "uplift: row 3: a rep may only add tasks they own; this one would be bea's\n"
    assert snapshot_files(team) == before


def test_a_list_of_titles_alone_is_a_task_list(run, team, tmp_path) -> None:
    """A one-column CSV (no delimiter anywhere) is one column, not refused as no table; from
    standard input too. A file whose one column names no title says so."""
    path = tmp_path / "todo.csv"
    path.write_text('Title\nCall Acme back\n"Send the quote, then call"\n', encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    assert out == "imported 2 tasks (T-3 … T-4): To do 2\ncolumns: Title → title\n"
    assert {"Call Acme back", "Send the quote, then call"} <= set(_tasks(run))
    path.write_text("Dear team\nplease find it attached\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert "no column holds the task's title (columns: Dear team)" in err


def test_the_boards_own_task_list_edited_in_a_sheet_is_a_bulk_edit(run, team, tmp_path) -> None:
    """`task list --csv`, changed in a spreadsheet and imported back: each row whose id is a task
    of the board (the same title, or the same owner and due date) updates it (it was refused as
    a second copy of every task); as exported, nothing changes; a row whose title and due date
    both differ is refused, naming it; one undo takes the edit back."""
    import csv
    import io

    assert run("task", "add", "=Plan Q1", "--owner", "bea", "--due", "2026-12-15")[0] == 0  # T-3
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and out.startswith("no new tasks\n3 tasks already as the file has them\n")
    assert snapshot_files(team) == before
    rows = sorted(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))), key=lambda r: r["id"])
    assert [(r["id"], r["title"]) for r in rows] == [("T-1", "Call Acme"), ("T-2", "Visit Betasoloin"),
                                                     ("T-3", "'=Plan Q1")]  # (kept from running as a formula)
    rows[0].update(status="done", priority="high")
    rows[2].update(title="Plan Q1 with bea")  # the same owner and due date
    rows.append({**rows[1], "id": "", "title": "Visit Cobalt"})

    write_sheet(path, rows)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == ["imported 1 task (T-4): To do 1", "updated 2 tasks:",
                                    "  changed T-1: status todo → done, priority normal → high",
                                    "  changed T-3: title =Plan Q1 → Plan Q1 with bea"]
    tasks = _tasks(run)
    assert (tasks["Call Acme"]["status"], tasks["Call Acme"]["priority"]) == ("done", "high")
    assert tasks["Plan Q1 with bea"]["id"] == "T-3" and len(tasks) == 4
    assert run("undo")[0] == 0
    assert set(_tasks(run)) == {"Call Acme", "Visit Betasoloin", "=Plan Q1"}
    rows[2].update(title="Plan Q2", due="2027-03-15")
    write_sheet(path, rows[:3])
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert "row 4: id: T-3 is '=Plan Q1' on this board; the row's title and due date both differ" in err
    assert snapshot_files(team) == before


def test_a_repeating_task_marked_done_in_the_sheet_makes_its_next_occurrence(run, team, tmp_path) -> None:
    assert run("task", "add", "Weekly report", "--due", "2026-12-07", "--every", "week")[0] == 0  # T-3
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("T-3,Weekly report,todo,", "T-3,Weekly report,done,"), encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and "  moved T-3 from To do to Done" in out
    weekly = [t for t in json.loads(run("task", "list", "--json")[1]) if t["title"] == "Weekly report"]
    assert sorted((t["id"], t["status"], t.get("previous")) for t in weekly) == [("T-3", "done", None),
                                                                                ("T-4", "todo", "T-3")]


def test_a_task_deleted_on_the_board_does_not_come_back_with_the_list(run, team, tmp_path) -> None:
    from datetime import date

    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(EXPORT[:3]), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0  # T-3, T-4, T-5
    assert run("task", "delete", "T-5")[0] == 0  # Tidy the CRM
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == ["no new tasks", "2 tasks already as the file has them",
                                    "left out 1 task deleted on this board (--with-deleted imports it again):",
                                    f"  task 3: T-5 'Tidy the CRM', deleted by dana on {date.today()}"]
    assert snapshot_files(team) == before
    code, out, err = run("task", "import", str(path), "--with-deleted")
    assert (code, err) == (0, "") and out.startswith("imported 1 task (T-6): Done 1\n")


def _series(*occurrences: tuple[str, str, str]) -> list[dict]:
    """A weekly taskwarrior series: its template and occurrences (uuid, status, due day), those
    completed done at DONE_EARLY."""
    return [{"uuid": "tpl", "description": "Weekly report", "status": "recurring", "recur": "weekly",
             "due": "20301125T090000Z"},
            *({"uuid": uuid, "description": "Weekly report", "status": status, "due": f"{day}T090000Z",
               "recur": "weekly", "parent": "tpl", **({"end": DONE_EARLY} if status == "completed" else {})}
              for uuid, status, day in occurrences)]


def _weekly(run) -> list[tuple]:
    return sorted((t["id"], t["status"], t["due"], t.get("every")) for t in json.loads(run("task", "list", "--json")[1])
                  if t["title"] == "Weekly report")


def test_a_repeating_task_read_again_repeats_once(run, team, tmp_path) -> None:
    """The list read again, taskwarrior having made the next occurrence: the board's open
    occurrence already repeats, so the new one is left out (it came as a second repeating task,
    and each made its own next one); done on the board, its next is the file's next."""
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_series(("o1", "pending", "20301125"), ("o2", "pending", "20301202"))),
                    encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0
    assert _weekly(run) == [("T-3", "todo", "2030-11-25", None), ("T-4", "todo", "2030-12-02", "weekly")]
    path.write_text(json.dumps(_series(("o1", "completed", "20301125"), ("o2", "pending", "20301202"),
                                       ("o3", "pending", "20301209"))), encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert "left out 1 new occurrence of a task the board repeats itself (done, it makes the next)\n" in out
    assert _weekly(run) == [("T-3", "done", "2030-11-25", None), ("T-4", "todo", "2030-12-02", "weekly")]
    assert run("task", "done", "T-4")[0] == 0  # the board makes T-5, due 9 December 2030
    path.write_text(json.dumps(_series(("o1", "completed", "20301125"), ("o2", "completed", "20301202"),
                                       ("o3", "pending", "20301209"), ("o4", "pending", "20301216"))),
                    encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("no new tasks\n")
    assert _weekly(run) == [("T-3", "done", "2030-11-25", None), ("T-4", "done", "2030-12-02", "weekly"),
                            ("T-5", "todo", "2030-12-09", "weekly")]
    assert out.startswith("no new tasks\n3 tasks already as the file has them\n")  # o4: the board makes it
    assert "left out 1 new occurrence" in out


def test_the_series_repeats_on_where_taskwarrior_finished_the_boards_occurrence(run, team, tmp_path) -> None:
    """Done in taskwarrior (not on the board): the board's occurrence is done as the file says
    and the file's next open one repeats in its place."""
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_series(("o1", "pending", "20301125"))), encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0
    path.write_text(json.dumps(_series(("o1", "completed", "20301125"), ("o2", "pending", "20301202"))),
                    encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and out.startswith("imported 1 task (T-4): To do 1\n")
    assert _weekly(run) == [("T-3", "done", "2030-11-25", "weekly"), ("T-4", "todo", "2030-12-02", "weekly")]
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["done_at"] == "2026-11-20T17:00:00Z"


def _rows(path) -> list[dict]:
    import csv
    import io

    return sorted(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))), key=lambda row: row["id"])


@pytest.fixture
def linked(run, team):
    """The team board with a goal, a strategy and a deal, and tasks that use every field."""
    assert run("goal", "add", "Grow renewals", "--target", "1.2M", "--deadline", "2027-03-31")[0] == 0  # G-1
    assert run("strategy", "add", "Call every renewal", "--goal", "G-1")[0] == 0  # S-1
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "40k")[0] == 0  # D-1
    assert run("task", "add", "Renew Acme", "--owner", "ali", "--due", "2026-12-18", "--goal", "G-1", "--deal", "D-1",
               "--step", "Find the buyer", "--step", "[x] Price it; then call", "--step", "Send the quote",
               "--tags", "call,q4", "--expected", "A signed renewal", "--every", "week")[0] == 0  # T-3
    assert run("task", "tick", "T-3", "1")[0] == 0
    assert run("task", "add", "Prepare the Q1 review", "--start", "2026-12-10", "--due", "2026-12-20",
               "--strategy", "S-1", "--depends", "T-3,T-1", "--measure", "slides ready")[0] == 0  # T-4
    return team


def test_the_boards_list_comes_back_exactly_links_steps_and_repeats_too(run, linked, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    rows = {row["id"]: row for row in _rows(path)}
    assert {k: rows["T-3"][k] for k in ("goal", "strategy", "deal", "depends", "every", "steps_done", "steps")} == {
        "goal": "G-1", "strategy": "", "deal": "D-1", "depends": "", "every": "weekly", "steps_done": "1",
        "steps": "[x] Find the buyer\n[ ] [x] Price it; then call\n[ ] Send the quote"}
    assert (rows["T-4"]["strategy"], rows["T-4"]["depends"]) == ("S-1", "T-3 T-1")
    before = snapshot_files(linked)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and out.startswith("no new tasks\n4 tasks already as the file has them\n")
    assert snapshot_files(linked) == before


def test_a_blank_cell_clears_its_field_and_a_column_left_out_leaves_it(run, linked, tmp_path) -> None:
    """In the board's own list edited in a sheet: a cell emptied clears the field (the owner:
    nobody; the priority: normal); a column deleted leaves each task's field as it is; links,
    the checklist (typed in one line, ticks and all) and the repeat are read back."""
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    rows = _rows(path)
    for row in rows:
        del row["measure"]  # (a column deleted: T-4 keeps its measure)
    rows[2].update(owner="", due="", deal="", tags="", expected_result="", every="", priority="",
                   steps="[x] Find the buyer; [X] Price it; [ ] Send it")
    rows[3].update(goal="G-1", strategy="", depends="T-1", start="", priority="high")
    rows[1].update(steps="Book the room\n[x] Print the map")
    write_sheet(path, rows)
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    assert out.splitlines()[:2] == ["no new tasks", "updated 3 tasks:"]
    tasks = {t["id"]: t for t in json.loads(run("task", "list", "--json")[1])}
    renew, review, visit = tasks["T-3"], tasks["T-4"], tasks["T-2"]
    assert {k: renew[k] for k in ("owner", "due", "deal", "goal", "tags", "expected_result", "every", "priority")} == {
        "owner": None, "due": None, "deal": None, "goal": "G-1", "tags": [], "expected_result": "", "every": None,
        "priority": "normal"}
    assert [(s["text"], s["done"]) for s in renew["steps"]] == [("Find the buyer", True), ("Price it", True),
                                                              ("Send it", False)]
    assert {k: review[k] for k in ("goal", "strategy", "depends", "start", "due", "priority", "measure")} == {
        "goal": "G-1", "strategy": None, "depends": ["T-1"], "start": None, "due": "2026-12-20", "priority": "high",
        "measure": "slides ready"}
    assert [(s["text"], s["done"]) for s in visit["steps"]] == [("Book the room", False), ("Print the map", True)]
    assert run("undo")[0] == 0
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["owner"] == "ali"


def test_a_bulk_edits_bad_links_are_named_by_row_and_column_and_nothing_is_written(run, linked, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    rows = _rows(path)
    rows[0].update(goal="G-99")
    rows[1].update(status="")
    rows[2].update(depends="T-77")
    rows[3].update(every="yearly")
    rows.append({**rows[0], "id": "", "title": "Call Globex", "goal": "", "deal": "D-9"})
    write_sheet(path, rows)
    before = snapshot_files(linked)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 5 problems, nothing imported:\n"
                   "  row 2: T-1: goal: no goal G-99 on this board\n"
                   "  row 3: status: blank; T-2 needs one (one of: todo, doing, blocked, done)\n"
                   "  row 4: T-3: depends: no task T-77 on this board\n"
                   "  row 5: every: 'yearly' is not a repeat (one of: daily, weekly, fortnightly, monthly, quarterly, "
                   "or none)\n"
                   "  row 6: deal: no deal D-9 on this board\n")
    rows = rows[:4]
    rows[0].update(goal="", depends="T-4")  # T-4 waits for T-1 (and T-3): T-1 waiting for it is a loop
    rows[1].update(status="todo")
    rows[2].update(depends="")
    rows[3].update(every="")
    write_sheet(path, rows)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert "row 2: T-1: depends: T-1 would wait for itself (T-1 → T-4 → T-1)" in err
    assert snapshot_files(linked) == before


def test_the_occurrence_the_board_made_is_the_files_next_one(team, tmp_path) -> None:
    """Done on the board a week late, the board's next occurrence is due on another day than
    taskwarrior's: the file's last new open occurrence is it (its uuid known from then on), the
    one before comes as a task of its own, and nothing repeats twice."""
    from datetime import datetime, timezone

    from store.board import Board

    moment = [datetime(2030, 12, 10, 9, tzinfo=timezone.utc)]
    lead = Board(team, actor="dana", clock=lambda: moment[0])
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_series(("o1", "pending", "20301202"))), encoding="utf-8")
    lead.import_tasks(path)  # T-3, due 2 December, weekly
    lead.move_task("T-3", "done")  # on the 10th: the board's T-4 is due the 16th
    assert (lead.task("T-4").due.isoformat(), lead.task("T-4").every) == ("2030-12-16", "weekly")
    path.write_text(json.dumps(_series(("o1", "pending", "20301202"), ("o2", "pending", "20301209"),
                                       ("o3", "pending", "20301216"), ("o4", "pending", "20301223"))),
                    encoding="utf-8")
    result = lead.import_tasks(path)
    assert (result["tasks"], result["repeated_on_board"]) == (1, 1)  # o2 comes; o3 is T-4; o4 is T-4's next
    weekly = sorted((t.id, t.status, t.due.isoformat(), t.every, t.source) for t in lead.tasks()
                    if t.title == "Weekly report")
    assert weekly == [("T-3", "done", "2030-12-02", "weekly", "o1"), ("T-4", "todo", "2030-12-16", "weekly", "o3"),
                      ("T-5", "todo", "2030-12-09", None, "o2")]
    again = lead.import_tasks(path)
    assert (again["tasks"], again["unchanged"], len(again["kept"]), again["repeated_on_board"]) == (0, 2, 1, 1)


def test_a_task_of_someone_who_left_comes_back_as_it_was(run, team, tmp_path) -> None:
    """A done task still names the rep who left (their open work was handed on): the board's
    list comes back without `'bea' is not a member`."""
    assert run("task", "done", "T-2")[0] == 0
    code, _out, err = run("member", "remove", "bea")
    assert code == 0, err
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, "") and out.startswith("no new tasks\n2 tasks already as the file has them\n")


def test_two_rows_that_wait_for_each_other_are_refused(run, team, tmp_path) -> None:
    """Each row alone is fine on the board as it is; together they would wait for each other."""
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    rows = _rows(path)
    rows[0]["depends"], rows[1]["depends"] = "T-2", "T-1"
    write_sheet(path, rows)
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 1 problem, nothing imported:\n"
                   "  row 2: T-1: depends: T-1 would wait for itself (T-1 → T-2 → T-1)\n")
    assert snapshot_files(team) == before


def _done_on(day: date, title: str = "Tidy the CRM") -> list[dict]:
    """A taskwarrior list of one task done at noon UTC of `day`."""
    return [{"id": 0, "description": title, "status": "completed", "end": day.strftime("%Y%m%dT120000Z"),
             "uuid": "77777777-7777-7777-7777-777777777777"}]


def test_a_reps_done_tasks_are_done_when_imported_a_lead_dates_them(run, team, tmp_path) -> None:
    """A rep's list dating their tasks done last month would move the burn-up's past: refused as a
    plan file's done_at is (a day's slack either way, exit 1, nothing written); a lead may date them."""
    path, today = tmp_path / "tasks.json", date.today()
    past = today - timedelta(days=10)
    path.write_text(json.dumps(_done_on(past)), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err == (f"uplift: task 1 ('Tidy the CRM'): a task is done when it is marked done ({today.isoformat()}); "
                   f"only a lead may date it {past.isoformat()}\n")
    path.write_text(json.dumps(_done_on(today + timedelta(days=5))), encoding="utf-8")
    code, out, err = run("task", "import", str(path), user="ali")
    assert code == 2 and f"task 1 ('Tidy the CRM'): a task is done once it is; " \
                         f"{(today + timedelta(days=5)).isoformat()} is still to come" in err
    assert snapshot_files(team) == before
    path.write_text(json.dumps(_done_on(today - timedelta(days=1))), encoding="utf-8")  # (UTC's day, the rep's)
    assert run("task", "import", str(path), user="ali")[0] == 0
    assert run("undo", user="ali")[0] == 0
    path.write_text(json.dumps(_done_on(past)), encoding="utf-8")
    code, out, err = run("task", "import", str(path))  # dana leads
    assert (code, err) == (0, "")
    done = _tasks(run)["Tidy the CRM"]
    assert (done["status"], done["owner"], done["done_at"][:10]) == ("done", "dana", past.isoformat())


def _annotated(entry: datetime) -> list[dict]:
    return [{**EXPORT[0], "annotations": [{"entry": entry.strftime("%Y%m%dT%H%M%SZ"), "description": "left a voicemail"}]}]


def test_a_reps_annotations_are_dated_today_and_a_lead_dates_them(run, team, tmp_path) -> None:
    """An annotation becomes a comment, as `task comment` makes one: a rep's is made now (a day
    either way, as a plan file's comment), since a backdated one would write what was said in the
    past: refused at the task and the annotation, exit 1, nothing written. A lead may date one; so
    may a rep's list imported again, where its annotations the board has already stay as they are."""
    now = datetime.now(timezone.utc)
    today, past = now.astimezone().date(), now - timedelta(days=20)
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_annotated(past)), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err == ("uplift: task 1 ('Call Acme about the renewal'): annotations[0].entry: a comment is dated when "
                   f"it is made ({today.isoformat()}); only a lead may date one {past.astimezone().date().isoformat()}\n")
    assert run("task", "import", str(path), "--dry-run", user="ali")[0] == 1
    assert snapshot_files(team) == before
    path.write_text(json.dumps(_annotated(now - timedelta(hours=2))), encoding="utf-8")
    assert run("task", "import", str(path), user="ali")[:3:2] == (0, "")
    assert run("undo", user="ali")[0] == 0
    path.write_text(json.dumps(_annotated(past)), encoding="utf-8")
    code, _, err = run("task", "import", str(path), "--owner", "ali")  # dana leads
    assert (code, err) == (0, "")
    assert [c["at"][:10] for c in _tasks(run)["Call Acme about the renewal"]["comments"]] == \
        [past.astimezone().date().isoformat()]
    code, _, err = run("task", "import", str(path), user="ali")  # (again: the board has that comment)
    assert (code, err) == (0, "")


def test_a_reps_list_again_with_a_new_backdated_annotation_is_refused(run, team, tmp_path) -> None:
    now = datetime.now(timezone.utc)
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{k: v for k, v in EXPORT[0].items() if k != "annotations"}]), encoding="utf-8")
    assert run("task", "import", str(path), user="ali")[0] == 0
    path.write_text(json.dumps(_annotated(now - timedelta(days=9))), encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path), user="ali")
    assert (code, out) == (1, "")
    assert err.startswith("uplift: task 1 ('Call Acme about the renewal'): annotations[0].entry: a comment is dated "
                          "when it is made (")
    assert snapshot_files(team) == before


def test_a_task_row_twice_in_the_boards_own_list_is_named_and_nothing_is_written(run, team, tmp_path) -> None:
    """The board's own list with a task's row copied under it: which row repeats which is said
    (as for deals), and nothing is written."""
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3  # the header, T-1 and T-2
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("task", "import", str(path))
    assert (code, out) == (2, "")
    repeated = lines[1].split(",")[0]
    assert f"row 4: id: {repeated} repeats row 2" in err
    assert snapshot_files(team) == before
