"""Running the real app in a pseudo-terminal and collecting every byte it writes to it.

Pilot tests see widgets, not the terminal: only the bytes the driver writes show whether an
escape sequence from the data reached the screen.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """`uplift --board PATH` in a pty of the given size; `press` keys, `output` holds all bytes."""

    def __init__(self, board: Path, size: tuple[int, int] = (120, 40), actor: str = "dana") -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "UPLIFT_USER": actor, "COLUMNS": str(columns),
               "LINES": str(rows), "TEXTUAL_ANIMATIONS": "none"}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))",
             "--board", str(board)],
            stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, start_new_session=True)
        os.close(slave)
        self.output = bytearray()

    def read(self, until: bytes | None = None, quiet: float = 0.4, limit: float = 8.0) -> bytes:
        """Read what the app writes until `until` shows up in it, or else until the app has been
        silent for `quiet` seconds after writing something (at most `limit` seconds)."""
        start = len(self.output)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if until is not None and until in self.output[start:]:
                break
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                if until is None and len(self.output) > start:
                    break
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app exited and the pty closed
                break
            if not chunk:
                break
            self.output += chunk
        return bytes(self.output[start:])

    def press(self, keys: str, until: bytes | None = None, quiet: float = 1.0, settle: float = 0.0) -> bool:
        """Type `keys`; whether `until` (if given) then showed on the screen. Without `until`,
        wait for the app to be quiet for `quiet` seconds. `settle`: once `until` showed, until
        the app has also been quiet that long (a dialog closing draws the screen beneath it
        before it is quite gone: a key typed then could still reach the dialog)."""
        start = len(self.output)
        os.write(self.master, keys.encode())
        # (a screen that opens says so at once; the limit only bounds a busy machine's wait)
        self.read(until, quiet=quiet, limit=20.0 if until is not None else 8.0)
        shown = until is None or until in self.output[start:]
        if shown and until is not None and settle:
            self.quiet_for(settle)
        return shown

    def quiet_for(self, seconds: float, limit: float = 8.0) -> None:
        """Read on until the app has written nothing for `seconds` (at most `limit` seconds)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], seconds)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.write(self.master, b"q")
                self.process.wait(3)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(3)
        self.read(quiet=0.05, limit=0.5)
        os.close(self.master)

    def __enter__(self) -> Terminal:
        self.read(until=b"Uplift", limit=20)
        self.read(quiet=0.5, limit=5)
        return self

    def __exit__(self, *exc) -> None:
        self.close()

