"""The command line as scripts and reps over SSH use it: verbs, --json, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import snapshot_files
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_task_add_prints_the_new_id(run) -> None:
    code, out, _ = run("task", "add", "Quote Isdom", "--owner", "ali", "--due", "2026-12-04",
                       "--priority", "high", "--step", "price it", "--step", "send it")
    assert (code, out) == (0, "T-3\n")
    code, out, _ = run("task", "show", "T-3", "--json")
    shown = json.loads(out)["task"]
    assert (shown["owner"], shown["due"], shown["priority"]) == ("ali", "2026-12-04", "high")
    assert [s["text"] for s in shown["steps"]] == ["price it", "send it"]


def test_task_list_filters_and_json(run) -> None:
    code, out, _ = run("task", "list", "--json")
    assert code == 0 and [t["id"] for t in json.loads(out)] == ["T-1", "T-2"]
    code, out, _ = run("task", "list", "--mine", "--json", user="ali")
    assert [t["id"] for t in json.loads(out)] == ["T-1"]
    code, out, _ = run("task", "list", "--owner", "bea", "--json")
    assert [t["id"] for t in json.loads(out)] == ["T-2"]
    run("task", "move", "T-2", "doing")
    code, out, _ = run("task", "list", "--status", "doing", "--json")
    assert [t["id"] for t in json.loads(out)] == ["T-2"]
    code, out, _ = run("task", "list")
    assert out.splitlines()[0].split() == ["ID", "STATUS", "PRIORITY", "DUE", "OWNER", "TITLE"]
    assert "Call Acme" in out


def test_move_and_done(run) -> None:
    assert run("task", "move", "T-1", "in progress", user="ali")[:2] == (0, "T-1 → Doing\n")
    assert run("task", "done", "t1", user="ali")[:2] == (0, "T-1 → Done\n")
    code, out, _ = run("task", "show", "T-1")
    assert "Done" in out and "moved T-1 from Doing to Done" in out


def test_a_rep_moving_someone_elses_task_gets_exit_1_and_one_line(run, team) -> None:
    before = snapshot_files(team)
    code, out, err = run("task", "move", "T-2", "done", user="ali")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "only change their own tasks" in err
    assert snapshot_files(team) == before


def test_not_found_is_exit_1(run) -> None:
    code, _, err = run("task", "show", "T-99")
    assert code == 1 and "no task T-99" in err


@pytest.mark.parametrize("args, message", [
    (("task", "add", "x", "--due", "someday"), "due"),
    (("task", "add", "x", "--owner", "z d"), "--owner: 'z d' is not a member name"),
    (("task", "add", ""), "title"),
    (("task", "move", "T-1", "sideways"), "not a status"),
    (("task", "list", "--bogus"), "unrecognized"),
    (("member", "add", "x y", "--role", "rep"), "not a member name"),
])
def test_bad_input_is_exit_2_and_writes_nothing(run, team, args, message) -> None:
    before = snapshot_files(team)
    code, out, err = run(*args)
    assert code == 2, err
    assert message in err
    assert snapshot_files(team) == before


def test_an_unknown_option_is_said_by_the_command_it_was_given_to(run) -> None:
    """`deal edit D-1 --splits bea=40` showed the top-level usage ("uplift [-h] [--board DIR]
    ... COMMAND ...") and "uplift: error: unrecognized arguments", not the verb's."""
    code, out, err = run("task", "edit", "T-1", "--titel", "x")
    assert (code, out) == (2, "")
    assert err.startswith("usage: uplift task edit ")
    assert err.endswith("uplift task edit: error: unrecognized arguments: --titel x; maybe you meant --title?\n")


def test_log_lists_newest_first_and_as_json(run) -> None:
    run("task", "move", "T-1", "doing")
    code, out, _ = run("log", "--limit", "2", "--json")
    records = json.loads(out)
    assert [r["action"] for r in records] == ["task.move", "task.add"]
    assert records[0]["actor"] == "dana" and records[0]["after"] == {"status": "doing"}
    code, out, _ = run("log", "--item", "T-1")
    assert "moved T-1 from To do to Doing" in out


def test_members(run) -> None:
    code, out, _ = run("member", "list", "--json")
    assert json.loads(out) == [{"name": name, "role": role, "zone": "", "language": "", "theme": ""}
                               for name, role in (("ali", "rep"), ("bea", "rep"), ("dana", "lead"))]
    assert run("member", "add", "chen", "--role", "rep")[0] == 0
    assert run("member", "add", "eve", "--role", "lead", user="ali")[0] == 1
    assert run("member", "remove", "chen")[0] == 0


def test_wip_limits(run) -> None:
    assert run("wip", "doing", "1")[0] == 0
    run("task", "move", "T-1", "doing")
    code, _, err = run("task", "move", "T-2", "doing")
    assert code == 0 and "over its WIP limit" in err
    assert run("wip")[1] == "doing: 1\n"


def test_a_status_changed_by_task_edit_is_said_as_task_move_says_it(run) -> None:
    """`task edit --status` is a move by another name: over the WIP limit it warns, and a
    repeating task done there names its next occurrence (it said neither)."""
    run("wip", "doing", "1")
    run("task", "move", "T-1", "doing")
    code, out, err = run("task", "edit", "T-2", "--status", "doing")
    assert (code, out) == (0, "moved T-2 from To do to Doing\n")  # (as the log says it)
    assert err == "warning: doing holds 2 tasks, over its WIP limit of 1\n"
    code, out, err = run("task", "edit", "T-2", "--title", "Visit Betasoloin again")
    assert (code, err) == (0, "")  # no move, nothing to warn of
    # (due in 2030, later than today: a next occurrence is never due before today)
    new = run("task", "add", "Weekly pipeline call", "--due", "2030-12-02", "--every", "week")[1].strip()
    code, out, err = run("task", "edit", new, "--status", "done")
    assert code == 0 and out.splitlines()[1].startswith("next: T-4 due 2030-12-09")


def test_a_wip_limit_that_is_not_one_says_what_one_is(run) -> None:
    for typed in ("-1", "abc", "2.5"):
        code, out, err = run("wip", "doing", typed)
        assert (code, out) == (2, "")
        assert err == f"uplift: limit: {typed!r} is not a WIP limit: give a whole number from 1 to 999, or off\n"
    assert json.loads(run("wip", "--json")[1]) == {}  # nothing written


def test_wip_limits_as_json(run) -> None:
    assert json.loads(run("wip", "--json")[1]) == {}
    code, out, _ = run("wip", "blocked", "2", "--json")  # after setting one: the limits now
    assert code == 0 and json.loads(out) == {"blocked": 2}
    run("wip", "doing", "4")
    code, out, _ = run("wip", "--json")
    assert code == 0 and list(json.loads(out).items()) == [("doing", 4), ("blocked", 2)]  # the columns' order
    assert run("wip", "doing", "off", "--json")[1] == '{"blocked":2}\n'


def test_reading_a_board_that_does_not_exist_is_exit_1(tmp_path, capsys) -> None:
    code = main(["task", "list", "--board", str(tmp_path / "nowhere")])
    assert code == 1 and "no board at" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
    afile = tmp_path / "notes.txt"
    afile.write_text("not a board\n")
    for args in (["task", "list"], ["task", "add", "x"]):
        code = main([*args, "--board", str(afile)])
        assert code == 1 and "notes.txt is a file, not a board folder" in capsys.readouterr().err
        code = main([*args, "--board", str(afile / "q4" / "board")])  # (was "notes.txt: File exists")
        assert code == 1 and f"{afile} is a file, not a board folder" in capsys.readouterr().err
    assert afile.read_text() == "not a board\n"


def test_hostile_text_never_reaches_the_terminal(run) -> None:
    run("task", "add", "evil\x1b]52;c;aGk=\x07\x1b[2J title")
    code, out, _ = run("task", "list")
    assert "\x1b" not in out and "\x07" not in out


def test_the_command_line_does_not_import_textual_or_pandas(team) -> None:
    probe = ("import sys; from tui.cli import main; code = main(['task', 'done', 'T-1']); "
             "heavy = [m for m in ('textual', 'pandas', 'rich') if m in sys.modules]; "
             "print(code, heavy)")
    env = {**os.environ, "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 []"


def test_a_demo_with_a_theme_that_does_not_exist_makes_no_board(tmp_path, capsys, monkeypatch) -> None:
    """`uplift demo --theme nope` seeded a board and then stopped (exit 2) leaving it behind, and
    with --no-open took the name without a word; the name is checked first, nothing made."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for opening in ([], ["--no-open"]):
        code = main(["demo", "--board", str(tmp_path / "demo"), "--theme", "nope", *opening])
        out, err = capsys.readouterr()
        assert (code, out) == (2, "") and err.startswith("uplift: there is no theme named 'nope'; themes: ")
        assert "uplift-light" in err and list(tmp_path.iterdir()) == []
    assert main(["demo", "--board", str(tmp_path / "demo"), "--theme", "uplift-light", "--no-open"]) == 0


def test_demo_seeds_a_quarter_with_history(tmp_path, capsys) -> None:
    path = tmp_path / "demo"
    assert main(["demo", "--board", str(path), "--no-open"]) == 0
    from store.board import Board
    board = Board(path, actor="dana")
    tasks = board.tasks()
    assert 20 <= len(tasks) <= 40
    owners = {t.owner for t in tasks}
    assert 4 <= len(owners - {"dana"}) <= 6
    statuses = {t.status for t in tasks}
    assert statuses == {"todo", "doing", "blocked", "done"}
    today = board.today()
    assert any(t.due and t.due < today and t.status != "done" for t in tasks)
    assert board.goals() and board.strategies()
    actors = {r.actor for r in board.history()}
    assert len(actors) >= 4
    assert all(r.at <= board.clock().isoformat() for r in board.history())
    # Phase 1 happened: five quarters of past sales were diagnosed before the quarter began, and
    # they give the revenue goal its history (North rose from 1.03M to 1.20M, +16.5%, at best).
    (snapshot,) = board.snapshots()
    assert snapshot.diagnosis.period == "quarter" and (path / "past-sales.csv").exists()
    assert [value for _, value in board.goal_history("revenue", {"region": "North"})] == [
        920_000, 1_030_000, 980_000, 1_030_000, 1_200_000]
    achievable = next(v for v in board.report("G-1").verdicts if v.letter == "A")
    assert achievable.passed and achievable.reason == "asks for +15.0%; the best change seen was +16.5%"


def test_a_task_verb_imports_only_the_task_side_of_the_store(team) -> None:
    """`uplift task done` over SSH must start fast: no other kind's store code is imported."""
    probe = ("import sys; from tui.cli import main; main(['task', 'done', 'T-1']); "
             "print(sorted(m for m in ('store.deals', 'store.diagnoses', 'store.incentives', "
             "'store.alerts', 'sales.plan', 'yaml', 'asyncssh') if m in sys.modules))")
    env = {**os.environ, "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def test_undo_takes_back_your_last_change(run, team) -> None:
    from tests.conftest import snapshot_files

    assert run("task", "move", "T-1", "doing", user="ali")[0] == 0
    before = snapshot_files(team)
    code, out, _ = run("undo", "--dry-run", user="ali")
    assert code == 0 and out.splitlines()[1:] == ["  moved T-1 from To do to Doing"]
    assert snapshot_files(team) == before  # a dry run writes nothing
    code, out, _ = run("undo", "--dry-run", "--json", user="ali")
    shown = json.loads(out)
    assert code == 0 and (shown["verb"], shown["dry_run"]) == ("undo", True)
    assert [(r["action"], r["item"], r["actor"], r["before"]["status"], r["after"]["status"]) for r in shown["records"]] \
        == [("task.move", "T-1", "ali", "todo", "doing")]
    assert snapshot_files(team) == before
    code, out, _ = run("undo", user="ali")
    assert code == 0 and out.startswith("undid (") and "  moved T-1 from To do to Doing" in out
    assert json.loads(run("task", "show", "T-1", "--json")[1])["task"]["status"] == "todo"
    code, _, err = run("undo", user="ali")
    assert code == 1 and "nothing of ali's to undo" in err
    code, out, _ = run("redo", "--dry-run", user="ali")
    assert code == 0 and out.splitlines()[1:] == ["  moved T-1 from To do to Doing"]
    shown = json.loads(run("redo", "--dry-run", "--json", user="ali")[1])  # the change as it is made again
    assert (shown["verb"], shown["dry_run"]) == ("redo", True)
    assert [(r["action"], r["item"], r["before"]["status"], r["after"]["status"]) for r in shown["records"]] \
        == [("task.move", "T-1", "todo", "doing")]
    assert run("redo", user="ali")[0] == 0
    assert json.loads(run("task", "show", "T-1", "--json")[1])["task"]["status"] == "doing"
    code, _, err = run("redo", user="ali")
    assert code == 1 and "nothing of ali's to redo" in err
    run("undo", user="ali")
    run("task", "move", "T-2", "doing", user="bea")
    run("task", "move", "T-2", "blocked")  # the lead, after bea
    code, _, err = run("undo", "--dry-run", user="bea")  # says so before anything is tried
    assert code == 1 and "T-2 has changed since (dana at" in err
    code, _, err = run("undo", user="bea")
    assert code == 1 and "T-2 has changed since (dana at" in err  # a refusal, as the README says


def test_task_comment_from_the_command_line(run) -> None:
    assert run("task", "comment", "T-1", "Called", "the", "buyer;", "waiting for legal", user="bea")[:2] == (
        0, "commented on T-1: Called the buyer; waiting for legal\n")
    code, out, _ = run("task", "show", "T-1")
    assert code == 0 and "  comments\n" in out and "  bea  Called the buyer; waiting for legal\n" in out
    shown = json.loads(run("task", "show", "T-1", "--json")[1])["task"]["comments"]
    assert [(c["by"], c["text"]) for c in shown] == [("bea", "Called the buyer; waiting for legal")]
    code, _, err = run("task", "comment", "T-1", " ")
    assert code == 2 and "comment" in err
    assert run("task", "comment", "T-1", "hi", user="stranger")[0] == 1


def test_task_list_by_goal_and_strategy(run) -> None:
    run("goal", "add", "Grow revenue")
    run("strategy", "add", "Referrals", "--goal", "G-1")
    run("task", "edit", "T-2", "--goal", "G-1", "--strategy", "S-1")
    for option, value in (("--goal", "g-1"), ("--strategy", "S-1")):
        code, out, _ = run("task", "list", option, value, "--json")
        assert code == 0 and [t["id"] for t in json.loads(out)] == ["T-2"]
    run("goal", "add", "Keep margins")
    assert "No tasks match." in run("task", "list", "--goal", "G-2")[1]
    assert run("task", "list", "--goal", "G-9")[::2] == (1, "uplift: --goal G-9: no such goal on this board\n")


def test_a_date_in_the_past_can_follow_its_option(run) -> None:
    """`--due -1w` (a value argparse would take for an option) is the date a week ago."""
    from datetime import date, timedelta

    code, out, err = run("task", "add", "Chase the invoice", "--due", "-1w", "--start", "-10d")
    assert (code, err) == (0, "")
    task_id = out.strip()
    shown = json.loads(run("task", "show", task_id, "--json")[1])["task"]
    today = date.today()
    assert (shown["due"], shown["start"]) == (str(today - timedelta(weeks=1)), str(today - timedelta(days=10)))
    code, _, err = run("task", "edit", task_id, "--due", "-2x")
    assert code == 2 and "due: '-2x' is not a date" in err  # judged by the date reader, not argparse
    code, _, err = run("deal", "add", "Refund", "--value", "-5k")
    assert code == 2 and "value: must be at least 0" in err


def test_values_after_a_lone_double_dash_are_values_however_they_look(run) -> None:
    """`--` ends the options, as everywhere: a title or a number after it that starts with a
    minus reaches its argument and is judged there (it was read as `--=-5`, an unknown option)."""
    code, out, err = run("task", "add", "--", "-5k discount for Acme")
    assert (code, err) == (0, "")
    assert json.loads(run("task", "show", out.strip(), "--json")[1])["task"]["title"] == "-5k discount for Acme"
    run("goal", "add", "Net adds", "--metric", "net customers", "--target", "10")
    code, out, err = run("goal", "checkin", "G-1", "--", "-5")
    assert (code, err) == (0, "")
    assert json.loads(run("goal", "list", "--json")[1])[0]["current"] == -5



def test_steps_are_ticked_from_the_command_line_and_an_edit_keeps_their_ticks(run) -> None:
    assert run("task", "edit", "T-1", "--step", "list them", "--step", "call")[0] == 0
    assert run("task", "tick", "T-1", "1", user="ali")[:2] == (0, "T-1 1. [x] list them  (1/2)\n")
    assert run("task", "tick", "T-1", "1", user="ali")[:2] == (0, "T-1 1. [x] list them  (1/2)\n")  # (already)
    code, _, err = run("task", "tick", "T-1", "3", user="ali")
    assert code == 1 and "T-1 has no step 3 (it has 2)" in err  # not found
    assert run("task", "tick", "T-1", "2", user="bea")[0] == 1  # not bea's task
    assert "    1. [x] list them\n    2. [ ] call\n" in run("task", "show", "T-1")[1]
    assert run("task", "edit", "T-1", "--step", "list them", "--step", "call", "--step", "send the deck")[0] == 0
    steps = json.loads(run("task", "show", "T-1", "--json")[1])["task"]["steps"]
    assert [(s["text"], s["done"]) for s in steps] == [("list them", True), ("call", False), ("send the deck", False)]
    assert run("task", "tick", "T-1", "1", "--undo", user="ali")[:2] == (0, "T-1 1. [ ] list them  (0/3)\n")


def test_an_empty_step_alone_clears_the_checklist_and_among_others_is_named(run, team) -> None:
    """`--step ""` said "steps[0].text: must not be empty"; an empty value clears a field."""
    assert run("task", "edit", "T-1", "--step", "list them", "--step", "call")[0] == 0
    before = snapshot_files(team)
    assert run("task", "edit", "T-1", "--step", "list them", "--step", " ") == (
        2, "", "uplift: --step: step 2 is empty (a step needs some text; --step \"\" alone clears them)\n")
    assert snapshot_files(team) == before
    assert run("task", "edit", "T-1", "--step", "")[:2] == (0, "T-1: steps list them; call → –\n")
    assert json.loads(run("task", "show", "T-1", "--json")[1])["task"]["steps"] == []


def test_done_twice_says_it_was_done_already_and_logs_nothing_more(run) -> None:
    assert run("task", "done", "T-1")[:2] == (0, "T-1 → Done\n")
    logged = run("log", "--json")[1]
    assert run("task", "done", "T-1")[:2] == (0, "T-1 was already done\n")
    assert run("log", "--json")[1] == logged


def test_coaching_notes_from_the_command_line(run) -> None:
    """`coach ali TEXT --json` printed the bare id where a script asked for JSON."""
    assert run("coach", "ali", "Ask", "for", "the", "next", "step") == (0, "K-1\n", "")
    code, out, err = run("coach", "ali", "Close on price last", "--json")
    assert (code, err) == (0, "")
    note = json.loads(out)
    assert (note["id"], note["rep"], note["by"], note["note"]) == ("K-2", "ali", "dana", "Close on price last")
    listed = json.loads(run("coach", "ali", "--json")[1])
    assert [n["id"] for n in listed] == ["K-1", "K-2"] and listed[1] == note
    code, out, err = run("coach", "bea", "Be quicker", user="ali")
    assert (code, out) == (1, "") and "only a lead may add coaching notes" in err


def test_a_rep_changing_a_task_with_no_owner_is_told_so_plainly(run) -> None:
    assert run("task", "edit", "T-1", "--owner", "")[0] == 0  # (a lead clears it)
    code, out, err = run("task", "move", "T-1", "doing", user="ali")
    assert (code, out) == (1, "")
    assert err == "uplift: a rep may only change their own tasks; this one is nobody's (a lead gives it an owner)\n"


@pytest.mark.parametrize(("args", "says"), [
    (("diagnosis", "show", "X-9"), "no diagnosis X-9 on this board"),  # (was "no snapshot X-9")
    (("budget", "approve", "B-9", "--reason", "x"), "no budget line B-9 on this board"),
    (("training", "done", "L-9"), "no training item L-9 on this board"),
])
def test_what_is_not_found_is_named_as_the_command_names_it(run, args, says) -> None:
    assert run(*args) == (1, "", f"uplift: {says}\n")


@pytest.mark.parametrize(("args", "says"), [
    (("diagnosis", "delete", "foo"), "'foo' is not a diagnosis id (expected X-12)"),
    (("incentive", "show", "T-1"), "'T-1' is not an incentive plan id (expected I-12)"),
    (("task", "show", "banana"), "'banana' is not a task id (expected T-12)"),
    (("deal", "paid", "D-0", "5"), "'D-0' is not a deal id (they are numbered from D-1)"),
])
def test_what_is_no_id_at_all_is_bad_input(run, team, args, says) -> None:
    before = snapshot_files(team)
    assert run(*args) == (2, "", f"uplift: {says}\n")  # (an id that names nothing: exit 1, above)
    assert snapshot_files(team) == before
