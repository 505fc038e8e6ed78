"""The plan's cycles to pick from (the Review screen's and the burn-up's c): each by its dates and
the plan's name then, the cycle now marked, newest first (Board.cycles); `pick_cycle` asks, one
way for both screens."""

from __future__ import annotations

from datetime import date

from tui.i18n import _
from tui.user_text import tell


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


def pick_cycle(screen, question: str) -> None:
    """Ask `question` with the plan's cycles to pick from; the one picked becomes `screen.cycle`
    (None: the plan's cycle now) and the screen reads it anew (its `refresh_board`). A plan with
    no cycle yet is told how to give it one."""
    from tui.screens.dialogs import Pick

    board = screen.app.board
    choices = cycle_choices(board)
    if not choices:
        tell(screen, _("The plan has no cycle yet: give it one with `uplift plan info --start DATE --end DATE`"),
             "warning")
        return

    async def chosen(value: str | None) -> None:
        if value is not None:
            screen.cycle = chosen_cycle(board, value)
            await screen.refresh_board()

    screen.app.push_screen(Pick(question, choices), chosen)
