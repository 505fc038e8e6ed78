"""The footer of every screen: the keys that work there, help and quit first (so that `?`, which
lists every key, stays in sight on an 80-column terminal), then the screen's own keys, then the
other keys that work everywhere (alerts, today), in compact style below COMPACT_BELOW columns,
and the command palette's key on the right. Keys that do not fit are left out whole, with a `…`
where they would be, never cut inside a word (the wheel scrolls them into view), from the last
up; ? Help, q Quit and esc Back (a screen opened over another, where q would quit the whole app)
are never left out, and the palette's word (`palette`) goes when that leaves room for one more key:
at 120 columns the Goals screen's keys had pushed q Quit off the line. Keys are shown as remapped (the footer reads the screen's live bindings), and
their descriptions in the interface's language (bindings are defined with English descriptions,
marked N_, at import time), the ^p key's "palette" too (命令面板: drawn in this one line, a wide word
is not cut by the keys beneath it, as it was in Textual's footer, where it was a widget docked
over them).

It looks and acts like Textual's footer (a key and its description per binding, highlighted
under the mouse, pressed by a click, scrolled sideways by the wheel when they overflow) but is
ONE widget that draws a line, where Textual's is a widget per key, rebuilt whenever the focus
moves: that took a quarter of the time to show a screen, and more on every move of a card.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.i18n import _
from tui.keys import in_shipped_order

COMPACT_BELOW = 120
FIRST_OF_ALL = ("help", "quit")  # the app's keys before the screen's; its others after them
MORE = "…"  # where the keys that do not fit would be
#: Keys drawn whatever else is left out: ? lists every key (those left out too), q quits, and esc
#: goes back from a screen opened over another (the budget), where q would quit the whole app.
NEVER_LEFT_OUT = ("help", "quit", "app.pop_screen")
PALETTE_EDGE = "▏"  # Textual's `vkey` border, on the left of the palette's key
DIM = RichStyle(dim=True)


@dataclass(frozen=True)
class FooterItem:
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""


class Footer(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer--item", "footer--hover",
                         "footer--palette"}
    # the same looks as Textual's footer keys (textual/widgets/_footer.py), as parts of one line
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--item {
            background: $footer-item-background;
        }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        & > .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer--palette {
            color: $foreground 20%;
            padding: 0 1 0 0;
        }
        &.-compact {
            & > .footer-key--key {
                padding: 0;
            }
            & > .footer-key--description {
                padding: 0 0 0 1;
            }
            & > .footer--item {
                margin: 0 1 0 0;
            }
        }
    }
    """

    compact = reactive(False, toggle_class="-compact")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.keys: list[FooterItem] = []
        self.palette: FooterItem | None = None
        self._hover: FooterItem | None = None
        self._offset = 0  # columns scrolled (when the keys do not fit)
        self._spans: list[tuple[int, int, FooterItem]] = []  # where each key was drawn
        self._length = 0  # the keys' width, drawn in full

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._read_keys(self.screen)

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

    def bindings_changed(self, screen) -> None:
        if screen.app.app_focus and screen is self.screen:
            self._read_keys(screen)

    def _read_keys(self, screen) -> None:
        app = self.app
        active = screen.active_bindings
        # as the screen's classes list them, not as a remap left them (last)
        ordered = in_shipped_order(list(active.values()), lambda held: held[0], lambda held: held[1])

        def item(binding: Binding, enabled: bool, tooltip: str) -> FooterItem:
            # descriptions are defined in English (marked N_) and shown in the interface's language
            return FooterItem(binding.key, app.get_key_display(binding), _(binding.description),
                              binding.action, enabled, _(tooltip) if tooltip else "")

        everywhere: dict[str, FooterItem] = {}
        for node, binding, enabled, tooltip in ordered:
            if node is app and binding.show and binding.action not in everywhere:
                everywhere[binding.action] = item(binding, enabled, tooltip)
        first = sorted((key for key in everywhere.values() if key.action in FIRST_OF_ALL),
                       key=lambda key: FIRST_OF_ALL.index(key.action))
        keys = list(first)
        shown = set(everywhere)
        offers = getattr(screen, "offers", None)  # (a lead's keys are not offered to a rep)
        for node, binding, enabled, tooltip in ordered:
            if node is screen and offers is not None and not offers(binding.action):
                continue
            if binding.show and binding.action not in shown:  # one key per action, as Textual's
                shown.add(binding.action)
                keys.append(item(binding, enabled, tooltip))
        keys += [key for key in everywhere.values() if key not in first]
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = item(binding, enabled, binding.tooltip or binding.description)
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    # ------------------------------------------------------------------ drawing

    def _styles(self, item: FooterItem) -> tuple[RichStyle, RichStyle]:
        """The styles of a key and of its description (under the mouse, or dimmed if disabled)."""
        parts = ("footer--item", "footer--hover") if item == self._hover else ("footer--item",)
        styles = (self.get_visual_style(*parts, "footer-key--key").rich_style,
                  self.get_visual_style(*parts, "footer-key--description").rich_style)
        return styles if item.enabled else (styles[0] + DIM, styles[1] + DIM)

    def _item_segments(self, item: FooterItem) -> list[Segment]:
        """A key and its description, as Textual's FooterKey draws them."""
        key_style, description_style = self._styles(item)
        if not item.description:
            return [Segment(item.key_display, key_style)]
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        return [Segment(" " * key_padding.left + item.key_display + " " * key_padding.right, key_style),
                Segment(" " * description_padding.left + item.description
                        + " " * description_padding.right, description_style)]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        background = self.visual_style.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, background)
        gap = self.get_component_styles("footer--item").margin.right
        items = []  # (item, its segments, their length with the gap after them)
        for item in self.keys:
            drawn = self._item_segments(item)
            if gap:
                drawn.append(Segment(" " * gap, background))
            items.append((item, drawn, Segment.get_line_length(drawn)))
        length = sum(size for _item, _drawn, size in items)
        right = self._palette_segments(worded=True)
        room = max(0, width - Segment.get_line_length(right))
        if self._offset == 0 and length > room:
            fit, more = self._fitting(items, room), [Segment(MORE, background + DIM)]
            # the palette's word goes when that leaves room for one more key
            unworded = self._palette_segments(worded=False)
            wider = max(0, width - Segment.get_line_length(unworded))
            more_fit = self._fitting(items, wider)
            if len(more_fit) > len(fit):
                right, room, fit = unworded, wider, more_fit
                if len(fit) == len(items):
                    more = []
        else:
            fit, more = items, []
        spans: list[tuple[int, int, FooterItem]] = []
        segments: list[Segment] = []
        x = 0
        for item, drawn, size in fit:
            spans.append((x - self._offset, x + size - self._offset, item))
            segments += drawn
            x += size
        keys = Strip(segments + more).crop(self._offset, self._offset + room).extend_cell_length(room, background)
        if self.palette is not None:
            spans.append((room, width, self.palette))
        self._spans, self._length = spans, length
        return Strip.join([keys, Strip(right)]).adjust_cell_length(width, background)

    def _palette_segments(self, *, worded: bool) -> list[Segment]:
        """The palette's key, docked on the right, always drawn compact (as Textual's); with its
        word (`palette`) when there is room for it."""
        if self.palette is None:
            return []
        key_style, description_style = self._styles(self.palette)
        padding = self.get_component_styles("footer--palette").padding.right
        edge = Segment(PALETTE_EDGE, self.get_visual_style("footer--item", "footer--palette").rich_style)
        word = " " + self.palette.description if worded else ""
        return [edge, Segment(self.palette.key_display, key_style), Segment(word + " " * padding, description_style)]

    @staticmethod
    def _fitting(items: list, room: int) -> list:
        """The keys drawn when not all fit in `room` (with `…` after them): those of
        NEVER_LEFT_OUT in any case, and the others in order up to the first that does not fit
        beside them (later ones, even if short, are left out too: the keys keep their order)."""
        kept = [entry for entry in items if entry[0].action in NEVER_LEFT_OUT]
        spare = room - len(MORE) - sum(size for _item, _drawn, size in kept)
        chosen = set()
        for entry in items:
            if entry[0].action in NEVER_LEFT_OUT:
                continue
            if entry[2] > spare:
                break
            chosen.add(id(entry))
            spare -= entry[2]
        return [entry for entry in items if entry[0].action in NEVER_LEFT_OUT or id(entry) in chosen]

    def render(self) -> RenderResult:  # (drawn by render_line)
        return ""

    # ------------------------------------------------------------------ the mouse

    def _item_at(self, x: int) -> FooterItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item != self._hover:
            self._hover = item
            self.tooltip = (item.tooltip or None) if item else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def _scroll(self, step: int) -> None:
        self._offset = max(0, min(self._offset + step, self._length - self.size.width))
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll(4)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll(-4)
