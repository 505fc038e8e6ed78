"""Where a board lives when none is named: UPLIFT_BOARD, else the XDG data dir."""

from __future__ import annotations

import os
from pathlib import Path


def default_board_path() -> Path:
    named = os.environ.get("UPLIFT_BOARD")
    if named:
        return Path(named).expanduser()
    return unnamed_board_path()


def unnamed_board_path() -> Path:
    """The board made where nobody named a folder (no --board, no UPLIFT_BOARD): the XDG data dir's."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "uplift" / "board"
