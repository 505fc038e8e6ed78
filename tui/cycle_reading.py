"""`--start` and `--end` on a command that reads a cycle (`review`, `payout`, `burnup`, `budget
list`): the board read as that cycle was, its numbers, answers and ticks, else as the plan's
cycle now."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager, nullcontext
from datetime import date

from tui.cli_support import BadInput, cli_date


def reading_given_cycle(board, args: argparse.Namespace) -> AbstractContextManager:
    """The board read as the cycle `--start` and `--end` name (both, or neither: the cycle now)."""
    given = getattr(args, "start", None), getattr(args, "end", None)
    if given == (None, None):
        return nullcontext()
    start, end = (cli_date(board, text, field) if text is not None else None
                  for text, field in zip(given, ("start", "end")))
    if not start or not end:
        raise BadInput("a cycle has a first and a last day: give --start and --end")
    return board.reading_cycle(date.fromisoformat(start), date.fromisoformat(end))
