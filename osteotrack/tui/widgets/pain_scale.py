"""The 0–10 pain scale: a digit sets it, the band is written out in words."""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from osteotrack.domain.vocabulary import pain_band

CELL = 4  # columns per number on the scale
# "1" then "0" typed within this many seconds means 10, not 0.
TEN_WINDOW = 1.0


class DigitReader:
    """Reads a 0–10 rating from single digit keys: 1 then 0 in quick succession is 10."""

    def __init__(self) -> None:
        self._last_one = -10.0

    def read(self, digit: int, current: int | None) -> int:
        now = monotonic()
        value = 10 if (digit == 0 and current == 1 and now - self._last_one < TEN_WINDOW) else digit
        self._last_one = now if digit == 1 else -10.0
        return value


class PainScale(Widget, can_focus=True):
    """A labelled 0–10 scale. Digits set it (1 then 0 for 10); left and right step; a click picks."""

    DEFAULT_CSS = """
    PainScale { height: 2; width: auto; }
    """

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale: PainScale, value: int | None):
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> PainScale:
            return self.scale

    def __init__(self, value: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.set_reactive(PainScale.value, value)
        self._digits = DigitReader()

    def render(self) -> Text:
        text = Text()
        for n in range(11):
            label = f"{n:^{CELL}}"
            style = "reverse bold" if n == self.value else ""
            text.append(f"[{n}]".center(CELL) if n == self.value else label, style=style)
        band = "not set" if self.value is None else f"{self.value} — {pain_band(self.value)}"
        text.append(f"   {band}", style="bold")
        text.append("\n")
        # The band words under their numbers: none at 0, mild 1–3, moderate 4–6, severe 7–10.
        text.append("none".ljust(CELL) + "mild".center(3 * CELL) + "moderate".center(3 * CELL)
                    + "severe".center(4 * CELL), style="dim")
        return text

    def get_content_width(self, container, viewport) -> int:
        return 11 * CELL + 18

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            self.value = self._digits.read(int(event.character), self.value)
        elif event.key in ("left", "right"):
            step = -1 if event.key == "left" else 1
            self.value = min(10, max(0, (self.value if self.value is not None else 5 - step) + step))
        else:
            return
        event.stop()
        event.prevent_default()

    def on_click(self, event: events.Click) -> None:
        if event.y == 0 and 0 <= event.x < 11 * CELL:
            self.value = event.x // CELL
