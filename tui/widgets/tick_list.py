"""A SelectionList and a Checkbox whose unticked boxes are empty.

Textual draws every box with an X and tells a ticked one only by the X's colour (its success
colour, against a shade of the panel when unticked): without colour (`NO_COLOR`, a monochrome
terminal) or for a person who cannot tell the two shades apart, a ticked item read the same as
an unticked one. Here an unticked box is drawn empty (`▐ ▌`), a ticked one keeps its X (`▐X▌`).
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

Value = TypeVar("Value")


class TickList(SelectionList[Value]):
    """A SelectionList (the same messages and API) that draws its boxes without colour's help."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self._selected:
            return strip
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip  # (not the box Textual draws: left as it is)
        segments[1] = Segment(" " * len(ToggleButton.BUTTON_INNER), segments[1].style)
        return Strip(segments, strip.cell_length)


class TickBox(Checkbox):
    """A Checkbox drawn as the TickList's boxes are: `▐X▌` ticked, `▐ ▌` not."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name for it)
        return "X" if self.value else " "
