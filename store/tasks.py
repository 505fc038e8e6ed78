"""The task API of a board: reading tasks, and every change to one (phase 3 of the cycle)."""

from __future__ import annotations

from typing import Any

import msgspec

from sales.errors import Invalid, NotFound
from sales.ids import format_id
from sales.tasks import (
    COMMENTS_MAX,
    Comment,
    Task,
    board_order,
    next_occurrence,
    normalize_status,
    repeat_day,
    waiting_loop,
)
from sales.validation import convert
from store.board_core import BoardCore, Transaction, changed_keys, given, owner_or_actor


class TaskChanges(BoardCore):
    def tasks(self) -> list[Task]:
        return self._models("tasks", "tasks", Task, key=board_order)

    def task(self, task_id: str) -> Task:
        return self._get("task", task_id)

    def add_task(self, title: str, **fields: Any) -> Task:
        """A new task; its owner is the actor unless given (`owner` left out or None), nobody
        when `owner=""` (`task add --owner ""`). Returns it with its new id."""
        def build(tx: Transaction) -> Task:
            data = {"title": title, **given(fields)}
            data["owner"] = owner_or_actor(self, data.get("owner"))
            self._check("task.add", new_owner=data["owner"])
            task = self._validate_task(tx, {**data, "id": format_id("task", tx.nextnumber("task"))})
            self._put_new(tx, "task.add", "task", task)
            return task
        return self._transact(build)

    def update_task(self, task_id: str, **fields: Any) -> Task:
        """Change some fields of a task (None clears a field). Moving is `move_task`."""
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            data = {**msgspec.to_builtins(old), **{k: v for k, v in fields.items() if k != "id"}}
            self._check("task.edit", owner=old.owner, new_owner=data.get("owner"))
            new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None}, old)
            action = "task.move" if changed_keys(old, new) == {"status"} else "task.edit"
            self._put_update(tx, action, "task", old, new)
            if new.every and new.status == "done" and old.status != "done":
                self._repeat(tx, new)
            return new
        return self._transact(build)

    def tasks_for(self, deal_id: str) -> list[Task]:
        """The tasks that move the deal forward (its follow-ups), open ones first."""
        return sorted((t for t in self.tasks() if t.deal == deal_id), key=lambda t: t.status == "done")

    def next_of(self, task_id: str) -> Task | None:
        """The occurrence made when the repeating task `task_id` was done (None: there is none)."""
        return next((t for t in self.tasks() if t.previous == task_id), None)

    def _repeat(self, tx: Transaction, done: Task) -> None:
        """A repeating task is done: its next occurrence is added in the same change (so one undo
        takes both back). Done again after a reopen, it makes no second one."""
        if self.next_of(done.id) is not None:
            return
        fields = next_occurrence(done, self.today(), repeat_day(done, {t.id: t for t in self.tasks()}))
        if fields is None:
            return  # its next date would be past the last year a plan holds: the repeats end
        self._check("task.add", new_owner=fields["owner"])
        task = self._validate_task(tx, {**{k: v for k, v in fields.items() if v is not None},
                                        "id": format_id("task", tx.nextnumber("task"))})
        self._put_new(tx, "task.add", "task", task)

    def move_task(self, task_id: str, status: str) -> Task:
        try:
            status = normalize_status(status)
        except ValueError as error:
            raise Invalid("status", error) from None
        return self.update_task(task_id, status=status)

    def toggle_step(self, task_id: str, index: int) -> Task:
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            if not 0 <= index < len(old.steps):
                raise NotFound("{id} has no step {number} (it has {count})", id=old.id, number=index + 1, count=len(old.steps))
            steps = [msgspec.structs.replace(s) for s in old.steps]
            steps[index].done = not steps[index].done
            new = msgspec.structs.replace(old, steps=steps)
            self._check("task.step", owner=old.owner, new_owner=new.owner)
            self._put_update(tx, "task.step", "task", old, new)
            return new
        return self._transact(build)

    def comment_task(self, task_id: str, text: str) -> Task:
        """Add the actor's comment to a task, at the board's clock. Anyone on the team may
        comment on any task (the rep doing the work, the lead asking about it)."""
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            self._check("task.comment")
            comment = convert({"at": self.clock().replace(microsecond=0), "by": self.actor, "text": text},
                              Comment, "comment")
            new = msgspec.structs.replace(old, comments=[*old.comments, comment][-COMMENTS_MAX:])
            self._put_update(tx, "task.comment", "task", old, new)
            return new
        return self._transact(build)

    def delete_task(self, task_id: str) -> Task:
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            self._check("task.delete", owner=old.owner, new_owner=None)
            self._put_delete_linked(tx, "task.delete", "task", old)  # a budget line for it stays
            return old
        return self._transact(build)

    def _validate_task(self, tx: Transaction, data: dict, old: Task | None = None) -> Task:
        """`data` as a checked task. Its owner must be a member, unless the task had that owner
        already (a member who left still owns what they owned: the task can be edited, and the
        board's own plan file imports back, until it is handed to someone)."""
        task = convert(data, Task)
        if task.owner is not None and (old is None or task.owner != old.owner):
            self._check_member(task.owner, "owner")
        if task.goal is not None:
            task.goal = self._check_link("goal", task.goal)
        if task.strategy is not None:
            task.strategy = self._check_link("strategy", task.strategy)
        if task.deal is not None:
            task.deal = self._check_link("deal", task.deal)
        if task.depends:
            task.depends = list(dict.fromkeys(self._check_link("task", other, "depends") for other in task.depends))
            graph = {t.id: t.depends for t in self.tasks() if t.id != task.id}
            if loop := waiting_loop(task.id, task.depends, graph):
                raise Invalid("depends", loop)
        return task
