"""`uplift serve web`: the board's TUI in a browser tab, through textual-serve.

Meant for a lead on their own machine: the tab acts as the member named on the command line
(`--as`), so anyone who can reach the port acts as them. That is why it listens on 127.0.0.1
unless told otherwise (`--public`), and why there is no login: the browser is as trusted as the
terminal it replaces. Each tab runs its own `uplift` process with that member and this board.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from tui.i18n import _
from tui.serve.spawn import CODE_ROOT


def web_command(board_path: Path) -> str:
    """The shell command textual-serve starts for each tab (every part quoted)."""
    return shlex.join([sys.executable, "-P", "-m", "tui.cli", "--board", str(board_path)])


def serve_web(board_path: Path, member: str, host: str, port: int) -> None:
    from textual_serve.server import Server

    os.environ["UPLIFT_USER"] = member  # textual-serve hands its environment to each tab
    os.environ.pop("UPLIFT_REMOTE", None)
    os.environ["PYTHONPATH"] = CODE_ROOT
    class Quiet(Server):
        """textual-serve's own start lines (its logo, and the command each tab runs: this
        machine's Python and paths) are not for the person serving; our line says what is."""

        async def on_startup(self, app) -> None:
            return None

    print(_("uplift: serving {board} as {member} on {url}").format(board=board_path, member=member, url=f"http://{host}:{port}"),
          _("(ctrl+c stops it)"), file=sys.stderr, flush=True)
    Quiet(web_command(board_path), host=host, port=port, title=f"Uplift · {member}").serve()
    # (ctrl+c or a TERM from a service manager: said as `serve ssh` says it)
    print(_("uplift: stopped serving {url}").format(url=f"http://{host}:{port}"), file=sys.stderr, flush=True)
