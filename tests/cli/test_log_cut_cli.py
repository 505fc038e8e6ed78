"""A long text changed near its end: the log line cuts both sides around where they first
differ, so the change shows (it cut both at the same place: "title Raise win rate on qualified
d… → Raise win rate on qualified d…", the same words twice)."""

from __future__ import annotations

OLD = "Raise win rate on qualified deals in the north region"
NEW = "Raise win rate on qualified deals in the south region"


def _line(run) -> str:
    return run("log", "--item", "T-1")[1].splitlines()[1]


def test_two_long_titles_alike_at_first_are_cut_where_they_differ(run) -> None:
    assert run("task", "edit", "T-1", "--title", OLD)[0] == 0
    assert run("task", "edit", "T-1", "--title", NEW)[0] == 0
    line = _line(run)
    old, new = line.split("changed T-1: title ", 1)[1].split(" → ")
    assert old != new
    assert old.startswith("…") and "north" in old and new.startswith("…") and "south" in new
    assert max(len(old), len(new)) <= 30


def test_a_title_that_differs_early_is_cut_at_its_end_as_before(run) -> None:
    assert run("task", "edit", "T-1", "--title", OLD)[0] == 0
    line = _line(run)
    assert line.endswith("changed T-1: title Call Acme → Raise win rate on qualified d…")
