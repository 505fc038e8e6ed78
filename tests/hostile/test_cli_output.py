"""Every listing and detail of the command line, and the plan export, over a board with hostile
text (through the API and raw in the files): nothing printed carries an escape, C1 or bidi
control; JSON keeps the data (escaped, so a reader decodes it back) but not raw controls."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.hostile.fixtures import (
    C1_CSI,
    RLO,
    WINDOW_TITLE,
    hostile_csv,
    seed,
    write_raw,
)
from tui.cli import main

UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e")

COMMANDS = [
    ["task", "list"], ["task", "show", "T-1"], ["task", "show", "T-2"],
    ["deal", "list"], ["deal", "list", "--csv"], ["task", "list", "--csv"], ["payout", "--csv"],
    ["deal", "show", "D-1"], ["funnel"], ["forecast"], ["winloss"], ["calendar"], ["today"], ["cycle"], ["payout"],
    ["goal", "list"], ["goal", "show", "G-1"], ["strategy", "list"],
    ["note", "list"], ["log"], ["alerts"], ["budget", "list"], ["training", "list"],
    ["member", "list"], ["diagnosis", "list"], ["diagnosis", "show"], ["plan", "export"],
    ["task", "show", WINDOW_TITLE], ["task", "move", "T-1", f"{WINDOW_TITLE}{C1_CSI}"],
    ["task", "add", "x", "--due", f"{RLO}{WINDOW_TITLE}"],
    ["account", "list"], ["account", "list", "--csv"], ["account", "show", "acme"],
    ["account", "show", f"Acme {WINDOW_TITLE}"], ["account", "show", RLO],
    ["nonsense-verb-{}".format(WINDOW_TITLE)],
]
JSON_COMMANDS = [["task", "list", "--json"], ["deal", "list", "--json"], ["goal", "list", "--json"],
                 ["log", "--json"], ["diagnosis", "show", "--json"], ["forecast", "--json"], ["winloss", "--json"], ["today", "--json"],
                 ["cycle", "--json"], ["wip", "--json"], ["account", "list", "--json"], ["undo", "--dry-run", "--json"]]


@pytest.fixture(scope="module")
def hostile_seeded(tmp_path_factory) -> Path:
    """The hostile board, seeded once for the module (seeding it and its diagnosis took a quarter
    of a second of each of the module's fifty tests), in English, with a config dir of its own."""
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", "en")
        patch.setenv("XDG_CONFIG_HOME", str(folder / "xdg-config"))
        board = seed(folder / "board")
        board.run_diagnosis([hostile_csv(folder / "records.csv")])
        write_raw(folder / "board")
    return folder / "board"


@pytest.fixture
def hostile_board(hostile_seeded, tmp_path, monkeypatch):
    """A copy of it per test: some of the commands write (task move, task add)."""
    path = tmp_path / "board"
    shutil.copytree(hostile_seeded, path)
    monkeypatch.setenv("UPLIFT_USER", "dana")
    monkeypatch.setenv("UPLIFT_BOARD", str(path))
    return path


def run(capsys, args):
    try:
        code = main(args)
    except SystemExit as exit:  # argparse refusing a verb
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a)[:30].encode("unicode_escape").decode())
def test_nothing_printed_carries_a_control_from_the_data(hostile_board, capsys, args) -> None:
    code, out, err = run(capsys, args)
    assert code in (0, 1, 2)
    for char in UNSAFE:
        assert char not in out and char not in err, (char, out[-300:], err[-300:])


def test_a_deal_file_with_hostile_headers_and_values_is_echoed_safely(hostile_board, tmp_path, capsys) -> None:
    deals = tmp_path / "deals.csv"
    deals.write_text(f'opportunity_id,"agent {WINDOW_TITLE}",product,account,deal_stage,engage_date,close_value\n'
                     f'A1,ali,"{C1_CSI}","{WINDOW_TITLE}",Won,2026-01-05,10\n', encoding="utf-8")
    for args in (["deal", "import", str(deals), "--dry-run"], ["diagnose", str(deals)],
                 ["deal", "import", str(deals), "--dry-run", "--map", f"agent {WINDOW_TITLE}=owner"],
                 ["deal", "import", str(deals), "--map", f"{WINDOW_TITLE}=nothing"]):
        code, out, err = run(capsys, args)
        assert code in (0, 1, 2)
        for char in UNSAFE:
            assert char not in out and char not in err, (args, char, out[-300:], err[-300:])


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_keeps_the_data_but_no_raw_controls(hostile_board, capsys, args) -> None:
    code, out, _ = run(capsys, args)
    assert code == 0
    for char in UNSAFE:
        assert char not in out
    json.loads(out)  # still JSON: the C1 and bidi characters are \\u escapes
