"""Links a plan file may not draw: an item pointing at itself, or a repeating task's occurrence
following a task that is not an occurrence before it.

`goal carry` writes a goal's `carried_from` (last cycle's goal it carries on) and `task done`
writes the next occurrence's `previous` (the one it follows): a file that writes them by hand
could make a goal carried on from itself, or a series of repeats that runs through an unrelated
task (which then counts in the series' month-end days and is shown as a repeat). Only links the
file adds or changes are checked: what the board has stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sales.errors import Reason
from sales.ids import kind_word


def goal_link_problems(old: Any | None, new: Any) -> list[tuple[str, Reason]]:
    """(field, message) for a goal carried on from itself."""
    if new.carried_from is None or (old is not None and old.carried_from == new.carried_from):
        return []
    if new.carried_from == new.id:
        return [("carried_from", Reason("a goal cannot be carried on from itself ({id}): carried_from names "
                                        "the last cycle's goal it carries on", id=new.id))]
    return []


def task_link_problems(old: Any | None, new: Any, tasks: Mapping[str, Any],
                       followers: Mapping[str, list[str]]) -> list[tuple[str, Reason]]:
    """(field, message) for a task's `previous` the file adds or changes that is not an earlier
    occurrence of a repeating task: itself, no task, a task that does not repeat, or one another
    task follows already (a series has one next occurrence). `tasks`: the tasks as the import
    leaves them, by id; `followers`: the ids of the tasks that follow each, as it leaves them."""
    ref = new.previous
    if ref is None or (old is not None and old.previous == ref):
        return []
    if ref == new.id:
        return [("previous", Reason("a task cannot follow itself ({id}): previous names the occurrence "
                                    "of a repeating task that this one comes after", id=new.id))]
    before = tasks.get(ref)
    if before is None:
        return [("previous", Reason("{ref} is not a {kind} in this file or on the board", ref=ref,
                                    kind=kind_word("task")))]
    if before.every is None:
        return [("previous", Reason("{ref} does not repeat: previous names the occurrence of a repeating "
                                    "task that this one comes after", ref=ref))]
    others = [other for other in followers.get(ref, ()) if other != new.id]
    if others:
        return [("previous", Reason("{ref} is followed by {other} already: each occurrence of a repeating task "
                                    "has one next", ref=ref, other=others[0]))]
    return []
