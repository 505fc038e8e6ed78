"""A board made before boards kept a key (2026-12-03) is still the same board when its folder
moves: its own lists, exported before the move, import back into it as its own (a bulk edit, its
links kept), not as another board's. It keeps a key from its first change; till then its lists
say one that a move leaves as it is.

The old board is made here the way an old board is: a board.json whose meta has no `key`."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil

from tests.cli.conftest import run_uplift
from tests.conftest import snapshot_files, write_sheet


def _as_made_before_keys(board) -> None:
    """Take the key out of board.json, as a board made before boards kept one lacks it."""
    path = board / "board.json"
    data = json.loads(path.read_text())
    del data["meta"]["1"]["key"]
    path.write_text(json.dumps(data))


def _meta(board) -> dict:
    return json.loads((board / "board.json").read_text())["meta"]["1"]


def _rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _tasks(run) -> dict[str, dict]:
    return {t["id"]: t for t in json.loads(run("task", "list", "--json")[1])}


def _path_key(folder) -> str:
    """The key an older Uplift gave such a board: from its folder's path (the README's word)."""
    return hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:12]


def _linked(run) -> None:
    assert run("goal", "add", "Grow renewals", "--target", "100", "--deadline", "2027-03-31")[0] == 0
    assert run("deal", "add", "Acme renewal", "--value", "40k")[0] == 0
    assert run("task", "add", "Quote Acme", "--goal", "G-1", "--deal", "D-1", "--depends", "T-1")[0] == 0  # T-3


def _moved(team, tmp_path, capsys, monkeypatch):
    """The board's folder moved elsewhere, and `uplift` run there."""
    moved = tmp_path / "moved" / "board"
    moved.parent.mkdir()
    shutil.move(team, moved)
    return moved, run_uplift(moved, capsys, monkeypatch)


def test_an_old_boards_list_imports_back_as_its_own_after_the_folder_moves(run, team, tmp_path, capsys,
                                                                           monkeypatch) -> None:
    _linked(run)
    _as_made_before_keys(team)
    before = snapshot_files(team)
    exported = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(exported))[0] == 0
    assert snapshot_files(team) == before  # (a list written: nothing written on the board)
    rows = _rows(exported)
    cell = rows[0]["board"]
    assert {row["board"] for row in rows} == {cell} and cell.startswith("uplift:")
    quote = next(row for row in rows if row["id"] == "T-3")
    quote["due"] = "2026-12-20"  # a bulk edit in the spreadsheet
    write_sheet(exported, rows)

    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    listed = tmp_path / "again.csv"
    assert moved_run("task", "list", "--csv", "-o", str(listed))[0] == 0
    assert {row["board"] for row in _rows(listed)} == {cell}  # the same board, wherever it is
    code, out, err = moved_run("task", "import", str(exported))
    assert (code, err) == (0, ""), err
    assert "another board" not in out and "changed T-3: due – → 2026-12-20" in out
    tasks = _tasks(moved_run)
    assert sorted(tasks) == ["T-1", "T-2", "T-3"]  # updated, none added
    assert {k: tasks["T-3"][k] for k in ("goal", "deal", "depends", "due")} == {
        "goal": "G-1", "deal": "D-1", "depends": ["T-1"], "due": "2026-12-20"}
    # its first change kept the key its lists carry: the same after another move
    assert _meta(moved)["key"] == cell.removeprefix("uplift:")
    assert _meta(moved)["path_key"] == _path_key(moved)


def test_an_old_board_keeps_its_key_at_its_first_change_and_a_list_from_before_stays_its_own(
        run, team, tmp_path, capsys, monkeypatch) -> None:
    """A list an older Uplift wrote (the key from the folder's path), the board changed since and
    then moved: still the board's own list. Its calendar's UIDs stay what they were throughout."""
    from tests.cli.test_calendar_cli import uids

    _linked(run)
    _as_made_before_keys(team)
    calendar = uids(run("calendar")[1])
    assert calendar and all(uid.endswith(f"@{_path_key(team)}.uplift") for uid in calendar)
    older = tmp_path / "older.csv"
    assert run("task", "list", "--csv", "-o", str(older))[0] == 0
    rows = _rows(older)
    for row in rows:
        row["board"] = f"uplift:{_path_key(team)}"  # as the version before this one wrote it
    quote = next(row for row in rows if row["id"] == "T-3")
    quote["priority"] = "high"
    write_sheet(older, rows)

    assert run("task", "add", "Plan Q1")[0] == 0  # the first change since: it keeps the key
    kept = _meta(team)
    assert kept["path_key"] == _path_key(team) and kept["key"] != kept["path_key"]
    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    assert uids(moved_run("calendar")[1]) == calendar
    code, out, err = moved_run("task", "import", str(older))
    assert (code, err) == (0, ""), err
    assert "another board" not in out and "changed T-3: priority normal → high" in out
    tasks = _tasks(moved_run)
    assert sorted(tasks) == ["T-1", "T-2", "T-3", "T-4"]
    assert (tasks["T-3"]["goal"], tasks["T-3"]["deal"], tasks["T-3"]["depends"]) == ("G-1", "D-1", ["T-1"])
    assert _meta(moved) == kept  # kept once


def test_an_old_boards_list_is_still_another_boards_elsewhere(run, team, tmp_path, capsys, monkeypatch) -> None:
    _linked(run)
    _as_made_before_keys(team)
    exported = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(exported))[0] == 0
    other = run_uplift(tmp_path / "other", capsys, monkeypatch)
    assert other("goal", "add", "Other goal", "--target", "5", "--deadline", "2027-03-31")[0] == 0
    code, out, err = other("task", "import", str(exported))
    assert (code, err) == (0, ""), err
    assert "rows 2, 3, 4 come from another board's list" in out
    assert all(t["goal"] is None for t in json.loads(other("task", "list", "--json")[1]))


def test_an_import_refused_on_an_old_board_writes_no_key(run, team, tmp_path) -> None:
    _as_made_before_keys(team)
    path = tmp_path / "bad.csv"
    path.write_text("title,priority\nCall Globex,Z\n", encoding="utf-8")
    before = snapshot_files(team)
    assert run("task", "import", str(path))[0] == 2
    assert snapshot_files(team) == before
    assert "key" not in _meta(team)


def test_an_old_boards_deal_list_imports_back_as_its_own_after_the_folder_moves(run, team, tmp_path, capsys,
                                                                                monkeypatch) -> None:
    assert run("strategy", "add", "Trade fairs")[0] == 0  # S-1
    assert run("deal", "add", "Acme renewal", "--value", "40000", "--strategy", "S-1")[0] == 0  # D-1
    _as_made_before_keys(team)
    exported = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", str(exported))[0] == 0
    rows = _rows(exported)
    rows[0]["value"] = "45000"
    write_sheet(exported, rows)
    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    code, out, err = moved_run("deal", "import", str(exported))
    assert (code, err) == (0, ""), err
    assert "another board" not in out
    deals = json.loads(moved_run("deal", "list", "--json")[1])
    assert [(d["id"], d["value"], d["strategy"]) for d in deals] == [("D-1", 45000, "S-1")]


def test_an_older_uplifts_list_of_a_board_moved_before_its_first_change_says_how_to_bring_it_back(
        run, team, tmp_path, capsys, monkeypatch) -> None:
    """The limit: a list an older Uplift wrote (its key from the folder's path), the folder then
    moved before this Uplift changed the board once. Nothing recorded that path (the key is a
    digest of it; no file of the board names it), so the board cannot tell that key from another
    board's, and taking an unknown key for its own could join another board's rows to its records.
    The import says so, and how to import the list as the board's own: its board column blanked."""
    assert run("strategy", "add", "Trade fairs")[0] == 0  # S-1
    assert run("deal", "add", "Acme renewal", "--value", "40000", "--strategy", "S-1")[0] == 0  # D-1
    _as_made_before_keys(team)
    older = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", str(older))[0] == 0
    rows = _rows(older)
    rows[0]["board"], rows[0]["value"] = f"uplift:{_path_key(team)}", "45000"  # as the version before wrote it
    write_sheet(older, rows)
    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    hint = ("if it is this board's own list, written by an older Uplift before the board's folder moved: "
            "`uplift undo`, blank its board column and import it again")
    code, out, err = moved_run("deal", "import", str(older))
    assert (code, err) == (0, ""), err
    assert f"row 2 comes from another board's list (board {_path_key(team)})" in out and hint in out
    assert sorted(d["id"] for d in json.loads(moved_run("deal", "list", "--json")[1])) == ["D-1", "D-2"]  # (a second)
    assert moved_run("undo")[0] == 0
    rows[0]["board"] = ""
    write_sheet(older, rows)
    code, out, err = moved_run("deal", "import", str(older))
    assert (code, err) == (0, ""), err
    assert "another board" not in out and "changed D-1: value 40,000 → 45,000" in out
    deals = json.loads(moved_run("deal", "list", "--json")[1])
    assert [(d["id"], d["value"], d["strategy"]) for d in deals] == [("D-1", 45000, "S-1")]


def test_a_board_that_always_kept_a_key_gives_no_such_hint(run, team, tmp_path) -> None:
    exported = tmp_path / "deals.csv"
    assert run("deal", "add", "Acme renewal", "--value", "40000")[0] == 0
    assert run("deal", "list", "--csv", "-o", str(exported))[0] == 0
    rows = _rows(exported)
    rows[0]["board"], rows[0]["value"] = "uplift:0123456789ab", "45000"
    write_sheet(exported, rows)
    code, out, err = run("deal", "import", str(exported), "--dry-run")
    assert (code, err) == (0, "")
    assert "row 2 comes from another board's list" in out and "older Uplift" not in out


def test_an_older_uplifts_task_list_refused_as_a_second_copy_says_how_to_bring_it_back(
        run, team, tmp_path, capsys, monkeypatch) -> None:
    """The same limit for an unchanged task list: each of its rows is a task here already, so the
    import is refused whole; the refusal says how to import it as the board's own."""
    assert run("task", "add", "Call Acme")[0] == 0  # T-1
    _as_made_before_keys(team)
    older = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(older))[0] == 0
    rows = _rows(older)
    rows[0]["board"] = f"uplift:{_path_key(team)}"  # as the version before wrote it
    write_sheet(older, rows)
    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    before = snapshot_files(moved)
    code, out, err = moved_run("task", "import", str(older))
    assert code == 2 and "T-1 is on this board already" in err
    assert ("if it is this board's own list, written by an older Uplift before the board's folder moved: "
            "blank its board column and import it") in err
    assert "Traceback" not in err and snapshot_files(moved) == before
    rows[0]["board"] = ""
    write_sheet(older, rows)
    code, out, err = moved_run("task", "import", str(older))
    assert (code, err) == (0, ""), err
    assert "another board" not in out


def test_a_second_copy_of_this_boards_own_tasks_gives_no_such_hint(run, tmp_path) -> None:
    assert run("task", "add", "Call Acme")[0] == 0
    listed = tmp_path / "tasks.csv"
    assert run("task", "list", "--csv", "-o", str(listed))[0] == 0
    rows = _rows(listed)
    rows[0]["id"] = ""  # (without its id: a new task, the same as T-1)
    write_sheet(listed, rows)
    code, out, err = run("task", "import", str(listed))
    assert code == 2 and "T-1 is on this board already" in err and "older Uplift" not in err


def test_an_older_uplifts_deal_list_refused_as_a_second_copy_says_how_to_bring_it_back(
        run, team, tmp_path, capsys, monkeypatch) -> None:
    assert run("deal", "add", "Acme renewal", "--value", "40000")[0] == 0  # D-1
    _as_made_before_keys(team)
    older = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", str(older))[0] == 0
    rows = _rows(older)
    rows[0]["board"] = f"uplift:{_path_key(team)}"  # as the version before wrote it, unchanged since
    write_sheet(older, rows)
    moved, moved_run = _moved(team, tmp_path, capsys, monkeypatch)
    before = snapshot_files(moved)
    code, out, err = moved_run("deal", "import", str(older))
    assert code == 2 and "D-1 'Acme renewal' is on this board already" in err
    assert ("if it is this board's own list, written by an older Uplift before the board's folder moved: "
            "blank its board column and import it") in err
    assert snapshot_files(moved) == before
