"""Options that name another record (`--deal D-4`, `--goal G-1`, `--depends T-1,T-2`, `--owner
ali`): one rule for all of them, as for an item's number in a list. A value that is not such an
id at all (`--deal banana`) is bad input (exit 2); a well-formed one that names nothing on the
board (`--deal D-999`) is "not found" (exit 1). A person is read by one reader (`_member`):
any case, spaces ignored; a name that is no member is not found (exit 1, as an id that names
nothing), said with the member it is nearest. All are said, naming the option and the value, before the
command changes anything.

Each such option is declared with `add_ref`; `open_board` checks them all once the board is
open (`check_refs`), and puts each id back as the board writes it (`t12` -> `T-12`).
"""

from __future__ import annotations

import argparse

from sales.errors import NotFound, Word
from sales.ids import name_of, parse_id, split_ids
from sales.phrases import listed

#: Where a parser keeps its options that name records: (dest, flag, kind, how, owns).
REFS = "_refs"

#: The attribute of an argparse action (an option or a positional) that says what its value names:
#: a kind of store/peek.py (`task`, `deal`, `member`, `stage`, ...) or `status`. TAB completion
#: (tui/commands/completion.py) reads it to offer the board's ids and names for that argument.
NAMES = "uplift_names"


def names(action: argparse.Action, kind: str) -> argparse.Action:
    """Mark `action` as naming a record of `kind` (see NAMES); returns it."""
    setattr(action, NAMES, kind)
    return action


#: The attribute of a catch-all positional (nargs=REMAINDER) whose words a parser of its own reads
#: (`log add call --deal D-4 note...`): that parser, whose options TAB completion offers as the verb's.
WITHIN = "uplift_options_within"


#: ... and what its first word may name (`log add call D-4 note...`: the deal named first).
FIRST = "uplift_first_names"
#: ... and the options after which it does not (`log add call --account Acme D-4`: the note's word).
FIRST_UNLESS = "uplift_first_unless"


def options_within(action: argparse.Action, parser: argparse.ArgumentParser, first: str = "",
                   unless: tuple[str, ...] = ()) -> argparse.Action:
    """Mark the catch-all `action` as parsed by `parser` (see WITHIN), its first word naming a
    record of kind `first` if given (FIRST), but not once one of the options `unless` is given
    (FIRST_UNLESS: its parser reads the first word as the note's then); returns it."""
    setattr(action, WITHIN, parser)
    if first:
        setattr(action, FIRST, first)
        setattr(action, FIRST_UNLESS, tuple(unless))
    return action


#: How many records one option names: one; several, separated by commas or spaces (`--depends T-1,T-2`,
#: `--depends "T-1 T-2"`: sales.ids.split_ids);
#: or one each time the option is given (`--goal G-1 --goal G-2`, action="append").
ONE, COMMAS, REPEATED = "one", "commas", "repeated"


def add_ref(parser: argparse.ArgumentParser, *flags: str, kind: str, how: str = ONE,
            owns: tuple[str, ...] = (), said_as: str = "", **options) -> argparse.Action:
    """An option that names a record of `kind` (a PREFIXES kind of sales/ids.py, or `member`).
    `owns`: for a person, the board's lists (`tasks`, `deals`, `goals`) in which someone no
    longer a member may still own items, and so still be named (until their work is handed on),
    or the records that keep their name (`log`, `coaching`). `said_as`: how a message names a
    positional (`member role`), where the option's flag would name an option."""
    action = names(parser.add_argument(*flags, **options), kind)
    flag = said_as or next((f for f in flags if f.startswith("--")), flags[0])
    parser.set_defaults(**{REFS: [*(parser.get_default(REFS) or []), (action.dest, flag, kind, how, owns)]})
    return action


def check_refs(board, args: argparse.Namespace) -> None:
    """Every add_ref option given in `args`, checked against `board` (see the module's doc)."""
    for dest, flag, kind, how, owns in getattr(args, REFS, None) or ():
        value = getattr(args, dest, None)
        if value is None:
            continue
        if how == REPEATED:  # (each given may hold several too: `--goal "G-1 G-2"`, `--goal G-1,G-2`)
            given = [part for text in value for part in (split_ids(text) or [text])]
            setattr(args, dest, [ref(board, flag, kind, text, owns) if text.strip() else text for text in given])
        elif how == COMMAS:
            setattr(args, dest, ",".join(ref(board, flag, kind, part, owns) for part in split_ids(value)))
        elif value.strip():  # "" clears the link
            setattr(args, dest, ref(board, flag, kind, value, owns))


def ref(board, flag: str, kind: str, text: str, owns: tuple[str, ...] = ()) -> str:
    """The id (or member name) `text` names, given to option `flag`: BadInput (exit 2) when it
    is not one at all, NotFound (exit 1) when the board has no such record or member."""
    from tui.cli_support import BadInput

    if kind == "member":
        return _member(board, flag, text.strip(), owns)
    try:
        number = parse_id(text, kind)
    except ValueError as error:
        raise BadInput("{flag}: {error}", flag=flag, error=error) from None
    try:
        return board.id_of(kind, str(number))
    except NotFound:
        raise NotFound("{flag} {text}: no such {thing} on this board", flag=flag, text=text.strip(),
                       thing=_KINDS.get(kind) or Word(name_of(kind))) from None


#: The kinds an option names, as a message says them (translated with it).
_KINDS = {"task": Word("task"), "goal": Word("goal"), "strategy": Word("strategy"), "deal": Word("deal")}
#: What someone who left may still own (add_ref's `owns`), as a message says it.
_OWNED = {("tasks", "deals"): Word("task or deal"), ("deals",): Word("deal"), ("goals",): Word("goal"),
          ("tasks",): Word("task"), ("tasks", "deals", "goals"): Word("open work")}


def _member(board, flag: str, name: str, owns: tuple[str, ...]) -> str:
    """The member `name` names, read one way for every option, positional and file that names a
    person: any case, spaces around it ignored (`--owner " Ali"` is ali). Where the option is about
    history (`owns`: the lists, `log` or `coaching`, in which someone who left is still named) a
    former member is found by the name the records keep; where it is about new work, refused.
    An unknown name is not found (exit 1, as DESIGN.md's contract has it for every name that names
    nothing), with the member it is nearest (`did you mean ali?`), or the list of members when
    none is near; someone who left, given new work, is refused (exit 1); a word that cannot be a
    name at all is bad input (exit 2)."""
    from sales.members import member_for, nearest_member, valid_name
    from sales.errors import Refused
    from tui.cli_support import BadInput

    names = [m.name for m in board.members()]
    if not names:  # a board without members (one person's) takes any name, as its store does
        return name
    # `--owner Ali`: the member a name stands for, as in a deals file (the same but for case or
    # punctuation); it was "no such member" at once
    if (member := member_for(name, names)) is not None:
        return member
    kept = _kept_names(board, owns) | (board.former_members() if owns else set())
    if (former := member_for(name, kept)) is not None:
        return former  # someone who left, named (in any case) as the records keep them: they can be listed
    members = listed(names)  # (said with the language's list comma: ali、bea、dana)
    left = (board.former_members() | _kept_names(board, ("tasks", "deals", "goals"))) if not owns else set()
    if (former := member_for(name, left)) is not None:
        raise Refused("{flag} {name}: {former} has left this board, so takes no new work (members: {members})",
                       flag=flag, name=name, former=former, members=members)
    near = nearest_member(name, [*names, *kept])
    if near is None and not valid_name(name):
        raise BadInput("{flag}: {name!r} is not a member name (letters, digits, '.', '_' or '-', at most 40)",
                       flag=flag, name=name)
    if "log" in owns:
        if near is not None:
            raise NotFound("{flag} {name}: not a member of this board and has no record in its log "
                           "(did you mean {near}?)", flag=flag, name=name, near=near)
        raise NotFound("{flag} {name}: not a member of this board and has no record in its log (members: {members})",
                       flag=flag, name=name, members=members)
    lists = tuple(items for items in owns if items not in _RECORDS)
    if owned := _OWNED.get(lists) or (Word(" or ".join(items.removesuffix("s") for items in lists)) if lists else None):
        if near is not None:
            raise NotFound("{flag} {name}: not a member of this board and owns no {things} (did you mean {near}?)",
                           flag=flag, name=name, things=owned, near=near)
        raise NotFound("{flag} {name}: not a member of this board and owns no {things} (members: {members})",
                       flag=flag, name=name, things=owned, members=members)
    if near is not None:
        raise NotFound("{flag} {name}: no such member on this board (did you mean {near}?)",
                       flag=flag, name=name, near=near)
    raise NotFound("{flag} {name}: no such member on this board (members: {members})",
                   flag=flag, name=name, members=members)


#: The records besides the board's lists that keep the names of people who left.
_RECORDS = ("log", "coaching")


def _kept_names(board, owns: tuple[str, ...]) -> set[str]:
    """The people the records in `owns` name (owners, reps holding a deal's split, who did what in
    the log, whom coaching notes are about); a board opened for one kind of work (a TaskBoard)
    reads the lists it has."""
    lists = [listing for items in owns if items not in _RECORDS and (listing := getattr(board, items, None))]
    kept = {person for listing in lists for item in listing()
            for person in (item.owner, *(split.rep for split in getattr(item, "splits", ()))) if person}
    if "log" in owns:  # (read whole only for a name that is no member's: a former one, or a typo)
        kept |= {record.actor for record in board.feed(limit=None)}
    if "coaching" in owns:
        kept |= {note.rep for note in board.coaching_notes()}
    return kept
