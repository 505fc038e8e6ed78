"""A quick look into a board for TAB completion: ids with a short title, member, stage and account
names.

It runs on every TAB, so it reads only the files that hold what it offers and decodes only the
fields it shows (a Struct of a few fields: msgspec skips the rest without building it). It does
not open the board as `Board` does: it takes no lock, migrates nothing, cleans nothing up and
writes nothing. Files are replaced whole by a rename, so each read sees a whole file; a board it
does not know how to read (another schema version, a damaged file) offers nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import msgspec

from sales.ids import PREFIXES, format_id
from store.layout import FILES, SHARD_SIZE, SHARDED, shard_name
from store.schema import SCHEMA_VERSION

#: Where each kind that completion offers lives: (file key, table); the tables of store/board_core.py HOMES.
TABLES = {"task": ("tasks", "tasks"), "goal": ("plan", "goals"), "strategy": ("plan", "strategies"),
          "deal": ("deals", "deals"), "checkin": ("plan", "checkins"), "budget": ("budget", "lines"),
          "spend": ("budget", "spending"), "training": ("budget", "training"), "note": ("notes", "notes"),
          "snapshot": ("diagnosis", "snapshots"), "incentive": ("plan", "incentives")}
#: The kinds of names (not ids) it offers; `item` is what `log --item` takes: an id of any kind
#: above (by the letter typed: `D-`), an account or a member.
NAMES = ("member", "stage", "account", "item")
KINDS = (*TABLES, *NAMES)
#: What a description is cut to (a zsh menu line, beside the id).
SHORT = 50


class _Brief(msgspec.Struct):
    """The fields of a stored item that completion shows; every other field is skipped unread."""

    title: str = ""
    name: str = ""
    topic: str = ""
    text: str = ""
    note: str = ""
    saved_at: str = ""
    status: str = ""
    stage: str = ""
    goal: str | None = None     # a check-in's
    line: str = ""              # a spend's budget line
    value: float | None = None  # a check-in's
    amount: float | None = None  # a spend's


class _Account(msgspec.Struct):
    """A deal's or a logged activity's account: all completion reads of either."""

    account: str | None = None


class _Meta(msgspec.Struct):
    schema: int = 0
    stages: list[dict] | None = None


class _Member(msgspec.Struct):
    name: str = ""
    role: str = ""


class _BoardFile(msgspec.Struct):
    meta: dict[str, _Meta] = {}
    members: dict[str, _Member] = {}


_decoders: dict[tuple[str, type], msgspec.json.Decoder] = {}


def _decoder(table: str, fields: type = _Brief) -> msgspec.json.Decoder:
    """A decoder of one table of a file ({table: {doc_id: doc}, other tables skipped}), each
    document decoded as `fields`."""
    if (table, fields) not in _decoders:
        shape = msgspec.defstruct("File", [(table, dict[str, fields], {})])
        _decoders[table, fields] = msgspec.json.Decoder(shape)
    return _decoders[table, fields]


def _read(path: Path, decoder: msgspec.json.Decoder):
    try:
        return decoder.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None


def candidates(folder: str | Path, kind: str, prefix: str = "") -> list[tuple[str, str]]:
    """(word, description) for each `kind` of record on the board at `folder` that `prefix` may
    begin (ids as typed anywhere: `t12`, `T12` and `12` all begin T-12); none when there is no
    board there, or one this version does not read."""
    folder = Path(folder).expanduser()
    board = _read(folder / FILES["board"], msgspec.json.Decoder(_BoardFile))
    if board is None or board.meta.get("1", _Meta()).schema != SCHEMA_VERSION:
        return []
    if kind == "member":
        members = sorted((member.name, member.role) for member in board.members.values())
        return [(_line(name), _line(role)) for name, role in members if name.casefold().startswith(prefix.casefold())]
    if kind == "stage":
        stages = board.meta["1"].stages
        if stages:
            names = [str(stage.get("name", "")) for stage in stages]
        else:
            from sales.deals import DEFAULT_STAGES

            names = [stage.name for stage in DEFAULT_STAGES]
        return [(_line(name), "") for name in names if name and name.casefold().startswith(prefix.casefold())]
    if kind == "account":
        return _accounts(folder, prefix)
    if kind == "item":
        return _items(folder, prefix, board)
    if kind not in TABLES:
        return []
    return _ids(folder, kind, prefix)


def _ids(folder: Path, kind: str, prefix: str) -> list[tuple[str, str]]:
    digits = _digits(prefix, PREFIXES[kind])
    if digits is None:
        return []
    found = []
    for number, brief in _briefs(folder, *TABLES[kind], digits):
        # (the id made from the document's number, as the store makes it: nothing else of the file's reaches the line)
        if not number.isdigit() or not number.startswith(digits) or (kind == "task" and brief.status == "done"):
            continue
        found.append((int(number), format_id(kind, int(number)), _described(brief, kind)))
    return [(item_id, text) for _, item_id, text in sorted(found)]


_TYPED_ID = re.compile(r"^([A-Za-z])?-?(\d*)$")


def _digits(prefix: str, letter: str) -> str | None:
    """The digits an id typed so far begins with (`T-1`, `t1`, `1`: "1"); None when `prefix`
    cannot begin an id of the kind whose letter is `letter`."""
    match = _TYPED_ID.match(prefix.strip())
    if not match or (match.group(1) and match.group(1).upper() != letter):
        return None
    return match.group(2)


def _accounts(folder: Path, prefix: str) -> list[tuple[str, str]]:
    """The accounts (customers) the deals and logged activities name that begin with `prefix`
    (any case and spacing, as `account show` matches them), each once, spelled as most of its
    deals and activities spell it (sales/accounts.py), with the number of its deals. Reads each
    deals shard and the activities file, decoding their `account` fields only."""
    from sales.text import account_key

    said: dict[str, int] = {}    # each spelling: how many deals and activities use it
    on_deals: dict[str, int] = {}  # ... how many deals
    for file, table in (("deals", "deals"), ("touches", "touches")):
        for _number, item in _briefs(folder, file, table, "", _Account):
            if name := item.account:
                said[name] = said.get(name, 0) + 1
                if table == "deals":
                    on_deals[name] = on_deals.get(name, 0) + 1
    # (grouped by spelling first, then by account: a few thousand names, not one step per record)
    want = account_key(prefix)
    spellings: dict[str, list[str]] = {}
    for name in said:
        if (key := account_key(name)) and key.startswith(want):
            spellings.setdefault(key, []).append(name)
    found = [(_line(max(names, key=lambda name: said[name])), sum(on_deals.get(name, 0) for name in names))
             for names in spellings.values()]
    # (the count alone: `uplift completion words` says it in the interface's language)
    return [(name, str(count) if count else "") for name, count in sorted(found, key=lambda found: found[0].casefold())
            if name]


def _items(folder: Path, prefix: str, board: "_BoardFile") -> list[tuple[str, str]]:
    """What `log --item` takes, beginning with `prefix`: the ids of the kind whose letter begins it
    (`D-1`, `t1`), then the accounts and the members; only the ids once it is plainly an id (`D-`,
    `d12`: no customer's name is read for it, which reads every deal)."""
    found = []
    match = _TYPED_ID.match(prefix.strip())
    if match and match.group(1):
        kind = next((kind for kind in TABLES if PREFIXES[kind] == match.group(1).upper()), None)
        if kind is not None:
            found += _ids(folder, kind, prefix)
        if "-" in prefix or match.group(2):
            return found
    found += _accounts(folder, prefix)
    members = sorted(member.name for member in board.members.values())
    return found + [(_line(name), "") for name in members if name.casefold().startswith(prefix.casefold())]


def _briefs(folder: Path, file: str, table: str, digits: str, fields: type = _Brief):
    """(number, item) for the items of `table`, from the shards that may hold an id beginning with
    `digits` only."""
    decoder = _decoder(table, fields)
    shards = SHARDED.get((file, table))
    if shards is None:
        paths = [folder / FILES[file]]
    else:
        try:
            names = os.listdir(folder / shards)
        except OSError:
            return
        indexes = sorted(int(name[:-5]) for name in names if name.endswith(".json") and name[:-5].isdigit())
        paths = [folder / shards / shard_name(index) for index in indexes if _may_hold(index, digits)]
    for path in paths:
        data = _read(path, decoder)
        if data is not None:
            yield from getattr(data, table).items()


def _may_hold(index: int, digits: str) -> bool:
    """Whether shard `index` (ids index*SHARD_SIZE+1 ..) holds a number that begins with `digits`:
    `T-12` is 12, 120-129, 1200-1299, ... so a prefix reads a few shards of a big board, not all."""
    if not digits:
        return True
    if digits.startswith("0"):  # (ids are numbered from 1, written without leading zeros)
        return False
    low, high = index * SHARD_SIZE + 1, (index + 1) * SHARD_SIZE
    start, width = int(digits), 1
    while start <= high:
        if start + width - 1 >= low:
            return True
        start, width = start * 10, width * 10
    return False


def _described(brief: _Brief, kind: str) -> str:
    """A short line saying which item an id is: its title (a deal's with its stage)."""
    text = brief.title or brief.name or brief.topic or brief.text or brief.saved_at
    if kind == "deal" and brief.stage:
        text = f"{text} ({brief.stage})"
    elif kind == "checkin" and brief.value is not None:
        text = f"{brief.goal or ''}: {_number(brief.value)}"
    elif kind == "spend" and brief.amount is not None:
        text = f"{brief.line}: {_number(brief.amount)} {brief.note}"
    text = _line(text)
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def _line(text: str) -> str:
    """`text` as one line of printable characters: no escape sequence reaches the terminal of whoever
    pressed TAB, and no tab or line break makes a second field or candidate (a file edited by hand)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _number(x: float) -> str:
    """1,228,000 and 31.5, as a person writes them: sales.goals.number's way (half up to 2 decimals
    at most, after arithmetic's noise: 0.22499999999999998 is 0.23), copied so that a TAB does not
    import the goals' module; tests/store/test_peek_copies.py keeps the two the same."""
    from sales.numbers import half_up, rounded

    text = rounded(half_up(x, 2), 2)
    return text.rstrip("0").rstrip(".") if "." in text else text
