"""Payments in `deal list --csv` (a `payments` cell: `2026-11-03 12000.00 INV-1; 2026-11-20
3000.00`), read back by `deal import`: a CSV round trip keeps what customers paid, as a plan
file does; a bad payment names its row and column, and nothing is written."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.conftest import run_uplift
from tests.conftest import snapshot_files


@pytest.fixture
def board(tmp_path, capsys, monkeypatch):
    """dana leads, ali is a rep; ali's D-1 Acme (60,000) is won and partly paid (two payments),
    D-2 Betasol (10,000) is open."""
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert runner("member", "add", "dana", "--role", "lead")[0] == 0
    assert runner("member", "add", "ali", "--role", "rep")[0] == 0
    assert runner("deal", "add", "Acme", "--owner", "ali", "--value", "60000", "--stage", "won")[0] == 0
    assert runner("deal", "add", "Betasol", "--owner", "ali", "--value", "10000")[0] == 0
    assert runner("deal", "paid", "D-1", "12000", "--on", "2026-11-03",
                  "--note", "INV-1; first half; 2026-11-20 3000.50 promised")[0] == 0
    assert runner("deal", "paid", "D-1", "3000.5", "--on", "2026-11-20")[0] == 0
    return runner


@pytest.fixture
def fresh(tmp_path, capsys, monkeypatch):
    """Another board with the same members, and a function that runs `uplift` on it."""
    runner = run_uplift(tmp_path / "fresh", capsys, monkeypatch)
    assert runner("member", "add", "dana", "--role", "lead")[0] == 0
    assert runner("member", "add", "ali", "--role", "rep")[0] == 0
    return runner


def rows(text: str) -> dict[str, dict]:
    return {row["title"]: row for row in csv.DictReader(io.StringIO(text))}


def payments(runner, deal_id: str) -> list[dict]:
    return json.loads(runner("deal", "show", deal_id, "--json")[1])["deal"]["payments"]


def test_the_csv_says_what_was_paid_and_imports_it_back(board, fresh, tmp_path) -> None:
    code, exported, _ = board("deal", "list", "--csv")
    assert code == 0
    assert rows(exported)["Acme"]["payments"] == \
        "2026-11-03 12000.00 INV-1\\; first half\\; 2026-11-20 3000.50 promised; 2026-11-20 3000.50"
    assert rows(exported)["Betasol"]["payments"] == ""
    path = tmp_path / "deals.csv"
    path.write_text(exported)
    code, out, err = fresh("deal", "import", str(path))
    assert (code, err) == (0, "") and "payments → payments" in out
    acme = next(d for d in json.loads(fresh("deal", "list", "--json")[1]) if d["title"] == "Acme")
    assert payments(fresh, acme["id"]) == [{"amount": 12000, "on": "2026-11-03",
                                            "note": "INV-1; first half; 2026-11-20 3000.50 promised"},
                                           {"amount": 3000.5, "on": "2026-11-20"}]
    def without_ids(text: str) -> dict[str, dict]:
        return {title: {k: v for k, v in row.items() if k not in ("id", "board")}  # (each board's own)
                for title, row in rows(text).items()}

    assert without_ids(fresh("deal", "list", "--csv")[1]) == without_ids(exported)  # the file again


def test_importing_the_same_file_again_adds_no_payment_twice(board, fresh, tmp_path) -> None:
    # the biggest first: Cobalt (D-3), Acme (D-1), Betasol (D-2); on a fresh board they are D-1, D-2,
    # D-3, so no row's id and title name the same deal there
    assert board("deal", "add", "Cobalt", "--owner", "ali", "--value", "90000")[0] == 0
    path = tmp_path / "deals.csv"
    path.write_text(board("deal", "list", "--csv")[1])
    before = snapshot_files(tmp_path / "board")
    code, out, err = board("deal", "import", str(path))  # into the board it came from: a bulk edit of nothing
    assert (code, err) == (0, "") and out.startswith("no new deals\n3 deals already as the file has them\n")
    assert snapshot_files(tmp_path / "board") == before
    assert len(payments(board, "D-1")) == 2
    assert fresh("deal", "import", str(path))[0] == 0
    kept = snapshot_files(tmp_path / "fresh")
    code, _, err = fresh("deal", "import", str(path))  # the same file again, where it went
    assert code == 2 and "3 problems, nothing imported" in err
    assert "row 3: D-2 'Acme' is on this board already (the same title, account, owner, stage, value and payments)" in err
    assert snapshot_files(tmp_path / "fresh") == kept
    acme = next(d["id"] for d in json.loads(fresh("deal", "list", "--json")[1]) if d["title"] == "Acme")
    assert len(payments(fresh, acme)) == 2


@pytest.mark.parametrize("title, cell, said", [
    ("Acme", "2026-13-03 100", "row 2: payments: payment 1 ('2026-13-03 100'): '2026-13-03' is not a date"),
    ("Acme", "2026-11-03 100; 2026-11-04 lots", "row 2: payments: payment 2 ('2026-11-04 lots'): 'lots' is not an amount"),
    ("Acme", "soon 100", "row 2: payments: payment 1 ('soon 100'): 'soon' is not a date"),
    ("Acme", "2026-11-03", "row 2: payments: payment 1 ('2026-11-03'): no amount"),
    ("Acme", "2026-11-03 0", "row 2: payments: payment 1 ('2026-11-03 0'): a payment is more than 0, not 0"),
    ("Acme", "2026-11-03 60000; 2026-11-04 0.01",
     "row 2: payments: they add up to 60,000.01, more than the deal's value (60,000.00)"),
    ("Betasol", "2026-11-03 100", "row 3: payments: the deal is in Lead, not won: a payment is recorded on a won deal"),
])
def test_a_bad_payment_names_its_row_and_column_and_writes_nothing(board, fresh, tmp_path, title, cell, said) -> None:
    table = list(csv.DictReader(io.StringIO(board("deal", "list", "--csv")[1])))
    assert [row["title"] for row in table] == ["Acme", "Betasol"]  # rows 2 and 3 of the file
    next(row for row in table if row["title"] == title)["payments"] = cell
    path = tmp_path / "deals.csv"
    with path.open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    before = snapshot_files(tmp_path / "fresh")
    code, out, err = fresh("deal", "import", str(path))
    assert (code, out) == (2, "") and said in err and "nothing imported" in err, err
    assert snapshot_files(tmp_path / "fresh") == before


def test_only_a_lead_imports_payments(board, fresh, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(board("deal", "list", "--csv")[1])
    code, _, err = fresh("deal", "import", str(path), user="ali")
    assert code == 1 and "only a lead may record what customers have paid on deals" in err


def test_an_export_without_the_column_still_imports(board, fresh, tmp_path) -> None:
    table = list(csv.DictReader(io.StringIO(board("deal", "list", "--csv")[1])))
    path = tmp_path / "older.csv"
    with path.open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=[c for c in table[0] if c != "payments"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(table)
    code, out, err = fresh("deal", "import", str(path))
    assert (code, err) == (0, "") and "payments" not in out
    assert all(payments(fresh, d["id"]) == [] for d in json.loads(fresh("deal", "list", "--json")[1]))
