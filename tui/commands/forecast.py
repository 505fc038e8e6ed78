"""`uplift forecast`: where each rep and the team will land by the end of the cycle, and what
each rep would be paid if their deals close (sales/forecast.py has the definitions)."""

from __future__ import annotations

import argparse

from tui.cli_support import EXIT_OK, BadInput, add_verb, open_board
from tui.i18n import _
from tui.number_text import num_or_dash, short_or_met, times_or_dash


def cmd_forecast(args: argparse.Namespace) -> int:
    from sales.forecast import OTHERS
    from sales.payout import money
    from sales.text import safe
    from tui.cli_output import print_json, table

    if args.mine and args.rep:
        raise BadInput("give --mine or --rep, not both")
    board = open_board(args)
    result = board.forecast(board.actor if args.mine else args.rep, args.commit)
    if args.json:
        print_json(result)
        return EXIT_OK
    cycle = f"{result.start or '…'} to {result.end or '…'}" if result.start or result.end else "no cycle dates set"
    print(safe(f"Forecast for the cycle {cycle} (today {result.today}); "
               f"commit: open deals in a stage of {result.commit_pct}% or more"))
    rows = result.reps if args.rep or args.mine else [*result.reps, result.team]
    print(table(["REP", "QUOTA", "WON", "COMMIT", "BEST CASE", "WEIGHTED", "FORECAST", "TO GO", "COVERAGE",
                 "PAYOUT", "IF COMMIT", "IF BEST CASE"], [
        [r.rep or "others", num_or_dash(r.quota), num_or_dash(r.won), num_or_dash(r.commit),
         num_or_dash(r.best_case), num_or_dash(r.weighted), num_or_dash(r.forecast), short_or_met(r.gap),
         times_or_dash(r.coverage), *(money(v) if v is not None else "–"
                                      for v in (r.payout, r.payout_commit, r.payout_best_case))] for r in rows]))
    whole = result.team
    notes = []
    if whole.slipped:
        notes.append(f"past their close date, still open (counted): {', '.join(whole.slipped)}")
    if whole.undated:
        notes.append(f"no close date (not counted): {', '.join(whole.undated)}")
    if whole.later:
        notes.append(f"closing after the cycle (not counted): {num_or_dash(whole.later)}")
    if any(r.rep == OTHERS for r in result.reps):
        notes.append("others: deals owned by no rep of the board (a lead's, or unassigned)")
    for note in notes:
        print(safe(note))
    if result.months:
        print()
        print(table(["MONTH", "WON", "OPEN DEALS", "VALUE", "WEIGHTED", "COMMIT", ""], [
            [m.month, num_or_dash(m.won), str(m.deals), num_or_dash(m.value), num_or_dash(m.weighted),
             num_or_dash(m.commit), "after the cycle" if m.after_cycle else ""] for m in result.months]))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    forecast = add_verb(verbs, common, "forecast", cmd_forecast,
                        _("where each rep and the team will land this cycle, and the payouts if deals close"))
    forecast.add_argument("--rep", metavar="U", help="only this rep's forecast")
    forecast.add_argument("--mine", action="store_true", help="only your own forecast")
    forecast.add_argument("--commit", type=int, default=75, metavar="PCT",
                          help="the stage probability from which an open deal is commit (default 75)")
    forecast.add_argument("--json", action="store_true")
