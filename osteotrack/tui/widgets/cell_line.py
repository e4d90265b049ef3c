"""A one-line widget of labelled cells side by side (the Trends screen's tabs, its range choices): which cell a
column falls in, and the one under the mouse."""

from __future__ import annotations

from textual import events
from textual.widget import Widget


class CellLine(Widget):
    """Cells laid out by ``spans``, moved ``_shift`` columns left; ``_hover`` is the one under the mouse."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hover: int | None = None

    def spans(self) -> list[tuple[int, int]]:
        """The columns each cell takes: (first, the one after it)."""
        raise NotImplementedError

    def _shift(self) -> int:
        """How far the cells are moved left (to keep one in sight when they are wider than the widget)."""
        return 0

    def _at(self, x: int) -> int | None:
        """The cell at column ``x`` of the widget, if any."""
        x += self._shift()
        return next((i for i, (start, end) in enumerate(self.spans()) if start <= x < end), None)

    def _hover_at(self, x: int | None) -> None:
        hover = None if x is None else self._at(x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self._hover_at(None)
