"""The footer every screen shows: its keys, the most used first, and the key that lists them all.

Textual's footer lists the focused widget's keys, then the screen's, then the app's
in the order they were declared, and a narrow terminal cuts off the end. This one
puts "Back", "All keys" and "Quit" first, then the screen's own keys, then the app's
in ``BINDINGS`` order (most used first); whatever the width cuts off, ``?`` lists
(or the mouse wheel scrolls into sight, as in Textual's footer).

The keys are one widget, one line of text, drawn as Textual's footer draws each key
(the same styles, a key lit under the mouse, a click presses it): a widget per key,
each styled and laid out on its own, was a third of the app's start to its first
painted screen (issue 15). The line changes only when the keys it shows change.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

# Binding ids shown before all others, in this order: a way back, a way to every key, a way out.
FIRST = ("back", "keys", "quit")


class Key(NamedTuple):
    """A key as the footer shows it."""

    key: str  # the key pressed when it is clicked
    display: str  # the key as shown ("^q")
    description: str
    action: str
    enabled: bool
    tooltip: str


class KeyLine(Widget):
    """The footer's keys on one line: each key padded by a cell, its description followed by one."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-line--key", "key-line--description", "key-line--hover"}
    # The styles of Textual's FooterKey (not compact), for the same look in every theme.
    DEFAULT_CSS = """
    KeyLine {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        pointer: pointer;
        .key-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-line--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-line--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, keys: list[Key]) -> None:
        super().__init__()
        self.keys = keys
        self._hover: int | None = None  # the key under the mouse

    def show_keys(self, keys: list[Key]) -> None:
        self.keys, self._hover = keys, None
        self.refresh(layout=True)

    @staticmethod
    def _label(key: Key) -> tuple[str, str]:
        return (f" {key.display} ", f"{key.description} ") if key.description else (key.display, "")

    def spans(self) -> list[tuple[Key, int, int]]:
        """Each key with the cells it takes on the line: (key, first cell, the cell after it)."""
        out, x = [], 0
        for key in self.keys:
            width = sum(cell_len(part) for part in self._label(key))
            out.append((key, x, x + width))
            x += width
        return out

    def _at(self, x: int) -> int | None:
        return next((i for i, (_, start, end) in enumerate(self.spans()) if start <= x < end), None)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-line--key")
        description_style = self.get_component_rich_style("key-line--description")
        line = Text(no_wrap=True, end="")
        for i, key in enumerate(self.keys):
            key_text, description = self._label(key)
            label = Text.assemble((key_text, key_style), (description, description_style) if description else "")
            # As a FooterKey's own style: dim when the key does nothing here, lit under the mouse.
            label.stylize_before(self.rich_style + Style(dim=True) if not key.enabled else self.rich_style)
            if i == self._hover:
                label.stylize(Style(bgcolor=self.get_component_rich_style("key-line--hover").bgcolor))
            line.append_text(label)
        return line

    def get_content_width(self, container, viewport) -> int:
        return sum(end - start for _, start, end in self.spans())

    def _hover_at(self, x: int | None) -> None:
        hover = None if x is None else self._at(x)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = self.keys[hover].tooltip or None if hover is not None else None
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self._hover_at(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        at = self._at(event.x)
        if at is None:
            return
        if self.keys[at].enabled:
            self.app.simulate_key(self.keys[at].key)
        else:
            self.app.bell()


class KeysFooter(Footer):
    """The footer with the most used keys first; ``?`` (or F1) lists every key of the screen and the app."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._line = KeyLine([])
        self._update_due = False
        self._behind = False  # keys changed while another screen hid this one: looked at when it is back

    def _keys(self) -> list[Key]:
        """The keys to show, in order."""
        app = self.app
        shown: dict[str, tuple] = {}  # one key per action, the first bound
        for namespace, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (namespace is app, binding, enabled, tooltip)

        def rank(item: tuple) -> tuple[int, int]:
            of_app, binding, _, _ = item
            first = FIRST.index(binding.id) if binding.id in FIRST else len(FIRST)
            return first, int(of_app)  # then the screen's keys, then the app's (sorted() keeps their order)

        return [Key(binding.key, app.get_key_display(binding), str(binding.description), binding.action, enabled,
                    tooltip) for _, binding, enabled, tooltip in sorted(shown.values(), key=rank)]

    def compose(self) -> ComposeResult:
        # Composed with the screen's keys at once (Textual's waits for the first bindings update, a frame later).
        self._line.keys = self._keys()
        yield self._line

    def on_mount(self) -> None:
        super().on_mount()
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        super().on_unmount()
        self.app.screen_change_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._update_due:
            if not _in_sight(screen):
                # Hidden under another screen (its focus went, the app's keys name the screen on top): nothing
                # of it is seen, so no keys are worked out and nothing is laid out until it is shown again.
                self._behind = True
                return
            self._update_due = True  # however many changes come in one turn, one look at them after it
            self.call_next(self._update)

    def _screen_changed(self, screen) -> None:
        if self._behind and self.is_attached and _in_sight(self.screen):
            self._behind = False
            self.bindings_changed(self.screen)

    def _update(self) -> None:
        self._update_due = False
        if self.is_attached:
            keys = self._keys()
            if keys != self._line.keys:
                self._line.show_keys(keys)


def _in_sight(screen) -> bool:
    """Whether ``screen`` can be seen: it is on top, or every screen above it lets it show through (a dialog)."""
    stack = screen.app.screen_stack
    return screen in stack and all(above.styles.background.a < 1 for above in stack[stack.index(screen) + 1:])
