"""`--mine` and the option naming someone (`--owner`, `--rep`, `--for`) together are bad usage,
said the same way by every command that takes both, an empty name (`--owner ""`) too: the
commands differed (`deal list` and `task list` refused `--mine --owner ""`, the rest ran as
`--mine`). Nothing is written; `--mine` alone is your own."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files

COMMANDS = [(("task", "list"), "--owner"), (("deal", "list"), "--owner"), (("goal", "list"), "--owner"), (("burnup",), "--owner"),
            (("calendar",), "--for"), (("forecast",), "--rep"), (("payout",), "--rep"), (("winloss",), "--rep")]


@pytest.mark.parametrize("name", ["bea", ""])
@pytest.mark.parametrize("verb, flag", COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_mine_and_a_name_together_are_bad_usage(run, team, verb, flag, name):
    before = snapshot_files(team)
    code, out, err = run(*verb, "--mine", flag, name, user="ali")
    assert (code, out) == (2, "")
    assert err == f"uplift: give --mine or {flag}, not both\n"
    assert snapshot_files(team) == before


def test_mine_and_a_name_in_chinese(run, monkeypatch):
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("forecast", "--mine", "--rep", "bea", user="ali") == (2, "", "uplift: --mine 和 --rep 只能给一个\n")


@pytest.mark.parametrize("kind", ["task", "deal"])
def test_mine_is_your_own_and_an_empty_owner_everyones(run, kind):
    assert run("deal", "add", "Acme renewal", "--value", "100", user="ali")[0] == 0
    assert run("deal", "add", "Beta renewal", "--value", "200", user="bea")[0] == 0
    code, mine, _err = run(kind, "list", "--mine", user="ali")
    assert code == 0 and "ali" in mine and "bea" not in mine
    code, everyone, _err = run(kind, "list", "--owner", "", user="ali")
    assert code == 0 and "ali" in everyone and "bea" in everyone


def test_goal_list_mine_is_the_goals_you_own(run):
    """A rep's "my goals", as `task list --mine` is their tasks: `goal list --mine` was unknown."""
    assert run("goal", "add", "Ali's renewals", "--owner", "ali", "--metric", "revenue", "--target", "100")[0] == 0
    assert run("goal", "add", "Bea's new logos", "--owner", "bea", "--metric", "revenue", "--target", "200")[0] == 0
    code, mine, _err = run("goal", "list", "--mine", "--json", user="ali")
    assert code == 0 and [g["title"] for g in json.loads(mine)] == ["Ali's renewals"]
    code, none, _err = run("goal", "list", "--mine", "--json")
    assert (code, json.loads(none)) == (0, [])
