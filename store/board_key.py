"""Which board a folder holds, wherever it goes: the key its CSV lists carry in their `board`
column (sales/board_mark.py) and its calendar's event UIDs.

A board keeps its key in board.json's meta from its making. A board made before boards kept one
(2026-12-03) had it worked out from its folder's path, so a board moved or copied read its own
older lists as another board's, their links left out. Such a board now keeps a key at its first
change (store/board_core.py, under the writers' lock); until then its key is worked out from its
oldest log record, which a move or a copy leaves as it is (from the path only while its log is
empty, when no list of it can name a record). What the path gave it is kept beside (`path_key`):
its calendar's UIDs stay what they were, and lists it wrote where it then was stay its own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec

#: the board's key in its meta document, and the key its folder's path gave an older board
KEY, PATH_KEY = "key", "path_key"


def path_key(folder: Path) -> str:
    """The key a board made before it kept one had: from its folder's path, as it is reached."""
    return _digest(str(folder.resolve()).encode())


def log_key(oldest: dict) -> str:
    """The key of a board that keeps none yet, from its oldest log record as stored (when, who,
    what change to which item): the same in any folder the board is moved or copied to."""
    return _digest(msgspec.json.encode(oldest, order="sorted"))


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:12]
