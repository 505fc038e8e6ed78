"""`uplift coach` with no name: a rep reads the notes about them; a lead, who has none about
them, reads every rep's, each with whom it is about (it said "no notes" to a lead before)."""

import json


def test_a_lead_with_no_name_reads_every_reps_notes(run):
    assert run("coach", "ali", "Ask for the next step")[0] == 0
    assert run("coach", "bea", "--private", "Ready to lead the team")[0] == 0
    code, out, err = run("coach")
    assert (code, err) == (0, "")
    rows = out.splitlines()
    assert rows[0].split() == ["ID", "WHEN", "BY", "REP", "NOTE"]
    assert "K-1" in rows[1] and " ali " in rows[1] and "Ask for the next step" in rows[1]
    assert "K-2" in rows[2] and " bea " in rows[2] and "(private) Ready to lead the team" in rows[2]
    code, out, _ = run("coach", "--json")
    assert code == 0
    assert [(n["id"], n["rep"], n["private"]) for n in json.loads(out)] == [("K-1", "ali", False), ("K-2", "bea", True)]


def test_a_rep_with_no_name_still_reads_only_theirs(run):
    assert run("coach", "ali", "Ask for the next step")[0] == 0
    assert run("coach", "bea", "Shorter demos")[0] == 0
    code, out, _ = run("coach", "--json", user="ali")
    assert code == 0
    assert [n["note"] for n in json.loads(out)] == ["Ask for the next step"]


def test_a_lead_on_a_board_with_no_notes_is_told_how_to_write_one(run):
    code, out, _ = run("coach")
    assert code == 0
    assert "uplift coach REP NOTE" in out


def test_a_lead_deletes_by_id_without_a_name_as_before(run):
    assert run("coach", "ali", "Ask for the next step")[0] == 0
    code, _, err = run("coach", "--delete", "K-1")
    assert code == 1 and "K-1 is a coaching note on ali" in err
