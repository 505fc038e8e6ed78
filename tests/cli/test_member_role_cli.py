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
    assert code == 1 and err == "uplift: member role zed: no such member on this board (members: ali, bea, dana)\n"
    code, _, err = run("member", "role", "ali", "boss")
    assert code == 2 and "invalid choice: 'boss'" in err and "Traceback" not in err
    assert run("member", "role", "ali")[0] == 2
    assert snapshot_files(team) == before


def test_the_last_lead_is_not_removed_even_alone(run, team, tmp_path) -> None:
    """A board keeps a lead: not removed from a team (hand the lead on first), nor as its only
    member (which left a board with nobody in charge of it)."""
    before = snapshot_files(team)
    code, out, err = run("member", "remove", "dana")
    assert (code, out) == (1, "")
    assert err == ("uplift: dana is the board's only lead, and a board keeps at least one lead; "
                   "make someone else lead first\n")
    assert snapshot_files(team) == before
    alone = tmp_path / "alone"
    assert run("--board", alone, "member", "add", "lee", "--role", "lead", user="lee")[0] == 0
    kept = snapshot_files(alone)
    code, out, err = run("--board", alone, "member", "remove", "lee", user="lee")
    assert (code, out) == (1, "")
    assert err == ("uplift: lee is the board's only member, and a board keeps at least one lead; "
                   "add another lead first (uplift member add NAME --role lead)\n")
    assert snapshot_files(alone) == kept
    assert run("--board", alone, "member", "role", "lee", "rep", user="lee")[0] == 1


def test_a_lead_steps_down_or_leaves_once_another_leads(run) -> None:
    assert run("member", "role", "ali", "lead")[0] == 0
    assert run("member", "role", "dana", "rep", user="ali")[:2] == (0, "dana (rep)\n")
    assert run("member", "role", "dana", "lead", user="ali")[0] == 0
    assert run("member", "remove", "dana", user="ali")[:2] == (0, "removed dana\n")
    assert roles(run) == {"ali": "lead", "bea": "rep"}


def test_in_chinese_the_only_member_is_told_what_to_do(run, tmp_path, monkeypatch) -> None:
    alone = tmp_path / "alone"
    assert run("--board", alone, "member", "add", "lee", "--role", "lead", user="lee")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("--board", alone, "member", "remove", "lee", user="lee") == (
        1, "", "uplift: lee 是此看板唯一的成员，而看板至少要保留一名主管；请先添加另一名主管（uplift member add NAME --role lead）\n")
