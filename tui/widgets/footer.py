"""The footer of every screen: Textual's, with the keys that work everywhere (help, alerts, quit)
first, so that `?` stays in sight on an 80-column terminal where the screen's own keys run out
of room, and in compact style below COMPACT_BELOW columns. Keys are shown as remapped (the
footer reads the screen's live bindings), and their descriptions in the interface's language
(bindings are defined with English descriptions, marked N_, at import time). The ^p key's
"palette" stays English: see tui/textual_words.py."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from tui.i18n import _

COMPACT_BELOW = 120
FIRST_OF_ALL = ("help",)


class Footer(TextualFooter):
    def compose(self):
        if not self._bindings_ready:
            return
        app = self.app
        first: dict[str, FooterKey] = {}
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if node is app and binding.show and binding.action not in first:
                first[binding.action] = FooterKey(binding.key, app.get_key_display(binding),
                                                  _(binding.description), binding.action,
                                                  disabled=not enabled, tooltip=tooltip,
                                                  ).data_bind(compact=TextualFooter.compact)
        yield from sorted(first.values(), key=lambda key: key.action not in FIRST_OF_ALL)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in first and "-command-palette" not in widget.classes:
                continue
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
