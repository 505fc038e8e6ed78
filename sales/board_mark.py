"""Which board a CSV list came from. `task list --csv` and `deal list --csv` write the board's
key in a `board` column, a cell a row: a spreadsheet keeps a column through every edit, where a
comment line above the header would be lost or read as a row. An import tells the board's own
list (its ids and links name this board's records) from another board's (they name that board's
goals, strategies, deals and tasks, which are not this board's with the same ids).

A file without the column (a list exported before it, or kept by hand), and a row whose cell is
blank (added in the sheet), are read as this board's, as they always were.
"""

from __future__ import annotations

from collections.abc import Collection

from sales.text import clean_line

#: the column that says which board wrote each row
BOARD_COLUMN = "board"


def board_mark(key: str) -> str:
    """A board's key as its lists write it: behind a word, so that a spreadsheet never reads a key
    of digits (`120394857261`, `12e4...`) as a number and writes it back changed."""
    return f"uplift:{key}"


#: the most of another board's cell an import repeats (a key is 12 characters; a cell may hold anything)
SHOWN = 40


def elsewhere(cell: str, keys: Collection[str]) -> str | None:
    """The key of the other board a row's `board` cell names (None: this board, whose lists may
    carry any of `keys`, or not said), as an import may say it: one line, without control
    characters, cut at SHOWN characters."""
    text = clean_line(cell)
    if not text or text in {board_mark(key) for key in keys}:
        return None
    text = text.removeprefix("uplift:")
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"
