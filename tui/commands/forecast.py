"""`uplift forecast`: where each rep and the team will land by the end of the cycle, and what
each rep would be paid if their deals close (sales/forecast.py has the definitions)."""

from __future__ import annotations

import argparse

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, BadInput, add_verb, open_board, whose
from tui.i18n import _


def cmd_forecast(args: argparse.Namespace) -> int:
    import msgspec

    from sales.text import safe
    from sales.text import display_width
    from tui.cli_output import on_screen, pad, print_json, table
    from tui.forecast_text import (
        MONTH_COLUMNS,
        REP_COLUMNS,
        TREND_COLUMNS,
        month_rows,
        notes,
        rep_cells,
        title,
        trend_note,
        trend_rows,
    )

    if not 0 <= args.weeks <= 52:
        raise BadInput("weeks: a history of 0 (none) to 52 weeks, not {weeks}", weeks=args.weeks)
    board = open_board(args)
    rep = whose(args, board)
    result = board.forecast(rep, args.commit)
    trend = board.forecast_trend(args.weeks, args.commit, rep) if args.weeks else None
    if args.json:
        print_json(result if trend is None else {**msgspec.to_builtins(result), "trend": msgspec.to_builtins(trend)})
        return EXIT_OK
    print(on_screen(safe(title(result))))
    rows = [rep_cells(r) for r in result.reps]
    if (args.rep or args.mine) and len(rows) == 1:  # one rep: a card, name by value (a row was 115 columns)
        names = [_(name) for name in REP_COLUMNS[1:]]
        width = max(display_width(name) for name in names) + 2
        print(safe(rows[0][0]))
        print(safe("\n".join(f"  {pad(name, width)}{cell}" for name, cell in zip(names, rows[0][1:]))))
    else:
        if not (args.rep or args.mine):
            rows.append(rep_cells(result.team, team=True))
        headers = [_(name).upper() for name in REP_COLUMNS]
        # (a narrow terminal: the figures on the right it has no room for, left out and named)
        print(table(headers, rows, least_first=range(len(headers) - 1, 0, -1), figures=range(1, len(headers)),
                    said=_("Left out for the window's width: {columns} (a wider window shows them; "
                           "`uplift forecast --mine` is your own as a card, `--json` every figure)")))
    for note in notes(result):
        print(on_screen(safe(note)))
    if result.months:
        print()
        # (narrow: the open deals' count and value give way; what they weigh and commit stay)
        print(table([_(name).upper() for name in MONTH_COLUMNS], month_rows(result), least_first=(2, 3, 4)))
    if trend is not None:
        print()
        print(safe(_("The forecast as each week began:")))
        print(table([_(name).upper() for name in TREND_COLUMNS], trend_rows(trend),
                    least_first=range(len(TREND_COLUMNS) - 2, 0, -1)))  # (its quota share stays)
        if (note := trend_note(trend)) is not None:
            print(safe(note))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    forecast = add_verb(verbs, common, "forecast", cmd_forecast,
                        _("where each rep and the team will land this cycle, and the payouts if deals close"))
    add_ref(forecast, "--rep", kind="member", owns=("deals",), metavar="U", help=_("only this rep's forecast"))
    forecast.add_argument("--mine", action="store_true", help=_("only your own forecast"))
    forecast.add_argument("--commit", type=int, default=75, metavar="PCT",
                          help=_("the stage probability from which an open deal is commit (default 75)"))
    forecast.add_argument("--weeks", type=int, default=0, metavar="N",
                          help=_("also the team's forecast as each of the last N weeks began (its history)"))
    forecast.add_argument("--json", action="store_true")
