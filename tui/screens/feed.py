"""The activity feed: logged calls, visits, meetings, emails and every change, newest first.

The filter takes words: a person (`ali`), a type (`call`, `deal`, `task`), an item (`D-4`) or a
day (`2026-11-01`: that day and since; a second day ends the range), in any order; each word
narrows the feed. It shows the newest records first, and the older ones as the cursor reaches
the last row, as a long timeline scrolls on.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from sales.activity import describe
from sales.text import TITLE_MAX
from sales.touches import TOUCH_TYPES
from tui.change_text import say_change
from tui.i18n import N_, _
from tui.screens.dialogs import help_key
from tui.user_text import plain, plain_rich, text_input
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer
from tui.time_text import day_of, when

#: A changed value in the feed up to a title's length (the table scrolls sideways), not the 30
#: characters of a one-line log: "title Call the second 24 target… → ..." said too little.
FEED_VALUE = TITLE_MAX
ITEM = re.compile(r"^[A-Za-z]-\d+$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = set(TOUCH_TYPES) | {"deal", "task", "goal", "strategy", "member", "touch", "coaching", "board",
                            "alert", "alerts", "pipeline"}
LIMIT = 200


def parse_filter(text: str) -> dict:
    """`ali call D-4` -> {"person": "ali", "kind": "call", "item": "D-4"}. A type may be named
    as the feed says it, in the interface's language (`李雷 电话`: a call, as `记录了一次电话`)."""
    said = {_(kind).lower(): kind for kind in KINDS}
    found: dict = {}
    days: list[str] = []
    for word in text.split():
        if ITEM.match(word):
            found["item"] = word.upper()
        elif DAY.match(word):
            days.append(word)
        elif word.lower() in KINDS:
            found["kind"] = word.lower()
        elif word.lower() in said:
            found["kind"] = said[word.lower()]
        else:
            found["person"] = word
    if days:  # the first day and since, or the days from the earliest to the latest, on the reader's clock
        first, last = min(days), max(days) if len(days) > 1 else "9999"
        found["at"] = lambda stamp: first <= day_of(stamp) <= last
    return found


class FeedScreen(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog-screen"  # centred, as every dialog

    BINDINGS = [Binding("escape", "dismiss", N_("Close"), id="feed.close"), help_key("feed")]

    def __init__(self, filter_text: str = "") -> None:
        """`filter_text`: what the filter starts with (the pipeline's focused deal, `D-4`)."""
        super().__init__()
        self.filter_text = filter_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog feed"):
            with Vertical(classes="dialog-head"):  # over the table, which scrolls in what is left
                yield Static(plain(_("Activity feed · filter by person, type (call, deal…), item (D-4) or day "
                                     "(2026-11-01: since then)")),
                             classes="dialog-question")
                yield text_input(placeholder=_("e.g. ali call   or   D-4"), id="feed-filter", max_length=100)
            # what happened takes the room when and who leave, on two lines where one would cut it:
            # at 80 columns it ran off the dialog's edge mid-word (`asked to mov`)
            yield FillTable(cursor_type="row", zebra_stripes=True, id="feed-table", fill=("what",), lines=2)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, name in (("when", _("When")), ("who", _("Who")), ("what", _("What"))):
            table.add_column(plain_rich(name), key=key)
        box = self.query_one(Input)
        box.value = self.filter_text
        self.show(self.filter_text)
        box.focus()

    #: how many records are shown: LIMIT more each time the cursor reaches the last row
    limit = LIMIT

    def show(self, text: str) -> None:
        """The records the filter `text` picks, newest first; the cursor stays on the record it
        was on (a change made meanwhile comes in above it), else on the first row."""
        records = self.app.board.feed(limit=self.limit, **parse_filter(text))
        table = self.query_one(DataTable)
        was = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear()
        for record in records:
            table.add_row(plain_rich(when(record.at)), plain_rich(record.actor),
                          plain_rich(say_change(describe(record, limit=FEED_VALUE))), key=str(record.seq))
        if was is not None and was in table.rows:
            table.move_cursor(row=table.get_row_index(was), animate=False)

    async def refresh_board(self) -> None:
        """Someone's change (a rep over SSH, a script, this app's other screens) comes in as it
        is made, as the screens beneath show it (the app's poll)."""
        self.show(self.query_one("#feed-filter", Input).value)

    @on(Input.Changed, "#feed-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.limit = LIMIT
        self.show(event.value)

    @on(DataTable.RowHighlighted, "#feed-table")
    def _older(self, event: DataTable.RowHighlighted) -> None:
        """The cursor on the last row of a full page: the next LIMIT older records come in below."""
        table = event.data_table
        if table.row_count >= self.limit and event.cursor_row == table.row_count - 1:
            self.limit += LIMIT
            self.show(self.query_one("#feed-filter", Input).value)
