"""`uplift deal ...`, `uplift funnel` and `uplift snapshot`: the pipeline from the command line."""

from __future__ import annotations

import argparse
import sys

from sales.deals import BUSINESS_KINDS, FORECAST_CATEGORIES
from sales.errors import Invalid
from tui.change_text import say_edit
from tui.cli_output import say_line
from tui.cli_refs import add_ref, names, ref
from tui.cli_support import (
    EXIT_OK,
    BadInput,
    add_output_flags,
    add_path,
    add_verb,
    check_output_flags,
    cli_date,
    cli_number,
    import_span,
    open_board,
    stdin_file,
    whose,
)
from sales.text import safe
from tui.i18n import N_, _, bracketed, fill, n_


def _money(value: float) -> str:
    return f"{value:,.0f}"


#: Which of `deal list`'s columns a narrow terminal leaves out first (by index): the account,
#: the close date, the owner, the stage; ID, value and title stay.
DEAL_LEAST_FIRST = (5, 3, 4, 1)


def cmd_deal_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table

    check_output_flags(args)
    board = open_board(args)
    deals = board.deals()
    if args.stage:
        stage = board.stage(args.stage).name
        deals = [d for d in deals if d.stage == stage]
    if owner := whose(args, board):
        deals = [d for d in deals if d.owner == owner]
    if args.strategy:  # the deals a strategy brought (its own field, not its tasks' links)
        deals = [d for d in deals if d.strategy == args.strategy]
    if args.open:  # the deals still in play, not those won or lost
        outcome = {stage.name: stage.outcome for stage in board.stages()}
        deals = [d for d in deals if outcome.get(d.stage, "open") == "open"]
    if args.search:  # a CRM's search box: the words in its title, account, product or next step
        from sales.search import holds_words

        deals = [d for d in deals if holds_words(args.search, d.title, d.account, d.product, d.next_step)]
    if args.json:
        print_json(deals)
    elif args.csv:
        from tui.cli_output import DEAL_COLUMNS, deal_cells, print_csv

        stages = board.stages()
        key = board.key()
        print_csv(DEAL_COLUMNS, [deal_cells(d, stages, key) for d in deals], args.output, board)
    elif deals:
        from sales.deals import closed_on

        # CLOSE: the expected close date of an open deal, the day a won or lost one closed
        outcomes = {stage.name: stage.outcome for stage in board.stages()}
        print(table(["ID", _("STAGE"), _("VALUE"), _("CLOSE"), _("OWNER"), _("ACCOUNT"), _("TITLE")],
                    [[d.id, d.stage, _money(d.value), str(closed_on(d, outcomes.get(d.stage, "open")) or d.close or ""),
                      d.owner or "", d.account + (" ★" if d.key_account else ""), d.title] for d in deals],
                    least_first=DEAL_LEAST_FIRST))
    else:
        say_line(_("No deals match.") if board.deals() else
                 _("No deals yet: add one with `uplift deal add \"Acme renewal\" --account Acme --value 12000`."))
    return EXIT_OK


def _fields(board, args: argparse.Namespace) -> dict:
    fields = {"account": args.account, "product": args.product, "owner": args.owner, "stage": args.stage,
              "value": cli_number(args.value, "value"), "close": cli_date(board, args.close, "close"), "next_step": args.next,
              "next_due": cli_date(board, args.next_due, "--next-due"),
              "forecast": args.forecast, "lost_reason": args.lost_reason, "business": args.business,
              "strategy": args.strategy}
    if args.key is not None:
        fields["key_account"] = args.key
    if args.split is not None:
        fields["splits"] = _splits(board, args.split)
    return {k: v for k, v in fields.items() if v is not None}


def _splits(board, given: list[str]) -> list[dict]:
    """The splits of every --split (`bo=40`, `bo 40, cy 10`; `none` clears them), each naming a
    member (tui/cli_refs.py: someone not on the board is "not found")."""
    from sales.splits import parse_splits

    if len(given) > 1 and any(text.strip().lower() in ("none", "-", "") for text in given):
        raise BadInput("--split none clears the splits: give it alone")
    splits = []
    for text in given:
        try:
            splits += parse_splits(text)
        except ValueError as error:
            raise BadInput("--split {text}: {error}", text=text, error=error) from None
    for split in splits:
        split["rep"] = ref(board, "--split", "member", split["rep"])
    return splits


def cmd_deal_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    fields = _fields(board, args)  # (--owner "": nobody's, where left out: the actor's)
    deal = board.add_deal(args.title, **{k: v for k, v in fields.items() if v != "" or k == "owner"})
    if args.json:
        _print_deal(board, deal)
    else:
        print(deal.id)
    return EXIT_OK


def cmd_deal_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = _fields(board, args)
    if args.title is not None:
        fields["title"] = args.title
    if not fields:
        raise BadInput("nothing to change: give at least one of --title, --account, --value, ...")
    old = board.deal(args.id)
    deal = board.update_deal(args.id, **fields)
    if args.json:
        _print_deal(board, deal)
    else:
        say_edit("deal.edit", old, deal)
    _tell_payments_kept(board, old, deal)
    return EXIT_OK


def cmd_deal_move(args: argparse.Namespace) -> int:
    from sales.winloss import is_new_reason

    board = open_board(args)
    old = board.deal(args.id)
    if args.reason and (stage := board.stage(args.stage)).outcome != "lost":
        lost = next((s.name for s in board.stages() if s.outcome == "lost"), "Lost")
        raise BadInput("--reason says why a deal was lost: give it with a move to {lost}, not to {stage}",
                       lost=lost, stage=stage.name)
    if args.close_tasks and (stage := board.stage(args.stage)).outcome == "open":
        raise BadInput("--close-tasks marks a deal's open tasks done as it is won or lost: not with a move to {stage}",
                       stage=stage.name)
    known = board.lost_reasons(())  # the board's own (before the move, which may add the reason to them)
    left_open = board.open_tasks_for(old.id)
    try:
        deal = board.move_deal(args.id, args.stage, args.reason, close_tasks=args.close_tasks)
    except Invalid as error:  # the option is --reason here (--lost-reason is deal edit's)
        if error.field != "lost_reason":
            raise
        raise Invalid("reason", error) from None
    moved = deal.stage != old.stage or deal.lost_reason != old.lost_reason
    if args.json:  # (its notes, below, stay on stderr)
        _print_deal(board, deal)
    elif not moved:  # (said, as `task move` says it)
        print(safe(_("{id} was already in {stage}").format(id=deal.id, stage=deal.stage)))
    else:
        print(safe(_("{id} → {stage} ({reason})").format(id=deal.id, stage=deal.stage, reason=deal.lost_reason)
                   if deal.lost_reason else f"{deal.id} → {deal.stage}"))
    if not moved:
        return EXIT_OK
    if not deal.lost_reason and board.stage(deal.stage).outcome == "lost":
        # (Pipedrive asks for the reason as a deal is lost: the win/loss report is built from them)
        print(safe(_("note: {id} is lost with no reason given: `uplift deal edit {id} --lost-reason TEXT` "
                     "says why (uplift winloss groups lost deals by it)").format(id=deal.id)), file=sys.stderr)
    if deal.lost_reason and known and is_new_reason(deal.lost_reason, known):
        # (not refused: the win/loss report counts each spelling as a reason of its own, so say them)
        print(safe(_("note: {reason!r} is a new lost reason; reasons so far: {reasons}").format(
            reason=deal.lost_reason, reasons=", ".join(known))), file=sys.stderr)
    if left_open and board.stage(deal.stage).outcome != "open":
        _tell_tasks(deal, left_open, args.close_tasks, args.json)
    _tell_payments_kept(board, old, deal)
    return EXIT_OK


def _tell_tasks(deal, tasks, closed: bool, json: bool) -> None:
    """The follow-ups a won or lost deal had open: done now (`--close-tasks`), or still open and
    how to close them (else they turn overdue in My day, for a deal no longer in play)."""
    listed = ", ".join(f"{t.id} {t.title}" for t in tasks)
    if closed:
        print(safe(_("done: {tasks}").format(tasks=listed)), file=sys.stderr if json else sys.stdout)
        return
    print(safe(_("note: {id} still has open tasks: {tasks}; `uplift task done {ids}` closes them (or move it "
                 "with --close-tasks)").format(id=deal.id, tasks=listed, ids=" ".join(t.id for t in tasks))),
          file=sys.stderr)


def _tell_payments_kept(board, old, deal) -> None:
    """A note on stderr when a deal its customer paid on leaves won (sales.deals.payments_kept)."""
    from sales.deals import payments_kept
    from tui.i18n import say

    note = payments_kept(old, deal, board.stages())
    if note:
        print(safe(say(note)), file=sys.stderr)


def cmd_deal_show(args: argparse.Namespace) -> int:
    from tui.cli_output import deal_detail, detail_on_screen

    board = open_board(args)
    deal = board.deal(args.id)
    if args.json:
        _print_deal(board, deal)
    else:
        touches = [t for t in board.touches() if t.deal == deal.id]
        print(detail_on_screen(deal_detail(deal, board.stages(), touches, board.tasks_for(deal.id), board.clock())))
    return EXIT_OK


def _print_deal(board, deal) -> None:
    """A deal as `deal show --json` prints it: also what `--json` on a command that changes one
    prints, the deal as it now is (a script reads it rather than showing it again)."""
    from sales.deals import paid_on
    from tui.cli_output import print_json

    print_json({"deal": deal, "paid": paid_on(deal), "activities": [t for t in board.touches() if t.deal == deal.id],
                "tasks": board.tasks_for(deal.id), "history": board.history(item=deal.id)})


def cmd_deal_paid(args: argparse.Namespace) -> int:
    """Record money a customer paid on a won deal (a lead's): under an incentive plan with
    `release: paid` it releases that part of the deal's commission."""
    from datetime import date

    from sales.deals import paid_on
    from sales.payout import pct

    board = open_board(args)
    amount = cli_number(args.amount, "amount")
    day = cli_date(board, args.on, "on")
    deal = board.record_payment(args.id, amount, date.fromisoformat(day) if day else None, args.note or "")
    if args.json:
        _print_deal(board, deal)
    else:
        paid = paid_on(deal)
        print(safe(_("{id}: paid {paid} of {value}").format(id=deal.id, paid=f"{paid:,.2f}", value=f"{deal.value:,.2f}")
                   + (bracketed(pct(paid / deal.value * 100)) if deal.value else "")))
    if day and date.fromisoformat(day) > board.today():  # received from its day on (sales.deals.paid_share)
        print(_("note: {day} is after today: the payment counts, and releases commission, from that day").format(
            day=day), file=sys.stderr)
    return EXIT_OK


def _overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip():
            raise BadInput("--map {pair}: write COLUMN=FIELD (e.g. --map sales_agent=owner)", pair=pair)
        column, field = column.strip(), field.strip()
        if overrides.get(column, field) != field:  # the last would silently win
            raise BadInput("--map {pair}: the column {column!r} is already mapped to {field}; map each column once",
                           pair=pair, column=column, field=overrides[column])
        overrides[column] = field
    return overrides


def _pairs(option: str, pairs: list[str]) -> dict[str, str]:
    """`--stage` / `--owner` NAME=TARGET pairs as {name: target}; BadInput for one that is not."""
    found: dict[str, str] = {}
    for pair in pairs:
        named, sep, target = pair.rpartition("=")
        if not sep or not named.strip() or not target.strip():
            raise BadInput("{option} {pair}: write NAME=TARGET (e.g. {example})", option=option, pair=pair,
                           example="--stage 'Contract Sent=Negotiation'" if option == "--stage" else
                           "--owner 'Ali Khan=ali'")
        found[named.strip()] = target.strip()
    return found


def _import_options(board, args: argparse.Namespace) -> dict:
    # `--owner 'Ali Khan=Ali'`: the member read as every option that names one reads it
    owners = {named: ref(board, "--owner", "member", member) for named, member in _pairs("--owner", args.owner).items()}
    return {"unowned": args.unowned, "dry_run": args.dry_run, "stage_names": _pairs("--stage", args.stage),
            "owners": owners, "date_order": args.date_format, "pipeline": args.pipeline,
            "with_deleted": args.with_deleted}


def cmd_deal_import(args: argparse.Namespace) -> int:
    from tui.cli_output import print_another_board, print_json

    overrides = _overrides(args.map)
    board = open_board(args, create=True)
    if args.file == "-":  # standard input: how a CRM export reaches a board over SSH
        result = _import_stdin(board, args, overrides)
    else:
        result = board.import_deals(args.file, overrides, **_import_options(board, args))
    if args.json:
        print_json(result)
        return EXIT_OK
    rows = result["rows"]
    said = (n_("would import {count} deal{span}: {stages}", "would import {count} deals{span}: {stages}", rows)
            if args.dry_run else n_("imported {count} deal{span}: {stages}", "imported {count} deals{span}: {stages}", rows))
    span = import_span(result)
    if rows or not (result["updated"] or result["unchanged"] or result["kept"] or result["deleted"]):
        print(said.format(count=rows, span=span, stages=", ".join(f"{stage} {n}" for stage, n in result["by_stage"].items())))
    else:
        print(_("no new deals"))
    _print_updates(result, args.dry_run)
    pipelines = result["pipelines"]
    if result["pipeline"] is not None and len(pipelines) > 1:
        print(_("pipeline {name} only: left out {others}").format(
            name=result["pipeline"], others=", ".join(f"{p} {n}" for p, n in pipelines.items() if p != result["pipeline"])))
    elif len(pipelines) > 1:  # their stages all read into the board's one pipeline: said, so it is seen
        print(_("the file holds {count} pipelines ({pipelines}), all read into the board's one; --pipeline NAME "
                "imports one of them").format(count=len(pipelines),
                                               pipelines=", ".join(f"{p} {n}" for p, n in pipelines.items())))
    print(_("columns: {mapping}").format(mapping=", ".join(f"{c} → {f}" for c, f in result["mapping"].items())))
    if footer := result["footer"]:
        print(n_("left out the line under the deals, a report's footer: {first!r}",
                 "left out the {count} lines under the deals, a report's footer: {first!r} …", len(footer)).format(
            count=len(footer), first=footer[0]))
    if result["stages_read"]:  # a CRM's stage names, read as the board's: said, so a wrong guess is seen
        print(_("stages: {stages} (--stage NAME=STAGE reads a stage otherwise)").format(
            stages=", ".join(f"{name} → {stage}" for name, stage in result["stages_read"].items())))
    if result["dates_month_first"]:
        print(_("dates in {columns} read month first (12/03/2026 is 3 December): no day above 12 says otherwise; "
                "--date-format dayfirst reads them day first").format(columns=", ".join(result["dates_month_first"])))
    if count := result["without_account"]:
        print((n_("{count} deal has no account", "{count} deals have no account", count)
               if "title" in result["mapping"].values() else
               n_("{count} deal has no account (its title is the product or id)",
                  "{count} deals have no account (its title is the product or id)", count)).format(count=count))
    if count := result["without_owner"]:
        print(n_("{count} deal has no owner (not a member; --unowned)",
                 "{count} deals have no owner (not a member; --unowned)", count).format(count=count))
    if won_today := result["won_today"]:  # won today: this cycle's payouts count them (README "Paid by the customer")
        which = ", ".join(_("row {row}").format(row=w["row"]) if w["id"] is None else
                          _("{id} (row {row})").format(id=w["id"], row=w["row"]) for w in won_today)
        count = len(won_today)
        if board.role != "lead":  # a rep's file may not date a win (README "A won or lost row's day"): a lead's may
            print(_won_today_for_a_rep(count, args.dry_run).format(count=count, which=which))
        else:
            print((n_("{count} won deal would have no close date, so it would count as won today, in this cycle's "
                      "payouts: {which}; if it was won earlier, give the file a close column",
                      "{count} won deals would have no close date, so they would count as won today, in this cycle's "
                      "payouts: {which}; if they were won earlier, give the file a close column", count)
                   if args.dry_run else
                   n_("{count} won deal has no close date, so it counts as won today, in this cycle's payouts: "
                      "{which}; if it was won earlier, `uplift undo` and import the file with a close column",
                      "{count} won deals have no close date, so they count as won today, in this cycle's payouts: "
                      "{which}; if they were won earlier, `uplift undo` and import the file with a close column", count)
                   ).format(count=count, which=which))
    print_another_board(result.get("another_board"), board.keyed_by_path(), args.dry_run)
    if "opened" in result["mapping"].values():
        print(fill(_("won and lost deals with an opening date entered {stage} on it"),
            stage=result["closed_deals_opened_in"]))
    return EXIT_OK


def _won_today_for_a_rep(count: int, dry_run: bool) -> str:
    """What a rep is told of the won deals their file dates today: a close column is a lead's to
    give (a rep's may not date a win in the past), so not to give the file one, but to ask a lead."""
    if dry_run:
        return n_("{count} won deal would have no close date, so it would count as won today, in this cycle's "
                  "payouts: {which}; if it was won earlier, ask a lead to import the file with a close column "
                  "(only a lead may date a win)",
                  "{count} won deals would have no close date, so they would count as won today, in this cycle's "
                  "payouts: {which}; if they were won earlier, ask a lead to import the file with a close column "
                  "(only a lead may date a win)", count)
    return n_("{count} won deal has no close date, so it counts as won today, in this cycle's payouts: {which}; "
              "if it was won earlier, `uplift undo` and ask a lead to import the file with a close column "
              "(only a lead may date a win)",
              "{count} won deals have no close date, so they count as won today, in this cycle's payouts: {which}; "
              "if they were won earlier, `uplift undo` and ask a lead to import the file with a close column "
              "(only a lead may date a win)", count)


def _print_updates(result: dict, dry_run: bool) -> None:
    """What an import did to the deals the file brought before (by their CRM id): each one it
    changes, with its fields before and after; how many are as the file has them; each one the
    board has won or lost that the file has elsewhere, left as it is, with the move that would
    follow the file."""
    import shlex

    from sales.activity import Activity, describe
    from tui.change_text import say_change

    from tui.cli_output import print_first

    if updated := result["updated"]:
        count = len(updated)
        print((n_("would update {count} deal:", "would update {count} deals:", count) if dry_run
               else n_("updated {count} deal:", "updated {count} deals:", count)).format(count=count))
        print_first(updated, lambda change: say_change(describe(Activity(
            seq=0, txn=0, at="", actor="", action="deal.edit", item=change["id"], before=change["before"],
            after=change["after"]))), "  ")
    if count := result["unchanged"]:
        print(n_("{count} deal already as the file has it", "{count} deals already as the file has them",
                 count).format(count=count))
    print_first(result["kept"], lambda kept: fill(_(
        "kept {id} {title!r} as the board has it, {stage}, where the file (row {row}) has it in {file_stage}: "
        "`{move}` follows the file"),
        id=kept["id"], title=kept["title"], stage=kept["stage"], row=kept["row"], file_stage=kept["file_stage"],
        move=f"uplift deal move {kept['id']} {shlex.quote(kept['file_stage'])}"))
    if deleted := result.get("deleted"):
        count = len(deleted)
        print(n_("left out {count} deal deleted on this board (--with-deleted imports it again):",
                 "left out {count} deals deleted on this board (--with-deleted imports them again):", count).format(
            count=count))
        print_first(deleted, lambda gone: _("row {row}: {id} {title!r} ({source}), deleted by {by} on {on}").format(
            row=gone["row"], id=gone["id"], title=gone["title"], source=gone["source"], by=gone["by"],
            on=gone["on"]), "  ")


#: The most a deals file read from standard input may hold (`uplift serve ssh` caps a command's
#: standard input lower, at 5 MB).
MAX_STDIN_BYTES = 64 * 1024 * 1024


def _import_stdin(board, args: argparse.Namespace, overrides: dict[str, str]) -> dict:
    """Import the deals file piped in: kept in a temporary file while it is read, named
    `<stdin>` in messages."""
    with stdin_file(MAX_STDIN_BYTES, N_("<stdin>: more than {mb} MB; import a file instead"),
                    prefix="uplift-deals-", suffix=".csv") as path:
        return board.import_deals(path, overrides, name="<stdin>", **_import_options(board, args))


def cmd_funnel(args: argparse.Namespace) -> int:
    from sales.deals import weighted_pipeline
    from tui.cli_output import print_json, table

    board = open_board(args)
    rows = board.funnel(weeks=args.weeks)
    if args.json:
        print_json({"stages": rows, "weighted_pipeline": weighted_pipeline(board.deals(), board.stages())},
                   fractions=("conversion",))  # (a stage's probability: as the plan file sets it, percent)
        return EXIT_OK
    bars = " ▁▂▃▄▅▆▇█"

    def spark(values: list[int]) -> str:
        top = max(values) or 1
        return "".join(bars[round(v / top * 8)] for v in values)

    print(table([_("STAGE"), _("PROB"), _("DEALS"), _("VALUE"), _("WEIGHTED"), _("CONVERSION"), _("DAYS"),
                 _("LAST {weeks} WEEKS").format(weeks=args.weeks)],
                [[r.stage, f"{r.probability}%", str(r.count), _money(r.value), _money(r.weighted),
                  "" if r.outcome != "open" else ("–" if r.conversion is None else
                                                  f"{r.conversion:.0f}% ({r.advanced}/{r.left})"),
                  "" if r.days is None else f"{r.days:.1f}", spark(r.trend)] for r in rows],
                # (narrow: the days in stage, the probability, the trend, the weighted value give way)
                least_first=(6, 1, 7, 4)))
    from tui.cli_output import on_screen

    print(on_screen(_("weighted pipeline (open deals): {value}").format(
        value=_money(weighted_pipeline(board.deals(), board.stages())))))
    return EXIT_OK


def cmd_snapshot(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    board = open_board(args)
    taken = board.take_snapshot()
    if args.json:
        print_json(taken)
    else:
        print(f"{taken['week']}: " + ", ".join(f"{k} {v}" for k, v in taken["counts"].items()))
        if not taken["written"]:
            print(_("(this week's snapshot already holds these counts: nothing written)"))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    deal = verbs.add_parser("deal", help=_("the deal pipeline: list, add, edit, move, show, paid, import"))
    deal_verbs = deal.add_subparsers(title=_("deal commands"), metavar="VERB", required=True)

    listing = add_verb(deal_verbs, common, "list", cmd_deal_list, _("list deals (biggest first)"))
    names(listing.add_argument("--stage", help=_("only deals in this stage")), "stage")
    add_ref(listing, "--owner", kind="member", owns=("deals",), metavar="U", help=_("only this owner's deals"))
    listing.add_argument("--mine", action="store_true", help=_("only my deals"))
    listing.add_argument("--open", action="store_true", help=_("only open deals (not won or lost)"))
    add_ref(listing, "--strategy", kind="strategy", metavar="S", help=_("only the deals this strategy brought"))
    listing.add_argument("--search", metavar="WORDS",
                         help=_("only the deals holding all these words (in the title, account, product or next step)"))
    add_output_flags(listing)

    def deal_fields(parser: argparse.ArgumentParser, owns: tuple[str, ...] = ()) -> None:
        names(parser.add_argument("--account"), "account")
        parser.add_argument("--product", help=_("what is sold (an incentive plan may pay a rate per product)"))
        parser.add_argument("--key", action=argparse.BooleanOptionalAction, default=None,
                            help=_("a key account (--no-key to clear)"))
        add_ref(parser, "--owner", kind="member", owns=owns, metavar="U",
                help=_("who owns it (on add, you unless given; \"\" for nobody)"))
        names(parser.add_argument("--stage", help=_("its stage, as the pipeline names them")), "stage")
        parser.add_argument("--value", metavar="AMOUNT", help=_("48000, 48k, 1.2M"))
        parser.add_argument("--close", metavar="DATE", help=_("expected close date"))
        parser.add_argument("--next", metavar="STEP", help=_("the next step"))
        parser.add_argument("--next-due", metavar="DATE", help=_("when the next step is due (fri, +3d, 2026-12-11; \"\" clears)"))
        parser.add_argument("--forecast", choices=FORECAST_CATEGORIES,
                            help=_("how it counts in the forecast: auto (by its stage), commit, best_case or omit"))
        parser.add_argument("--business", choices=BUSINESS_KINDS,
                            help=_("whether winning it brings a new customer (for new-logo bonuses): new, existing "
                                 "(a renewal, an upsell), or auto (new when its account has won nothing before)"))
        parser.add_argument("--lost-reason", metavar="TEXT",
                            help=_('why a lost deal was lost ("" clears it); see `uplift winloss`'))
        parser.add_argument("--split", action="append", metavar="REP=PCT",
                            help=_("credit another rep with a share of the deal (again for more; the owner "
                                 "keeps the rest; `none` clears them; a lead's)"))
        add_ref(parser, "--strategy", kind="strategy", metavar="S",
                help=_('the strategy (campaign) that brought it, counted for it in the review ("" clears it)'))

    changed_json = _("print the deal, changed, as `deal show --json` does")
    add = add_verb(deal_verbs, common, "add", cmd_deal_add, _("add a deal; prints its id"))
    add.add_argument("title")
    deal_fields(add)
    add.add_argument("--json", action="store_true", help=changed_json)
    edit = add_verb(deal_verbs, common, "edit", cmd_deal_edit, _("change a deal's fields"))
    names(edit.add_argument("id"), "deal")
    edit.add_argument("--title")
    deal_fields(edit, owns=("deals",))  # (a deal keeps an owner who has left, until handed on)
    edit.add_argument("--json", action="store_true", help=changed_json)
    move = add_verb(deal_verbs, common, "move", cmd_deal_move, _("move a deal to a stage"))
    names(move.add_argument("id"), "deal")
    names(move.add_argument("stage", help=_("the stage to move it to, as the pipeline names them")), "stage")
    move.add_argument("--reason", metavar="TEXT",
                      help=_('why the deal was lost, when STAGE is the lost stage (e.g. price, competitor)'))
    move.add_argument("--close-tasks", action="store_true",
                      help=_("won or lost: mark the deal's open tasks done too, in the same change (one undo)"))
    move.add_argument("--json", action="store_true", help=changed_json)
    show = add_verb(deal_verbs, common, "show", cmd_deal_show, _("a deal, its stage history and activities"))
    names(show.add_argument("id"), "deal")
    show.add_argument("--json", action="store_true")
    paid = add_verb(deal_verbs, common, "paid", cmd_deal_paid,
                    _("record what the customer paid on a won deal (lead); payments add up"))
    names(paid.add_argument("id"), "deal")
    paid.add_argument("amount", metavar="AMOUNT", help="12000, 12k")
    paid.add_argument("--on", metavar="DATE", help=_("when it was paid (default: today)"))
    paid.add_argument("--note", metavar="TEXT", help=_("the invoice or payment reference"))
    paid.add_argument("--json", action="store_true", help=changed_json)
    imp = add_verb(deal_verbs, common, "import", cmd_deal_import,
                   _("add the deals of a CSV, XLSX or XLS file, or update those it brought before (all or nothing)"))
    add_path(imp, "file", help=_("the file, or - for standard input"))
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                     help=_("which deal field a column holds (FIELD - ignores the column)"))
    imp.add_argument("--stage", action="append", default=[], metavar="NAME=STAGE",
                     help=_("read the file's stage NAME as the board's STAGE (again for more): a CRM's own stages"))
    imp.add_argument("--owner", action="append", default=[], metavar="NAME=MEMBER",
                     help=_("the file's owner NAME is the member MEMBER (again for more): Ali Khan=ali"))
    imp.add_argument("--date-format", choices=("dayfirst", "monthfirst"),
                     help=_("read dates such as 03/04/2026 day first or month first (by default, as the column "
                            "shows: a part above 12; else month first)"))
    imp.add_argument("--pipeline", metavar="NAME",
                     help=_("import only the deals of the file's pipeline NAME (a CRM's Pipeline column)"))
    imp.add_argument("--unowned", action="store_true",
                     help=_("import deals whose owner is not a member without an owner"))
    imp.add_argument("--with-deleted", action="store_true",
                     help=_("import again the deals of the file that were deleted on the board (left out otherwise)"))
    imp.add_argument("--dry-run", action="store_true", help=_("check the file, write nothing"))
    imp.add_argument("--json", action="store_true")

    funnel = add_verb(verbs, common, "funnel", cmd_funnel, _("the funnel: per stage deals, value, conversion, trend"))
    funnel.add_argument("--weeks", type=int, default=12, metavar="N",
                        help=_("the weeks each stage's trend shows (default 12)"))
    funnel.add_argument("--json", action="store_true")
    snap = add_verb(verbs, common, "snapshot", cmd_snapshot, _("record this week's pipeline counts (for cron)"))
    snap.add_argument("--json", action="store_true")
