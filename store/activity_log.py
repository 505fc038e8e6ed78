"""The activity log: every change's record, kept in TinyDB files of bounded size.

The log grows forever, so it is split into segments of at most SEGMENT_SIZE records or about
SEGMENT_BYTES (`log/000000001.json`, ... named by their first record): appending rewrites only the
newest segment, whatever the log's length. (A transaction is appended whole to one segment, the
journal's atomic step, so one big import makes one big segment; the next change starts a new one.)
The log is also the board's journal: a change is logged before it is applied, so a writer killed
in between leaves a record the next writer redoes (see Board._recover).

The newest segment also keeps, in its `_meta` counters, the next number of every table whose
documents the log has seen created (`tasks/tasks`: the task after the newest one ever logged), and
a new segment carries them over: a new id is never below them (Board's counters), so a shard lost
or restored from an older copy never makes an id that the log already names be given again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec

from sales.activity import Activity, record_item
from store.files import BoardDamaged, make_folder
from store.storage import BOM, SharedJSONStorage

SEGMENT_SIZE = 1000
SEGMENT_BYTES = 512 * 1024  # records of big items (a deal's stage history) make segments heavy
TABLE = "activity"
#: tables whose numbers are not counted (members are numbered by name)
_UNCOUNTED = frozenset({"members"})


def counter_key(file: str, table: str) -> str:
    """The name of a table's next number among the log's counters: `tasks/tasks`."""
    return f"{file}/{table}"


class _Ref(msgspec.Struct):
    """A log record's place alone (the other fields are skipped, not decoded)."""

    ref: tuple[str, str, int] | None = None


_refs_decoder = msgspec.json.Decoder(dict[str, dict[str, _Ref]])


class _Was(msgspec.Struct):
    role: str = ""


class _Removal(msgspec.Struct):
    """A log record's action and item, and the role of what it changed (someone taken off the
    board), the other fields skipped."""

    action: str = ""
    item: str = ""
    before: _Was | None = None


_removals_decoder = msgspec.json.Decoder(dict[str, dict[str, _Removal]])


class ActivityLog:
    def __init__(self, board_path: Path, mode: int) -> None:
        self.folder = board_path / "log"
        self.mode = mode
        self._segments: dict[str, SharedJSONStorage] = {}
        self._scanned: tuple[object, dict[str, int]] | None = None  # (newest segment's state, counters)

    def segment_names(self) -> list[str]:
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return sorted(name for name in names if name.endswith(".json") and not name.startswith("."))

    def _segment(self, name: str) -> SharedJSONStorage:
        if name not in self._segments:
            self._segments[name] = SharedJSONStorage(self.folder / name, self.mode)
        return self._segments[name]

    def _raw(self, name: str) -> dict[str, dict]:
        return (self._segment(name).read() or {}).get(TABLE, {})

    def last_seq(self) -> tuple[int, int]:
        """The newest record's (seq, txn), or (0, 0) for an empty log."""
        names = self.segment_names()
        if not names:
            return 0, 0
        raw = self._raw(names[-1])
        if not raw:
            return 0, 0
        key = max(raw, key=int)
        last = self._record(names[-1], key, raw[key])
        return last.seq, last.txn

    def oldest(self) -> dict | None:
        """The first record as stored (None: an empty log). The log only grows, so it never
        changes: what a board that keeps no key yet is told by (store/board_key.py)."""
        for name in self.segment_names():
            if raw := self._raw(name):
                return raw[min(raw, key=int)]
        return None

    def last_transaction(self) -> list[Activity]:
        """The records of the newest transaction, oldest first."""
        names = self.segment_names()
        if not names:
            return []
        raw = self._raw(names[-1])
        if not raw:
            return []
        key = max(raw, key=int)
        txn = self._record(names[-1], key, raw[key]).txn
        return [self._record(names[-1], key, doc) for key, doc in sorted(raw.items(), key=lambda kv: int(kv[0]))
                if doc.get("txn") == txn]

    def _record(self, name: str, key: str, doc: dict) -> Activity:
        """A stored record, or BoardDamaged naming its segment and number (a hand edit gone wrong:
        every change reads the newest record, and must not fail on it as a bug)."""
        if doc.get("item") != (item := record_item(doc.get("item"))):  # (an older record's name for it)
            doc = {**doc, "item": item}
        try:
            return msgspec.convert(doc, Activity)
        except msgspec.ValidationError as error:
            raise BoardDamaged("{file}: table {table}, document {key}: {error}; the file was left as it is",
                               file=self.folder / name, table=TABLE, key=key, error=error) from None

    def append(self, records: list[Activity]) -> None:
        """Write `records` durably (atomic replace of the newest segment, or a new segment), with
        the log's counters raised past every document they create."""
        make_folder(self.folder, self.mode)
        kept = self.counters()
        for record in records:
            if record.ref and record.before is None and record.ref[1] not in _UNCOUNTED:
                file, table, doc_id = record.ref
                key = counter_key(file, table)
                kept[key] = max(kept.get(key, 1), doc_id + 1)
        names = self.segment_names()
        if not names or len(self._raw(names[-1])) >= SEGMENT_SIZE or self._heavy(names[-1]):
            name = f"{records[0].seq:09d}.json"
        else:
            name = names[-1]
        with self._segment(name).edit() as data:
            table = data.setdefault(TABLE, {})
            for record in records:
                table[str(record.seq)] = msgspec.to_builtins(record)
            data.setdefault("_meta", {}).setdefault("1", {})["next"] = kept

    def next_number(self, file: str, table: str) -> int:
        """The number after the highest of `table` the log has seen created (1 if none)."""
        return self.counters().get(counter_key(file, table), 1)

    def counters(self) -> dict[str, int]:
        """The log's next number per table (a copy), as its newest segment keeps them. A log
        written before they were kept has them worked out once from every record's place (`ref`:
        any number a record names was given), and the next append keeps them."""
        names = self.segment_names()
        if not names:
            return {}
        storage = self._segment(names[-1])
        data = storage.read() or {}
        meta = data.get("_meta", {}).get("1", {})
        if "next" in meta:
            return dict(meta["next"])
        state = (names[-1], storage.version)
        if self._scanned is None or self._scanned[0] != state:
            found: dict[str, int] = {}
            for name in names:
                for file, table, doc_id in self._refs(name):
                    if table not in _UNCOUNTED:
                        key = counter_key(file, table)
                        found[key] = max(found.get(key, 1), doc_id + 1)
            self._scanned = (state, found)
        return dict(self._scanned[1])

    def _refs(self, name: str) -> Iterator[tuple[str, str, int]]:
        """Where each record of a segment points, decoding nothing else (a 100,000-record log
        once, not each record whole); a segment that does not decode so is read as any other,
        which names what is wrong with it."""
        try:
            segment = _refs_decoder.decode((self.folder / name).read_bytes().removeprefix(BOM))
            records = segment.get(TABLE, {}).values()
        except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, OSError):
            records = [_Ref(tuple(doc["ref"])) for doc in self._raw(name).values()  # (BoardDamaged, or fine)
                       if isinstance(doc.get("ref"), list) and len(doc["ref"]) == 3 and type(doc["ref"][2]) is int]
        for record in records:
            if record.ref is not None:
                yield record.ref

    def removed_members(self) -> dict[str, str]:
        """Everyone a `member.remove` record took off the board, name -> the role they had then
        (their latest removal's), decoding no other field: an export or an import asks at every
        run, and a 36,000-record log read whole took a second. A segment that does not decode so
        is read as any other, which names what is wrong with it."""
        roles: dict[str, str] = {}
        for name in self.segment_names():  # (oldest first: the latest removal wins)
            try:
                segment = _removals_decoder.decode((self.folder / name).read_bytes().removeprefix(BOM))
                table = segment.get(TABLE, {})
                found = [(r.item, r.before.role if r.before else "") for r in
                         (table[key] for key in sorted(table, key=int)) if r.action == "member.remove"]
            except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, OSError):
                raw = self._raw(name)
                found = [(doc.get("item"), (doc.get("before") or {}).get("role", "")) for doc in
                         (raw[key] for key in sorted(raw, key=int)) if doc.get("action") == "member.remove"]
            roles.update((item, role or "rep") for item, role in found)
        return roles

    def _heavy(self, name: str) -> bool:
        try:
            return os.stat(self.folder / name).st_size >= SEGMENT_BYTES
        except FileNotFoundError:
            return False

    def remove(self, records: list[Activity]) -> None:
        """Take back records whose change could not be applied (a failed write, not a crash)."""
        for name in reversed(self.segment_names()):
            with self._segment(name).edit() as data:
                table = data.get(TABLE, {})
                for record in records:
                    table.pop(str(record.seq), None)
            if not data.get(TABLE):
                os.unlink(self.folder / name)
                self._segments.pop(name, None)
            break

    def records(self, item: str | None = None, limit: int | None = None,
                actor: str | None = None, where: Callable[[dict], bool] | None = None) -> list[Activity]:
        """Records newest first, optionally only those about `item`, by `actor`, or `where(doc)`."""
        found: list[Activity] = []
        for record in self.newest_first(item, actor, where):
            found.append(record)
            if limit is not None and len(found) >= limit:
                break
        return found

    def newest_first(self, item: str | None = None, actor: str | None = None,
                     where: Callable[[dict], bool] | None = None) -> Iterator[Activity]:
        """The same records one at a time, each read when it is asked for: a reader that stops
        early (undo looks for your newest change) reads and converts no more than it needs."""
        for name in reversed(self.segment_names()):
            raw = self._raw(name)
            for key in sorted(raw, key=int, reverse=True):
                doc = raw[key]
                if ((item is None or record_item(doc.get("item")) == item) and (actor is None or doc.get("actor") == actor)
                        and (where is None or where(doc))):
                    yield self._record(name, key, doc)

    def changed(self) -> bool:
        names = self.segment_names()
        return bool(names) and self._segment(names[-1]).changed()
