"""The board: one folder that several people use at once, and the only way to change it.

Every change goes through `Board._transact`, which in one locked step redoes any change a killed
writer left half-done, checks who may do it, validates, logs it (the activity log doubles as the
journal) and applies it. Reads need no lock: files are replaced atomically and re-parsed only
when their stat changed.

Files of a board folder (TinyDB's JSON layout, one table per kind):
  board.json   meta (schema version, name, WIP limits) and members
  tasks.json   tasks
  plan.json    goals and strategies
  log/         the activity log, in segments of bounded size
Each data file has a `_meta` table whose document 1 holds the next number per kind of id.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from tinydb import TinyDB

from sales import permissions
from sales.activity import Activity
from sales.errors import Invalid, NotFound, Refused
from sales.goals import Goal, Strategy
from sales.ids import format_id, parse_id
from sales.members import ROLES, Member
from sales.plan import PlanInfo
from sales.tasks import STATUSES, Task, board_order, normalize_status
from sales.validation import convert
from store.activity_log import ActivityLog
from store.files import BoardDamaged, exclusive_lock, folder_mode, remove_stale_temps, signature
from store.identity import current_actor
from store.schema import SCHEMA_VERSION, check_version, migrate
from store.storage import SharedJSONStorage

T = TypeVar("T")

FILES = {"board": "board.json", "tasks": "tasks.json", "plan": "plan.json"}
# kind -> (file, table, model)
HOMES: dict[str, tuple[str, str, type]] = {
    "task": ("tasks", "tasks", Task),
    "goal": ("plan", "goals", Goal),
    "strategy": ("plan", "strategies", Strategy),
}
PRIVATE, SHARED = 0o600, 0o660


@dataclass
class _Op:
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

    def __init__(self, board: Board) -> None:
        self.board = board
        self.ops: list[_Op] = []
        self._allocated: dict[str, int] = {}

    def next_number(self, kind: str) -> int:
        file, table, _ = HOMES[kind]
        if kind not in self._allocated:
            meta = self.board._file_meta(file)
            self._allocated[kind] = max(meta.get("next", {}).get(table, 1), 1)
        number = self._allocated[kind]
        self._allocated[kind] += 1
        return number

    def put(self, action: str, item: str, file: str, table: str, doc_id: int,
            before: dict | None, after: dict | None) -> None:
        self.ops.append(_Op(action, item, file, table, doc_id, before, after))


class Board:
    """A board folder opened by one actor. Cheap to keep open; see `changed()` for watching."""

    def __init__(self, path: str | Path, actor: str | None = None, *, create: bool = True,
                 clock: Callable[[], datetime] | None = None, shared: bool = False) -> None:
        self.path = Path(path).expanduser()
        self.actor = actor or current_actor()
        self.clock = clock or (lambda: datetime.now().astimezone())
        board_file = self.path / FILES["board"]
        if not board_file.exists():
            if not create:
                raise NotFound(f"no board at {self.path} (create one with `uplift --board {self.path}`)")
            self._create(SHARED if shared else PRIVATE)
        self.mode = os.stat(board_file).st_mode & 0o777
        self._tables: dict[str, Any] = {}
        self._dbs = {key: TinyDB(self.path / name, storage=SharedJSONStorage, mode=self.mode)
                     for key, name in FILES.items()}
        self.log = ActivityLog(self.path, self.mode)
        self._cache: dict[str, tuple[int, list]] = {}
        found = self.meta().get("schema", 0)
        if check_version(found, str(board_file)):
            self._migrate(found)

    # ------------------------------------------------------------------ creating and opening

    def _create(self, mode: int) -> None:
        self.path.mkdir(mode=folder_mode(mode), parents=True, exist_ok=True)
        with exclusive_lock(self.path, mode):
            board_file = self.path / FILES["board"]
            if board_file.exists():
                return
            storage = SharedJSONStorage(board_file, mode)
            storage.write({"meta": {"1": {"schema": SCHEMA_VERSION, "name": self.path.name,
                                          "wip": {}}}, "members": {}, "_meta": {"1": {"next": {}}}})

    def _migrate(self, found: int) -> None:
        with exclusive_lock(self.path, self.mode):
            contents = {key: db.storage.read() or {} for key, db in self._dbs.items()}
            if contents["board"]["meta"]["1"].get("schema", 0) != found:
                return  # another process migrated it meanwhile
            migrate(contents, found)
            contents["board"]["meta"]["1"]["schema"] = SCHEMA_VERSION
            for key, db in self._dbs.items():
                db.storage.write(contents[key])

    def _table(self, file: str, table: str):
        key = f"{file}/{table}"
        if key not in self._tables:
            self._tables[key] = self._dbs[file].table(table, cache_size=0)
        return self._tables[key]

    def _raw(self, file: str) -> dict:
        return self._dbs[file].storage.read() or {}

    def _file_meta(self, file: str) -> dict:
        return self._raw(file).get("_meta", {}).get("1", {})

    # ------------------------------------------------------------------ reading

    def today(self) -> date:
        return self.clock().date()

    def meta(self) -> dict:
        meta = self._table("board", "meta").get(doc_id=1)
        if meta is None:
            raise BoardDamaged(f"{self.path / FILES['board']}: no meta document; not a board file")
        return dict(meta)

    @property
    def name(self) -> str:
        return self.meta().get("name", self.path.name)

    def wip_limits(self) -> dict[str, int]:
        return dict(self.meta().get("wip", {}))

    def members(self) -> list[Member]:
        return self._models("board", "members", Member, key=lambda m: m.name)

    def role_of(self, name: str) -> str | None:
        """The role `name` acts with: lead for everyone in single-user mode, None for outsiders."""
        members = self.members()
        if not members:
            return "lead"
        return next((m.role for m in members if m.name == name), None)

    @property
    def role(self) -> str | None:
        return self.role_of(self.actor)

    def tasks(self) -> list[Task]:
        return self._models("tasks", "tasks", Task, key=board_order)

    def goals(self) -> list[Goal]:
        return self._models("plan", "goals", Goal, key=lambda g: int(g.id.split("-")[1]))

    def strategies(self) -> list[Strategy]:
        return self._models("plan", "strategies", Strategy, key=lambda s: int(s.id.split("-")[1]))

    def task(self, task_id: str) -> Task:
        return self._get("task", task_id)

    def goal(self, goal_id: str) -> Goal:
        return self._get("goal", goal_id)

    def strategy(self, strategy_id: str) -> Strategy:
        return self._get("strategy", strategy_id)

    def history(self, item: str | None = None, limit: int | None = None,
                actor: str | None = None) -> list[Activity]:
        """Activity records, newest first."""
        return self.log.records(item=item, limit=limit, actor=actor)

    def changed(self) -> bool:
        """Whether another process changed the board since we last looked (stats only).

        Cheap enough to call every half second: it never parses a file that did not change.
        """
        changed = [db.storage for db in self._dbs.values() if db.storage.changed()]
        log_changed = self.log.changed()
        for storage in changed:
            storage.read()
        if log_changed:
            self.log.last_seq()
        return bool(changed) or log_changed

    def _models(self, file: str, table: str, model: type[T], key: Callable) -> list[T]:
        """All documents of a table as models, converted once per version of the file."""
        storage = self._dbs[file].storage
        storage.read()
        cache_key = f"{file}/{table}"
        cached = self._cache.get(cache_key)
        if cached and cached[0] == storage.version:
            return list(cached[1])
        docs = self._table(file, table).all()
        try:
            models = sorted(msgspec.convert(docs, list[model]), key=key)
        except msgspec.ValidationError as error:
            raise BoardDamaged(f"{storage.path}: table {table}: {error}; the file was left as it is") from None
        self._cache[cache_key] = (storage.version, models)
        return list(models)

    def _get(self, kind: str, item_id: str) -> Any:
        file, table, model = HOMES[kind]
        try:
            number = parse_id(item_id, kind)
        except ValueError as error:
            raise NotFound(str(error)) from None
        doc = self._table(file, table).get(doc_id=number)
        if doc is None:
            raise NotFound(f"no {kind} {format_id(kind, number)} on this board")
        return msgspec.convert(dict(doc), model)

    # ------------------------------------------------------------------ changing: tasks

    def add_task(self, title: str, **fields: Any) -> Task:
        """A new task; unless given, its owner is the actor. Returns it with its new id."""
        def build(tx: Transaction) -> Task:
            data = {"title": title, **_given(fields)}
            data.setdefault("owner", self.actor if self.members() else None)
            self._check("task.add", new_owner=data["owner"])
            task = self._validate_task(tx, {**data, "id": format_id("task", tx.next_number("task"))})
            self._put_new(tx, "task.add", "task", task)
            return task
        return self._transact(build)

    def update_task(self, task_id: str, **fields: Any) -> Task:
        """Change some fields of a task (None clears a field). Moving is `move_task`."""
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            data = {**msgspec.to_builtins(old), **{k: v for k, v in fields.items() if k != "id"}}
            self._check("task.edit", owner=old.owner, new_owner=data.get("owner"))
            new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None})
            action = "task.move" if _changed_keys(old, new) == {"status"} else "task.edit"
            self._put_update(tx, action, "task", old, new)
            return new
        return self._transact(build)

    def move_task(self, task_id: str, status: str) -> Task:
        try:
            status = normalize_status(status)
        except ValueError as error:
            raise Invalid("status", str(error)) from None
        return self.update_task(task_id, status=status)

    def toggle_step(self, task_id: str, index: int) -> Task:
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            if not 0 <= index < len(old.steps):
                raise NotFound(f"{old.id} has no step {index + 1} (it has {len(old.steps)})")
            steps = [msgspec.structs.replace(s) for s in old.steps]
            steps[index].done = not steps[index].done
            new = msgspec.structs.replace(old, steps=steps)
            self._check("task.step", owner=old.owner, new_owner=new.owner)
            self._put_update(tx, "task.step", "task", old, new)
            return new
        return self._transact(build)

    def delete_task(self, task_id: str) -> Task:
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            self._check("task.delete", owner=old.owner, new_owner=None)
            file, table, _ = HOMES["task"]
            tx.put("task.delete", old.id, file, table, _number(old.id), msgspec.to_builtins(old), None)
            return old
        return self._transact(build)

    def _validate_task(self, tx: Transaction, data: dict) -> Task:
        task = convert(data, Task)
        if task.owner is not None:
            self._check_member(task.owner, "owner")
        if task.goal is not None:
            task.goal = self._check_link("goal", task.goal)
        if task.strategy is not None:
            task.strategy = self._check_link("strategy", task.strategy)
        return task

    def _check_member(self, name: str, field: str) -> None:
        members = self.members()
        if members and name not in {m.name for m in members}:
            raise Invalid(field, f"{name!r} is not a member of this board "
                                 f"(members: {', '.join(m.name for m in members)})")

    def _check_link(self, kind: str, item_id: str) -> str:
        try:
            return self._get(kind, item_id).id
        except NotFound as error:
            raise Invalid(kind, str(error)) from None

    # ------------------------------------------------------------------ changing: plan items

    def add_goal(self, title: str, **fields: Any) -> Goal:
        def build(tx: Transaction) -> Goal:
            goal = convert({"title": title, **_given(fields),
                            "id": format_id("goal", tx.next_number("goal"))}, Goal)
            if goal.owner:
                self._check_member(goal.owner, "owner")
            self._check("goal.add")
            self._put_new(tx, "goal.add", "goal", goal)
            return goal
        return self._transact(build)

    def add_strategy(self, title: str, **fields: Any) -> Strategy:
        def build(tx: Transaction) -> Strategy:
            strategy = convert({"title": title, **_given(fields),
                                "id": format_id("strategy", tx.next_number("strategy"))}, Strategy)
            strategy.goals = [self._check_link("goal", g) for g in strategy.goals]
            self._check("strategy.add")
            self._put_new(tx, "strategy.add", "strategy", strategy)
            return strategy
        return self._transact(build)

    # ------------------------------------------------------------------ changing: members, settings

    def add_member(self, name: str, role: str = "rep") -> Member:
        def build(tx: Transaction) -> Member:
            if role not in ROLES:
                raise Invalid("role", f"{role!r} is not a role (lead or rep)")
            member = convert({"name": name, "role": role}, Member, "member")
            members = self.members()
            if any(m.name == member.name for m in members):
                raise Invalid("member", f"{member.name} is already a member")
            if not members and role != "lead":
                raise Refused("the first member must be a lead, or nobody could manage the board")
            self._check("member.add")
            raw = self._raw("board").get("members", {})
            doc_id = max((int(k) for k in raw), default=0) + 1
            tx.put("member.add", member.name, "board", "members", doc_id, None, msgspec.to_builtins(member))
            return member
        return self._transact(build)

    def remove_member(self, name: str) -> Member:
        def build(tx: Transaction) -> Member:
            raw = self._raw("board").get("members", {})
            doc_id = next((int(k) for k, doc in raw.items() if doc["name"] == name), None)
            if doc_id is None:
                raise NotFound(f"{name} is not a member of this board")
            member = msgspec.convert(raw[str(doc_id)], Member)
            leads = [doc for doc in raw.values() if doc["role"] == "lead"]
            if member.role == "lead" and len(leads) == 1 and len(raw) > 1:
                raise Refused(f"{name} is the board's only lead; make someone else lead first")
            self._check("member.remove")
            tx.put("member.remove", name, "board", "members", doc_id, msgspec.to_builtins(member), None)
            return member
        return self._transact(build)

    def plan_info(self) -> dict:
        """The plan's name and period (`{"name": ..., "period": {"start": ..., "end": ...}}`)."""
        meta = self.meta()
        return {"name": meta.get("name", self.path.name), "period": meta.get("period")}

    def set_plan_info(self, name: str, start: date | str | None = None,
                      end: date | str | None = None) -> dict:
        def build(tx: Transaction) -> dict:
            period = {"start": start, "end": end} if start and end else None
            info = convert({"name": name, "period": period}, PlanInfo, "plan")
            self._check("board.settings")
            old = self.meta()
            new = {**old, **msgspec.to_builtins(info)}
            tx.put("board.plan", "board", "board", "meta", 1, old, new)
            return self.plan_info() | msgspec.to_builtins(info)
        return self._transact(build)

    def set_wip_limit(self, status: str, limit: int | None) -> dict[str, int]:
        def build(tx: Transaction) -> dict[str, int]:
            try:
                key = normalize_status(status)
            except ValueError as error:
                raise Invalid("status", str(error)) from None
            if limit is not None and not 0 < limit <= 999:
                raise Invalid("limit", "a WIP limit is a whole number from 1 to 999")
            self._check("board.settings")
            old = self.meta()
            wip = {k: v for k, v in old.get("wip", {}).items() if k != key}
            if limit is not None:
                wip[key] = limit
            tx.put("board.wip", "board", "board", "meta", 1, old, {**old, "wip": wip})
            return wip
        return self._transact(build)

    # ------------------------------------------------------------------ the one way in

    def _check(self, action: str, owner: str | None = None, new_owner: str | None = None) -> None:
        members = self.members()
        permissions.check(action, self.actor, self.role_of(self.actor), single_user=not members,
                          owner=owner, new_owner=new_owner)

    def _put_new(self, tx: Transaction, action: str, kind: str, model: Any) -> None:
        file, table, _ = HOMES[kind]
        tx.put(action, model.id, file, table, _number(model.id), None, msgspec.to_builtins(model))

    def _put_update(self, tx: Transaction, action: str, kind: str, old: Any, new: Any) -> None:
        file, table, _ = HOMES[kind]
        tx.put(action, new.id, file, table, _number(new.id), msgspec.to_builtins(old),
               msgspec.to_builtins(new))

    def _transact(self, build: Callable[[Transaction], T]) -> T:
        """Lock, recover, build the change (checks and validation), log it, apply it."""
        with exclusive_lock(self.path, self.mode):
            remove_stale_temps(self.path)
            if self.log.folder.exists():
                remove_stale_temps(self.log.folder)
            self._recover()
            tx = Transaction(self)
            result = build(tx)
            if tx.ops:
                self._commit(tx)
            return result

    def _commit(self, tx: Transaction) -> None:
        seq, txn = self.log.last_seq()
        at = self.clock().isoformat(timespec="seconds")
        records = []
        for op in tx.ops:
            seq += 1
            before, after = _diff(op.before, op.after)
            records.append(Activity(seq=seq, txn=txn + 1, at=at, actor=self.actor, action=op.action,
                                    item=op.item, before=before, after=after,
                                    ref=(op.file, op.table, op.doc_id)))
        self.log.append(records)
        try:
            self._apply(tx.ops)
        except BaseException:
            self.log.remove(records)
            raise

    def _apply(self, ops: Iterable[_Op]) -> None:
        by_file: dict[str, list[_Op]] = {}
        for op in ops:
            by_file.setdefault(op.file, []).append(op)
        for file, file_ops in by_file.items():
            with self._dbs[file].storage.edit() as data:
                counters = data.setdefault("_meta", {}).setdefault("1", {}).setdefault("next", {})
                for op in file_ops:
                    table = data.setdefault(op.table, {})
                    if op.after is None:
                        table.pop(str(op.doc_id), None)
                    else:
                        table[str(op.doc_id)] = op.after
                        if op.before is None and op.table != "members":
                            counters[op.table] = max(counters.get(op.table, 1), op.doc_id + 1)

    def _recover(self) -> None:
        """Finish the newest logged transaction if a killed writer left it half applied."""
        records = self.log.last_transaction()
        pending = [r for r in records if r.ref and not self._applied(r)]
        if not pending:
            return
        ops = []
        for record in records:
            file, table, doc_id = record.ref
            current = self._raw(file).get(table, {}).get(str(doc_id))
            if record.after is None:
                after = None
            elif record.before is None:
                after = record.after
            else:
                after = {k: v for k, v in {**(current or {}), **record.after}.items() if v is not None}
            ops.append(_Op(record.action, record.item, file, table, doc_id, current, after))
        self._apply(ops)

    def _applied(self, record: Activity) -> bool:
        file, table, doc_id = record.ref
        current = self._raw(file).get(table, {}).get(str(doc_id))
        if record.after is None:
            return current is None
        if current is None:
            return False
        return all(current.get(k) == v for k, v in record.after.items())


def _number(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


def _given(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v is not None}


def _changed_keys(old: Any, new: Any) -> set[str]:
    before, after = _diff(msgspec.to_builtins(old), msgspec.to_builtins(new))
    return set(after or {})


def _diff(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed (None for a field that is absent on that side)."""
    if before is None or after is None:
        return before, after
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


__all__ = ["Board", "STATUSES", "SCHEMA_VERSION", "signature"]
