"""`uplift burnup`: the cycle's tasks and those done, week by week, and when the open ones will
be done at the team's recent pace (sales/burnup.py)."""

from __future__ import annotations

import argparse

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, add_verb, open_board, whose
from tui.i18n import _


def cmd_burnup(args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.burnup_text import COLUMNS, rows, summary, title
    from tui.cli_output import detail_on_screen, on_screen, print_json, table
    from tui.cycle_reading import reading_given_cycle

    board = open_board(args)
    with reading_given_cycle(board, args):  # (--start and --end: an earlier cycle's, as its review reads it)
        result = board.burn_up(whose(args, board))
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    print(on_screen(safe(title(result))))
    print()
    print(table([_(name).upper() for name in COLUMNS], rows(result)))
    print()
    for line in summary(result):
        print(detail_on_screen(safe(line)))  # (on a terminal, wrapped under itself)
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    burnup = add_verb(verbs, common, "burnup", cmd_burnup,
                      _("the cycle's tasks and those done, week by week, and when the open ones will be done"))
    add_ref(burnup, "--owner", kind="member", owns=("tasks",), metavar="U", help=_("only this person's tasks"))
    burnup.add_argument("--mine", action="store_true", help=_("only your own tasks"))
    burnup.add_argument("--json", action="store_true")
    burnup.add_argument("--start", metavar="DATE", help=_("with --end: an earlier cycle's, by its dates"))
    burnup.add_argument("--end", metavar="DATE", help=_("the last day of that cycle"))
