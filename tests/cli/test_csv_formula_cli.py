"""`deal list --csv` puts text that a spreadsheet would run (`=`, `+`, `-`, `@`, their full-width
forms) behind a `'`; `deal import` of that file on a fresh board gives every title and account
back byte for byte, a `'` the person typed included."""

from __future__ import annotations

import csv
import io

import pytest

from store.board import Board
from tests.cli.conftest import run_uplift

TEXTS = ["=1+1 deal", "+Acme", "-12.5", "@legal", "\uff1dSUM(A1:A9)", "\uff0b33 seats", "\uff0d5% off",
         "\uff20mention", "'=already quoted", "''\uff20twice", "'plain quote", "Acme \uff1d ok", "a\t=b"]


@pytest.mark.parametrize("text", TEXTS, ids=ascii)
def test_a_deals_csv_runs_nothing_and_imports_back_byte_for_byte(run, tmp_path, capsys, monkeypatch, text) -> None:
    assert run("deal", "add", text, "--account", text, "--next", text, "--owner", "ali")[0] == 0
    code, exported, err = run("deal", "list", "--csv")
    assert (code, err) == (0, "")
    (row,) = csv.DictReader(io.StringIO(exported))
    kept = Board(tmp_path / "board", actor="dana").deal("D-1")  # what the board holds (tabs as spaces)
    for field in ("title", "account", "next_step"):
        cell = row[field]
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"))
        assert cell in (getattr(kept, field), "'" + getattr(kept, field))
    path = tmp_path / "deals.csv"
    path.write_text(exported, encoding="utf-8")

    other = tmp_path / "other"
    lead = Board(other, actor="dana")
    for name, role in (("dana", "lead"), ("ali", "rep")):
        lead.add_member(name, role)
    code, _, err = run_uplift(other, capsys, monkeypatch)("deal", "import", str(path))
    assert (code, err) == (0, ""), err
    (back,) = Board(other, actor="dana").deals()
    assert (back.title, back.account, back.next_step) == (kept.title, kept.account, kept.next_step)
    assert back.title.encode() == kept.title.encode() and back.title == text.replace("\t", " ")
