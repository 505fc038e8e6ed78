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
from textual.message import Message
from textual.widgets import Static

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


class Card(Vertical, can_focus=True):
    """One card. Focus it with the keys or the mouse."""

    def __init__(self, data: CardData) -> None:
        super().__init__(classes=" ".join(sorted(data.classes)))
        self.data = data

    def compose(self) -> ComposeResult:
        yield Static(plain(f"{self.data.id}  {self.data.title}"), classes="card-title")
        yield Static(plain(self.data.details), classes="card-details")
        yield Static(plain(self.data.flag), classes="card-flag")

    def show(self, data: CardData) -> None:
        if data == self.data:
            return
        self.data = data
        self.set_classes(" ".join(sorted(data.classes)))
        title, details, flag = self.query(Static)
        title.update(plain(f"{data.id}  {data.title}"))
        details.update(plain(data.details))
        flag.update(plain(data.flag))

    def on_focus(self) -> None:
        self.post_message(Kanban.CardFocused(self.data.id))


class KanbanColumn(Vertical):
    def __init__(self, key: str) -> None:
        super().__init__(id=f"column-{key}", classes="kanban-column")
        self.key = key

    def compose(self) -> ComposeResult:
        yield Static(classes="column-header")
        yield VerticalScroll(classes="column-cards")

    @property
    def cards(self) -> list[Card]:
        return list(self.query_one(".column-cards").query_children(Card))

    async def sync(self, data: ColumnData) -> None:
        count = len(data.cards)
        header = f"{data.title}  {count}" + (f"/{data.limit}" if data.limit else "")
        if data.summary:
            header += f"  {data.summary}"
        self.query_one(".column-header", Static).update(plain(header))
        self.set_class(data.limit is not None and count >= data.limit, "full")
        self.set_class(data.limit is not None and count > data.limit, "over")
        holder = self.query_one(".column-cards", VerticalScroll)
        mounted = {card.data.id: card for card in self.cards}
        wanted = {card.id for card in data.cards}
        gone = [card for key, card in mounted.items() if key not in wanted]
        if gone:
            await holder.remove_children(gone)
        if not mounted and data.cards:
            await holder.mount_all([Card(card_data) for card_data in data.cards])  # one layout pass
            return
        for index, card_data in enumerate(data.cards):
            card = mounted.get(card_data.id)
            if card is None:
                card = Card(card_data)
                mounted[card_data.id] = card
                await holder.mount(card, before=index if index < len(holder.children) else None)
            else:
                card.show(card_data)
                if holder.children.index(card) != index:
                    holder.move_child(card, before=index)


class Kanban(Horizontal, can_focus=False):
    """Columns of cards with keyboard navigation; moving a card is the screen's decision."""

    BINDINGS = [
        Binding("up,k", "focus_row(-1)", "Up", show=False, id="kanban.up"),
        Binding("down,j", "focus_row(1)", "Down", show=False, id="kanban.down"),
        Binding("left,h", "focus_column(-1)", "Left", show=False, id="kanban.left"),
        Binding("right,l", "focus_column(1)", "Right", show=False, id="kanban.right"),
        Binding("shift+left,H", "move(-1)", "Move left", id="kanban.move_left"),
        Binding("shift+right,L", "move(1)", "Move right", id="kanban.move_right"),
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
        if self.focused_id and self.screen.focused is None:
            self.focus_card(self.focused_id)

    def position(self, card_id: str | None) -> tuple[int, int] | None:
        for col_index, column in enumerate(self.columns):
            for row, card in enumerate(column.cards):
                if card.data.id == card_id:
                    return col_index, row
        return None

    def focus_card(self, card_id: str) -> bool:
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

    def action_focus_row(self, step: int) -> None:
        where = self._current()
        if where is None:
            self.focus_first()
            return
        column, row = where
        cards = self.columns[column].cards
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
