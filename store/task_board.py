"""A board opened for its tasks only: what `uplift task ...` needs, and nothing else.

The same core, the same one way to change a board (`BoardCore._transact`), the same task,
member and settings rules as the full `Board`; it just does not import the other kinds' code,
so that a rep's `uplift task done T-4` over a slow link starts in a fraction of the time.
"""

from __future__ import annotations

from store.board_core import BoardCore
from store.members import MemberChanges
from store.settings import SettingsChanges
from store.tasks import TaskChanges


class TaskBoard(TaskChanges, MemberChanges, SettingsChanges, BoardCore):
    """A board folder opened by one actor, for its tasks."""
