"""A rep's one-line updates between two calls, as terse as taskwarrior's `task 12 done`: the
deal named first in `log add` (as `task done T-4` names its task), and a move that changes
nothing said as such."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files


@pytest.fixture
def deals(run):
    assert run("deal", "add", "Acme add-on", "--account", "Acme", "--value", "5500", user="ali") == (0, "D-1\n", "")
    assert run("deal", "add", "Betasol renewal", "--account", "Betasol", "--value", "9000", user="bea") == (
        0, "D-2\n", "")


@pytest.mark.parametrize("first", ["D-1", "d-1", "D1"])
def test_a_call_logged_with_the_deal_first_is_on_that_deal(run, deals, first):
    code, out, err = run("log", "add", "call", first, "Sent", "the", "revised", "quote", "--json", user="ali")
    assert (code, err) == (0, "")
    import json

    touch = json.loads(out)
    assert (touch["deal"], touch["account"], touch["note"], touch["by"]) == ("D-1", "Acme", "Sent the revised quote",
                                                                             "ali")
    code, out, _err = run("deal", "show", "D-1", user="ali")
    assert "call  Sent the revised quote" in out


def test_the_deal_first_obeys_the_same_rules_as_deal(run, team, deals):
    before = snapshot_files(team)
    assert run("log", "add", "call", "D-2", "Chatted", user="ali") == (
        1, "", "uplift: a rep may log activities on their own deals or on any account; D-2 is bea's\n")
    assert run("log", "add", "call", "D-9", "Chatted", user="ali") == (
        1, "", "uplift: --deal D-9: no such deal on this board\n")
    code, _out, err = run("log", "add", "call", "D-1", user="ali")  # a deal and no note: no note
    assert code == 2 and "say what happened" in err
    assert snapshot_files(team) == before


def test_a_note_that_does_not_start_with_a_deal_needs_deal_or_account(run, team, deals):
    before = snapshot_files(team)
    assert run("log", "add", "call", "Dialled", "Acme", user="ali") == (
        2, "", "uplift: an activity is logged against a deal or an account\n")
    assert snapshot_files(team) == before
    code, out, _err = run("log", "add", "call", "--account", "Acme", "D-1", "came", "up", "--json", user="ali")
    assert code == 0 and '"deal":null' in out and '"note":"D-1 came up"' in out  # (--account given: words)


@pytest.mark.parametrize("lang, says", [("en", "T-1 was already Doing\n"), ("zh", "T-1 的状态已是“进行中”\n")])
def test_moving_a_task_to_the_status_it_has_says_so_and_writes_nothing(run, team, monkeypatch, lang, says):
    assert run("task", "move", "T-1", "doing", user="ali") == (0, "T-1 → doing\n", "")
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("task", "move", "T-1", "in progress", user="ali") == (0, says, "")
    assert snapshot_files(team) == before
