"""Short, typeable ids: `T-12` for tasks, `G-3` for goals, `S-2` for strategies, `D-40` for deals.

Also `A-` logged activities (calls, visits...), `K-` coaching notes, `C-` check-ins, `B-` budget
lines, `E-` spend entries (expenses), `L-` training items (learning), `X-` diagnosis snapshots,
`N-` interview and feedback notes, `M-` saved column mappings, `H-` checklists, `I-` incentive
plans, `R-` review answers (gap analysis), `P-` payout approvals, `W-` payout holds (withheld). One letter
each, so that `t12` still means T-12.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from sales.errors import Reason, Word
from sales.text import list_commas

PREFIXES = {"task": "T", "goal": "G", "strategy": "S", "deal": "D", "touch": "A", "coaching": "K",
            "checkin": "C", "budget": "B", "spend": "E", "training": "L", "snapshot": "X",
            "note": "N", "mapping": "M", "checklist": "H", "incentive": "I", "answer": "R",
            "approval": "P", "hold": "W"}
#: What a person calls a kind whose key is not its everyday name (`uplift diagnosis show X-3`
#: names a kept diagnosis, which the store keeps as a snapshot).
NAMES = {"snapshot": "diagnosis", "touch": "activity", "coaching": "coaching note", "checkin": "check-in",
         "spend": "spending", "answer": "review answer", "approval": "payout approval",
         "mapping": "column mapping", "hold": "payout hold", "budget": "budget line", "training": "training item",
         "incentive": "incentive plan"}


def name_of(kind: str) -> str:
    """`snapshot` as a person says it: `diagnosis`."""
    return NAMES.get(kind, kind)


#: Each kind as a message says it (name_of), translated with the message (sales.errors.Word).
KIND_WORDS = {"task": Word("task"), "goal": Word("goal"), "strategy": Word("strategy"), "deal": Word("deal"),
              "touch": Word("activity"), "coaching": Word("coaching note"), "checkin": Word("check-in"),
              "budget": Word("budget line"), "spend": Word("spending"), "training": Word("training item"),
              "snapshot": Word("diagnosis"), "note": Word("note"), "mapping": Word("column mapping"),
              "checklist": Word("checklist"), "incentive": Word("incentive plan"),
              "answer": Word("review answer"), "approval": Word("payout approval"), "hold": Word("payout hold")}


def kind_word(kind: str) -> Word:
    """`checkin` as a message says it, translatable: Word("check-in")."""
    return KIND_WORDS.get(kind) or Word(name_of(kind))


#: An id's number may be any length a person types (`T-99999999999999999999` is an id that names
#: nothing: not found, exit 1); past 300 digits it is not an id at all (nor an int Python reads).
_ID = re.compile(r"^\s*([A-Za-z])?-?\s*(\d{1,300})\s*$")


#: What separates the ids of a list as people write them: commas, spaces, semicolons.
_BETWEEN_IDS = re.compile(r"[\s,;]+")


def split_ids(text: str) -> list[str]:
    """Ids as a person types a list of them: separated by commas (`T-3, T-5`; `T-3，T-5` too),
    spaces (`"T-3 T-5"`, as a shell quotes them and a tasks file writes them) or semicolons."""
    return [part for part in _BETWEEN_IDS.split(list_commas(text)) if part]


def format_id(kind: str, number: int) -> str:
    return f"{PREFIXES[kind]}-{number}"


def parse_id(text: str, kind: str) -> int:
    """The number inside an id of `kind`: `T-12`, `t12` and `12` all give 12 for a task.

    Raises a Reason (a ValueError) naming the expected form when the text is not such an id.
    """
    match = _ID.match(text)
    prefix = PREFIXES[kind]
    name = name_of(kind)
    said = {"text": text, "kind": kind_word(kind), "prefix": prefix}
    an = name[0] in "aeiou"  # an activity id, an incentive plan id
    if not match or (match.group(1) and match.group(1).upper() != prefix):
        if an:
            raise Reason("{text!r} is not an {kind} id (expected {prefix}-12)", **said)
        raise Reason("{text!r} is not a {kind} id (expected {prefix}-12)", **said)
    if int(match.group(2)) < 1:
        if an:
            raise Reason("{text!r} is not an {kind} id (they are numbered from {prefix}-1)", **said)
        raise Reason("{text!r} is not a {kind} id (they are numbered from {prefix}-1)", **said)
    return int(match.group(2))


def in_order(item_id: str) -> tuple[str, int]:
    """A sort key that puts ids in the order they were given out: C-9 before C-10."""
    prefix, _, number = item_id.rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (item_id, -1)


def loop_path(item: str, first: Sequence[str], links: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The loop `item` would close by pointing to `first`, given what each other item points to
    (`links`): the ids around it, from `item` back to `item`; None when there is none. (A task
    waiting for itself, a goal contributing to itself: each words it its own way.)"""
    path: list[str] = []
    seen: set[str] = set()

    def walk(current: str) -> bool:
        if current == item:
            return True
        if current in seen:
            return False
        seen.add(current)
        path.append(current)
        if any(walk(nxt) for nxt in links.get(current, ())):
            return True
        path.pop()
        return False

    for start in first:
        if walk(start):
            return [item, *path, item]
    return None



def repeated_id(seen: dict[str, int], item_id: str, number: int) -> Reason | None:
    """Why row `number` of an import may not name `item_id` again (a board's own export, edited:
    each item's row once), or None, the row then remembered in `seen` (id → row) as its first."""
    if item_id in seen:
        return Reason("row {number}: id: {id} repeats row {first}", number=number, id=item_id, first=seen[item_id])
    seen[item_id] = number
    return None
