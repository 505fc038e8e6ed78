"""Figures right-aligned in the command line's tables, as in a spreadsheet: digits line up and
amounts compare down a column; text columns stay left-aligned, and a script splitting a piped
line on runs of two spaces still gets every column, the first one first."""

from __future__ import annotations

import re

from sales.text import display_width


def ends(line: str, cell: str) -> int:
    """The cell offset at which `cell` ends on `line`."""
    return display_width(line[:line.index(cell)]) + display_width(cell)


def starts(line: str, cell: str) -> int:
    return display_width(line[:line.index(cell)])


def test_deal_values_end_under_their_header_and_titles_start_under_theirs(run) -> None:
    for title, value in (("Big one", "1250000"), ("Small one", "900"), ("伊斯多姆扩容", "48000")):
        assert run("deal", "add", title, "--account", "Acme", "--value", value, "--owner", "ali",
                   "--close", "2026-12-22")[0] == 0
    code, out, _ = run("deal", "list")
    header, *rows = out.splitlines()
    assert code == 0 and [row.split()[0] for row in rows] == ["D-1", "D-3", "D-2"]  # biggest first
    values = ["1,250,000", "48,000", "900"]
    assert [ends(row, value) for row, value in zip(rows, values)] == [ends(header, "VALUE")] * 3
    assert [starts(row, title) for row, title in zip(rows, ["Big one", "伊斯多姆扩容", "Small one"])] == \
        [starts(header, "TITLE")] * 3
    # to a pipe: every row still splits into the header's columns, its id first
    fields = [re.split(r" {2,}", line) for line in (header, *rows)]
    assert {len(f) for f in fields} == {7} and [f[0] for f in fields] == ["ID", "D-1", "D-3", "D-2"]
    assert [f[2] for f in fields[1:]] == values


def test_a_dash_for_no_figure_sits_right_in_a_column_of_figures(run) -> None:
    assert run("strategy", "add", "Fairs")[0] == 0
    assert run("budget", "request", "Trade fair booth", "8000", "--strategy", "S-1")[0] == 0
    assert run("budget", "request", "Flyers", "250.5", "--strategy", "S-1")[0] == 0
    assert run("budget", "approve", "B-1", "--amount", "6000", "--reason", "a smaller booth")[0] == 0
    code, out, err = run("budget", "list")
    assert code == 0, err
    header, *rows = out.splitlines()
    table = {row.split()[0]: row for row in rows if row.startswith("B-")}
    approved = ends(header, "APPROVED")
    assert ends(table["B-1"], "6,000") == approved and ends(table["B-2"], "–") == approved
    assert ends(table["B-1"], "8,000") == ends(table["B-2"], "250.50") == ends(header, "REQUESTED")
    assert starts(table["B-1"], "approved") == starts(table["B-2"], "requested") == starts(header, "STATUS")
