"""An activity is logged with a note (`log add`'s usage says NOTE): none, or only blanks, is bad
input (exit 2, the field named, nothing logged). And the feed says an undo or a redo one way: by
the change it took back or made again, in that change's words, as `uplift undo` says it."""

from __future__ import annotations

import json

import pytest

from store.board import Board


@pytest.fixture
def deal(team):
    Board(team, actor="ali").add_deal("Acme renewal", owner="ali", account="Acme", value=1000)
    return team


@pytest.mark.parametrize("words", [(), ("   ",), ("\x1b\x07 ",)])
def test_an_activity_with_no_note_is_refused(deal, run, words) -> None:
    code, out, err = run("log", "add", "call", "--deal", "D-1", *words, user="ali")
    assert (code, out) == (2, "") and err == (
        "uplift: note: say what happened: an activity is logged with a note (what was said, what comes next)\n")
    assert json.loads(run("log", "--type", "call", "--json")[1]) == []


def test_an_undo_and_a_redo_are_said_by_the_change(deal, run) -> None:
    assert run("log", "add", "call", "--deal", "D-1", "asked for the quote", user="ali")[0] == 0
    assert run("task", "move", "T-1", "doing", user="ali")[0] == 0
    code, out, _ = run("undo", user="ali")
    assert code == 0 and out.splitlines()[1] == "  moved T-1 from To do to Doing"
    assert run("undo", user="ali")[0] == 0
    assert run("redo", user="ali")[0] == 0
    said = [line.split(None, 3)[3] for line in run("log")[1].splitlines()[1:5]]
    assert said == ["redid: logged a call on D-1 Acme: asked for the quote",
                    "undid: logged a call on D-1 Acme: asked for the quote",
                    "undid: moved T-1 from To do to Doing",
                    "moved T-1 from To do to Doing"]
