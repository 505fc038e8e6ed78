"""`ssh host today` over `uplift serve ssh` without -t: the output is the client's screen, but
no terminal says its width, and nothing was wrapped (each long line broke at the screen's left
edge). In such a session it wraps at 80 columns, as taskwarrior's defaultwidth; a pipe on the
board's own machine still gets a row a line."""

from __future__ import annotations

import pytest

from sales.text import display_width

TITLE = "Prepare the renewal proposal for Isdom with pricing tiers, legal terms and the onboarding plan"


@pytest.fixture
def remote(monkeypatch):
    """A verb run by `uplift serve ssh` with no pty: its stdout a pipe, its environment the server's."""
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


def words(text: str) -> list[str]:
    return " ".join(line.strip() for line in text.splitlines()).split()


def test_today_over_ssh_without_a_terminal_wraps_at_80(run, remote):
    assert run("task", "add", TITLE, "--due", "today", user="ali")[0] == 0
    code, out, err = run("today", user="ali")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    assert any(display_width(line) > 60 for line in out.splitlines())  # (wrapped near 80, not narrower)
    assert " ".join(TITLE.split()) in " ".join(words(out))  # every word kept, in order


def test_a_list_over_ssh_without_a_terminal_wraps_its_last_column(run, remote):
    assert run("task", "add", TITLE, user="ali")[0] == 0
    code, out, _ = run("task", "list", "--mine", user="ali")
    assert code == 0
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    assert "…" not in out and " ".join(TITLE.split()) in " ".join(words(out))


def test_a_local_pipe_still_gets_a_row_a_line(run, monkeypatch):
    monkeypatch.delenv("UPLIFT_REMOTE", raising=False)
    assert run("task", "add", TITLE, user="ali")[0] == 0
    code, out, _ = run("task", "list", "--mine", user="ali")
    assert code == 0 and any(TITLE in line for line in out.splitlines())
