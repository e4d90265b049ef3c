"""The footer every screen shows: its keys, the most used first, and the key that lists them all.

Textual's footer lists the focused widget's keys, then the screen's, then the app's
in the order they were declared, and a narrow terminal cuts off the end. This one
puts "Back", "All keys" and "Quit" first, then the screen's own keys, then the app's
in ``BINDINGS`` order (most used first); whatever the width cuts off, ``?`` lists.
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

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        app = self.app
        shown: dict[str, tuple] = {}  # one key per action, the first bound
        for namespace, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (namespace is app, binding, enabled, tooltip)

        def rank(item: tuple) -> tuple[int, int]:
            of_app, binding, _, _ = item
            first = FIRST.index(binding.id) if binding.id in FIRST else len(FIRST)
            return first, int(of_app)  # then the screen's keys, then the app's (sorted() keeps their order)

        self.styles.grid_size_columns = len(shown)
        for _, binding, enabled, tooltip in sorted(shown.values(), key=rank):
            yield FooterKey(binding.key, app.get_key_display(binding), binding.description, binding.action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)
