"""A horizontal bar chart of a percentage per group, drawn as text on a 0-100% scale.

plotext lays its labels out by characters, not terminal cells: a Chinese region name (two cells a
character) pushed its row to the right and cut off the chart's edge, and names were cut to 14
characters with nothing to say so, so that twelve product lines named "Product line number 01..."
all read "Product line n". Here each name is fitted to the cells it is given (cut with `…`), the
names take up to a third of the width, and each bar ends with its value.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from sales.text import display_width, fit

EIGHTHS = " ▏▎▍▌▋▊▉"
TICKS = (0, 25, 50, 75, 100)


def bar_lines(title: str, points: Sequence[tuple[str, float]], width: int) -> list[str]:
    """The chart in `width` cells: the title, a line per (name, percent), the 0-100% axis."""
    value_width = 7  # " 100.0%"
    names = max(4, min(max(display_width(name) for name, _ in points), max(12, width // 3)))
    room = max(10, width - names - 1 - value_width)
    title = title if display_width(title) <= width else fit(title, width)
    lines = [" " * max(0, (width - display_width(title)) // 2) + title]
    for name, value in points:
        eighths = round(max(0.0, min(100.0, value)) / 100 * room * 8)
        bar = "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")
        lines.append(f"{fit(name, names)} {bar.ljust(room)}{value:6.1f}%")
    axis = [" "] * (room + value_width)
    for tick in TICKS:
        label = f"{tick}%"
        at = min(round(tick / 100 * room) - (len(label) // 2 if tick else 0), room + value_width - len(label))
        axis[at:at + len(label)] = label
    lines.append(" " * (names + 1) + "".join(axis).rstrip())
    return lines


class PercentBars(Widget):
    """`show(title, points)` draws the chart; it fits itself to the width it is given."""

    DEFAULT_CSS = "PercentBars { height: auto; margin: 1 0; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = ""
        self.points: list[tuple[str, float]] = []

    def show(self, title: str, points: Sequence[tuple[str, float]]) -> None:
        self.title, self.points = title, list(points)
        self.refresh(layout=True)

    def render(self) -> Text:
        if not self.points:
            return Text("")
        return Text("\n".join(bar_lines(self.title, self.points, max(30, self.size.width))), no_wrap=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.points) + 2 if self.points else 0
