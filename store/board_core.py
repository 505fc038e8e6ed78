"""The core of a board: one folder that several people use at once, and the only way to change it.

Every change goes through `Board._transact`, which in one locked step redoes any change a killed
writer left half-done, checks who may do it, validates, logs it (the activity log doubles as the
journal) and applies it. Files are replaced atomically and re-parsed only when their stat
changed; a read of several files (a table's shards, everything a poll re-reads, `reading()`)
shares the readers' lock that a change holds alone while it writes its files (store/files.py
ViewLock), so it sees all of a change or none of it.

Files of a board folder (TinyDB's JSON layout, one table per kind; store/layout.py says which
file holds a document, and keeps the big tables in shards of bounded size):
  board.json   meta (schema version, name, WIP limits) and members
  tasks/       tasks, in shards by id range (tasks/0000.json holds T-1..T-1000, ...)
  plan.json    goals, their check-ins, strategies, checklists, incentive plans, review answers
               and the end-of-cycle checklist's ticks
  budget.json  budget lines, spend entries, training items
  deals/       deals, in shards by id range like the tasks
  deals.json   weekly pipeline snapshots (one document per ISO week), alert snoozes
  activities.json  logged calls/visits/meetings/emails, coaching notes, weekly reviews
  diagnosis.json  diagnosis snapshots, saved column mappings, the diagnosis checklist's ticks
  notes.json   interview notes and customer feedback (apart from the snapshots, so adding a
               note never rewrites them)
  log/         the activity log, in segments of bounded size
Each data file has a `_meta` table whose document 1 holds the next number per kind of id (a
sharded table's in its newest shard); the log's newest segment keeps them too (a new id is the
greater of the two: store/activity_log.py).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import secrets
import shlex
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from sales import permissions
from sales.activity import Activity
from sales.errors import Invalid, NotAnId, NotFound, Refused, Said, UpliftError, Word
from sales.ids import format_id, name_of, parse_id
from sales.members import nearest_member
from sales.dates import stamp
from store.activity_log import ActivityLog
from store.board_key import KEY, PATH_KEY, log_key, path_key
from store.files import (
    LOCK_NAME,
    BoardBusy,
    BoardDamaged,
    MachineRefused,
    ViewLock,
    exclusive_lock,
    make_folder,
    remove_stale_temps,
)
from store.identity import current_actor
from store.layout import FILES, BoardFiles, counters
from store.schema import LAYOUT_SHARDED, SCHEMA_VERSION, check_version, migrate
from store.storage import SharedJSONStorage
from store.table_models import TableModels

T = TypeVar("T")

# kind -> (file, table, "module:Model"); models are imported on first use, so a command that
# touches only tasks does not pay for importing every kind's model (see model_of).
HOMES: dict[str, tuple[str, str, str]] = {
    "task": ("tasks", "tasks", "sales.tasks:Task"),
    "goal": ("plan", "goals", "sales.goals:Goal"),
    "strategy": ("plan", "strategies", "sales.goals:Strategy"),
    "deal": ("deals", "deals", "sales.deals:Deal"),
    "touch": ("touches", "touches", "sales.touches:Touch"),
    "coaching": ("touches", "coaching", "sales.touches:CoachingNote"),
    "checkin": ("plan", "checkins", "sales.goals:CheckIn"),
    "budget": ("budget", "lines", "sales.budget:BudgetLine"),
    "spend": ("budget", "spending", "sales.budget:SpendEntry"),
    "training": ("budget", "training", "sales.budget:TrainingItem"),
    "snapshot": ("diagnosis", "snapshots", "sales.snapshots:Snapshot"),
    "mapping": ("diagnosis", "mappings", "sales.snapshots:SavedMapping"),
    "note": ("notes", "notes", "sales.notes:Note"),
    "checklist": ("plan", "checklists", "sales.checklists:Checklist"),
    "incentive": ("plan", "incentives", "sales.incentives:IncentivePlan"),
    "answer": ("plan", "review_answers", "sales.review:ReviewAnswer"),
    "approval": ("plan", "approvals", "sales.approvals:Approval"),
    "hold": ("plan", "holds", "sales.approvals:PayoutHold"),
}


def model_of(kind: str) -> type:
    """The model class of a kind of item (imported on first use)."""
    _, _, where = HOMES[kind]
    module, name = where.split(":")
    return getattr(importlib.import_module(module), name)


PRIVATE, SHARED = 0o600, 0o660
# The board's settings in its meta document (board.json), checked as each read of the file is
# first used (the schema version has its own words: store/schema.py); stages and alert settings
# are then read as their models by their own mixins, through BoardCore.setting.
_SETTINGS: dict[str, Any] = {"name": str, "wip": dict[str, int], "period": dict[str, str] | None,
                             "budget": float | None, "stages": list[dict] | None, "alerts": dict,
                             "stage_names": dict[str, str], KEY: str, PATH_KEY: str}


def before_commit(rule: Callable) -> Callable:
    """Mark a mixin's method `rule(self, tx)` to run in every transaction that changes something,
    after its build and before it is logged: for what follows from a change, whatever made it (the
    week's pipeline snapshot follows from a deal's move by the API and by a plan import alike)."""
    rule.before_commit = True
    return rule


class _Op(msgspec.Struct):
    """One change inside a transaction: an item created, replaced or deleted."""

    action: str
    item: str
    file: str
    table: str
    doc_id: int
    before: dict | None
    after: dict | None


class Transaction:
    """The changes being made under the lock; nothing is written until the step succeeds."""

    def __init__(self, board: BoardCore) -> None:
        self.board = board
        self.ops: list[_Op] = []
        self._allocated: dict[str, int] = {}

    def nextnumber(self, kind: str) -> int:
        self._load_counter(kind)
        number = self._allocated[kind]
        self._allocated[kind] += 1
        return number

    def reserve(self, kind: str, taken: int) -> None:
        """Keep later `nextnumber(kind)` above `taken`, a number the caller chose itself (imports)."""
        self._load_counter(kind)
        self._allocated[kind] = max(self._allocated[kind], taken + 1)

    def _load_counter(self, kind: str) -> None:
        if kind not in self._allocated:
            file, table, _ = HOMES[kind]
            # the log's counter too: a shard lost (or put back from an older copy) took its
            # counter and numbers with it, and the log still names those numbers
            self._allocated[kind] = max(self.board.files.next_number(file, table),
                                        self.board.log.next_number(file, table))

    def put(self, action: str, item: str, file: str, table: str, doc_id: int,
            before: dict | None, after: dict | None) -> None:
        """One document changed. A change that leaves it as it was is no change: nothing is
        written or logged, and there is nothing for `undo` to take back."""
        if before is not None and before == after:
            return
        self.ops.append(_Op(action, item, file, table, doc_id, before, after))


class BoardCore:
    """Opening a board, reading its files, and the one way to change them (`_transact`).

    The API for each kind of item is a mixin in its own module (store/tasks.py, ...);
    store/board.py puts them together as `Board`.
    """

    _commit_rules: tuple[Callable, ...] = ()  # the mixins' @before_commit methods
    #: Seconds a change waits for another writer's lock before BoardBusy. A command can wait out a
    #: long import; the app sets less, as its screen stands still while it waits.
    lock_wait: float = 15.0

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._commit_rules = tuple(dict.fromkeys(
            value for klass in reversed(cls.__mro__) for value in vars(klass).values()
            if getattr(value, "before_commit", False)))

    def __init__(self, path: str | Path, actor: str | None = None, *, create: bool = True,
                 clock: Callable[[], datetime] | None = None, shared: bool = False) -> None:
        self.path = Path(path).expanduser()
        self.actor = actor or current_actor()
        self.clock = clock or self._now
        board_file = self.path / FILES["board"]
        for folder in (self.path, *self.path.parents):  # (`afile/board`: not "afile: File exists")
            if folder.exists():
                if not folder.is_dir():
                    raise NotFound("{path} is a file, not a board folder (give --board a folder)", path=folder)
                break
        if not board_file.exists():
            others = sorted(name for name in [*FILES.values(), "tasks", "deals", "log"]
                            if name != FILES["board"] and (self.path / name).exists())
            if others:  # (a new board.json would make everyone lead of the rest, its members gone)
                raise BoardDamaged("{file} is missing, but the folder holds the rest of a board ({found}); "
                                   "restore board.json (from a backup) rather than start a new board over it",
                                   file=board_file, found=", ".join(others))
            if not create:
                # (the command quoted as a shell needs it: a path with a space or a quote, pasted as said, made another)
                raise NotFound("no board at {path} (create one with `uplift --board {typed}`)", path=self.path,
                               typed=shlex.quote(str(self.path)))
            self._create(SHARED if shared else PRIVATE)
        self.mode = os.stat(board_file).st_mode & 0o777
        self.view = ViewLock(self.path)
        self.files = BoardFiles(self.path, self.mode)
        self._meta_checked: int | None = None  # the version of board.json whose settings were checked
        self.log = ActivityLog(self.path, self.mode)
        self._cache: dict[tuple[str, str, Any], TableModels] = {}  # (file, table, order) -> models
        #: Goes up with every change this process sees, its own (a commit) or another's
        #: (changed()): a view that was away compares it to know whether to read the board again.
        self.generation = 0
        self._log_key: str | None = None  # an older board's key from its oldest log record (never changes)
        found = self.meta().get("schema", 0)
        if check_version(found, str(board_file)):
            self._migrate(found)

    # ------------------------------------------------------------------ creating and opening

    def _create(self, mode: int) -> None:
        make_folder(self.path, mode)
        with exclusive_lock(self.path, mode):
            board_file = self.path / FILES["board"]
            if board_file.exists():
                return
            storage = SharedJSONStorage(board_file, mode)
            # `key`: who the board is wherever its folder goes (a calendar's event UIDs)
            storage.write({"meta": {"1": {"schema": SCHEMA_VERSION, "name": self.path.name, "wip": {},
                                          "key": secrets.token_hex(6)}},
                           "members": {}, "_meta": {"1": {"next": {}}}})

    @staticmethod
    def discard_new(path: str | Path, made: Iterable[Path] = ()) -> bool:
        """Take away a board `_create` made for a command that then failed ("nothing written"),
        with the folders made for it (`made`, deepest first), if nothing has been written in it
        since: only its first board file and the lock, no member, no id given. True if it went."""
        path = Path(path).expanduser()
        board_file = path / FILES["board"]
        try:
            with exclusive_lock(path, PRIVATE):
                names = {p.name for p in path.iterdir()}
                data = msgspec.json.decode(board_file.read_bytes())
                if not names <= {FILES["board"], LOCK_NAME} or data.get("members") or \
                        data.get("_meta", {}).get("1", {}).get("next"):
                    return False
                board_file.unlink()
            (path / LOCK_NAME).unlink(missing_ok=True)
            for folder in made:
                folder.rmdir()  # (only if empty: OSError otherwise)
        except (OSError, msgspec.DecodeError, AttributeError):
            return False
        return True

    def _migrate(self, found: int) -> None:
        """Bring an older board up to this version, under the lock (see BoardFiles.rewrite)."""
        with exclusive_lock(self.path, self.mode):
            if (self.files.main["board"].read() or {}).get("meta", {}).get("1", {}).get("schema", 0) != found:
                return  # another process migrated it meanwhile

            def change(contents: dict[str, dict]) -> None:
                migrate(contents, found)
                contents["board"]["meta"]["1"]["schema"] = SCHEMA_VERSION
            with self.view.exclusive(self.lock_wait):
                self.files.rewrite(change, one_file=found < LAYOUT_SHARDED)

    def _doc(self, file: str, table: str, doc_id: int) -> dict | None:
        """One document as stored (reads only the file that holds it)."""
        return (self.files.home(file, table, doc_id).read() or {}).get(table, {}).get(str(doc_id))

    def _docs(self, file: str, table: str) -> dict[str, dict]:
        """All documents of a table as stored, by doc id (do not change them)."""
        with self.reading():
            parts = self.files.parts(file, table)
            if len(parts) == 1:
                return (parts[0].read() or {}).get(table, {})
            docs: dict[str, dict] = {}
            for storage in parts:
                docs.update((storage.read() or {}).get(table, {}))
            return docs

    def reading(self, wait: float | None = None) -> contextlib.AbstractContextManager[None]:
        """Read the board as one moment of it: every file read inside is read while no change is
        being written, so a change over several files (an import over several shards, a plan
        import's tasks, goals and log records) is seen whole or not at all. Hold it only while
        reading (a change waits for it); a read inside it takes nothing more. A change made
        inside it ends the moment: what is read after it is read anew, with the change.
        BoardBusy if a change takes longer than `wait` seconds (`lock_wait` unless said; 0: a
        change being written now) to write."""
        return self.view.shared(self.lock_wait if wait is None else wait)

    # ------------------------------------------------------------------ reading

    def today(self) -> date:
        return self.clock().date()

    def _now(self) -> datetime:
        """Now on the actor's clock: in their time zone where they have set one (`uplift member
        zone`, store/members.py, as `_check` reads the members), else the machine's; a damaged
        zone is the machine's (the members' file says it where it is read)."""
        try:
            zone = self.zone_of(self.actor)
        except UpliftError:
            zone = None
        return datetime.now(zone) if zone else datetime.now().astimezone()

    def key(self) -> str:
        """Who the board is wherever its folder goes: the `board` column of its CSV lists (so an
        import tells its own list from another board's). A board made before boards kept a key
        keeps one from its first change; till then, one from its oldest log record, the same
        wherever its folder goes (store/board_key.py)."""
        return self.meta().get(KEY) or self._unkept_key()

    def own_keys(self) -> frozenset[str]:
        """Every key this board's lists may carry: its key, and for a board made before boards
        kept one, the key its folder's path gave it (a list written before this Uplift, where the
        board then was: kept from its first change, wherever it goes after)."""
        meta = self.meta()
        if meta.get(KEY):
            return frozenset(filter(None, (meta[KEY], meta.get(PATH_KEY))))
        return frozenset((self._unkept_key(), path_key(self.path)))

    def keyed_by_path(self) -> bool:
        """Whether the board was made before boards kept a key: the lists an older Uplift wrote of it
        carry a key from its folder's path, which it keeps only if it was where they were written
        at its first change here (a move before that loses it: a digest names no path, and nothing
        in the folder says where it was), so such a list may read as another board's."""
        meta = self.meta()
        return not meta.get(KEY) or bool(meta.get(PATH_KEY))

    def calendar_key(self) -> str:
        """The key behind its calendar's event UIDs: its key, or for a board made before boards
        kept one, the key its folder's path gave it, as its UIDs always had (a subscribed
        calendar would show every event twice were they changed); kept from its first change,
        the same wherever the folder goes after."""
        meta = self.meta()
        return meta.get(PATH_KEY) or meta.get(KEY) or path_key(self.path)

    def _unkept_key(self) -> str:
        """The key of a board that keeps none yet: from its oldest log record, or from its path
        while the log is empty (no list of it names a record then)."""
        if self._log_key is None:
            oldest = self.log.oldest()
            if oldest is None:
                return path_key(self.path)
            self._log_key = log_key(oldest)
        return self._log_key

    def _key_to_keep(self) -> dict[str, str]:
        """What a board made before boards kept a key keeps at its first change (nothing for a
        board that keeps one): the key its lists carry now, and the path's, if another."""
        if self.meta().get(KEY):
            return {}
        kept = {KEY: self._unkept_key(), PATH_KEY: path_key(self.path)}
        return kept if kept[KEY] != kept[PATH_KEY] else {KEY: kept[KEY]}

    def _keep_key(self, kept: dict[str, str]) -> None:
        """Write `kept` into board.json's meta (holding the writers' lock); after the change's own
        writes, which write the meta document whole when they change a setting."""
        with contextlib.suppress(OSError), self.files.main["board"].edit() as data:
            data["meta"]["1"].update(kept)  # (a full disk: the change stands; the next one keeps it)

    def meta(self) -> dict:
        meta = self._doc("board", "meta", 1)
        if meta is None:
            raise BoardDamaged("{file}: no meta document; not a board file", file=self.path / FILES["board"])
        version = self.files.main["board"].version
        # once per read of board.json, and of this version's settings (an older or newer board's
        # schema is said first, on open: store/schema.py)
        if self._meta_checked != version and meta.get("schema") == SCHEMA_VERSION:
            for key, kind in _SETTINGS.items():
                if key in meta:
                    self._as_setting(key, meta[key], kind)
            self._meta_checked = version
        return dict(meta)

    def setting(self, key: str, kind: Any, default: Any = None) -> Any:
        """A setting of the board's meta document as `kind` (a model, a type), or BoardDamaged
        naming board.json and the setting: a hand edit of the wrong shape, not a bug later."""
        return self._as_setting(key, self.meta().get(key, default), kind)

    def _as_setting(self, key: str, value: Any, kind: Any) -> Any:
        try:
            return msgspec.convert(value, kind)
        except msgspec.ValidationError as error:
            raise BoardDamaged("{file}: table meta, document 1, {setting}: {error}; the file was left as it is",
                               file=self.path / FILES["board"], setting=key, error=error) from None

    def history(self, item: str | None = None, limit: int | None = None,
                actor: str | None = None) -> list[Activity]:
        """Activity records, newest first."""
        return self.log.records(item=item, limit=limit, actor=actor)

    def item_changes(self, items: Collection[str]) -> Iterator[tuple[str, str]]:
        """(item, time) of each logged change to one of `items`, newest first; the log's other
        records are not converted (a rep's calendar reads a few of a floor's 30,000)."""
        wanted = set(items)
        for record in self.log.newest_first(where=lambda doc: doc.get("item") in wanted):
            yield record.item, record.at

    def changed(self) -> bool:
        """Whether another process changed the board since we last looked (stats only).

        Cheap enough to call every half second: it never parses a file that did not change.
        """
        try:
            with self.view.shared(0):  # (a change being written: the next poll sees it whole)
                changed = [storage for storage in self.files.every_file() if storage.changed()]
                log_changed = self.log.changed()
                for storage in changed:
                    storage.read()
                if log_changed:
                    self.log.last_seq()
        except BoardBusy:
            return False
        if changed or log_changed:
            self.generation += 1
        return bool(changed) or log_changed

    def _models(self, file: str, table: str, model: type[T], key: Callable) -> list[T]:
        """All documents of a table as models, in `key` order (see store/table_models.py: after a
        change, only the changed documents are converted again and put back in order)."""
        # by the key's code, not the function: callers pass a fresh lambda on each call (which
        # must not depend on captured variables), and each order needs its own list
        cache_key = (file, table, getattr(key, "__code__", key))
        cached = self._cache.get(cache_key)
        if cached is None:
            def convert(storage: SharedJSONStorage, docs: list[dict]) -> list[T]:
                try:
                    return msgspec.convert(docs, list[model])
                except msgspec.ValidationError:
                    stored = (storage.read() or {}).get(table, {})
                    for doc in docs:  # (the error's `$[3]` counts the documents converted, not their numbers)
                        key = next((key for key, one in stored.items() if one is doc), "?")
                        _convert_stored(doc, model, storage.path, table, key)
                    raise
            cached = self._cache[cache_key] = TableModels(convert, key)
        with self.reading():
            parts = self.files.parts(file, table)
            return cached.update([(storage, (storage.read() or {}).get(table, {})) for storage in parts])

    def _get(self, kind: str, item_id: str) -> Any:
        file, table, _ = HOMES[kind]
        model = model_of(kind)
        try:
            number = parse_id(item_id, kind)
        except ValueError as error:
            raise NotAnId(error) from None
        doc = self._doc(file, table, number)
        if doc is None:
            raise NotFound("no {kind} {id} on this board", kind=Word(name_of(kind)), id=format_id(kind, number))
        return _convert_stored(doc, model, self.files.home(file, table, number).path, table, str(number))

    def id_of(self, kind: str, item_id: str) -> str:
        """The id of the `kind` item that `item_id` names (`t12`: `T-12`), or NotFound: what the
        command line asks of an option that names another item (tui/cli_refs.py)."""
        return self._get(kind, item_id).id

    # ------------------------------------------------------------------ the one way in

    def _check_link(self, kind: str, item_id: str, field: str | None = None) -> str:
        """The id of the `kind` item `item_id` names, or Invalid (a link to nothing) naming
        `field`, the field that holds the link (the kind itself unless said: a task's `depends`)."""
        try:
            return self._get(kind, item_id).id
        except NotFound as error:
            raise Invalid(field or kind, error) from None

    def may(self, action: str, owner: str | None = None, new_owner: str | None = None) -> bool:
        """Whether the actor may do `action` (sales/permissions.py): what a screen asks before
        it offers something the store would refuse."""
        try:
            self.require(action, owner, new_owner)
        except Refused:
            return False
        return True

    def require(self, action: str, owner: str | None = None, new_owner: str | None = None) -> None:
        """Refused, naming the rule, unless the actor may do `action`: what a screen says before
        it asks for a form's worth of answers that the store would refuse to save."""
        self._check(action, owner, new_owner)

    def _check(self, action: str, owner: str | None = None, new_owner: str | None = None) -> None:
        members = self.members()
        role = self.role_of(self.actor)
        near = nearest_member(self.actor, [m.name for m in members]) if members and role is None else None
        permissions.check(action, self.actor, role, single_user=not members, owner=owner, new_owner=new_owner,
                          near=near)

    def _check_each(self, checks: Iterable[tuple[Said, str, str | None, str | None]]) -> None:
        """An import's permission checks, one rule for a taskwarrior list, a task sheet and a
        deals file: each change it makes (where in the file, its action, the owner the item had
        and the one it gets) checked as the command that makes it alone is (`task add`, `task
        edit`, `deal move`), the first refusal said at its place (`row 3: D-2: a rep may only
        change their own deals; ...`). Checked before anything is written; a refusal writes nothing."""
        for where, action, owner, new_owner in checks:
            try:
                self._check(action, owner=owner, new_owner=new_owner)
            except Refused as error:
                raise Refused("{where}: {reason}", where=where, reason=error) from None

    def _put_new(self, tx: Transaction, action: str, kind: str, model: Any) -> None:
        file, table, _ = HOMES[kind]
        tx.put(action, model.id, file, table, number(model.id), None, msgspec.to_builtins(model))

    def _put_update(self, tx: Transaction, action: str, kind: str, old: Any, new: Any) -> None:
        file, table, _ = HOMES[kind]
        tx.put(action, new.id, file, table, number(new.id), msgspec.to_builtins(old),
               msgspec.to_builtins(new))

    def _put_delete(self, tx: Transaction, action: str, kind: str, model: Any) -> None:
        file, table, _ = HOMES[kind]
        tx.put(action, model.id, file, table, number(model.id), msgspec.to_builtins(model), None)

    def _delete_entry(self, kind: str, entry_id: str, action: str) -> Any:
        """Take back an entry someone wrote down (a check-in, a spend): its author's or a lead's
        (`action`'s rule). The activity log keeps it, and `undo` brings it back."""
        return self._delete(kind, entry_id, action, owner_field="by")

    def _delete(self, kind: str, item_id: str, action: str, owner_field: str = "") -> Any:
        """Delete one item that nothing links to, as it was (the activity log keeps it, and `undo`
        brings it back), if `action`'s rule allows: with the owner in its `owner_field` (a note's
        author) when the rule asks whose it is."""
        def build(tx: Transaction) -> Any:
            old = self._get(kind, item_id)
            owner = getattr(old, owner_field) if owner_field else None
            self._check(action, owner=owner, new_owner=owner)
            self._put_delete(tx, action, kind, old)
            return old
        return self._transact(build)

    def links_to(self, kind: str, item_id: str) -> list[tuple[str, str]]:
        """(kind, id) of every item that refers to the `kind` item `item_id` (a task serving a
        goal, a budget line for a strategy...): what deleting it touches. Plan-file order."""
        return [(section.kind, doc["id"]) for section, _, doc, _ in self._referrers(kind, item_id)]

    def _referrers(self, kind: str, item_id: str) -> Iterator[tuple[Any, str, dict, list[str]]]:
        """(section, doc id, stored document, the fields that name it) of each item referring
        to `item_id`. The references are the plan format's (sales.plan.SECTIONS' refs)."""
        from sales.plan import SECTIONS

        for section in SECTIONS:
            fields = [name for name, target in section.refs.items() if target == kind]
            if not fields:
                continue
            file, table, _ = HOMES[section.kind]
            for doc_id, doc in sorted(self._docs(file, table).items(), key=lambda pair: int(pair[0])):
                naming = [name for name in fields
                          if doc.get(name) == item_id or (isinstance(doc.get(name), list) and item_id in doc[name])]
                if naming:
                    yield section, doc_id, doc, naming

    def _put_delete_linked(self, tx: Transaction, action: str, kind: str, model: Any,
                           owned: tuple[str, ...] = ()) -> None:
        """Delete `model` and leave nothing pointing at it: items of the `owned` kinds that
        refer to it go with it (a goal's check-ins); any other reference is cleared (a task's
        goal) or taken out of its list (a strategy's goals). All in the same step."""
        for section, doc_id, doc, naming in list(self._referrers(kind, model.id)):
            file, table, _ = HOMES[section.kind]
            if section.kind in owned:
                tx.put(action, doc["id"], file, table, int(doc_id), doc, None)
                continue
            unlinked = dict(doc)
            for name in naming:
                unlinked[name] = [v for v in doc[name] if v != model.id] if isinstance(doc[name], list) else None
            heir = _HEIRS.get((section.kind, kind))
            if heir and not unlinked.get(heir) and getattr(model, heir, None):
                unlinked[heir] = getattr(model, heir)  # (a budget line for a task goes on to its strategy)
            try:  # an item that cannot do without the link (a budget line needs a strategy or a task)
                msgspec.convert(unlinked, section.model)
            except msgspec.ValidationError as error:
                # (the model's own rule, as a template, where it raised one)
                reason = error.__cause__ if isinstance(error.__cause__, Said) else str(error).split(" - at ")[0]
                raise Refused("{id} cannot be deleted while {other} needs it ({reason}); point {other} elsewhere "
                              "first (`uplift {kind} edit {other} ...`)",
                              id=model.id, other=doc["id"], reason=reason, kind=section.kind) from None
            tx.put(action, doc["id"], file, table, int(doc_id), doc, unlinked)
        self._put_delete(tx, action, kind, model)

    def _transact(self, build: Callable[[Transaction], T]) -> T:
        """Lock, recover, build the change (checks and validation), log it, apply it."""
        try:
            return self._transact_locked(build)
        except OSError as error:  # (a board folder that may not be written, a full disk)
            raise MachineRefused.of(error, self.path) from None

    def _transact_locked(self, build: Callable[[Transaction], T]) -> T:
        with self.view.let_go(self.lock_wait), exclusive_lock(self.path, self.mode, self.lock_wait):
            remove_stale_temps(self.path)
            for folder in (self.log.folder, *self.files.shard_folders()):
                if folder.exists():
                    remove_stale_temps(folder)
            self._recover()
            tx = Transaction(self)
            result = build(tx)
            if tx.ops:
                for rule in self._commit_rules:
                    rule(self, tx)
                self._commit(tx)
            return result

    def _commit(self, tx: Transaction) -> None:
        seq, txn = self.log.last_seq()
        at = stamp(self.clock())
        records = []
        for op in tx.ops:
            seq += 1
            before, after = _diff(op.before, op.after)
            records.append(Activity(seq=seq, txn=txn + 1, at=at, actor=self.actor, action=op.action,
                                    item=op.item, before=before, after=after,
                                    ref=(op.file, op.table, op.doc_id)))
        kept = self._key_to_keep()  # (before this change is logged: an empty log's key is the path's)
        with self.view.exclusive(self.lock_wait):  # (BoardBusy here: nothing written yet)
            self._log_and_apply(tx.ops, records)
            if kept:
                self._keep_key(kept)
        self.generation += 1

    def _log_and_apply(self, ops: list[_Op], records: list[Activity]) -> None:
        self.log.append(records)
        try:
            self._apply(ops)
        except BaseException as error:
            try:
                self.log.remove(records)
            except OSError as refused:  # (a full disk: the log can be neither finished nor taken back)
                cause = error if isinstance(error, OSError) else refused
                raise MachineRefused("{file}: {reason}; the change is in the activity log but not on the board "
                                     "yet: the next change to the board makes it (undo then takes it back)",
                                     file=cause.filename or self.path,
                                     reason=cause.strerror or str(cause)) from None
            raise

    def _apply(self, ops: Iterable[_Op]) -> None:
        """Write the ops, one atomic replace per file they touch (a shard counts as a file)."""
        by_file: dict[SharedJSONStorage, list[_Op]] = {}
        for op in ops:
            by_file.setdefault(self.files.home(op.file, op.table, op.doc_id), []).append(op)
        for storage, file_ops in by_file.items():
            if storage.path.parent != self.path:
                make_folder(storage.path.parent, self.mode)
            with storage.edit() as data:
                next_numbers = counters(data)
                for op in file_ops:
                    table = data.setdefault(op.table, {})
                    if op.after is None:
                        table.pop(str(op.doc_id), None)
                    else:
                        table[str(op.doc_id)] = op.after
                        if op.before is None and op.table != "members":
                            next_numbers[op.table] = max(next_numbers.get(op.table, 1), op.doc_id + 1)

    def _recover(self) -> None:
        """Finish the newest logged transaction if a killed writer left it half applied.

        Only the documents still exactly as they were before it are redone: one that differs
        from both sides was changed since (by hand, or damaged) and is left for a person. Each
        file the transaction touched is read once, however many of its documents it changed.
        """
        contents: dict[SharedJSONStorage, dict] = {}
        ops = []
        for record in self.log.last_transaction():
            if not record.ref:
                continue
            file, table, doc_id = record.ref
            storage = self.files.home(file, table, doc_id)
            if storage not in contents:
                contents[storage] = storage.read() or {}
            current = contents[storage].get(table, {}).get(str(doc_id))
            if not _pending(record, current):
                continue
            if record.after is None:
                after = None
            elif record.before is None:
                after = record.after
            else:
                after = with_fields(current, record.after)
            ops.append(_Op(record.action, record.item, file, table, doc_id, current, after))
        if ops:
            with self.view.exclusive(self.lock_wait):
                self._apply(ops)


def _convert_stored(doc: dict, model: type[T], path: Path, table: str, key: str) -> T:
    """A stored document as its model, or BoardDamaged naming the file, the table, the document's
    number and the field that does not fit (`document 7: Expected `str`, got `array` - at `$.title``)."""
    try:
        return msgspec.convert(doc, model)
    except msgspec.ValidationError as error:
        if "unknown field" in str(error):
            raise BoardDamaged("{file}: table {table}, document {key}: {error}; a newer Uplift may have written it: "
                               "upgrade this one; the file was left as it is",
                               file=path, table=table, key=key, error=error) from None
        raise BoardDamaged("{file}: table {table}, document {key}: {error}; the file was left as it is",
                           file=path, table=table, key=key, error=error) from None


def _pending(record: Activity, current: dict | None) -> bool:
    """Whether the record's document (`current`) is still in its state before the change."""
    if record.before is None:
        return current is None and record.after is not None
    if current is None:
        return False
    if record.after is not None and fields_hold(current, record.after):
        return False  # applied (a change may leave some fields as they were)
    return fields_hold(current, record.before)


def fields_hold(doc: dict, fields: dict) -> bool:
    """Whether `doc` holds these fields (one side of a logged change; None reads as absent)."""
    return all(doc.get(k) == v for k, v in fields.items())


def with_fields(doc: dict | None, fields: dict) -> dict:
    """`doc` with one side of a logged change written over it (a None field taken out: the
    model's default again). Recovery writes a change's `after`, undo its `before`."""
    written = dict(doc or {})
    for key, value in fields.items():
        if value is None:
            written.pop(key, None)
        else:
            written[key] = value
    return written


def number(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


def given(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v is not None}


def owner_or_actor(board: Any, owner: str | None) -> str | None:
    """A new item's owner: `owner` when named; nobody when it is "" (said so: `--owner ""`, a
    form's "nobody"); the actor when not given (None), on a team's board and on a single-user
    board alike (no members yet: a freelancer's after `uplift init`, whose one person is the
    actor), so that `--mine`, today and the board's "mine" find what they added."""
    if owner is None:
        return board.actor
    return owner if owner.strip() else None


#: (kind of item, kind deleted): the field of the deleted item that the item takes on when it
#: loses its link and would be left with none: a budget line is for a strategy or a task, so a
#: line for a task that goes is then for the task's strategy.
_HEIRS = {("budget", "task"): "strategy"}


def changed_keys(old: Any, new: Any) -> set[str]:
    before, after = _diff(msgspec.to_builtins(old), msgspec.to_builtins(new))
    return set(after or {})


def _diff(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed (None for a field that is absent on that side)."""
    if before is None or after is None:
        return before, after
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
