"""A CSV Uplift writes to a file for a spreadsheet (`--csv -o FILE`, the demo's past-sales.csv)
starts with a UTF-8 byte-order mark, without which Excel on Windows reads a Chinese name as
mojibake; pandas and Python's csv module (utf-8-sig) read it as before. `--csv` on standard
output has none: a script reading the pipe would take it for part of the first column's name."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from store.board import Board
from tests.conftest import snapshot_files
from tui.cli import main
from tui.i18n import set_language

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def seeded_demo(tmp_path_factory) -> Path:
    """The Chinese demo, made once per module by `uplift demo` (each test has its own copy)."""
    board = tmp_path_factory.mktemp("seeded") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", "zh")
        patch.setenv("XDG_CONFIG_HOME", str(board.parent / "xdg-config"))
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["demo", "--board", str(board), "--no-open"]) == 0
        assert out.getvalue() == f"{board}\n"
    set_language()  # (the interface language of the test that asked first)
    return board


@pytest.fixture
def _demo(seeded_demo: Path):
    def copy(run, tmp_path, monkeypatch) -> Path:
        monkeypatch.setenv("UPLIFT_LANG", "zh")
        board = tmp_path / "demo"
        shutil.copytree(seeded_demo, board)
        return board
    return copy


def test_a_payroll_file_has_a_byte_order_mark_and_reads_back_in_pandas_and_csv(_demo, run, tmp_path, monkeypatch) -> None:
    board = _demo(run, tmp_path, monkeypatch)
    code, piped, err = run("--board", str(board), "payout", "--csv", user="王芳")
    assert (code, err) == (0, "") and piped.startswith("rep,plan,")  # the pipe: no mark
    path = tmp_path / "payroll.csv"
    assert run("--board", str(board), "payout", "--csv", "-o", str(path), user="王芳") == (
        0, "", f"已写入 {path}\n")
    data = path.read_bytes()
    assert data.startswith(BOM) and data[len(BOM):].decode("utf-8") == piped
    reps = sorted(m.name for m in Board(board, actor="王芳").members() if m.role == "rep")
    frame = pd.read_csv(path)
    assert list(frame.columns[:2]) == ["rep", "plan"] and sorted(frame["rep"]) == reps
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert sorted(row["rep"] for row in rows) == reps


def test_task_and_deal_lists_written_to_a_file_have_the_mark_and_read_back(
        _demo, run, tmp_path, monkeypatch) -> None:
    board = _demo(run, tmp_path, monkeypatch)
    tasks, deals = tmp_path / "tasks.csv", tmp_path / "deals.csv"
    assert run("--board", str(board), "task", "list", "--csv", "-o", str(tasks), user="王芳")[0] == 0
    assert run("--board", str(board), "deal", "list", "--csv", "--output", str(deals), user="王芳")[0] == 0
    assert tasks.read_bytes().startswith(BOM) and deals.read_bytes().startswith(BOM)
    kept = Board(board, actor="王芳")
    assert dict(zip(pd.read_csv(tasks)["id"], pd.read_csv(tasks)["title"])) == {t.id: t.title for t in kept.tasks()}

    # deal import reads the file's first column as `id` (not "\ufeffid"): each deal is already here, as it is
    code, out, err = run("--board", str(board), "deal", "import", str(deals), "--dry-run", user="王芳")
    assert (code, err) == (0, "")
    assert out.startswith(f"没有新商机\n{len(kept.deals())} 个商机已与文件一致\n")


def test_o_without_csv_or_inside_the_board_writes_nothing(run, board_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    before = snapshot_files(board_path)
    path = tmp_path / "tasks.csv"
    assert run("task", "list", "-o", str(path)) == (2, "", "uplift: -o 把 CSV 写入文件：请同时给出 --csv\n")
    assert run("deal", "list", "--json", "-o", str(path))[0] == 2
    assert run("payout", "-o", str(path))[0] == 2
    assert not path.exists()
    code, out, err = run("task", "list", "--csv", "-o", str(board_path / "tasks.csv"))
    assert (code, out) == (1, "") and "看板文件夹内" in err
    assert snapshot_files(board_path) == before
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("task", "list", "-o", str(path)) == (2, "", "uplift: -o writes the CSV to a file: give --csv too\n")


def test_the_demos_past_sales_file_has_the_mark_and_is_read_as_before(_demo, run, tmp_path, monkeypatch) -> None:
    board = _demo(run, tmp_path, monkeypatch)
    sales = board / "past-sales.csv"
    assert sales.read_bytes().startswith(BOM)
    assert list(pd.read_csv(sales).columns[:3]) == ["订单日期", "订单号", "客户"]
    code, out, err = run("--board", str(board), "diagnose", str(sales), "--no-save", user="王芳")
    assert (code, err) == (0, "") and "  '订单日期' -> date（" in out
