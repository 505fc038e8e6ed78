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


@pytest.mark.parametrize("where", [("--account", "Acme"), ("--account=Acme",), ("--deal", "D-1")])
def test_after_where_it_was_the_first_word_is_the_notes(run, deals, where):
    """Given --account or --deal, a deal's id first is a word of the note (TAB offers no deal there)."""
    import json

    code, out, err = run("log", "add", "call", *where, "D-2", "came", "up", "--json", user="ali")
    assert (code, err) == (0, "")
    touch = json.loads(out)
    assert (touch["deal"], touch["note"]) == ("D-1" if "--deal" in where else None, "D-2 came up")


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
    assert run("task", "move", "T-1", "doing", user="ali") == (0, "T-1 → Doing\n", "")
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("task", "move", "T-1", "in progress", user="ali") == (0, says, "")
    assert snapshot_files(team) == before


def test_a_step_added_keeps_the_steps_and_ticks_the_task_has(run):
    """`task edit --step` gives the steps it lists, so a rep adding one had to retype the rest
    (and their ticks went if the words differed): `task step` adds one at the end."""
    assert run("task", "edit", "T-1", "--step", "Find the buyer", "--step", "Send the quote", user="ali")[0] == 0
    assert run("task", "tick", "T-1", "1", user="ali")[0] == 0
    assert run("task", "step", "T-1", "Book", "the", "demo", user="ali") == (0, "T-1 3. [ ] Book the demo  (1/3)\n", "")
    code, out, _err = run("task", "show", "T-1", "--json", user="ali")
    import json

    shown = json.loads(out)
    assert [(s["text"], s["done"]) for s in shown["task"]["steps"]] == [
        ("Find the buyer", True), ("Send the quote", False), ("Book the demo", False)]
    assert run("log", "--limit", "1", user="ali")[1].splitlines()[1].endswith(
        "ali  added the step “Book the demo” to T-1")
    assert run("undo", user="ali")[0] == 0  # one undo takes the step away, the rest as it was
    shown = json.loads(run("task", "show", "T-1", "--json", user="ali")[1])
    assert [(s["text"], s["done"]) for s in shown["task"]["steps"]] == [("Find the buyer", True),
                                                                       ("Send the quote", False)]


def test_a_step_on_someone_elses_task_is_refused_and_writes_nothing(run, team):
    before = snapshot_files(team)
    assert run("task", "step", "T-2", "Call", user="ali") == (
        1, "", "uplift: a rep may only change their own tasks; this one is bea's\n")
    assert run("task", "step", "T-9", "Call", user="ali") == (1, "", "uplift: no task T-9 on this board\n")
    code, _out, err = run("task", "step", "T-1", "   ", user="ali")
    assert code == 2 and "step" in err
    assert snapshot_files(team) == before


def test_a_rep_lists_only_the_alerts_about_their_own_work(run):
    """`uplift today` says how many alerts the board has; `alerts --mine` is a rep's own of them."""
    from datetime import date, timedelta

    late = (date.today() - timedelta(days=3)).isoformat()
    assert run("task", "edit", "T-1", "--due", late)[0] == 0  # ali's
    assert run("task", "edit", "T-2", "--due", late)[0] == 0  # bea's
    code, out, _err = run("alerts", user="ali")
    assert code == 0 and "T-1 " in out and "T-2 " in out
    code, out, err = run("alerts", "--mine", user="ali")
    assert (code, err) == (0, "") and "T-1 " in out and "T-2" not in out
    import json

    code, out, _err = run("alerts", "--mine", "--json", user="bea")
    assert code == 0 and [a["item"] for a in json.loads(out)] == ["T-2"]
    assert run("alerts", "--mine", user="dana") == (0, "No alerts about your tasks, deals or goals.\n", "")


def test_mine_given_to_an_alerts_verb_is_bad_usage(run, team):
    before = snapshot_files(team)
    code, out, err = run("alerts", "--mine", "snooze", "overdue:T-1", "--until", "fri", "--reason", "away", user="ali")
    assert (code, out) == (2, "")
    assert err.endswith("alerts snooze: it has no --mine (--mine goes with `uplift alerts` alone)\n")
    assert snapshot_files(team) == before


def test_payout_mine_is_a_reps_own_statement_as_forecast_mine_is(run):
    """`forecast --mine`, `winloss --mine`, `task list --mine` ... and `payout --mine` was
    unrecognized (exit 2)."""
    code, mine, err = run("payout", "--mine", "--json", user="ali")
    assert (code, err) == (0, "")
    assert mine == run("payout", "--rep", "ali", "--json", user="ali")[1]
    import json

    assert [s["rep"] for s in json.loads(mine)] == ["ali"]
    assert run("payout", "--mine", "--rep", "bea", user="ali") == (2, "", "uplift: give --mine or --rep, not both\n")
    code, out, err = run("payout", "--mine", "approve", user="dana")
    assert (code, out) == (2, "") and "it has no --mine" in err


@pytest.mark.parametrize("lang, says", [("en", "D-1 was already in Lead\n"), ("zh", "D-1 已在“Lead”阶段\n")])
def test_moving_a_deal_to_the_stage_it_has_says_so_and_writes_nothing(run, team, deals, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("deal", "move", "D-1", "lead", user="ali") == (0, says, "")
    assert snapshot_files(team) == before


def test_the_rule_comes_before_already_there_on_someone_elses_deal(run, team, deals):
    before = snapshot_files(team)
    assert run("deal", "move", "D-2", "Lead", user="ali") == (
        1, "", "uplift: a rep may only change their own deals; this one is bea's\n")
    assert snapshot_files(team) == before


def test_a_deal_lost_without_a_reason_is_moved_and_the_rep_is_told_how_to_say_why(run, deals):
    code, out, err = run("deal", "move", "D-1", "lost", user="ali")
    assert (code, out) == (0, "D-1 → Lost\n")
    assert err == ("note: D-1 is lost with no reason given: `uplift deal edit D-1 --lost-reason TEXT` says why "
                   "(uplift winloss groups lost deals by it)\n")
    assert run("deal", "move", "D-1", "lost", user="ali") == (0, "D-1 was already in Lost\n", "")
    assert run("deal", "move", "D-1", "lost", "--reason", "price", user="ali") == (0, "D-1 → Lost (price)\n", "")


def test_open_lists_only_what_is_still_to_do(run, deals):
    """A rep's `task list --mine` and `deal list --mine` carried every done task and every won
    or lost deal of the quarter; --open is what is left (taskwarrior's `task list`)."""
    import json

    assert run("task", "add", "Send the quote", user="ali")[0] == 0  # T-3
    assert run("task", "add", "Book the demo", user="ali")[0] == 0  # T-4
    assert run("task", "move", "T-3", "blocked", user="ali")[0] == 0
    assert run("task", "done", "T-4", user="ali")[0] == 0
    code, out, err = run("task", "list", "--mine", "--open", "--json", user="ali")
    assert (code, err) == (0, "") and sorted(t["id"] for t in json.loads(out)) == ["T-1", "T-3"]
    assert run("deal", "add", "Corvid order", "--account", "Corvid", "--value", "100", user="ali")[0] == 0  # D-3
    assert run("deal", "move", "D-3", "won", user="ali")[0] == 0
    code, out, err = run("deal", "list", "--mine", "--open", "--json", user="ali")
    assert (code, err) == (0, "") and [d["id"] for d in json.loads(out)] == ["D-1"]
    code, out, _err = run("deal", "list", "--open", user="ali")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["D-2", "D-1"]  # (biggest first)


def test_coach_alone_is_the_notes_about_you(run):
    """A rep typing `uplift coach` was told `rep` and `note` were required (note is not)."""
    assert run("coach", "ali", "Ask for the next step on every call")[0] == 0
    assert run("coach", "bea", "Shorter demos")[0] == 0
    code, out, err = run("coach", user="ali")
    assert (code, err) == (0, "")
    assert "Ask for the next step on every call" in out and "Shorter demos" not in out
    assert run("coach", "--json", user="ali")[1] == run("coach", "ali", "--json", user="ali")[1]


def test_a_new_coaching_note_is_news_in_the_reps_day_and_nobody_elses(run):
    """Coaching notes are for the rep they are about; a new one was never said where a rep looks
    first thing (`uplift today`), as new comments on their tasks are."""
    import json

    assert run("coach", "ali", "Ask for the next step on every call") == (0, "K-1\n", "")
    assert run("coach", "ali", "--private", "Pair ali with bea next week")[0] == 0  # (the leads' own)
    code, out, err = run("today", user="ali")
    assert (code, err) == (0, "")
    assert "New coaching notes for you\n  K-1  Ask for the next step on every call · today, from dana\n" in out
    assert "Pair ali" not in out
    day = json.loads(run("today", "--json", user="ali")[1])
    assert [(e["kind"], e["item"], e["message"]) for e in day["entries"] if e["kind"] == "coaching"] == [
        ("coaching", "K-1", "dana")]
    assert "coaching" not in run("today", "--for", "ali", user="bea")[1].lower()  # (ali's, not bea's to read)
    assert "K-1" not in run("today", user="bea")[1]


def test_my_day_says_how_many_of_the_boards_alerts_are_about_my_work(run):
    from datetime import date, timedelta

    late = (date.today() - timedelta(days=3)).isoformat()
    assert run("task", "edit", "T-1", "--due", late)[0] == 0  # ali's: one alert
    assert run("task", "edit", "T-2", "--due", late)[0] == 0  # bea's: another
    code, out, _err = run("today", user="ali")
    assert code == 0 and out.endswith("\n2 alerts on the board, 1 about your work (`uplift alerts --mine`)\n")
    assert run("today", user="dana")[1].endswith("\n2 alerts on the board (`uplift alerts`)\n")  # (none of dana's)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_after_the_activity_type_is_the_help_of_log_add(run, team, flag):
    """`log add call --help` (where a rep asks for it: after the type they chose) said
    "unrecognized arguments: --help" and exited 2; it is the help `log add --help` prints."""
    before = snapshot_files(team)
    code, out, err = run("log", "add", "call", flag, user="ali")
    assert (code, err) == (0, "")
    assert out.startswith("usage: uplift log add ") and "uplift log add call D-4 Sent the revised quote" in out
    assert snapshot_files(team) == before


def test_a_deal_won_by_an_edit_is_said_without_its_stage_history_list(run, deals):
    """`deal edit D-1 --stage Won --value 6000` was logged, and undone, as "changed D-1: stage Lead
    → Won, value 5,500 → 6,000, history [1] → [2]": the store's list of stage entries, said."""
    assert run("deal", "edit", "D-1", "--stage", "Won", "--value", "6000", "--close", "2026-11-30", user="ali") == (
        0, "D-1: stage Lead → Won, value 5,500 → 6,000, close – → 2026-11-30\n", "")
    said = "changed D-1: stage Lead → Won, value 5,500 → 6,000, close – → 2026-11-30"
    code, out, _err = run("log", "--item", "D-1", "--limit", "1", user="ali")
    assert code == 0 and out.splitlines()[1].endswith(said)
    code, out, _err = run("undo", user="ali")
    assert code == 0 and out.splitlines()[1:] == [f"  {said}"]


def test_the_activities_on_an_account_are_read_back_whole_by_its_name(run, deals):
    """A visit logged on an account could be read back nowhere: `log --item Acme` matched no
    record, and `log` cut its note at 30 characters ("they want a de…"), even to a pipe."""
    note = "Intro meeting with their new buyer, they want a demo of GTX Plus before the budget freeze"
    assert run("log", "add", "visit", "--account", "Acme", note, user="ali")[0] == 0
    assert run("log", "add", "call", "D-1", "Sent the quote", user="ali")[0] == 0  # (D-1 is Acme's)
    assert run("log", "add", "call", "D-2", "Chatted", user="bea")[0] == 0  # Betasol's
    for name in ("Acme", "acme"):
        code, out, err = run("log", "--item", name, user="ali")
        assert (code, err) == (0, "")
        assert [line.split("  ", 2)[2] for line in out.splitlines()[1:]] == [
            "logged a call on D-1 Acme: Sent the quote", f"logged a visit on Acme: {note}"]
    code, out, _err = run("log", "--type", "visit", user="ali")
    assert code == 0 and out.splitlines()[1].endswith(f"logged a visit on Acme: {note}")


def test_a_member_named_in_another_case_is_that_member(run, team):
    """`--owner Ali` was "no such member on this board" (exit 1), though a deals file's `Ali`
    is ali and no two members' names differ only in case."""
    assert run("task", "add", "Call Acme", "--owner", "ALI", user="ali") == (0, "T-3\n", "")
    code, out, _err = run("task", "show", "T-3", "--json", user="ali")
    import json

    assert json.loads(out)["task"]["owner"] == "ali"
    code, out, err = run("task", "list", "--owner", "Ali", user="bea")
    assert (code, err) == (0, "") and "Call Acme" in out
    assert run("today", "--for", "BEA", user="ali")[1].startswith("bea's day")
    code, _out, err = run("task", "list", "--owner", "alii", user="ali")  # (a name near one is still no one)
    assert (code, err) == (1, "uplift: --owner alii: not a member of this board and owns no task (did you mean ali?)\n")


def test_done_again_says_nothing_of_the_work_the_task_waits_for(run):
    """`task done T-4` on a task already done said "T-4 was already done" and "note: T-4 waits for
    T-3 (To do)", a warning about a move that did not happen."""
    assert run("task", "add", "Get legal sign-off", user="ali") == (0, "T-3\n", "")
    assert run("task", "add", "Send the offer", user="ali") == (0, "T-4\n", "")
    assert run("task", "edit", "T-4", "--depends", "T-3", user="ali")[0] == 0
    assert run("task", "done", "T-4", user="ali") == (0, "T-4 → Done\n", "note: T-4 waits for T-3 (To do)\n")
    assert run("task", "done", "T-4", user="ali") == (0, "T-4 was already done\n", "")
    code, _out, err = run("task", "done", "T-4", "--json", user="ali")
    assert (code, err) == (0, "")


def test_a_rep_finds_tasks_and_deals_by_the_words_they_remember(run, deals):
    """Over SSH there is no board to scroll: `task list --search isdom quote` (taskwarrior's
    `task /isdom/ list`) and `deal list --search acme` (a CRM's search box), every word in any case."""
    assert run("task", "add", "Send the Isdom quote", "--tags", "visit", user="ali")[0] == 0
    assert run("task", "add", "Call Isdom", "--expected", "a quote date", user="ali")[0] == 0
    code, out, _err = run("task", "list", "--search", "ISDOM quote", "--json", user="ali")
    import json

    assert code == 0 and [t["title"] for t in json.loads(out)] == ["Send the Isdom quote", "Call Isdom"]
    code, out, _err = run("task", "list", "--search", "isdom visit", "--json", user="ali")
    assert [t["title"] for t in json.loads(out)] == ["Send the Isdom quote"]
    assert run("task", "list", "--search", "nowhere", user="ali") == (0, "No tasks match.\n", "")
    code, out, _err = run("deal", "list", "--search", "betasol", "--json", user="ali")
    assert [d["id"] for d in json.loads(out)] == ["D-2"]  # (by its account: bea's, read by ali)
