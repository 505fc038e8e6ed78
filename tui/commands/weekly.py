"""`uplift weekly`: the weekly review checklist of phase 4 (from plans/weekly-review.yaml), ticked
afresh each ISO week. Everyone reads it; the lead who runs the review ticks it."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, BadInput, add_verb, item_number, open_board
from tui.i18n import _, language
from tui.time_text import day_of

#: Which of the pipeline's columns a narrow terminal leaves out first (by index): its value (the
#: net change stays in the last column), so that the deals moved have room to wrap in.
LEAST_FIRST = (2,)


def _week(board, text: str | None):
    from sales.dates import DateError, parse_week
    from sales.errors import Invalid

    if text is None:
        return board.today()
    try:
        return parse_week(text, board.today())
    except DateError as error:
        raise Invalid("--week", error) from None


def cmd_weekly(args: argparse.Namespace) -> int:
    from sales.deals import iso_week
    from sales.text import safe
    from tui.cli_output import print_json

    if args.number is None and (args.undo or args.toggle):
        raise BadInput("{flag} needs the item's number: uplift weekly N {flag}",
                       flag="--undo" if args.undo else "--toggle")
    board = open_board(args)
    day = _week(board, args.week)
    lang = "en" if args.json else language()  # --json is English in every language, as scripts read it
    if args.number is not None:
        before = board.checklist("weekly", day, lang=language())
        was = before[args.number - 1][1] is not None if 0 < args.number <= len(before) else None
        done = board.tick_checklist(args.number - 1, None if args.toggle else not args.undo,
                                    which="weekly", day=day)
        if args.json:  # what the item is now, as the listing's items say it
            text, tick = board.checklist("weekly", day, lang=lang)[args.number - 1]
            print_json({"week": iso_week(day), "number": args.number, "text": text, "done": done,
                        "by": tick.by if tick else None, "at": tick.at if tick else None})
            return EXIT_OK
        if was == done:  # nothing changed (and nothing was logged): said so, as `task done` does
            said = _("{n} for {week} was already ticked") if done else _("{n} for {week} was not ticked")
        else:
            said = _("ticked {n} for {week}") if done else _("unticked {n} for {week}")
        print(said.format(n=args.number, week=iso_week(day)))
        return EXIT_OK
    items = board.checklist("weekly", day, lang=lang)
    moved = board.week_movement(day)
    if args.json:
        print_json({"week": iso_week(day), "items": [
            {"number": n, "text": text, "done": tick is not None, "by": tick.by if tick else None,
             "at": tick.at if tick else None} for n, (text, tick) in enumerate(items, 1)],
            "pipeline": moved})
        return EXIT_OK
    from tui.cli_output import checklist_item, detail_on_screen, on_screen, table
    from tui.movement_text import COLUMNS, step_lines, title, waterfall_rows

    done = sum(1 for _, tick in items if tick)
    # on a terminal, each line wrapped within its width (an item under its text), as `uplift today`'s
    print(on_screen(_("Weekly review {week}: {done} of {count} done").format(week=iso_week(day), done=done,
                                                                               count=len(items))))
    for n, (text, tick) in enumerate(items, 1):
        who = f"  ({tick.by}, {day_of(tick.at)})" if tick else ""
        print(checklist_item(n, tick is not None, text + who))
    print()
    print(on_screen(safe(title(moved))))
    print(table([_(name).upper() for name in COLUMNS], waterfall_rows(moved), least_first=LEAST_FIRST))
    for line in step_lines(moved):
        print(detail_on_screen(safe(line)))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    weekly = add_verb(verbs, common, "weekly", cmd_weekly,
                      _("the weekly review: this week's checklist and what changed in the pipeline, "
                      "or tick item N (lead)"))
    weekly.add_argument("number", type=item_number, nargs="?", metavar="N",
                        help=_("tick this item of the checklist (numbered as the list shows it)"))
    weekly.add_argument("--week", metavar="WEEK",
                        help=_("another week: last, 2026-W47, or a date in it"))
    how = weekly.add_mutually_exclusive_group()
    how.add_argument("--undo", action="store_true", help=_("untick it"))
    how.add_argument("--toggle", action="store_true", help=_("toggle it"))
    weekly.add_argument("--json", action="store_true")
