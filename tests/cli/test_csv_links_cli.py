"""Spreadsheet imports that read links and steps right: another board's list (its `board`
column) brings no links to this board's unrelated records; a lone step keeps a `; [ ]` of its
text; a rule across fields names its row and field; a rep's refusal names its row.

The CSVs are written here by hand, as a spreadsheet would save them, not by the code under test."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import snapshot_files

#: the columns of `task list --csv`, as the README lists them
TASK_HEADER = ("id,title,status,owner,priority,start,due,goal,strategy,deal,tags,depends,every,steps_done,steps,"
               "expected_result,measure,board")


def _tasks(run) -> dict[str, dict]:
    return {t["title"]: t for t in json.loads(run("task", "list", "--json")[1])}


def _refused(run, board, kind: str, path, user: str = "dana", code: int = 2) -> str:
    """`uplift KIND import PATH` refused (exit `code`), nothing written: what it said."""
    before = snapshot_files(board)
    said = run(kind, "import", str(path), user=user)
    assert said[:2] == (code, ""), said
    assert snapshot_files(board) == before
    return said[2]


def _board_cell(run, tmp_path) -> str:
    """This board's `board` cell, as its own list writes it."""
    path = tmp_path / "own.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    cells = {row["board"] for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))}
    assert len(cells) == 1
    return cells.pop()


def _linked(run) -> None:
    """This board's own G-1, S-1 and D-1: the records another board's G-1, S-1 and D-1 are not."""
    assert run("goal", "add", "Grow renewals", "--target", "100", "--deadline", "2027-03-31")[0] == 0
    assert run("strategy", "add", "Call every renewal", "--goal", "G-1")[0] == 0
    assert run("deal", "add", "Acme renewal", "--value", "40k")[0] == 0


def _other_boards_list(path, board: str) -> None:
    """A list as another board's `task list --csv` wrote it: its T-7 waits for its T-8 (a row of the
    file) and its T-2 (not in the file); its ids T-1, T-2 are this board's ids too."""
    path.write_text(
        TASK_HEADER + "\n"
        f"T-7,Quote Globex,todo,ali,high,,2026-12-20,G-1,S-1,D-1,,T-8 T-2,,0,,,,{board}\n"
        f"T-8,Price Globex,doing,bea,normal,,2026-12-18,,,,,,,0,[ ] Ask finance,,,{board}\n"
        f"T-1,Call Acme,todo,ali,normal,,2026-12-02,G-1,,,,,,0,,,,{board}\n",
        encoding="utf-8")


def test_another_boards_list_leaves_its_links_out_and_says_so(run, team, tmp_path) -> None:
    _linked(run)
    path = tmp_path / "theirs.csv"
    _other_boards_list(path, "uplift:0123456789ab")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    lines = out.splitlines()
    assert lines[0] == "imported 3 tasks (T-3 … T-5): To do 2, Doing 1"
    assert lines[2:] == [
        "rows 2, 3, 4 come from another board's list (board 0123456789ab): their ids and links name that board's "
        "records, not this board's",
        "left out their links to that board's records: goal 2, strategy 1, deal 1, depends 1",
        "kept 1 wait for another row of the file: the task waits for that row's new task"]
    tasks = _tasks(run)
    quote, price = tasks["Quote Globex"], tasks["Price Globex"]
    assert (quote["id"], price["id"]) == ("T-3", "T-4")
    assert {k: quote[k] for k in ("goal", "strategy", "deal", "depends", "owner", "priority")} == {
        "goal": None, "strategy": None, "deal": None, "depends": ["T-4"], "owner": "ali", "priority": "high"}
    # its T-1 is not this board's T-1 (the same title, another due date): a new task, T-1 as it was
    assert sorted((t["id"], t["due"], t["goal"]) for t in json.loads(run("task", "list", "--json")[1])
                  if t["title"] == "Call Acme") == [("T-1", "2026-12-01", None), ("T-5", "2026-12-02", None)]
    assert run("undo")[0] == 0 and set(_tasks(run)) == {"Call Acme", "Visit Betasoloin"}
    code, out, _ = run("task", "import", str(path), "--json")
    assert code == 0
    assert json.loads(out)["another_board"] == {"rows": [2, 3, 4], "boards": ["0123456789ab"], "depends_kept": 1,
                                                "left_out": {"goal": 2, "strategy": 1, "deal": 1, "depends": 1}}


def test_the_boards_own_list_and_a_list_without_the_column_keep_their_links(run, team, tmp_path) -> None:
    """A list this board wrote (its own `board` cell), or one written before the column (none),
    names this board's records, as it always did: a bulk edit of T-1, and links to G-1 and T-2."""
    _linked(run)
    own = _board_cell(run, tmp_path)
    path = tmp_path / "ours.csv"
    path.write_text(TASK_HEADER + "\n"
                    f"T-7,Quote Globex,todo,ali,high,,2026-12-20,G-1,S-1,D-1,,T-2,,0,,,,{own}\n"
                    f"T-1,Call Acme,todo,ali,normal,,2026-12-02,G-1,,,,,,0,,,,{own}\n", encoding="utf-8")
    code, out, err = run("task", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "another board" not in out and "changed T-1: due 2026-12-01 → 2026-12-02, goal – → G-1" in out
    quote = _tasks(run)["Quote Globex"]
    assert (quote["goal"], quote["strategy"], quote["deal"], quote["depends"]) == ("G-1", "S-1", "D-1", ["T-2"])
    assert run("undo")[0] == 0
    older = tmp_path / "older.csv"
    older.write_text(TASK_HEADER.removesuffix(",board") + "\n"
                     "T-7,Quote Globex,todo,ali,high,,2026-12-20,G-1,S-1,D-1,,T-2,,0,,,\n", encoding="utf-8")
    code, out, err = run("task", "import", str(older))
    assert (code, err) == (0, ""), err
    quote = _tasks(run)["Quote Globex"]
    assert (quote["goal"], quote["strategy"], quote["deal"], quote["depends"]) == ("G-1", "S-1", "D-1", ["T-2"])


def test_another_boards_rows_that_wait_for_each_other_are_refused(run, team, tmp_path) -> None:
    path = tmp_path / "theirs.csv"
    path.write_text(TASK_HEADER + "\n"
                    "T-7,Quote Globex,todo,ali,normal,,,,,,,T-8,,0,,,,uplift:0123456789ab\n"
                    "T-8,Price Globex,todo,ali,normal,,,,,,,T-7,,0,,,,uplift:0123456789ab\n", encoding="utf-8")
    assert _refused(run, team, "task", path) == (f"uplift: {path}: 1 problem, nothing imported:\n"
                                                 "  row 2: depends: T-3 would wait for itself (T-3 → T-4 → T-3)\n")


def test_another_boards_deal_list_links_no_strategy_and_updates_no_deal(run, team, tmp_path) -> None:
    """Its D-1 has this board's D-1's title: still a new deal; its S-1 is not this board's S-1."""
    assert run("strategy", "add", "Trade fairs")[0] == 0  # S-1
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "40000")[0] == 0  # D-1
    path = tmp_path / "deals.csv"
    path.write_text("id,title,account,key_account,owner,product,stage,outcome,value,weighted,close,closed,forecast,"
                    "lost_reason,next_step,source,splits,business,payments,strategy,board\n"
                    "D-1,Acme renewal,Acme,no,bea,,Lead,open,55000,5500,,,auto,,,,,auto,,S-1,uplift:0123456789ab\n",
                    encoding="utf-8")
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "row 2 comes from another board's list (board 0123456789ab)" in out
    assert "left out their links to that board's records: strategy 1" in out
    deals = {d["id"]: d for d in json.loads(run("deal", "list", "--json")[1])}
    assert (deals["D-1"]["value"], deals["D-1"]["owner"]) == (40000, "dana")
    assert (deals["D-2"]["value"], deals["D-2"]["owner"], deals["D-2"]["strategy"]) == (55000, "bea", None)


def test_a_lone_step_with_a_semicolon_before_a_box_comes_back_whole(run, team, tmp_path) -> None:
    assert run("task", "add", "Renew Acme", "--step", "Call; [ ] then the quote")[0] == 0  # T-3
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(path))[0] == 0
    code, out, err = run("task", "import", str(path), "--dry-run", "--json")  # (it was cut in two: T-3 changed)
    assert (code, err) == (0, "")
    assert {k: json.loads(out)[k] for k in ("tasks", "updated", "unchanged")} == {"tasks": 0, "updated": [],
                                                                                "unchanged": 3}
    sheet = tmp_path / "sheet.csv"  # typed in a sheet: `\;` keeps a `;`; a bare `;` before a box starts a step
    sheet.write_text("Title,Steps\n"
                     "One step,[ ] Call\\; [ ] then the quote\n"
                     "Two steps,[x] Call; [ ] then the quote\n"
                     "A backslash,[ ] Save to C:\\temp\\\\; [x] Send\n", encoding="utf-8")
    code, out, err = run("task", "import", str(sheet))
    assert (code, err) == (0, ""), err
    tasks = _tasks(run)
    assert [(s["text"], s["done"]) for s in tasks["One step"]["steps"]] == [("Call; [ ] then the quote", False)]
    assert [(s["text"], s["done"]) for s in tasks["Two steps"]["steps"]] == [("Call", True),
                                                                            ("then the quote", False)]
    assert [(s["text"], s["done"]) for s in tasks["A backslash"]["steps"]] == [("Save to C:\\temp\\", False),
                                                                              ("Send", True)]


def test_a_rule_across_fields_names_the_row_and_the_field(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("Title,Start,Due,Every\n"
                    "Plan Q1,2026-12-10,2026-12-01,\n"
                    "Weekly call,,,weekly\n", encoding="utf-8")
    assert _refused(run, team, "task", path) == (f"uplift: {path}: 2 problems, nothing imported:\n"
                                                 "  row 2: due: the due date 2026-12-01 is before the start date 2026-12-10\n"
                                                 "  row 3: every: a repeating task needs a due date to repeat from\n")
    own = tmp_path / "own.csv"  # the board's own list: T-1 is due 2026-12-01
    own.write_text(TASK_HEADER.removesuffix(",board") + "\n"
                   "T-1,Call Acme,todo,ali,normal,2026-12-05,2026-12-01,,,,,,,0,,,\n", encoding="utf-8")
    assert "  row 2: T-1: due: the due date 2026-12-01 is before the start date 2026-12-05\n" in _refused(run, team, "task", own)
    assert run("deal", "add", "Globex", "--value", "1000")[0] == 0  # D-1
    assert run("deal", "move", "D-1", "won")[0] == 0
    assert run("deal", "paid", "D-1", "800")[0] == 0
    deals = tmp_path / "deals.csv"  # the board's own list, its payments column deleted, the value lowered
    deals.write_text("id,title,stage,outcome,value,weighted,closed,forecast\nD-1,Globex,Won,won,500,500,,auto\n",
                     encoding="utf-8")
    assert "  row 2: payments: the payments add up to 800.00, more than the deal's value (500.00)\n" in \
        _refused(run, team, "deal", deals)


def test_a_reps_bulk_edit_of_someone_elses_task_is_refused_at_its_row(run, team, tmp_path) -> None:
    """(A new task of someone else's: test_task_import_cli.py.)"""
    own = tmp_path / "own.csv"  # T-2 is bea's
    own.write_text(TASK_HEADER.removesuffix(",board") + "\n"
                   "T-1,Call Acme,doing,ali,normal,,2026-12-01,,,,,,,0,,,\n"
                   "T-2,Visit Betasoloin,done,bea,normal,,,,,,,,,0,,,\n", encoding="utf-8")
    assert _refused(run, team, "task", own, user="ali", code=1).startswith("uplift: row 3: T-2: a rep may only ")
