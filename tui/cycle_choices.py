"""The plan's cycles to pick from (the Review screen's and the burn-up's c): each by its dates and
the plan's name then, the cycle now marked, newest first (Board.cycles)."""

from __future__ import annotations

from datetime import date

from tui.i18n import _


def cycle_choices(board) -> list[tuple[str, str]]:
    """(label, value) for each of the plan's cycles; the value reads back with `chosen_cycle`.
    Named as the plan was then ("North team, Q4 2026"): dates alone leave a lead counting quarters."""
    now = board.plan_period()
    return [((_("{start} to {end} (now)") if cycle == now else _("{start} to {end}")).format(
        start=cycle[0], end=cycle[1]) + " · " + board.cycle_name(*cycle), f"{cycle[0]}/{cycle[1]}")
        for cycle in board.cycles()]


def chosen_cycle(board, value: str) -> tuple[date, date] | None:
    """The cycle a choice names, or None for the plan's cycle now (read as ever, not as a past one)."""
    start, end = (date.fromisoformat(part) for part in value.split("/"))
    return None if (start, end) == board.plan_period() else (start, end)
