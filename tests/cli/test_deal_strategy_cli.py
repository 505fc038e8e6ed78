"""A deal tagged with the strategy (campaign) that brought it, as a CRM tags a deal with its
source or campaign: `deal add/edit --strategy`, `deal show`, `deal list --strategy`, `--json`,
the CSV and plan files, deleting the strategy, the log and undo, a board made before deals had
the field; and what each strategy brought in the review (figures worked out by hand below)."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import run_uplift
from tests.conftest import snapshot_files

OLD_BOARD = Path(__file__).resolve().parents[1] / "store" / "data" / "board-v1"


@pytest.fixture
def strategies(run):
    for title in ("Fairs", "Webinars"):  # S-1, S-2
        assert run("strategy", "add", title)[0] == 0


def shown(run, deal: str) -> str | None:
    code, out, err = run("deal", "show", deal, "--json")
    assert code == 0, err
    return json.loads(out)["deal"]["strategy"]


def test_a_deal_names_the_strategy_that_brought_it(strategies, run) -> None:
    assert run("deal", "add", "Acme renewal", "--value", "12000", "--strategy", "s1") == (0, "D-1\n", "")
    assert run("deal", "add", "Corvid fleet", "--value", "5000") == (0, "D-2\n", "")
    assert "\n  strategy  S-1\n" in run("deal", "show", "D-1")[1]
    assert "strategy" not in run("deal", "show", "D-2")[1]
    assert (shown(run, "D-1"), shown(run, "D-2")) == ("S-1", None)
    code, out, _ = run("deal", "list", "--strategy", "S-1", "--json")
    assert code == 0 and [d["id"] for d in json.loads(out)] == ["D-1"]
    assert run("deal", "list", "--strategy", "S-2") == (0, "No deals match.\n", "")
    assert run("deal", "edit", "D-2", "--strategy", "S-2", "--json")[0] == 0
    code, out, _ = run("deal", "list", "--strategy", "S-2")
    assert code == 0 and "Corvid fleet" in out and "Acme" not in out
    assert run("deal", "edit", "D-1", "--strategy", "") == (0, "D-1: strategy S-1 → –\n", "")  # "" clears it
    assert shown(run, "D-1") is None


def test_a_strategy_the_board_lacks_is_said_and_nothing_written(strategies, run, team) -> None:
    """As for a task's --strategy: an id that names nothing is not found (exit 1), text that is
    no strategy id at all is bad input (exit 2); either way nothing is written."""
    assert run("deal", "add", "Acme")[0] == 0
    before = snapshot_files(team)
    assert run("deal", "edit", "D-1", "--strategy", "S-9") == (
        1, "", "uplift: --strategy S-9: no such strategy on this board\n")
    code, out, err = run("deal", "add", "Betasol", "--strategy", "banana")
    assert (code, out) == (2, "") and "--strategy: 'banana' is not a strategy id" in err
    assert run("deal", "list", "--strategy", "S-9")[0] == 1
    assert snapshot_files(team) == before


def test_the_change_is_logged_and_undone_as_other_deal_edits(strategies, run) -> None:
    assert run("deal", "add", "Acme")[0] == 0
    assert run("deal", "edit", "D-1", "--strategy", "S-2")[0] == 0
    assert "dana  changed D-1: strategy – → S-2" in run("log", "--limit", "1")[1]
    code, out, _ = run("undo")
    assert code == 0 and "changed D-1: strategy – → S-2" in out
    assert shown(run, "D-1") is None


def test_deleting_the_strategy_leaves_its_deals_unlinked_and_undo_links_them_again(strategies, run) -> None:
    """As a strategy's tasks: the deals it brought stay, no longer naming it."""
    assert run("deal", "add", "Acme", "--strategy", "S-1")[0] == 0
    assert run("task", "add", "Call Acme", "--strategy", "S-1")[0] == 0  # T-3
    code, out, _ = run("strategy", "delete", "S-1")
    assert code == 0 and out == "deleted S-1; T-3, D-1 stay, unlinked\n"
    assert shown(run, "D-1") is None
    assert run("undo")[0] == 0
    assert shown(run, "D-1") == "S-1"


def test_the_plan_file_carries_it_exactly_and_an_older_file_still_imports(strategies, run, tmp_path) -> None:
    assert run("deal", "add", "Acme", "--value", "12000", "--strategy", "S-2")[0] == 0
    assert run("deal", "add", "Corvid")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", plan)[0] == 0
    text = plan.read_text(encoding="utf-8")
    assert "\n  strategy: S-2\n" in text and text.count("strategy: ") == 1
    other = tmp_path / "other"
    assert run("--board", other, "plan", "import", plan)[0] == 0
    assert run("--board", other, "plan", "export")[1] == text  # the round trip is exact
    older = tmp_path / "older.yaml"  # (written before deals had a strategy)
    older.write_text(text.replace("  strategy: S-2\n", ""), encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert run("--board", fresh, "plan", "import", older)[0] == 0
    assert json.loads(run("--board", fresh, "deal", "show", "D-1", "--json")[1])["deal"]["strategy"] is None
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("  strategy: S-2\n", "  strategy: S-7\n"), encoding="utf-8")
    line = text.splitlines().index("  strategy: S-2") + 1
    code, out, err = run("--board", tmp_path / "third", "plan", "import", wrong)
    assert code == 2 and f"wrong.yaml:{line}: deals[0].strategy: S-7 is not a strategy in this file or on the board" in err
    assert not (tmp_path / "third").exists()


def _rows(path) -> list[dict]:
    import csv as csv_module

    return list(csv_module.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def _write(path, rows: list[dict], columns: list[str]) -> None:
    import csv as csv_module
    import io

    text = io.StringIO()
    writer = csv_module.DictWriter(text, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")


def test_the_csv_export_carries_it_and_imports_back(strategies, run, tmp_path) -> None:
    """The board's list names each deal's strategy by its id on the board, and the board that wrote
    it: imported into another board, whose S-2 is another strategy, the link is left out and said
    (it linked the deal to that board's S-2); a list without the board column (written before
    it) still reads the ids as the board's own."""
    assert run("deal", "add", "Acme", "--value", "12000", "--strategy", "S-2")[0] == 0
    assert run("deal", "add", "Corvid", "--value", "5000")[0] == 0
    csv = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", csv)[0] == 0
    rows = _rows(csv)
    assert [(r["title"], r["strategy"]) for r in rows] == [("Acme", "S-2"), ("Corvid", "")]
    other = tmp_path / "other"
    for title in ("Trade fairs", "Webinars"):
        assert run("--board", other, "strategy", "add", title)[0] == 0
    code, out, err = run("--board", other, "deal", "import", csv)
    assert (code, err) == (0, ""), err
    assert "rows 2, 3 come from another board's list" in out
    assert "left out their links to that board's records: strategy 1" in out
    code, out, _ = run("--board", other, "deal", "list", "--json")
    assert [(d["title"], d["strategy"]) for d in json.loads(out)] == [("Acme", None), ("Corvid", None)]
    older = tmp_path / "older.csv"  # (as `deal list --csv` wrote it before the board column)
    _write(older, [{**r, "title": r["title"] + " 2"} for r in rows], [c for c in rows[0] if c != "board"])
    third = tmp_path / "third"
    code, _, err = run("--board", third, "deal", "import", older)  # no S-2 there: said by row, nothing written
    assert code == 2 and "row 2: strategy: no strategy S-2 on this board" in err
    assert run("--board", other, "deal", "import", older)[0] == 0
    code, out, _ = run("--board", other, "deal", "list", "--json")
    assert {d["title"]: d["strategy"] for d in json.loads(out)} == {"Acme": None, "Corvid": None, "Acme 2": "S-2",
                                                                     "Corvid 2": None}


def test_a_blank_strategy_cell_in_the_boards_own_list_clears_it(strategies, run, tmp_path) -> None:
    """The board's own list edited in a sheet: emptying the cell unlinks the deal, as a blank
    cell clears any other field there; deleting the column leaves it."""
    assert run("deal", "add", "Acme", "--value", "12000", "--strategy", "S-2")[0] == 0
    csv = tmp_path / "deals.csv"
    assert run("deal", "list", "--csv", "-o", csv)[0] == 0
    rows = _rows(csv)
    dropped = tmp_path / "dropped.csv"
    _write(dropped, rows, [c for c in rows[0] if c != "strategy"])
    assert run("deal", "import", dropped)[0] == 0 and shown(run, "D-1") == "S-2"
    rows[0]["strategy"] = ""
    _write(csv, rows, list(rows[0]))
    code, out, err = run("deal", "import", csv)
    assert code == 0, err
    assert "changed D-1: strategy S-2 → –" in out and shown(run, "D-1") is None


def test_a_board_made_before_deals_had_a_strategy_opens_and_takes_one(tmp_path, capsys, monkeypatch) -> None:
    board = tmp_path / "board"
    shutil.copytree(OLD_BOARD, board)
    run = run_uplift(board, capsys, monkeypatch)
    assert shown(run, "D-1") is None
    assert "strategy" not in run("deal", "show", "D-1")[1]
    assert run("strategy", "add", "Fairs", user="dana")[0] == 0
    code, _, err = run("deal", "edit", "D-1", "--strategy", "S-1", user="dana")
    assert code == 0, err
    assert shown(run, "D-1") == "S-1"


TODAY = date.today()


def test_a_deal_counts_for_its_own_strategy_else_for_the_strategies_that_worked_it(run) -> None:
    """D-1 (won, 10,000) was brought by S-1; S-1's task works on it too, and so does S-2's: it
    counts for S-1 alone, once. D-2 (won, 4,000) names no strategy: it counts for S-2 and S-3,
    whose tasks work on it. D-3 (won, 2,000) was brought by S-2, with no task on it. D-4 (open,
    3,000) was brought by S-3: a deal of S-3's, not won."""
    assert run("plan", "info", "--start", TODAY - timedelta(days=30), "--end", TODAY + timedelta(days=30))[0] == 0
    for title in ("Fairs", "Bundles", "Webinars"):
        assert run("strategy", "add", title)[0] == 0
    for title, value, strategy in (("Acme", "10000", "S-1"), ("Betasol", "4000", ""), ("Corvid", "2000", "S-2"),
                                   ("Delta", "3000", "S-3")):
        assert run("deal", "add", title, "--value", value, "--owner", "ali", "--strategy", strategy)[0] == 0
    for deal in ("D-1", "D-2", "D-3"):
        assert run("deal", "move", deal, "Won")[0] == 0
    for title, strategy, deal in (("Demo at Acme", "S-1", "D-1"), ("Bundle for Acme", "S-2", "D-1"),
                                  ("Bundle for Betasol", "S-2", "D-2"), ("Webinar for Betasol", "S-3", "D-2")):
        assert run("task", "add", title, "--owner", "ali", "--strategy", strategy, "--deal", deal)[0] == 0
    rows = json.loads(run("review", "--json")[1])["strategies"]
    got = {r["strategy"]: (r["tasks"], r["deals"], r["won"], r["won_value"]) for r in rows}
    assert got == {"S-1": (1, ["D-1"], ["D-1"], 10000),
                   "S-2": (2, ["D-2", "D-3"], ["D-2", "D-3"], 6000),
                   "S-3": (1, ["D-2", "D-4"], ["D-2"], 4000)}
    out = run("review")[1]
    assert "S-2       0 / 2           2  D-2, D-3      6,000" in out, out
    assert "A deal counts for the strategy that brought it (uplift deal edit D-N --strategy S-N)" in out
