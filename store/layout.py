"""Where a board's documents live: the one file that holds a document, from (file key, table, id).

Most tables live in one JSON file per file key (FILES). The tables that grow with a team's work
(SHARDED: tasks and deals) are split by document id into shards of SHARD_SIZE documents:
`tasks/0000.json` holds T-1..T-1000, `tasks/0001.json` T-1001..T-2000, and so on. Reading one
task decodes one shard, and a change rewrites one shard, whatever the number of tasks; a change
that touches several shards is made whole by the journal like any change to several files.

Every file, main or shard, is in TinyDB's layout ({table: {doc_id: doc}}) with a `_meta` table
whose document 1 holds the next number per table. A sharded table's counter is kept in the shard
of the document that raised it (always its newest shard), so a new item and the counter that
numbered it are written in one atomic replace. A shard can be lost (deleted by hand, left out of
a copy) and its counter with it: the log keeps every table's next number too, and a new document
gets the greater (store/activity_log.py, Transaction in store/board_core.py).

Only this module knows about shards: the rest of the store speaks of (file key, table, doc id),
and so do the journal's records, which is why an old board's log stays valid after migration.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import msgspec

from store.files import make_folder
from store.storage import SharedJSONStorage

SHARD_SIZE = 1000

# file key -> its main file; a sharded table of the key lives in a folder instead (SHARDED)
FILES = {"board": "board.json", "tasks": "tasks.json", "plan": "plan.json", "budget": "budget.json",
         "deals": "deals.json", "touches": "activities.json", "diagnosis": "diagnosis.json",
         "notes": "notes.json"}
# (file key, table) -> the folder of its shards
SHARDED: dict[tuple[str, str], str] = {("tasks", "tasks"): "tasks", ("deals", "deals"): "deals"}


def shard_index(doc_id: int) -> int:
    """The shard that holds document `doc_id` (ids start at 1)."""
    return max(doc_id - 1, 0) // SHARD_SIZE


def shard_name(index: int) -> str:
    return f"{index:04d}.json"


def counters(data: dict) -> dict:
    """The next-number table of one file's contents (created if missing)."""
    return data.setdefault("_meta", {}).setdefault("1", {}).setdefault("next", {})


def next_number(data: dict | None, table: str) -> int:
    return max((data or {}).get("_meta", {}).get("1", {}).get("next", {}).get(table, 1), 1)


class ShardedTable:
    """One table kept as a folder of shards by id range."""

    def __init__(self, folder: Path, table: str, mode: int) -> None:
        self.folder = folder
        self.table = table
        self.mode = mode
        self._shards: dict[int, SharedJSONStorage] = {}

    def indexes(self) -> list[int]:
        """The shards that exist now (another process may have added one since we looked)."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return sorted(int(name[:-5]) for name in names if name.endswith(".json") and name[:-5].isdigit())

    def shard(self, index: int) -> SharedJSONStorage:
        if index not in self._shards:
            self._shards[index] = SharedJSONStorage(self.folder / shard_name(index), self.mode)
        return self._shards[index]

    def parts(self) -> list[SharedJSONStorage]:
        return [self.shard(index) for index in self.indexes()]

    def next_number(self) -> int:
        indexes = self.indexes()
        return next_number(self.shard(indexes[-1]).read(), self.table) if indexes else 1


class BoardFiles:
    """The files of one board folder, and which of them holds what."""

    def __init__(self, folder: Path, mode: int) -> None:
        self.folder = folder
        self.mode = mode
        self.main = {key: SharedJSONStorage(folder / name, mode) for key, name in FILES.items()}
        self.sharded = {home: ShardedTable(folder / name, home[1], mode) for home, name in SHARDED.items()}

    def home(self, file: str, table: str, doc_id: int) -> SharedJSONStorage:
        """The file that holds (or will hold) document `doc_id` of `table`."""
        sharded = self.sharded.get((file, table))
        return sharded.shard(shard_index(doc_id)) if sharded else self.main[file]

    def parts(self, file: str, table: str) -> list[SharedJSONStorage]:
        """Every file that holds documents of `table`, in id order."""
        sharded = self.sharded.get((file, table))
        return sharded.parts() if sharded else [self.main[file]]

    def next_number(self, file: str, table: str) -> int:
        """The number after the newest document of `table` these files know (the log may know a
        later one: Transaction takes the greater)."""
        sharded = self.sharded.get((file, table))
        return sharded.next_number() if sharded else next_number(self.main[file].read(), table)

    def every_file(self) -> list[SharedJSONStorage]:
        """Every file of the board as it is now (shards included), for watching for changes."""
        return [*self.main.values(), *(s for table in self.sharded.values() for s in table.parts())]

    def shard_folders(self) -> list[Path]:
        return [table.folder for table in self.sharded.values()]

    # ------------------------------------------------------------------ migrating

    def rewrite(self, change: Callable[[dict[str, dict]], None], one_file: bool) -> None:
        """Change every table of the board at once (a schema migration) and write them back where
        this layout keeps them. Call it holding the board's lock.

        `change` gets {file key: {table: {doc_id: doc}}} with each table whole, and must set the
        new schema version in board.json's meta: board.json is written last but one, and is the
        commit point. Before it, only shards and changed main files are written, with the
        sharded tables left in the main files too, so that a run killed before the commit
        leaves the old layout whole and is simply run again (`one_file`: the board still has
        the first release's layout, every table in its key's main file, and shards found are
        leftovers of such a run). After it, the sharded tables leave the main files. A migration
        of a sharded board that is killed before its commit runs again over the shards it
        already rewrote: migrations from version 2 on must allow that.
        """
        originals = {key: storage.read() or {} for key, storage in self.main.items()}
        contents = {key: msgspec.json.decode(msgspec.json.encode(data)) for key, data in originals.items()}
        for (file, table), sharded in self.sharded.items():
            if one_file:
                for leftover in sharded.parts():
                    os.unlink(leftover.path)
                continue
            docs, next_numbers = contents[file].setdefault(table, {}), counters(contents[file])
            for shard in sharded.parts():
                data = shard.read() or {}
                docs.update(data.get(table, {}))
                next_numbers[table] = max(next_numbers.get(table, 1), next_number(data, table))
        change(contents)
        for (file, table), sharded in self.sharded.items():
            shards = self.split(file, table, contents[file])
            for index in sharded.indexes():
                shards.setdefault(index, {table: {}})  # a shard whose documents `change` dropped
            if shards:
                make_folder(sharded.folder, self.mode)
            for index, data in shards.items():
                sharded.shard(index).write(data)
        for key, storage in self.main.items():
            if key != "board" and contents[key] != originals[key]:
                storage.write(contents[key])
        self.main["board"].write(contents["board"])  # the commit
        for key, storage in self.main.items():
            tables = [table for (file, table) in self.sharded if file == key]
            data = contents[key]
            if not any(table in data for table in tables):
                continue
            for table in tables:
                data.pop(table, None)
                counters(data).pop(table, None)
            if any(data.get(table) for table in data if table != "_meta") or any(counters(data).values()):
                storage.write(data)
            else:
                os.unlink(storage.path)  # nothing else lived there (tasks.json)
                storage.forget()

    def split(self, file: str, table: str, data: dict) -> dict[int, dict]:
        """`table` of a file key's whole contents (`data`) as the contents of its shards.

        The counter goes to the shard of the last number used, which is written even when that
        item was deleted, so that its number is not given out again.
        """
        docs = data.get(table, {})
        last = max([int(key) for key in docs] + [next_number(data, table) - 1])
        shards: dict[int, dict] = {}
        for key, doc in docs.items():
            shards.setdefault(shard_index(int(key)), {table: {}})[table][key] = doc
        if last >= 1:
            counters(shards.setdefault(shard_index(last), {table: {}}))[table] = last + 1
        return shards
