"""`uplift member role NAME lead|rep`: a lead makes a member a lead or a rep; the board keeps a lead."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files


def roles(run) -> dict[str, str]:
    return {m["name"]: m["role"] for m in json.loads(run("member", "list", "--json")[1])}


def test_a_lead_changes_a_role_and_undo_takes_it_back(run) -> None:
    assert run("member", "role", "ali", "lead")[:2] == (0, "ali (lead)\n")
    assert roles(run) == {"dana": "lead", "ali": "lead", "bea": "rep"}
    # ali, a lead now, may do a lead's things: make dana a rep
    assert run("member", "role", "dana", "rep", user="ali")[:2] == (0, "dana (rep)\n")
    assert roles(run) == {"dana": "rep", "ali": "lead", "bea": "rep"}
    log = run("log")[1]
    assert "changed ali: role rep → lead" in log and "changed dana: role lead → rep" in log
    assert run("undo", user="ali")[0] == 0
    assert roles(run) == {"dana": "lead", "ali": "lead", "bea": "rep"}


def test_the_role_they_have_writes_nothing(run, team) -> None:
    before = snapshot_files(team)
    assert run("member", "role", "bea", "rep")[:2] == (0, "bea (rep)\n")
    assert snapshot_files(team) == before


def test_the_last_lead_stays_a_lead(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("member", "role", "dana", "rep")
    assert (code, out) == (1, "")
    assert err == ("uplift: dana is the board's only lead, and a board keeps at least one lead; "
                   "make someone else lead first\n")
    assert snapshot_files(team) == before


def test_refusals_and_bad_input_write_nothing(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("member", "role", "bea", "lead", user="ali")
    assert (code, out, err) == (1, "", "uplift: only a lead may change members' roles (you are a rep)\n")
    code, _, err = run("member", "role", "zed", "lead")
    assert code == 1 and err == "uplift: zed is not a member of this board\n"
    code, _, err = run("member", "role", "ali", "boss")
    assert code == 2 and "invalid choice: 'boss'" in err and "Traceback" not in err
    assert run("member", "role", "ali")[0] == 2
    assert snapshot_files(team) == before
