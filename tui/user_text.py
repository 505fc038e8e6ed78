"""The one way user text reaches the screen: as plain content, never as markup.

Textual parses markup in a `str` given to Label, Static, notify and option lists, and
`escape()` is not enough (`[ @click=app.quit]x` survives it). Every screen shows stored text
through these helpers, which also strip control characters (sales.text.safe).
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from sales.text import safe


def plain(value: object) -> Content:
    """User text as Textual content that is never parsed as markup."""
    return Content(safe(value))


def plain_rich(value: object) -> Text:
    """The same, for widgets that take Rich renderables: Select options and DataTable cells and
    headers (DataTable measures a column by its cells' Rich width; Content would make it 1 wide)."""
    return Text(safe(value))


def tell(widget, message: object, severity: str = "information") -> None:
    """A notification whose text is shown literally."""
    widget.app.notify(safe(message), severity=severity, markup=False)
