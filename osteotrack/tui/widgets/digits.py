"""Reading a 0–10 answer from single digit keys, the same in every widget that takes one."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

TEN_WINDOW = 1.5  # "1" then "0" within this many seconds is 10; after a longer pause "0" starts anew


class DigitReader:
    """Turns digit keys into 0–10: 1 then 0 in quick succession is 10, a 0 after a pause is 0."""

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        self.clock = clock
        self._last_one: float | None = None  # when the "1" that a "0" would make 10 was typed

    def read(self, digit: int, current: int | None) -> int:
        now = self.clock()
        quick = self._last_one is not None and now - self._last_one <= TEN_WINDOW
        value = 10 if (digit == 0 and current == 1 and quick) else digit
        self._last_one = now if digit == 1 else None
        return value

    def forget(self) -> None:
        """Another key came between: the next 0 is a 0."""
        self._last_one = None
