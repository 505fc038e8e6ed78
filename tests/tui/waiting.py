"""Waiting for the app instead of for a fixed number of message rounds.

One `pilot.pause()` lets pending messages run once; a screen switch or a modal that mounts
widgets can take more rounds on a busy machine. `until` waits for the condition a test is about
to rely on, up to a timeout, so Pilot tests do not depend on the machine's speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable


async def until(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except Exception:  # the widgets it looks at may not be mounted yet
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await pilot.pause(0.02)
