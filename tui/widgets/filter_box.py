"""The board's filter box (`/`): a text box whose footer says the keys that work while it has
the focus. A text box takes the printable keys, so the board's own (`n`, `?`, `q`) leave the
footer then; `/ Filter` alone was left, and escape (clear) and enter (keep) were unsaid.

Escape is the board's `board.clear` (the same id: remapped there, it is remapped here too)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from tui.i18n import N_


class FilterBox(Input):
    BINDINGS = [
        Binding("escape", "screen.clear_filters", N_("Clear filters"), id="board.clear"),
        Binding("enter", "submit", N_("Keep filter"), id="board.keep"),
    ]
