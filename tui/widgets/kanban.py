"""The kanban: columns of cards, used for both the task board and the deal pipeline.

The widget knows nothing about tasks or deals. A screen gives it `ColumnData` and reacts to its
messages (`MoveRequested`, `CardChosen`). `sync()` diffs each column against what is mounted,
so a board of hundreds of cards re-renders only the cards that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.i18n import N_, _
from tui.user_text import plain


@dataclass(frozen=True)
class CardData:
    """What a card shows: an id, a title, a line of details and a flag line (due date...)."""

    id: str
    title: str
    details: str = ""
    flag: str = ""
    classes: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ColumnData:
    key: str
    title: str
    cards: Sequence[CardData]
    limit: int | None = None
    summary: str = ""


class Card(Widget, can_focus=True):
    """One card: a single widget (not a container of labels), so a column of hundreds stays cheap.

    Its parts are styled by the theme through component classes.
    """

    COMPONENT_CLASSES = {"card--title", "card--details", "card--flag", "card--alarm"}
    DEFAULT_CSS = "Card { height: auto; }"

    def __init__(self, data: CardData) -> None:
        super().__init__(classes=" ".join(sorted(data.classes)))
        self.data = data

    def render(self) -> Content:
        data = self.data
        flag_style = "card--alarm" if "overdue" in data.classes else "card--flag"
        lines = [
            plain(f"{data.id}  {data.title}").stylize(self.get_visual_style("card--title")),
            plain(data.details).stylize(self.get_visual_style("card--details")),
        ]
        if data.flag:
            lines.append(plain(data.flag).stylize(self.get_visual_style(flag_style)))
        return Content("\n").join(lines)

    def show(self, data: CardData) -> None:
        if data == self.data:
            return
        self.data = data
        self.set_classes(" ".join(sorted(data.classes)))
        self.refresh(layout=True)

    def on_focus(self) -> None:
        self.post_message(Kanban.CardFocused(self.data.id))


class KanbanColumn(Vertical):
    """A column that mounts only the first `window` cards and more as the user reaches them."""

    WINDOW = 8

    def __init__(self, key: str) -> None:
        super().__init__(id=f"column-{key}", classes="kanban-column")
        self.key = key
        self.data: ColumnData | None = None
        self.window = self.WINDOW

    def compose(self) -> ComposeResult:
        yield Static(classes="column-header")
        with VerticalScroll(classes="column-cards"):
            yield Static(classes="column-more")

    @property
    def cards(self) -> list[Card]:
        return list(self.query_one(".column-cards").query_children(Card))

    @property
    def hidden(self) -> int:
        """How many of this column's cards are not mounted yet."""
        return max(0, len(self.data.cards) - self.window) if self.data else 0

    def index_of(self, card_id: str) -> int | None:
        if self.data is None:
            return None
        return next((i for i, card in enumerate(self.data.cards) if card.id == card_id), None)

    async def show_more(self, at_least: int = 0) -> None:
        """Mount more of the column's cards (at least up to index `at_least`)."""
        if self.data and self.hidden:
            self.window = max(self.window + self.WINDOW, at_least + 1)
            await self.sync(self.data)

    async def sync(self, data: ColumnData) -> None:
        self.data = data
        count = len(data.cards)
        header = f"{data.title}  {count}" + (f"/{data.limit}" if data.limit else "")
        if data.summary:
            header += f"  {data.summary}"
        self.query_one(".column-header", Static).update(plain(header))
        self.set_class(data.limit is not None and count >= data.limit, "full")
        self.set_class(data.limit is not None and count > data.limit, "over")
        holder = self.query_one(".column-cards", VerticalScroll)
        more = self.query_one(".column-more", Static)
        shown = data.cards[: self.window]
        # Mounted cards are slots: each shows whichever card now falls in its place, so a move
        # or an edit updates text in place and mounts nothing (mounting is Textual's slow part).
        slots = self.cards
        for slot, card_data in zip(slots, shown):
            slot.show(card_data)
        if len(slots) > len(shown):
            await holder.remove_children(slots[len(shown):])
        elif len(shown) > len(slots):
            await holder.mount_all([Card(d) for d in shown[len(slots):]], before=more)
        more.update(plain(_("↓ {count} more").format(count=self.hidden) if self.hidden else ""))
        more.display = bool(self.hidden)

    async def on_click(self, event) -> None:
        if "column-more" in event.widget.classes if event.widget else False:
            await self.show_more()


class Kanban(Horizontal, can_focus=False):
    """Columns of cards with keyboard navigation; moving a card is the screen's decision."""

    BINDINGS = [
        Binding("up,k", "focus_row(-1)", N_("Up"), show=False, id="kanban.up"),
        Binding("down,j", "focus_row(1)", N_("Down"), show=False, id="kanban.down"),
        Binding("left,h", "focus_column(-1)", N_("Left"), show=False, id="kanban.left"),
        Binding("right,l", "focus_column(1)", N_("Right"), show=False, id="kanban.right"),
        Binding("shift+left,H", "move(-1)", N_("Move left"), id="kanban.move_left"),
        Binding("shift+right,L", "move(1)", N_("Move right"), id="kanban.move_right"),
    ]

    class MoveRequested(Message):
        """The user asked to move a card to a neighbouring column."""

        def __init__(self, card_id: str, source: str, target: str) -> None:
            super().__init__()
            self.card_id, self.source, self.target = card_id, source, target

    class CardFocused(Message):
        def __init__(self, card_id: str) -> None:
            super().__init__()
            self.card_id = card_id

    def __init__(self, keys: Sequence[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.keys = list(keys)
        self.focused_id: str | None = None
        self._remembered_row = 0

    def compose(self) -> ComposeResult:
        for key in self.keys:
            yield KanbanColumn(key)

    @property
    def columns(self) -> list[KanbanColumn]:
        return list(self.query_children(KanbanColumn))

    async def sync(self, columns: Sequence[ColumnData]) -> None:
        for column, data in zip(self.columns, columns):
            await column.sync(data)
        focused = self.screen.focused
        if self.focused_id and (focused is None or (isinstance(focused, Card)
                                                    and focused.data.id != self.focused_id)):
            # the focused slot now shows another card: follow the card, if it is still here
            if not await self.focus_card(self.focused_id) and isinstance(focused, Card):
                self.focused_id = focused.data.id

    def position(self, card_id: str | None) -> tuple[int, int] | None:
        for col_index, column in enumerate(self.columns):
            for row, card in enumerate(column.cards):
                if card.data.id == card_id:
                    return col_index, row
        return None

    async def focus_card(self, card_id: str) -> bool:
        """Focus a card by id, mounting more of its column first if it is not shown yet."""
        for column in self.columns:
            index = column.index_of(card_id)
            if index is not None and index >= column.window:
                await column.show_more(at_least=index)
        where = self.position(card_id)
        if where is None:
            return False
        column, row = where
        card = self.columns[column].cards[row]
        card.focus()
        card.scroll_visible()
        return True

    def focus_first(self) -> None:
        for column in self.columns:
            if column.cards:
                column.cards[0].focus()
                return

    @on(CardFocused)
    def _remember(self, event: CardFocused) -> None:
        self.focused_id = event.card_id
        where = self.position(event.card_id)
        if where:
            self._remembered_row = where[1]

    def _current(self) -> tuple[int, int] | None:
        focused = self.screen.focused
        if isinstance(focused, Card):
            return self.position(focused.data.id)
        return None

    async def action_focus_row(self, step: int) -> None:
        where = self._current()
        if where is None:
            self.focus_first()
            return
        column, row = where
        holder = self.columns[column]
        if row + step >= len(holder.cards) and holder.hidden:
            await holder.show_more()
        cards = holder.cards
        if cards:
            cards[max(0, min(len(cards) - 1, row + step))].focus()

    def action_focus_column(self, step: int) -> None:
        where = self._current()
        if where is None:
            self.focus_first()
            return
        column, row = where
        target = column + step
        while 0 <= target < len(self.columns):
            cards = self.columns[target].cards
            if cards:
                cards[min(row, len(cards) - 1)].focus()
                return
            target += step

    def action_move(self, step: int) -> None:
        where = self._current()
        if where is None:
            return
        column, row = where
        target = column + step
        if 0 <= target < len(self.columns):
            card = self.columns[column].cards[row]
            self.post_message(self.MoveRequested(card.data.id, self.keys[column], self.keys[target]))
