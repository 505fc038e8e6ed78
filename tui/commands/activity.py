"""`uplift log`: the activity log, newest first."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, add_verb, open_board


def cmd_log(args: argparse.Namespace) -> int:
    from tui.cli_output import log_rows, print_json

    board = open_board(args)
    records = board.history(item=args.item, limit=args.limit, actor=args.actor)
    if args.json:
        print_json(records)
    else:
        print(log_rows(records) if records else "No activity yet.")
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    log = add_verb(verbs, common, "log", cmd_log, "the activity log, newest first")
    log.add_argument("--limit", type=int, default=50, metavar="N")
    log.add_argument("--item", metavar="ID", help="only records about this item (T-4, ali)")
    log.add_argument("--actor", metavar="U", help="only records by this person")
    log.add_argument("--json", action="store_true")
