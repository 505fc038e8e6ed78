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
    assert out.splitlines() == ["T-3 → Done", f"next: T-4 due {today + timedelta(days=7)} (weekly)"]
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


def test_a_monthly_task_on_the_31st_comes_back_to_the_31st(run) -> None:
    """Jan 31 monthly falls on Feb 28 and then Mar 31 (the README's promise); each occurrence
    was counted from the one before, so it stayed on the 28th from March on."""
    assert run("task", "add", "Month-end close", "--due", "2031-01-31", "--every", "month")[:2] == (0, "T-3\n")
    dues = []
    for number in range(3, 8):
        code, out, _ = run("task", "done", f"T-{number}")
        dues.append(out.splitlines()[1].split(" due ")[1])
    assert dues == ["2031-02-28 (monthly)", "2031-03-31 (monthly)", "2031-04-30 (monthly)",
                    "2031-05-31 (monthly)", "2031-06-30 (monthly)"]
    # a quarterly one from Aug 31 passes two short months (Nov 30, Feb 29) and comes back to May 31
    assert run("task", "add", "Quarter close", "--due", "2031-08-31", "--every", "quarter")[:2] == (0, "T-9\n")
    dues = [run("task", "done", f"T-{n}")[1].splitlines()[1].split(" due ")[1] for n in (9, 10, 11)]
    assert dues == ["2031-11-30 (quarterly)", "2032-02-29 (quarterly)", "2032-05-31 (quarterly)"]
    # a date a person moves keeps its own day: Jan 30 monthly is Feb 28, then Mar 30
    assert run("task", "add", "Report", "--due", "2031-01-30", "--every", "month")[:2] == (0, "T-13\n")
    dues = [run("task", "done", f"T-{n}")[1].splitlines()[1].split(" due ")[1] for n in (13, 14)]
    assert dues == ["2031-02-28 (monthly)", "2031-03-30 (monthly)"]


def test_a_repeat_is_typed_as_the_chinese_interface_names_it(run, team, monkeypatch) -> None:
    """In Chinese a card says ↻ 每周 and `task show` 重复 每周: `--every 每周` is read as weekly (as
    `--priority 高` is read as high), and 不重复 (the form's "never") stops it."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("task", "add", "Weekly pipeline call", "--due", "fri", "--every", "每周", user="ali")
    assert (code, out.strip()) == (0, "T-3") and Board(team, actor="dana").task("T-3").every == "weekly"
    code, _, _ = run("task", "edit", "T-3", "--every", "每季度", user="ali")
    assert code == 0 and Board(team, actor="dana").task("T-3").every == "quarterly"
    code, _, _ = run("task", "edit", "T-3", "--every", "不重复", user="ali")
    assert code == 0 and Board(team, actor="dana").task("T-3").every is None
    code, _, err = run("task", "edit", "T-3", "--every", "有时", user="ali")
    assert code == 2 and "--every: '有时' 不是重复周期" in err
    monkeypatch.setenv("UPLIFT_LANG", "en")  # English reads English names only
    code, _, err = run("task", "edit", "T-3", "--every", "每周", user="ali")
    assert code == 2 and "--every: '每周' is not a repeat" in err
