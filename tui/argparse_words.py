"""argparse's own words (its usage errors and help headings), said in the interface's language.

argparse looks its messages up through gettext (`argparse._`, `argparse.ngettext`), which Uplift
does not use: `speak()` points those two at tui.i18n's lookups, so that "the following arguments
are required", "invalid choice", "unrecognized arguments" and the rest come out in Chinese under
UPLIFT_LANG=zh like Uplift's own errors (an English key the catalogue lacks stays English). The
list below is there for the catalogue check (tests/tui/test_i18n.py reads the `N_("...")` calls
in tui/): the messages argparse can give a person typing a command. `Parser` adds one:
the choice a typo was near (`uplift tsak list`: maybe you meant 'task'?), as git and Python
3.14's argparse say it.
"""

from __future__ import annotations

import argparse

from tui.help_wrap import CellWrap
from tui.i18n import N_, _, n_

MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"), N_("expected one argument"), N_("expected at most one argument"),
    N_("expected at least one argument"), N_("expected %s argument"), N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose "invalid choice" also names the choice the typed word was near
    (argparse does so only from Python 3.14; Uplift runs on 3.11). Its sub-commands' parsers are
    made of the same class (argparse's add_subparsers), so every verb and option has it, and
    their help is wrapped by terminal cells (tui/help_wrap.py) unless a parser says otherwise."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", CellWrap)
        super().__init__(*args, **kwargs)

    def _check_value(self, action: argparse.Action, value) -> None:
        import difflib
        import re

        if (isinstance(action, argparse._SubParsersAction) and isinstance(value, str) and "show" in action.choices
                and re.fullmatch(r"[A-Za-z]?-?\d{1,9}", value.strip())):
            # `uplift task T-12 done`, taskwarrior's order (`task 12 done`): an id where the verb goes
            raise argparse.ArgumentError(action, _(
                "invalid choice: %(value)r: the verb comes first, then the id (`%(prog)s show %(value)s`; "
                "choose from %(choices)s)") % {"value": value, "prog": self.prog,
                                               "choices": ", ".join(map(repr, shown(action)))})
        if action.choices is not None and isinstance(value, str) and value not in action.choices:
            named = shown(action)
            close = difflib.get_close_matches(value.casefold(), [c for c in named if isinstance(c, str)], n=1)
            if close:
                raise argparse.ArgumentError(action, _(
                    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)") % {
                    "value": value, "closest": close[0], "choices": ", ".join(map(repr, named))})
            if named != list(action.choices):
                raise argparse.ArgumentError(action, _("invalid choice: %(value)r (choose from %(choices)s)") % {
                    "value": value, "choices": ", ".join(map(repr, named))})
        super()._check_value(action, value)


def shown(action: argparse.Action) -> list:
    """The choices an error may name, and TAB completion offer: of a verb's verbs, those its help
    lists and their aliases, not a hidden one (`completion words`, which the completion scripts run)."""
    if not isinstance(action, argparse._SubParsersAction):
        return list(action.choices)
    listed = {id(action.choices[choice.dest]) for choice in action._choices_actions if choice.dest in action.choices}
    return [name for name, parser in action.choices.items() if id(parser) in listed]


def speak() -> None:
    """Let argparse say its messages through the interface's catalogue (idempotent)."""
    argparse._ = _
    argparse.ngettext = n_
