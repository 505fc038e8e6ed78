"""`uplift calendar`: the plan's dates as an iCalendar file, for a person's own calendar
(sales/calendar.py says what is in it)."""

from __future__ import annotations

import argparse
import sys

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, add_path, add_verb, open_board, whose, write_output
from tui.i18n import _, n_, say


def cmd_calendar(args: argparse.Namespace) -> int:
    from sales.calendar import ics, revised

    board = open_board(args)
    who = whose(args, board)
    name = board.name  # (an unnamed plan's folder's: a calendar needs a name)
    events = board.calendar_events(who)
    events = revised(events, board.item_changes({event.item for event in events}))
    # the board's own key (a board made before it had one: its folder's path), so that a board
    # moved or reached by another path keeps its events' UIDs, and a calendar does not double them
    data = ics(events, name + (f" · {who}" if who else ""), board.calendar_key(), board.clock(), say)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_output(args.output, data, board)
    print(n_("wrote {count} event to {file}", "wrote {count} events to {file}", len(events)).format(
        count=len(events), file=args.output))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    calendar = add_verb(verbs, common, "calendar", cmd_calendar, _(
        "the plan's dates (tasks due, deals closing, goal deadlines, training, the cycle's days) as a calendar file"))
    calendar.add_argument("--mine", action="store_true",
                          help=_("only your own tasks, deals, goals and training (and the team's)"))
    add_ref(calendar, "--for", dest="who", kind="member", owns=("tasks", "deals"), metavar="U", help=_("only this person's"))
    add_path(calendar, "-o", "--output", metavar="FILE.ics", help=_("the file to write (default: print it)"))
