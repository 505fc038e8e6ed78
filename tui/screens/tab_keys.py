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
            Binding("right_square_bracket", "step_tab(1)", N_("Next tab"), show=False, id=f"{screen}.next_tab"),
            # enter too: the tabs' hints say "select a question (enter)", and the focus is on the
            # tab bar when `[` / `]` got there from it, where enter did nothing and what was typed next
            # (an answer) went nowhere, or to the screen's keys
            Binding("down,enter", "into_tab", N_("Into the tab (from the tab bar)"), show=False,
                    id=f"{screen}.into_tab")]


class TabKeys:
    """The action behind tab_bindings: the screen's first (outermost) set of tabs moves on."""

    def action_step_tab(self, step: int) -> None:
        content = self.query_one(TabbedContent)
        tabs = content.query(Tabs).first()
        in_pane = self.pane_has_focus(content)
        (tabs.action_next_tab if step > 0 else tabs.action_previous_tab)()
        if in_pane:
            self.call_after_refresh(self.focus_pane, content)

    def action_into_tab(self) -> None:
        """From the tab bar, down (or enter) goes into the shown tab (a chart's scroll, a table), as in a
        browser's or lazygit's panes: the bar keeps only left and right, so down did nothing and
        a tab of charts could not be scrolled without tab. A tab bar inside a tab (Diagnose's
        breakdowns) goes into its own shown tab."""
        focused = self.focused
        if isinstance(focused, Tabs) and isinstance(focused.parent, TabbedContent):
            self.focus_pane(focused.parent)

    def pane_has_focus(self, content: TabbedContent) -> bool:
        """Whether the focus is in a tab's content (a table, a list), not on the tab bar."""
        focused = self.focused
        return focused is not None and focused is not content.query(Tabs).first() and content in focused.ancestors

    def focus_pane(self, content: TabbedContent) -> None:
        """The focus into the shown tab's content (its first control), or else onto the tab bar:
        the control it was on is hidden with its tab, which left the focus nowhere (the arrows
        then did nothing)."""
        pane = content.active_pane
        target = next((w for w in pane.query("*") if w.focusable), None) if pane is not None else None
        (target or content.query(Tabs).first()).focus()
