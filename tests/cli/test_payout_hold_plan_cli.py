"""Payout holds travel in plan files (`holds:`), as approvals do: `plan export` writes them (a
rep's file only their own, as pay is private), `plan import` reads them back into another board,
with the checks `uplift payout hold` makes: a reason, a lead's, one hold at a time on a rep's
cycle, a hold's record (whose, which cycle, by whom, when) kept as it was, nothing to come."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import yaml

from tests.cli.conftest import board_from_plan, run_uplift
from tests.cli.test_payout_hold_cli import PLAN

HELD = "- {{id: W-{n}, rep: {rep}, start: 2027-04-01, end: 2027-06-30, reason: {reason}, by: dana, at: {at}}}\n"


@pytest.fixture
def board(tmp_path, capsys, monkeypatch):
    """(run on the board, run on a second, empty board)."""
    runner = board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))
    return runner, run_uplift(tmp_path / "other", capsys, monkeypatch)


def _file(tmp_path, text: str):
    path = tmp_path / "holds.yaml"
    path.write_text(text)
    return str(path)


def test_holds_are_exported_and_read_back_into_another_board(board, tmp_path) -> None:
    run, other = board
    assert run("payout", "hold", "ali", "Disputed split on D-7")[0] == 0
    assert run("payout", "hold", "bea", "Check D-8")[0] == 0
    assert run("payout", "hold", "bea", "--release")[0] == 0
    exported = tmp_path / "board.yaml"
    assert run("plan", "export", "-o", str(exported))[0] == 0
    holds = yaml.safe_load(exported.read_text())["holds"]
    assert [(h["id"], h["rep"], h["reason"], h.get("released_by")) for h in holds] == [
        ("W-1", "ali", "Disputed split on D-7", None), ("W-2", "bea", "Check D-8", "dana")]
    # a rep's file carries their own hold only
    mine = tmp_path / "ali.yaml"
    assert run("plan", "export", "-o", str(mine), user="ali")[0] == 0
    assert [h["id"] for h in yaml.safe_load(mine.read_text())["holds"]] == ["W-1"]
    # read into a fresh board, ali's statement is held there as here, bea's is not
    code, _out, err = other("plan", "import", str(exported))
    assert code == 0, err
    lines = other("payout", "--rep", "ali")[1].splitlines()
    assert lines[1].startswith("  ON HOLD (W-1) since 2027-04-20 by dana: Disputed split on D-7")
    assert "ON HOLD" not in other("payout", "--rep", "bea")[1]
    code, out, err = other("payout", "approve", "--rep", "ali")
    assert code == 1 and "on hold" in err
    assert "held ali's payout statement for 2027-04-01 to 2027-06-30 (W-1): Disputed split on D-7" in other("log")[1]
    # and the same file again into the board it came from changes nothing
    code, out, _err = run("plan", "import", str(exported))
    assert code == 0 and "Changed 0" in out and "Created 0" in out


def test_a_file_changes_a_holds_reason_and_releases_it(board, tmp_path) -> None:
    run, _other = board
    assert run("payout", "hold", "ali", "Disputed split on D-7")[0] == 0
    at = "2027-04-20T12:00:00Z"
    assert run("plan", "import", _file(tmp_path, "holds:\n" + HELD.format(
        n=1, rep="ali", reason="Split agreed and waiting for bea", at=at)))[0] == 0
    assert "ON HOLD (W-1) since 2027-04-20 by dana: Split agreed and waiting for bea" in run("payout", "--rep", "ali")[1]
    released = HELD.format(n=1, rep="ali", reason="Split agreed and waiting for bea", at=at).replace(
        "}\n", ", released_at: 2027-04-20T12:00:00Z, released_by: dana}\n")
    assert run("plan", "import", _file(tmp_path, "holds:\n" + released))[0] == 0
    assert "ON HOLD" not in run("payout", "--rep", "ali")[1]
    assert "released payout hold W-1" in run("log")[1]


@pytest.mark.parametrize(("text", "said"), [
    (HELD.format(n=1, rep="ali", reason="''", at="2027-04-20T10:00:00Z"),
     "holds.yaml:2: holds[0].reason: a hold needs its reason"),
    (HELD.format(n=1, rep="ali", reason="Split", at="2027-05-20T10:00:00Z"),
     "holds.yaml:2: holds[0].at: a payout statement is held when it is held; 2027-05-20 is still to come"),
    (HELD.format(n=1, rep="cy", reason="Split", at="2027-04-20T10:00:00Z"),
     "holds.yaml:2: holds[0].rep:"),
    (HELD.format(n=1, rep="ali", reason="Split", at="2027-04-20T10:00:00Z")
     + HELD.format(n=2, rep="ali", reason="Again", at="2027-04-20T10:00:00Z"),
     "holds.yaml:3: holds[1].rep: ali's payout statement for 2027-04-01 to 2027-06-30 is on hold already (W-1)"),
    (HELD.format(n=1, rep="ali", reason="Split", at="2027-04-20T10:00:00Z").replace(
        "}\n", ", released_at: 2027-04-20T11:00:00Z}\n"),
     "holds.yaml:2: holds[0].released_by: a released hold says when and by whom"),
])
def test_a_bad_hold_in_a_file_says_where_and_writes_nothing(board, tmp_path, text, said) -> None:
    run, _other = board
    code, out, err = run("plan", "import", _file(tmp_path, "holds:\n" + text))
    assert code == 2, err
    assert said in err and "Traceback" not in err
    assert "ON HOLD" not in run("payout", "--rep", "ali")[1]
    assert "held" not in run("log")[1]


def test_a_file_holds_no_statement_held_already_nor_rewrites_a_holds_record(board, tmp_path) -> None:
    run, _other = board
    assert run("payout", "hold", "ali", "Disputed split on D-7")[0] == 0
    code, _out, err = run("plan", "import", _file(tmp_path, "holds:\n" + HELD.format(
        n=2, rep="ali", reason="Another", at="2027-04-20T10:00:00Z").replace("id: W-2, ", "")))
    assert code == 2 and "holds[0].rep: ali's payout statement for 2027-04-01 to 2027-06-30 is on hold already (W-1)" \
        in err
    # the hold's record: whose it is may not change (refused, as an approval's is)
    code, _out, err = run("plan", "import", _file(tmp_path, "holds:\n" + HELD.format(
        n=1, rep="bea", reason="Disputed split on D-7", at="2027-04-20T12:00:00Z")))
    assert code == 1 and "holds[0].rep: W-1 is a record of a hold" in err
    assert "ON HOLD (W-1)" in run("payout", "--rep", "ali")[1] and "ON HOLD" not in run("payout", "--rep", "bea")[1]


def test_only_a_lead_holds_a_statement_by_file(board, tmp_path) -> None:
    run, _other = board
    code, _out, err = run("plan", "import", _file(tmp_path, "holds:\n" + HELD.format(
        n=1, rep="ali", reason="Mine", at="2027-04-20T10:00:00Z")), user="ali")
    assert code == 1 and "holds[0]: only a lead may hold payout statements (you are a rep)" in err
    assert "ON HOLD" not in run("payout", "--rep", "ali")[1]


def test_a_board_whose_held_rep_has_left_reads_its_own_file_back(board, tmp_path) -> None:
    # ali's statement is held and approved for bea; both leave (their work handed to no one: all won)
    run, _other = board
    assert run("payout", "hold", "ali", "Disputed split on D-7")[0] == 0
    assert run("payout", "approve", "--rep", "bea")[0] == 0
    assert run("member", "remove", "ali")[0] == 0 and run("member", "remove", "bea")[0] == 0
    exported = tmp_path / "board.yaml"
    assert run("plan", "export", "-o", str(exported))[0] == 0
    code, out, err = run("plan", "import", str(exported))
    assert code == 0, err
    assert "Changed 0" in out and "Created 0" in out
