"""A form's heading with its key hint, "(^s saves, esc cancels)", kept whole: Textual wraps at any
space, no-break ones too, so at 80 columns a Chinese hint broke as `（^s` / `保存，esc 取消）`.
When heading and hint do not fit on one line, the hint goes whole onto a line of its own."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.widgets import Static

from tui.user_text import plain

GAP = "   "


def laid_out(heading: str, hint: str, width: int) -> str:
    """The heading and the hint on one line when they fit in `width` cells, else on two."""
    if width <= 0 or cell_len(heading + GAP + hint) <= width:
        return heading + GAP + hint
    return heading + "\n" + hint


class FormHeading(Static):
    """The heading (user text included, shown as text, never markup) and the hint under it when
    the line is too narrow for both."""

    def __init__(self, heading: str, hint: str) -> None:
        super().__init__(plain(heading + GAP + hint), classes="dialog-question")
        self.heading, self.hint = heading, hint

    def on_resize(self, event: events.Resize) -> None:
        self.update(plain(laid_out(self.heading, self.hint, self.content_size.width)))
