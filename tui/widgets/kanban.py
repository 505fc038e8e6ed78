"""The kanban: columns of cards, used for both the task board and the deal pipeline.

The widget knows nothing about tasks or deals. A screen gives it `ColumnData` and reacts to its
messages (`MoveRequested`, `CardFocused`). Each column is ONE widget that draws its header and
its cards line by line (Textual's Line API): a screen of six columns is six widgets, not sixty.
Mounting and styling widgets is where Textual spends its time (about 4 ms a widget here), so
`sync()` mounts nothing: it swaps a column's data and repaints it. The Kanban itself holds the
focus, with a cursor on one card (`card`): moving the cursor or a card restyles nothing, where
moving the focus from widget to widget restyles both and rebuilds the footer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

from sales.text import display_width, fit, wrap_cells
from tui.i18n import N_, _
from tui.user_text import cut_content, plain

# the left edge of a card: Textual's `wide` border, one cell, coloured by the card's classes
EDGE = "▎"
# the focused card's: twice as wide, so that the focus shows without colour (NO_COLOR, a
# monochrome terminal, where its background is a grey a shade off the others')
FOCUS_EDGE = "▌"
SCROLLBAR = 1  # cells
EDGE_CLASSES = ("card--priority-urgent", "card--priority-high")


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
    #: How many cards the column holds when a filter shows only some (`cards`); None: all shown.
    total: int | None = None

    @property
    def held(self) -> int:
        """How many cards the column holds, shown or not: what its WIP limit counts."""
        return len(self.cards) if self.total is None else self.total


class _Body:
    """The lines below a column's header (cards, the gaps between them and the "more" line),
    each card's turned into strips only when a line of it is asked for: a column of 1,600 cards
    is laid out (every card wrapped, for its height and the scrollbar) but only the cards in view
    are drawn. A card's strips are kept in the column's cache for the next frame."""

    def __init__(self, column: KanbanColumn, cards: Sequence[CardData], layouts: list[list[tuple[Content, str]]],
                 width: int, styles: dict, gap: Strip, more: list[Strip]) -> None:
        self.column, self.cards, self.layouts = column, cards, layouts
        self.width, self.styles, self.gap, self.more = width, styles, gap, more
        self.tops: list[int] = []
        self.heights: list[int] = []
        top = 0
        for lines in layouts:
            self.tops.append(top)
            self.heights.append(len(lines))
            top += len(lines) + styles["gap"]
        self.cards_end = top
        self.length = top + len(more)

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, line: int) -> Strip:
        if line >= self.cards_end:
            return self.more[line - self.cards_end]
        index = bisect_right(self.tops, line) - 1
        offset = line - self.tops[index]
        if offset >= self.heights[index]:
            return self.gap
        return self.column.card_strips(self.cards[index], index, self.layouts[index], self.width, self.styles)[offset]


@dataclass
class _Drawn:
    """A column drawn at one size: the header's lines (across the column), and the lines below it
    (`body`), with a scrollbar when they do not fit (`scrolls`): on the column's right border, or,
    without one, beside the cards."""

    width: int  # inside the column's border
    height: int
    body_width: int  # the cards' width: one less beside a scrollbar that is not on the border
    header: list[Strip]
    body: _Body
    blank_style: RichStyle
    on_border: bool = False  # the scrollbar is drawn on the right border (the cards keep its cell)

    @property
    def tops(self) -> list[int]:
        """The first body line of each card."""
        return self.body.tops

    @property
    def heights(self) -> list[int]:
        return self.body.heights

    @property
    def more(self) -> int:
        """The "more" line's height, at the end of the body."""
        return len(self.body.more)

    @property
    def window(self) -> int:
        """How many body lines are in view below the header."""
        return max(0, self.height - len(self.header))

    @property
    def scrolls(self) -> bool:
        return len(self.body) > self.window if self.on_border else self.body_width < self.width


class KanbanColumn(ScrollView, can_focus=False, inherit_bindings=False):
    """A column that shows its first `window` cards and more as the user reaches them.

    It keeps a cursor on one of its cards (`card`), drawn as focused while the Kanban has the
    focus and its cursor is in this column (`lit`). The theme styles the parts through
    component classes (`card`, `card--focus`, `card--title`...). Its own bindings are none: the
    arrow keys belong to the Kanban.
    """

    WINDOW = 8
    COMPONENT_CLASSES = {"column--header", "column--more", "card", "card--focus", "card--title",
                         "card--muted", "card--alarm", "card--focus-alarm", *EDGE_CLASSES}
    # It draws its own scrollbar, beside the cards only (as the header stays in place): one
    # widget less per column, and no second layout when a column fills up.
    DEFAULT_CSS = "KanbanColumn { overflow-x: hidden; overflow-y: hidden; }"

    def __init__(self, key: str) -> None:
        super().__init__(id=f"column-{key}", classes="kanban-column")
        self.key = key
        self.data: ColumnData | None = None
        self.window = self.WINDOW
        self.cursor = 0
        self.lit = False
        self._drawn: _Drawn | None = None
        self._header: tuple[ColumnData, int, list[Strip]] | None = None  # (data, width, its lines)
        # each card's lines: wrapped, by card and width, and drawn, by card, focus and width (with
        # the styles of _cards_drawn_with); each kept while the card is in the column
        self._wrap_cache: dict[tuple[CardData, int], list[tuple[Content, str]]] = {}
        self._card_cache: dict[tuple[CardData, bool, int], list[Strip]] = {}
        self._cards_drawn_with: tuple | None = None
        self._narrow: bool | None = None  # whether it was last drawn beside its scrollbar
        self._styles_rules: list | None = None
        self._styles_cached: dict = {}
        self._bar: list[Segment] = []  # this frame's scrollbar, a cell per body line in view
        self._bar_hover = False
        self._bar_back = None  # the track's colour (a cell of another is the thumb's)
        self._grab: tuple[int, float] | None = None  # (screen y, scroll y) while dragging the bar

    # ------------------------------------------------------------------ what it holds

    @property
    def cards(self) -> list[CardData]:
        """The cards shown (the first `window` of the column's)."""
        return list(self.data.cards[: self.window]) if self.data else []

    @property
    def card(self) -> CardData | None:
        """The card under the cursor."""
        cards = self.data.cards[: self.window] if self.data else ()
        return cards[self.cursor] if 0 <= self.cursor < len(cards) else None

    @property
    def hidden(self) -> int:
        """How many of this column's cards are not shown yet."""
        return max(0, len(self.data.cards) - self.window) if self.data else 0

    def index_of(self, card_id: str) -> int | None:
        if self.data is None:
            return None
        return next((i for i, card in enumerate(self.data.cards) if card.id == card_id), None)

    def card_content(self, card: CardData) -> Content:
        """A card's text, as it is drawn (before wrapping)."""
        lines = [plain(f"{card.id}  {card.title}"), plain(card.details)]
        if card.flag:
            lines.append(plain(card.flag))
        return Content("\n").join(lines)

    # ------------------------------------------------------------------ changing it

    async def sync(self, data: ColumnData) -> None:
        """Show `data`; the cursor stays on its card if the card is still in this column."""
        if data == self.data:
            return  # nothing to repaint (the poll and a move redraw every column)
        before = self.card
        self.data = data
        index = self.index_of(before.id) if before else None
        if index is not None and index >= self.window:
            self.window = index + 1
        count = len(data.cards)
        self.cursor = index if index is not None else max(0, min(self.cursor, min(count, self.window) - 1))
        # guess again whether the cards need the scrollbar beside them: a filter cleared from one
        # card to a thousand would otherwise draw them all at the width of one, then again
        self._narrow = None
        # the limit is on what the column holds, whatever a filter shows of it
        self.set_class(data.limit is not None and data.held >= data.limit, "full")
        self.set_class(data.limit is not None and data.held > data.limit, "over")
        self._redraw()

    async def show_more(self, at_least: int = 0) -> None:
        """Show more of the column's cards (at least up to index `at_least`)."""
        if self.data and self.hidden:
            self.window = max(self.window + self.WINDOW, at_least + 1)
            self._redraw()

    def move_cursor(self, row: int) -> None:
        """Put the cursor on a shown card (clamped), and bring it into view."""
        shown = len(self.cards)
        row = max(0, min(row, shown - 1))
        if shown and row != self.cursor:
            self.cursor = row
            if self.lit:
                self._redraw()
        self.scroll_to_cursor()

    def light(self, lit: bool) -> None:
        if lit != self.lit:
            self.lit = lit
            self._redraw()

    def scroll_to_cursor(self, later: bool = True) -> None:
        drawn = self._draw()
        if drawn is None and later:  # not laid out yet
            self.call_after_refresh(self.scroll_to_cursor, False)
        if drawn is None or not self.cards:
            return
        top, height = drawn.tops[self.cursor], drawn.heights[self.cursor]
        # the header stays in place above the scrolled lines: a card is in view when it and the
        # header fit the window together
        self.scroll_to_region(Region(0, top, drawn.body_width, height + len(drawn.header)),
                              animate=False, immediate=True)

    def _redraw(self) -> None:
        self._drawn = None
        self.refresh()

    @property
    def allow_vertical_scroll(self) -> bool:
        return self._drawn is not None and self._drawn.scrolls

    # ------------------------------------------------------------------ events

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None  # (the cards' lines are kept while their styles stay the same)
        self._header = None

    def _on_bar(self, event: events.MouseEvent) -> int | None:
        """The body line in view under the mouse if it is on the scrollbar."""
        drawn = self._drawn
        if drawn is None or not drawn.scrolls:
            return None
        if drawn.on_border:
            if event.x != self.outer_size.width - 1:
                return None
            row = event.y - self.styles.gutter.top - len(drawn.header)
            return row if 0 <= row < drawn.window else None
        offset = event.get_content_offset(self)
        if offset is None or offset.x < drawn.body_width:
            return None
        row = offset.y - len(drawn.header)
        return row if 0 <= row < drawn.window else None

    async def on_click(self, event: events.Click) -> None:
        drawn, offset = self._drawn, event.get_content_offset(self)
        if drawn is None or offset is None or offset.y < len(drawn.header) or offset.x >= drawn.body_width:
            return
        line = offset.y - len(drawn.header) + self.scroll_offset.y
        for index, (top, height) in enumerate(zip(drawn.tops, drawn.heights)):
            if top <= line < top + height:
                kanban = self.parent
                if isinstance(kanban, Kanban):
                    kanban.put_cursor(self, index)
                return
        if self.hidden and line >= len(drawn.body) - drawn.more:
            await self.show_more()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """The scrollbar, as Textual's: drag its thumb, or click above or below it for a page."""
        row = self._on_bar(event)
        if row is None:
            return
        event.stop()
        thumb = sorted(self._thumb())
        if row in thumb:
            self._grab = (event.screen_offset.y, self.scroll_offset.y)
            self.capture_mouse()
        elif thumb and row < thumb[0]:
            self.scroll_page_up(animate=False)
        else:
            self.scroll_page_down(animate=False)
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        drawn = self._drawn
        if self._grab is not None and drawn is not None and drawn.window:
            start, scroll = self._grab
            self.scroll_to(y=scroll + (event.screen_offset.y - start) * len(drawn.body) / drawn.window,
                           animate=False)
        hover = self._on_bar(event) is not None
        if hover != self._bar_hover:
            self._bar_hover = hover
            self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._grab is not None:
            self._grab = None
            self.release_mouse()
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._bar_hover:
            self._bar_hover = False
            self.refresh()

    # ------------------------------------------------------------------ drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        drawn = self._draw()
        self._bar = self._scrollbar(drawn) if drawn is not None and drawn.scrolls else []
        lines = super().render_lines(crop)
        if drawn is not None and drawn.on_border and self._bar:
            lines = self._bar_on_border(lines, crop, drawn)
        return lines

    def _has_right_border(self) -> bool:
        return self.styles.border_right[0] not in ("", "none", "hidden", "blank")

    def _bar_on_border(self, lines: list[Strip], crop: Region, drawn: _Drawn) -> list[Strip]:
        """The scrollbar's thumb drawn over the right border, beside the body lines it stands for
        (the track is the border itself): a cell of text is not taken from every card, which at
        80 columns broke words (`Packagi` / `ng`, `2027年` / `1月`)."""
        x = self.outer_size.width - 1
        if not crop.x <= x < crop.right:
            return lines
        top = self.styles.gutter.top + len(drawn.header)
        thumb = self._thumb()
        at = x - crop.x
        out = []
        for index, strip in enumerate(lines):
            row = crop.y + index - top
            if row in thumb:
                strip = Strip.join([strip.crop(0, at), Strip([self._bar[row]]), strip.crop(at + 1)])
            out.append(strip)
        return out

    def _thumb(self) -> set[int]:
        """The rows of the scrollbar (in view, below the header) its thumb covers."""
        return {i for i, cell in enumerate(self._bar)
                if cell.text.strip() or (cell.style is not None and (cell.style.reverse or cell.style.bgcolor != self._bar_back))}

    def render_line(self, y: int) -> Strip:
        drawn = self._drawn or self._draw()
        width = self.scrollable_content_region.width
        if drawn is None:
            return Strip.blank(width, self.visual_style.rich_style)
        if y < len(drawn.header):
            strip = drawn.header[y]
        else:
            row = y - len(drawn.header)
            line = row + self.scroll_offset.y
            strip = drawn.body[line] if 0 <= line < len(drawn.body) else Strip.blank(drawn.body_width, drawn.blank_style)
            if drawn.scrolls and not drawn.on_border and row < len(self._bar):
                strip = Strip.join([strip, Strip([self._bar[row]])])
        return strip if strip.cell_length == width else strip.adjust_cell_length(width, drawn.blank_style)

    def _scrollbar(self, drawn: _Drawn) -> list[Segment]:
        """The scrollbar beside the body, drawn (and coloured) as Textual draws its own."""
        styles = self.styles
        if self._grab is not None:
            background, colour = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._bar_hover:
            background, colour = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, colour = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        colour = background + colour
        window = drawn.window if drawn.window < len(drawn.body) else 0
        bar = ScrollBarRender.render_bar(size=drawn.window, virtual_size=len(drawn.body), window_size=window,
                                         position=self.scroll_offset.y, back_color=background.rich_color,
                                         bar_color=colour.rich_color)
        under = RichStyle(bgcolor=background.rich_color)  # (Textual paints a bar on its background)
        self._bar_back = background.rich_color
        return [Segment(cell.text, under + cell.style.clear_meta_and_links() if cell.style else under)
                for cell in bar.segments]

    def _draw(self) -> _Drawn | None:
        """The column drawn at its size (kept until something changes)."""
        content = self.region.shrink(self.styles.gutter)
        if content.width <= 0 or self.data is None:
            return None
        drawn = self._drawn
        header_height = self._header_height()
        if drawn is None or (drawn.width, drawn.height, len(drawn.header)) != (content.width, content.height,
                                                                              header_height):
            on_border = self._has_right_border()
            width, narrow = content.width, content.width if on_border else max(1, content.width - SCROLLBAR)
            if on_border:
                drawn = self._draw_at(width, content.height, width, header_height, on_border=True)
            elif self._narrow is None:  # a first guess: the least height the cards can wrap to
                self._narrow = self._least_height(width) > content.height
            if not on_border:
                drawn = self._draw_at(width, content.height, narrow if self._narrow else width, header_height)
                if (len(drawn.body) > drawn.window) != drawn.scrolls and narrow < width:
                    drawn = self._draw_at(width, content.height, width if drawn.scrolls else narrow, header_height)
            self._narrow = drawn.scrolls
            self._drawn = drawn
            virtual = Size(width, len(drawn.header) + len(drawn.body) if drawn.scrolls else content.height)
            if virtual != self.virtual_size:
                # set quietly: the column's own size did not change, and a new virtual size lays
                # out the whole screen again
                self.set_reactive(ScrollView.virtual_size, virtual)
                self.scroll_y = self.validate_scroll_y(self.scroll_y)
        return drawn

    def header_lines(self) -> list[Strip]:
        """The header's own lines at the column's present width (none before it is laid out)."""
        width = self.region.shrink(self.styles.gutter).width
        if width <= 0 or self.data is None:
            return []
        if self._header is None or self._header[0] is not self.data or self._header[1] != width:
            self._header = (self.data, width, self._header_strips(self.data, width))
        return self._header[2]

    def _header_height(self) -> int:
        """How many lines the header takes: those of the tallest header on the board, so that the
        first cards of all columns line up (`Blocked` / `2 of 3 · WIP 4` beside `Doing  8 · WIP 8`)."""
        kanban = self.parent
        if isinstance(kanban, Kanban):
            return kanban.header_height()
        return len(self.header_lines())

    def _least_height(self, width: int) -> int:
        inner = max(1, width - 3)  # the edge and the padding
        lines = sum(-(-len(text) // inner) or 1 for card in self.cards
                    for text in (f"{card.id}  {card.title}", card.details, card.flag) if text or text is card.details)
        return 1 + lines + len(self.cards)

    def _styles(self) -> dict:
        """The parts' styles, worked out again only when the CSS gave the column other styles:
        Textual restyles a column whenever it gains or loses the focus or the mouse, and working
        them out took longer than drawing the column."""
        rules = [self.visual_style, *[(name, styles.get_rules()) for name, styles in
                                     sorted(self._component_styles.items())]]
        if rules != self._styles_rules:
            self._styles_rules, self._styles_cached = rules, self._styles_now()
        return self._styles_cached

    def _styles_now(self) -> dict:
        """The parts' styles, the colour of each card edge (the border-left of its classes) and
        the spacing of cards."""
        get = self.get_visual_style
        card = self.get_component_styles("card")
        styles = {"padding": card.padding, "gap": card.margin.bottom}
        for focused, base in ((False, ("card",)), (True, ("card", "card--focus"))):
            fill = get(*base)
            parts = styles[focused] = {
                "fill": fill, "title": get(*base, "card--title"),
                # the error colour on a focused card's own background can be too faint to read
                # (red on the high-contrast theme's yellow): there it is a badge of its own
                "alarm": get(*base, "card--focus-alarm" if focused else "card--alarm"),
                # a focused card's muted lines take its focus colour
                "muted": get("card", "card--muted", *base[1:])}
            for edge in ("", *EDGE_CLASSES):
                _, colour = self.get_component_styles(*base, *[edge][:bool(edge)]).border_left
                parts[edge] = RichStyle(color=(fill.background + colour).rich_color,
                                        bgcolor=fill.background.rich_color)
        return styles

    def _draw_at(self, width: int, height: int, body_width: int, header_height: int,
                 on_border: bool = False) -> _Drawn:
        data = self.data
        assert data is not None
        styles = self._styles()
        signature = (styles["padding"], styles["gap"], *styles[False].values(), *styles[True].values())
        if signature != self._cards_drawn_with:
            if self._cards_drawn_with is None or self._cards_drawn_with[0] != signature[0]:
                self._wrap_cache.clear()  # (the wrapping changes with the padding alone)
            self._card_cache.clear()
            self._cards_drawn_with = signature
        header = list(self.header_lines())
        if len(header) < header_height:  # the header's background down to the board's tallest
            header += self._text_strips(Content(""), width, "column--header") * (header_height - len(header))
        blank_style = self.visual_style.rich_style
        cards = self.cards
        padding = styles["padding"]
        inner = max(1, body_width - 1 - padding.left - padding.right)
        kept, self._wrap_cache = self._wrap_cache, {}  # (keeping only the cards shown now)
        layouts = []
        for card in cards:
            key = (card, inner)
            lines = self._wrap_cache[key] = kept.get(key) or self._card_layout(card, inner)
            layouts.append(lines)
        shown = set(cards)
        self._card_cache = {key: strips for key, strips in self._card_cache.items() if key[0] in shown}
        more = self._text_strips(plain(_("↓ {count} more").format(count=self.hidden)), body_width, "column--more") if self.hidden else []
        body = _Body(self, cards, layouts, body_width, styles, Strip.blank(body_width, blank_style), more)
        return _Drawn(width, height, body_width, header, body, blank_style, on_border)

    def card_strips(self, card: CardData, index: int, lines: list[tuple[Content, str]], width: int,
                    styles: dict) -> list[Strip]:
        """The strips of a card shown (the `index`th), drawn from its wrapped `lines` (or kept)."""
        focused = self.lit and index == self.cursor
        key = (card, focused, width)
        strips = self._card_cache.get(key)
        if strips is None:
            strips = self._card_cache[key] = self._card_strips(card, lines, width, styles, focused)
        return strips

    def _header_strips(self, data: ColumnData, width: int) -> list[Strip]:
        """`Name  count · WIP limit  summary` on one line when it fits (the count `1 of 8` when a
        filter hides some of the column's cards), or, without a summary, `Name count · WIP limit`
        with one space and the right padding left out. Else the name and its count on a line of
        their own (`Negotiation 2`, given up the header's padding when it needs to; the name cut
        with …, `Negotiat… 2`, rather than the count sent below it), then the WIP limit and the
        summary in lines of whole parts (`40.0k` / `w 30.0k`, never `40.0k · w` / `30.0k`): a
        narrow column (80 cells, six stages) reads as well as a wide one."""
        shown = len(data.cards)
        count = f"{shown}" if data.held == shown else _("{shown} of {total}").format(shown=shown, total=data.held)
        wip = ""
        if data.limit:  # over it is said as well as drawn in the error colour (NO_COLOR, a colour-blind reader)
            wip = (_("over WIP {limit}") if data.held > data.limit else _("WIP {limit}")).format(limit=data.limit)
        tally = f"{count} · {wip}" if wip else count
        padding = self.get_component_styles("column--header").padding
        inner = max(1, width - padding.left - padding.right)
        first = f"{data.title}  {tally}"
        rest = "  ".join([tally, data.summary]) if data.summary else tally
        if display_width(f"{first}  {data.summary}" if data.summary else first) <= inner:
            return self._text_strips(plain(f"{first}  {data.summary}" if data.summary else first),
                                     width, "column--header")
        tight = f"{data.title} {tally}"  # one space, and no padding on the right: one line saved
        if not data.summary and display_width(tight) <= width - padding.left:  # (`Blocked 3 · WIP 4` at 80)
            return self._title_strips(tight, width, padding.left, padding.right)
        if display_width(first) <= inner:
            title, rest = [], data.summary
            lines = [first]
        elif (named := self._named_line(data.title, tally, width, cut=False)) is not None:
            title, rest, lines = self._title_strips(named, width, padding.left, padding.right), data.summary, []
        elif (named := (self._named_line(data.title, count, width, cut=False)
                        or self._named_line(data.title, count, width, cut=True))) is not None:
            # the count stays beside the name (`Negotiat… 2`), never alone on the value line below
            # (`2  40.0k`), where it read as a part of the value; the WIP limit goes below with it
            title, lines = self._title_strips(named, width, padding.left, padding.right), []
            rest = "  ".join(part for part in (wip, data.summary) if part)
        else:
            title, lines = self._title_strips(data.title, width, padding.left, padding.right), []
        lines += whole_parts(rest, inner) if rest else []
        return title + [strip for line in lines for strip in self._part_strips(line, width, padding.left, padding.right)]

    @staticmethod
    def _named_line(name: str, count: str, width: int, cut: bool) -> str | None:
        """`Name count` (one space) in `width` cells, the header's padding given up first; with
        `cut`, the name cut with … to leave room for the count (a cell or two of it at least).
        None when it does not fit so."""
        line = f"{name} {count}"
        if display_width(line) <= width:
            return line
        room = width - 1 - display_width(count)
        if not cut or room < 2:
            return None
        return f"{fit(name, room).rstrip()} {count}"

    def _part_strips(self, part: str, width: int, left: int, right: int) -> list[Strip]:
        """A line of the header's count and summary: a part wider than the header's padding
        leaves is given less of the padding before it is wrapped, so that a value stays whole
        (`加权 30.0k` in a column 11 cells wide, not `加权` / `30.0k`); past that it breaks
        between its label and its value, never inside the value."""
        if display_width(part) > width - left - right and display_width(part) <= width:
            return self._title_strips(part, width, left, right)
        return self._text_strips(plain(part), width, "column--header")

    def _title_strips(self, title: str, width: int, left: int, right: int) -> list[Strip]:
        """A column's name (or a part of its summary) on its own line: with the header's padding
        where it fits, else with less of it (`Negotiation` whole in a column 11 cells wide), cut
        with … only past that."""
        for pad_left, pad_right in ((left, right), (left, 0), (0, 0)):
            if display_width(title) <= width - pad_left - pad_right:
                break
        else:
            title = fit(title, width).rstrip()
        style = self.get_visual_style("column--header")
        rich = style.rich_style
        line = plain(title)
        return [Strip([Segment(" " * pad_left, rich), *line.render_segments(style)])
                .adjust_cell_length(width, rich)]

    def _text_strips(self, text: Content, width: int, part: str) -> list[Strip]:
        """A line of text across the column, padded and wrapped (or not) as its part is styled."""
        styles = self.get_component_styles(part)
        style = self.get_visual_style(part)
        padding = styles.padding
        inner = max(1, width - padding.left - padding.right)
        if styles.text_wrap == "nowrap":
            lines = [cut_content(text, inner) if styles.text_overflow == "ellipsis" else text.truncate(inner)]
        else:
            lines = text.wrap(inner, overflow=styles.text_overflow)
        rich = style.rich_style
        return [Strip([Segment(" " * padding.left, rich), *line.render_segments(style)])
                .adjust_cell_length(width, rich) for line in lines]

    @staticmethod
    def _card_layout(card: CardData, inner: int) -> list[tuple[Content, str]]:
        """A card's lines wrapped to `inner` cells, each with the part that styles it: what its
        height is made of, worked out for every card shown (drawing waits until it is in view)."""
        # the details' parts (`ali · high · 1 comment`) kept whole where they fit, never `1` / `comment`
        lines = [(f"{card.id}  {card.title}", "title"),
                 *[(line, "muted") for line in whole_parts(card.details, inner)]]
        if card.flag:
            flag_part = "alarm" if "overdue" in card.classes else "muted"
            lines += [(line, flag_part) for line in flag_lines(card.flag, inner)]
        return [(line, part) for text, part in lines for line in wrapped(text, inner)]

    @staticmethod
    def _card_strips(card: CardData, lines: list[tuple[Content, str]], width: int, styles: dict,
                     focused: bool) -> list[Strip]:
        parts = styles[focused]
        edge = parts[""]
        for name in sorted(card.classes):
            edge = parts.get(f"card--{name}", edge)
        edge_segment = Segment(FOCUS_EDGE if focused else EDGE, edge)
        padding = styles["padding"]
        fill = parts["fill"].rich_style
        return [Strip([edge_segment, Segment(" " * padding.left, fill), *line.render_segments(parts[part])])
                .adjust_cell_length(width, fill) for line, part in lines]


def wrapped(text: str, width: int) -> list[Content]:
    """A card's line in lines of `width` cells (sales.text.wrap_cells): at spaces, and text with
    wide (CJK) characters as Chinese is set, breaking between any two of them (`T-16  向 40 家客户`
    / `发送…`, not `T-16  向 40` alone and the title below it) but not inside `2027年` / `1月`; a word
    wider than the column breaks after its hyphen or with one added (`Brightwa-` / `ter Foods`;
    Textual's wrap cut it bare, `Brightwat` / `er Foods`, which read as two words, and took three
    times as long: a long column is wrapped whole for its height)."""
    if len(text) <= width and "\n" not in text and display_width(text) == len(text):
        return [plain(text)]  # (most lines fit)
    return [plain(line) for line in wrap_cells(text, width)]


def whole_parts(text: str, width: int) -> list[str]:
    """`text` (parts two spaces or ` · ` apart: `2  40.0k · w 30.0k`) in lines of `width`, each
    part kept whole where it fits, and no line starting or ending with a separator."""
    pieces = re.split(r"(  | · )", text)
    lines: list[str] = []
    current = pieces[0]
    for separator, part in zip(pieces[1::2], pieces[2::2]):
        if display_width(current + separator + part) <= width:
            current += separator + part
        else:
            lines.append(current)
            current = part
    return [*lines, current]


def flag_lines(flag: str, width: int) -> list[str]:
    """A card's flag (`close Dec 21  PAST  ★ key`: parts two spaces apart, each a label and a
    value) in lines of `width`: parts are kept whole where they fit, and a part too wide breaks
    after its label, so that a date stays on one line (`close` / `Dec 21`), not `close Dec` / `21`."""
    lines: list[str] = []
    current = ""
    for part in flag.split("  "):
        joined = f"{current}  {part}" if current else part
        if display_width(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        label, space, value = part.partition(" ")
        if display_width(part) <= width or not space:
            current = part
        else:
            lines.append(label)
            current = value
    return [*lines, current] if current else lines


class Kanban(Horizontal, can_focus=True):
    """Columns of cards with keyboard navigation; moving a card is the screen's decision."""

    BINDINGS = [
        Binding("up,k", "focus_row(-1)", N_("Up"), show=False, id="kanban.up"),
        Binding("down,j", "focus_row(1)", N_("Down"), show=False, id="kanban.down"),
        Binding("left,h", "focus_column(-1)", N_("Left"), show=False, id="kanban.left"),
        Binding("right,l", "focus_column(1)", N_("Right"), show=False, id="kanban.right"),
        Binding("shift+left,H", "move(-1)", N_("Move left"), id="kanban.move_left"),
        Binding("shift+right,L", "move(1)", N_("Move right"), id="kanban.move_right"),
        # tab goes from card to card (column by column) and on out of the kanban, as it did when
        # each card was a widget of its own
        Binding("tab", "next_card(1)", N_("Next card"), show=False, id="kanban.next"),
        Binding("shift+tab", "next_card(-1)", N_("Previous card"), show=False, id="kanban.previous"),
        # the focused card's column scrolls, as the columns' own scroll keys did
        Binding("home", "scroll_column('home')", N_("Scroll to the top"), show=False, id="kanban.scroll_home"),
        Binding("end", "scroll_column('end')", N_("Scroll to the end"), show=False, id="kanban.scroll_end"),
        Binding("pageup", "scroll_column('page_up')", N_("Scroll up a page"), show=False, id="kanban.page_up"),
        Binding("pagedown", "scroll_column('page_down')", N_("Scroll down a page"), show=False,
                id="kanban.page_down"),
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
        self.focused_id: str | None = None  # the card the cursor follows (kept while away)
        self.cursor_column = 0
        self._columns: list[KanbanColumn] = []

    def compose(self) -> ComposeResult:
        self._columns = [KanbanColumn(key) for key in self.keys]
        yield from self._columns

    @property
    def columns(self) -> list[KanbanColumn]:
        return list(self._columns)  # (they are made once, in compose)

    @property
    def card(self) -> CardData | None:
        """The card under the cursor."""
        columns = self.columns
        return columns[self.cursor_column].card if 0 <= self.cursor_column < len(columns) else None

    @property
    def focused_card(self) -> CardData | None:
        """The card that has the focus: the one under the cursor, while the kanban has the focus."""
        return self.card if self.has_focus else None

    async def sync(self, columns: Sequence[ColumnData]) -> None:
        for column, data in zip(self.columns, columns):
            await column.sync(data)
        self._align_headers()
        focused = self.screen.focused
        card = self.card
        if self.focused_id and (focused is None or focused is self) and (card is None or card.id != self.focused_id):
            # the focused card left its column (moved, filtered out): follow it, if it is still here
            if not await self.focus_card(self.focused_id):
                self._cursor_moved()

    def position(self, card_id: str | None) -> tuple[int, int] | None:
        for col_index, column in enumerate(self.columns):
            for row, card in enumerate(column.cards):
                if card.id == card_id:
                    return col_index, row
        return None

    async def focus_card(self, card_id: str) -> bool:
        """Focus a card by id, showing more of its column first if it is not shown yet."""
        for column in self.columns:
            index = column.index_of(card_id)
            if index is not None:
                if index >= column.window:
                    await column.show_more(at_least=index)
                self.put_cursor(column, index)
                return True
        return False

    def put_cursor(self, column: KanbanColumn, row: int) -> None:
        """Put the cursor on a card and take the focus."""
        columns = self.columns
        self.cursor_column = columns.index(column)
        column.move_cursor(row)
        self.focus()
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        lit = self.has_focus or self.screen.focused is self  # (a Focus event comes first)
        for index, column in enumerate(self.columns):
            column.light(lit and index == self.cursor_column)
        card = self.card
        if card is not None and card.id != self.focused_id:
            self.focused_id = card.id
            self.post_message(self.CardFocused(card.id))

    def on_focus(self) -> None:
        self._cursor_moved()

    def on_resize(self) -> None:
        """Resized (the terminal, the funnel beside it): the cards wrap anew, so the cursor's
        card is brought back into view once its column is drawn at its new size."""
        columns = self.columns
        if 0 <= self.cursor_column < len(columns):
            self.call_after_refresh(columns[self.cursor_column].scroll_to_cursor)
        self.call_after_refresh(self._align_headers)

    def header_height(self) -> int:
        """The lines of the tallest column header: every column's header takes as many."""
        return max((len(column.header_lines()) for column in self.columns), default=0)

    def _align_headers(self) -> None:
        """Repaint the columns drawn with headers of another height than the board's tallest now
        (a column's count or width changed its header, and so the others')."""
        height = self.header_height()
        for column in self.columns:
            drawn = column._drawn
            if drawn is not None and len(drawn.header) != height:
                column._redraw()

    def on_blur(self) -> None:
        for column in self.columns:
            column.light(False)

    def focus_first(self) -> None:
        for column in self.columns:
            if column.cards:
                self.put_cursor(column, 0)
                return

    def focus_column_top(self, key: str) -> bool:
        """Focus the first card of a column (by key), if it has any."""
        column = next((c for c in self.columns if c.key == key), None)
        if column is None or not column.cards:
            return False
        self.put_cursor(column, 0)
        return True

    def _current(self) -> tuple[int, int] | None:
        if not self.has_focus or self.card is None:
            return None
        return self.cursor_column, self.columns[self.cursor_column].cursor

    async def action_focus_row(self, step: int) -> None:
        where = self._current()
        if where is None:
            self.focus_first()
            return
        column, row = where
        holder = self.columns[column]
        if row + step >= len(holder.cards) and holder.hidden:
            await holder.show_more()
        holder.move_cursor(row + step)
        self._cursor_moved()

    def action_focus_column(self, step: int) -> None:
        where = self._current()
        if where is None:
            self.focus_first()
            return
        column, row = where
        columns = self.columns
        target = column + step
        while 0 <= target < len(columns):
            cards = columns[target].cards
            if cards:
                self.put_cursor(columns[target], min(row, len(cards) - 1))
                return
            target += step

    def action_next_card(self, step: int) -> None:
        places = [(column, row) for column in self.columns for row in range(len(column.cards))]
        where = self._current()
        if where is None:
            if places:
                self.put_cursor(*places[0 if step > 0 else -1])
            return
        index = places.index((self.columns[where[0]], where[1])) + step
        if 0 <= index < len(places):
            self.put_cursor(*places[index])
        else:  # past the last card (or before the first): on to the next widget, if any
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()

    async def action_scroll_column(self, where: str) -> None:
        columns = self.columns
        if 0 <= self.cursor_column < len(columns):
            column = columns[self.cursor_column]
            if where == "end" and column.hidden:  # the end is the column's last card, not the "↓ 12 more" line
                await column.show_more(at_least=len(column.data.cards) - 1)
                column.call_after_refresh(column.scroll_end, animate=False)
                return
            getattr(column, f"scroll_{where}")(animate=False)

    def action_move(self, step: int) -> None:
        where = self._current()
        if where is None:
            return
        column, row = where
        target = column + step
        if 0 <= target < len(self.columns):
            card = self.columns[column].cards[row]
            self.post_message(self.MoveRequested(card.id, self.keys[column], self.keys[target]))
