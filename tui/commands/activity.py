"""`uplift log`: the activity feed, newest first; `uplift log add`: log a call, visit, meeting
or email; `uplift coach`: coaching notes on a rep; `uplift undo`: take back your last change."""

from __future__ import annotations

import argparse
import re

from sales.errors import Invalid
from tui.cli_output import say_line
from tui.cli_refs import add_ref, names, options_within, ref
from tui.cli_support import EXIT_OK, BadInput, add_verb, cli_date, open_board
from tui.i18n import _
from tui.time_text import day_of, when


def cmd_log(args: argparse.Namespace) -> int:
    from tui.cli_output import log_rows, print_json

    if args.limit < 1:
        raise BadInput("--limit: {limit} is not a number of records (1 or more)", limit=args.limit)
    board = open_board(args)
    since, until = (cli_date(board, text, name) or None for text, name in
                    ((args.since, "--since"), (args.until, "--until")))
    if since and until and since > until:
        raise Invalid("--until", "{end} is before {start}", end=until, start=since)
    # a record's day as the WHEN column shows it (on the reader's clock)
    on_days = (lambda stamp: (since or "") <= day_of(stamp) <= (until or "9999")) if since or until else None
    # the feed, as the screen shows it: the weekly pipeline snapshots a deal's move also writes
    # are bookkeeping, shown only when asked for (--type pipeline)
    records = board.feed(person=args.actor, kind=args.type, item=args.item, limit=args.limit, at=on_days)
    if args.json:
        print_json(records)
    else:
        filtered = args.actor or args.type or args.item or on_days
        print(log_rows(records) if records else _("Nothing in the log matches.") if filtered else _("No activity yet."))
    return EXIT_OK


#: A deal's id as the first word of `log add`'s note (D-4, d-4, D4).
DEAL_FIRST = re.compile(r"^[Dd]-?[0-9]{1,9}$")
#: The options that name where an activity was: given one, the note's first word is the note's
#: (`log add call --account Acme D-4 follow-up`), not the deal; TAB completion follows the same rule.
WHERE = ("--deal", "--account")


def _rest_parser(prog: str) -> argparse.ArgumentParser:
    """What may follow `log add TYPE`, in any order: the options and the note's words. TAB
    completion reads its options too (tui/cli_refs.py `options_within`): `--deal D-<TAB>`."""
    rest = argparse.ArgumentParser(prog=prog, add_help=False)
    names(rest.add_argument("--deal", metavar="ID"), "deal")
    names(rest.add_argument("--account", metavar="NAME"), "account")
    rest.add_argument("--next", metavar="STEP")
    rest.add_argument("--next-due", metavar="DATE")
    rest.add_argument("--json", action="store_true")
    rest.add_argument("--board", metavar="DIR")
    rest.add_argument("-h", "--help", action="store_true")
    rest.add_argument("note", nargs="*")
    return rest


def cmd_log_add(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    # options and the note may come in any order (`log add call --deal D-4 "note"`), which
    # argparse handles only without sub-commands: so the rest is parsed on its own
    rest = _rest_parser(f"uplift log add {args.type}")
    # a bad option is said by argparse, with the usage (exit 2; it was said twice, the second
    # time without what was wrong)
    extra = rest.parse_intermixed_args(args.rest)
    if extra.help:  # `log add call --help`: the help `log add --help` prints (it was "unrecognized arguments")
        args.add_parser.print_help()
        return EXIT_OK
    if extra.board is not None:
        args.board = extra.board
    args.json = extra.json
    given = any(getattr(extra, flag.removeprefix("--")) is not None for flag in WHERE)
    if not given and extra.note and DEAL_FIRST.match(extra.note[0]):
        # `log add call D-4 Walked them through it`: the deal named first, as `task done T-4` names
        # its task (the quick action a rep types between two calls), is the deal
        extra.deal, extra.note = extra.note[0], extra.note[1:]
    board = open_board(args)
    deal = ref(board, "--deal", "deal", extra.deal) if extra.deal else extra.deal
    if (extra.next is not None or extra.next_due is not None) and not deal:
        raise BadInput("--next and --next-due set a deal's next step: give the deal (--deal D-4)")
    before = board.deal(deal) if deal else None
    touch = board.log_activity(args.type, " ".join(extra.note), deal=deal, account=extra.account,
                               next_step=extra.next, next_due=cli_date(board, extra.next_due, "--next-due"))
    if args.json:
        print_json(touch)
    else:
        print(touch.id)
        if before is not None and (extra.next is not None or extra.next_due is not None):
            from tui.change_text import say_edit
            say_edit("deal.edit", before, board.deal(before.id))  # (the next step it set, as `deal edit` says it)
    return EXIT_OK


def _coach_change(args: argparse.Namespace, board) -> int:
    """`coach ali --edit K-3 NOTE` or `coach ali --delete K-3`: a lead's, on a note about ali."""
    from sales.errors import NotFound
    from tui.cli_output import print_json

    note_id = args.edit or args.delete
    known = {n.id: n for n in board.coaching_notes()}
    if note_id in known and known[note_id].rep != args.rep:
        raise NotFound("{id} is a coaching note on {other}, not on {rep}", id=note_id, other=known[note_id].rep,
                       rep=args.rep)
    if args.delete:
        note = board.delete_coaching_note(note_id)
        if not args.json:
            print(_("deleted {id}").format(id=note.id))
    else:
        note = board.update_coaching_note(note_id, " ".join(args.note))
        if not args.json:
            print(note.id)
    if args.json:
        print_json(note)
    return EXIT_OK


def cmd_coach(args: argparse.Namespace) -> int:
    from tui.cli_output import on_screen, print_json, table

    if args.edit and args.delete:
        raise BadInput("give --edit or --delete, not both")
    if args.delete and args.note:
        raise BadInput("--delete {id} takes no note (--edit {id} NOTE changes one)", id=args.delete)
    if args.edit and not args.note:
        raise BadInput("--edit {id} needs the note's new words", id=args.edit)
    if args.private and (args.edit or args.delete or not args.note):
        raise BadInput("--private goes with a new note: uplift coach REP --private NOTE")
    board = open_board(args)
    everyone = args.rep is None and board.role == "lead"  # `uplift coach` by a lead: every rep's notes
    if args.rep is None and not everyone:  # `uplift coach` by a rep: the notes about them (all a rep may read)
        args.rep = board.actor
    elif args.rep is not None:  # `coach Ali`: ali; one who left keeps their notes, but takes no new one
        args.rep = ref(board, "coach", "member", args.rep, () if args.note and not args.edit else ("coaching",))
    if everyone and (args.edit or args.delete):
        args.rep = board.actor  # (a note is changed by its id: the rep is not needed)
    if args.edit or args.delete:
        return _coach_change(args, board)
    if everyone and not (args.edit or args.delete):
        return _all_coaching(args, board)
    if not args.note:  # (a rep asking for another's notes is refused, not told there are none)
        board.check_read_coaching(args.rep)
    notes = None if args.note else board.coaching_notes(args.rep)
    if args.note:
        note = board.add_coaching_note(args.rep, " ".join(args.note), private=args.private)
        if args.json:  # the note as the listing's --json gives each (it printed the bare id)
            print_json(note)
        else:
            print(note.id)
        return EXIT_OK
    if args.json:
        print_json(notes)
    else:
        print(table(["ID", _("WHEN"), _("BY"), _("NOTE")],
                    [[n.id, when(n.at.isoformat()), n.by, _("(private) {note}").format(note=n.note) if n.private else n.note]
                     for n in notes])
              if notes else on_screen(_("No coaching notes you may read.")))
    return EXIT_OK


def _all_coaching(args: argparse.Namespace, board) -> int:
    """`uplift coach` with no name, by a lead: the notes on every rep, with whom each is about
    (the notes "about the lead" were always none)."""
    from tui.cli_output import print_json, table

    notes = board.coaching_notes()
    if args.json:
        print_json(notes)
    elif notes:
        print(table(["ID", _("WHEN"), _("BY"), _("REP"), _("NOTE")],
                    [[n.id, when(n.at.isoformat()), n.by, n.rep,
                      _("(private) {note}").format(note=n.note) if n.private else n.note] for n in notes]))
    else:
        say_line(_("No coaching notes yet: write one with `uplift coach REP NOTE`."))
    return EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    """`uplift undo` and `uplift redo` (args.verb), with --dry-run saying what it would do."""
    from sales.activity import redone, summary
    from sales.text import safe

    from tui.change_text import say_change
    from tui.cli_output import print_json

    board = open_board(args)
    verb = args.verb
    records = board.undo(args.dry_run) if verb == "undo" else board.redo(args.dry_run)
    changes = records if verb == "undo" else [redone(r) for r in records]  # as the change it makes again
    if args.json:  # the records in the log's shape (`uplift log --json`)
        print_json({"verb": verb, "dry_run": args.dry_run, "records": changes})
        return EXIT_OK
    done = (_("would undo ({when}):") if args.dry_run else _("undid ({when}):")) if verb == "undo" \
        else (_("would redo ({when}):") if args.dry_run else _("redid ({when}):"))
    from tui.cli_output import detail_on_screen, on_screen

    print(on_screen(safe(done.format(when=when(records[0].at)))))
    for line in summary(changes, 20):
        print(detail_on_screen(safe(f"  {say_change(line)}")))  # (on a terminal, wrapped under itself)
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    from sales.activity import ITEM_KINDS
    from sales.touches import TOUCH_TYPES

    log = add_verb(verbs, common, "log", cmd_log, _("the activity feed, newest first (log add: log a call...)"))
    log.add_argument("--limit", type=int, default=50, metavar="N", help=_("at most N records (default 50)"))
    names(log.add_argument("--item", metavar="ID", help=_("only records about this item (T-4, D-2, ali), or the activities logged on this account (Acme)")), "item")
    # (someone who left, by the name the log keeps: the log is history)
    add_ref(log, "--actor", kind="member", owns=("log",), metavar="U", help=_("only records by this person"))
    log.add_argument("--since", metavar="DATE", help=_("only records of this day or later (2026-11-01, today, --since=-7d)"))
    log.add_argument("--until", metavar="DATE", help=_("only records of this day or earlier"))
    log.add_argument("--type", metavar="TYPE", choices=(*TOUCH_TYPES, *ITEM_KINDS),
                     help=_("only this activity type (call, visit, ...) or kind of item (deal, task, ...; pipeline: the weekly snapshots)"))
    log.add_argument("--json", action="store_true")
    more = log.add_subparsers(title=_("log commands"), metavar="VERB")
    add = add_verb(more, common, "add", cmd_log_add, _("log a call, visit, meeting or email: "
                   "TYPE [--deal ID] [--account NAME] [--next STEP] [--next-due DATE] [--json] NOTE..."))
    add.add_argument("type", choices=TOUCH_TYPES, help=_("what it was: {types}").format(types=", ".join(TOUCH_TYPES)))
    options_within(add.add_argument("rest", nargs=argparse.REMAINDER, metavar="[--deal ID] [--account NAME] [--next STEP] [--next-due DATE] NOTE",
                                    help=_("the deal or account it was with, and what was said (the words may come unquoted); "
                                           "--next and --next-due set the deal's next step and its date in the same change")),
                   _rest_parser("uplift log add TYPE"), first="deal",
                   unless=WHERE)  # (`log add call D-4 note`: DEAL_FIRST; not after --account Acme)
    add.set_defaults(add_parser=add)  # (its help, for `log add call --help`, which the rest is parsed apart from)

    coach = add_verb(verbs, common, "coach", cmd_coach, _("coaching notes on a rep (a lead writes them)"))
    names(coach.add_argument("rep", nargs="?", help=_("the rep the notes are about (none: the notes about you; for a lead, every rep's)")), "member")
    coach.add_argument("note", nargs="*", help=_("the note to add (none: list the rep's notes)"))
    coach.add_argument("--edit", metavar="ID", help=_("give note ID (K-3) these words instead (a lead's)"))
    coach.add_argument("--delete", metavar="ID", help=_("delete note ID (K-3) (a lead's; undo brings it back)"))
    coach.add_argument("--private", action="store_true",
                       help=_("keep the new note for the leads: the rep does not read it"))
    coach.add_argument("--json", action="store_true")
    coach.set_defaults(words_anywhere="note")  # (the note's words before and after the options)

    undo = add_verb(verbs, common, "undo", cmd_undo,
                    _("take back your own last change (again: the one before); refused if anyone changed it since"))
    redo = add_verb(verbs, common, "redo", cmd_undo,
                    _("take back your own last undo, while you have made no change since"))
    for parser, verb, dry_help in ((undo, "undo", _("only say what would be undone")),
                                   (redo, "redo", _("only say what would be redone"))):
        parser.add_argument("--dry-run", action="store_true", help=dry_help)
        parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
        parser.set_defaults(verb=verb)
