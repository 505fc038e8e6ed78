"""`uplift task ...`: list, add, edit, move, finish, show and delete tasks."""

from __future__ import annotations

import argparse
import sys

from sales.dates import LAST_YEAR
from sales.errors import NotFound
from sales.ids import split_ids
from sales.tasks import PRIORITIES, REPEATS, STATUSES, split_tags
from sales.text import safe
from tui.change_text import say_edit
from tui.cli_output import say_line
from tui.cli_refs import COMMAS, add_ref, names
from tui.cli_support import (
    EXIT_OK,
    BadInput,
    add_output_flags,
    add_path,
    add_verb,
    check_output_flags,
    cli_date,
    import_span,
    item_number,
    open_board,
    priority_arg,
    repeat_arg,
    status_arg,
    stdin_file,
    whose,
)
from tui.i18n import N_, _, enumerated, fill, n_


def cmd_task_list(args: argparse.Namespace) -> int:
    from tui.cli_output import TASK_COLUMNS, print_csv, print_json, task_cells, task_rows

    check_output_flags(args)
    board = open_board(args, tasks_only=True)
    tasks = board.tasks()
    if owner := whose(args, board):
        tasks = [t for t in tasks if t.owner == owner]
    if args.status:
        tasks = [t for t in tasks if t.status == args.status]
    if args.open:  # taskwarrior's `task list`: what is left to do
        tasks = [t for t in tasks if t.status != "done"]
    if args.tag:
        wanted = args.tag.strip().lstrip("+").lower()
        tasks = [t for t in tasks if wanted in t.tags]
    for link in ("goal", "strategy", "deal"):  # the work serving one goal, strategy or deal
        if wanted := getattr(args, link):
            tasks = [t for t in tasks if (getattr(t, link) or "").upper() == wanted.strip().upper()]
    if args.search:  # taskwarrior's `task /isdom/ list`: the words in its title, tags, result or measure
        from sales.search import holds_words

        tasks = [t for t in tasks if holds_words(args.search, t.title, " ".join(t.tags), t.expected_result, t.measure)]
    if args.due_by is not None:  # taskwarrior's `due.before:fri`: what is left to do by then, overdue too
        by = cli_date(board, args.due_by, "due-by")
        if not by:
            raise BadInput("--due-by: give a day (YYYY-MM-DD, today, fri, +1w)")
        tasks = [t for t in tasks if t.due is not None and t.status != "done" and t.due.isoformat() <= by]
    if args.json:
        print_json(tasks)
    elif args.csv:
        key = board.key()
        print_csv(TASK_COLUMNS, [task_cells(t, key) for t in tasks], args.output, board)
    elif tasks:
        print(task_rows(tasks, board.today()))
    else:
        say_line(_("No tasks match.") if board.tasks() else
                 _("No tasks yet: add one with `uplift task add \"Call the top 20 accounts\" --due fri`."))
    return EXIT_OK


def _steps(board, args: argparse.Namespace) -> list[dict]:
    """The steps --step gives; on an edit, a step the task has already keeps its tick."""
    if len(args.step) == 1 and not args.step[0].strip():
        return []  # `--step ""` alone: no steps (an empty value clears a field)
    for number, text in enumerate(args.step, 1):
        if not text.strip():
            raise BadInput("--step: step {number} is empty (a step needs some text; --step \"\" alone clears them)",
                           number=number)
    ticked = {step.text for step in board.task(args.id).steps if step.done} if getattr(args, "id", None) else set()
    return [{"text": text, "done": text.strip() in ticked} for text in args.step]


def _task_fields(board, args: argparse.Namespace) -> dict:
    fields = {
        "owner": args.owner,
        "priority": args.priority,
        "start": cli_date(board, args.start, "start"),
        "due": cli_date(board, args.due, "due"),
        "goal": args.goal,
        "strategy": args.strategy,
        "deal": args.deal,
        "expected_result": args.expected,
        "measure": args.measure,
    }
    if getattr(args, "status", None):
        fields["status"] = args.status
    if getattr(args, "step", None):
        fields["steps"] = _steps(board, args)
    if getattr(args, "tags", None) is not None:  # "" clears them
        fields["tags"] = split_tags(args.tags) or ""
    if getattr(args, "depends", None) is not None:  # "" clears it
        fields["depends"] = split_ids(args.depends) or ""
    if getattr(args, "every", None) is not None:
        try:
            fields["every"] = repeat_arg(args.every) or ""  # "" (none) clears it
        except ValueError as error:
            raise BadInput("--every: {error}", error=error) from None
    # an empty value clears a field when editing
    return {k: (None if v == "" else v) for k, v in fields.items() if v is not None}


def cmd_task_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True, tasks_only=True)
    fields = _task_fields(board, args)
    if args.owner == "":  # nobody's (left out: the actor's)
        fields["owner"] = ""
    task = board.add_task(args.title, **fields)
    if args.json:
        _print_task(board, task)
    else:
        print(task.id)
    _warn_wip(board, task.status)
    return EXIT_OK


def cmd_task_edit(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    fields = _task_fields(board, args)
    if args.title is not None:
        fields["title"] = args.title
    if not fields:
        raise BadInput("nothing to change: give at least one of --title, --owner, --due, ...")
    before = board.task(args.id)
    was = before.status
    task = board.update_task(args.id, **fields)
    if args.json:
        _print_task(board, task, was)
    else:
        say_edit("task.edit", before, task)
    if task.status != was:  # a move by another name: said as `task move` says it
        if not args.json:
            _tell_next(board, task, was)
        _warn_waiting(board, task)
        _warn_wip(board, task.status)
    return EXIT_OK


def _print_tasks(board, tasks: list, was: dict[str, str]) -> None:
    """`--json` on a command that changed several tasks at once: each as `_print_task` prints one,
    in a list; one task alone as `_print_task` prints it (the contract's `task done ID --json`)."""
    from tui.cli_output import print_json

    if len(tasks) == 1:
        _print_task(board, tasks[0], was[tasks[0].id])
        return
    print_json([_task_shown(board, task, was[task.id]) for task in tasks])


def _statuses_before(board, ids: list[str]) -> dict[str, str]:
    """Each task's status before a change, by its id (NotFound, nothing written, for one missing)."""
    return {task.id: task.status for task in (board.task(task_id) for task_id in ids)}


def cmd_task_move(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    was = _statuses_before(board, args.id)
    tasks = board.move_tasks(args.id, args.status)
    if args.json:
        _print_tasks(board, tasks, was)
    from sales.tasks import STATUS_LABELS

    for task in tasks:
        if task.status == was[task.id]:  # (said, as `task done` says it: "→ doing" twice read as two moves)
            if not args.json:
                print(_("{id} was already {status}").format(id=task.id, status=_(STATUS_LABELS[task.status])))
            continue
        if not args.json:  # (the column's label, as the board and `deal move`'s stage say it: not "todo")
            print(f"{task.id} → {_(STATUS_LABELS[task.status])}")
            _tell_next(board, task, was[task.id])
        _warn_waiting(board, task)
    if any(task.status != was[task.id] for task in tasks):
        _warn_wip(board, tasks[0].status)
    return EXIT_OK


def cmd_task_done(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    was = _statuses_before(board, args.id)
    tasks = board.move_tasks(args.id, "done")
    if args.json:
        _print_tasks(board, tasks, was)
    for task in tasks:
        if not args.json:
            print(_("{id} was already done").format(id=task.id) if was[task.id] == "done"
                  else f"{task.id} → {_('Done')}")
            _tell_next(board, task, was[task.id])
        if was[task.id] != "done":  # (done again, nothing moved on: `task move` to the status it has says no note either)
            _warn_waiting(board, task)
    return EXIT_OK


def cmd_task_start(args: argparse.Namespace) -> int:
    """taskwarrior's `task start` and `task stop`: to Doing, and from Doing back to To do. A done
    task is neither started nor stopped (`task move` reopens it); stopping one that is not Doing
    moves nothing, and says so."""
    from sales.errors import Refused
    from sales.tasks import STATUS_LABELS

    board = open_board(args, tasks_only=True)
    was = _statuses_before(board, args.id)
    for task_id, status in was.items():
        if status == "done":
            raise Refused("{id} is done: `uplift task move {id} {status}` reopens it", id=task_id, status=args.status)
    moving = [task_id for task_id, status in was.items() if args.status == "doing" or status == "doing"]
    for task_id in was:
        if task_id not in moving:
            print(_("{id} is {status}, not started: nothing to stop").format(
                id=task_id, status=_(STATUS_LABELS[was[task_id]])), file=sys.stderr if args.json else sys.stdout)
    if moving:
        args.id = moving
        return cmd_task_move(args)
    if args.json:  # (stdout stays JSON: the tasks, as they are)
        _print_tasks(board, [board.task(task_id) for task_id in was], was)
    return EXIT_OK


def cmd_task_tick(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    task = board.task(args.id)
    # the rule first: a rep ticking another's task was told to give it steps, which they may not
    board.require("task.step", task.owner, task.owner)
    if not task.steps:  # ("it has 0" would leave a person wondering how to give it some)
        raise NotFound("{id} has no checklist steps (`task edit {id} --step TEXT` gives it some)", id=task.id)
    if not 1 <= args.step <= len(task.steps):
        raise NotFound("{id} has no step {n} (it has {count})", id=task.id, n=args.step, count=len(task.steps))
    if task.steps[args.step - 1].done == args.undo:  # not yet as wanted
        task = board.toggle_step(task.id, args.step - 1)
    if args.json:
        _print_task(board, task)
        return EXIT_OK
    step = task.steps[args.step - 1]
    done = sum(s.done for s in task.steps)
    print(f"{task.id} {args.step}. [{'x' if step.done else ' '}] {safe(step.text)}  ({done}/{len(task.steps)})")
    return EXIT_OK


def _print_task(board, task, was: str | None = None) -> None:
    """`--json` on a command that changes a task: the task as `task show --json` prints it (with
    its history, this change included); after a move (`was`: its status before), `next` too: the
    occurrence a repeating task just done made, or null. A note (a repeat at its last year, the
    work it waits for, a WIP limit) stays on stderr: stdout is the JSON alone."""
    from tui.cli_output import print_json

    print_json(_task_shown(board, task, was))


def _task_shown(board, task, was: str | None) -> dict:
    """One task as `--json` shows it after a change (`_print_task`), its `next` after a move."""
    shown = {"task": task, "history": board.history(item=task.id)}
    if was is not None:
        made = task.every and task.status == "done" and was != "done"
        shown["next"] = board.next_of(task.id) if made else None
        if made and shown["next"] is None:
            _tell_next(board, task, was)  # (its "repeats no more" note, on stderr)
    return shown


def _warn_waiting(board, task) -> None:
    """Moving on a task that waits for unfinished work is allowed (plans change), but said."""
    from sales.tasks import STATUS_LABELS, waiting_on

    if task.status in ("doing", "done") and task.depends:
        by_id = {t.id: t for t in board.tasks()}
        if waiting := waiting_on(task, by_id):
            print(_("note: {id} waits for {others}").format(
                id=task.id, others=", ".join(f"{o} ({_(STATUS_LABELS[by_id[o].status])})" for o in waiting)),
                file=sys.stderr)


def _tell_next(board, task, was: str) -> None:
    """A repeating task just done (it was not before): say which task is its next occurrence,
    and when it is due."""
    if task.every and task.status == "done" and was != "done":
        if (after := board.next_of(task.id)) is not None:
            print(_("next: {id} due {due} ({every})").format(id=after.id, due=after.due, every=_(after.every)))
        else:  # its next date would be past the last year a plan holds
            print(_("note: {id} repeats no more: its next date would be after {year}").format(
                id=task.id, year=LAST_YEAR), file=sys.stderr)


def cmd_task_step(args: argparse.Namespace) -> int:
    """`task step T-9 Call the five December renewals`: one more step, the others kept."""
    board = open_board(args, tasks_only=True)
    task = board.add_step(args.id, " ".join(args.text))
    if args.json:
        _print_task(board, task)
        return EXIT_OK
    done = sum(s.done for s in task.steps)
    print(f"{task.id} {len(task.steps)}. [ ] {safe(task.steps[-1].text)}  ({done}/{len(task.steps)})")
    return EXIT_OK


def cmd_task_show(args: argparse.Namespace) -> int:
    from tui.cli_output import detail_on_screen, print_json, task_detail

    board = open_board(args, tasks_only=True)
    task = board.task(args.id)
    history = board.history(item=task.id)
    if args.json:
        print_json({"task": task, "history": history})
    else:
        print(detail_on_screen(task_detail(task, history, {t.id: t for t in board.tasks()} if task.depends else None)))
    return EXIT_OK


def cmd_task_comment(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    before = board.task(args.id)
    task = board.comment_task(args.id, " ".join(args.text))
    if args.json:
        _print_task(board, task)
    else:
        say_edit("task.comment", before, task)
    return EXIT_OK


def cmd_task_delete(args: argparse.Namespace) -> int:
    board = open_board(args, tasks_only=True)
    for task in board.delete_tasks(args.id):
        print(_("deleted {id}").format(id=task.id))
    return EXIT_OK


def cmd_task_import(args: argparse.Namespace) -> int:
    """Bring a taskwarrior task list in (`task export > tasks.json`), all or nothing."""
    from store.tasks import MAX_TASKS_FILE
    from tui.cli_output import print_another_board, print_json

    if args.file == "-":  # standard input: `task export | ssh host task import -`
        with stdin_file(MAX_TASKS_FILE, N_("{file}: more than {mb} MB; split the file"),
                        prefix="uplift-tasks-", suffix=".json") as path:
            board = open_board(args, create=True)
            result = board.import_tasks(path, owner=args.owner, dry_run=args.dry_run,
                                        name="<stdin>", with_deleted=args.with_deleted)
    else:
        board = open_board(args, create=True)
        result = board.import_tasks(args.file, owner=args.owner, dry_run=args.dry_run,
                                    with_deleted=args.with_deleted)
    if args.json:
        print_json(result)
        return EXIT_OK
    count = result["tasks"]
    span = import_span(result)
    from sales.tasks import STATUS_LABELS

    statuses = enumerated(f"{_(STATUS_LABELS[status])} {n}" for status, n in result["by_status"].items())
    if count or not (result.get("updated") or result.get("unchanged") or result.get("kept") or result.get("deleted")):
        print((n_("would import {count} task{span}: {statuses}", "would import {count} tasks{span}: {statuses}", count)
               if args.dry_run else
               n_("imported {count} task{span}: {statuses}", "imported {count} tasks{span}: {statuses}", count)
               ).format(count=count, span=span, statuses=statuses))
    else:
        print(_("no new tasks"))
    if "updated" in result:
        _print_task_updates(result, args.dry_run)
    if mapping := result.get("mapping"):  # a spreadsheet's columns, as read: said, so a wrong guess is seen
        print(_("columns: {mapping}").format(mapping=", ".join(f"{c} → {f}" for c, f in mapping.items())))
    print_another_board(result.get("another_board"), board.keyed_by_path(), args.dry_run)
    if comments := result["comments"]:
        print(n_("{count} annotation became a comment", "{count} annotations became comments", comments).format(
            count=comments))
    if left := sum(result["left_out"].values()):
        print(n_("left out {count} deleted task or repeating task's template (its occurrences are tasks of their own)",
                 "left out {count} deleted tasks and repeating tasks' templates (their occurrences are tasks of "
                 "their own)", left).format(count=left))
    if repeating := result["repeating"]:
        print(n_("{count} task repeats as it did in taskwarrior (done, it makes its next occurrence)",
                 "{count} tasks repeat as they did in taskwarrior (done, each makes its next occurrence)",
                 repeating).format(count=repeating))
    if again := result.get("repeated_on_board"):
        print(n_("left out {count} new occurrence of a task the board repeats itself (done, it makes the next)",
                 "left out {count} new occurrences of tasks the board repeats itself (done, each makes the next)",
                 again).format(count=again))
    if unread := result["repeats_unread"]:
        print(_("the board repeats daily, weekly, fortnightly, monthly or quarterly: tasks that recur {recur} "
                "come once").format(recur=", ".join(unread)))
    if unlinked := result["depends_unlinked"]:
        print(n_("{count} dependency on a task not in the file was left out",
                 "{count} dependencies on tasks not in the file were left out", unlinked).format(count=unlinked))
    return EXIT_OK


def _print_task_updates(result: dict, dry_run: bool) -> None:
    """What an import did to the tasks an earlier import of the list brought (by their uuid):
    each one it changes, its fields before and after; how many are as the file has them; each
    one done on the board that the file has open, left as it is (the first MAX_LISTED of each:
    `--json` has them all)."""
    from sales.tasks import STATUS_LABELS
    from tui.cli_output import print_first

    if updated := result["updated"]:
        count = len(updated)
        print((n_("would update {count} task:", "would update {count} tasks:", count) if dry_run
               else n_("updated {count} task:", "updated {count} tasks:", count)).format(count=count))
        print_first(updated, _task_change, "  ")
    if count := result["unchanged"]:
        print(n_("{count} task already as the file has it", "{count} tasks already as the file has them",
                 count).format(count=count))
    print_first(result["kept"], lambda kept: fill(_(
        "kept {id} {title!r} as the board has it, {status}, where the file (task {number}) has it {file_status}: "
        "`{move}` follows the file"),
        id=kept["id"], title=kept["title"], status=_(STATUS_LABELS[kept["status"]]), number=kept["row"],
        file_status=_(STATUS_LABELS[kept["file_status"]]),
        move=f"uplift task move {kept['id']} {kept['file_status']}"))
    if deleted := result.get("deleted"):
        count = len(deleted)
        print(n_("left out {count} task deleted on this board (--with-deleted imports it again):",
                 "left out {count} tasks deleted on this board (--with-deleted imports them again):", count).format(
            count=count))
        print_first(deleted, lambda gone: _("task {number}: {id} {title!r}, deleted by {by} on {on}").format(
            number=gone["row"], id=gone["id"], title=gone["title"], by=gone["by"], on=gone["on"]), "  ")


def _task_change(change: dict) -> str:
    """One task an import changed: its fields before and after, its new comments and waits."""
    from sales.activity import Activity, describe
    from tui.change_text import say_change

    line = ""
    if change["before"]:
        record = Activity(seq=0, txn=0, at="", actor="", action="task.edit", item=change["id"],
                          before=change["before"], after=change["after"])
        line = say_change(describe(record))
    if added := change["comments"]:
        said = n_("{count} new comment", "{count} new comments", added).format(count=added)
        line = f"{line}; {said}" if line else f"{change['id']}: {said}"
    if change["depends"]:
        said = _("{id} waits for {ids}").format(id=change["id"], ids=", ".join(change["depends"]))
        line = f"{line}; {said}" if line else said
    return line


def _warn_wip(board, status: str) -> None:
    from sales.alerts import column_load  # (here: `task done`, which needs none of it, starts without it)

    load = column_load(board.tasks(), board.wip_limits(), status)
    if load is not None and load[0] > load[1]:
        print(fill(_("warning: {status} holds {count} tasks, over its WIP limit of {limit}"),
            status=_(status), count=load[0], limit=load[1]), file=sys.stderr)


def register(verbs, common: argparse.ArgumentParser) -> None:
    changed_json = _("print the task, changed, as `task show --json` does")
    task = verbs.add_parser("task", help=_("list, add, move and show tasks")).add_subparsers(
        title=_("task commands"), metavar="VERB", required=True)
    lst = add_verb(task, common, "list", cmd_task_list, _("list tasks"))
    lst.add_argument("--mine", action="store_true", help=_("only my tasks"))
    lst.add_argument("--open", action="store_true", help=_("only unfinished tasks (to do, doing, blocked)"))
    names(lst.add_argument("--status", type=status_arg, help=_("only this status ({statuses})").format(statuses=', '.join(STATUSES))), "status")
    add_ref(lst, "--owner", kind="member", owns=("tasks",), metavar="U", help=_("only this owner's tasks"))
    add_ref(lst, "--goal", kind="goal", metavar="G", help=_("only the tasks serving this goal"))
    add_ref(lst, "--strategy", kind="strategy", metavar="S", help=_("only the tasks serving this strategy"))
    add_ref(lst, "--deal", kind="deal", metavar="D", help=_("only the tasks moving this deal forward"))
    lst.add_argument("--tag", metavar="TAG", help=_("only the tasks with this tag"))
    lst.add_argument("--search", metavar="WORDS",
                     help=_("only the tasks holding all these words (in the title, tags, expected result or measure)"))
    lst.add_argument("--due-by", metavar="DATE",
                     help=_("only the unfinished tasks due on or before this day (fri, +1w: overdue ones too)"))
    add_output_flags(lst)

    def task_options(sub: argparse.ArgumentParser, owns: tuple[str, ...] = ()) -> None:
        add_ref(sub, "--owner", kind="member", owns=owns, metavar="U",
                help=_("who does it (on add, you unless given; \"\" for nobody)"))
        sub.add_argument("--due", metavar="DATE", help="YYYY-MM-DD, today, +3d, fri")
        sub.add_argument("--start", metavar="DATE")
        sub.add_argument("--priority", type=priority_arg, choices=PRIORITIES)
        add_ref(sub, "--goal", kind="goal", metavar="G")
        add_ref(sub, "--strategy", kind="strategy", metavar="S")
        add_ref(sub, "--deal", kind="deal", metavar="D", help=_("the deal this work moves forward"))
        add_ref(sub, "--depends", kind="task", how=COMMAS, metavar="T-1,T-2", help=_("the tasks to be done first (\"\" clears)"))
        sub.add_argument("--tags", metavar="TAG,TAG", help=_("its tags, e.g. call,q4 (\"\" clears)"))
        names(sub.add_argument("--status", type=status_arg, help=_("its status ({statuses})").format(statuses=', '.join(STATUSES))), "status")
        sub.add_argument("--step", action="append", metavar="TEXT",
                         help=_("a checklist step (again for more); on edit, the steps become these, and "
                                "one the task has keeps its tick (tick with `task tick`)"))
        sub.add_argument("--expected", metavar="TEXT", help=_("expected result"))
        sub.add_argument("--measure", metavar="TEXT", help=_("how the result is measured"))
        sub.add_argument("--every", metavar="REPEAT",
                         help=_("repeat it: {repeats} (none stops); done, it makes the next one").format(
                             repeats=", ".join(REPEATS)))

    add = add_verb(task, common, "add", cmd_task_add, _("add a task and print its id"))
    add.add_argument("title")
    task_options(add)
    add.add_argument("--json", action="store_true", help=changed_json)
    edit = add_verb(task, common, "edit", cmd_task_edit, _("change fields of a task (an empty value clears one)"),
                    aliases=("modify",))
    names(edit.add_argument("id"), "task")
    edit.add_argument("--title")
    task_options(edit, owns=("tasks",))  # (a task keeps an owner who has left, until handed on)
    edit.add_argument("--json", action="store_true", help=changed_json)
    move = add_verb(task, common, "move", cmd_task_move, _("move a task to another status"))
    names(move.add_argument("id", nargs="+", metavar="ID", help=_("the task, or several (all move, or none)")), "task")
    names(move.add_argument("status", type=status_arg,
                            help=_("the status to move it to ({statuses})").format(statuses=', '.join(STATUSES))), "status")
    move.add_argument("--json", action="store_true", help=changed_json)
    for verb, status, said in (("start", "doing", _("start work on a task: move it to doing (taskwarrior's start)")),
                               ("stop", "todo", _("stop work on a task: move it from doing back to to do"))):
        begin = add_verb(task, common, verb, cmd_task_start, said)
        names(begin.add_argument("id", nargs="+", metavar="ID", help=_("the task, or several (all move, or none)")), "task")
        begin.add_argument("--json", action="store_true", help=changed_json)
        begin.set_defaults(status=status)
    done = add_verb(task, common, "done", cmd_task_done, _("mark a task done"))
    names(done.add_argument("id", nargs="+", metavar="ID", help=_("the task, or several (all are done, or none)")), "task")
    done.add_argument("--json", action="store_true", help=changed_json)
    tick = add_verb(task, common, "tick", cmd_task_tick, _("tick a step of a task's checklist done (--undo: not done)"))
    names(tick.add_argument("id"), "task")
    tick.add_argument("step", type=item_number, metavar="N", help=_("the step's number, as `task show` lists them"))
    tick.add_argument("--undo", action="store_true", help=_("mark the step not done"))
    tick.add_argument("--json", action="store_true", help=changed_json)
    step = add_verb(task, common, "step", cmd_task_step,
                    _("add a step to the end of a task's checklist (its steps and ticks stay)"))
    names(step.add_argument("id"), "task")
    step.add_argument("text", nargs="+", help=_("the step (the words may come unquoted)"))
    step.add_argument("--json", action="store_true", help=changed_json)
    show = add_verb(task, common, "show", cmd_task_show, _("show a task with its history"))
    names(show.add_argument("id"), "task")
    show.add_argument("--json", action="store_true")
    comment = add_verb(task, common, "comment", cmd_task_comment,
                       _("add a dated comment to a task (anyone on the team, on any task)"), aliases=("annotate",))
    names(comment.add_argument("id"), "task")
    comment.add_argument("text", nargs="+", help=_("what happened (the words may come unquoted)"))
    comment.add_argument("--json", action="store_true", help=changed_json)
    delete = add_verb(task, common, "delete", cmd_task_delete, _("delete a task (leads only)"))
    names(delete.add_argument("id", nargs="+", metavar="ID", help=_("the task, or several (all go, or none)")), "task")
    imp = add_verb(task, common, "import", cmd_task_import,
                   _("add the tasks of a taskwarrior export (`task export > tasks.json`), or update those an "
                     "earlier import of it brought, or a CSV or XLSX file's, a row each (all or nothing)"))
    add_path(imp, "file", help=_("the file, or - for standard input"))
    add_ref(imp, "--owner", kind="member", metavar="U",
            help=_("whose tasks they are (you unless given; \"\" for nobody; a file's owner column says it per row)"))
    imp.add_argument("--with-deleted", action="store_true",
                     help=_("import again the tasks of a taskwarrior list that were deleted on the board (left out "
                            "otherwise)"))
    imp.add_argument("--dry-run", action="store_true", help=_("check the file, write nothing"))
    imp.add_argument("--json", action="store_true")
