"""The board's schema version, and the migrations that bring an older board up to it."""

from __future__ import annotations

from collections.abc import Callable

from sales.errors import UpliftError
from store.files import BoardDamaged

SCHEMA_VERSION = 2
# From this version on, the big tables live in shards (store/layout.py); a board older than it
# keeps every table in its file key's one file, and migrating it splits them.
LAYOUT_SHARDED = 2


def _shard_big_tables(files: dict[str, dict[str, dict]]) -> None:
    """1 -> 2: the tables are the same; only where they are kept changes, which the migration's
    write does (BoardCore._migrate writes every table where store/layout.py says it lives)."""


# MIGRATIONS[n] turns the tables of every file of a version-n board into version n + 1; they get
# every file key's tables whole ({file key: {table: {doc_id: doc}}}), whatever the layout.
MIGRATIONS: dict[int, Callable[[dict[str, dict]], None]] = {1: _shard_big_tables}


class BoardTooNew(UpliftError):
    """The board was written by a newer Uplift; we refuse rather than damage it."""


def check_version(found: object, where: str) -> bool:
    """True if the board needs migrating; BoardTooNew if it is newer than this program, and
    BoardDamaged if its version is not a number or one no migration starts from."""
    if isinstance(found, bool) or not isinstance(found, int):
        raise BoardDamaged("{file}: the schema version {found!r} is not a number; the file was left as it is",
                           file=where, found=found)
    if found > SCHEMA_VERSION:
        raise BoardTooNew("{file}: this board has schema version {found}, newer than the {reads} this Uplift "
                          "reads; upgrade Uplift to open it", file=where, found=found, reads=SCHEMA_VERSION)
    if any(version not in MIGRATIONS for version in range(found, SCHEMA_VERSION)):
        raise BoardDamaged("{file}: schema version {found} is not one any Uplift wrote (versions start at 1); "
                           "the file was left as it is", file=where, found=found)
    return found < SCHEMA_VERSION


def migrate(files: dict[str, dict], found: int) -> None:
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](files)
