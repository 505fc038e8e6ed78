"""`uplift coach bea` by the rep ali is a refusal (exit 1, the reason on stderr), as `payout
--rep bea` is, in text and in --json alike: it said "No coaching notes you may read." and `--json`
gave `[]` (exit 0), as if bea had none. A permitted listing with nothing in it is still `[]`."""

from __future__ import annotations

import json

REFUSAL = "uplift: coaching notes are private: a rep reads only the notes about them; bea's are for bea and the leads\n"


def test_a_rep_asking_for_another_reps_notes_is_refused(run) -> None:
    assert run("coach", "bea", "Open with the customer's numbers")[0] == 0
    for json_flag in ((), ("--json",)):
        assert run("coach", "bea", *json_flag, user="ali") == (1, "", REFUSAL)
    # ali's own notes, none yet: a permitted listing, empty
    assert run("coach", "ali", "--json", user="ali") == (0, "[]\n", "")
    assert run("coach", "--json", user="ali") == (0, "[]\n", "")
    assert run("coach", "ali", user="ali") == (0, "No coaching notes you may read.\n", "")
    # bea reads the note about her; the lead reads it too
    assert [n["note"] for n in json.loads(run("coach", "bea", "--json", user="bea")[1])] == [
        "Open with the customer's numbers"]
    assert run("coach", "bea", "--json")[0] == 0
    code, out, err = run("coach", "ali", user="zed")
    assert (code, out) == (1, "") and "(zed is not a member of this board)" in err
