"""Table cells that end in "…" instead of pushing the table wider than the screen."""

from __future__ import annotations

from rich.text import Text

# A DataTable pads each cell by one column on both sides and keeps two columns for its scrollbar.
CELL_PADDING = 2
SCROLLBAR = 2


def clipped(value: str) -> Text:
    """A cell that is cut with "…" when its column is narrower than the text."""
    return Text(value, overflow="ellipsis", no_wrap=True)


def remaining_width(screen_width: int, fixed: list[int], shared_by: int = 1, minimum: int = 20) -> int:
    """The width left, after the ``fixed`` columns, for the ``shared_by`` columns that take the rest."""
    used = sum(fixed) + CELL_PADDING * (len(fixed) + shared_by) + SCROLLBAR
    return max(minimum, screen_width - used)
