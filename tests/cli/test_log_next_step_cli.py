"""`log add` sets the deal's next step and its date in the same change (as Pipedrive asks for
the next activity as one logs one): one undo takes both back; refused as editing the deal is."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.conftest import fix_now


def _deal(run, user: str = "dana") -> dict:
    return json.loads(run("deal", "show", "D-1", "--json", user=user)[1])["deal"]


def test_an_activity_sets_the_next_step_and_its_date_and_one_undo_takes_both_back(run, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 8, 10, tzinfo=timezone.utc))  # a Tuesday: fri is 2026-12-11
    assert run("deal", "add", "Acme renewal", "--owner", "ali", "--next", "Call back", user="ali")[0] == 0
    code, out, err = run("log", "add", "call", "D-1", "Talked", "pricing", "--next", "Send proposal",
                         "--next-due", "fri", user="ali")
    assert (code, out, err) == (0, "A-1\nD-1: next_step Call back → Send proposal, next_due – → 2026-12-11\n", "")
    deal = _deal(run)
    assert (deal["next_step"], deal["next_due"]) == ("Send proposal", "2026-12-11")
    assert "  next step Send proposal (due 2026-12-11)" in run("deal", "show", "D-1")[1].splitlines()
    code, out, _err = run("undo", user="ali")
    assert code == 0 and out.splitlines()[1:] == [
        "  logged a call on D-1: Talked pricing",
        "  changed D-1: next_step Call back → Send proposal, next_due – → 2026-12-11"]
    deal = _deal(run)
    assert (deal["next_step"], deal["next_due"]) == ("Call back", None)


def test_a_next_step_is_refused_as_editing_the_deal_is_and_nothing_is_logged(run) -> None:
    assert run("deal", "add", "Acme renewal", "--owner", "ali", user="ali")[0] == 0
    # bea may log a call on ali's deal, not set its next step: nothing written
    code, _out, err = run("log", "add", "call", "--deal", "D-1", "Met them", "--next", "Mine now", user="bea")
    assert code == 1 and err
    assert json.loads(run("log", "--type", "call", "--json")[1]) == []
    assert _deal(run)["next_step"] == ""
    # no deal, or a date that is not one: bad input (exit 2), nothing written
    code, _out, err = run("log", "add", "call", "--account", "Acme", "hi", "--next", "x", user="ali")
    assert code == 2 and "--deal" in err
    code, _out, err = run("log", "add", "call", "D-1", "hi", "--next-due", "banana", user="ali")
    assert code == 2 and "--next-due" in err and "banana" in err
    assert json.loads(run("log", "--type", "call", "--json")[1]) == []


def test_deal_edit_sets_and_clears_the_next_steps_date(run) -> None:
    assert run("deal", "add", "Acme renewal", "--next-due", "2026-12-11")[0] == 0
    assert _deal(run)["next_due"] == "2026-12-11"
    assert run("deal", "edit", "D-1", "--next-due", "")[1] == "D-1: next_due 2026-12-11 → –\n"
    assert _deal(run)["next_due"] is None
