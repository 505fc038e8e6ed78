"""What one session may use: memory, CPU time, priority, and how fast its keyboard may type.

The child applies its own limits first thing (tui/serve/child.py), before it reads a byte from the
client, so the server never needs a preexec hook. The input cap is the server's: terminal input
beyond `input_rate` bytes a second (after a burst of `input_burst`) is dropped, and a session
that goes over it is demoted to the lowest CPU priority, so a flood of pasted or random bytes
costs the other sessions next to nothing.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass

from tui.remote import REMOTE_STDIN_BYTES

LOWEST_PRIORITY = 19


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 2048        # address space of one session's process
    cpu_seconds: int = 1800      # CPU time of one session; the kernel ends it beyond that
    nice: int = 0                # raise it to make sessions yield to everything else
    input_rate: int = 2048       # bytes a second a terminal session may send ...
    input_burst: int = 8192      # ... after a first burst this big (a pasted paragraph)
    exec_input: int = REMOTE_STDIN_BYTES + 1  # standard input of one command (a plan file; the byte
    #                                             more says it was bigger: cli_support.read_stdin)
    command_bytes: int = 4096    # the length of one `ssh host COMMAND`

    def child_args(self) -> list[str]:
        return [f"--memory-mb={self.memory_mb}", f"--cpu-seconds={self.cpu_seconds}", f"--nice={self.nice}"]


def apply_limits(memory_mb: int, cpu_seconds: int, nice: int) -> None:
    """Limit the calling process (and whatever it starts)."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if nice:
        os.nice(nice)
        try:  # the process leads a new session, hence a new autogroup where the kernel has them
            with open("/proc/self/autogroup", "w") as autogroup:
                autogroup.write(str(nice))
        except OSError:
            pass


def demote(pid: int) -> None:
    """Give a flooding session the lowest CPU priority (raising niceness needs no privilege).

    By process group, not process: on Linux niceness is per thread, and Textual reads and parses
    input in a thread of its own; PRIO_PGRP reaches every thread of every process in the group
    (the child leads its own session and group). And by autogroup: where the kernel groups
    processes by session (sched_autogroup_enabled), niceness only ranks threads inside their
    session, and each session competes with the others at the autogroup's own nice value.
    """
    try:
        os.setpriority(os.PRIO_PGRP, pid, LOWEST_PRIORITY)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        with open(f"/proc/{pid}/autogroup", "w") as autogroup:
            autogroup.write(str(LOWEST_PRIORITY))
    except OSError:
        pass  # no autogroups here: the niceness above is enough


class InputBudget:
    """A token bucket: how many of the bytes just received may pass."""

    def __init__(self, rate: int, burst: int, clock=time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = float(burst)
        self.last = clock()

    def allow(self, size: int) -> int:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        allowed = min(size, int(self.tokens))
        self.tokens -= allowed
        return allowed
