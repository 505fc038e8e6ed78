"""Who may open a board's files: private to one Unix account, or shared with a Unix group.

A private board (the default) has files 0600 and folders 0700. A board set up for a team whose
reps log in with their own Unix accounts (a system sshd) is shared: files 0660 and folders 2770,
all in one group; the setgid bit makes new files inherit the folder's group, and every rewrite
keeps the mode because the board's writers chmod each new file to the mode of board.json
(store/files.py). Changing the mode happens under the board's lock so that no writer is halfway.
"""

from __future__ import annotations

import grp
import os
from pathlib import Path

from sales.errors import Invalid
from store.board_core import FILES, PRIVATE, SHARED
from store.files import exclusive_lock, folder_mode


def board_mode(path: Path) -> int:
    """The mode of a board's files (that of board.json)."""
    return os.stat(Path(path) / FILES["board"]).st_mode & 0o777


def set_board_access(path: Path, shared: bool, group: str | None = None) -> int:
    """Give every file and folder of the board the private or shared modes (and `group`).

    Returns the number of files and folders changed. Processes that already had the board open
    keep writing with the mode they saw when they opened it: restart them after a change.
    """
    path = Path(path)
    gid = _group_id(group) if group else -1
    mode = SHARED if shared else PRIVATE
    changed = 0
    with exclusive_lock(path, board_mode(path)):
        entries = [path, *path.rglob("*")]
        for entry in entries:
            if entry.is_symlink():
                continue  # never follow a link out of the board
            want = folder_mode(mode) if entry.is_dir() else mode
            before = entry.stat()
            if gid != -1 and before.st_gid != gid:
                os.chown(entry, -1, gid)
            if entry.stat().st_mode & 0o7777 != want:
                os.chmod(entry, want)  # after chown, which may clear the setgid bit
            after = entry.stat()
            changed += (after.st_mode, after.st_gid) != (before.st_mode, before.st_gid)
    return changed


def _group_id(group: str) -> int:
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        if group.isdigit():
            return int(group)
        raise Invalid("group", "no Unix group named {group!r} (see `getent group`)", group=group) from None
