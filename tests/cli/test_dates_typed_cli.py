"""Dates as a taskwarrior user types them (eow, eom, eoy, 3d, 12/25, next fri), on every date option."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from tests.conftest import fix_now, snapshot_files

# Thursday 3 December 2026: its ISO week runs Monday 30 November to Sunday 6 December.
THURSDAY = datetime(2026, 12, 3, 12, tzinfo=timezone.utc)


@pytest.fixture
def due(run, monkeypatch):
    """The due date `task add --due TEXT` gives, on the Thursday above."""
    fix_now(monkeypatch, THURSDAY)

    def given(text: str) -> str:
        code, out, err = run("task", "add", "Call Isdom", "--due", text, "--json")
        assert code == 0, err
        return json.loads(out)["task"]["due"]
    return given


@pytest.mark.parametrize(("typed", "day"), [
    ("eow", "2026-12-06"),        # this week's Sunday
    ("eom", "2026-12-31"),
    ("eoy", "2026-12-31"),
    ("3d", "2026-12-06"),         # as +3d
    ("2w", "2026-12-17"),
    ("1m", "2027-01-03"),
    ("12/25", "2026-12-25"),      # 25 is no month: month/day
    ("25/12", "2026-12-25"),
    ("1/25", "2027-01-25"),       # the 25 January nearest today is the coming one
    ("11/20", "2026-11-20"),      # ... and the 20 November nearest is the one just gone
    ("friday", "2026-12-04"),     # the next Friday: tomorrow
    ("next fri", "2026-12-11"),   # the Friday of next week
    ("this mon", "2026-11-30"),
    ("tomorrow", "2026-12-04"),
    ("下周五", "2026-12-11"),
    ("月底", "2026-12-31"),
    ("12月25日", "2026-12-25"),
    ("3天", "2026-12-06"),
    ("2026/12/31", "2026-12-31"),  # year first, however written: it reads one way only
    ("20261231", "2026-12-31"),
    ("2027/1/5", "2027-01-05"),
    ("31/12/2026", "2026-12-31"),
])
def test_typed_dates(due, typed, day):
    assert due(typed) == day


@pytest.mark.parametrize(("typed", "said"), [
    ("3/4", "'3/4' reads two ways (2027-03-04 or 2027-04-03): write it as YYYY-MM-DD"),
    ("13/13", "'13/13' is not a date: no month has that day"),
    ("2/30", "'2/30' is not a date: the days of 2027-02 run 01 to 28"),  # the February nearest today
    ("2月30日", "'2月30日' is not a date: the days of 2027-02 run 01 to 28"),
    ("2026/02/30", "'2026/02/30' is not a date: the days of 2026-02 run 01 to 28"),
    ("20261301", "'20261301' is not a date: months run 01 to 12"),
    ("next banana", "'next banana' is not a date: use YYYY-MM-DD, 31/12/2026, 12/25, today, tomorrow, 3d, -1w, "
                    "eow, eom or a weekday (fri, next fri)"),
])
def test_unclear_dates_refused_writing_nothing(team, run, monkeypatch, typed, said):
    fix_now(monkeypatch, THURSDAY)
    before = snapshot_files(team)
    code, out, err = run("task", "add", "Call Isdom", "--due", typed)
    assert (code, out) == (2, "")
    assert said in err
    assert snapshot_files(team) == before


@pytest.mark.parametrize("typed", ["nope", "next banana", "+3x"])
def test_every_form_the_refusal_offers_is_taken(run, monkeypatch, typed):
    """The message of a text that is no date lists forms to type instead: each of them is a date."""
    fix_now(monkeypatch, THURSDAY)
    code, _, err = run("task", "add", "Call Isdom", "--due", typed)
    assert code == 2
    offered = err.split(": use ", 1)[1].replace(" or a weekday (", ", ").rstrip(")\n").split(", ")
    assert offered[:3] == ["YYYY-MM-DD", "31/12/2026", "12/25"] and "next fri" in offered
    for form in offered[1:]:
        assert run("task", "add", "Call Isdom", "--due", form)[0] == 0, form


def test_in_chinese_a_short_date_that_reads_two_ways_is_offered_as_chinese_dates_that_do_not(
        team, run, monkeypatch):
    fix_now(monkeypatch, THURSDAY)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    before = snapshot_files(team)
    code, out, err = run("task", "add", "Call Isdom", "--due", "03/04")
    assert (code, out) == (2, "") and snapshot_files(team) == before
    assert "'03/04' 有两种读法：2027年03月04日 或 2027年04月03日，请照所指的那一天写（也可写成 YYYY-MM-DD）" in err
    for offered, day in (("2027年03月04日", "2027-03-04"), ("2027年04月03日", "2027-04-03")):
        code, out, err = run("task", "add", "Call Isdom", "--due", offered, "--json")
        assert code == 0, err
        assert json.loads(out)["task"]["due"] == day


def test_in_chinese_a_text_that_is_no_date_is_offered_chinese_forms(run, monkeypatch):
    fix_now(monkeypatch, THURSDAY)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("task", "add", "Call Isdom", "--due", "nope")
    assert code == 2 and "'nope' 不是日期：请用 YYYY-MM-DD、2026年12月31日" in err
    for form in ("2026年12月31日", "12月25日", "3天", "本周末", "月底", "下周五"):
        assert run("task", "add", "Call Isdom", "--due", form)[0] == 0, form


def test_other_date_options_read_them_too(team, run, monkeypatch):
    fix_now(monkeypatch, THURSDAY)
    assert run("task", "edit", "T-1", "--due", "eom")[0] == 0
    assert run("task", "add", "Call Acme again", "--due", "eow")[0] == 0  # T-3
    code, out, _ = run("task", "list", "--due-by", "eow")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["T-3"]  # T-1 due 12-31, T-2 undated
    code, out, _ = run("log", "--since", "11/30", "--json")  # (12/3 would read two ways)
    assert code == 0 and json.loads(out)
