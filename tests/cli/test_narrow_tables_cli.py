"""`uplift review`, `diagnosis list` and `diagnosis show` on an 80-column terminal (a rep over
`ssh -t`): every line within 80 cells, as `uplift forecast` does, the columns left out named
below the table, titles and a group's figures wrapped whole; to a pipe, every column, a row a
line, as before. The sample plan's goals (G-1 to G-3) and a small quarter worked out by hand."""

from __future__ import annotations

import pytest

from sales.text import display_width
from tests.cli.conftest import run_uplift

# North won 100 + 100 and lost 50; South won 300: revenue 500; North 200 (40.0%), AOV 100.00,
# won 2 of 3 (66.7%); South 300 (60.0%), AOV 300.00, won 1 of 1 (100.0%)
QUARTER = """order,date,region,amount,stage
A1,2026-07-01,North,100,won
A2,2026-08-01,North,100,won
A3,2026-08-02,North,50,lost
A4,2026-09-30,South,300,won
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    assert runner("plan", "new", "--from", "sample-quarter")[0] == 0
    (tmp_path / "quarter.csv").write_text(QUARTER, encoding="utf-8")
    assert runner("diagnose", tmp_path / "quarter.csv", "--period", "quarter")[0] == 0
    return runner


@pytest.fixture
def terminal(monkeypatch):
    """Standard output is an 80-column terminal."""
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")


def fits(out: str) -> bool:
    return all(display_width(line) <= 80 for line in out.splitlines())


def test_review_on_80_columns_leaves_out_baseline_and_source_and_wraps_the_titles(run, terminal):
    code, out, err = run("review")
    assert (code, err) == (0, "")
    assert fits(out), out
    lines = out.splitlines()
    head = next(line for line in lines if line.startswith("GOAL"))
    assert head.split() == ["GOAL", "TARGET", "ACTUAL", "ATTAINED", "GAP", "TITLE"]
    assert "Left out for the window's width: BASELINE, SOURCE" in out
    # G-1's title, wrapped under its column, reads whole
    start = lines.index(next(line for line in lines if line.startswith("G-1")))
    column = head.index("TITLE")
    title = " ".join(line[column:].strip() for line in lines[start:start + 4]
                     if line.startswith("G-1") or line[:column].strip() == "")
    assert "Grow quarterly revenue from $1.20M to $1.38M (+15%)" in title
    strategies = next(line for line in lines if line.startswith("STRATEGY"))
    assert strategies.split() == ["STRATEGY", "TASKS", "DONE", "DEALS", "WON", "VALUE", "SPENT", "RETURN", "TITLE"]
    assert "Left out for the window's width: WON " in out


def test_review_to_a_pipe_is_whole(run):
    code, out, _ = run("review")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("GOAL")][0].split()[:8] == [
        "GOAL", "BASELINE", "TARGET", "ACTUAL", "ATTAINED", "GAP", "SOURCE", "TITLE"]
    assert "Grow quarterly revenue from $1.20M to $1.38M (+15%)" in out
    assert "Left out" not in out


def test_diagnosis_list_on_80_columns_leaves_out_the_dates(run, terminal):
    code, out, err = run("diagnosis", "list")
    assert (code, err) == (0, "")
    assert fits(out), out
    assert out.splitlines()[0].split() == ["ID", "SAVED", "BY", "PERIOD", "REVENUE", "FINDINGS", "FILES"]
    assert out.splitlines()[1].split()[-3:] == ["500", "0", "quarter.csv"]
    assert "Left out for the window's width: DATES" in out


def test_diagnosis_list_to_a_pipe_is_whole(run):
    code, out, _ = run("diagnosis", "list")
    assert code == 0 and "DATES" in out.splitlines()[0] and "2026-07-01 – 2026-09-30" in out
    assert "Left out" not in out


def test_diagnosis_show_lays_a_breakdown_out_as_a_table_its_figures_right_aligned(run, terminal):
    code, out, err = run("diagnosis", "show")
    assert (code, err) == (0, "")
    assert fits(out), out
    lines = out.splitlines()
    head = lines.index("By region (top 2 of 2 by revenue)") + 1
    assert lines[head].split() == ["REVENUE", "SHARE", "AOV", "WIN", "RATE"]
    north, south = sorted(lines[head + 1:head + 3])
    assert south.split() == ["South", "300", "60.0%", "300.00", "100.0%"]
    assert north.split() == ["North", "200", "40.0%", "100.00", "66.7%"]
    # each figure ends where its heading does
    for heading, figure in (("REVENUE", "200"), ("SHARE", "40.0%"), ("AOV", "100.00"), ("RATE", "66.7%")):
        assert north.index(figure) + len(figure) == lines[head].index(heading) + len(heading)


def test_diagnosis_show_below_40_columns_leaves_out_a_breakdowns_lesser_figures(run, monkeypatch):
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "38")
    code, out, err = run("diagnosis", "show")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 38 for line in out.splitlines()), out
    lines = out.splitlines()
    head = lines.index("By region (top 2 of 2 by revenue)") + 1
    assert lines[head].split() == ["REVENUE", "SHARE", "WIN", "RATE"]
    assert ["North", "200", "40.0%", "66.7%"] in [line.split() for line in lines[head + 1:head + 3]]
    assert lines[head + 3] == "Left out for the window's width: AOV"
    assert "(a wider window shows them" in lines[head + 4]
    # the list, too: the file's name ran past the edge with nothing left to leave out
    code, out, err = run("diagnosis", "list")
    assert all(display_width(line) <= 38 for line in out.splitlines()), out
    assert [line.split() for line in out.splitlines()[:2]] == [["ID", "REVENUE", "FILES"], ["X-1", "500", "quarter.csv"]]


def test_diagnosis_show_to_a_pipe_keeps_every_figure(run):
    code, out, _ = run("diagnosis", "show")
    assert code == 0
    north = next(line for line in out.splitlines() if line.strip().startswith("North"))
    assert north.split() == ["North", "200", "40.0%", "100.00", "66.7%"]
    assert "Left out" not in out


# The next quarter: North won 200 and lost 80 (won 1 of 2: 50.0%, -16.7 pts on 66.7%), South won
# 150 + 250: 400 (+33.3% on 300), won 2 of 2 (100.0%, +0.0 pts)
NEXT_QUARTER = """order,date,region,amount,stage
B1,2026-10-01,North,200,won
B2,2026-11-01,North,80,lost
B3,2026-11-02,South,150,won
B4,2026-12-31,South,250,won
"""


def _two_quarters(run, tmp_path) -> None:
    (tmp_path / "next.csv").write_text(NEXT_QUARTER, encoding="utf-8")
    assert run("diagnose", tmp_path / "next.csv", "--period", "quarter")[0] == 0


def _region_rows(out: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1] in (["North"], ["South"])}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_diagnosis_compare_on_80_columns_fits_with_the_win_rates(run, terminal, tmp_path, monkeypatch, lang):
    """In Chinese a win rate's change (`-16.7 个百分点`, 13 cells) pushed each group's row to 82
    cells; on a terminal the columns are as wide as their figures."""
    _two_quarters(run, tmp_path)
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("diagnosis", "compare")
    assert (code, err) == (0, "")
    assert fits(out), out
    pts = " pts" if lang == "en" else " 个百分点"
    rows = _region_rows(out)
    assert " ".join(rows["South"]) == f"300.00 400.00 +33.3% 100.0% 100.0% +0.0{pts}"
    assert " ".join(rows["North"]) == f"200.00 200.00 +0.0% 66.7% 50.0% -16.7{pts}"
    assert "Left out" not in out and "未显示" not in out


def test_diagnosis_compare_on_a_narrower_terminal_leaves_out_the_win_rates_and_says_so(run, terminal, tmp_path,
                                                                                      monkeypatch):
    """The win rates before and after give way first; their change stays, under its group."""
    _two_quarters(run, tmp_path)
    monkeypatch.setenv("COLUMNS", "50")
    code, out, err = run("diagnosis", "compare")
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 50 for line in out.splitlines()), out
    rows = _region_rows(out)
    assert " ".join(rows["South"]) == "300.00 400.00 +33.3% +0.0 pts"
    assert " ".join(rows["North"]) == "200.00 200.00 +0.0% -16.7 pts"
    lines = out.splitlines()
    head = lines.index("By region (top 2 of 2 by revenue)") + 2
    assert lines[head - 1].split() == ["revenue", "win", "rate"]
    assert lines[head].split() == ["X-1", "X-2", "DIFFERENCE", "DIFFERENCE"]
    assert "Left out for the window's width: win rate X-1, win rate X-2 (" in " ".join(out.split())


def test_diagnosis_compare_to_a_pipe_keeps_a_group_a_line(run, tmp_path):
    _two_quarters(run, tmp_path)
    code, out, err = run("diagnosis", "compare")
    assert (code, err) == (0, "")
    # (as wide as the widest cell: a table as the command line's others, figures right-aligned)
    assert "  South  300.00  400.00      +33.3%  100.0%  100.0%    +0.0 pts" in out.splitlines()
