"""The documents of one table as models, converted once each and kept in order.

A board screen lists every task or deal after each change. Converting thousands of documents
(or sorting them all again) for one moved card would make a change cost the size of the board;
here a document is converted again only when its stored dict is a new object (it changed, or
another process rewrote its file), only the files whose version changed are looked through, and
a few changed models are taken out of and put back into the ordered list by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from typing import Any

from store.storage import SharedJSONStorage

RESORT_ABOVE = 64  # more changed documents than this: sort everything again (cheaper by then)


class TableModels:
    def __init__(self, convert: Callable[[SharedJSONStorage, list[dict]], list], key: Callable) -> None:
        self.convert = convert  # (the file they are in, stored documents) -> their models, in one call
        self.key = key
        self.parts: dict[str, tuple[int, dict[str, tuple[dict, Any]]]] = {}  # file -> (version, docs)
        self.ordered: list = []

    def update(self, tables: Iterable[tuple[SharedJSONStorage, dict[str, dict]]]) -> list:
        """The models in order, given each file of the table and its documents as stored now."""
        try:
            removed, added = self._refresh(tables)
        except BaseException:
            self.parts, self.ordered = {}, []  # half refreshed: start again next time
            raise
        if removed or added:
            if len(removed) + len(added) > RESORT_ABOVE or not self._replace(removed, added):
                self.ordered = sorted((model for _, docs in self.parts.values() for _, model in docs.values()),
                                      key=self.key)
        return list(self.ordered)

    def _refresh(self, tables: Iterable[tuple[SharedJSONStorage, dict[str, dict]]]) -> tuple[list, list]:
        removed: list = []
        added: list = []
        seen = set()
        for storage, docs in tables:
            name = str(storage.path)
            seen.add(name)
            cached = self.parts.get(name)
            if cached and cached[0] == storage.version:
                continue
            known = cached[1] if cached else {}
            fresh: dict[str, tuple[dict, Any]] = {}
            new: list[tuple[str, dict]] = []
            for doc_id, doc in docs.items():
                hit = known.get(doc_id)
                if hit is not None and hit[0] is doc:
                    fresh[doc_id] = hit
                else:
                    new.append((doc_id, doc))
            models = self.convert(storage, [doc for _, doc in new]) if new else []
            for (doc_id, doc), model in zip(new, models):
                fresh[doc_id] = (doc, model)
            added.extend(models)
            for doc_id, (doc, model) in known.items():
                if doc_id not in fresh or fresh[doc_id][0] is not doc:
                    removed.append(model)  # deleted, or replaced by a new version
            self.parts[name] = (storage.version, fresh)
        for name in [name for name in self.parts if name not in seen]:
            removed.extend(model for _, model in self.parts.pop(name)[1].values())
        return removed, added

    def _replace(self, removed: list, added: list) -> bool:
        """Take `removed` out of the ordered list and put `added` in; False if one was not found
        where its key says (a caller changed a model in place): then the list is sorted again."""
        for model in removed:
            index = bisect_left(self.ordered, self.key(model), key=self.key)
            while index < len(self.ordered) and self.ordered[index] is not model:
                if self.key(self.ordered[index]) != self.key(model):
                    return False
                index += 1
            if index == len(self.ordered):
                return False
            del self.ordered[index]
        for model in added:
            insort(self.ordered, model, key=self.key)
        return True
