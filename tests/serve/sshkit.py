"""Helpers for the serve tests: a real `uplift serve ssh` on 127.0.0.1 and the real OpenSSH client against it.

The server runs in a subprocess on a free port chosen by the kernel (--port 0; it prints the
port). Keys are made with ssh-keygen in a temporary folder. Terminal sessions run `ssh -tt`
under a pseudo-terminal of our own, so that we read what a member's terminal would show.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SSH, KEYGEN = shutil.which("ssh"), shutil.which("ssh-keygen")
needs_ssh = pytest.mark.skipif(
    not (SSH and KEYGEN),
    reason="the OpenSSH client is not installed (Debian: apt-get install openssh-client); "
           "CI installs it")
FIRST_FRAME = b"Doing"  # a column title of the task board


def make_key(folder: Path, name: str) -> Path:
    path = folder / name
    subprocess.run([KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@test", "-f", str(path)],
                   check=True, timeout=10)
    return path


class Server:
    """`uplift serve ssh` in a subprocess; its log lines are collected as they come."""

    def __init__(self, board: Path, folder: Path, env: dict[str, str] | None = None) -> None:
        """`env`: more of the server's environment (its language: UPLIFT_LANG)."""
        self.board, self.folder = board, folder
        host_key = make_key(folder, "host_key")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "UPLIFT_USER": "dana", **(env or {})}
        env.pop("UPLIFT_REMOTE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "tui.cli", "--board", str(board), "serve", "ssh",
             "--host", "127.0.0.1", "--port", "0", "--host-key", str(host_key)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()
        match = self.wait_for(r"(?:over SSH on|通过 SSH 在) 127\.0\.0\.1:(\d+)", 20)  # (English or Chinese)
        self.port = int(match.group(1))

    def _collect(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.decode("utf-8", "replace").rstrip())

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if match := re.search(pattern, line):
                    return match
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"the server never said {pattern!r}; it said: {self.lines}")

    def wait_warm(self, timeout: float = 20) -> None:
        """Until both spare terminal sessions are warm (the server says so as it changes)."""
        time.sleep(0.3)  # the server looks twice a second: let it notice a session just taken
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            said = [line for line in self.lines if re.search(r"terminal sessions? warm$", line)]
            if said and said[-1].endswith(": 2 terminal sessions warm"):
                return
            time.sleep(0.1)
        raise AssertionError(f"the spare sessions never warmed up: {self.lines[-5:]}")

    def ssh_args(self, key: Path, user: str = "anyone") -> list[str]:
        return [SSH, "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
                "-e", "none", "-i", str(key), "-p", str(self.port), f"{user}@127.0.0.1"]

    def run(self, key: Path, *command: str, user: str = "anyone", stdin: bytes | None = None,
            extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
        args = self.ssh_args(key, user)
        args[1:1] = list(extra)
        return subprocess.run([*args, *command], input=stdin if stdin is not None else b"",
                              capture_output=True, timeout=20)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class Terminal:
    """`ssh -tt` on a pseudo-terminal of ours: what a member sees, and their keyboard."""

    def __init__(self, server: Server, key: Path, cols: int = 120, rows: int = 36,
                 command: tuple[str, ...] = ()) -> None:
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become ssh (`ssh -t host COMMAND` when given one)
            os.environ["TERM"] = "xterm-256color"
            args = server.ssh_args(key)
            os.execv(SSH, [SSH, "-tt", *args[1:], *command])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.seen = b""

    def wait_for(self, text: bytes, timeout: float) -> float:
        """Seconds from the start of the ssh client until `text` was on the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.seen:
                return time.monotonic() - self.started
            self.read(0.05)
        if text in self.seen:
            return time.monotonic() - self.started
        raise AssertionError(f"{text!r} never appeared; the terminal got {self.seen[-400:]!r}")

    def read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                self.seen += os.read(self.fd, 65536)
            except OSError:
                time.sleep(timeout)

    def mark(self) -> None:
        """Forget what was seen so far (to wait for what comes next)."""
        self.read(0.01)
        self.seen = b""

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def exit_status(self, timeout: float = 20) -> int:
        """The ssh client's exit status (the session's), once it ends."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read(0.05)  # (keep the pty drained)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.pid = 0
                return os.waitstatus_to_exitcode(status)
        raise AssertionError(f"the session never ended; the terminal got {self.seen[-400:]!r}")

    def close(self) -> None:
        try:
            if self.pid:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
