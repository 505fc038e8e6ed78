"""What each screen looks like, at 80x24 and 120x40, compared with the reviewed SVGs in
__snapshots__/ (pytest-textual-snapshot). A change to a screen's look shows up in review as a
changed SVG; after checking it, update with:

    /work/venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update

The board is the demo seeded for a fixed day with frozen clocks, in UTC, so the pictures are the
same on every run and machine. Each screen is taken in every language of LANGUAGES: in Chinese
(UPLIFT_LANG=zh) on the Chinese demo (tests/tui/demo_board.py), so that CJK titles and names
are seen in the kanban's cards and the tables' columns, at both sizes.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.tui.demo_board import build_demo, demo_board
from tui.app import UpliftApp

LANGUAGES = ["en", "zh"]
SIZES = [(80, 24), (120, 40)]
# screen name -> the keys that open it from the start (the task board)
SCREENS = {
    "board": (),
    "goals": ("2",),
    "budget": ("2", "b"),
    "pipeline": ("4",),
    "diagnose": ("1",),
    "help": ("question_mark",),
    "task-form": ("n",),
    "calendar": ("A",),
    "accounts": ("O",),
    "review": ("5",),  # (its goals' figures with their units, `25 customers`, on one line at 80 columns)
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The demo board of a language, built once per module."""
    built: dict[str, Path] = {}

    def board_of(language: str) -> Path:
        if language not in built:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("TZ", "UTC")
                time.tzset()
                built[language] = build_demo(tmp_path_factory.mktemp(f"demo-{language}"), language)
            time.tzset()
        return built[language]
    return board_of


@pytest.fixture
def board_copy(seeded, language: str, tmp_path: Path, monkeypatch) -> Path:
    """A fresh copy per test (a screen could write), read in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    target = tmp_path / "board"
    shutil.copytree(seeded(language), target)
    yield target
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_screen_looks_as_reviewed(snap_compare, board_copy: Path, monkeypatch, language: str,
                                  screen: str, size: tuple[int, int]) -> None:
    monkeypatch.setenv("UPLIFT_LANG", language)
    app = UpliftApp(demo_board(board_copy, language))

    async def open_and_settle(pilot) -> None:
        """Open the screen and let its workers and refreshes finish before the picture: pressed
        by snap_compare, a key's screen was taken after a single pause, and a form's focus could
        be caught half drawn."""
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        for key in SCREENS[screen]:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause()
        # a text box's cursor blinks, shown then hidden each half second from the focus: the
        # task form was taken with its cursor hidden when a loaded machine took longer than that
        # to get here. Not blinking, it stays shown, where it is.
        for box in pilot.app.screen.query("Input, TextArea"):
            box.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_and_settle)
