"""`uplift alerts`: the early warnings, and snoozing or tuning them."""

from __future__ import annotations

import argparse

from sales.errors import Invalid, Reason, Word
from tui.cli_output import say_line
from tui.cli_support import EXIT_OK, BadInput, add_verb, cli_date, open_board
from tui.i18n import _, say


def cmd_alerts(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    alerts = board.alerts()
    if not args.all:
        alerts = [a for a in alerts if a.snoozed_until is None]
    if args.mine:  # a rep's own: those about their tasks, deals and goals (the ones they may snooze)
        alerts = [a for a in alerts if board.alert_owner(a.key) == board.actor]
    if args.json:
        print_json(alerts)
    elif alerts:
        print(table([_("ALERT"), _("ITEM"), _("WHAT")], [
            [_("{kind} (snoozed to {day})").format(kind=a.kind, day=a.snoozed_until) if a.snoozed_until else a.kind,
             a.item, say(a.message)]
            for a in alerts], max_last=140))
    elif args.mine:
        say_line(_("No alerts about your tasks, deals or goals."))
    else:
        say_line(_("No alerts."))
    return EXIT_OK


def cmd_snooze(args: argparse.Namespace) -> int:
    board = open_board(args)
    until = cli_date(board, args.until, "until")
    if not until:
        raise BadInput("--until needs a date")
    snooze = board.snooze(args.key, until, args.reason)
    print(_("{key} snoozed until {day}").format(key=snooze.key, day=snooze.until))
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    board = open_board(args)
    changes: dict = {}
    # each value is judged here, by the option typed (the settings' own check names its fields)
    if args.drop is not None and not 0 < args.drop <= 100:
        raise BadInput("--drop: {drop:g} is not a number of points above 0, at most 100", drop=args.drop)
    if args.min_left is not None and args.min_left < 1:
        raise BadInput("{option}: at least 1, not {value}", option="--min-left", value=args.min_left)
    for option, value in (("--default-quiet", args.default_quiet), ("--default-stuck", args.default_stuck)):
        if value is not None and value < 1:
            raise BadInput("{option}: at least 1 day, not {value}", option=option, value=value)
    if args.drop is not None:
        changes["conversion_drop"] = args.drop
    if args.min_left is not None:
        changes["min_left"] = args.min_left
    if args.default_quiet is not None:
        changes["default_quiet_days"] = args.default_quiet
    if args.default_stuck is not None:
        changes["default_stuck_days"] = args.default_stuck
    for option, pairs, key in (("--quiet", args.quiet, "quiet_days"), ("--stuck", args.stuck, "stuck_days")):
        if pairs:
            per_stage = {}
            for pair in pairs:
                stage, sep, days = pair.partition("=")
                if not sep or not days.strip().isdigit():
                    raise BadInput("{option} {pair}: write STAGE=DAYS (e.g. {option} Proposal=7)", option=option, pair=pair)
                if int(days) < 1:
                    raise BadInput("{option} {pair}: at least 1 day, not {days}", option=option, pair=pair, days=int(days))
                try:
                    named = board.stage(stage.strip())
                except Invalid as error:
                    raise BadInput("{option} {pair}: {reason}", option=option, pair=pair,
                                   reason=Reason(error)) from None
                if named.outcome != "open":  # (no deal stays, or goes quiet, in a closed stage)
                    raise BadInput("{option} {pair}: {stage} is a closed stage ({outcome}); days are set for the open stages",
                                   option=option, pair=pair, stage=named.name, outcome=Word(named.outcome))
                per_stage[stage.strip()] = int(days)
            changes[key] = per_stage
    settings = board.set_alert_settings(**changes) if changes else board.alert_settings()
    if args.json:
        print_json(settings)
    else:
        print(settings_text(settings))
    return EXIT_OK


def settings_text(settings) -> str:
    """What makes alerts fire, in words (each stage's own days after the default)."""
    from sales.text import safe

    def days(default: int, per_stage: dict[str, int]) -> str:
        own = ", ".join(f"{stage} {n}" for stage, n in per_stage.items())
        return (_("{count} days (in {stages})") if own else _("{count} days")).format(count=default, stages=own)

    from tui.cli_output import on_screen

    return "\n".join(on_screen(line, hang=14) for line in safe("\n".join([  # (on a terminal, wrapped under its words)
        _("Alerts fire when"),
        "  conversion  " + _("a stage's conversion falls {drop} points below its four-week mean "
                             "(once {count} deals have left it in the week)").format(
            drop=f"{settings.conversion_drop:g}", count=settings.min_left),
        "  quiet       " + _("a key account has had no activity for {days}").format(
            days=days(settings.default_quiet_days, settings.quiet_days)),
        "  stuck       " + _("an open deal has stayed in its stage for {days}").format(
            days=days(settings.default_stuck_days, settings.stuck_days)),
    ])).split("\n"))


def register(verbs, common: argparse.ArgumentParser) -> None:
    alerts = add_verb(verbs, common, "alerts", cmd_alerts,
                      _("alerts: conversion drops, quiet key accounts, deals past their close date or stuck "
                        "in a stage, overdue tasks, WIP over limit, goals behind pace or ended and not closed"))
    alerts.add_argument("--json", action="store_true")
    alerts.add_argument("--all", action="store_true", help=_("include snoozed alerts"))
    alerts.add_argument("--mine", action="store_true", help=_("only the alerts about your own tasks, deals and goals"))
    more = alerts.add_subparsers(title=_("alert commands"), metavar="VERB")
    snooze = add_verb(more, common, "snooze", cmd_snooze, _("silence an alert until a date, with a reason"))
    snooze.add_argument("key", help=_("the alert's key, e.g. quiet:D-4 (see `uplift alerts --json`)"))
    snooze.add_argument("--until", required=True, metavar="DATE", help=_("the day it may alert again (YYYY-MM-DD, +1w, fri)"))
    snooze.add_argument("--reason", required=True, help=_("why it is silenced (shown with it)"))
    config = add_verb(more, common, "config", cmd_config, _("show or change what makes alerts fire (lead)"))
    config.add_argument("--drop", type=float, help=_("conversion points below the four-week mean"))
    config.add_argument("--min-left", type=int, help=_("deals that must have left a stage this week"))
    config.add_argument("--quiet", action="append", metavar="STAGE=DAYS",
                        help=_("days without activity before a key account alerts, per stage"))
    config.add_argument("--default-quiet", type=int, metavar="DAYS",
                        help=_("days without activity before a key account alerts, in a stage without its own"))
    config.add_argument("--stuck", action="append", metavar="STAGE=DAYS",
                        help=_("days in one stage before an open deal is stuck, per stage"))
    config.add_argument("--default-stuck", type=int, metavar="DAYS",
                        help=_("days in one stage before an open deal is stuck, in a stage without its own"))
    config.add_argument("--json", action="store_true", default=argparse.SUPPRESS,  # (`alerts --json config` too)
                        help=_("print the settings as JSON"))
