"""What a rep types that cannot be right is bad input (exit 2) saying what and where, in the
interface's language, and nothing is written."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: due: '2026-02-30' is not a date: the days of 2026-02 run 01 to 28\n"),
    ("zh", "uplift: due: '2026-02-30' 不是日期：2026-02 的日期为 01 到 28\n"),
])
def test_a_day_the_calendar_lacks_says_why(run, team, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("task", "edit", "T-1", "--due", "2026-02-30", user="ali") == (2, "", says)
    assert snapshot_files(team) == before


@pytest.fixture
def deal(run):
    """D-1, ali's, in Proposal."""
    code, out, _ = run("deal", "add", "Acme renewal", "--owner", "ali", "--stage", "Proposal", "--value", "5000")
    assert (code, out) == (0, "D-1\n")


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: --reason says why a deal was lost: give it with a move to Lost, not to Won\n"),
    ("zh", "uplift: --reason 说明商机为何输单：只在移到 Lost 时给出，移到 Won 时不用\n"),
])
def test_a_reason_given_with_a_move_that_is_not_lost_says_so(run, team, deal, monkeypatch, lang, says):
    """It said "lost-reason: only a lost deal has a lost reason (D-1 is in Won)": an option not
    typed, and a stage the deal is not in."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("deal", "move", "D-1", "won", "--reason", "price", user="ali") == (2, "", says)
    assert snapshot_files(team) == before


def test_a_move_to_lost_names_the_reason_as_typed(run, team, deal):
    before = snapshot_files(team)
    assert run("deal", "move", "D-1", "lost", "--reason", "x" * 41, user="ali") == (
        2, "", "uplift: reason: too long: at most 40 characters\n")
    assert snapshot_files(team) == before
    assert run("deal", "move", "D-1", "lost", "--reason", "price", user="ali") == (0, "D-1 → Lost (price)\n", "")


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: T-1 has no checklist steps (`task edit T-1 --step TEXT` gives it some)\n"),
    ("zh", "uplift: T-1 没有步骤（可用 `task edit T-1 --step TEXT` 添加）\n"),
])
def test_ticking_a_task_without_steps_says_how_to_give_it_some(run, monkeypatch, lang, says):
    """Not found (exit 1), as a step past the end is; it said "T-1 has no step 1 (it has 0)"."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run("task", "tick", "T-1", "1", user="ali") == (1, "", says)
    assert run("task", "edit", "T-1", "--step", "Call", user="ali")[0] == 0
    assert run("task", "tick", "T-1", "1", user="ali") == (0, "T-1 1. [x] Call  (1/1)\n", "")


def test_a_move_to_lost_and_what_a_task_waits_for_are_said_with_chinese_brackets(run, deal, monkeypatch):
    """In Chinese the brackets around a reason or a status are full-width, as the log's are."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("deal", "move", "D-1", "lost", "--reason", "价格", user="ali") == (0, "D-1 → Lost（价格）\n", "")
    assert run("task", "edit", "T-1", "--depends", "T-2")[0] == 0
    out = run("task", "show", "T-1")[1]
    assert "  等待      T-2（待办）\n" in out
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert "  waits for T-2 (To do)\n" in run("task", "show", "T-1")[1]


@pytest.mark.parametrize("lang, typed, priority", [("en", "High", "high"), ("en", " URGENT ", "urgent"),
                                                   ("zh", "高", "high"), ("zh", "Low", "low")])
def test_a_priority_is_read_as_a_status_is_in_any_case_or_in_the_interfaces_language(run, monkeypatch, lang,
                                                                                     typed, priority):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("task", "edit", "T-1", "--priority", typed, user="ali")
    assert (code, err) == (0, "") and out.startswith("T-1")
    tasks = json.loads(run("task", "list", "--json")[1])
    assert next(t["priority"] for t in tasks if t["id"] == "T-1") == priority


def test_a_priority_that_is_none_is_still_refused_naming_the_choices(run):
    code, out, err = run("task", "edit", "T-1", "--priority", "H", user="ali")
    assert (code, out) == (2, "")
    assert err.endswith("uplift task edit: error: argument --priority: invalid choice: 'H' "
                        "(choose from 'low', 'normal', 'high', 'urgent')\n")


@pytest.mark.parametrize("lang, says", [("en", "uplift: give --mine or --owner, not both\n"),
                                        ("zh", "uplift: --mine 和 --owner 只能给一个\n")])
@pytest.mark.parametrize("kind", ["task", "deal"])
def test_mine_and_an_owner_together_are_bad_usage_as_calendar_says(run, deal, monkeypatch, lang, says, kind):
    """`deal list --mine --owner bea` listed ali's deals, dropping --owner unsaid; `task list`
    listed nothing. Either way one of the two was not what was meant."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run(kind, "list", "--mine", "--owner", "bea", user="ali") == (2, "", says)
    assert run(kind, "list", "--owner", "ali", user="ali")[0] == 0


def test_help_over_ssh_offers_no_board_option(capsys, monkeypatch):
    """Over `uplift serve ssh` (UPLIFT_REMOTE=1) --board is refused: help does not offer it."""
    from tests.cli.conftest import invoke

    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    code, out, _ = invoke(capsys, "task", "list", "--help")
    assert code == 0 and out.startswith("usage: uplift task list [-h] [--mine] ") and "--board" not in out
    monkeypatch.delenv("UPLIFT_REMOTE")
    code, out, _ = invoke(capsys, "task", "list", "--help")
    assert code == 0 and "--board DIR" in out


@pytest.mark.parametrize("typed", ["330%", "330", "-5", "100.5"])
def test_a_win_rate_checked_in_past_100_percent_is_bad_input(run, team, typed):
    """A rep's `goal checkin G-1 330%` on a win-rate goal was kept: the goal stood at 330%,
    "3322% of the way from baseline to target", for everyone."""
    assert run("goal", "add", "Win more", "--owner", "ali", "--metric", "win_rate", "--unit", "%", "--baseline", "31",
               "--target", "40")[0] == 0
    before = snapshot_files(team)
    value = typed.rstrip("%")
    assert run("goal", "checkin", "G-1", typed, user="ali") == (
        2, "", f"uplift: value: G-1 measures win rate, a rate from 0 to 100%: {float(value):g} is not one\n")
    assert snapshot_files(team) == before
    assert run("goal", "checkin", "G-1", "100", user="ali")[0] == 0  # (a rate may reach 100%)


def test_help_over_ssh_says_where_the_theme_is_kept(capsys, monkeypatch):
    """Over SSH a member's theme is kept on the board (the config is the server's): `uplift
    --help` said "remembered in your config" there too."""
    from tests.cli.conftest import invoke

    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    code, out, _ = invoke(capsys, "--help")
    flat = " ".join(out.split())
    assert code == 0 and "(remembered for you on this board for next time)" in flat and "config" not in flat
    monkeypatch.delenv("UPLIFT_REMOTE")
    assert "(remembered in your config for next time)" in " ".join(invoke(capsys, "--help")[1].split())
