"""Starting sessions' child processes: their environment, their pty, and a few kept warm.

The environment is built here from nothing: the client's environment requests are never read,
so no variable the client sends can change who a session acts as or which board it opens. The
interface's language is the member's own where they keep one on the board (`uplift member lang`,
or picked in the app), else the server's (its UPLIFT_LANG or locale, tui/i18n.py), passed on as
UPLIFT_LANG since the children's locale is C.UTF-8.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import signal
import socket
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass, field
from pathlib import Path

import tui
from tui.i18n import choose_language
from tui.remote import REMOTE_ENV
from tui.serve.limits import Limits

CODE_ROOT = str(Path(tui.__file__).resolve().parents[1])  # the children run the server's code


def child_env(board: Path, member: str | None, term: str = "dumb", language: str | None = None) -> dict[str, str]:
    """`language`: the member's own, kept on the board (None: the server's). A TUI child is
    started before its member is known, and its app reads the member's language itself."""
    env = {"PATH": os.defpath, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": term,
           "UPLIFT_BOARD": str(board), REMOTE_ENV: "1", "PYTHONPATH": CODE_ROOT,
           "PYTHONDONTWRITEBYTECODE": "1", "HOME": os.environ.get("HOME", "/"),
           "UPLIFT_LANG": language or choose_language()}
    if member:
        env["UPLIFT_USER"] = member
    return env


def child_argv(limits: Limits, *rest: str) -> list[str]:
    # -P: never put the working directory (the board folder) on the import path
    return [sys.executable, "-P", "-m", "tui.serve.child", *limits.child_args(), *rest]


def set_size(fd: int, cols: int, rows: int) -> None:
    """Give the pty a window size; the kernel sends SIGWINCH to the session's foreground."""
    cols, rows = max(1, min(cols, 1000)), max(1, min(rows, 1000))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


@dataclass
class TerminalChild:
    """A TUI child on its own pty; it says `ready` on `control` once warm, then waits there to
    learn whom it acts as."""

    process: subprocess.Popen
    master: int
    control: socket.socket | None  # None: a verb on a terminal (start_verb_on_terminal)
    used: bool = field(default=False)
    ready: bool = field(default=False)

    def start(self, member: str, term: str, cols: int, rows: int) -> None:
        import json

        set_size(self.master, cols, rows)
        self.control.setblocking(True)
        self.control.sendall((json.dumps({"member": member, "term": term}) + "\n").encode())
        self.control.close()
        self.used = True

    def poll_ready(self) -> bool:
        """Whether the child has said it is warm (never blocks)."""
        if not self.ready and not self.used:
            with contextlib.suppress(BlockingIOError, OSError):
                self.ready = self.control.recv(16).startswith(b"ready")
        return self.ready

    def stop(self) -> None:
        """End the child (its whole session: it is a session leader) and free the pty."""
        if self.control is not None:
            self.control.close()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGHUP)
        with contextlib.suppress(OSError):
            os.close(self.master)

    def reap(self, grace: float = 2.0) -> int | None:
        try:
            return self.process.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()


def start_terminal_child(board: Path, limits: Limits) -> TerminalChild:
    master, slave = os.openpty()
    ours, theirs = socket.socketpair()
    try:
        process = subprocess.Popen(child_argv(limits, "--tui", f"--wait-fd={theirs.fileno()}"),
                                   stdin=slave, stdout=slave, stderr=slave, pass_fds=(theirs.fileno(),),
                                   env=child_env(board, None, "xterm-256color"), cwd=board,
                                   start_new_session=True, close_fds=True)
    except BaseException:
        os.close(master)
        ours.close()
        raise
    finally:
        os.close(slave)
        theirs.close()
    os.set_blocking(master, False)
    ours.setblocking(False)
    return TerminalChild(process, master, ours)


def start_verb_on_terminal(board: Path, limits: Limits, member: str, cols: int, rows: int,
                           argv: list[str], language: str | None = None) -> TerminalChild:
    """One verb on a pty of its own, as sshd runs `ssh -t host COMMAND`: the terminal echoes what
    is typed, ends the input at Ctrl-D and turns Ctrl-C into SIGINT for the verb (exit 130).
    On pipes, those keys would reach the verb as bytes of its input, and the member would be
    stuck until ssh's own `~.`. The pty is the child's controlling terminal before it starts, so
    a Ctrl-C typed at once reaches it too."""
    master, slave = os.openpty()
    try:
        set_size(master, cols, rows)
        process = subprocess.Popen(child_argv(limits, "--", *argv), stdin=slave, stdout=slave, stderr=slave,
                                   env=child_env(board, member, language=language), cwd=board, start_new_session=True,
                                   close_fds=True, preexec_fn=_take_the_terminal)
    except BaseException:
        os.close(master)
        raise
    finally:
        os.close(slave)
    os.set_blocking(master, False)
    return TerminalChild(process, master, None, used=True)


def _take_the_terminal() -> None:
    """(In the child, after setsid, before exec.) Its pty becomes its controlling terminal, and
    SIGINT is held (blocked, kept pending) until the child is ready for it (tui/serve/child.py):
    a Ctrl-C while Python starts would end it with a fatal error's traceback on the screen."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


class WarmPool:
    """A few TUI children started ahead of time, so that a member's first frame comes fast.

    Children taken from the pool are replaced once no session has started for `refill_delay`
    seconds, one at a time (the next once the last is warm), so that warming replacements (about
    a second of CPU each) does not compete with the frames members are waiting for.
    """

    def __init__(self, board: Path, limits: Limits, size: int = 2, refill_delay: float = 3.0) -> None:
        self.board, self.limits, self.size, self.refill_delay = board, limits, size, refill_delay
        self.spares: list[TerminalChild] = []
        self._refill: asyncio.TimerHandle | None = None

    def fill(self, at_once: bool = True) -> None:
        """Start spares up to `size`: all at once (when the server starts), or the next one."""
        self.spares = [c for c in self.spares if c.process.poll() is None]
        while len(self.spares) < self.size:
            self.spares.append(start_terminal_child(self.board, self.limits))
            if not at_once:
                break

    def warm(self) -> int:
        """How many children are ready (warmed up)."""
        return sum(child.poll_ready() for child in self.spares)

    def take(self) -> TerminalChild:
        self.spares.sort(key=lambda child: not child.poll_ready())  # warm ones first
        while self.spares:
            child = self.spares.pop(0)
            if child.process.poll() is None:
                self._schedule_refill()
                return child
            child.stop()
        self._schedule_refill()
        return start_terminal_child(self.board, self.limits)

    def _schedule_refill(self) -> None:
        if self._refill is not None:
            self._refill.cancel()

        def refill() -> None:
            self._refill = None
            if all(child.poll_ready() for child in self.spares):
                self.fill(at_once=False)
            if len(self.spares) < self.size or not all(c.poll_ready() for c in self.spares):
                self._refill = loop.call_later(0.5, refill)  # the next one once this one is warm
        loop = asyncio.get_running_loop()
        self._refill = loop.call_later(self.refill_delay, refill)

    def close(self) -> None:
        if self._refill:
            self._refill.cancel()
        for child in self.spares:
            child.stop()
            child.reap(0.5)
        self.spares = []
