"""`--every` on task add and edit, and `task done` naming the next occurrence."""

from __future__ import annotations

from datetime import timedelta

from store.board import Board


def test_a_weekly_task_over_the_command_line(run, team) -> None:
    today = Board(team, actor="dana").today()
    code, out, _ = run("task", "add", "Weekly pipeline call", "--due", str(today), "--every", "week", user="ali")
    assert code == 0 and out.strip() == "T-3"
    code, out, _ = run("task", "show", "T-3", user="ali")
    assert "  repeats   weekly" in out.splitlines()
    code, out, _ = run("task", "done", "T-3", user="ali")
    assert code == 0
    assert out.splitlines() == ["T-3 → done", f"next: T-4 due {today + timedelta(days=7)} (weekly)"]
    code, out, _ = run("task", "done", "T-3", user="ali")  # done already: no next occurrence made, none said
    assert (code, out.splitlines()) == (0, ["T-3 was already done"]) and len(Board(team, actor="dana").tasks()) == 4
    code, out, _ = run("task", "show", "T-4", user="ali")
    assert "  follows   T-3" in out.splitlines()
    code, out, _ = run("task", "edit", "T-4", "--every", "none", user="ali")
    assert code == 0 and Board(team, actor="dana").task("T-4").every is None


def test_bad_repeats_are_refused(run) -> None:
    code, _, err = run("task", "add", "x", "--due", "fri", "--every", "sometimes")
    assert code == 2 and "--every: 'sometimes' is not a repeat" in err
    code, _, err = run("task", "add", "x", "--every", "weekly")
    assert code == 2 and "needs a due date" in err


def test_a_task_that_waits_for_another(run) -> None:
    assert run("task", "add", "Get legal sign-off", "--owner", "ali")[1].strip() == "T-3"
    code, out, _ = run("task", "add", "Send the offer", "--owner", "ali", "--depends", "T-3", user="ali")
    assert code == 0 and out.strip() == "T-4"
    code, out, _ = run("task", "show", "T-4")
    assert "  waits for T-3 (To do)" in out.splitlines()
    code, out, err = run("task", "move", "T-4", "doing", user="ali")
    assert code == 0 and "note: T-4 waits for T-3 (To do)" in err  # allowed, and said
    code, _, err = run("task", "edit", "T-3", "--depends", "T-4")
    assert code == 2 and "T-3 would wait for itself (T-3 → T-4 → T-3)" in err
    code, out, _ = run("task", "edit", "T-4", "--depends", "")
    assert code == 0 and "waits for" not in run("task", "show", "T-4")[1]


def test_tags(run) -> None:
    code, out, _ = run("task", "add", "Call Isdom", "--tags", "+Call, key account", "--owner", "ali")
    assert code == 0 and out.strip() == "T-3"
    assert "  tags      +call +key-account" in run("task", "show", "T-3")[1].splitlines()
    code, out, _ = run("task", "list", "--tag", "+CALL")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["T-3"]
    assert run("task", "edit", "T-3", "--tags", "")[0] == 0
    assert "  tags  " not in run("task", "show", "T-3")[1]
    code, _, err = run("task", "add", "x", "--tags", "+")
    assert code == 2 and "a tag needs a word" in err
