"""The listings on a 60-column terminal (a rep on a phone, a split pane over SSH) and an 80-column
one: no line is wider than the terminal, in English or Chinese (a Chinese character takes two cells); the least
important columns are left out first and named under the table, and a title keeps its words,
wrapped within its column. To a pipe, every column, a row a line, as ever."""

from __future__ import annotations

import pytest

from sales.text import display_width
from tests.cli.conftest import invoke, run_uplift

# a title wider than the terminal, in Chinese (two cells a character)
CHINESE_TITLE = "为北方区域的制造业客户准备续约方案，包括价格分级、法律条款和上线计划"

LISTINGS = [("task", "list"), ("deal", "list"), ("deal", "list", "--mine"), ("strategy", "list"), ("budget", "list"),
            ("training", "list"), ("goal", "list"), ("funnel",), ("forecast",), ("note", "list"), ("account", "list"),
            ("member", "list"), ("incentive", "list"), ("leaderboard",), ("winloss",), ("alerts",), ("log",),
            ("review",), ("burnup",), ("weekly",)]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The sample plan's board (built once: the listings only read it), with a deal, a task and a
    budget line titled in Chinese."""
    folder = tmp_path_factory.mktemp("narrow")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        run = run_uplift(folder / "board", _Quiet(), patch)
        assert run("plan", "new", "--from", "sample-quarter")[0] == 0
        assert run("deal", "add", CHINESE_TITLE, "--account", "北方钢铁集团", "--value", "48000", "--owner", "dana")[0] == 0
        assert run("task", "add", CHINESE_TITLE, "--due", "2026-12-20")[0] == 0
        assert run("budget", "request", CHINESE_TITLE, "900", "--strategy", "S-1")[0] == 0
    return folder / "board"


class _Quiet:
    """capsys's one method `invoke` uses, for a fixture that outlives a test's capsys."""

    def readouterr(self):
        return "", ""


@pytest.fixture
def run(seeded, capsys, monkeypatch):
    return run_uplift(seeded, capsys, monkeypatch)


@pytest.fixture
def terminal(monkeypatch):
    """Standard output is a 60-column terminal."""
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("verb", LISTINGS, ids=" ".join)
def test_every_listing_fits_a_narrow_terminal(run, terminal, monkeypatch, verb, lang, columns):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = run(*verb)
    assert (code, err) == (0, "")
    assert out.strip()
    too_wide = [line for line in out.splitlines() if display_width(line) > columns]
    assert not too_wide, out


def test_deal_list_keeps_id_stage_value_and_title_and_names_what_it_left_out(run, terminal):
    code, out, _err = run("deal", "list")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "STAGE", "VALUE", "OWNER", "TITLE"]
    assert "Left out for the window's width: CLOSE, ACCOUNT" in " ".join(lines[-2:])
    # D-21's title (the Chinese one), wrapped within its column, reads whole
    row = next(i for i, line in enumerate(lines) if line.startswith("D-21 "))
    start = lines[0].index("TITLE")
    cell = [lines[row][start:]]
    for line in lines[row + 1:]:
        if line[:start].strip():
            break
        cell.append(line[start:])
    assert "".join(part.strip() for part in cell) == CHINESE_TITLE


def test_deal_list_in_chinese_leaves_out_the_same_columns(run, terminal, monkeypatch):
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _err = run("deal", "list")
    assert out.splitlines()[0].split() == ["ID", "阶段", "金额", "负责人", "标题"]
    assert "窗口宽度不够，未显示：" in out


def test_to_a_pipe_a_listing_keeps_every_column_a_row_a_line(run):
    code, out, _err = run("deal", "list")
    assert out.splitlines()[0].split() == ["ID", "STAGE", "VALUE", "CLOSE", "OWNER", "ACCOUNT", "TITLE"]
    assert any(line.endswith(CHINESE_TITLE) for line in out.splitlines())
    assert "Left out" not in out
