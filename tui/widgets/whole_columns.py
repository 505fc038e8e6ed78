"""A DataTable that never shows a column cut in half.

A DataTable wider than its room is cut at its edge mid-column: at 80 columns the forecast's
next column read `Co` over `1.`, a heading and a number that mean nothing cut. Here a column
not wholly in view is left blank (a note under the table can say which are out of view), and
← → in a row table scroll by whole columns, so that each step brings one column in whole.
"""

from __future__ import annotations

from textual.strip import Strip
from textual.widgets import DataTable


class WholeColumnsTable(DataTable):
    """A DataTable whose columns partly out of view (scrolled sideways, or past its right edge)
    are left blank rather than drawn cut."""

    def _spans(self) -> list[tuple[int, int]]:
        """Where the scrolling columns lie in the table's width (the fixed ones before them)."""
        x = self._fixed_width()
        spans = []
        for column in self.ordered_columns[self.fixed_columns:]:
            width = column.get_render_width(self)
            spans.append((x, x + width))
            x += width
        return spans

    def _fixed_width(self) -> int:
        return sum(column.get_render_width(self) for column in self.ordered_columns[: self.fixed_columns])

    def _cut(self) -> list[tuple[int, int]]:
        """The stretches of the view (from its left) that hold part of a column, not all of it."""
        view = self.scrollable_content_region.width
        fixed, scroll_x = self._fixed_width(), round(self.scroll_x)
        cut = []
        for start, end in self._spans():
            left, right = start - scroll_x, end - scroll_x
            if right <= fixed or left >= view:
                continue  # wholly out of view
            if left < fixed or right > view:
                cut.append((max(left, fixed), min(right, view)))
        return cut

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        cut = self._cut()
        if not cut:
            return strip
        width = strip.cell_length
        edges = sorted({edge for span in cut for edge in span if 0 < edge < width})
        pieces = strip.divide([*edges, width])
        starts = [0, *edges]
        blank = {start for start, _ in cut}
        return Strip.join(Strip.blank(piece.cell_length, self.rich_style) if start in blank else piece
                          for start, piece in zip(starts, pieces))

    def _column_step(self, forward: bool) -> None:
        """Scroll so that the first scrolling column in view is the next (or the one before)."""
        scroll_x = round(self.scroll_target_x)
        fixed = self._fixed_width()
        starts = [start - fixed for start, _ in self._spans()]
        if forward:
            target = next((s for s in starts if s > scroll_x), scroll_x)
        else:
            target = next((s for s in reversed(starts) if s < scroll_x), 0)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False)

    def _sideways(self, forward: bool, move) -> None:
        """← →: by whole columns in a row table that scrolls sideways; else as DataTable moves."""
        if self.allow_horizontal_scroll and not (self.show_cursor and self.cursor_type in ("cell", "column")):
            self._column_step(forward)
        else:
            move()

    def action_cursor_right(self) -> None:
        self._sideways(True, super().action_cursor_right)

    def action_cursor_left(self) -> None:
        self._sideways(False, super().action_cursor_left)


def two_lines(heading: str, width: int = 8) -> str:
    """A heading wider than `width` broken at its last space (`If best` / `case`), so that a
    table of many figures (the forecast's twelve, a diagnosis breakdown's) takes less width."""
    if len(heading) <= width or " " not in heading:
        return heading
    head, tail = heading.rsplit(" ", 1)
    return f"{head}\n{tail}"


def out_of_view(table: DataTable) -> list[str]:
    """The headings (on one line) of the table's columns not wholly in view, as it is scrolled."""
    view = table.scrollable_content_region.width
    if view <= 0 or table.virtual_size.width <= view:
        return []
    columns = table.ordered_columns
    fixed = sum(column.get_render_width(table) for column in columns[: table.fixed_columns])
    left, right = table.scroll_x + fixed, table.scroll_x + view
    hidden, x = [], fixed
    for column in columns[table.fixed_columns:]:
        width = column.get_render_width(table)
        if x < left or x + width > right:
            hidden.append(" ".join(column.label.plain.split()))
        x += width
    return hidden
