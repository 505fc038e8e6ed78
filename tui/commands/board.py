"""`uplift` (open the board) and `uplift demo`."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from tui.cli_support import EXIT_OK, NEW_BOARDS, BadInput, add_verb, open_board
from tui.i18n import _, language


def cmd_open(args: argparse.Namespace) -> int:
    from tui.app import run_app

    from tui.app import check_theme

    if getattr(args, "theme", None):  # said before a board (or its folder) is made for it
        check_theme(args.theme)
    if not has_terminal():  # (cron, a pipe: the app would write its screen there and wait for keys)
        raise BadInput("the board's screen needs a terminal (standard input and output are not one); "
                       "give a verb for a script, such as `uplift task list` or `uplift today`")
    board = open_board(args, create=True)
    return run_app(board, theme=getattr(args, "theme", None), made=bool(NEW_BOARDS))


def has_terminal() -> bool:
    """Whether the app has a terminal to draw on and read keys from: a tty, or a driver of
    Textual's that stands for one (textual-serve's browser tab sets TEXTUAL_DRIVER)."""
    import os
    import sys

    def tty(stream) -> bool:  # (a stream a script closed, `uplift <&-`, is None: no terminal)
        return stream is not None and stream.isatty()

    return (tty(sys.stdin) and tty(sys.stdout)) or bool(os.environ.get("TEXTUAL_DRIVER"))


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from tui.remote import refuse_remote

    refuse_remote("uplift demo")
    from store.board import Board
    from store.demo import seed_demo

    if args.theme:  # a name that is not a theme is said before a board (or its folder) is made for it
        from tui.app import check_theme

        check_theme(args.theme)
    if not args.no_open and not has_terminal():
        raise BadInput("the board's screen needs a terminal (standard input and output are not one); "
                       "add --no-open to make the demo board alone")
    path = Path(args.board) if args.board else Path(tempfile.mkdtemp(prefix="uplift-demo-")) / "board"
    if (path / "board.json").exists():  # refused by what is there (exit 1), as `member add ali` twice is
        from sales.errors import Refused

        raise Refused("{path} already holds a board; the demo needs a new folder", path=path)
    lead = seed_demo(path, lang=language()).actor
    if args.no_open:
        print(path)
        return EXIT_OK
    from tui.app import run_app

    actor = _demo_actor(path, lead)
    code = run_app(Board(path, actor=actor), theme=args.theme)
    # as whom: `uplift --board` alone would open it as the login name, who is no member (read only)
    print(_("The demo board is kept at {path}; open it again with: UPLIFT_USER={user} uplift --board {typed}").format(
        path=path, user=shlex.quote(actor), typed=shlex.quote(str(path))))
    return code


def _demo_actor(path: Path, lead: str) -> str:
    """Whoever runs the demo acts as its lead, unless UPLIFT_USER names a member."""
    import os

    from store.board import Board

    named = os.environ.get("UPLIFT_USER")
    if named and Board(path, actor=named).role is not None:
        return named
    return lead


def register(verbs, common: argparse.ArgumentParser) -> None:
    demo = add_verb(verbs, common, "demo", cmd_demo, _("open a fresh temporary board seeded with the sample plan"))
    demo.add_argument("--no-open", action="store_true", help=_("seed the board, print its path, don't open it"))
    demo.add_argument("--theme", metavar="NAME", default=None, help=_("the colour theme (remembered)"))
