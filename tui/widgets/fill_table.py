"""A DataTable whose text columns take the room the other columns leave.

A DataTable sizes each column to its widest cell, so at 80 columns a long title runs past the
edge, cut mid-word with nothing telling it. Here the text columns (`fill`) share what the
narrow columns (ids, amounts, dates) leave: each keeps its full width when all fit, else the
widest give way first, down to `MINIMUM`, their cells cut with `…`. Past that the table scrolls
sideways, as any DataTable does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import events
from textual.widgets import DataTable

MINIMUM = 8  # cells: the least a text column is given before the table scrolls instead


def share(natural: Sequence[int], room: int, minimum: int = MINIMUM) -> list[int]:
    """Widths for columns wanting `natural` in `room`: all of it when they fit, else the widest
    cut to a common cap (the room's last cells to the first capped), none below `minimum`."""
    if sum(natural) <= room:
        return list(natural)
    cap = max(minimum, max(natural))
    while cap > minimum and sum(min(n, cap) for n in natural) > room:
        cap -= 1
    widths = [max(minimum, min(n, cap)) for n in natural]
    spare = room - sum(widths)
    for index, n in enumerate(natural):
        if spare > 0 and n > widths[index]:
            widths[index] += 1
            spare -= 1
    return widths


def cut_with_ellipsis(cell: object) -> object:
    """A Text cell drawn on one line, ending in … when its column is too narrow for it."""
    if isinstance(cell, Text):
        cell = cell.copy()
        cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell


class FillTable(DataTable):
    """A DataTable whose columns named in `fill` (keys) share the room left by the others."""

    def __init__(self, *args, fill: Sequence[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fill = tuple(fill)

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(cut_with_ellipsis(cell) for cell in cells), **kwargs)

    def update_cell(self, row_key, column_key, value, **kwargs):
        return super().update_cell(row_key, column_key, cut_with_ellipsis(value), **kwargs)

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self._require_update_dimensions = True  # the room changed: fit the columns again
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable) -> None:
        super()._update_dimensions(new_rows)
        if self._fit():
            self._clear_caches()
            super()._update_dimensions(())  # the virtual width, with the columns' new widths

    def _fit(self) -> bool:
        """Give the text columns their share of the room; whether any width changed."""
        columns = [self.columns[key] for key in self.columns if key.value in self.fill]
        width = self.scrollable_content_region.width
        if not columns or width <= 0:
            return False
        padding = 2 * self.cell_padding
        others = sum(column.get_render_width(self) for column in self.columns.values() if column not in columns)
        room = width - others - self._row_label_column_width - padding * len(columns)
        widths = share([max(1, column.content_width) for column in columns], room)
        changed = False
        for column, new in zip(columns, widths):
            if column.auto_width or column.width != new:
                column.auto_width, column.width, changed = False, new, True
        return changed
