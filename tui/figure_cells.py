"""Which cells of a table hold figures, so that they are right-aligned as every finance tool and
spreadsheet does (digits line up and amounts compare down a column): on the command line
(`cli_output.table`) and in the app's tables (`figure_rich`, `rich_cells`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from sales.text import safe

if TYPE_CHECKING:  # (the command line imports this module, and stays light: no Rich)
    from rich.text import Text

#: A figure as Uplift writes one: an amount (`1,368.00`, `-300.00`, `$1,200,000`), a share
#: (`86.3%`), a ratio (`1.3×`), a count with its unit (`9 customers`, `5.5 pts`), a Chinese amount
#: (`4.8万`), a rate with its counts (`94% (17/18)`). A date (`2026-12-15`) or an id (`D-4`) is not.
FIGURE = re.compile(r"[-+−]?[$¥€£]?\d[\d,]*(?:\.\d+)?(?:[%×x万亿kKM]|[%×]?\s(?:[^\W\d_]+|\(\d+/\d+\)))?",
                    re.UNICODE)
#: What stands in a figure's place where there is none (`–`, no quota set).
NO_FIGURE = frozenset({"–", "—", "-"})


def is_figure(text: str) -> bool:
    """Whether `text` reads as a figure (see FIGURE)."""
    return FIGURE.fullmatch(text.strip()) is not None


def figure_columns(rows: Sequence[Sequence[str]], count: int, first: int = 1) -> set[int]:
    """The columns (by index, from `first`: the first column names its row, a rank or an id, and
    stays where a script splitting a line on its spaces finds it) whose every cell is a figure or
    stands in for one, at least one of them a figure."""
    columns = set()
    for index in range(first, count):
        cells = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
        if any(is_figure(c) for c in cells) and all(is_figure(c) or c in NO_FIGURE for c in cells):
            columns.add(index)
    return columns


def figure_rich(value: object) -> Text:
    """A DataTable cell or header holding a figure: right-aligned, its text data (never markup)."""
    from rich.text import Text

    return Text(safe(value), justify="right")


def rich_cells(cells: Sequence[object], figures: Collection[int]) -> list[Text]:
    """A DataTable row's cells (or its headers), text as data: those of `figures` (by index) right-aligned."""
    from rich.text import Text

    return [figure_rich(c) if i in figures else Text(safe(c)) for i, c in enumerate(cells)]
