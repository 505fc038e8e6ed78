"""`uplift budget ...` and `uplift training ...`: the resources behind the plan.

Anyone on the board may request; only a lead approves or rejects (with --reason) and sets the
plan's total; spending is recorded by whoever requested the line (or a lead).
"""

from __future__ import annotations

import argparse
import sys

from sales.budget import CATEGORIES, money, spend_outside, spent_on
from tui.cli_output import say_line
from tui.cli_refs import add_ref, names
from tui.cli_support import EXIT_OK, BadInput, add_verb, cli_date, cli_number, open_board
from tui.i18n import N_, _, say

#: `training list`'s columns after ID.
TRAINING_COLUMNS = (N_("Date"), N_("Done"), N_("Audience"), N_("Topic"))


def cmd_budget_list(args: argparse.Namespace) -> int:
    from sales.text import safe
    from tui.cli_output import detail_on_screen, print_json
    from tui.goals_output import budget_rows, line_json, totals_line

    board = open_board(args)
    with _reading(board, args):
        found = board.cycle_budget(args.all)
        totals, flags = board.budget_totals(args.all), board.budget_flags(args.all)
        this_cycle = board.budget_totals().spent
    entries, lines = board.spending(), found.lines
    if args.status:
        lines = [line for line in lines if line.status == args.status]
    if args.json:
        print_json({"lines": [{**line_json(line, entries), **({} if args.all else {
                        "of_cycle": line.id in found.own, "spent_in_cycle": spent_on(line.id, found.spending)})}
                              for line in lines],
                    "totals": {"budget": totals.budget, "requested": totals.requested,
                               "approved": totals.approved, "spent": totals.spent, "left": totals.left,
                               "spent_this_cycle": this_cycle,
                               "cycle": None if args.all else {"start": totals.start, "end": totals.end},
                               "other_cycles": totals.other_cycles},
                    "flags": flags})
        return EXIT_OK
    if lines:
        print(budget_rows(lines, found.spending, cycles=args.all, own=found.own))
    elif board.budget_lines():
        say_line(_("No budget lines in this cycle yet: request one with "
                   "`uplift budget request \"Trade fair booth\" 8000 --strategy S-1`."))
    else:
        say_line(_("No budget lines yet: request one with "
                   "`uplift budget request \"Trade fair booth\" 8000 --strategy S-1`."))
    print(detail_on_screen(totals_line(totals, every=args.all)))  # (on a terminal, wrapped under itself)
    for flag in flags:
        print(detail_on_screen(safe(f"! {say(flag)}")))
    return EXIT_OK


def _reading(board, args: argparse.Namespace):
    """`--start` and `--end`: another cycle's budget (as `uplift review` reads one)."""
    from tui.cycle_reading import reading_given_cycle

    if args.all and (args.start or args.end):
        raise BadInput("--all lists every cycle's lines: give it or --start and --end, not both")
    return reading_given_cycle(board, args)


def cmd_budget_show(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json
    from tui.goals_output import line_detail, line_json

    board = open_board(args)
    line = board.budget_line(args.id)
    entries = board.spending(line.id)
    if args.json:
        print_json({"budget": line_json(line, entries), "spending": entries, "history": board.history(item=line.id)})
    else:
        from tui.cli_output import detail_on_screen

        print(detail_on_screen(line_detail(line, entries)))
    return EXIT_OK


def cmd_budget_unspend(args: argparse.Namespace) -> int:
    board = open_board(args)
    entry = board.delete_spend(args.id)
    print(_("deleted {id} ({amount} on {line}); {line} now has {spent} spent").format(
        id=entry.id, amount=money(entry.amount), line=entry.line,
        spent=money(spent_on(entry.line, board.spending(entry.line)))))
    return EXIT_OK


def cmd_budget_request(args: argparse.Namespace) -> int:
    board = open_board(args)
    line = board.request_budget(args.title, cli_number(args.amount, "amount"), category=args.category,
                                strategy=args.strategy, task=args.task, note=args.note)
    print(line.id)
    return EXIT_OK


def cmd_budget_approve(args: argparse.Namespace) -> int:
    board = open_board(args)
    line = board.approve_budget(args.id, args.reason, cli_number(args.amount, "amount"))
    print(_("{id} approved for {amount}").format(id=line.id, amount=money(line.approved)))
    if line.requested_by == board.actor and board.members():  # (allowed: no other lead to ask)
        print(_("{id} was your own request: you are the board's only lead, so you approved it yourself "
                "(the log says so)").format(id=line.id), file=sys.stderr)
    if line.id not in board.cycle_budget().own:  # (a request left from an earlier cycle: it counts there)
        print(_("note: {id} was requested in the cycle {start} to {end}: its approval counts in that cycle's "
                "budget, not this one's").format(id=line.id, start=line.cycle_start or "–", end=line.cycle_end or "–"),
              file=sys.stderr)
    for flag in board.budget_flags():  # approving past the plan's budget is allowed, and said
        if flag.template.startswith("approved ") and "plan's" in flag.template:
            print(_("warning: {flag}").format(flag=say(flag)), file=sys.stderr)
    return EXIT_OK


def cmd_budget_reject(args: argparse.Namespace) -> int:
    board = open_board(args)
    line = board.reject_budget(args.id, args.reason)
    print(_("{id} rejected").format(id=line.id))
    return EXIT_OK


def cmd_budget_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = {"title": args.title, "category": args.category, "strategy": args.strategy, "task": args.task,
              "note": args.note}
    if all(v is None for v in fields.values()) and args.cycle is None:
        raise BadInput("nothing to change: give at least one of --title, --category, --strategy, --task, --note, "
                       "--cycle")
    if args.cycle is not None:
        fields["cycle_start"], fields["cycle_end"] = _cycle(board, args.cycle)
    print(board.update_budget(args.id, **fields).id)
    return EXIT_OK


def _cycle(board, text: str) -> tuple[str, str]:
    """`--cycle`: `this` (the plan's cycle now), `last` (the one before it) or START..END, as ISO
    days: the cycle a line counts in (one from before lines kept theirs has none)."""
    word = text.strip().lower()
    if word in ("this", "last"):
        start, end = board.plan_period()
        if start is None or end is None:
            raise BadInput("--cycle {cycle}: the plan has no cycle yet (`uplift plan info --start DATE --end DATE` "
                           "sets one)", cycle=text)
        if word == "last":
            earlier = [c for c in board.cycles() if c != (start, end)]  # (newest first: Board.earlier_cycles)
            if not earlier:
                raise BadInput("--cycle last: the plan has had no cycle before this one ({start} to {end})",
                               start=start, end=end)
            start, end = earlier[0]
        return start.isoformat(), end.isoformat()
    first, dots, last = text.partition("..")
    start = cli_date(board, first, "cycle") if dots and first.strip() else ""
    end = cli_date(board, last, "cycle") if dots and last.strip() else ""
    if not start or not end:
        raise BadInput("--cycle {cycle!r}: give this (the plan's cycle now), last, or the cycle's first and last "
                       "day as START..END (2026-10-01..2026-12-31)", cycle=text)
    if end < start:  # (ISO days compare as dates)
        raise BadInput("--cycle {cycle}: the cycle ends ({end}) before it starts ({start})", cycle=text,
                       start=start, end=end)
    return start, end


def cmd_budget_spend(args: argparse.Namespace) -> int:
    board = open_board(args)
    entry = board.record_spend(args.id, cli_number(args.amount, "amount"), cli_date(board, args.on, "on") or None,
                               args.note or "")
    print(entry.id)
    plan = [flag for flag in board.budget_flags() if "plan's" in flag.template]  # (the cycle's, against its budget)
    for flag in [*board.line_flags(entry.line), *plan]:  # (the line's, whichever cycle it is of)
        print(_("warning: {flag}").format(flag=say(flag)), file=sys.stderr)
    if (outside := spend_outside(entry, board.plan_period())) is not None:
        print(_("note: {what}").format(what=say(outside)), file=sys.stderr)
    return EXIT_OK


def cmd_budget_total(args: argparse.Namespace) -> int:
    board = open_board(args)
    word = args.amount.strip().lower()
    total = board.set_plan_budget(None if word in ("none", "-") else cli_number(args.amount, "amount"))
    print(_("no plan budget") if total is None else _("plan budget {amount}").format(amount=money(total)))
    return EXIT_OK


def cmd_training_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    board = open_board(args)
    items = board.training()
    if args.json:
        print_json(items)
    elif items:
        print(table(["ID"] + [_(name).upper() for name in TRAINING_COLUMNS],
                    [[t.id, str(t.on or ""), _("yes") if t.done else "", t.audience, t.topic] for t in items],
                    least_first=(3, 2)))  # (narrow: the audience, whether it is done give way to the topic)
    else:
        say_line(_("No training items yet: add one with `uplift training add \"Pricing rules\" --on fri`."))
    return EXIT_OK


def cmd_training_add(args: argparse.Namespace) -> int:
    board = open_board(args)
    item = board.add_training(args.topic, audience=args.audience, on=cli_date(board, args.on, "on") or None,
                              strategy=args.strategy)
    print(item.id)
    return EXIT_OK


def cmd_training_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = {"topic": args.topic, "audience": args.audience, "on": cli_date(board, args.on, "on"),
              "strategy": args.strategy}
    if all(v is None for v in fields.values()):
        raise BadInput("nothing to change: give at least one of --topic, --audience, --on, --strategy")
    item = board.update_training(args.id, **fields)
    print(_("{id} on {date}").format(id=item.id, date=item.on) if item.on else _("{id} has no date").format(id=item.id))
    return EXIT_OK


def cmd_training_done(args: argparse.Namespace) -> int:
    board = open_board(args)
    item = board.set_training_done(args.id, not args.undo)
    print((_("{id} done") if item.done else _("{id} not done")).format(id=item.id))
    return EXIT_OK


def cmd_training_delete(args: argparse.Namespace) -> int:
    board = open_board(args)
    print(_("deleted {id}").format(id=board.delete_training(args.id).id))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    budget = verbs.add_parser("budget", help=_("budget lines: request, approve, reject, spend")).add_subparsers(
        title=_("budget commands"), metavar="VERB", required=True)
    lst = add_verb(budget, common, "list", cmd_budget_list, _("budget lines, totals against the plan, and flags"))
    lst.add_argument("--status", choices=("requested", "approved", "rejected"), help=_("only lines with this status"))
    lst.add_argument("--all", action="store_true", help=_("every cycle's lines, with the cycle of each"))
    lst.add_argument("--start", metavar="DATE", help=_("with --end: an earlier cycle's lines, by its dates"))
    lst.add_argument("--end", metavar="DATE", help=_("the last day of that cycle"))
    lst.add_argument("--json", action="store_true")
    show = add_verb(budget, common, "show", cmd_budget_show, _("a budget line in full, with each spend on it"))
    names(show.add_argument("id"), "budget")
    show.add_argument("--json", action="store_true")
    request = add_verb(budget, common, "request", cmd_budget_request, _("ask for money; prints the line's id"))
    request.add_argument("title")
    request.add_argument("amount")
    request.add_argument("--category", choices=CATEGORIES, default="other", help=_("what the money is for (default other)"))
    add_ref(request, "--strategy", kind="strategy", metavar="S", help=_("the strategy it serves (this or --task)"))
    add_ref(request, "--task", kind="task", metavar="T", help=_("the task it pays for"))
    request.add_argument("--note", metavar="TEXT")
    approve = add_verb(budget, common, "approve", cmd_budget_approve, _("approve a request (leads only)"))
    names(approve.add_argument("id"), "budget")
    approve.add_argument("--reason", required=True, metavar="TEXT", help=_("why (kept with the decision)"))
    approve.add_argument("--amount", metavar="N", help=_("approve less than was asked"))
    reject = add_verb(budget, common, "reject", cmd_budget_reject, _("reject a request (leads only)"))
    names(reject.add_argument("id"), "budget")
    reject.add_argument("--reason", required=True, metavar="TEXT", help=_("why (kept with the decision)"))
    edit = add_verb(budget, common, "edit", cmd_budget_edit,
                    _("rename a line, change what it is for or the cycle it counts in (leads only; '' takes a "
                      "link off)"))
    names(edit.add_argument("id"), "budget")
    edit.add_argument("--title")
    edit.add_argument("--category", choices=CATEGORIES, help=_("what the money is for"))
    add_ref(edit, "--strategy", kind="strategy", metavar="S")
    add_ref(edit, "--task", kind="task", metavar="T")
    edit.add_argument("--note", metavar="TEXT")
    edit.add_argument("--cycle", metavar="CYCLE",
                      help=_("the cycle it counts in: this (the plan's cycle now), last, or START..END"))
    spend = add_verb(budget, common, "spend", cmd_budget_spend, _("record money spent on a line"))
    names(spend.add_argument("id"), "budget")
    spend.add_argument("amount")
    spend.add_argument("--on", metavar="DATE", help=_("when it was spent (default today)"))
    spend.add_argument("--note", metavar="TEXT")
    unspend = add_verb(budget, common, "unspend", cmd_budget_unspend,
                       _("take back a spend typed wrong or refunded (a lead's, or whoever recorded it)"))
    names(unspend.add_argument("id", help=_("the spend, as `budget show` lists it (E-3)")), "spend")
    total = add_verb(budget, common, "total", cmd_budget_total, _("set the plan's whole budget (leads only)"))
    total.add_argument("amount", help=_("a number, or none"))

    training = verbs.add_parser("training", help=_("training items")).add_subparsers(
        title=_("training commands"), metavar="VERB", required=True)
    tlist = add_verb(training, common, "list", cmd_training_list, _("list training items"))
    tlist.add_argument("--json", action="store_true")
    tadd = add_verb(training, common, "add", cmd_training_add, _("add a training item (leads only)"))
    tadd.add_argument("topic", help=_("what the training is about"))
    tadd.add_argument("--audience", metavar="WHO", default="", help=_("who it is for"))
    tadd.add_argument("--on", metavar="DATE", help=_("when it takes place"))
    add_ref(tadd, "--strategy", kind="strategy", metavar="S")
    tedit = add_verb(training, common, "edit", cmd_training_edit,
                     _("reschedule a training item, or change its topic, audience or strategy (leads only)"))
    names(tedit.add_argument("id"), "training")
    tedit.add_argument("--topic", help=_("what the training is about"))
    tedit.add_argument("--audience", metavar="WHO", help=_("who it is for"))
    tedit.add_argument("--on", metavar="DATE", help=_("when it takes place (none: no date yet)"))
    add_ref(tedit, "--strategy", kind="strategy", metavar="S")
    tdone = add_verb(training, common, "done", cmd_training_done, _("mark a training item done"))
    names(tdone.add_argument("id"), "training")
    tdone.add_argument("--undo", action="store_true", help=_("mark it not done"))
    tdelete = add_verb(training, common, "delete", cmd_training_delete, _("delete a training item (leads only)"))
    names(tdelete.add_argument("id"), "training")
