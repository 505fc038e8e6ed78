"""`uplift plan ...`: export a plan to YAML, import one, list the templates, start from one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sales.errors import NotFound
from sales.text import safe
from tui.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_REFUSED,
    BadInput,
    add_path,
    add_verb,
    cli_date,
    open_board,
    stdin_buffer,
)
from tui.i18n import _, language, n_, say


def cmd_plan_export(args: argparse.Namespace) -> int:
    from store.plan_yaml import dump_plan, write_plan_file

    board = open_board(args)
    if args.plan and args.plan != board.name:  # (not found, as an id would be)
        raise NotFound("this board holds the plan {board!r}, not {plan!r} (a board holds one plan; choose "
                       "another with --board DIR)", board=board.name, plan=args.plan)
    text = dump_plan(board.export_plan())
    if args.output and args.output != "-":
        write_plan_file(args.output, text, board.path)
        print(_("wrote {file}").format(file=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_plan_import(args: argparse.Namespace) -> int:
    text = read_plan_argument(args.file)
    if text is None:
        return EXIT_BAD_INPUT
    return apply_plan(open_board(args, create=True), text, dry_run=args.dry_run)


def cmd_plan_templates(args: argparse.Namespace) -> int:
    from store.templates import templates
    from tui.cli_output import print_json, table

    if args.json:  # (in English, as every --json is, whatever the interface's language)
        print_json([{"name": t.name, "languages": list(t.languages), "summary": t.summary} for t in templates()])
        return EXIT_OK
    print(table([_("NAME"), _("LANGUAGES"), _("WHAT")],
                [[t.name, " ".join(t.languages), t.summary] for t in templates(language())], max_last=90))
    return EXIT_OK


def cmd_plan_new(args: argparse.Namespace) -> int:
    from sales.plan_check import PlanInvalid
    from store.plan_yaml import parse_plan_text
    from store.templates import template_text

    data, name = template_text(args.template, language())
    if args.output:  # the template itself, its comments and all, to fill in and then import
        return _write_template(args, data)
    try:
        text = parse_plan_text(data, name)
    except PlanInvalid as error:
        print_problems(name, error, None)
        return EXIT_BAD_INPUT
    return apply_plan(open_board(args, create=True), text, dry_run=args.dry_run, create_only=True)


def _write_template(args: argparse.Namespace, data: bytes) -> int:
    """`plan new --from blank -o FILE`: the template written out for a lead to edit (the blank's
    comments explain each field), never into the board's folder; the board is not touched."""
    from store.location import default_board_path
    from store.plan_yaml import write_plan_file

    if args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    board = Path(args.board) if args.board else default_board_path()
    write_plan_file(args.output, data.decode("utf-8"), board.expanduser())
    print(_("wrote {file}; edit it, then `uplift plan import {file}`").format(file=args.output), file=sys.stderr)
    return EXIT_OK


def read_plan_argument(path: str):
    """The plan file at `path` (`-`: standard input), or None once its problems are printed."""
    from sales.plan_check import PlanInvalid
    from store.plan_yaml import MAX_BYTES, parse_plan_text, read_plan_file

    try:
        if path == "-":  # standard input: how a plan reaches a board over SSH
            return parse_plan_text(stdin_buffer().read(MAX_BYTES + 1), "<stdin>")
        return read_plan_file(path)
    except PlanInvalid as error:
        print_problems("<stdin>" if path == "-" else path, error, None)
        return None


def apply_plan(board, text, *, dry_run: bool, create_only: bool = False, report=None) -> int:
    """Import a read plan file; the exit code. What it did is printed (by `report(summary)`
    when given), or its problems or refusals, each with its line."""
    from sales.plan_check import PlanInvalid, PlanRefused

    try:
        summary = board.import_plan(text.document, dry_run=dry_run, create_only=create_only)
    except PlanInvalid as error:
        print_problems(text.name, error, text)
        return EXIT_BAD_INPUT
    except PlanRefused as error:
        print_problems(text.name, error, text)
        return EXIT_REFUSED
    if report is not None:
        report(summary)
    else:
        print(safe("\n".join(say(line) for line in summary.lines())))
    if summary.applied:
        _say_relative_rates(board, summary)
    return EXIT_OK


def _say_relative_rates(board, summary) -> None:
    """On stderr, what each goal the file set with a `+5%` on a rate came to (40% → 42%), as
    `goal add` says it: a lead may have meant points (+5pp)."""
    from tui.goal_text import relative_rate_note

    touched = {item for item, _title in summary.created} | {
        item for item, keys in summary.changed if {"target", "target_kind", "baseline", "metric", "unit"} & set(keys)}
    for goal in board.goals():
        if goal.id in touched and (note := relative_rate_note(goal)):
            print(safe(_("note: {note}").format(note=note)), file=sys.stderr)


def cmd_plan_info(args: argparse.Namespace) -> int:
    """The plan's name, cycle and budget; with --name, --start or --end (a lead), changes them."""
    from sales.budget import left_with_cycle
    from sales.goals import number
    from tui.cli_output import print_json

    board = open_board(args)
    if args.name is not None or args.start is not None or args.end is not None:
        info = board.plan_info()
        period = info.get("period") or {}
        start = cli_date(board, args.start, "start") if args.start is not None else period.get("start")
        end = cli_date(board, args.end, "end") if args.end is not None else period.get("end")
        if bool(start) != bool(end):  # (a cycle has both ends, or none)
            raise BadInput("a cycle has a first and a last day: give --start and --end (--start none --end none: "
                           "no cycle)")
        before = board.plan_period()
        board.set_plan_info(args.name if args.name is not None else info["name"], start or None, end or None)
        if (kept := left_with_cycle(board.lines_kept_with(before), before)) is not None:
            print(_("note: {what}").format(what=say(kept)), file=sys.stderr)
    info = board.plan_info()
    if args.json:
        print_json(info)
        return EXIT_OK
    from tui.cli_output import on_screen

    # (on a terminal, each line wrapped within its width: at 38 columns "budget none set ..." ran past)
    period = info.get("period") or {}
    print(on_screen(_("plan   {name}").format(name=safe(info["name"])) if info["name"]
                    else _("plan   no name yet (uplift plan info --name NAME)")))
    print(on_screen(_("cycle  {start} to {end}").format(start=period["start"], end=period["end"]) if period
                    else _("cycle  none set (uplift plan info --start DATE --end DATE)")))
    budget = info.get("budget")
    print(on_screen(_("budget {budget}").format(budget=number(budget)) if budget is not None
                    else _("budget none set (uplift budget total AMOUNT)")))
    if (args.start is not None or args.end is not None) and (waiting := board.not_carried()):
        # a new cycle: the choice Lattice asks of each of the last one's goals, said as it begins
        print(on_screen(n_("{ids} ended with the last cycle: `uplift goal carry ID --target N` carries it on, `uplift goal close ID` closes it with how it ended",
                           "{ids} ended with the last cycle: `uplift goal carry ID --target N` carries one on, `uplift goal close ID` closes one with how it ended",
                           len(waiting)).format(ids=", ".join(waiting))))
    return EXIT_OK


def print_problems(name: str, error, text) -> None:
    from store.plan_yaml import format_problem
    from tui.i18n import said_reason

    problems = text.located(error.problems) if text is not None else error.problems
    for problem in problems:
        print(safe(format_problem(name, problem, said_reason)), file=sys.stderr)
    count = len(problems)
    print("uplift: " + n_("{count} problem; nothing was written", "{count} problems; nothing was written",
                          count).format(count=count), file=sys.stderr)


def register(verbs, common: argparse.ArgumentParser) -> None:
    plan = verbs.add_parser("plan", help=_("export, import and start plans as YAML")).add_subparsers(
        title=_("plan commands"), metavar="VERB", required=True)
    export = add_verb(plan, common, "export", cmd_plan_export,
                      _("write the whole plan as YAML (standard output unless -o)"))
    export.add_argument("plan", nargs="?", help=_("the plan's name (a board holds one plan)"))
    add_path(export, "-o", "--output", metavar="FILE", help=_("write to FILE instead"))
    imp = add_verb(plan, common, "import", cmd_plan_import,
                   _("apply a plan file: create and change what it says, leave the rest alone"))
    add_path(imp, "file", help=_("the plan file (YAML; - reads standard input)"))
    imp.add_argument("--dry-run", action="store_true", help=_("say what would change; write nothing"))
    info = add_verb(plan, common, "info", cmd_plan_info,
                    _("the plan's name, cycle dates and budget; a lead changes the name and the cycle with the options"))
    info.add_argument("--name", help=_("the plan's name"))
    info.add_argument("--start", metavar="DATE", help=_("the cycle's first day (none: no cycle)"))
    info.add_argument("--end", metavar="DATE", help=_("the cycle's last day (none: no cycle)"))
    info.add_argument("--json", action="store_true")
    listing = add_verb(plan, common, "templates", cmd_plan_templates,
                       _("list the plan and checklist templates, and the languages each comes in"))
    listing.add_argument("--json", action="store_true")
    new = add_verb(plan, common, "new", cmd_plan_new,
                   _("start a plan (or add a checklist) from a template, in the interface's language if it has one"))
    new.add_argument("--from", dest="template", required=True, metavar="NAME",
                     help=_("a template name (see `uplift plan templates`); NAME.zh picks the Chinese one"))
    new.add_argument("--dry-run", action="store_true", help=_("say what would be added; write nothing"))
    add_path(new, "-o", "--output", metavar="FILE",
             help=_("write the template to FILE (- for standard output) to edit and then import, "
                    "instead of applying it"))
