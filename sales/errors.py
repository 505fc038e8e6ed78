"""The ways a change can fail, shared by the store, the command line and the screens.

A message is a template and its values, kept apart, so that the interface can say it in its
own language: `Refused("only a lead may {action}", action=Word("approve budget lines"))`. str()
of the error is the English, the template filled in; tui.i18n.said() is the same message in the
interface's language, the template looked up in its catalogue and the values put in. A value
that is a Word (an English word the code chose: a kind of item, a role) is translated with it;
any other value (a name, a title, a number, a date: data) goes in as it is. A message without
values is used as it is, braces and all; with values, a literal brace is written twice.

An error can be given another error as its message: it then says that error's message (`raise
Invalid("tag", error) from None` for a Reason a sales function raised), still translatable.

The message is kept as a Phrase (sales.phrases), the same shape as any text the domain composes
for a person, and said by the same function (tui.i18n.say).
"""

from __future__ import annotations

from sales.phrases import Phrase, Word

__all__ = ["Invalid", "NotAnId", "NotFound", "Reason", "Refused", "Said", "UpliftError", "Word", "first_line"]


class Said:
    """An error whose message is a Phrase: its template and values (see the module's docstring)."""

    said: Phrase

    def _take(self, message: object, params: dict[str, object]) -> Phrase:
        """Keep `message` (a template, or an error whose message to say) with `params` as the
        error's Phrase, which is also its English."""
        if isinstance(message, Said):
            message = message.said
        if isinstance(message, Phrase):
            template, params = message.template, {**message.values, **params}
        elif isinstance(message, BaseException):  # a library's error: its text, as it says it
            template, params = first_line(message) or type(message).__name__, {}
        else:
            template = str(message)
        self.said = Phrase(template, **params)
        return self.said


class UpliftError(Said, Exception):
    """Base of the errors a person is meant to read; str() is the one-line reason."""

    def __init__(self, message: object = "", /, **params: object) -> None:
        super().__init__(self._take(message, params))


class Reason(Said, ValueError):
    """A ValueError a person is meant to read, raised by the domain's parsers and checks (a
    date, an amount, a mapping), with its message as a template; a caller that knows the field
    wraps it: `Invalid("due", error)`."""

    #: the model's field a rule raised in its __post_init__ is about (`text` of a task's step):
    #: a plan file's problem is said at that field and its line, not at the item's first line
    about: str = ""

    def __init__(self, message: object = "", /, **params: object) -> None:
        super().__init__(self._take(message, params))

    def in_field(self, name: str) -> "Reason":
        """This reason, said to be about the field `name` of the model that raises it."""
        self.about = name
        return self


class Refused(UpliftError):
    """The actor may not do this; the message names the rule."""


class NotFound(UpliftError):
    """No such item on this board."""


class NotAnId(NotFound):
    """Text given for an item's id that is no such id at all (`banana` for a task): nothing is
    found, as for any NotFound, but where a person typed it, it is bad input, not an id that
    names nothing (the command line exits 2 for it, 1 for `T-999`)."""


class Invalid(UpliftError):
    """A value is wrong; `field` says which one, the message says why (`reason`, in English;
    the template and values are the reason's)."""

    def __init__(self, field: str, message: object, /, *, whole: bool = False, about: str = "",
                 **params: object) -> None:
        """`whole`: the item as a whole is wrong (a rule across its fields): the message is
        said without the field, which then only names the kind of item. `about`: the field such
        a rule is about (Reason.in_field: `due` of "due is before start"), for a caller that names
        fields (an import's row and column)."""
        reason = self._take(message, params)
        Exception.__init__(self, reason if whole else f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.whole = whole
        self.about = about

    def at_field(self) -> "Invalid":
        """This error said at its field: a rule across fields (`whole`) at the field it is about
        (`due: the due date 2026-12-01 is before the start date 2026-12-10`), as a plan file says it; itself when
        it names its field already, or its rule names none."""
        if self.whole and self.about:
            return Invalid(self.about, self.reason)
        return self


def first_line(error: BaseException) -> str:
    """The first line of an error's message, "" when it has none. A library's message (a
    reader's, a parser's) may run to a page; a person is shown its first line."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


#: How many of an import's problems are listed before "… and N more".
MAX_REPORTED = 20


def nothing_imported(where: str, problems: list[Reason]) -> Invalid:
    """An import refused whole: its problems one to a line (the first MAX_REPORTED, then how many
    more), each said in the interface's language (the template holds only where each goes)."""
    shown = problems[:MAX_REPORTED]
    if (more := len(problems) - MAX_REPORTED) > 0:
        shown.append(Reason("… and {more} more", more=more))
    template = "\n  ".join(f"{{p{index}}}" for index in range(len(shown)))
    lines = Reason(template, **{f"p{index}": problem for index, problem in enumerate(shown)})
    return Invalid(where, "{count} problem, nothing imported:\n  {problems}" if len(problems) == 1
                   else "{count} problems, nothing imported:\n  {problems}", count=len(problems), problems=lines)


#: What a refused import says when rows of a list keyed to another board match records already
#: here, on a board made before boards kept a key: the list may be its own, from before it moved.
OWN_LIST_HINT = ("if it is this board's own list, written by an older Uplift before the board's folder moved: blank "
                 "its board column and import it")


def nothing_imported_maybe_own(where: str, problems: list[Reason], own: bool) -> Invalid:
    """nothing_imported, and when `own` (its rows already here came from a list that names
    another board, on a board keyed by its old path), how to import the list as this board's:
    every row of a moved board's own list reads as a second copy of a record, so the refusal
    alone would leave the way out unsaid."""
    refused = nothing_imported(where, problems)
    if not own:
        return refused
    return Invalid(where, "{refused}\n{hint}", refused=refused.reason, hint=Reason(OWN_LIST_HINT))
