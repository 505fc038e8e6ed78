"""`uplift winloss`: of the deals won and lost this cycle (or in a window), the win rate by rep
and by product, why deals were lost and at which stage (sales/winloss.py has the definitions)."""

from __future__ import annotations

import argparse

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, add_verb, cli_date, open_board, whose
from tui.i18n import _


#: Which columns of each table a narrow terminal leaves out first (by index): the losses' value
#: and count, the share by value, the win rate; why and where deals were lost keep the deals they name.
LEAST_FIRST = {"winloss-reps": (5, 2, 6, 3), "winloss-products": (5, 2, 6, 3), "winloss-reasons": (3, 1),
               "winloss-stages": (3, 1)}


def cmd_winloss(args: argparse.Namespace) -> int:
    from datetime import date

    from sales.text import safe
    from tui.cli_output import WIN_LOSS_RATIOS, detail_on_screen, on_screen, print_json, table
    from tui.winloss_text import TABLES, notes, summary, tables, title

    board = open_board(args)
    since, until = (cli_date(board, text, name) or None for text, name in
                    ((args.since, "since"), (args.until, "until")))
    owner = whose(args, board)
    result = board.win_loss(date.fromisoformat(since) if since else None,
                            date.fromisoformat(until) if until else None, owner)
    if args.json:
        print_json(result, fractions=WIN_LOSS_RATIOS)
        return EXIT_OK

    print(on_screen(safe(title(result) + (" · " + owner if owner else ""))))
    for line in summary(result):
        print(detail_on_screen(safe(line)))  # (on a terminal, wrapped under itself)
    if not result.total.closed:
        if not (args.since or args.until) and (last := _last_cycle(board)):
            # a new cycle's first days: the last cycle's wins and losses are a window away, said
            print(safe(_("The last cycle's: `uplift winloss --since {start} --until {end}`").format(
                start=last[0].isoformat(), end=last[1].isoformat())))
        return EXIT_OK
    shown = tables(result)
    for table_id, heading, columns in TABLES:
        says, rows = shown[table_id]
        if says:
            print()
            print(table([_(name).upper() for name in (heading, *columns)], [cells for _key, cells in rows],
                        least_first=LEAST_FIRST[table_id]))
    for note in notes(result):
        print()
        print(detail_on_screen(safe(note)))
    return EXIT_OK


def _last_cycle(board):
    """The cycle the plan had before this one (Board.cycles: each once, dates only corrected not a
    cycle of their own), or None."""
    now = board.plan_period()
    if now[0] is None:
        return None
    return max((c for c in board.cycles() if c != now and c[1] < now[0]), default=None)


def register(verbs, common: argparse.ArgumentParser) -> None:
    winloss = add_verb(verbs, common, "winloss", cmd_winloss,
                       _("won and lost deals: win rate by rep and product, why deals were lost and where"))
    winloss.add_argument("--since", metavar="DATE", help=_("deals closed on or after this day (default: the cycle's start)"))
    winloss.add_argument("--until", metavar="DATE", help=_("deals closed on or before this day (default: the cycle's end)"))
    add_ref(winloss, "--rep", kind="member", owns=("deals",), metavar="U", help=_("only this rep's deals"))
    winloss.add_argument("--mine", action="store_true", help=_("only your own deals"))
    winloss.add_argument("--json", action="store_true")
