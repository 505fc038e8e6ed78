"""A folder given to `task import`, `deal import` or `plan import`: said to be a folder, with the
files there the import could read, exit 2, nothing written ("cannot be read (Is a directory)"
said nothing useful)."""

from __future__ import annotations

import pytest

from store.board import Board


@pytest.fixture
def exports(tmp_path):
    folder = tmp_path / "exports"
    (folder / "inner.csv").mkdir(parents=True)  # a folder named like a file: not listed
    for name in ("deals.csv", "Tasks.XLSX", "tasks.json", "plan.yaml", "notes.txt", ".hidden.csv"):
        (folder / name).write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def _items(team) -> tuple[int, int]:
    board = Board(team, actor="dana")
    return len(board.tasks()), len(board.deals())


@pytest.mark.parametrize(("verb", "files", "kinds"), [
    ("task", "deals.csv, tasks.json, Tasks.XLSX", "CSV, TSV, XLSX, XLS, XLSM, JSON"),
    ("deal", "deals.csv, Tasks.XLSX", "CSV, TSV, XLSX, XLS, XLSM"),
])
def test_task_and_deal_import_name_the_files_a_folder_holds(run, team, exports, verb, files, kinds) -> None:
    before = _items(team)
    code, out, err = run(verb, "import", str(exports / "exports"))
    assert (code, out) == (2, "")
    assert err == f"uplift: {exports / 'exports'}: a folder, not a file; files there that could be imported: {files}\n"
    code, out, err = run(verb, "import", str(exports / "empty"))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {exports / 'empty'}: a folder, not a file, and it holds no file that could be "
                   f"imported ({kinds})\n")
    assert _items(team) == before


def test_plan_import_names_the_yaml_files_a_folder_holds(run, team, exports) -> None:
    before = _items(team)
    code, out, err = run("plan", "import", str(exports / "exports"))
    assert (code, out) == (2, "")
    assert f"{exports / 'exports'}:1: file: a folder, not a file; files there that could be imported: plan.yaml\n" in err
    assert "nothing was written" in err
    code, _, err = run("plan", "import", str(exports / "empty"))
    assert code == 2 and "a folder, not a file, and it holds no file that could be imported (YAML, YML)" in err
    assert _items(team) == before


def test_a_folder_is_said_in_chinese(run, team, exports, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("task", "import", str(exports / "exports"))
    assert code == 2 and "这是文件夹，不是文件；其中可导入的文件：deals.csv, tasks.json, Tasks.XLSX" in err
