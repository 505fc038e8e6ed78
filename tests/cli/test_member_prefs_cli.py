"""`uplift member lang` and `uplift member theme`: a member's own language and theme, kept on the
board for their sessions over `uplift serve ssh` (a rep their own, a lead anyone's)."""

from __future__ import annotations

import json

import pytest

from store.board import Board
from tests.conftest import snapshot_files


def test_a_lead_sets_a_reps_and_a_rep_their_own(run, team) -> None:
    assert run("member", "lang", "ali")[:2] == (0, "ali: the server's\n")
    assert run("member", "lang", "ali", "zh_CN")[:2] == (0, "ali: 中文\n")
    assert run("member", "theme", "bea", "nord", user="bea")[:2] == (0, "bea: nord\n")
    assert run("member", "lang", "ali", user="bea")[:2] == (0, "ali: 中文\n")  # (anyone may read it)
    board = Board(team, actor="dana")
    assert (board.member_prefs("ali").language, board.member_prefs("ali").theme) == ("zh", "")
    assert (board.member_prefs("bea").language, board.member_prefs("bea").theme) == ("", "nord")
    assert run("member", "lang", "ali", "default", user="ali")[:2] == (0, "ali: the server's\n")
    assert board.member_prefs("ali").language == "" and board.member_prefs("bea").theme == "nord"


def test_another_reps_or_a_bad_value_writes_nothing(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("member", "lang", "bea", "zh", user="ali")
    assert (code, out, err) == (1, "", "uplift: a rep may set only their own language and theme; bea's are "
                                       "theirs or a lead's to set\n")
    code, out, err = run("member", "lang", "ali", "fr")
    assert (code, out, err) == (2, "", "uplift: language: 'fr' is not a language (en or zh)\n")
    code, out, err = run("member", "theme", "ali", "no-such-theme")
    assert (code, out) == (2, "") and err.startswith("uplift: theme: there is no theme named 'no-such-theme' (themes: ")
    code, out, err = run("member", "theme", "ali", "[red]x")
    assert (code, out) == (2, "") and "there is no theme named '[red]x'" in err
    code, out, err = run("member", "lang", "ali", " ")
    assert (code, out, err) == (2, "", "uplift: language: empty; give en, zh, or default for the server's\n")
    assert run("member", "lang", "zed", "zh")[0] == 1
    assert snapshot_files(team) == before


@pytest.mark.parametrize("verb", ["lang", "theme"])
def test_the_change_is_in_the_log(run, verb) -> None:
    run("member", verb, "ali", "zh" if verb == "lang" else "uplift-light")
    code, out, _ = run("log")
    assert code == 0 and "set ali's language to" in out.splitlines()[1]


def test_member_list_json_says_each_ones_language_and_theme(run) -> None:
    """A script (a server's session setup, a team's audit) reads them with the rest of a member."""
    assert run("member", "lang", "ali", "zh")[0] == 0
    assert run("member", "theme", "bea", "nord", user="bea")[0] == 0
    code, out, _err = run("member", "list", "--json", user="ali")
    assert code == 0
    listed = {m["name"]: (m["language"], m["theme"]) for m in json.loads(out)}
    assert listed == {"ali": ("zh", ""), "bea": ("", "nord"), "dana": ("", "")}
