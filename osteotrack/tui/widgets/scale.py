"""A 0–10 answer: digits set it, arrows nudge it, a click picks it; its meaning is shown in words."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from osteotrack.i18n import _, lazy
from osteotrack.tui.widgets.digits import DigitReader

SCALE_WIDTH = 44  # eleven numbers of four columns


class ScaleInput(Widget, can_focus=True):
    """A row of 0 … 10 with the chosen number marked, and its words beside it.

    ``words`` turns a value into the words shown (e.g. "6 of 10 · moderate"), so the
    meaning never rests on colour; ``hint`` shows until there is an answer (e.g. what
    0 and 10 mean). Typing 1 then 0 gives 10 (a 0 after a pause is 0); Delete clears the answer.
    """

    DEFAULT_CSS = """
    ScaleInput { height: auto; width: 1fr; }
    ScaleInput:focus { background: $primary 25%; text-style: bold; }
    """

    BINDINGS = [
        Binding("left", "nudge(-1)", lazy("Less"), show=False, id="scale-less"),
        Binding("right", "nudge(1)", lazy("More"), show=False, id="scale-more"),
        Binding("delete,backspace", "clear", lazy("Clear"), show=False, id="scale-clear"),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The answer changed (``value`` is None when cleared)."""

        def __init__(self, scale: ScaleInput, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> ScaleInput:
            return self.scale

    def __init__(self, words: Callable[[int], str], value: int | None = None, *, hint: str = "",
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = words
        self.hint = hint or _("not answered")
        self.digits = DigitReader()
        self.set_reactive(ScaleInput.value, value)

    def _said(self) -> str:
        return self.words(self.value) if self.value is not None else self.hint

    def get_content_height(self, container, viewport, width: int) -> int:
        # The words beside the numbers, or under them when they do not fit (a longer language, a narrow screen).
        return 1 if SCALE_WIDTH + 2 + len(self._said()) <= width else 2

    def render(self) -> Text:
        text = Text()
        for number in range(11):
            label = f"{number:^4}"
            if number == self.value:
                text.append(f"[{number}]".center(4), style="reverse bold")
            else:
                text.append(label)
        said = self._said()
        text.append("  " if SCALE_WIDTH + 2 + len(said) <= self.content_region.width else "\n")
        text.append(said, style="italic")
        return text

    def watch_value(self, value: int | None) -> None:
        self.refresh(layout=True)  # the words may now need a line of their own, or no longer
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            event.stop()
            self.value = self.digits.read(int(event.character), self.value)
        else:
            self.digits.forget()

    def on_click(self, event: events.Click) -> None:
        number = event.x // 4
        if 0 <= number <= 10:
            self.value = number

    def action_nudge(self, step: int) -> None:
        """Move one step; an unanswered scale starts at 0."""
        self.value = 0 if self.value is None else min(10, max(0, self.value + step))

    def action_clear(self) -> None:
        self.value = None
