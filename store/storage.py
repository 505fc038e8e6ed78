"""One board file in TinyDB's JSON layout ({table: {doc_id: doc}}), safe to share between processes.

TinyDB's JSONStorage keeps a file handle open and re-reads and rewrites the whole file on every
operation. This one parses the file only when its stat signature changed since the last read,
and writes by atomic replacement (store/files.py). The board writes through `edit()` so that a
change touching several tables of one file costs one write. TinyDB itself is not imported (the
store reads and writes the tables as plain dicts; its import cost a rep's `uplift task done`
a few milliseconds for nothing), but the files stay in its layout: TinyDB can open any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import msgspec

from store.files import BoardDamaged, MachineRefused, Signature, atomic_write, signature

_decoder = msgspec.json.Decoder()
# Windows editors (Notepad) save UTF-8 with a byte-order mark: a board file fixed by hand there
# is still read (and written back without it), not refused as damaged
BOM = b"\xef\xbb\xbf"
_encoder = msgspec.json.Encoder()


class SharedJSONStorage:
    def __init__(self, path: str | Path, mode: int = 0o600,
                 on_reload: Callable[[], None] | None = None) -> None:
        self.path = Path(path)
        self.mode = mode
        self.on_reload = on_reload
        self._data: dict | None = None
        self._signature: Signature | None = None
        self.version = 0  # goes up whenever the content this process sees may have changed

    def read(self) -> dict | None:
        current = signature(self.path)
        if current is None:
            self._data, self._signature = None, None
            return None
        if current != self._signature:
            try:
                data = _decoder.decode(self.path.read_bytes().removeprefix(BOM))
            except PermissionError as error:  # (a file only its owner may read, on a shared board)
                raise MachineRefused.of(error, self.path) from None
            except (msgspec.DecodeError, UnicodeDecodeError) as error:
                raise BoardDamaged("{file}: damaged board file ({error}); it was left as it is",
                                   file=self.path, error=error) from None
            if not isinstance(data, dict):
                raise BoardDamaged("{file}: damaged board file (not a JSON object); it was left as it is",
                                   file=self.path)
            _check_layout(self.path, data)
            self._data, self._signature = data, current
            self.version += 1
            if self.on_reload:
                self.on_reload()
        return self._data

    def write(self, data: dict) -> None:
        try:
            self._signature = atomic_write(self.path, _encoder.encode(data), self.mode)
            self._data = data
        except BaseException:
            self.forget()  # the cache may hold a half-made change
            raise
        finally:
            self.version += 1

    def changed(self) -> bool:
        """Whether the file differs from what this process last read or wrote (a stat only)."""
        return signature(self.path) != self._signature

    @contextmanager
    def edit(self) -> Iterator[dict]:
        """The file's tables as one dict to change in place, written once at the end."""
        data = self.read() or {}
        try:
            yield data
        except BaseException:
            self.forget()
            raise
        self.write(data)

    def forget(self) -> None:
        """Drop the cached content so that the next read parses the file again."""
        self._data, self._signature = None, None
        self.version += 1


def _check_layout(path: Path, data: dict) -> None:
    """BoardDamaged unless `data` is in TinyDB's layout ({table: {doc_id: document}}, doc ids
    whole numbers, the `_meta` counters whole numbers): what every reader and writer of a board
    file relies on, checked once per parse so that a hand edit of the wrong shape is named
    rather than failing somewhere later as a bug (a table that is a list, a document that is text)."""
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise BoardDamaged("{file}: damaged board file (table {table} is not a JSON object); "
                               "it was left as it is", file=path, table=table)
        for key, doc in docs.items():
            if not (key.isascii() and key.isdigit()) or not isinstance(doc, dict):
                raise BoardDamaged("{file}: damaged board file (table {table}, document {key!r}: a document is "
                                   "a JSON object under its number); it was left as it is",
                                   file=path, table=table, key=key)
    counters = data.get("_meta", {}).get("1", {}).get("next", {})
    if not isinstance(counters, dict) or not all(
            type(number) is int for number in counters.values()):  # (not a bool)
        raise BoardDamaged("{file}: damaged board file (_meta: the next numbers are not whole numbers); "
                           "it was left as it is", file=path)
