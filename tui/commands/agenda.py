"""`uplift today`: what needs you now, from every phase at once (sales/agenda.py). A rep types it
over SSH in the morning; a lead can read anyone's with --for."""

from __future__ import annotations

import argparse

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, add_verb, open_board
from tui.i18n import _


def cmd_today(args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.agenda_text import (alerts_line, budget_line, heading, held_line, nothing_line, payouts_line, quota_line,
                                 sections)
    from tui.cli_output import on_screen, print_json

    board = open_board(args)
    agenda = board.agenda(args.who, args.days)
    if args.json:
        print_json(agenda, fractions=("expected", "actual"))  # (a goal's pace: % of the way, in the domain)
        return EXIT_OK
    print(safe(heading(agenda)))
    found = sections(agenda, cli=True)
    for title, lines in found:
        print()
        print(on_screen(safe(title)))
        for _item, line in lines:
            # (the lines after an item's first under its text: `  T-24  Visit ...`)
            gap = line.find("  ")
            print(on_screen(safe(f"  {line}"), hang=2 + (gap + 2 if 0 < gap < 12 else 2)))
    if not found:
        print(on_screen(safe(nothing_line())))
    extra = [line for line in (quota_line(agenda), payouts_line(agenda, cli=True), held_line(agenda, cli=True),
                               budget_line(agenda, cli=True),
                               alerts_line(agenda, cli=True)) if line]
    if extra:
        print()
        for line in extra:
            print(on_screen(safe(line)))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    today = add_verb(verbs, common, "today", cmd_today,
                     _("what needs you now: overdue and due work, slipping deals, goals, your quota"))
    add_ref(today, "--for", dest="who", kind="member", metavar="U", help=_("someone else's day (a member's name)"))
    today.add_argument("--days", type=int, default=7, metavar="N", help=_("how far ahead counts as soon (default 7)"))
    today.add_argument("--json", action="store_true")
