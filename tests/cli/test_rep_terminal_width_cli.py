"""A rep over SSH in an 80-column window: the lists and `uplift today` fit the window. A list's
last column (a title, a message) wraps within its column, as taskwarrior wraps a description,
and My day's long lines wrap under their text; nothing is lost, and a pipe gets a row a line."""

from __future__ import annotations

import pytest

from sales.text import display_width

TITLE = "Prepare the renewal proposal for Isdom with pricing tiers, legal terms and the onboarding plan"


@pytest.fixture
def terminal(monkeypatch):
    """Standard output is an 80-column terminal."""
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")


def words(text: str) -> list[str]:
    return " ".join(line.strip() for line in text.splitlines()).split()


@pytest.mark.parametrize("verb", [("task", "list", "--mine"), ("deal", "list", "--mine"), ("log",)])
def test_a_list_on_an_80_column_terminal_wraps_its_last_column_within_it(run, terminal, verb):
    assert run("task", "add", TITLE, user="ali")[0] == 0
    assert run("deal", "add", TITLE, "--account", "Isdom", "--value", "48000", user="ali")[0] == 0
    code, out, err = run(*verb, user="ali")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert all(display_width(line) <= 80 for line in lines), out
    assert "…" not in out
    start = lines[0].index(lines[0].split()[-1])  # where the last column starts, as its header says
    row = next(i for i, line in enumerate(lines) if "Prepare the renewal" in line)
    following = []  # the title's next lines: blank up to its column
    for line in lines[row + 1:]:
        if line[:start].strip():
            break
        following.append(line)
    assert following and all(line[start] != " " for line in following)
    cell = " ".join([lines[row][start:]] + [line[start:] for line in following])
    assert TITLE in cell and (verb == ("log",) or cell == TITLE)


def test_a_list_to_a_pipe_keeps_a_row_a_line(run):
    assert run("task", "add", TITLE, user="ali")[0] == 0
    code, out, _err = run("task", "list", "--mine", user="ali")
    assert code == 0 and any(line.endswith(TITLE) for line in out.splitlines())


def test_my_day_on_an_80_column_terminal_wraps_under_each_items_text(run, terminal):
    assert run("task", "add", TITLE, "--due", "2026-11-02", user="ali")[0] == 0
    code, piped, _err = run("today", user="ali")  # (as a pipe first: the same words, a line each)
    code, out, err = run("today", user="ali")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert all(display_width(line) <= 80 for line in lines), out
    row = next(i for i, line in enumerate(lines) if TITLE[:30] in line)
    assert lines[row].startswith("  T-3  Prepare")
    assert lines[row + 1].startswith(" " * 7) and lines[row + 1][7] != " "  # under "Prepare"
    assert words(out) == words(piped)


@pytest.mark.parametrize("show", [("task", "show", "T-3"), ("deal", "show", "D-1")])
def test_a_task_or_deal_shown_on_an_80_column_terminal_wraps_each_line_under_itself(run, terminal, show):
    assert run("task", "add", TITLE, user="ali")[0] == 0
    assert run("deal", "add", TITLE, "--account", "Isdom", "--value", "48000", user="ali")[0] == 0
    assert run("task", "comment", "T-3", TITLE, user="ali")[0] == 0
    assert run("log", "add", "call", "--deal", "D-1", TITLE, user="ali")[0] == 0
    code, out, err = run(*show, user="ali")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert all(display_width(line) <= 80 for line in lines), out
    row = next(i for i, line in enumerate(lines) if line.startswith("    ") and "Prepare the renewal" in line)
    assert lines[row + 1].startswith(" " * 6) and lines[row + 1][6] != " "  # two in from its line's start
    following = [line.strip() for line in lines[row + 1:] if line.startswith(" " * 6) and line[6] != " "]
    assert TITLE in " ".join([lines[row], *following])


@pytest.fixture
def long_lines(run):
    """A board whose goal, cycle, budget and win/loss views say long lines."""
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("budget", "total", "40000")[0] == 0
    assert run("goal", "add", TITLE, "--owner", "ali", "--metric", "revenue", "--target", "1.5M", "--baseline", "1.2M",
               "--deadline", "2026-12-31", "--description", TITLE)[0] == 0
    assert run("goal", "checkin", "G-1", "1.3M", "--comment", TITLE, "--date", "2026-11-01", user="ali")[0] == 0
    assert run("task", "add", TITLE, "--due", "2026-11-02", user="ali")[0] == 0
    assert run("budget", "request", TITLE, "900", "--task", "T-3", user="ali")[0] == 0
    assert run("deal", "add", TITLE, "--account", "Isdom", "--value", "48000", user="ali")[0] == 0
    assert run("deal", "move", "D-1", "lost", user="ali")[0] == 0


@pytest.mark.parametrize("verb", [("goal", "show", "G-1"), ("cycle",), ("budget", "list"), ("winloss", "--mine"),
                                  ("burnup", "--mine")])
def test_a_goal_the_cycle_the_budget_and_win_loss_fit_an_80_column_terminal(run, monkeypatch, long_lines, verb):
    """They printed their long lines whole: an 80-column SSH window broke them at its left edge
    (`goal show`'s description and check-ins, `cycle`'s phases, the budget's totals, win/loss's
    note); on a terminal each is wrapped under itself, as `task show` is, and a pipe gets the same
    words a line each."""
    code, piped, _err = run(*verb, user="ali")
    assert code == 0 and any(display_width(line) > 80 for line in piped.splitlines())
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run(*verb, user="ali")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    if verb == ("budget", "list"):  # (its category gives way to the title's words, and is named below)
        assert "Left out for the window's width: CATEGORY" in out
        assert set(words(piped)) - set(words(out)) == {"other"}  # (the category of its one line)
        assert TITLE in " ".join(words(out))
    else:
        assert words(out) == words(piped)


def test_the_forecast_on_an_80_column_terminal_leaves_out_the_columns_it_has_no_room_for(run, monkeypatch):
    """Its twelve columns of figures (115 cells) broke across an 80-column SSH window, each
    figure under the wrong header; the columns that do not fit are left out and named."""
    assert run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "48000", user="ali")[0] == 0
    code, piped, _err = run("forecast", user="ali")
    assert code == 0 and piped.splitlines()[1].split()[-3:] == ["IF", "BEST", "CASE"]
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run("forecast", user="ali")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    header = next(line for line in out.splitlines() if line.startswith("REP "))
    assert header.startswith("REP   QUOTA") and "IF BEST CASE" not in header
    left_out = out[out.index("Left out for the window's width: "):].split(" (a wider")[0]
    assert left_out.endswith("IF COMMIT, IF BEST CASE")
    code, out, _err = run("forecast", "--mine", user="ali")  # (one rep's card: every figure, a line each)
    assert "if best case" in out.lower() and "Left out" not in out


@pytest.mark.parametrize("verb", [("alerts", "config"), ("note", "list")])
def test_a_verbs_sentences_fit_an_80_column_terminal_and_a_pipe_gets_them_whole(run, terminal, monkeypatch, verb):
    code, out, err = run(*verb, user="ali")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: False)
    code, piped, err = run(*verb, user="ali")
    assert words(piped) == words(out) and len(piped.splitlines()) < len(out.splitlines())


@pytest.mark.parametrize("verb", [("today",), ("task", "list"), ("deal", "list"), ("goal", "list"), ("strategy", "list"),
                                  ("budget", "list"), ("training", "list"), ("account", "list"), ("member", "list")],
                         ids=" ".join)
def test_an_empty_boards_sentences_fit_an_80_column_terminal(team, capsys, monkeypatch, terminal, verb):
    from tests.cli.conftest import run_uplift

    empty = run_uplift(team.parent / "empty", capsys, monkeypatch)
    assert empty("init")[0] == 0
    code, out, err = empty(*verb)
    assert (code, err) == (0, "")
    assert out.strip() and all(display_width(line) <= 80 for line in out.splitlines()), out
