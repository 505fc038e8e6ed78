"""What every command of the command line shares: opening the board, dates, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sales.dates import DateError, parse_date
from sales.errors import Invalid, Reason, Refused, UpliftError, first_line
from sales.tasks import PRIORITIES, STATUS_LABELS, normalize_status
from tui.i18n import N_, _, bracketed, said

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BUG = 3            # an unexpected error: a bug in Uplift (see tui/cli.py's main)
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports a command killed by SIGINT


# What an unexpected error says. An OSError (a folder that is a file, a full disk, a permission)
# is the machine refusing, not a bug: it says which file and why, and exits 1. Anything else is
# a bug: one line naming the command and the error, exit 3; UPLIFT_DEBUG=1 lets it raise instead.
# The full-screen app says the same when it stops on an error (tui/app.py).
DEBUG_VARIABLE = "UPLIFT_DEBUG"


def debugging() -> bool:
    import os

    return os.environ.get(DEBUG_VARIABLE, "").strip() not in ("", "0")


def one_line(error: BaseException) -> str:
    """`RuntimeError: the first line of its message`, short enough for one line."""
    line = first_line(error)
    text = type(error).__name__ + (f": {line}" if line else "")
    return text if len(text) <= 200 else text[:199] + "…"


def os_reason(error: OSError) -> str:
    """`PATH: Not a directory`, or the error's own words when it names no file."""
    reason = error.strerror or one_line(error)
    if error.filename is None:
        return reason
    return f"{error.filename}: {reason}"


def write_output(path: str, data: bytes, board=None) -> None:
    """Write a command's -o file, whole or not at all and never into the board's folder
    (store.files.write_export). The machine refusing it (no such folder, no space, no
    permission) is an OSError naming the file, which the command line reports with exit 1."""
    from store.files import write_export

    write_export(path, data, board.path if board is not None else None)


def bug_report(what: str, error: BaseException) -> str:
    """The one line a user sees for a bug: what failed, the error, how to see the traceback."""
    return _("uplift: {what} failed: {error}. This is a bug in Uplift; run it again with {variable}=1 "
             "to see the traceback.").format(what=what, error=one_line(error), variable=DEBUG_VARIABLE)


class BadInput(UpliftError):
    """A value on the command line is wrong (exit 2)."""


def stdin_buffer():
    """Standard input's bytes, to read a file given as `-`; BadInput when a script started
    Uplift with it closed (`<&-`), where Python has no sys.stdin and reading it was a "bug"."""
    if sys.stdin is None:
        raise BadInput("<stdin>: standard input is closed; give a file, or pipe one in")
    return sys.stdin.buffer


def read_stdin(cap: int, too_big: str) -> bytes:
    """A file piped in, whole; BadInput (`too_big`, said with {mb} and {file}) when it holds more than `cap`
    bytes. Over `uplift serve ssh` the server passes on at most REMOTE_STDIN_BYTES (and one byte
    more): a bigger file was cut there, and `task import -` and `deal import -`, which take up to
    64 MB, imported the cut file as if it were whole (its last row cut short, the rest left out)."""
    from tui.remote import REMOTE_STDIN_BYTES, is_remote

    if is_remote() and cap > REMOTE_STDIN_BYTES:
        cap, too_big = REMOTE_STDIN_BYTES, N_("<stdin>: more than {mb} MB, the most a command over `uplift serve "
                                              "ssh` reads; split the file")
    data = stdin_buffer().read(cap + 1)
    if len(data) > cap:
        raise BadInput(too_big, mb=cap >> 20, file="<stdin>")
    return data


@contextmanager
def stdin_file(cap: int, too_big: str, prefix: str, suffix: str) -> Iterator[str]:
    """The path of a temporary file holding what was piped in (read_stdin): an import reads a
    file by its path (`deal import -`, `task import -`); the file is gone once the block ends."""
    import tempfile

    data = read_stdin(cap, too_big)
    with tempfile.NamedTemporaryFile(prefix=prefix, suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        yield handle.name


def import_span(result: dict) -> str:
    """The days an import's items span, as its summary line says them: ` (first)`, ` (first … last)`,
    or nothing when it dated none."""
    first, last = result["first"], result["last"]
    return "" if not first else bracketed(first if first == last else f"{first} … {last}")


def open_board(args: argparse.Namespace, create: bool = False, tasks_only: bool = False):
    """The board named by --board (or UPLIFT_BOARD, or the default), acting as the current user,
    once the options that name records on it are checked (tui/cli_refs.py).

    `tasks_only` opens it as a TaskBoard, which does not import the other kinds' code (the
    task verbs are what a rep types over SSH, so they must start fast)."""
    from store.location import default_board_path

    if tasks_only:
        from store.task_board import TaskBoard as Board
    else:
        from store.board import Board
    from tui.remote import is_remote

    refuse_empty_board(args.board)
    if args.board and is_remote():
        raise Refused("--board: in a session over `uplift serve ssh` the server chooses the board")
    path = Path(args.board) if args.board else default_board_path()
    if create and not path.expanduser().joinpath("board.json").exists():  # a new board: taken away
        NEW_BOARDS.append((path, [p for p in (path.expanduser(), *path.expanduser().parents) if not p.exists()]))
    board = Board(path, create=create)
    from tui.cli_refs import check_refs

    check_refs(board, args)  # --deal D-4, --owner ali, ...: each names a record on this board
    from tui.time_text import show_times_for

    show_times_for(board)
    return board


def refuse_empty_board(board: str | None) -> None:
    """`--board ""` (a script's `--board "$BOARD"` with BOARD unset) is bad usage: taken as "no
    --board", it would act on $UPLIFT_BOARD's or the default board, which the script did not name."""
    if board is not None and not board.strip():
        raise BadInput("--board {value!r} names no folder: give one, or leave --board out "
                       "for $UPLIFT_BOARD or the default board", value=board)


#: The boards this run created (each with the folders made for it), so that a command that then
#: fails, or was a dry run, leaves no board behind ("nothing written"): `uplift --board typo task
#: add x --due 2026-13-40` used to leave an empty board at `typo`, and `plan import --dry-run` one
#: wherever it was pointed.
NEW_BOARDS: list[tuple[Path, list[Path]]] = []


def made_at(path: Path) -> str:
    """Where a board made just now is (nothing else says it): as the app starts and when it is
    quit, and after a command that made one."""
    return _("A new board was made at {path}").format(path=path.expanduser().absolute())


def discard_new_boards() -> None:
    """Take away the boards this run made, if nothing was written in them (the command failed,
    or only said what it would do)."""
    from store.board_core import BoardCore

    while NEW_BOARDS:
        path, made = NEW_BOARDS.pop()
        BoardCore.discard_new(path, made)


def cli_date(board, text: str | None, field: str) -> str | None:
    """A typed date as ISO; "" (clear the field) for an empty value or `none`."""
    if text is None:
        return None
    if text.strip().lower() in ("", "none", "-"):
        return ""
    try:
        return parse_date(text, board.today()).isoformat()
    except DateError as error:
        raise Invalid(field, error) from None


def cli_number(text: str | None, field: str) -> float | None:
    """A typed amount (`48000`, `48k`, `1.2M`, `1,000`) as a number; None when not given."""
    from sales.numbers import parse_number

    if text is None:
        return None
    try:
        return parse_number(text)
    except ValueError as error:
        raise Invalid(field, error) from None


def status_arg(text: str) -> str:
    """A status as typed: its key, an English alias, or its name in the interface's language."""
    try:
        return normalize_status(text)
    except ValueError as error:
        shown = {_(label).casefold(): status for status, label in STATUS_LABELS.items()}
        if text.strip().casefold() in shown:
            return shown[text.strip().casefold()]
        if both := _both_words(STATUS_LABELS):  # (`'做' 不是状态（可选：todo/待办，doing/进行中，…）`)
            error = Reason("{text!r} is not a status (one of: {statuses})", text=text, statuses=both)
        raise argparse.ArgumentTypeError(said(error)) from None


def priority_arg(text: str) -> str:
    """A priority as typed: its key in any case (`High`), or its name in the interface's
    language (`高`), as a status is read; anything else is left for argparse's choices to refuse
    (in another language than English, refused here, naming each in both: `high/高`)."""
    word = text.strip().casefold()
    known = next((p for p in PRIORITIES if word in (p, _(p).casefold())), None)
    if known is None and (both := _both_words({p: p for p in PRIORITIES})):
        raise argparse.ArgumentTypeError(said(Reason("{text!r} is not a priority (one of: {priorities})",
                                                     text=text, priorities=both)))
    return known or text


def _both_words(labels: dict[str, str]) -> str:
    """Each key with its name in the interface's language (`todo/待办，doing/进行中`), where that
    language is not English; "" in English (its keys are its words)."""
    said_as = {key: _(label) for key, label in labels.items()}
    if all(said_as[key] == label for key, label in labels.items()):
        return ""
    return _(", ").join(f"{key}/{said_as[key]}" for key in labels)


def repeat_arg(text: str) -> str | None:
    """A repeat as typed: a name or an alias (`week`, `2w`: sales.tasks.normalize_repeat), or its
    name in the interface's language as a card shows it (`每周`; `不重复` stops it), as a status
    and a priority are read. None: no repeat; ValueError for anything else."""
    from sales.tasks import REPEATS, normalize_repeat

    word = text.strip().casefold()
    if word and word == _("never").casefold():
        return None
    return next((r for r in REPEATS if word == _(r).casefold()), None) or normalize_repeat(text)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (a port, a count of sessions)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(_("{value!r} is not a whole number from {low} to {high}").format(
                value=text, low=low, high=high))
        return value
    return parse


def item_number(text: str) -> int:
    """An argparse type: the number of an item in a list (a step, a checklist item, a question),
    counted from 1 as the list shows them. A word, 0 or a negative number is bad input (exit 2);
    a number past the end of the list is "not found" (exit 1), said by the command that knows
    the list (how many there are)."""
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or value < 1:
        raise argparse.ArgumentTypeError(_("{value!r} is not a number from 1 up (as the list numbers its items)").format(
            value=text))
    return value


def add_output_flags(parser: argparse.ArgumentParser) -> None:
    """--json (for scripts) or --csv (for a spreadsheet), not both; -o FILE for the CSV."""
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help=_("machine-readable output"))
    formats.add_argument("--csv", action="store_true", help=_("CSV for a spreadsheet (a header row, then one row each)"))
    add_path(parser, "-o", "--output", metavar="FILE.csv",
             help=_("with --csv: write it to FILE.csv, with the byte-order mark Excel needs to read "
                    "Chinese and other non-English text (standard output has none)"))


def check_output_flags(args: argparse.Namespace) -> None:
    """-o names the file the CSV goes to: without --csv there is nothing for it to write."""
    if getattr(args, "output", None) is not None and not args.csv:
        raise BadInput("-o writes the CSV to a file: give --csv too")


#: The options that name the one person a listing is about, as --mine names you (by dest).
PERSON_OPTIONS = {"owner": "--owner", "rep": "--rep", "who": "--for"}


def refuse_mine_with_a_name(args: argparse.Namespace) -> None:
    """--mine and the option naming someone else (--owner, --rep, --for) together are bad usage:
    one of the two is not what was meant (`deal list --mine --owner bea` listed the rep's own
    deals, dropping --owner unsaid; `task list` listed nothing). Given is given, an empty name
    too (`--owner ""`). Said before the board is opened (main runs it for every verb)."""
    if getattr(args, "mine", None) is not True:
        return
    for dest, flag in PERSON_OPTIONS.items():
        if getattr(args, dest, None) is not None:
            raise BadInput("give --mine or {flag}, not both", flag=flag)


def whose(args: argparse.Namespace, board) -> str | None:
    """The one person a listing is narrowed to: you (the board's actor) with --mine, else the
    member its --owner, --rep or --for names; None for everyone (neither given, or an empty name:
    `--owner ""`, as `task list` always read it)."""
    refuse_mine_with_a_name(args)
    if args.mine:
        return board.actor
    return next((value for dest in PERSON_OPTIONS if (value := getattr(args, dest, None))), None)


#: Where a parser keeps the names of its arguments that name files (add_path).
PATHS = "_paths"
NO_STDIN = "_no_stdin"  # a command whose files cannot come through standard input or output


def add_path(parser: argparse.ArgumentParser, *flags: str, stdin: bool = True, **options) -> argparse.Action:
    """An argument that names a file on this machine (to read or write). Every such argument is
    declared this way, so that the command line refuses them all in a session over `uplift
    serve ssh` before any command runs (named_paths, tui.remote.refuse_paths). `stdin=False`:
    the command has no `-` for standard input or output, so the refusal does not offer it."""
    action = parser.add_argument(*flags, **options)
    parser.set_defaults(**{PATHS: [*(parser.get_default(PATHS) or []), action.dest]})
    if not stdin:
        parser.set_defaults(**{NO_STDIN: True})
    return action


def named_paths(args: argparse.Namespace) -> list[str]:
    """The files the parsed command names (each add_path argument's values; none left out)."""
    found: list[str] = []
    for dest in getattr(args, PATHS, []):
        value = getattr(args, dest, None)
        found += [str(v) for v in value] if isinstance(value, list) else [] if value is None else [str(value)]
    return found


def add_verb(group, common: argparse.ArgumentParser, name: str, run: Callable,
             help: str, aliases: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    """A sub-command that accepts --board and runs `run(args)`; `aliases`, the other names it
    answers to (taskwarrior's `annotate` for `comment`), listed with it in the help."""
    sub = group.add_parser(name, parents=[common], help=help, description=help, aliases=list(aliases))
    sub.set_defaults(run=run, command=sub.prog)
    return sub
