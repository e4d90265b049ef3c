"""The pacer: a bar that grows as you breathe in and shrinks as you breathe out, with the words.

It draws from a ``Timer`` and a pattern (or a prompt list) each time it is
refreshed; the screen refreshes only this widget, a few times a second. In
plain mode (reduced motion, or ``NO_COLOR``) it shows words and a counter only.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.widget import Widget

from osteotrack.domain.breathing import BREATHE_IN, BREATHE_OUT, Pattern, Timer, clock_text
from osteotrack.domain.selfcare import SessionKind, prompt_at
from osteotrack.i18n import _

BAR_ROWS = 3
BAR_CELL = "█"


def bar_fraction(pattern: Pattern, elapsed: float) -> float:
    """How full the bar is: filling while breathing in, emptying while breathing out.

    A hold keeps the bar where the breath before it left it: full after
    breathing in, empty after breathing out.
    """
    into = max(0.0, elapsed) % pattern.cycle_seconds
    before = None
    for word, seconds in pattern.phases:
        if into < seconds:
            if word == BREATHE_IN:
                return into / seconds
            if word == BREATHE_OUT:
                return 1.0 - into / seconds
            return 1.0 if before == BREATHE_IN else 0.0
        into -= seconds
        before = word
    return 0.0


class Pacer(Widget):
    """Shows where in the breath (or the prompts) a session is, and how long is left."""

    DEFAULT_CSS = """
    Pacer {
        height: auto;
        width: 1fr;
        padding: 1 2;
        text-align: center;
    }
    Pacer > .pacer--bar { color: $accent; }
    """
    COMPONENT_CLASSES = {"pacer--bar"}

    def __init__(self, timer: Timer, pattern: Pattern | None, kind: SessionKind, plain: bool = False, *,
                 id: str | None = None):
        super().__init__(id=id)
        self.timer = timer
        self.pattern = pattern
        self.kind = kind
        self.plain = plain

    def render(self) -> Text:
        elapsed = self.timer.elapsed()
        left = _("{time} left").format(time=clock_text(self.timer.remaining()))
        status = _("Paused. Press space or p to go on.") if self.timer.paused else ""
        if self.pattern is None:
            lines = [prompt_at(self.kind, elapsed), "", left]
        else:
            phase = self.pattern.phase_at(elapsed)
            counter = f"{phase.word.capitalize()} · {math.ceil(phase.seconds_left)}"
            lines = [counter, _("Breath {number} · {left}").format(number=phase.cycle, left=left)]
            if not self.plain:
                bar = Text("\n".join(self._bar(bar_fraction(self.pattern, elapsed))),
                           style=self.get_component_rich_style("pacer--bar"))
                return Text("\n").join([bar, Text(""), Text(counter, style="bold"), *map(Text, lines[1:] + [status])])
        return Text("\n".join([*lines, status]))

    def _bar(self, fraction: float) -> list[str]:
        # Centred and growing outwards by two cells at a time, so it stays symmetric.
        width = max(2, self.content_size.width - 2)
        half = round(fraction * width / 2)
        row = (BAR_CELL * (2 * half)) or "·"
        return [row] * BAR_ROWS
