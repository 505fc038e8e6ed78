"""`uplift weekly`: the weekly review checklist of phase 4 (from plans/weekly-review.yaml), ticked
afresh each ISO week. Everyone reads it; the lead who runs the review ticks it."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, add_verb, open_board


def _week(board, text: str | None):
    from sales.dates import DateError, parse_week
    from sales.errors import Invalid

    if text is None:
        return board.today()
    try:
        return parse_week(text, board.today())
    except DateError as error:
        raise Invalid("--week", str(error)) from None


def cmd_weekly(args: argparse.Namespace) -> int:
    from sales.deals import iso_week
    from sales.text import safe
    from tui.cli_output import print_json

    board = open_board(args)
    day = _week(board, args.week)
    if args.number is not None:
        done = board.tick_checklist(args.number - 1, None if args.toggle else not args.undo,
                                    which="weekly", day=day)
        print(f"{'ticked' if done else 'unticked'} {args.number} for {iso_week(day)}")
        return EXIT_OK
    items = board.checklist("weekly", day)
    if args.json:
        print_json({"week": iso_week(day), "items": [
            {"number": n, "text": text, "done": tick is not None, "by": tick.by if tick else None,
             "at": tick.at if tick else None} for n, (text, tick) in enumerate(items, 1)]})
        return EXIT_OK
    done = sum(1 for _, tick in items if tick)
    print(f"Weekly review {iso_week(day)}: {done} of {len(items)} done")
    for n, (text, tick) in enumerate(items, 1):
        who = f"  ({tick.by}, {tick.at[:10]})" if tick else ""
        print(safe(f"[{'x' if tick else ' '}] {n}. {text}{who}"))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    weekly = add_verb(verbs, common, "weekly", cmd_weekly,
                      "the weekly review checklist: list this week's, or tick item N (lead)")
    weekly.add_argument("number", type=int, nargs="?", metavar="N")
    weekly.add_argument("--week", metavar="WEEK",
                        help="another week: last, 2026-W47, or a date in it")
    weekly.add_argument("--undo", action="store_true", help="untick it")
    weekly.add_argument("--toggle", action="store_true", help="toggle it")
    weekly.add_argument("--json", action="store_true")
