"""The three ways a change can fail, shared by the store, the command line and the screens."""

from __future__ import annotations


class UpliftError(Exception):
    """Base of the errors a person is meant to read; str() is the one-line reason."""


class Refused(UpliftError):
    """The actor may not do this; the message names the rule."""


class NotFound(UpliftError):
    """No such item on this board."""


class NotAnId(NotFound):
    """Text given for an item's id that is no such id at all (`banana` for a task): nothing is
    found, as for any NotFound, but where a person typed it, it is bad input, not an id that
    names nothing (the command line exits 2 for it, 1 for `T-999`)."""


class Invalid(UpliftError):
    """A value is wrong; `field` says which one, the message says why."""

    def __init__(self, field: str, message: str, *, whole: bool = False) -> None:
        """`whole`: the item as a whole is wrong (a rule across its fields): the message is
        said without the field, which then only names the kind of item."""
        super().__init__(message if whole else f"{field}: {message}")
        self.field = field
        self.reason = message


def first_line(error: BaseException) -> str:
    """The first line of an error's message, "" when it has none. A library's message (a
    reader's, a parser's) may run to a page; a person is shown its first line."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
