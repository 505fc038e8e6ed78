"""`uplift account list` and `uplift account show NAME`: the customers the deals and activities
name, and one customer's deals, activities and notes in one place (sales/accounts.py)."""

from __future__ import annotations

import argparse

from tui.cli_output import say_line
from tui.cli_refs import names
from tui.cli_support import EXIT_OK, BadInput, add_output_flags, add_verb, check_output_flags, open_board
from tui.i18n import _


def cmd_account_list(args: argparse.Namespace) -> int:
    from tui.account_text import CSV_COLUMNS, LIST_COLUMNS, csv_cells, heading, list_cells
    from tui.cli_output import print_csv, print_json, table

    check_output_flags(args)
    board = open_board(args)
    accounts = board.accounts()
    if args.json:
        print_json(accounts)
    elif args.csv:
        print_csv(CSV_COLUMNS, [csv_cells(a) for a in accounts], args.output, board)
    elif accounts:
        keys = [key for key, _name in LIST_COLUMNS]
        # (on a narrow terminal the counts give way first: the values say more)
        print(table([heading(name).upper() for _key, name in LIST_COLUMNS],
                    [[cells[key] for key in keys] for cells in map(list_cells, accounts)],
                    least_first=[keys.index(key) for key in ("won", "open", "last", "won_value")]))
    else:
        say_line(_("No accounts yet: a deal's account (`uplift deal add \"Acme renewal\" --account Acme`) or an "
                   "activity logged on one (`uplift log add call --account Acme`) makes one."))
    return EXIT_OK


def cmd_account_show(args: argparse.Namespace) -> int:
    import msgspec

    from tui.account_text import account_detail
    from tui.cli_output import detail_on_screen, print_json

    if not args.name.strip():
        raise BadInput("give an account's name (`uplift account list` lists them)")
    board = open_board(args)
    page = board.account(args.name)
    if args.json:  # (an account is no record of its own: its history, what `log --item` lists of it)
        print_json({**msgspec.structs.asdict(page), "history": board.feed(item=args.name, limit=None)})
    else:
        print(detail_on_screen(account_detail(page)))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    account = verbs.add_parser("account", help=_("customers: each one's deals, activities and notes (list, show)"))
    account_verbs = account.add_subparsers(title=_("account commands"), metavar="VERB", required=True)
    listing = add_verb(account_verbs, common, "list", cmd_account_list,
                       _("the accounts deals and activities name, the biggest open value first"))
    add_output_flags(listing)
    show = add_verb(account_verbs, common, "show", cmd_account_show,
                    _("an account's deals by stage, won and lost, its activities and the notes that name it"))
    names(show.add_argument("name", metavar="NAME", help=_("the account's name (any case)")), "account")
    show.add_argument("--json", action="store_true")
