"""`deal import` of a CRM's export a second time (a team re-exports every week): the deals it
brought before, known by the CRM's id, are updated where the file changed them, left where it did
not, and new ones added, all in one change; a deal the board has closed is not moved by it."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files

HEADER = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company,Next step,Create Date\n"
FIRST = (HEADER
         + "1001,Acme renewal,Contract Sent,12500,2026-12-20,ali,Acme,Send the terms,2026-10-01\n"
         + "1002,Globex pilot,Qualified To Buy,8000,2026-12-30,bea,Globex,Book a demo,2026-10-01\n"
         + "1003,Initech,Closed Won,4500,2026-11-10,ali,Initech,,2026-10-01\n")


def _deals(run) -> dict[str, dict]:
    return {d["source"]: d for d in json.loads(run("deal", "list", "--json")[1])}


def _imported(run, tmp_path, text: str, *options: str, user: str = "dana") -> tuple[int, str, str]:
    path = tmp_path / "hubspot.csv"
    path.write_text(text, encoding="utf-8")
    return run("deal", "import", str(path), *options, user=user)


def test_a_second_export_updates_what_changed_adds_the_new_and_leaves_the_rest(run, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    week_two = (HEADER
                + "1001,Acme renewal,Closed Won,13000,2026-11-20,ali,Acme,,2026-10-01\n"  # won, bigger; blank next step
                + "1002,Globex pilot,Qualified To Buy,8000,2026-12-30,bea,Globex,Book a demo,2026-10-01\n"
                + "1003,Initech,Closed Won,4500,2026-11-10,ali,Initech,,2026-10-01\n"
                + "1004,Hooli,Appointment Scheduled,2000,2027-01-15,bea,Hooli,Call,2026-10-01\n")
    code, out, err = _imported(run, tmp_path, week_two)
    assert (code, err) == (0, ""), err
    lines = out.splitlines()
    assert lines[:4] == [
        "imported 1 deal (D-4): Lead 1",
        "updated 1 deal:",
        "  changed D-1: stage Negotiation → Won, value 12,500 → 13,000, close 2026-12-20 → 2026-11-20",
        "2 deals already as the file has them"]
    deals = _deals(run)
    acme = deals["1001"]
    assert (acme["id"], acme["stage"], acme["value"], acme["close"]) == ("D-1", "Won", 13000, "2026-11-20")
    assert acme["next_step"] == "Send the terms"  # a blank cell leaves the board's
    assert acme["history"][-1]["stage"] == "Won" and acme["history"][-1]["at"].startswith("2026-11-20")
    assert (deals["1004"]["id"], deals["1004"]["stage"], deals["1004"]["owner"]) == ("D-4", "Lead", "bea")
    assert len(deals) == 4
    # one change: one undo takes the update and the new deal back
    code, out, _ = run("undo")
    assert code == 0 and "changed D-1" in out and "created D-4" in out
    deals = _deals(run)
    assert set(deals) == {"1001", "1002", "1003"}
    assert (deals["1001"]["stage"], deals["1001"]["value"]) == ("Negotiation", 12500)


def test_the_same_export_again_changes_nothing(run, team, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    before = snapshot_files(team)
    code, out, err = _imported(run, tmp_path, FIRST, "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert (result["imported"], result["updated"], result["unchanged"], result["kept"]) == (0, [], 3, [])
    assert snapshot_files(team) == before  # (nor a line in the log)
    code, out, _ = _imported(run, tmp_path, FIRST)
    assert out.splitlines()[:2] == ["no new deals", "3 deals already as the file has them"]


def test_a_dry_run_says_what_would_change_and_writes_nothing(run, team, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    before = snapshot_files(team)
    changed = FIRST.replace("1002,Globex pilot,Qualified To Buy,8000,2026-12-30,bea",
                            "1002,Globex pilot,Presentation Scheduled,9000,2026-12-30,ali")
    code, out, err = _imported(run, tmp_path, changed, "--dry-run", "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["updated"] == [{"row": 3, "id": "D-2", "title": "Globex pilot",
                                  "before": {"owner": "bea", "stage": "Qualified", "value": 8000},
                                  "after": {"owner": "ali", "stage": "Proposal", "value": 9000}}]
    assert result["unchanged"] == 2
    code, out, _ = _imported(run, tmp_path, changed, "--dry-run")
    assert "would update 1 deal:\n  changed D-2: owner bea → ali, stage Qualified → Proposal, value 8,000 → 9,000\n" in out
    assert snapshot_files(team) == before


def test_a_deal_closed_on_the_board_is_kept_when_the_file_has_it_open(run, tmp_path) -> None:
    """Initech is won in the CRM's first export; a lead marks Globex lost on the board. The next
    export still has Globex open (the CRM lags) and Initech reopened: neither is moved, since that
    would change what is paid, and the import says which, with the move that would follow the file."""
    assert _imported(run, tmp_path, FIRST)[0] == 0
    assert run("deal", "move", "D-2", "Lost", "--reason", "price")[0] == 0
    later = (HEADER
             + "1001,Acme renewal,Contract Sent,12500,2026-12-20,ali,Acme,Send the terms,2026-10-01\n"
             + "1002,Globex pilot,Qualified To Buy,9500,2026-12-30,bea,Globex,Book a demo,2026-10-01\n"
             + "1003,Initech,Decision Maker Bought-In,4800,2026-12-10,ali,Initech,,2026-10-01\n")
    code, out, err = _imported(run, tmp_path, later)
    assert (code, err) == (0, ""), err
    assert ("kept D-2 'Globex pilot' as the board has it, Lost, where the file (row 3) has it in Qualified: "
            "`uplift deal move D-2 Qualified` follows the file") in out
    assert ("kept D-3 'Initech' as the board has it, Won, where the file (row 4) has it in Negotiation: "
            "`uplift deal move D-3 Negotiation` follows the file") in out
    deals = _deals(run)
    assert (deals["1002"]["stage"], deals["1002"]["value"], deals["1002"]["lost_reason"]) == ("Lost", 8000, "price")
    assert (deals["1003"]["stage"], deals["1003"]["value"]) == ("Won", 4500)
    result = json.loads(_imported(run, tmp_path, later, "--json")[1])
    assert [(k["id"], k["row"], k["stage"], k["file_stage"]) for k in result["kept"]] == [
        ("D-2", 3, "Lost", "Qualified"), ("D-3", 4, "Won", "Negotiation")]


def test_a_rep_updates_their_own_deals_and_is_refused_anothers(run, team, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    own = FIRST.replace("1001,Acme renewal,Contract Sent,12500", "1001,Acme renewal,Contract Sent,14000")
    before = snapshot_files(team)
    others = own.replace("1002,Globex pilot,Qualified To Buy,8000", "1002,Globex pilot,Qualified To Buy,1")
    code, out, err = _imported(run, tmp_path, others, user="ali")
    assert (code, out, err) == (1, "", "uplift: row 3: D-2: a rep may only change their own deals; this one is bea's\n")
    assert snapshot_files(team) == before  # not even ali's own change
    code, out, err = _imported(run, tmp_path, own, user="ali")
    assert (code, err) == (0, ""), err
    assert _deals(run)["1001"]["value"] == 14000


def test_an_owner_not_a_member_is_named_or_left_as_the_board_has_it(run, team, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    moved = FIRST.replace("1001,Acme renewal,Contract Sent,12500,2026-12-20,ali",
                          "1001,Acme renewal,Proposal Made,12500,2026-12-20,Zed Zhou")
    before = snapshot_files(team)
    code, out, err = _imported(run, tmp_path, moved)
    assert (code, out) == (2, "")
    assert "owner 'Zed Zhou' (row 2) is not a member of this board" in err
    assert snapshot_files(team) == before
    code, out, err = _imported(run, tmp_path, moved, "--unowned")
    assert (code, err) == (0, ""), err
    acme = _deals(run)["1001"]
    assert (acme["owner"], acme["stage"]) == ("ali", "Proposal")  # its owner stays; the stage follows the file


def test_a_bad_value_in_a_known_deals_row_is_named_and_nothing_is_written(run, team, tmp_path) -> None:
    assert _imported(run, tmp_path, FIRST)[0] == 0
    before = snapshot_files(team)
    bad = FIRST.replace("1002,Globex pilot,Qualified To Buy,8000,2026-12-30", "1002,Globex pilot,Qualified To Buy,lots,2026-12-30")
    code, out, err = _imported(run, tmp_path, bad)
    assert (code, out) == (2, "")
    assert "row 3: value: 'lots' is not an amount" in err
    assert snapshot_files(team) == before


def test_a_reps_refusal_names_the_row_and_one_who_may_only_read_is_told_so_once(run, team, tmp_path) -> None:
    before = snapshot_files(team)
    code, out, err = _imported(run, tmp_path, FIRST, user="ali")  # row 3 is bea's
    assert (code, out, err) == (1, "", "uplift: row 3: a rep may only add deals they own; this one would be bea's\n")
    code, out, err = _imported(run, tmp_path, FIRST, user="zed")
    assert (code, out) == (1, "") and "zed, who is not a member of this board, so may only read it" in err
    assert "row" not in err
    assert snapshot_files(team) == before


def test_a_deal_deleted_on_the_board_does_not_come_back_with_the_next_export(run, team, tmp_path) -> None:
    """The team deletes a junk deal the CRM keeps: next week's export leaves it out and says so
    (the log remembers the deletion), unless --with-deleted."""
    from datetime import date

    from store.board import Board

    assert _imported(run, tmp_path, FIRST)[0] == 0
    Board(team, actor="dana").delete_deal("D-2")  # Globex pilot, 1002 (the app's `d` on the pipeline)
    before = snapshot_files(team)
    code, out, err = _imported(run, tmp_path, FIRST)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == ["no new deals", "2 deals already as the file has them",
                         "left out 1 deal deleted on this board (--with-deleted imports it again):",
                         f"  row 3: D-2 'Globex pilot' (1002), deleted by dana on {date.today()}"]
    assert snapshot_files(team) == before
    code, out, _ = _imported(run, tmp_path, FIRST, "--json")
    assert [(d["row"], d["id"], d["source"]) for d in json.loads(out)["deleted"]] == [(3, "D-2", "1002")]
    code, out, err = _imported(run, tmp_path, FIRST, "--with-deleted")
    assert (code, err) == (0, "") and out.startswith("imported 1 deal (D-4): Qualified 1\n")
    assert _deals(run)["1002"]["id"] == "D-4"
