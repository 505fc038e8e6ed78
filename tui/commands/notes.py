"""`uplift note ...`: interview notes and customer feedback beside the diagnosis (phase 1)."""

from __future__ import annotations

import argparse

from sales.notes import NOTE_KINDS, NOTE_TAGS, TAG_LABELS, said_by, tag_counts
from tui.cli_output import say_line
from tui.cli_refs import names
from tui.cli_support import EXIT_OK, BadInput, add_verb, open_board
from tui.i18n import _, n_


def _tag_said(tag: str) -> str:
    """A tag as the list shows it: in English as it is typed (`pain_point`), in another language
    by its name there (`痛点`), as the Diagnose screen names it."""
    said = _(TAG_LABELS[tag])
    return tag if said == TAG_LABELS[tag] else said


def _tag_typed(text: str | None) -> str | None:
    """A tag as typed: also its name in the interface's language (`--tag 痛点`), as a status is
    read; anything else goes on to the store, which reads aliases or says what the tags are."""
    if text is None:
        return None
    word = text.strip().casefold()
    return next((t for t in NOTE_TAGS if word == _(TAG_LABELS[t]).casefold()), text)


def _note_rows(notes) -> str:
    from tui.cli_output import table
    from tui.time_text import when

    return table(["ID", _("KIND"), _("WHEN"), _("FROM"), _("TAGS"), _("TEXT")],
                 [[n.id, _(n.kind), when(n.created), said_by(n), ", ".join(_tag_said(t) for t in n.tags),
                   n.text.replace("\n", " ")] for n in notes], max_last=70,
                 least_first=(4, 1, 3))  # (narrow: the tags, the kind, who said it give way to the text)


def _tally(notes) -> str:
    """The line under the list: how many notes, and how many of them carry each tag, so a lead
    reads "7 pain points" without counting rows (a note with two tags counts under both)."""
    count = n_("{count} note listed", "{count} notes listed", len(notes)).format(count=len(notes))
    counts = tag_counts(notes)
    if not counts:
        return _("{count}; none tagged").format(count=count)
    return _("{count}; by tag: {tags}").format(
        count=count, tags=_(", ").join(f"{_tag_said(tag)} {n}" for tag, n in counts))


def cmd_note_add(args: argparse.Namespace) -> int:
    board = open_board(args, create=True)
    note = board.add_note(" ".join(args.text), kind=args.kind, tags=[_tag_typed(t) for t in args.tag],
                          source=args.source or "")
    print(note.id)
    return EXIT_OK


def cmd_note_list(args: argparse.Namespace) -> int:
    from tui.cli_output import print_json

    board = open_board(args)
    notes = board.notes(tag=_tag_typed(args.tag), kind=args.kind, words=args.search or "")
    if args.json:
        print_json(notes)
    elif notes:
        print(_note_rows(notes))
        print(_tally(notes))
    else:
        say_line(_("No notes match.") if board.notes() else
                 _("No notes yet: add one with `uplift note add \"Reps lose deals on price\" --tag pain_point`."))
    return EXIT_OK


def cmd_note_edit(args: argparse.Namespace) -> int:
    board = open_board(args)
    fields = {"text": args.text, "kind": args.kind, "source": args.source}
    if args.tag is not None:
        fields["tags"] = [_tag_typed(t) for t in args.tag if t.strip().lower() != "none"]
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
    lst.add_argument("--search", metavar="WORDS", help=_("only notes holding all these words (in the text or who said it)"))
    lst.add_argument("--json", action="store_true")
    edit = add_verb(note, common, "edit", cmd_note_edit, _("change a note (--tag replaces its tags; --tag none clears)"))
    names(edit.add_argument("id"), "note")
    edit.add_argument("--text", help=_("its new text"))
    edit.add_argument("--kind", choices=NOTE_KINDS, help=_("what kind of note it is"))
    edit.add_argument("--source", metavar="NAME", help=_("who said it (a rep, a customer)"))
    edit.add_argument("--tag", action="append", metavar="TAG", help=tags)
    delete = add_verb(note, common, "delete", cmd_note_delete, _("delete a note (its author or a lead)"))
    names(delete.add_argument("id"), "note")
