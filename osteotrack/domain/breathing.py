"""The breathing pacer: patterns, lengths, and where in a breath a moment falls.

Plain Python with an injected clock, so the TUI, the command line and the
tests all drive the same arithmetic. A pattern is written ``N-N[-N[-N]]`` in
whole seconds: breathe in, [hold,] breathe out[, hold].
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from osteotrack.domain.errors import ValidationError
from osteotrack.i18n import Nn_

BREATHE_IN, HOLD, BREATHE_OUT = "breathe in", "hold", "breathe out"

# Built-in patterns by name; the name is also accepted on the command line.
PATTERNS = {
    "4-7-8": "4-7-8",
    "box": "4-4-4-4",
    "slow": "5-5",
}
PATTERN_NAMES = {
    "4-7-8": "4-7-8 (in 4, hold 7, out 8)",
    "4-4-4-4": "Box 4-4-4-4 (in, hold, out, hold)",
    "5-5": "Slow 5-5 (in 5, out 5)",
}
LENGTHS = (2, 5, 10)
MAX_MINUTES = 60
MAX_PHASE_SECONDS = 20

_PATTERN = re.compile(r"^\d{1,2}(-\d{1,2}){1,3}$")


@dataclass(frozen=True)
class Pattern:
    """One breath: the seconds of each phase, in order, zero-length phases left out."""

    phases: tuple[tuple[str, int], ...]
    text: str

    @property
    def cycle_seconds(self) -> int:
        return sum(seconds for _, seconds in self.phases)

    @property
    def name(self) -> str:
        return PATTERN_NAMES.get(self.text, self.text)

    def phase_at(self, elapsed: float) -> Phase:
        """Where a moment ``elapsed`` seconds into the exercise falls in the breath (pure)."""
        elapsed = max(0.0, elapsed)
        cycle, into = divmod(elapsed, self.cycle_seconds)
        for word, seconds in self.phases:
            if into < seconds:
                return Phase(word, seconds - into, into / seconds, int(cycle) + 1)
            into -= seconds
        # Floating-point rounding at the very end of a cycle: the start of the next one.
        word, seconds = self.phases[0]
        return Phase(word, float(seconds), 0.0, int(cycle) + 2)


class Phase(NamedTuple):
    """A moment in the breath: the word, seconds left in this phase, progress 0–1, cycle (from 1)."""

    word: str
    seconds_left: float
    progress: float
    cycle: int


def parse_pattern(text: str) -> Pattern:
    """Read ``4-7-8``, ``4-4-4-4``, ``5-5`` or a name (``box``, ``slow``); refuse anything else."""
    raw = (text or "").strip().lower()
    spelled = PATTERNS.get(raw, raw)
    if not _PATTERN.match(spelled):
        raise ValidationError("pattern.unknown", field="pattern", text=text)
    numbers = [int(n) for n in spelled.split("-")]
    words = {2: (BREATHE_IN, BREATHE_OUT), 3: (BREATHE_IN, HOLD, BREATHE_OUT),
             4: (BREATHE_IN, HOLD, BREATHE_OUT, HOLD)}[len(numbers)]
    for word, seconds in zip(words, numbers):
        low = 0 if word == HOLD else 1
        if not low <= seconds <= MAX_PHASE_SECONDS:
            if word == HOLD:
                raise ValidationError("pattern.hold_range", field="pattern", text=text, seconds=seconds, low=low,
                                      high=MAX_PHASE_SECONDS)
            raise ValidationError("pattern.phase_range", field="pattern", text=text, phase=word, seconds=seconds,
                                  low=low, high=MAX_PHASE_SECONDS)
    phases = tuple((w, s) for w, s in zip(words, numbers) if s > 0)
    return Pattern(phases, "-".join(str(n) for n in numbers))


def check_minutes(value) -> int:
    """A session length: a whole number of minutes from 1 to 60 (2, 5 and 10 are offered)."""
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{1,3}", text) or not 1 <= int(text) <= MAX_MINUTES:
        raise ValidationError("minutes.range", field="minutes", value=value, high=MAX_MINUTES)
    return int(text)


def breathing_seconds(pattern: Pattern, minutes: int) -> int:
    """How long a pacer session runs: the whole breaths that fit in ``minutes`` (at least one).

    Ending on a complete breath out is calmer than stopping mid-breath, so a
    5-minute 4-7-8 session is 15 breaths of 19 s: 4 min 45 s.
    """
    return max(1, (minutes * 60) // pattern.cycle_seconds) * pattern.cycle_seconds


# Each phase said whole, with its seconds (a language may say a phase and its length in its own order).
SPOKEN_PHASES = {
    BREATHE_IN: Nn_("Breathe in, {n} second.", "Breathe in, {n} seconds."),
    HOLD: Nn_("Hold, {n} second.", "Hold, {n} seconds."),
    BREATHE_OUT: Nn_("Breathe out, {n} second.", "Breathe out, {n} seconds."),
}


def spoken_phase(word: str, seconds: int) -> str:
    """One phase as a screen reader says it well: 'Breathe in, 4 seconds.'"""
    from osteotrack.domain.numbers import whole
    from osteotrack.i18n import ngettext

    return ngettext(*SPOKEN_PHASES[word], seconds).format(n=whole(seconds))


def spoken_duration(seconds: float) -> str:
    """A duration in words for a screen reader: '4 minutes 45 seconds', '1 minute', '0 seconds'."""
    from osteotrack.domain.numbers import duration

    return duration(seconds)


def clock_text(seconds: float) -> str:
    """Seconds as m:ss, rounded up so a countdown shows 0:00 only at the end."""
    whole = int(-(-seconds // 1)) if seconds > 0 else 0
    return f"{whole // 60}:{whole % 60:02d}"


class Timer:
    """Elapsed time of a session that can be paused, resumed and stopped, on an injected clock.

    ``clock`` returns seconds (``time.monotonic`` by default); tests pass a fake one.
    """

    def __init__(self, total_seconds: float, clock: Callable[[], float] = time.monotonic):
        self.total_seconds = float(total_seconds)
        self.clock = clock
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_for = 0.0
        self._stopped_at: float | None = None

    def start(self) -> None:
        self._started = self.clock()

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def stopped(self) -> bool:
        return self._stopped_at is not None

    def pause(self) -> None:
        if self.started and not self.paused and not self.over:
            self._paused_at = self.clock()

    def resume(self) -> None:
        if self._paused_at is not None and not self.stopped:
            self._paused_for += self.clock() - self._paused_at
            self._paused_at = None

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    def stop(self) -> None:
        """End early; the time done so far is kept."""
        if self.started and not self.stopped:
            self._stopped_at = self.clock()

    def elapsed(self) -> float:
        """Seconds of exercise done: paused time not counted, never past the total."""
        if self._started is None:
            return 0.0
        now = self._stopped_at if self._stopped_at is not None else self.clock()
        if self._paused_at is not None:
            now = min(now, self._paused_at)
        return min(self.total_seconds, max(0.0, now - self._started - self._paused_for))

    def remaining(self) -> float:
        return self.total_seconds - self.elapsed()

    @property
    def finished(self) -> bool:
        """The whole planned length was done."""
        return self.elapsed() >= self.total_seconds

    @property
    def over(self) -> bool:
        """Nothing more to do: finished or stopped."""
        return self.stopped or self.finished
