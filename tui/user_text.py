"""The one way user text reaches the screen: as plain content, never as markup.

Textual parses markup in a `str` given to Label, Static, notify and option lists, and
`escape()` is not enough (`[ @click=app.quit]x` survives it). Every screen shows stored text
through these helpers, which also strip control characters (sales.text.safe). Text boxes are
made here too (`text_input`, `text_area`): a stored value is shown in them made safe, and every
one-line box has a length cap (a text area's text is capped by its model when it is saved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.widgets import Input, TextArea

from sales.text import LINE_MAX, cut, safe, wrap_cells
from tui.i18n import N_, _, said_who


def plain(value: object) -> Content:
    """User text as Textual content that is never parsed as markup."""
    return Content(safe(value))


def plain_rich(value: object) -> Text:
    """The same, for widgets that take Rich renderables: Select options and DataTable cells and
    headers (DataTable measures a column by its cells' Rich width; Content would make it 1 wide)."""
    return Text(safe(value))


def cut_content(content: Content, width: int) -> Content:
    """`content` in `width` cells, its last whole character followed by `…` when it is wider
    (Textual's own cut, reaching the middle of a wide (CJK) character, put a space before the …)."""
    if content.cell_length <= width:
        return content
    return content[:len(cut(content.plain, max(0, width - 1)))] + "…"


class Hanging:
    """Lines that wrap under their own text, not back at the margin, where a wrapped part would
    read as a heading of its own: each row a lead (an id, `1.`, or "" for a plain indent) and a
    text, `gap` cells apart, under an optional heading. The text is wrapped as the command line
    wraps it (sales.text.wrap_cells): Chinese between any two characters, where Rich's wrap
    broke only at spaces (the Cycle screen's `最近 14` / `天没有完成任何任务：...` at 80 columns).
    Plain text, never markup; str() is the text as it reads unwrapped."""

    def __init__(self, rows: Sequence[tuple[object, object]], heading: object | None = None, gap: int = 2) -> None:
        self.rows = [(safe(lead), safe(text)) for lead, text in rows]
        self.heading = None if heading is None else safe(heading)
        self.gap = gap
        self._drawn: dict[int, list[Segment]] = {}  # the lines wrapped at a width, by width

    def _wrapped(self, console: Console, options_width: int) -> list[Segment] | None:
        """The lines as the grid below lays them out at `width`, wrapped once per width: a list
        (an option list of 5,000 alerts) measures every option's height at every layout, and a
        Rich table per option took seconds each time. None where the leads leave no room for the
        text (the grid squeezes them then)."""
        if options_width in self._drawn:
            return self._drawn[options_width]
        lead_width = max(cell_len(lead) for lead, _ in self.rows)
        room = options_width - lead_width - self.gap
        if room < 1:
            return None
        lines = [line.plain for line in Text(self.heading).wrap(console, options_width, overflow="fold")] \
            if self.heading is not None else []
        # (each line padded to the grid's width, as its cells are: the text's widest line, or the room)
        width = lead_width + self.gap + min(room, max(cell_len(line) for _, text in self.rows
                                                     for line in text.split("\n")))
        for lead, text in self.rows:
            indent = lead + " " * (lead_width - cell_len(lead) + self.gap)
            for index, line in enumerate(part for paragraph in text.split("\n")
                                         for part in wrap_cells(paragraph, room)):
                line = (indent if index == 0 else " " * cell_len(indent)) + line
                lines.append(line + " " * (width - cell_len(line)))
        drawn = [segment for line in lines for segment in ((Segment(line),) if line else ()) + (Segment.line(),)]
        if len(self._drawn) > 3:  # (the widths a list is laid out at: a few, until a resize)
            self._drawn.clear()
        self._drawn[options_width] = drawn
        return drawn

    def _renderable(self) -> RenderableType:
        from rich.console import Group
        from rich.table import Table

        if not self.rows:
            return Text(self.heading or "")
        grid = Table.grid(padding=(0, self.gap, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")  # (a word wider than the line folds: never cut with …)
        for lead, text in self.rows:
            grid.add_row(Text(lead), Text(text))
        return grid if self.heading is None else Group(Text(self.heading), grid)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        drawn = self._wrapped(console, options.max_width) if self.rows else None
        if drawn is None:
            yield self._renderable()
        else:
            yield from drawn

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._renderable())

    def __str__(self) -> str:
        lines = [lead + " " * self.gap + text for lead, text in self.rows]
        return "\n".join(lines if self.heading is None else [self.heading, *lines])


# A warning's or an error's toast is titled so, not told by its edge's colour alone (NO_COLOR,
# a monochrome terminal, a colour-blind reader).
SEVERITY_TITLES = {"warning": N_("Warning"), "error": N_("Error")}


def tell(widget, message: object, severity: str = "information") -> None:
    """A notification whose text is shown literally; an error is said in the interface's language."""
    title = SEVERITY_TITLES.get(severity)
    text = safe(said_who(message) if isinstance(message, BaseException) else message)
    widget.app.notify(paths_broken(text, toast_width(widget.app.size.width)),
                      title=_(title) if title else "", severity=severity, markup=False)


def toast_width(screen: int) -> int:
    """The cells a notification's text has on a screen `screen` cells wide, as Textual lays a
    toast out: 60 wide, at most half of its rack (the screen less the rack's scroll bar, 2), less
    its padding (1 a side) and its coloured edge (1): 36 at 80 columns."""
    return max(min(60, (screen - 2) // 2) - 3, 10)


#: A path, or a word of one: the parts after which it may break (a folder's `/`, Windows' `\`).
_PATH_PART = re.compile(r"[^/\\]*[/\\]+|[^/\\]+$")


def paths_broken(text: str, width: int) -> str:
    """`text` with each path wider than `width` cells broken onto lines after a `/`: Textual
    breaks only at spaces, so it cut a long path where the line ended (`…/uplift/b`, `oard`).
    A path that fits a line is left whole (Textual moves it to a line of its own); a part wider
    than a line is cut, as before."""
    def broken(word: str) -> str:
        if cell_len(word) <= width or not any(mark in word for mark in "/\\"):
            return word
        lines = [""]
        for part in _PATH_PART.findall(word):
            if lines[-1] and cell_len(lines[-1] + part) > width:
                lines.append("")
            lines[-1] += part
        return "\n".join(lines)

    return "".join(broken(word) for word in re.split(r"(\s+)", text))


def text_input(value: object = "", *, max_length: int = LINE_MAX, **options) -> Input:
    """A one-line text box holding `value` made safe, never longer than `max_length`."""
    return Input(safe(value)[:max_length], max_length=max_length, **options)


def text_area(value: object = "", **options) -> TextArea:
    """A text area holding `value` made safe (its model caps the length on save)."""
    return TextArea(safe(value), **options)


def with_current(options: list[tuple[Text, str]], value: str | None) -> list[tuple[Text, str]]:
    """Select options that include `value` even when it is not among them (a goal or stage
    that is gone, a hand-edited file): shown marked, so the form opens and nothing changes
    unless the user picks another (a Select given a value it lacks raises instead)."""
    if not value or any(option == value for _, option in options):
        return options
    return [*options, (plain_rich(_("{value} (not on this board)").format(value=value)), value)]
