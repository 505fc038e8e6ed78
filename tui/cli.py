"""The `uplift` command: opens the board, or runs one verb for scripts and reps over SSH.

Exit codes: 0 done; 1 refused or not found (one line on stderr); 2 bad usage or bad input;
3 a bug in Uplift (one line on stderr; UPLIFT_DEBUG=1 shows the traceback); 130 interrupted.
This module must stay light: it imports neither Textual nor pandas (a rep on a slow link types
`uplift task done T-4`); the TUI is imported only when a board is opened. Each group of verbs
lives in its own module under tui/commands/.

The verbs' help, what they print for people and the errors are in the interface's language
(tui/i18n.py: UPLIFT_LANG or the locale; the README's "Language" says which verbs are not yet);
everything `--json` prints stays in English.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import re
import sys
from collections.abc import Sequence

from sales.errors import Invalid, NotAnId, UpliftError
from sales.text import safe
from tui.cli_output import safe_output
from tui.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    NEW_BOARDS,
    NO_STDIN,
    BadInput,
    bug_report,
    debugging,
    discard_new_boards,
    made_at,
    named_paths,
    os_reason,
    refuse_empty_board,
    refuse_mine_with_a_name,
)
from tui.help_wrap import CellWrap
from tui.i18n import _, said, said_reason, said_who, set_language
from tui.remote import is_remote, refuse_paths

# The command groups, in the order `uplift --help` lists them; each module under tui/commands
# registers its verbs. COMMANDS says which module registers each top-level command, so that
# `uplift task done T-4` builds (and imports) only the task group: argparse spends a few
# milliseconds per sub-command, and there are dozens.
COMMAND_GROUPS = ("board", "agenda", "cycle", "tasks", "burnup", "diagnose", "notes", "goals", "budget", "deals", "accounts", "forecast", "winloss", "calendar", "alerts",
                  "activity", "members", "plans", "review", "weekly", "access", "completion")
COMMANDS = {"demo": "board", "today": "agenda", "cycle": "cycle", "task": "tasks", "burnup": "burnup", "diagnose": "diagnose", "diagnosis": "diagnose",
            "note": "notes", "goal": "goals", "strategy": "goals", "budget": "budget",
            "training": "budget", "deal": "deals", "funnel": "deals", "snapshot": "deals", "account": "accounts", "forecast": "forecast",
            "winloss": "winloss", "calendar": "calendar",
            "alerts": "alerts", "log": "activity", "coach": "activity", "undo": "activity",
            "redo": "activity", "member": "members", "wip": "members", "plan": "plans",
            "review": "review", "payout": "review", "leaderboard": "review", "incentive": "review",
            "init": "access", "serve": "access", "weekly": "weekly", "completion": "completion"}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with a known `command`, only that command's group is registered."""
    from tui.argparse_words import Parser, speak
    from tui.cli_help import explain
    from tui.commands import board

    speak()  # argparse's own messages in the interface's language
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--board", metavar="DIR", default=argparse.SUPPRESS,
                        # (over `uplift serve ssh` the server chooses the board: help offers no --board)
                        help=argparse.SUPPRESS if is_remote() else
                        _("the board folder (default: $UPLIFT_BOARD, else the XDG data dir)"))
    parser = Parser(prog="uplift", parents=[common], formatter_class=Formatter,
                                     description=_("A planning board for a sales team's improvement cycle."),
                    # (the usage line reads as if a command were needed: say what none does, and where to start)
                    epilog=None if is_remote() else _("With no command, uplift opens the board in the terminal (the first time, it makes one "
                             "and says where). New here? `uplift demo` opens a sample quarter. Each command says "
                             "more with --help: `uplift task --help`."))
    parser.add_argument("--theme", metavar="NAME", default=None,  # (over SSH the config is the server's)
                        help=_("the colour theme for the app (remembered for you on this board for next time)")
                        if is_remote() else _("the colour theme for the app (remembered in your config for next time)"))
    parser.add_argument("--version", action=PrintVersion, help=_("print Uplift's version and exit"))
    parser.set_defaults(run=board.cmd_open)
    parser._optionals.title = _("options")
    for action in parser._actions:
        if action.dest == "help":
            action.help = _("show this help message and exit")
    verbs = parser.add_subparsers(title=_("commands"), metavar="COMMAND")
    groups = [COMMANDS[command]] if command in COMMANDS else COMMAND_GROUPS
    for group in groups:
        importlib.import_module(f"tui.commands.{group}").register(verbs, common)
    explain(parser)  # the help the verbs share (an id, --json), where a verb gives none
    return parser


class PrintVersion(argparse.Action):
    """`uplift --version`: `uplift 0.1.0` (the installed package's), exit 0, as gh and task say
    theirs. Looked up only when asked (reading the package's metadata costs a start)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("uplift")
        except PackageNotFoundError:
            number = "unknown"
        print(f"uplift {number}")
        parser.exit()


class Formatter(CellWrap):
    """argparse's help, with its own "usage:" in the interface's language too."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else _("usage: "))


def command_of(argv: Sequence[str]) -> str | None:
    """The top-level command in `argv` (the first word that is not an option or --board's value)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--board":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    running = {"command": command_of(argv) or ""}  # named better once parsed
    with safe_output():
        try:
            return _run(argv, running)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except BrokenPipeError:  # `uplift log | head`: the reader has all it wanted
            return EXIT_OK
        except OSError as error:
            if debugging():
                raise
            print(f"uplift: {os_reason(error)}", file=sys.stderr)
            return EXIT_REFUSED
        except Exception as error:  # the last resort: no traceback reaches a user
            if debugging():
                raise
            print(bug_report(running['command'] or _('opening the board'), error), file=sys.stderr)
            return EXIT_BUG


#: A value that starts with a minus and a digit: a date before today (`-1w`, `-3d`) or a
#: negative amount (`-5k`), which argparse would take for an option.
_MINUS_VALUE = re.compile(r"^-\d")


def joined_minus_values(argv: list[str]) -> list[str]:
    """`--due -1w` as `--due=-1w`, so that such a value reaches its option (argparse refuses a
    value that looks like an option: `expected one argument`) and is judged there. Words after
    a lone `--` are left as they are: they are values however they look (`budget spend B-1 -- -5`)."""
    out: list[str] = []
    for at, word in enumerate(argv):
        if word == "--":
            return out + argv[at:]
        if out and _MINUS_VALUE.match(word) and out[-1].startswith("--") and "=" not in out[-1]:
            out[-1] = f"{out[-1]}={word}"
        else:
            out.append(word)
    return out


def _verb_parser(parser: argparse.ArgumentParser, prog: str) -> argparse.ArgumentParser | None:
    """The sub-command parser whose prog is `prog` (`uplift review tick`), however deep."""
    if parser.prog == prog:
        return parser
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for sub in action.choices.values():
            if prog.startswith(sub.prog) and (found := _verb_parser(sub, prog)) is not None:
                return found
    return None


def refuse_stray_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """An option of a group given to a verb that does not take it, which argparse lets through:
    `uplift review --json tick 3` runs `review tick`, which prints no JSON (a script would read
    text where it asked for JSON); `uplift --theme nord task list` draws no screen (the theme went
    unused). Bad usage, said before anything runs."""
    verb = _verb_parser(parser, args.command)
    if verb is None:
        return
    command = args.command.removeprefix(parser.prog).strip()
    for flag in ("--json", "--csv", "--mine"):
        if getattr(args, flag[2:], None) is True and flag not in verb._option_string_actions:
            owner = command.rsplit(" ", 1)[0]
            raise BadInput("{command}: it has no {flag} ({flag} goes with `uplift {owner}` alone)",
                           command=command, flag=flag, owner=owner)
    if getattr(args, "theme", None) and "--theme" not in verb._option_string_actions:
        raise BadInput("{command}: it draws no screen, so it takes no --theme "
                       "(--theme goes with `uplift` alone, which opens the app, and `uplift demo`)", command=command)


#: A model's field as the command line names it (`deal edit --next`: `next_step` is the model's).
#: Only where the two differ; a command that reads a file names its fields as the file does.
_TYPED = {"next_step": "next", "expected_result": "expected", "lost_reason": "lost-reason",
          "comment.text": "comment", "note.text": "note", "answer.answer": "answer", "plan.budget": "amount",
          "requested": "amount", "plan.name": "name", "plan.period": "end"}  # (`plan info --end` before --start)


#: A step of a task's checklist as the store names it, counting from 0 (`steps[2].text`).
_STEP = re.compile(r"^steps\[(\d+)\](?:\.text)?$")


def as_typed(error: Exception, args: argparse.Namespace) -> str:
    """An Invalid's message with its field named as it was typed (`next: too long`, not
    `next_step: too long`), for a command that reads no file."""
    field = getattr(error, "field", None)
    if field is None or named_paths(args) or str(error) != f"{field}: {error.reason}":
        return said(error)
    if step := _STEP.match(field):  # a checklist's step as a person counts them (`task tick` does): from 1
        return _("step {number}").format(number=int(step[1]) + 1) + f": {said_reason(error)}"
    typed = _TYPED.get(field)  # (`splits[1].share` stays: it says which of several --split)
    return f"{typed}: {said_reason(error)}" if typed else said(error)


def _run(argv: list[str], running: dict[str, str]) -> int:
    set_language()  # UPLIFT_LANG or the locale, as they are for this run
    parser = build_parser(command_of(argv))
    args, extra = parser.parse_known_args(joined_minus_values(argv))
    words = getattr(args, "words_anywhere", None)  # `coach ali --edit K-3 new words`: argparse ends
    if extra and words and not any(word.startswith("-") for word in extra):  # a list at the first option
        setattr(args, words, [*getattr(args, words), *extra])
        extra = []
    if extra:  # said by the verb they were given to, with its usage (argparse's own says `uplift`'s)
        verb = _verb_parser(parser, args.command) if hasattr(args, "command") else None
        early = [word for word in extra if verb and word.split("=")[0] in verb._option_string_actions]
        if early:  # `uplift --json task list`: the verb takes it, but after its name
            verb.error(_("{option} goes after the command's name: `{command} {option}`").format(
                option=early[0].split("=")[0], command=verb.prog))
        # compared without their dashes, which every option shares: with them `--overdue` was
        # "near" --owner and `--sort` --json, a wrong hint where none is right
        options = {option.lstrip("-"): option for option in (verb or parser)._option_string_actions}
        near = next((options[close] for word in extra if word.startswith("--")
                     for close in difflib.get_close_matches(word.split("=")[0].lstrip("-"), list(options), n=1)), None)
        if near:  # `task list --jsn`
            (verb or parser).error(_("unrecognized arguments: {words}; maybe you meant {option}?").format(
                words=" ".join(extra), option=near))
        (verb or parser).error(_("unrecognized arguments: %s") % " ".join(extra))
    if not hasattr(args, "board"):
        args.board = None
    if hasattr(args, "command"):
        running["command"] = args.command.removeprefix(parser.prog).strip()  # `task add`
    try:
        refuse_empty_board(args.board)
        if hasattr(args, "command"):
            refuse_stray_options(parser, args)
            refuse_mine_with_a_name(args)
        refuse_paths(running["command"] or "uplift", *named_paths(args),  # (over `uplift serve ssh`)
                     stdin=not getattr(args, NO_STDIN, False))
        try:
            code = args.run(args)
        except BaseException:
            discard_new_boards()  # a failed command (or a dry run) leaves no new board behind
            raise
        if code != EXIT_OK or getattr(args, "dry_run", False):
            discard_new_boards()
        elif NEW_BOARDS and args.run.__name__ != "cmd_open":  # (the app says it itself)
            # a first `uplift task add` (or a --board typo) made a board: said once, where (stdout stays the id)
            print(f"uplift: {safe(made_at(NEW_BOARDS[0][0]))}", file=sys.stderr)
        NEW_BOARDS.clear()
        return code
    except (Invalid, BadInput, NotAnId) as error:  # (`task show banana`: no id at all)
        print(f"uplift: {safe(as_typed(error, args))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UpliftError as error:
        print(f"uplift: {safe(said_who(error))}", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
