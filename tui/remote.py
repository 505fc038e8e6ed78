"""Sessions that `uplift serve ssh` starts: they may use the board, never the server's files.

Every such session runs under the server's Unix account, so a path typed by a rep (`plan export
-o ~/.bashrc`, a CSV to diagnose, `--board` pointing at another folder) would reach files that
are not theirs. The server marks its children with UPLIFT_REMOTE=1 in an environment it builds
itself (the client's environment never reaches them); every command and screen that would open
a path the user named asks `refuse_paths` first. Plan export and import still work through
standard output and input (`ssh host plan export > plan.yaml`).
"""

from __future__ import annotations

import os

from sales.errors import Refused

REMOTE_ENV = "UPLIFT_REMOTE"
#: The verbs a session over SSH may not run (each calls `refuse_remote`): TAB completion there
#: leaves them out, as help leaves out `--board`.
LOCAL_VERBS = ("demo", "init", "serve")
#: The most of one command's standard input `uplift serve ssh` passes on: it passes one byte
#: more (tui/serve/limits.py), so that a reader can tell a file that was bigger from one that fits.
REMOTE_STDIN_BYTES = 5 * 1024 * 1024


def is_remote() -> bool:
    return os.environ.get(REMOTE_ENV) == "1"


def refuse_paths(what: str, *paths: str | None, stdin: bool = True) -> None:
    """Refused in a remote session if any of `paths` names a file (`-`, standard input or
    output, and None are fine). `stdin=False`: the command has no `-`, so the refusal says to
    run it where the files are instead of offering one."""
    if is_remote() and any(p not in (None, "-") for p in paths):
        if not stdin:
            raise Refused("{what}: a session over `uplift serve ssh` cannot open the server's files, and "
                          "{what} cannot read standard input; run it on a machine that has the board's "
                          "folder (`uplift {what} FILE --board DIR`)", what=what)
        raise Refused("{what}: a session over `uplift serve ssh` cannot open the server's files; "
                      "use standard input or output (`-`) instead", what=what)


def refuse_remote(what: str) -> None:
    if is_remote():
        raise Refused("{what} is not available in a session over `uplift serve ssh`", what=what)
