"""The board's schema version, and the migrations that bring an older board up to it."""

from __future__ import annotations

from collections.abc import Callable

from sales.errors import UpliftError

SCHEMA_VERSION = 1

# MIGRATIONS[n] turns the tables of every file of a version-n board into version n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, dict]], None]] = {}


class BoardTooNew(UpliftError):
    """The board was written by a newer Uplift; we refuse rather than damage it."""


def check_version(found: int, where: str) -> bool:
    """True if the board needs migrating; BoardTooNew if it is newer than this program."""
    if found > SCHEMA_VERSION:
        raise BoardTooNew(f"{where}: this board has schema version {found}, newer than the "
                          f"{SCHEMA_VERSION} this Uplift reads; upgrade Uplift to open it")
    return found < SCHEMA_VERSION


def migrate(files: dict[str, dict], found: int) -> None:
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](files)
