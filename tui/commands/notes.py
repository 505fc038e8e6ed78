"""`uplift note ...`: interview notes and customer feedback beside the diagnosis (phase 1)."""

from __future__ import annotations

import argparse

from sales.notes import NOTE_KINDS, NOTE_TAGS, said_by
from tui.cli_support import EXIT_OK, BadInput, add_verb, open_board
from tui.i18n import _


def _note_rows(notes) -> str:
    from tui.cli_output import table
    from tui.time_text import when

    return table(["ID", _("KIND"), _("WHEN"), _("FROM"), _("TAGS"), _("TEXT")],
                 [[n.id, _(n.kind), when(n.created), said_by(n), ", ".join(n.tags),
                   n.text.replace("\n", " ")] for n in notes], max_last=70)


def cmd_note_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    note = board.add_note(" ".join(args.text), kind=args.kind, tags=args.tag, source=args.source or "")
    print(note.id)
    return EXIT_OK


def cmd_note_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    board = open_board(args)
    notes = board.notes(tag=args.tag, kind=args.kind)
    if args.json:
        print_json(notes)
    elif notes:
        print(_note_rows(notes))
    else:
        print(_("No notes match.") if board.notes() else
              _("No notes yet: add one with `uplift note add \"Reps lose deals on price\" --tag pain_point`."))
    return EXIT_OK


def cmd_note_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = {"text": args.text, "kind": args.kind, "source": args.source}
    if args.tag is not None:
        fields["tags"] = [t for t in args.tag if t.strip().lower() != "none"]
    fields = {k: v for k, v in fields.items() if v is not None}
    if not fields:
        raise BadInput("nothing to change: give at least one of --text, --kind, --source, --tag")
    note = board.update_note(args.id, **fields)
    print(note.id)
    return EXIT_OK


def cmd_note_delete(args: argparse.Namespace) -> int:
    board = open_board(args)
    note = board.delete_note(args.id)
    print(_("deleted {id}").format(id=note.id))
    return EXIT_OK


def register(verbs, common: argparse.ArgumentParser) -> None:
    note = verbs.add_parser("note", help=_("interview notes and customer feedback")).add_subparsers(
        title=_("note commands"), metavar="VERB", required=True)
    tags = _("tag: {tags} (repeatable)").format(tags=", ".join(NOTE_TAGS))
    add = add_verb(note, common, "add", cmd_note_add, _("add a note and print its id"))
    add.add_argument("text", nargs="+", help=_("the note (the words may come unquoted)"))
    add.add_argument("--kind", choices=NOTE_KINDS, default="interview", help=_("what kind of note (default interview)"))
    add.add_argument("--tag", action="append", default=[], metavar="TAG", help=tags)
    add.add_argument("--source", metavar="NAME", help=_("who said it (a rep, a customer)"))
    lst = add_verb(note, common, "list", cmd_note_list, _("list notes, newest first"))
    lst.add_argument("--tag", metavar="TAG", help=_("only notes with this tag"))
    lst.add_argument("--kind", choices=NOTE_KINDS, help=_("only notes of this kind"))
    lst.add_argument("--json", action="store_true")
    edit = add_verb(note, common, "edit", cmd_note_edit, _("change a note (--tag replaces its tags; --tag none clears)"))
    edit.add_argument("id")
    edit.add_argument("--text", help=_("its new text"))
    edit.add_argument("--kind", choices=NOTE_KINDS, help=_("what kind of note it is"))
    edit.add_argument("--source", metavar="NAME", help=_("who said it (a rep, a customer)"))
    edit.add_argument("--tag", action="append", metavar="TAG", help=tags)
    delete = add_verb(note, common, "delete", cmd_note_delete, _("delete a note (its author or a lead)"))
    delete.add_argument("id")
