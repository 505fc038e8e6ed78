"""The activity feed on the command line as a team reads it: what each person may see of
others' work, its filters and its words."""

from __future__ import annotations

import json


def test_a_coaching_note_is_in_the_log_only_for_a_lead_and_its_rep(run) -> None:
    """A coaching note is read by leads and the rep it is about (`coach`); the log, and its
    --json with the note's words, must not show it to another rep."""
    assert run("coach", "ali", "You rushed the Acme close")[0] == 0
    for user, seen in (("dana", True), ("ali", True), ("bea", False), ("zed", False)):
        code, out, err = run("log", "--json", user=user)
        assert code == 0 and ("You rushed the Acme close" in out) is seen, user
        assert any(r["action"] == "coaching.add" for r in json.loads(out)) is seen, user
        code, out, err = run("log", "--item", "K-1", user=user)
        assert code == 0 and ("added coaching note K-1 for ali" in out) is seen, user
    code, out, err = run("log", "--type", "coaching", user="bea")
    assert (code, out) == (0, "Nothing in the log matches.\n")
