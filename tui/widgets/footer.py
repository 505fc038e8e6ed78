"""The footer of every screen: Textual's, with the keys that work everywhere (help, alerts, quit)
first, so that `?` stays in sight on an 80-column terminal where the screen's own keys run out
of room, and in compact style below COMPACT_BELOW columns. Keys are shown as remapped (the
footer reads the screen's live bindings).

Textual rebuilds its footer (a widget per key) whenever the focus moves, and each new key is
restyled twice as it takes the footer's compact setting: on the kanban, where every move of a
card moves the focus, that was a third of the time to the updated screen. This footer rebuilds
only when the keys it shows change, and makes its keys compact or not before they mount."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 120
FIRST_OF_ALL = ("help",)


class Footer(TextualFooter):
    _shown: tuple | None = None

    def _keys_shown(self, screen) -> tuple:
        """What the footer shows of a screen's bindings (to tell whether it must be rebuilt)."""
        app = self.app
        return tuple((node is app, binding.key, app.get_key_display(binding), binding.description,
                      binding.action, binding.show, enabled, tooltip)
                     for node, binding, enabled, tooltip in screen.active_bindings.values())

    def bindings_changed(self, screen) -> None:
        if self._bindings_ready and screen is self.screen and self._keys_shown(screen) == self._shown:
            return
        super().bindings_changed(screen)

    def _compact_now(self, key: FooterKey) -> FooterKey:
        # set before mounting, so that binding the key to the footer's setting restyles nothing
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)
        return key

    def compose(self):
        if not self._bindings_ready:
            return
        self._shown = self._keys_shown(self.screen)
        app = self.app
        first: dict[str, FooterKey] = {}
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if node is app and binding.show and binding.action not in first:
                first[binding.action] = FooterKey(binding.key, app.get_key_display(binding),
                                                  binding.description, binding.action,
                                                  disabled=not enabled, tooltip=tooltip,
                                                  ).data_bind(compact=TextualFooter.compact)
        for key in sorted(first.values(), key=lambda key: key.action not in FIRST_OF_ALL):
            yield self._compact_now(key)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in first and "-command-palette" not in widget.classes:
                continue
            bound = isinstance(widget, FooterKey) and "-command-palette" not in widget.classes
            yield self._compact_now(widget) if bound else widget  # (the palette's key is always compact)

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
