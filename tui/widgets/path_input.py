"""A file name box that completes paths as a shell does: the Diagnose screen's file prompt.

As you type, the rest of the one folder entry (or of the part all the matching entries share)
is suggested in grey; right or tab accepts it. Only folders and record files (CSV, XLSX, XLS) are
suggested, since those are what the prompt opens. The prompt holds a comma-separated list of
files, so the last item is the one completed.

Each suggestion lists one folder, in a thread (a network mount or a slow disk must not freeze the
screen), and reads at most MOST_ENTRIES entries of it (a folder of 100,000 files is not listed
whole on every key).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from store.record_files import MOST_LISTED as MOST_ENTRIES
from store.record_files import RECORD_SUFFIXES


def is_record_file(name: str) -> bool:
    return name.lower().endswith(RECORD_SUFFIXES)


def _entries(folder: Path) -> list[tuple[str, bool]]:
    """(name, is a folder) of the first MOST_ENTRIES entries of `folder` (none if it can't be read)."""
    found = []
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                if len(found) >= MOST_ENTRIES:
                    break
                try:
                    found.append((entry.name, entry.is_dir()))
                except OSError:
                    continue
    except OSError:
        return []
    return found


def completion(typed: str) -> str | None:
    """The rest of `typed` (a path, `~` for the home folder) that every folder or record file it
    could name shares, with `/` after a folder; None when nothing is to be added."""
    if not typed:
        return None
    if typed in ("~", ".", ".."):  # a folder named whole: go into it
        return "/" if Path(typed).expanduser().is_dir() else None
    head, sep, prefix = typed.rpartition("/")
    folder = Path(head).expanduser() if head else Path("/") if sep else Path(".")
    names = [name + "/" if is_dir else name for name, is_dir in _entries(folder)
             if name.startswith(prefix) and (is_dir or is_record_file(name))
             and (prefix.startswith(".") or not name.startswith("."))]
    if not names:
        return None
    shared = os.path.commonprefix(names)
    return shared[len(prefix):] or None


class PathSuggester(Suggester):
    """Suggests the completion of the last path of a comma-separated list."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # (a folder changes: never cached)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rsplit(",", 1)[-1].lstrip()
        rest = await asyncio.to_thread(completion, last)
        return value + rest if rest else None


class PathInput(Input):
    """An Input with path completion: right (Textual's) or tab accepts the suggestion; tab with
    no suggestion moves on, as in any other box."""

    BINDINGS = [Binding("tab", "complete", show=False)]

    def __init__(self, value: str = "", **options) -> None:
        super().__init__(value, suggester=PathSuggester(), **options)

    def action_complete(self) -> None:
        if self._suggestion and self.cursor_at_end:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()
