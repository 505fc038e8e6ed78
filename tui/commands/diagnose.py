"""`uplift diagnose FILE...` (phase 1) and `uplift diagnosis list|show|delete` (the kept snapshots).

pandas loads only when a diagnosis runs (inside store.diagnoses.compute_diagnosis), never when
this module is imported.
"""

from __future__ import annotations

import argparse
import sys

from sales.errors import Refused
from sales.text import safe
from tui.cli_output import say_line
from tui.cli_refs import names
from tui.cli_support import EXIT_OK, BadInput, add_output_flags, add_path, add_verb, item_number, open_board
from tui.i18n import N_, _, say

#: `diagnosis list`'s columns after ID (upper-cased, as the other lists show them).
LIST_COLUMNS = (N_("Saved"), N_("By"), N_("Period"), N_("Dates"), N_("Revenue"), N_("Findings"), N_("Files"))
#: Which a narrow terminal leaves out first (by index, ID being 0): the data's dates, who kept
#: it, how many weak spots, the period; below 40 columns, when it was kept (the files ran past
#: the edge).
LIST_LEAST_FIRST = (4, 3, 6, 2, 1)


def cmd_diagnose(args: argparse.Namespace) -> int:
    from sales.sales_fields import MappingError
    from store.record_files import RecordsError

    board = _board_for(args)
    try:
        if board is None:
            from sales.sales_fields import parse_overrides
            from store.diagnoses import compute_diagnosis

            diagnosis = compute_diagnosis(args.files, parse_overrides(args.map), period=args.period,
                                          joins=args.join, date_format=args.date_format, costs=args.costs)
            run = None
            if not args.no_save:  # no board yet: made only once the files have been read
                board = open_board(args, create=True)
                run = board.run_diagnosis(args.files, args.map, period=args.period, joins=args.join,
                                          date_format=args.date_format, costs=args.costs)
                diagnosis = run.diagnosis
        else:
            run = board.run_diagnosis(args.files, args.map, period=args.period, joins=args.join,
                                      date_format=args.date_format, costs=args.costs, save=not args.no_save)
            diagnosis = run.diagnosis
    except (RecordsError, MappingError) as error:
        raise BadInput("{error} (nothing was saved)", error=error) from None
    except Refused as error:
        raise Refused("{error}; add --no-save to diagnose without keeping a snapshot", error=error) from None
    if run and run.reused:
        used = ", ".join(f"{c}={f}" for c, f in run.reused.items())
        print(safe("uplift: " + _("reused the column mapping saved for files with these columns: {used} "
                                  "(--map COLUMN=FIELD changes it)").format(used=used)), file=sys.stderr)
    if args.json:  # as `diagnosis show --json` shows what it kept (with --no-save: nothing kept, no history)
        from sales.sales_fields import parse_overrides
        from tui.cli_output import print_json

        kept = run.snapshot if run else None
        print_json(_shown(diagnosis, kept, run.overrides if run else parse_overrides(args.map),
                          board.history(item=kept.id) if kept else []))
    else:
        sys.stdout.write(_report(diagnosis))
    if run and run.snapshot:
        where = sys.stderr if args.json else sys.stdout
        print(_("Kept as {id} (see `uplift diagnosis list`).").format(id=run.snapshot.id), file=where)
    return EXIT_OK


def _report(diagnosis) -> str:
    """The report for a person: its tables laid out as the command line's others are (figures
    right-aligned; on a terminal, fitted to its width, the columns it has no room for left out and
    named below them) and its lines wrapped within its width; to a pipe, a line each, as ever."""
    from sales.diagnosis_report import format_report
    from tui.cli_output import detail_on_screen, table

    def laid_out(headers, rows, least_first) -> str:
        return table(headers, rows, least_first=least_first, figures=range(2, len(headers)))

    return detail_on_screen(safe(format_report(diagnosis, say, laid_out))).rstrip("\n") + "\n"


def _board_for(args: argparse.Namespace):
    """The board, if it exists (for its saved mappings, and to save on), else None: a new board
    is made only once a run has read its files (a failed run leaves nothing behind)."""
    from sales.errors import NotFound

    try:
        return open_board(args)
    except NotFound:
        return None


def cmd_diagnosis_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json, table
    from tui.time_text import when

    board = open_board(args)
    snapshots = board.snapshots()
    if args.json:
        print_json([_summary(s) for s in snapshots])
    elif snapshots:
        rows = []
        for s in reversed(snapshots):
            d = s.diagnosis
            rows.append([s.id, when(s.saved_at), s.saved_by, _(d.period), f"{d.first_date} – {d.last_date}",
                         f"{d.total.revenue:,.0f}", str(len(d.findings)), ", ".join(_names(d.source.files))])
        print(table(["ID"] + [_(name).upper() for name in LIST_COLUMNS], rows, least_first=LIST_LEAST_FIRST))
    else:
        say_line(_("No diagnosis kept yet: run `uplift diagnose FILE.csv`."))
    return EXIT_OK


def _names(paths: list[str]) -> list[str]:
    from pathlib import Path

    return [Path(p).name for p in paths]


def _summary(snapshot) -> dict:
    """A snapshot as `diagnosis list --json` shows it: the KPIs and findings, not every table."""
    import msgspec

    d = snapshot.diagnosis
    return {"id": snapshot.id, "saved_at": snapshot.saved_at, "saved_by": snapshot.saved_by,
            "files": d.source.files, "mapping": d.source.mapping, "overrides": snapshot.overrides,
            "period": d.period, "first_date": d.first_date, "last_date": d.last_date,
            "rows_read": d.rows_read, "rows_used": d.rows_used, "dropped": d.dropped,
            "total": msgspec.to_builtins(d.total), "findings": msgspec.to_builtins(d.findings)}


def cmd_diagnosis_show(args: argparse.Namespace) -> int:
    from sales.errors import NotFound
    from tui.time_text import when

    from tui.cli_support import check_output_flags

    check_output_flags(args)
    board = open_board(args)
    snapshot = board.snapshot(args.id) if args.id else board.latest_snapshot()
    if snapshot is None:
        raise NotFound("no diagnosis kept on this board yet (run `uplift diagnose FILE.csv`)")
    if args.csv:  # every table of it in one sheet, for a spreadsheet or a BI tool
        from sales.kpis import METRICS
        from tui.cli_output import print_csv

        d = snapshot.diagnosis
        rows = [["all", "", False, *(getattr(d.total, m) for m in METRICS)]]
        rows += [["period", p.period, p.partial, *(getattr(p.metrics, m) for m in METRICS)] for p in d.periods]
        rows += [[dimension, g.value, False, *(getattr(g.metrics, m) for m in METRICS)]
                 for dimension, groups in d.breakdowns.items() for g in groups]
        print_csv(["table", "group", "partial", *METRICS], rows, args.output, board)
    elif args.json:  # the whole diagnosis, named as `diagnosis list --json` names the snapshot
        from tui.cli_output import print_json

        print_json(_shown(snapshot.diagnosis, snapshot, snapshot.overrides, board.history(item=snapshot.id)))
    else:
        from tui.cli_output import on_screen

        print(on_screen(_("{id}, saved {at} by {name}").format(id=snapshot.id, at=when(snapshot.saved_at),
                                                               name=safe(snapshot.saved_by))))
        sys.stdout.write(_report(snapshot.diagnosis))
    return EXIT_OK


def _shown(diagnosis, snapshot, overrides: dict, history: list) -> dict:
    """A diagnosis as `diagnosis show --json` and `diagnose --json` print it: the whole of it under
    "diagnosis", with the id, saved_at and saved_by it was kept with (null when it was not) and the
    column overrides it used; the log's records of it under "history"."""
    import msgspec

    return {"diagnosis": {"id": snapshot and snapshot.id, "saved_at": snapshot and snapshot.saved_at,
                          "saved_by": snapshot and snapshot.saved_by, "overrides": overrides,
                          **msgspec.to_builtins(diagnosis)}, "history": history}


def cmd_diagnosis_compare(args: argparse.Namespace) -> int:
    """Two kept diagnoses side by side: the older first, as given, else the newest two."""
    from sales.diagnosis_compare import compare, format_comparison
    from sales.errors import NotFound

    board = open_board(args)
    if len(args.ids) > 2:
        raise BadInput("compare takes two diagnoses at most (got {count})", count=len(args.ids))
    kept = board.snapshots()
    if args.ids:
        chosen = [board.snapshot(i) for i in args.ids]
        if len(chosen) == 1:  # one named: against the newest
            chosen.append(board.latest_snapshot())
    else:
        chosen = kept[-2:]
    if len(chosen) < 2:
        raise NotFound("comparing needs two kept diagnoses; this board has {count} "
                       "(run `uplift diagnose FILE.csv` for each period)", count=len(kept))
    before, after = chosen
    if before.id == after.id:
        raise BadInput("{id} against itself: name two diagnoses (`uplift diagnosis list` shows them)", id=before.id)
    comparison = compare(before.diagnosis, after.diagnosis, before.id, after.id)
    if args.json:
        import msgspec

        from tui.cli_output import print_json

        print_json(msgspec.to_builtins(comparison))
    else:
        from tui.cli_output import detail_on_screen, left_out_line, table, wrap_width

        def laid_out(headers, rows, least_first) -> str:
            return table(headers, rows, least_first=least_first, figures=range(2, len(headers)))

        # its tables as the command line's others, figures right-aligned, within a terminal's width
        # (at 80 columns the weak spots ran past the edge); to a pipe, a line each, as ever
        text = format_comparison(comparison, say, wrap_width(), left_out_line, laid_out)
        sys.stdout.write(detail_on_screen(safe(text)).rstrip("\n") + "\n")
    return EXIT_OK


def cmd_diagnosis_checklist(args: argparse.Namespace) -> int:
    """The diagnosis checklist (anyone on the team ticks it, as on the screen): listed, or item N ticked."""
    from tui.i18n import language
    from tui.time_text import ticked_by

    if args.number is None and (args.undo or args.toggle):
        raise BadInput("{flag} needs the item's number: uplift diagnosis checklist N {flag}",
                       flag="--undo" if args.undo else "--toggle")
    board = open_board(args)
    if args.number is None:
        items = board.checklist("diagnosis", lang=language())
        if args.json:
            from tui.cli_output import print_json

            print_json([{"number": n, "text": text, "ticked": tick is not None, "by": tick and tick.by,
                         "at": tick and tick.at, "diagnosis": tick and tick.diagnosis}
                        for n, (text, tick) in enumerate(items, 1)])
            return EXIT_OK
        from tui.cli_output import checklist_item

        for n, (text, tick) in enumerate(items, 1):
            print(checklist_item(n, tick is not None, text + ("  " + ticked_by(tick) if tick else "")))
        return EXIT_OK
    if args.json:
        raise BadInput("--json lists the checklist; ticking an item prints a line")
    before = board.checklist("diagnosis")
    was = before[args.number - 1][1] is not None if 0 < args.number <= len(before) else None
    done = board.tick_checklist(args.number - 1, None if args.toggle else not args.undo)
    if was == done:  # nothing changed (and nothing was logged)
        print((_("{number} was already ticked") if done else _("{number} was not ticked")).format(number=args.number))
    else:
        print((_("ticked {number}") if done else _("unticked {number}")).format(number=args.number))
    return EXIT_OK


def cmd_diagnosis_delete(args: argparse.Namespace) -> int:
    board = open_board(args)
    snapshot = board.delete_snapshot(args.id)
    print(_("deleted {id}").format(id=snapshot.id))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    run = add_verb(verbs, common, "diagnose", cmd_diagnose,
                   _("diagnose sales records (CSV, XLSX or XLS): KPIs, breakdowns, weak spots; keeps a snapshot"))
    add_path(run, "files", stdin=False, nargs="+", metavar="FILE", help=_("one file, or several of the same layout"))
    run.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                     help=_("say which column holds a field (repeatable); saved for files with the same columns"))
    run.add_argument("--period", choices=("month", "quarter"), default="month",
                     help=_("the periods the report compares (default month)"))
    add_path(run, "--join", stdin=False, action="append", default=[], metavar="FILE:KEY",
             help=_("add the columns of FILE to each row with the same KEY (repeatable)"))
    add_path(run, "--costs", stdin=False, metavar="FILE", help=_("costs per region, channel, rep or product line (for ROI)"))
    run.add_argument("--date-format", metavar="FMT",
                     help=_("dayfirst, monthfirst, iso, or a strftime format such as %%d.%%m.%%Y"))
    run.add_argument("--json", action="store_true", help=_("print the whole diagnosis as JSON, nothing else"))
    run.add_argument("--no-save", action="store_true", help=_("don't keep a snapshot or the mapping on the board"))

    group = verbs.add_parser("diagnosis", help=_("the diagnoses kept on the board")).add_subparsers(
        title=_("diagnosis commands"), metavar="VERB", required=True)
    lst = add_verb(group, common, "list", cmd_diagnosis_list, _("list kept diagnoses, newest first"))
    lst.add_argument("--json", action="store_true")
    show = add_verb(group, common, "show", cmd_diagnosis_show, _("print a kept diagnosis (default: the newest)"))
    names(show.add_argument("id", nargs="?", metavar="ID"), "snapshot")
    add_output_flags(show)  # --csv: the whole data, each period and each group, a row each
    diff = add_verb(group, common, "compare", cmd_diagnosis_compare,
                    _("two kept diagnoses side by side: KPIs, groups and weak spots, with the change "
                      "(default: the newest two; one ID: it against the newest)"))
    names(diff.add_argument("ids", nargs="*", metavar="ID", help=_("the earlier diagnosis, then the later one")), "snapshot")
    diff.add_argument("--json", action="store_true")
    ticks = add_verb(group, common, "checklist", cmd_diagnosis_checklist,
                     _("list the diagnosis checklist, or tick item N (anyone on the team)"))
    ticks.add_argument("number", type=item_number, nargs="?", metavar="N",
                       help=_("the item's number, as the list shows them"))
    how = ticks.add_mutually_exclusive_group()
    how.add_argument("--undo", action="store_true", help=_("untick it"))
    how.add_argument("--toggle", action="store_true", help=_("toggle it"))
    ticks.add_argument("--json", action="store_true")
    delete = add_verb(group, common, "delete", cmd_diagnosis_delete, _("delete a kept diagnosis (leads only)"))
    names(delete.add_argument("id"), "snapshot")
