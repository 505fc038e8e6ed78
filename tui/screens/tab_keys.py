"""`[` and `]` step through a screen's tabs from wherever the focus is (Review, Diagnose): the
tab bar's own left/right work only while the bar has the focus, and a table or a list below it
keeps the arrows for itself."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TabbedContent, Tabs

from tui.i18n import N_


def tab_bindings(screen: str) -> list[Binding]:
    """The two keys, listed by `?` and left out of the footer (which keeps the screen's own keys)."""
    return [Binding("left_square_bracket", "step_tab(-1)", N_("Previous tab"), show=False, id=f"{screen}.previous_tab"),
            Binding("right_square_bracket", "step_tab(1)", N_("Next tab"), show=False, id=f"{screen}.next_tab")]


class TabKeys:
    """The action behind tab_bindings: the screen's first (outermost) set of tabs moves on."""

    def action_step_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent).query(Tabs).first()
        (tabs.action_next_tab if step > 0 else tabs.action_previous_tab)()
