"""The task API of a board: reading tasks, and every change to one (phase 3 of the cycle)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import msgspec

from sales.errors import Invalid, NotFound, Reason, Refused, nothing_imported, nothing_imported_maybe_own
from sales.ids import format_id, repeated_id
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
from sales.text import clean_line, formula_unguarded
from sales.validation import convert
from store.board_core import BoardCore, Transaction, changed_keys, given, owner_or_actor


#: The most a taskwarrior export may hold (a list of tens of thousands of tasks is a few MB).
MAX_TASKS_FILE = 64 * 1024 * 1024
#: A task list in a spreadsheet, by its name's ending (one read from standard input: by what it holds)
TABLES = (".csv", ".tsv", ".xlsx", ".xls", ".xlsm")
TASK_FILES = (".csv", ".tsv", ".xlsx", ".xls", ".xlsm", ".json")  # what `task import` reads (a taskwarrior export: JSON)


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
        return self._transact(lambda tx: self._update_in(tx, task_id, fields))

    def _update_in(self, tx: Transaction, task_id: str, fields: dict[str, Any]) -> Task:
        """One task's change, made in the transaction `tx` (see `update_task`)."""
        old = self.task(task_id)
        data = {**msgspec.to_builtins(old), **{k: v for k, v in fields.items() if k != "id"}}
        self._check("task.edit", owner=old.owner, new_owner=data.get("owner"))
        new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None}, old)
        self._put_update(tx, task_action(old, new), "task", old, new)
        if new.every and new.status == "done" and old.status != "done":
            self._repeat(tx, new)
        return new

    def _each_task(self, task_ids: list[str], change: Callable[[str], Task]) -> list[Task]:
        """`change` made to each of several tasks (an id given twice: once), in one transaction's
        build: the first that is missing or refused stops them all, nothing written, and a refusal
        names the task it is about (`T-5: a rep may only change their own tasks`)."""
        done: dict[str, Task] = {}
        for task_id in task_ids:
            key = self.task(task_id).id  # (NotFound names the id as typed)
            if key in done:
                continue
            try:
                done[key] = change(key)
            except Refused as error:
                if len(task_ids) == 1:
                    raise
                raise Refused("{where}: {reason}", where=key, reason=error) from None
        return list(done.values())

    def move_tasks(self, task_ids: list[str], status: str) -> list[Task]:
        """Several tasks moved to one status in one change (taskwarrior's `task 1 2 5 done`): all
        or nothing, an activity record for each, one undo takes them all back."""
        try:
            status = normalize_status(status)
        except ValueError as error:
            raise Invalid("status", error) from None
        return self._transact(lambda tx: self._each_task(
            task_ids, lambda task_id: self._update_in(tx, task_id, {"status": status})))

    def tasks_for(self, deal_id: str) -> list[Task]:
        """The tasks that move the deal forward (its follow-ups), open ones first."""
        return sorted((t for t in self.tasks() if t.deal == deal_id), key=lambda t: t.status == "done")

    def open_tasks_for(self, deal_id: str) -> list[Task]:
        """The deal's follow-ups not done yet (those a won or lost deal leaves behind)."""
        return [t for t in self.tasks_for(deal_id) if t.status != "done"]

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

    def add_step(self, task_id: str, text: str) -> Task:
        """Add one step, unticked, at the end of a task's checklist, the steps it has kept as they
        are (ticks included): `update_task(steps=...)` replaces the whole list, so a rep adding
        one step from the command line had to retype the others, and lost their ticks if not."""
        def build(tx: Transaction) -> Task:
            old = self.task(task_id)
            self._check("task.edit", owner=old.owner, new_owner=old.owner)
            data = {**msgspec.to_builtins(old), "steps": [*msgspec.to_builtins(old.steps), {"text": text}]}
            new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None}, old)
            self._put_update(tx, "task.step", "task", old, new)  # ("added the step “...” to T-9")
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
        return self.delete_tasks([task_id])[0]

    def delete_tasks(self, task_ids: list[str]) -> list[Task]:
        """Several tasks deleted in one change: all or nothing, as `move_tasks`."""
        def delete(tx: Transaction, task_id: str) -> Task:
            old = self.task(task_id)
            self._check("task.delete", owner=old.owner, new_owner=None)
            self._put_delete_linked(tx, "task.delete", "task", old)  # a budget line for it stays
            return old
        return self._transact(lambda tx: self._each_task(task_ids, lambda task_id: delete(tx, task_id)))

    def _done_dates(self, tasks: list[tuple[int, Task | None, Task]], problems: list[Reason],
                    said: Callable[[int, Task, Reason], Reason] | None = None) -> list[Refused]:
        """An import's done tasks (number in the file, the board's task or None, the task as
        imported), held to a plan file's rule (sales.plan_records.done_at_problems): a rep's done
        when imported (a day of slack), as `task done` records it, since a past date would move the
        burn-up's past (a lead may date them); no one's in the days to come. A date to come joins
        `problems`; a backdated one is a refusal, returned. Each is `said(number, task, why)` (a
        taskwarrior list's: at its task's place and title)."""
        from sales.plan_records import done_at_problems

        def in_list(number: int, task: Task, why: Reason) -> Reason:
            return Reason("task {number} ({title!r}): {error}", number=number, title=task.title[:60], error=why)

        lead, today, refusals = self.role == "lead", self.today(), []
        for number, old, task in tasks:
            for _, message, refused in done_at_problems(old, task, lead, today):
                reason = (said or in_list)(number, task, message)
                if refused:
                    refusals.append(Refused(reason))
                else:
                    problems.append(reason)
        return refusals

    def import_tasks(self, path: str | Path, *, owner: str | None = None, dry_run: bool = False,
                     name: str | None = None, with_deleted: bool = False) -> dict:
        """Add the tasks of a taskwarrior export (`task export`, JSON), in one transaction: all or
        nothing. Each is the importer's, or `owner`'s ("" for nobody); its annotations become its
        comments, by the importer, dated as they were made; a dependency on a task of the file
        links the two. Deleted tasks and repeating tasks' templates are left out, and counted; of a
        repeating task's open occurrences, the one due last repeats as the template says.
        A task the same as one on the board (title, owner, status, due) is an error: importing the
        file twice adds nothing twice. Problems name the task by its place in the file (Invalid,
        nothing written). Messages name the file as `name` when given (standard input).
        A task of the list deleted on the board (by its uuid, the log's record of the deletion)
        is left out and said (`deleted`), unless `with_deleted`: the list would bring it back."""
        from sales.taskwarrior import (comment_backdated, comment_to_come, read_export, repeating, task_fields,
                                       updated_task)

        shown = name or str(path)
        if Path(path).is_dir():
            from store.record_files import a_folder

            raise Invalid("file", "{file}: {reason}", whole=True, file=shown, reason=a_folder(Path(path), TASK_FILES))
        try:
            data = Path(path).read_bytes()[:MAX_TASKS_FILE + 1]
        except OSError as error:
            raise Invalid("file", "{file}: cannot be read ({cause})", whole=True, file=shown,
                          cause=error.strerror or type(error).__name__) from None
        if len(data) > MAX_TASKS_FILE:
            raise Invalid("file", "{file}: more than {mb} MB; split the file", whole=True, file=shown, mb=MAX_TASKS_FILE >> 20)
        suffix = Path(shown).suffix.lower()
        if suffix in TABLES or (suffix != ".json" and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"[", b"{"))):
            return self._import_task_rows(path, name, owner, dry_run)
        try:
            items = read_export(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise Invalid("file", "{file}: not UTF-8 text (`task export` writes UTF-8)", whole=True, file=shown) from None
        except ValueError as error:
            raise Invalid("file", "{file}: {reason}", whole=True, file=shown, reason=error) from None
        if not items:  # as a deals file with no rows: an import of nothing is a wrong file
            raise Invalid("file", "{file}: no tasks in it (`task export` writes every task, `task status:pending "
                                  "export` the open ones)", whole=True, file=shown)

        def build(tx: Transaction) -> dict:
            zone = self.clock().tzinfo
            whose = owner_or_actor(self, owner)
            self._check("task.add", new_owner=whose)
            on_board = self.tasks()
            known = {t.source: t for t in on_board if t.source}  # tasks an earlier import brought, by uuid
            same = {(t.title, t.owner, t.status, t.due): t for t in on_board}
            problems: list[Reason] = []
            read: list[tuple[int, dict]] = []
            left_out: Counter[str] = Counter()
            for number, item in enumerate(items, 1):
                try:
                    fields = task_fields(item, zone)
                except ValueError as error:
                    problems.append(Reason("task {number} ({title!r}): {error}", number=number,
                                           title=str(item.get("description", ""))[:60], error=error))
                    continue
                if fields is None:
                    left_out[str(item.get("status"))] += 1
                    continue
                if not item.get("priority"):
                    fields["given_priority"] = False
                read.append((number, fields))
            repeats, unrepeated = repeating([fields for _, fields in read])
            # each task of the file: one the board has (from an earlier import of the list: by its
            # uuid; or, imported before tasks kept theirs, the same title, owner, status and due
            # date), to update, or a new one
            tasks: list[Task] = []  # the new ones
            olds: dict[int, Task] = {}  # index in `read` -> the board's task it is
            candidates: dict[int, Task] = {}
            seen: dict[str, int] = {}
            deleted: dict[str, Any] = {}  # the list's tasks deleted on the board, by uuid (newest deletion)
            left_deleted: list[dict] = []
            if not with_deleted and any(f["uuid"] and f["uuid"] not in known for _, f in read):
                for record in self.log.newest_first(where=_deletes_an_imported_task):
                    if (gone := str(record.before["source"])) not in known:
                        deleted.setdefault(gone, record)
            for index, (number, fields) in enumerate(read):
                uuid = fields["uuid"]
                if uuid and uuid in seen:
                    problems.append(Reason("task {number} ({title!r}): uuid {uuid} repeats task {first}",
                                           number=number, title=fields["title"][:60], uuid=uuid, first=seen[uuid]))
                    continue
                if uuid:
                    seen[uuid] = number
                if (old := known.get(uuid) if uuid else None) is not None:
                    olds[index] = old
                    continue
                if uuid and uuid in deleted:
                    gone = deleted[uuid]
                    left_deleted.append({"row": number, "uuid": uuid, "id": gone.item,
                                         "title": (gone.before or {}).get("title", ""), "by": gone.actor,
                                         "on": datetime.fromisoformat(gone.at).astimezone(zone).date()})
                    continue
                data = {k: v for k, v in fields.items()
                        if k not in ("depends", "uuid", "recur", "parent", "every", "comments", "given_priority")}
                if index in repeats:
                    data["every"] = repeats[index]
                try:
                    task = self._validate_task(tx, {**data, "owner": whose, "source": uuid, "id": "T-0"})
                except Invalid as error:
                    problems.append(Reason("task {number} ({title!r}): {error}", number=number,
                                           title=fields["title"][:60], error=error.at_field()))
                    continue
                if (twin := same.get((task.title, task.owner, task.status, task.due))) is not None:
                    if not twin.source and twin not in olds.values():  # brought by an import that kept no uuid
                        olds[index] = twin
                        continue
                    problems.append(Reason("task {number} ({title!r}): {id} is on this board already (the same "
                                           "title, owner, status and due date); importing it would add it a second "
                                           "time", number=number, title=task.title, id=twin.id))
                    continue
                candidates[index] = task
            repeated_here = _repeated_on_board([f for _, f in read], olds, candidates, on_board)
            ids = {fields["uuid"]: olds[index].id for index, (_, fields) in enumerate(read) if index in olds}
            for index, task in candidates.items():
                task.id = format_id("task", tx.nextnumber("task"))  # (a dry run writes nothing: the numbers go unused)
                if read[index][1]["uuid"]:
                    ids[read[index][1]["uuid"]] = task.id
                tasks.append(task)
            unlinked = 0
            def dated_to_come(number: int, title: str, comments: list[dict]) -> None:
                """A task's annotations the import adds as comments: none in the days to come, and
                for anyone but a lead, none dated otherwise than today (a refusal)."""
                if (wrong := comment_to_come(comments, today)) is not None:
                    problems.append(Reason("task {number} ({title!r}): {error}", number=number, title=title[:60],
                                           error=wrong))
                elif not lead and (wrong := comment_backdated(comments, today)) is not None:
                    why = Reason("task {number} ({title!r}): {error}", number=number, title=title[:60], error=wrong)
                    backdated.append(Refused(why))

            today, lead = self.today(), self.role == "lead"
            backdated: list[Refused] = []  # a rep's annotations dated another day than today
            for index, task in candidates.items():
                dated_to_come(read[index][0], task.title, read[index][1]["comments"])
                waits_for = read[index][1]["depends"]
                task.depends = [ids[u] for u in waits_for if u in ids]
                unlinked += len(waits_for) - len(task.depends)  # on a task not in the file (done long ago, deleted)
                task.comments = [convert({"at": c["at"], "by": self.actor, "text": c["text"]}, Comment, "comments")
                                 for c in read[index][1]["comments"]][-COMMENTS_MAX:]
            updates: list[tuple[int, Task, Task]] = []
            kept: list[dict] = []
            unchanged = added_comments = 0
            for index, old in olds.items():
                number, fields = read[index]
                if not fields.get("given_priority", True):
                    fields.pop("priority", None)
                before = msgspec.to_builtins(old)
                data = updated_task(before, fields)
                if data is None:
                    kept.append({"row": number, "id": old.id, "title": old.title, "status": old.status,
                                 "file_status": fields["status"]})
                    continue
                data["source"] = fields["uuid"] or old.source
                waits_for = fields["depends"]
                data["depends"] = list(dict.fromkeys([*old.depends, *(ids[u] for u in waits_for if u in ids)]))
                unlinked += sum(u not in ids for u in waits_for)
                had = {(c.at, c.text) for c in old.comments}
                fresh = [c for c in fields["comments"]
                         if (c["at"].replace(microsecond=0), " ".join(c["text"].split())) not in
                         {(at, " ".join(text.split())) for at, text in had}]
                dated_to_come(number, fields["title"], fresh)
                added_comments += len(fresh)
                data["comments"] = [*before["comments"], *({"at": c["at"], "by": self.actor, "text": c["text"]}
                                                           for c in fresh)][-COMMENTS_MAX:]
                try:
                    new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None}, old)
                except Invalid as error:
                    problems.append(Reason("task {number} ({title!r}): {id}: {error}", number=number,
                                           title=fields["title"][:60], id=old.id, error=error.at_field()))
                    continue
                if not changed_keys(old, new) - {"source"}:
                    unchanged += 1
                    if new.source != old.source and not dry_run:  # (remembered, so that the next import knows it)
                        self._put_update(tx, "task.edit", "task", old, new)
                    continue
                updates.append((number, old, new))
            refusals = backdated + self._done_dates([(read[index][0], None, task) for index, task in candidates.items()]
                                                    + updates, problems)
            graph = {**{t.id: t.depends for t in on_board}, **{t.id: t.depends for _, _, t in updates},
                     **{t.id: t.depends for t in tasks}}
            for task in [*tasks, *(new for _, _, new in updates)]:
                if loop := waiting_loop(task.id, task.depends, graph):
                    problems.append(Reason("{id}: {loop}", id=task.id, loop=loop))
                    break
            if problems:
                raise nothing_imported(shown, problems)
            if refusals:
                raise refusals[0]
            self._check_each((Reason("task {number}: {id}", number=number, id=old.id), task_action(old, new),
                              old.owner, new.owner) for number, old, new in updates)
            changes = []
            for number, old, new in updates:
                keys = changed_keys(old, new)
                if not dry_run:
                    self._put_update(tx, task_action(old, new), "task", old, new)
                before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
                said = [key for key in before
                        if key in keys and key not in ("source", "comments", "depends", "done_at")]
                changes.append({"row": number, "id": old.id, "title": new.title,
                                "before": {key: before.get(key) for key in said},
                                "after": {key: after.get(key) for key in said},
                                "comments": len(new.comments) - len(old.comments),
                                "depends": [d for d in new.depends if d not in old.depends]})
            if not dry_run:
                for task in tasks:
                    self._put_new(tx, "task.add", "task", task)
            return {"imported": 0 if dry_run else len(tasks), "tasks": len(tasks), "dry_run": dry_run,
                    "first": tasks[0].id if tasks and not dry_run else None,
                    "last": tasks[-1].id if tasks and not dry_run else None,
                    "by_status": dict(Counter(t.status for t in tasks)), "left_out": dict(left_out),
                    "comments": sum(len(t.comments) for t in tasks) + added_comments, "depends_unlinked": unlinked,
                    # repeating: the tasks that repeat (taskwarrior's recur), and the recurrences the
                    # board has no repeat for (those tasks come once)
                    "repeating": sum(1 for t in tasks if t.every), "repeats_unread": sorted(set(unrepeated)),
                    # new occurrences of a series the board repeats itself (its open occurrence
                    # makes the next when done): left out, as they would come twice
                    "repeated_on_board": repeated_here,
                    # the tasks an earlier import of the list brought (by their uuid): changed, the
                    # same, or done on the board and open in the file (left as they are)
                    "updated": changes, "unchanged": unchanged, "kept": kept,
                    "deleted": left_deleted,  # the list's tasks deleted on the board, left out
                    # (a spreadsheet's keys too, as a CSV import's result has them: one shape for both)
                    "mapping": None, "another_board": None}
        return self._transact(build)

    def _import_task_rows(self, path: str | Path, name: str | None, owner: str | None, dry_run: bool) -> dict:
        """Add the tasks of a spreadsheet (CSV, XLSX), a row each (sales/task_rows.py), in one
        transaction as a taskwarrior export's are: each the row's owner's (a member, however the
        file spells them), else `owner`'s, else the importer's; a row the same as a task on the
        board is an error; problems name the row and the field. The board's own `task list --csv`
        imported back is a bulk edit: a row whose id is a task of the board updates it (`updated`,
        `unchanged`)."""
        from sales.board_mark import BOARD_COLUMN, elsewhere
        from sales.members import member_for, nearest_member
        from sales.task_rows import CLEARED, days_first, done_moment, row_task, task_columns
        from sales.tasks import STATUSES
        from store.deal_files import read_rows

        shown = name or str(path)
        headers, rows = read_rows(path, name, one_column=True)  # (a list of titles alone is a task list)
        try:
            mapping = task_columns(headers)
        except ValueError as error:
            raise Invalid(shown, error) from None
        # the board's own `task list --csv` (edited in a spreadsheet): its text kept behind a `'`
        # (so that a spreadsheet runs no formula) comes back as typed, and its ids name its tasks
        export = {"id", "title", "status", "steps_done"} <= set(headers)
        cell = formula_unguarded if export else str
        records = [(number, {field: cell(row[header]) for header, field in mapping.items()}) for number, row in rows]
        exported_ids = {number: row["id"].strip() for number, row in rows} if export else {}
        # the board that wrote each row, as its list says (another board's ids and links name that
        # board's records: its rows are new tasks here, its links left out but those to its own rows)
        marks = {number: row[BOARD_COLUMN] for number, row in rows} if export and BOARD_COLUMN in headers else {}
        order = days_first([record for _, record in records])

        def build(tx: Transaction) -> dict:
            members = [m.name for m in self.members()]
            now = self.clock()
            whose = owner_or_actor(self, owner)
            on_board = self.tasks()
            by_id = {t.id: t for t in on_board} if export else {}
            same = {(t.title, t.owner, t.status, t.due): t for t in on_board}
            problems: list[Reason] = []
            tasks: list[Task] = []
            updates: list[tuple[int, Task, Task]] = []
            seen_ids: dict[str, int] = {}
            rows_of: dict[str | None, int] = {}  # each owner of a new task -> the first row of theirs
            ours = self.own_keys()  # (the keys its own lists may carry)
            foreign: dict[int, str] = {}  # a row of another board's list -> that board's key
            links_left: Counter[str] = Counter()  # its links left out, by field
            waits: dict[int, list[str]] = {}  # such a row's depends, as that board's ids
            new_of: dict[tuple[str, str], Task] = {}  # (that board, its id) -> the new task its row made
            made: dict[int, Task] = {}  # such a row -> the new task it made
            foreign_twins = False  # such a row is a task here already (the board's own list, moved?)
            made_in_rows: list[tuple[int, Task]] = []  # each new task and its row
            unchanged = 0
            for number, record in records:
                try:
                    fields = row_task(record, order)
                except ValueError as error:
                    problems.append(Reason("row {number}: {error}", number=number, error=error))
                    continue
                if "done_at" in fields:
                    fields["done_at"] = done_moment(fields["done_at"], now)
                own_id = exported_ids.get(number, "")
                if (other := elsewhere(marks.get(number, ""), ours)) is not None:
                    foreign[number], own_id = other, ""  # (its id names a task of that board)
                    for field in ("goal", "strategy", "deal"):
                        links_left[field] += fields.pop(field, None) is not None
                    waits[number] = fields.pop("depends", [])
                was = by_id.get(own_id)
                if (named := fields.pop("owner", None)) is not None and members:
                    if was is not None and named == was.owner:
                        member = named  # (one who has left keeps what they own until it is handed on)
                    elif (member := member_for(named.strip(), members)) is None:
                        if (near := nearest_member(named.strip(), members)) is not None:  # (a typo: as an option's)
                            problems.append(Reason("row {number}: owner: {owner!r} is not a member of this board "
                                                   "(did you mean {near}?)", number=number, owner=named, near=near))
                        else:
                            problems.append(Reason("row {number}: owner: {owner!r} is not a member of this board",
                                                   number=number, owner=named))
                        continue
                    named = member
                # a row of the board's own list whose id is a task of the board with the same title,
                # or the same owner and due date (its title changed): a bulk edit of that task; one
                # with neither is refused (another board's list: its ids cleared, its rows are new)
                here = by_id.get(own_id)
                if here is not None and not (here.title == clean_line(fields["title"]) or (
                        here.due is not None and here.due == fields.get("due")
                        and here.owner == (named or here.owner))):
                    # (neither a bulk edit one can be sure of, nor a new task one can be sure of)
                    problems.append(Reason("row {number}: id: {id} is {title!r} on this board; the row's title and due "
                                           "date both differ: keep one of them to change {id} (change the other in a "
                                           "second import), or clear the row's id to add it as a new task",
                                           number=number, id=here.id, title=here.title))
                    continue
                if here is not None:
                    if (repeat := repeated_id(seen_ids, here.id, number)) is not None:
                        problems.append(repeat)
                        continue
                    if "status" in record and "status" not in fields:
                        problems.append(Reason("row {number}: status: blank; {id} needs one (one of: {statuses})",
                                               number=number, id=here.id, statuses=", ".join(STATUSES)))
                        continue
                    # a blank cell clears its field (a column the file leaves out leaves it as it is)
                    data = {**msgspec.to_builtins(here), **{key: CLEARED[key] for key in record if key in CLEARED},
                            **fields}
                    if "owner" in record:
                        data["owner"] = named
                    if "steps" in fields:  # (the ticks as the cell has them)
                        data["steps"] = fields["steps"]
                    try:
                        new = self._validate_task(tx, {k: v for k, v in data.items() if v is not None}, here)
                    except Invalid as error:
                        problems.append(Reason("row {number}: {id}: {error}", number=number, id=here.id,
                                               error=error.at_field()))
                        continue
                    if changed_keys(here, new):
                        updates.append((number, here, new))
                    else:
                        unchanged += 1
                    continue
                try:
                    task = self._validate_task(tx, {**fields, "owner": named or whose,
                                                    "id": format_id("task", tx.nextnumber("task"))})
                except Invalid as error:
                    problems.append(Reason("row {number}: {error}", number=number, error=error.at_field()))
                    continue
                if (twin := same.get((task.title, task.owner, task.status, task.due))) is not None:
                    problems.append(Reason("row {number}: {id} is on this board already (the same title, owner, "
                                           "status and due date); importing it would add it a second time",
                                           number=number, id=twin.id))
                    foreign_twins = foreign_twins or number in foreign
                    continue
                same[(task.title, task.owner, task.status, task.due)] = task
                tasks.append(task)
                made_in_rows.append((number, task))
                rows_of.setdefault(task.owner, number)
                if number in foreign:
                    made[number] = task
                    new_of.setdefault((foreign[number], exported_ids.get(number, "")), task)
            # another board's row waits for the tasks of its rows (new here), not for that board's others
            kept_waits = 0
            for number, task in made.items():
                linked = list(dict.fromkeys(new_of[(foreign[number], other)].id for other in waits[number]
                                            if (foreign[number], other) in new_of))
                try:  # (checked as the task's own field: at most 50)
                    task.depends = convert({**msgspec.to_builtins(task), "depends": linked}, Task).depends
                except Invalid as error:
                    problems.append(Reason("row {number}: {error}", number=number, error=error))
                kept_waits += len(task.depends)
                links_left["depends"] += len(waits[number]) - len(task.depends)
            graph = {t.id: t.depends for t in tasks}
            for number, task in made.items():
                if loop := waiting_loop(task.id, task.depends, graph):
                    problems.append(Reason("row {number}: {error}", number=number, error=Invalid("depends", loop)))
                    break
            graph = {**{t.id: t.depends for t in on_board}, **{t.id: t.depends for _, _, t in updates}}
            for number, _, task in updates:  # (each row was checked against the board as it was)
                if loop := waiting_loop(task.id, task.depends, graph):
                    problems.append(Reason("row {number}: {id}: {error}", number=number, id=task.id,
                                           error=Invalid("depends", loop)))
                    break
            refusals = self._done_dates([(number, None, task) for number, task in made_in_rows] + updates, problems,
                                        lambda number, _, why: Reason("row {number}: {error}", number=number,
                                                                      error=Reason("{field}: {error}", field="done_at",
                                                                                   error=why)))
            if problems:
                raise nothing_imported_maybe_own(shown, problems, foreign_twins and self.keyed_by_path())
            if refusals:
                raise refusals[0]
            self._check_each([*((Reason("row {row}", row=number), "task.add", None, who)
                                 for who, number in rows_of.items()),  # (each owner's first new task)
                               *((Reason("row {row}: {id}", row=number, id=old.id), task_action(old, new),
                                  old.owner, new.owner) for number, old, new in updates)])
            changes = []
            for number, old, new in updates:
                keys = changed_keys(old, new)
                if not dry_run:
                    self._put_update(tx, task_action(old, new), "task", old, new)
                    if new.every and new.status == "done" and old.status != "done":
                        self._repeat(tx, new)
                before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
                said = [key for key in before if key in keys and key != "done_at"]
                changes.append({"row": number, "id": old.id, "title": new.title,
                                "before": {key: before.get(key) for key in said},
                                "after": {key: after.get(key) for key in said}, "comments": 0, "depends": []})
            if not dry_run:
                for task in tasks:
                    self._put_new(tx, "task.add", "task", task)
            return {"updated": changes, "unchanged": unchanged, "kept": [],
                    "imported": 0 if dry_run else len(tasks), "tasks": len(tasks), "dry_run": dry_run,
                    "first": tasks[0].id if tasks and not dry_run else None,
                    "last": tasks[-1].id if tasks and not dry_run else None,
                    "by_status": dict(Counter(t.status for t in tasks)), "left_out": {}, "comments": 0,
                    "depends_unlinked": 0, "repeating": 0, "repeats_unread": [], "repeated_on_board": 0,
                    "deleted": [], "mapping": mapping,
                    # rows of another board's list: new tasks here, their links to that board's records left out
                    "another_board": {"rows": sorted(foreign), "boards": sorted(set(foreign.values())),
                                      "left_out": {k: n for k, n in links_left.items() if n},
                                      "depends_kept": kept_waits} if foreign else None}
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


def task_action(old: Task, new: Task) -> str:
    """What a change to a task is, for the rule that checks it and the log: a move when only its
    status changed (with when it was done, or the uuid an import remembers), else an edit."""
    return "task.move" if changed_keys(old, new) - {"done_at", "source"} == {"status"} else "task.edit"


def _deletes_an_imported_task(doc: dict) -> bool:
    """A log record (raw) of a task deleted that an import brought (its source: a taskwarrior uuid)."""
    return (doc.get("action") == "task.delete" and doc.get("after") is None
            and bool((doc.get("before") or {}).get("source")))


def _repeated_on_board(read: list[dict], olds: dict[int, Task], candidates: dict[int, Task],
                       on_board: list[Task]) -> int:
    """Of a taskwarrior list read again, the new occurrences of a repeating task whose series
    the board already repeats (an earlier import made one of its occurrences repeat, or the board
    made the next when it was done) and that stays open: the open occurrence the board made (it
    knows no uuid) becomes the file's last new one; a new one due after the board's open one is
    left out (done, the board's makes it: it would come twice); one due before comes, not
    repeating. Changes `olds` and `candidates`; returns how many were left out."""
    following = {t.previous: t for t in on_board if t.previous}
    left = 0
    for parent in {f["parent"] for f in read if f.get("parent")}:
        matched = {task.id: index for index, task in olds.items() if read[index].get("parent") == parent}
        series: dict[str, Task] = {}  # the board's occurrences of it: those the file names, and what followed
        for task in (olds[index] for index in matched.values()):
            while task is not None and task.id not in series:
                series[task.id] = task
                task = following.get(task.id)
        # its open repeating occurrence, as it stays after the import (one the file has done is done)
        here = [task for task in series.values() if task.every and task.status != "done"
                and (task.id not in matched or read[matched[task.id]]["status"] != "done")]
        if not here:
            continue
        task = max(here, key=lambda one: one.due)  # (a repeating task has a due date)
        index = matched.get(task.id)
        new = sorted((i for i in candidates if read[i].get("parent") == parent and read[i]["status"] != "done"),
                     key=lambda i: read[i].get("due") or date.min)
        if index is None and new and task not in olds.values():  # made by the board: the file's last is it
            index = new.pop()
            olds[index] = task
            del candidates[index]
        due = read[index]["due"] if index is not None and read[index].get("due") else task.due
        for i in new:
            if read[i].get("due") is not None and read[i]["due"] > due:
                del candidates[i]
                left += 1
            else:
                candidates[i].every = None
    return left
