"""The process behind one SSH session: limits itself, then runs the board's TUI or one CLI verb.

Started by the server only, with an environment the server built (UPLIFT_USER, UPLIFT_BOARD,
UPLIFT_REMOTE=1; nothing from the client). A terminal session's child is started ahead of time
with Textual already imported (the server keeps one or two warm), and learns the member it acts
as from a line the server writes on `--wait-fd`; that is what keeps the first frame well under a
second even when the machine is busy.

    python -P -m tui.serve.child LIMITS --tui --wait-fd 3
    python -P -m tui.serve.child LIMITS -- task list --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import sys

from tui.serve.limits import apply_limits

TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,39}$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="uplift-session")
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--nice", type=int, default=0)
    parser.add_argument("--tui", action="store_true")
    parser.add_argument("--wait-fd", type=int)
    parser.add_argument("verb", nargs=argparse.REMAINDER)
    opts = parser.parse_args(argv)
    apply_limits(opts.memory_mb, opts.cpu_seconds, opts.nice)
    if not opts.tui:
        from tui.cli import main as cli_main

        verb = opts.verb[1:] if opts.verb[:1] == ["--"] else opts.verb
        # a verb on a terminal starts with SIGINT held (spawn.start_verb_on_terminal): a Ctrl-C
        # typed meanwhile arrives now, as KeyboardInterrupt (exit 130, quietly)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return cli_main(verb)
    return _run_tui(opts.wait_fd)


def _run_tui(wait_fd: int | None) -> int:
    import fcntl
    import socket
    import termios

    from sales.errors import UpliftError
    from sales.text import safe
    from tui.i18n import said

    fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # the pty becomes our terminal: resizes reach us
    try:
        board = _warm_up()
    except UpliftError as error:
        print(f"uplift: {safe(said(error))}", file=sys.stderr)
        return 1
    if wait_fd is None:
        raise SystemExit("uplift-session: --tui needs --wait-fd")
    with socket.socket(fileno=wait_fd) as control:
        # A child taken before it was warm (more members arriving at once than there are spares)
        # finds its order already sent and the server's end closed: read the order all the same.
        with contextlib.suppress(OSError):
            control.sendall(b"ready\n")
        line = control.makefile("r").readline(4096)
    if not line:
        return 0  # the server let this spare child go unused
    order = json.loads(line)
    board.actor = os.environ["UPLIFT_USER"] = order["member"]
    term = order.get("term") or ""
    os.environ["TERM"] = term if TERM.match(term) else "xterm-256color"
    from tui.app import run_app
    from tui.cli_support import EXIT_BUG

    try:
        return EXIT_BUG if run_app(board) else 0
    except UpliftError as error:
        print(f"uplift: {safe(said(error))}", file=sys.stderr)
        return 1


def _warm_up():
    """Do the slow part before anyone is waiting: import Textual, open the board and draw it
    once, headless and unseen, so that modules, compiled code, parsed styles and the board's
    files are ready. Returns the board, opened for nobody yet (the server names the member)."""
    from store.board import Board
    from store.location import default_board_path
    from tui.app import UpliftApp

    board = Board(default_board_path(), actor="uplift-warm-up", create=False)

    async def leave(pilot) -> None:
        await pilot.pause()
        pilot.app.exit()

    try:
        UpliftApp(board).run(headless=True, size=(80, 24), auto_pilot=leave)
    except Exception:
        pass  # a warm-up is an optimisation; the real run will say what is wrong
    return board


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C on a verb's terminal before the command line took it over
        sys.exit(130)
