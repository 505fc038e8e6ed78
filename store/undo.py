"""Undo and redo: take back your own last change on a board, as taskwarrior's `task undo` does.

Every change is in the activity log with the fields it changed and where the item lives, so
the newest transaction of yours that is not undone yet can be put back: created items are
deleted, deleted ones restored, changed fields set back. An undo is a change like any other
(logged, under the lock, all or nothing), its actions named `ACTION.undo`; undoing again takes
back the change before it. Redo takes back your last undo (`ACTION.redo`), as long as you have
made no other change since; a redo is a change like any other, and can be undone. Nothing is
overwritten: if anyone has changed one of the items since, the undo (or redo) is refused,
naming the item and who changed it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

import msgspec

from sales.activity import Activity, describe
from sales.errors import Invalid, NotFound, Reason, Refused, Said, UpliftError
from store.board_core import HOMES, BoardCore, Transaction, fields_hold, with_fields

UNDO, REDO = ".undo", ".redo"
#: Documents the store derives from others and writes itself (this week's pipeline counts are
#: recounted when an undo moves a deal back), so they are neither restored nor checked.
_DERIVED = {("deals", "weeks")}
_MODELS = {(file, table): kind for kind, (file, table, _) in HOMES.items()}


class UndoChanges(BoardCore):
    def undoable(self) -> list[Activity]:
        """The records of the change `undo` would take back (oldest first), [] for none."""
        pending = 0  # undos met, newest first, each cancelling the next change of yours
        for records in self._own_transactions():
            if _kind(records) == UNDO:
                pending += 1
            elif pending:
                pending -= 1
            else:
                return records  # a change, or a redo (undone like any change)
        return []

    def redoable(self) -> list[Activity]:
        """The records of the undo `redo` would take back (oldest first): only while no change
        of yours has come since it; [] for none."""
        pending = 0  # redos met, newest first, each cancelling the next undo
        for records in self._own_transactions():
            kind = _kind(records)
            if kind == REDO:
                pending += 1
            elif kind == UNDO and pending:
                pending -= 1
            else:
                return records if kind == UNDO else []
        return []

    def undo(self, dry_run: bool = False) -> list[Activity]:
        """Take back the actor's last change not undone yet; the records it took back (with
        `dry_run`, checked as if, and nothing written)."""
        return self._reverse(self.undoable, UNDO, dry_run)

    def redo(self, dry_run: bool = False) -> list[Activity]:
        """Take back the actor's last undo (the change is made again); the undo's records."""
        return self._reverse(self.redoable, REDO, dry_run)

    def _own_transactions(self) -> Iterator[list[Activity]]:
        """The actor's transactions, newest first, each as its records oldest first, without
        what the store derived (a transaction of only that is left out)."""
        for records in _transactions(self.log.newest_first(actor=self.actor)):
            own = [r for r in reversed(records) if not r.ref or tuple(r.ref[:2]) not in _DERIVED]
            if own:
                yield own

    def _reverse(self, find: Callable[[], list[Activity]], suffix: str, dry_run: bool = False) -> list[Activity]:
        """Put every document `find()`'s records changed back as it was before them."""
        verb = suffix[1:]

        def build(tx: Transaction) -> list[Activity]:
            self._check(f"change.{verb}")  # (only the actor's own changes are ever found)
            records = find()
            if not records:
                raise NotFound("nothing of {name}'s to undo on this board" if verb == "undo"
                               else "nothing of {name}'s to redo on this board", name=self.actor)
            docs: dict[tuple[str, str, int], dict | None] = {}
            for record in reversed(records):  # newest first, each onto what the later ones left
                if record.ref is None:
                    raise Invalid(verb, "{change} was logged without where it lives; it cannot be undone"
                                  if verb == "undo" else "{change} was logged without where it lives; it cannot be "
                                  "redone", change=describe(record))
                file, table, doc_id = ref = tuple(record.ref)
                current = docs[ref] if ref in docs else self._doc(file, table, doc_id)
                if not _as_left(record, current):
                    raise Refused("undo: {item} has changed since ({change}); undoing would overwrite that"
                                  if verb == "undo" else "redo: {item} has changed since ({change}); redoing would "
                                  "overwrite that", item=record.item, change=self._last_change(record))
                docs[ref] = restored = _restored(record, current)
                if restored is not None and (file, table) in _MODELS:
                    _check_model(_MODELS[(file, table)], restored, record.item)
                tx.put(_base(record.action) + suffix, record.item, file, table, doc_id, current, restored)
            if dry_run:
                tx.ops.clear()
            return records
        return self._transact(build)

    def _last_change(self, record: Activity) -> Reason:
        newest = self.log.records(item=record.item, limit=1)
        if not newest or newest[0].seq == record.seq:
            return Reason("by hand, outside Uplift")
        return Reason("{actor} at {at}: {change}", actor=newest[0].actor, at=self._stamp_read(newest[0].at),
                      change=describe(newest[0]))

    def _stamp_read(self, stamp: str) -> str:
        """A change's stamp as the reader reads the log (tui/time_text.py): on their clock once
        anyone on the board has a time zone, else as written (bea's 12:30 in New York is dana's
        18:30 in Berlin, as the log shows it to her)."""
        try:
            zoned = any(m.zone for m in self.members())
            at = datetime.fromisoformat(stamp)
        except (UpliftError, ValueError):
            zoned, at = False, None
        if zoned and at is not None and at.tzinfo is not None:
            return at.astimezone(self.clock().tzinfo).strftime("%Y-%m-%d %H:%M")
        return stamp[:16].replace("T", " ")


def _kind(records: list[Activity]) -> str:
    """UNDO, REDO, or "" for a change."""
    return next((suffix for suffix in (UNDO, REDO) if any(r.action.endswith(suffix) for r in records)), "")


def _base(action: str) -> str:
    """The change's own action: `task.move` of `task.move.undo` (an undo of a redo is an undo)."""
    return action.removesuffix(UNDO).removesuffix(REDO)


def _transactions(records: Iterable[Activity]) -> Iterator[list[Activity]]:
    """Newest-first records grouped by transaction."""
    group: list[Activity] = []
    for record in records:
        if group and record.txn != group[0].txn:
            yield group
            group = []
        group.append(record)
    if group:
        yield group


def _as_left(record: Activity, current: dict | None) -> bool:
    """Whether the document is still as the change left it."""
    if record.after is None:
        return current is None
    return current is not None and fields_hold(current, record.after)


def _restored(record: Activity, current: dict | None) -> dict | None:
    """The document as it was before the change."""
    if record.before is None:
        return None  # it was created: it goes
    if record.after is None:
        return dict(record.before)  # it was deleted: it comes back whole
    return with_fields(current, record.before)


def _check_model(kind: str, doc: dict, item: str) -> None:
    from store.board_core import model_of

    try:
        msgspec.convert(doc, model_of(kind))
    except msgspec.ValidationError as error:
        why = error.__cause__ if isinstance(error.__cause__, Said) else error  # (the model's own rule, as a template)
        raise Invalid("undo", "{item} could not be put back as it was: {error}", item=item, error=why) from None
