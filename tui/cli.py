"""The `uplift` command: opens the board, or runs one verb for scripts and reps over SSH.

Exit codes: 0 done; 1 refused or not found (one line on stderr); 2 bad usage or bad input.
This module must stay light: it imports neither Textual nor pandas (a rep on a slow link types
`uplift task done T-4`); the TUI is imported only when a board is opened. Each group of verbs
lives in its own module under tui/commands/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sales.errors import Invalid, UpliftError
from sales.text import safe
from tui.cli_support import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, BadInput
from tui.commands import (
    activity,
    alerts,
    board,
    budget,
    deals,
    diagnose,
    goals,
    members,
    notes,
    plans,
    tasks,
)

COMMAND_GROUPS = (board, tasks, diagnose, notes, goals, budget, deals, alerts, activity, members, plans)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--board", metavar="DIR", default=argparse.SUPPRESS,
                        help="the board folder (default: $UPLIFT_BOARD, else the XDG data dir)")
    parser = argparse.ArgumentParser(prog="uplift", parents=[common],
                                     description="A planning board for a sales team's improvement cycle.")
    parser.add_argument("--theme", metavar="NAME", default=None,
                        help="the colour theme for the app (remembered in your config for next time)")
    parser.set_defaults(run=board.cmd_open)
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(verbs, common)
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
