"""Every screen, run in a real pseudo-terminal over a board full of hostile text (cleaned on the
way in by the store, and raw bytes written into the files past it): the bytes the terminal
receives carry no escape sequence, C1 control or bidi override that came from the data."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.hostile.fixtures import FORBIDDEN, hostile_csv, seed, write_raw
from tests.hostile.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ESC = "\x1b"
# Textual's own sequences that end in BEL: the mouse pointer's shape (OSC 22).
TEXTUAL_BEL = re.compile(rb"\x1b\]22;[a-z-]*\x07")

BAD_PLAN = """\
schema: 1
plan:
  name: "plan \\e]0;pwned\\a"
tasks:
- title: "\\e]52;c;aGk=\\a [ @click=app.quit]x"
  status: "\\e]0;pwned\\a"
  owner: "\\x9b31mred \\u202eevil"
  due: "\\e[2Jcleared"
"""

class Back(bytes):
    """A text of the screen a key goes back to (escape closing a dialog, `n` to a question), that
    shows once the dialog has gone: a key in that screen's footer (its columns' names show
    dimmed behind a dialog)."""


#: After a key that goes back, the app quiet this long too (see Terminal.press): it was a second
#: of silence after every such key, twenty of them, when closing gave no sign to wait for.
SETTLE = 0.3

# (keys, a text the screen shows once it is open, or the one beneath once it has closed)
BOARD, DIAGNOSE, GOALS, PIPELINE = (Back(b"Move left"), Back(b"Diagnose file"), Back(b"New strategy"),
                                    Back(b"Log activity"))
TOUR = [
    ("v", b"History"),                           # task detail
    (ESC, BOARD),
    ("e", b"Edit T-1"),                          # task form
    (ESC, BOARD),
    ("d", b"Delete T-1"),                        # confirm dialog
    ("n", BOARD),
    ("o", b"Show whose tasks?"),                 # pick an owner
    (ESC, BOARD),
    ("?", b"Keys (esc closes)"),                 # help
    (ESC, BOARD),
    ("!", b"Alerts"),                            # alerts
    (ESC, BOARD),
    ("T", b"'s day"),                            # the day (titles are user text)
    (ESC, BOARD),
    ("C", b"Diagnose"),                          # the cycle at a glance (a finding's text)
    (ESC, BOARD),
    ("A", b"everyone"),                          # the calendar (titles are user text)
    (ESC, BOARD),
    ("i", b"enter: go"),                         # import: the path prompt...
    ("{plan}\r", b"problems"),                  # ...then the file's problems ("FILE has problems (N)", wrapped where a long path puts it)
    (ESC, BOARD),
    ("1", b"Notes"),                             # diagnose, a snapshot of hostile records
    ("n", b" saves, "),                          # note form (its "(^s saves, esc cancels)" hint)
    (ESC, DIAGNOSE),
    ("2", b"Check-ins"),                         # goals
    ("e", b"Edit G-1"),                          # goal form
    (ESC, GOALS),
    ("c", b"Check in on G-1"),                   # check-in form
    (ESC, GOALS),
    ("b", b"Training"),                          # budget
    (ESC, GOALS),
    ("4", b"Qualified"),                         # pipeline (the funnel starts hidden at 80x24)
    ("e", b"Edit D-"),                           # deal form
    (ESC, PIPELINE),
    ("a", b"Log an activity"),                   # log an activity
    (ESC, PIPELINE),
    ("f", b"Activity feed"),                     # feed
    (ESC, PIPELINE),
    ("F", b"Forecast"),                          # forecast (reps' names are user text)
    (ESC, PIPELINE),
    ("W", b"Win/loss"),                          # win/loss (lost reasons are user text)
    (ESC, PIPELINE),
    ("w", b"Weekly review"),                     # the week's pipeline (deal titles are user text)
    (ESC, PIPELINE),
    ("3", b"To do"),
]


@pytest.fixture
def hostile_board(tmp_path: Path) -> Path:
    path = tmp_path / "board"
    board = seed(path)
    board.run_diagnosis([hostile_csv(tmp_path / "records.csv")])
    write_raw(path)
    return path


def forbidden_in(output: bytes) -> list[str]:
    output = TEXTUAL_BEL.sub(b"", output)
    return [name for name, sequence in FORBIDDEN.items() if sequence in output]


# The phase screens only, for a small terminal (the full tour runs at 120x40).
PHASES = [("1", b"Notes"), ("2", b"Check-ins"), ("4", b"Qualified"), ("3", b"To do")]


@pytest.mark.parametrize(("size", "tour"), [((120, 40), TOUR), ((80, 24), PHASES)], ids=["120x40", "80x24"])
def test_no_escape_sequence_from_the_data_reaches_the_terminal(hostile_board, tmp_path, size, tour) -> None:
    plan = tmp_path / "bad-plan.yaml"
    plan.write_text(BAD_PLAN)
    not_shown = []
    with Terminal(hostile_board, size=size) as terminal:
        for keys, shows in tour:
            if not terminal.press(keys.format(plan=plan), until=shows, settle=SETTLE if isinstance(shows, Back) else 0):
                not_shown.append((keys, shows))
        alive = terminal.process.poll() is None
    output = bytes(terminal.output)
    assert forbidden_in(output) == []
    assert alive, "the app quit before the tour's end"
    assert not_shown == [], "these screens did not open"
    # Text that was dangerous is on the screen, made harmless.
    assert b"]0;pwned" in output
    assert "営業".encode() in output
    if tour is TOUR:  # markup shown as the text it is (the task's history, the goal's strategies)
        assert b"[ @click=app.quit]x" in output
        assert b"[link=https://x]y[/]" in output


def test_the_check_finds_a_sequence_that_got_through() -> None:
    """The detector itself: a title written raw to the terminal would be caught."""
    assert forbidden_in(b"\x1b[1;1Hx\x1b]0;pwned\x07") == ["window title", "BEL from data"]
    assert forbidden_in(b"\x1b]22;default\x07\x1b[2J\x1b[H") == []
