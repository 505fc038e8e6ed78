"""Help in Chinese fits the terminal: argparse wrapped it by characters and only at spaces, so a
line of Chinese help ran far past an 80-column terminal (`deal add --help`: 113 cells) and
`用法：` made a usage line three cells too long. Examples of what to type stay whole, as typed."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

VERBS = [("deal", "add"), ("deal", "import"), ("member",), ("member", "remove"), ("payout",), ("alerts",),
         ("alerts", "config"), ("log",), ("plan", "new"), ("weekly",), ("payout", "paid")]


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_chinese_help_lines_fit_80_columns(run, monkeypatch, verb) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(*verb, "--help")
    assert code == 0
    lines = [line for line in out.splitlines() if not line.startswith("  uplift ")]  # (examples: as typed)
    assert [line for line in lines if cell_len(line) > 80] == []


def test_wrapped_chinese_help_keeps_every_word_and_its_column(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run("deal", "add", "--help")
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  --split"))
    column = lines[start].index("把")
    more = lines[start + 1]
    assert more[:column].strip() == "" and more[column] != " "  # the next line under the help, not the margin
    said = lines[start][column:] + more[column:]
    assert "把商机的一部分业绩记给另一位销售代表" in said and "其余" in said


def test_english_help_is_wrapped_as_before(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run("deal", "add", "--help")
    assert code == 0
    assert ("  --split REP=PCT       credit another rep with a share of the deal (again for\n"
            "                        more; the owner keeps the rest; `none` clears them; a\n") in out, out
