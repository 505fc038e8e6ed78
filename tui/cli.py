"""The `uplift` command: opens the board, or runs one verb for scripts and reps over SSH.

Exit codes: 0 done; 1 refused or not found (one line on stderr); 2 bad usage or bad input.
This module must stay light: it imports neither Textual nor pandas (a rep on a slow link types
`uplift task done T-4`); the TUI is imported only when a board is opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sales.dates import DateError, parse_date
from sales.errors import Invalid, UpliftError
from sales.tasks import PRIORITIES, STATUSES, normalize_status
from sales.text import safe

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(UpliftError):
    """A value on the command line is wrong (exit 2)."""


def _board(args: argparse.Namespace, create: bool = False):
    from store.board import Board
    from store.location import default_board_path

    path = Path(args.board) if args.board else default_board_path()
    return Board(path, create=create)


def _date(board, text: str | None, field: str) -> str | None:
    if text is None:
        return None
    if text.strip().lower() in ("", "none", "-"):
        return ""
    try:
        return parse_date(text, board.today()).isoformat()
    except DateError as error:
        raise Invalid(field, str(error)) from None


def _status(text: str) -> str:
    try:
        return normalize_status(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# ---------------------------------------------------------------------- verbs


def cmd_open(args: argparse.Namespace) -> int:
    from tui.app import run_app

    board = _board(args, create=True)
    run_app(board)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from store.board import Board
    from store.demo import seed_demo

    path = Path(args.board) if args.board else Path(tempfile.mkdtemp(prefix="uplift-demo-")) / "board"
    if (path / "board.json").exists():
        raise BadInput(f"{path} already holds a board; the demo needs a new folder")
    seed_demo(path)
    if args.no_open:
        print(path)
        return EXIT_OK
    from tui.app import run_app

    run_app(Board(path, actor=_demo_actor(path)))
    print(f"The demo board is kept at {path}; open it again with: uplift --board {path}")
    return EXIT_OK


def _demo_actor(path: Path) -> str:
    """Whoever runs the demo acts as its lead, unless UPLIFT_USER names a member."""
    import os

    from store.board import Board
    from store.demo import DEMO_LEAD

    named = os.environ.get("UPLIFT_USER")
    if named and Board(path, actor=named).role is not None:
        return named
    return DEMO_LEAD


def cmd_task_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, task_rows

    board = _board(args)
    tasks = board.tasks()
    if args.mine:
        tasks = [t for t in tasks if t.owner == board.actor]
    if args.owner:
        tasks = [t for t in tasks if t.owner == args.owner]
    if args.status:
        tasks = [t for t in tasks if t.status == args.status]
    if args.json:
        print_json(tasks)
    elif tasks:
        print(task_rows(tasks, board.today()))
    else:
        print("No tasks match." if board.tasks() else
              "No tasks yet: add one with `uplift task add \"Call the top 20 accounts\" --due fri`.")
    return EXIT_OK


def _task_fields(board, args: argparse.Namespace) -> dict:
    fields = {
        "owner": args.owner,
        "priority": args.priority,
        "start": _date(board, args.start, "start"),
        "due": _date(board, args.due, "due"),
        "goal": args.goal,
        "strategy": args.strategy,
        "expected_result": args.expected,
        "measure": args.measure,
    }
    if getattr(args, "status", None):
        fields["status"] = args.status
    if getattr(args, "step", None):
        fields["steps"] = [{"text": text} for text in args.step]
    # an empty value clears a field when editing
    return {k: (None if v == "" else v) for k, v in fields.items() if v is not None}


def cmd_task_add(args: argparse.Namespace) -> int:
    board = _board(args, create=True)
    task = board.add_task(args.title, **_task_fields(board, args))
    print(task.id)
    _warn_wip(board, task.status)
    return EXIT_OK


def cmd_task_edit(args: argparse.Namespace) -> int:
    board = _board(args)
    fields = _task_fields(board, args)
    if args.title is not None:
        fields["title"] = args.title
    if not fields:
        raise BadInput("nothing to change: give at least one of --title, --owner, --due, ...")
    task = board.update_task(args.id, **fields)
    print(task.id)
    return EXIT_OK


def cmd_task_move(args: argparse.Namespace) -> int:
    board = _board(args)
    task = board.move_task(args.id, args.status)
    print(f"{task.id} → {task.status}")
    _warn_wip(board, task.status)
    return EXIT_OK


def cmd_task_done(args: argparse.Namespace) -> int:
    board = _board(args)
    task = board.move_task(args.id, "done")
    print(f"{task.id} → done")
    return EXIT_OK


def cmd_task_show(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, task_detail

    board = _board(args)
    task = board.task(args.id)
    history = board.history(item=task.id)
    if args.json:
        print_json({"task": task, "history": history})
    else:
        print(task_detail(task, history))
    return EXIT_OK


def cmd_task_delete(args: argparse.Namespace) -> int:
    board = _board(args)
    task = board.delete_task(args.id)
    print(f"deleted {task.id}")
    return EXIT_OK


def _warn_wip(board, status: str) -> None:
    limit = board.wip_limits().get(status)
    if limit is not None:
        count = sum(1 for t in board.tasks() if t.status == status)
        if count > limit:
            print(f"warning: {status} holds {count} tasks, over its WIP limit of {limit}", file=sys.stderr)


def cmd_log(args: argparse.Namespace) -> int:
    from tui.cli_output import log_rows, print_json

    board = _board(args)
    records = board.history(item=args.item, limit=args.limit, actor=args.actor)
    if args.json:
        print_json(records)
    else:
        print(log_rows(records) if records else "No activity yet.")
    return EXIT_OK


def cmd_member_add(args: argparse.Namespace) -> int:
    board = _board(args, create=True)
    member = board.add_member(args.name, args.role)
    print(f"{member.name} ({member.role})")
    return EXIT_OK


def cmd_member_remove(args: argparse.Namespace) -> int:
    board = _board(args)
    member = board.remove_member(args.name)
    print(f"removed {member.name}")
    return EXIT_OK


def cmd_member_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = _board(args)
    members = board.members()
    if args.json:
        print_json(members)
    elif members:
        print(table(["NAME", "ROLE"], [[m.name, m.role] for m in members]))
    else:
        print("No members: the board is in single-user mode (everyone is a lead). "
              "Add the lead first: `uplift member add NAME --role lead`.")
    return EXIT_OK


def cmd_wip(args: argparse.Namespace) -> int:
    board = _board(args, create=True)
    if args.status is None:
        limits = board.wip_limits()
        print("\n".join(f"{s}: {limits[s]}" for s in STATUSES if s in limits) or "No WIP limits set.")
        return EXIT_OK
    if args.limit is None:
        raise BadInput("give a limit (a whole number) or `off`")
    limit = None if args.limit.lower() in ("off", "none", "0") else _positive(args.limit)
    board.set_wip_limit(args.status, limit)
    print(f"{args.status}: {limit if limit else 'no limit'}")
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit():
        raise BadInput(f"limit: {text!r} is not a whole number")
    return int(text)


# ---------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--board", metavar="DIR", default=argparse.SUPPRESS,
                        help="the board folder (default: $UPLIFT_BOARD, else the XDG data dir)")
    parser = argparse.ArgumentParser(prog="uplift", parents=[common],
                                     description="A planning board for a sales team's improvement cycle.")
    parser.set_defaults(run=cmd_open)
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")

    def verb(group, name: str, run: Callable, help: str) -> argparse.ArgumentParser:
        sub = group.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    demo = verb(verbs, "demo", cmd_demo, "open a fresh temporary board seeded with the sample plan")
    demo.add_argument("--no-open", action="store_true", help="seed the board, print its path, don't open it")

    task = verbs.add_parser("task", help="list, add, move and show tasks").add_subparsers(
        title="task commands", metavar="VERB", required=True)
    lst = verb(task, "list", cmd_task_list, "list tasks")
    lst.add_argument("--mine", action="store_true", help="only my tasks")
    lst.add_argument("--status", type=_status, help=f"only this status ({', '.join(STATUSES)})")
    lst.add_argument("--owner", metavar="U", help="only this owner's tasks")
    lst.add_argument("--json", action="store_true", help="machine-readable output")

    def task_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--owner", metavar="U")
        sub.add_argument("--due", metavar="DATE", help="YYYY-MM-DD, today, +3d, fri")
        sub.add_argument("--start", metavar="DATE")
        sub.add_argument("--priority", choices=PRIORITIES)
        sub.add_argument("--goal", metavar="G")
        sub.add_argument("--strategy", metavar="S")
        sub.add_argument("--status", type=_status)
        sub.add_argument("--step", action="append", metavar="TEXT", help="a checklist step (repeatable)")
        sub.add_argument("--expected", metavar="TEXT", help="expected result")
        sub.add_argument("--measure", metavar="TEXT", help="how the result is measured")

    add = verb(task, "add", cmd_task_add, "add a task and print its id")
    add.add_argument("title")
    task_options(add)
    edit = verb(task, "edit", cmd_task_edit, "change fields of a task (an empty value clears one)")
    edit.add_argument("id")
    edit.add_argument("--title")
    task_options(edit)
    move = verb(task, "move", cmd_task_move, "move a task to another status")
    move.add_argument("id")
    move.add_argument("status", type=_status)
    done = verb(task, "done", cmd_task_done, "mark a task done")
    done.add_argument("id")
    show = verb(task, "show", cmd_task_show, "show a task with its history")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    delete = verb(task, "delete", cmd_task_delete, "delete a task (leads only)")
    delete.add_argument("id")

    log = verb(verbs, "log", cmd_log, "the activity log, newest first")
    log.add_argument("--limit", type=int, default=50, metavar="N")
    log.add_argument("--item", metavar="ID", help="only records about this item (T-4, ali)")
    log.add_argument("--actor", metavar="U", help="only records by this person")
    log.add_argument("--json", action="store_true")

    member = verbs.add_parser("member", help="the board's members and roles").add_subparsers(
        title="member commands", metavar="VERB", required=True)
    madd = verb(member, "add", cmd_member_add, "add a member (the first must be a lead)")
    madd.add_argument("name")
    madd.add_argument("--role", choices=("lead", "rep"), required=True)
    mrem = verb(member, "remove", cmd_member_remove, "remove a member")
    mrem.add_argument("name")
    mlist = verb(member, "list", cmd_member_list, "list members")
    mlist.add_argument("--json", action="store_true")

    wip = verb(verbs, "wip", cmd_wip, "show WIP limits, or set one: uplift wip doing 4 (or off)")
    wip.add_argument("status", nargs="?", type=_status)
    wip.add_argument("limit", nargs="?")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "board"):
        args.board = None
    try:
        return args.run(args)
    except (Invalid, BadInput) as error:
        print(f"uplift: {safe(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UpliftError as error:
        print(f"uplift: {safe(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
