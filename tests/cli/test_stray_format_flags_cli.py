"""`uplift review --json tick 3`: argparse gives the --json of `review` to the run of `review
tick`, which prints text; a script asking for JSON read "ticked 3". A --json or --csv that the
verb run does not have is bad usage (exit 2), said before anything is written."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files


@pytest.mark.parametrize("args", [
    ("review", "--json", "tick", "3"),
    ("review", "--json", "tick"),
    ("review", "--json", "answer", "3", "Prices fell"),
    ("payout", "--json", "approve"),
    ("payout", "--csv", "paid"),
    ("alerts", "--json", "snooze", "overdue:T-1", "--until", "+2d", "--reason", "x"),
], ids=" ".join)
def test_a_format_flag_of_the_group_given_to_a_verb_is_bad_usage(run, team, args) -> None:
    before = snapshot_files(team)
    code, out, err = run(*args)
    group, flag, verb = args[:3]
    assert (code, out) == (2, "")
    assert err == f"uplift: {group} {verb}: it has no {flag} ({flag} goes with `uplift {group}` alone)\n"
    assert snapshot_files(team) == before


def test_the_group_and_the_verbs_own_flags_still_work(run) -> None:
    assert json.loads(run("review", "--json")[1])["process"] is not None
    assert run("payout", "--csv")[1].startswith("rep,plan,")
    assert isinstance(json.loads(run("alerts", "--json")[1]), list)
    assert json.loads(run("task", "list", "--json")[1])[0]["id"] == "T-1"


@pytest.mark.parametrize("theme", ["nord", "nope"])
def test_a_theme_given_to_a_verb_that_draws_no_screen_is_bad_usage(run, team, theme) -> None:
    before = snapshot_files(team)
    code, out, err = run("--theme", theme, "task", "list")
    assert (code, out) == (2, "")
    assert err.startswith("uplift: task list: it draws no screen, so it takes no --theme")
    assert snapshot_files(team) == before


def test_an_unknown_theme_makes_no_board(tmp_path, capsys) -> None:
    from tui.cli import main

    assert main(["--board", str(tmp_path / "new"), "--theme", "nope"]) == 2
    assert "there is no theme named 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
