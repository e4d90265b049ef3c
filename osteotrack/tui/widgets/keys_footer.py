"""The footer every screen shows: its keys, the most used first, and the key that lists them all.

Textual's footer lists the focused widget's keys, then the screen's, then the app's
in the order they were declared, and a narrow terminal cuts off the end. This one
puts "Back", "All keys" and "Quit" first, then the screen's own keys, then the app's
in ``BINDINGS`` order (most used first); whatever the width cuts off, ``?`` lists.

It is built again only when the keys it shows change: Textual's footer rebuilds all its
keys each time the bindings are updated (two or three times while a screen first shows),
which was a third of the app's start to its first painted screen (issue 15).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Binding ids shown before all others, in this order: a way back, a way to every key, a way out.
FIRST = ("back", "keys", "quit")


class KeysFooter(Footer):
    """The footer with the most used keys first; ``?`` (or F1) lists every key of the screen and the app."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._shown_keys: list[tuple] = []  # the keys composed last
        self._rebuild_due = False

    def _keys(self) -> list[tuple]:
        """The keys to show, in order: (key, shown as, description, action, enabled, tooltip)."""
        app = self.app
        shown: dict[str, tuple] = {}  # one key per action, the first bound
        for namespace, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (namespace is app, binding, enabled, tooltip)

        def rank(item: tuple) -> tuple[int, int]:
            of_app, binding, _, _ = item
            first = FIRST.index(binding.id) if binding.id in FIRST else len(FIRST)
            return first, int(of_app)  # then the screen's keys, then the app's (sorted() keeps their order)

        return [(binding.key, app.get_key_display(binding), str(binding.description), binding.action, enabled,
                 tooltip) for _, binding, enabled, tooltip in sorted(shown.values(), key=rank)]

    def compose(self) -> ComposeResult:
        # Composed with the screen's keys at once (Textual's waits for the first bindings update, a frame later).
        self._shown_keys = keys = self._keys()
        self.styles.grid_size_columns = len(keys)
        for key, display, description, action, enabled, tooltip in keys:
            footer_key = FooterKey(key, display, description, action, disabled=not enabled, tooltip=tooltip)
            # This footer is never compact: set so, without Textual's per-key binding (a restyle of each key).
            footer_key.set_reactive(FooterKey.compact, False)
            yield footer_key

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._rebuild_due:
            self._rebuild_due = True  # however many updates come before the next frame, one look at them then
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_due = False
        if self.is_attached and self._keys() != self._shown_keys:
            await self.recompose()
