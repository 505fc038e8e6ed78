"""The header of the kanban screens: Textual's (the command palette's icon on the left, the title
and subtitle in the middle, the room a clock would take on the right; a click makes it tall),
drawn by ONE widget. Textual's is four widgets that lay the screen out again as the title is
set after they mount: on the task board's first frame, an eighth of the time.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.app import RenderResult
from textual.strip import Strip
from textual.widget import Widget

from tui.i18n import _
from tui.user_text import cut_content

ICON = "⭘"
ICON_WIDTH, CLOCK_WIDTH = 8, 10  # Textual's HeaderIcon and HeaderClockSpace


class Header(Widget):
    DEFAULT_CSS = """
    Header {
        dock: top;
        width: 100%;
        background: $panel;
        color: $foreground;
        height: 1;
        &.-tall {
            height: 3;
        }
        & > .header--icon-hover {
            background: $foreground 10%;
        }
    }
    """
    COMPONENT_CLASSES = {"header--icon-hover"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._icon_hover = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self.refresh, init=False)
            self.watch(node, "sub_title", self.refresh, init=False)

    def render(self) -> RenderResult:  # (drawn by render_line)
        return ""

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.visual_style.rich_style
        icon_style = self.get_visual_style("header--icon-hover").rich_style if self._icon_hover else base
        icon = [Segment(" " * min(width, ICON_WIDTH), icon_style)]
        if y == self.size.height // 2:
            icon = [Segment(" ", icon_style), Segment(ICON, icon_style),
                    Segment(" " * (ICON_WIDTH - 1 - len(ICON)), icon_style)]
            room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
            screen = self.screen
            title = self.app.format_title(screen.title if screen.title is not None else self.app.title,
                                          screen.sub_title if screen.sub_title is not None else self.app.sub_title)
            title = cut_content(title, room)
            left = (room - title.cell_length) // 2
            middle = Strip([Segment(" " * left, base), *title.render_segments(self.visual_style)])
            return Strip.join([Strip(icon), middle.adjust_cell_length(room, base)]).adjust_cell_length(width, base)
        return Strip(icon).adjust_cell_length(width, base)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE
        if hover != self._icon_hover:
            self._icon_hover = hover
            self.tooltip = _("Open the command palette") if hover else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._icon_hover:
            self._icon_hover = False
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
        else:
            self.toggle_class("-tall")
