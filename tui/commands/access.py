"""`uplift init` (a board private to you, or shared with a Unix group) and `uplift serve ...`.

The servers are imported only when one is started: asyncssh and textual-serve must cost nothing
to the other verbs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli_refs import add_ref
from tui.cli_support import EXIT_OK, BadInput, add_path, add_verb, open_board, whole_number
from tui.i18n import _
from tui.remote import refuse_remote

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def cmd_init(args: argparse.Namespace) -> int:
    from store.board import Board
    from store.location import default_board_path
    from store.sharing import board_mode, set_board_access

    refuse_remote("uplift init")
    if args.group and not args.shared:
        raise BadInput("--group goes with --shared (a private board belongs to you alone)")
    path = Path(args.board) if args.board else default_board_path()
    existed = (path / "board.json").exists()
    board = Board(path, create=True, shared=args.shared)
    if args.shared or (existed and args.private):
        set_board_access(board.path, shared=args.shared, group=args.group)
    mode = board_mode(board.path)
    if mode & 0o060:
        said = _("board at {path}: shared with its group (files {mode})") if existed else \
            _("new board at {path}: shared with its group (files {mode})")
    else:
        said = _("board at {path}: private (files {mode})") if existed else _("new board at {path}: private (files {mode})")
    print(said.format(path=board.path, mode=f"{mode:04o}"))
    if not existed:  # what a newcomer does next (a board with no members lets everyone lead)
        import shlex

        on = f" --board {shlex.quote(str(path))}" if args.board else ""
        print(_("next: `uplift{on} member add {actor} --role lead` makes you its lead, "
                "then `uplift{on}` opens it").format(on=on, actor=shlex.quote(board.actor)))
    return EXIT_OK


def cmd_serve_ssh(args: argparse.Namespace) -> int:
    from tui.serve.limits import Limits
    from tui.serve.ports import check_listen
    from tui.serve.ssh_server import serve_ssh

    refuse_remote("uplift serve")
    board = open_board(args)
    _check_host(args.host, args.public)
    check_listen(args.host, args.port)
    limits = Limits(memory_mb=args.memory_mb, cpu_seconds=args.cpu_seconds)
    serve_ssh(board.path, args.host, args.port, host_key=args.host_key, limits=limits,
              max_sessions=args.max_sessions)
    return EXIT_OK


def cmd_serve_web(args: argparse.Namespace) -> int:
    from tui.serve.ports import check_listen
    from tui.serve.web import serve_web

    refuse_remote("uplift serve")
    board = open_board(args)  # (which checks --as: a member of the board)
    _check_host(args.host, args.public)
    check_listen(args.host, args.port)
    serve_web(board.path, args.as_member, args.host, args.port)
    return EXIT_OK


def _check_host(host: str, public: bool) -> None:
    if host not in LOOPBACK and not public:
        raise BadInput("--host {host} is reachable from other machines; add --public if that is "
                       "what you want (see 'Giving a team access' in the README)", host=host)
    if host not in LOOPBACK:
        print(_("uplift: serving on {host}: reachable from the network").format(host=host), file=sys.stderr)


def register(verbs, common: argparse.ArgumentParser) -> None:
    init = add_verb(verbs, common, "init", cmd_init,
                    _("create a board (private by default), or set one up for a team: --shared --group G"))
    which = init.add_mutually_exclusive_group()
    which.add_argument("--shared", action="store_true",
                       help=_("files 0660 and folders 2770: for reps with their own Unix accounts"))
    which.add_argument("--private", action="store_true", help=_("files 0600 and folders 0700 (the default)"))
    init.add_argument("--group", help=_("the Unix group that shares the board (with --shared)"))

    serve = verbs.add_parser("serve", help=_("give a team access: over SSH, or in a browser")).add_subparsers(
        title=_("serve commands"), metavar="VERB", required=True)
    ssh = add_verb(serve, common, "ssh", cmd_serve_ssh,
                   _("an SSH server for the board: members log in with their keys (uplift member key add)"))
    ssh.add_argument("--host", default="127.0.0.1")
    ssh.add_argument("--port", type=whole_number(0, 65535), default=2222)
    add_path(ssh, "--host-key", metavar="FILE",
                     help=_("the server's private host key (default: made once in ~/.config/uplift/)"))
    ssh.add_argument("--max-sessions", type=whole_number(1, 10_000), default=32, help=_("sessions open at once (default 32)"))
    ssh.add_argument("--memory-mb", type=whole_number(256, 1 << 30), default=2048,
                     help=_("address space per session (default 2048 MB; pandas alone maps ~900)"))
    ssh.add_argument("--cpu-seconds", type=whole_number(1, 1 << 30), default=1800,
                     help=_("CPU time per session before it is ended (default 1800 s)"))
    ssh.add_argument("--public", action="store_true", help=_("allow a --host other than loopback"))
    web = add_verb(serve, common, "web", cmd_serve_web,
                   _("the board in a browser tab (textual-serve), acting as one member"))
    add_ref(web, "--as", dest="as_member", kind="member", required=True, metavar="NAME", help=_("the member the tab acts as"))
    web.add_argument("--host", default="127.0.0.1")
    web.add_argument("--port", type=whole_number(0, 65535), default=8000)
    web.add_argument("--public", action="store_true",
                     help=_("allow a --host other than loopback (anyone who reaches it acts as NAME)"))
