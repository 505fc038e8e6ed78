"""Waiting for the app instead of for a fixed number of message rounds.

One `pilot.pause()` lets pending messages run once; a screen switch or a modal that mounts
widgets can take more rounds on a busy machine. `until` waits for the condition a test is about
to rely on, up to a timeout, so Pilot tests do not depend on the machine's speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.command import CommandPalette


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
        await pilot.pause(0.02)  # (the poll's step: lets the app run, without spinning the CPU it shares)


async def settled(pilot) -> None:
    """Until the screen on top has mounted and its workers are done (a screen switch or a pushed
    screen reading the board): what a fixed pause stood in for before a key meant for it."""
    app = pilot.app
    await pilot.pause()
    await until(pilot, lambda: app.screen.is_mounted)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def palette_found(pilot) -> None:
    """Until the command palette has searched for what was typed into it (the search runs in a
    worker, and fills the list in batches) and lists what it found."""
    app = pilot.app
    await pilot.pause()  # (the last key's change starts the search)
    await until(pilot, lambda: app.screen.query_one("CommandList").option_count)
    await app.workers.wait_for_complete()
    await until(pilot, lambda: app.screen.query_one("CommandList").option_count)


async def on_mode(pilot, mode: str) -> None:
    """Until the app shows `mode` (as `switch_mode` names it), settled."""
    await until(pilot, lambda: pilot.app.current_mode == mode)
    await settled(pilot)


async def run_palette(pilot, app, query: str) -> None:
    """Type `query` into the command palette and run its first hit, as a person does (^p, the
    words, enter); until the palette has closed and what the command opened has settled. (The
    palette highlights its first hit once found: a `down` before enter ran the second.)"""
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    await palette_found(pilot)
    if app.screen.query_one("CommandList").highlighted is None:
        await pilot.press("down")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
    await settled(pilot)  # (the command it ran switched the screen, or opened a question)


async def palette_prompts(pilot, app, query: str) -> list[str]:
    """The palette's hits for `query` as it shows them (title, then its help on the next line),
    best first, once its search has finished; the palette stays open."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    palette = app.screen
    await until(pilot, lambda: palette.query_one("CommandList").option_count
                and not palette.query_one("CommandList").loading
                and not any(w.is_running for w in palette.workers))
    hits = palette.query_one("CommandList")
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def palette_hits(pilot, app, query: str) -> list[str]:
    """The titles of the palette's hits for `query`, best first (palette_prompts' first lines)."""
    return [prompt.split("\n")[0] for prompt in await palette_prompts(pilot, app, query)]


def notices(app) -> list[str]:
    """The app's notifications as said, a long path's breaks after its `/` taken out (a toast
    breaks a path wider than itself there: tui/user_text.py paths_broken)."""
    return [str(n.message).replace("/\n", "/") for n in app._notifications]
