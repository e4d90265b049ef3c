"""A table drawn a line at a time: fixed columns, one row a line, a row cursor, and only the rows it is given.

DataTable keeps an object per row and cell and measures, keys and re-renders them whenever rows come or go:
letting a page of 100 rows go cost a whole pass over the table per row, and every page drew the screen again
from scratch. This list only holds the rows' cells and draws the lines in sight (a ``ScrollView`` with
``render_line``), each row's line kept in a small cache by what it says: a page added or let go at the end far
from the cursor draws nothing again. It looks as History's DataTable did (heading, stripes, cursor row).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = Sequence[Text | str]


class RowList(ScrollView, can_focus=True):
    """Rows of cells under a heading; ``cursor_row`` is the row chosen. Rows are replaced with ``set_rows``."""

    COMPONENT_CLASSES = {"row-list--header", "row-list--cursor", "row-list--even-row", "row-list--odd-row"}

    # The colours of Textual's DataTable, so that the list looks as the table did.
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-list--header { background-tint: $foreground 5%; }
        }
        &:dark > .row-list--even-row { background: $surface-darken-1 40%; }
        & > .row-list--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .row-list--header { background: ansi_bright_blue; color: ansi_default; }
        & > .row-list--even-row { background: $surface-lighten-1 50%; }
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=False, init=False)

    class _RowMessage(Message):
        """Something about the row at ``cursor_row`` of ``row_list``."""

        def __init__(self, row_list: RowList, cursor_row: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.cursor_row = cursor_row

        @property
        def control(self) -> RowList:
            return self.row_list

    class RowHighlighted(_RowMessage):
        """The cursor came to a row (``cursor_row``)."""

    class RowSelected(_RowMessage):
        """A click on the cursor's row (Enter is the screen's own key, shown in its footer)."""

    def __init__(self, headings: Sequence[Text | str], widths: Sequence[int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.headings = list(headings)
        self.widths = list(widths)
        self._rows: Sequence[Cells] = ()
        self._styles: dict[str, Style] = {}  # the base style ("") and each part's, for the frame drawn
        # A row's line as drawn last, by what it says and how it was drawn (stripe, cursor, focus, width).
        self._lines: LRUCache[tuple, Strip] = LRUCache(256)
        self._sync_size()

    # -- the rows -------------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def get_row_at(self, row: int) -> Cells:
        return self._rows[row]

    def set_rows(self, rows: Sequence[Cells], *, cursor: int = 0, top: int | None = None) -> None:
        """Show ``rows`` instead of those shown, the cursor on ``cursor``, the first row in sight ``top`` (else
        as little scrolling as brings the cursor in sight). No message: the caller knows where the cursor is.
        ``rows`` is kept, not copied: the caller gives a new sequence rather than changing this one."""
        self._rows = rows  # kept as given: a sequence may make each row when it is first asked for (drawn)
        self._sync_size()
        self.set_reactive(RowList.cursor_row, max(0, min(cursor, len(self._rows) - 1)))
        if top is not None:
            self.scroll_to(y=max(0, min(top, self._most_top())), animate=False, immediate=True)
        self._keep_cursor_in_sight()
        self.refresh()

    def _sync_size(self) -> None:
        self.virtual_size = Size(self._width(), len(self._rows) + 1)  # the heading's line and a line a row

    def _width(self) -> int:
        return sum(width + 2 for width in self.widths)  # a space either side of each cell

    def _rows_in_sight(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _most_top(self) -> int:
        return max(0, len(self._rows) - self._rows_in_sight())

    # -- the cursor ---------------------------------------------------------------------------------------

    def move_cursor(self, *, row: int, scroll: bool = True) -> None:
        """Put the cursor on ``row`` (kept within the rows); with ``scroll`` bring it into sight."""
        if not self._rows:
            return
        self.cursor_row = max(0, min(row, len(self._rows) - 1))
        if scroll:
            self._keep_cursor_in_sight()

    def watch_cursor_row(self, previous: int, row: int) -> None:
        self.refresh()
        self.post_message(self.RowHighlighted(self, row))

    def _keep_cursor_in_sight(self) -> None:
        if not self.size.height:  # not laid out yet: once it is
            self.call_after_refresh(self._keep_cursor_in_sight)
            return
        top, height = round(self.scroll_y), self._rows_in_sight()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_up(self) -> None:
        height = self._rows_in_sight()
        self.scroll_to(y=max(0, round(self.scroll_y) - height), animate=False, immediate=True)
        self.move_cursor(row=self.cursor_row - height)

    def action_page_down(self) -> None:
        height = self._rows_in_sight()
        self.scroll_to(y=min(self._most_top(), round(self.scroll_y) + height), animate=False, immediate=True)
        self.move_cursor(row=self.cursor_row + height)

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self.cursor_row))

    async def _on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return  # the heading
        row = round(self.scroll_y) + event.y - 1
        if row >= len(self._rows):
            return
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.move_cursor(row=row)

    # -- drawing --------------------------------------------------------------------------------------------

    def _on_resize(self, event: events.Resize) -> None:
        self._keep_cursor_in_sight()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once a frame: each is worked out from the styles of every ancestor.
        base = self.rich_style
        self._styles = {name: base + self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
        self._styles[""] = base
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x = round(self.scroll_x)
        styles = self._styles
        base = styles[""]
        if y == 0:
            line = self._line(self.headings, styles["row-list--header"])
        else:
            row = round(self.scroll_y) + y - 1
            if not 0 <= row < len(self._rows):
                return Strip.blank(width, base)
            cells, cursor = self._rows[row], row == self.cursor_row
            key = (*(_said(cell) for cell in cells), row % 2, cursor, self.has_focus, width)
            kept = self._lines.get(key)
            if kept is None:
                style = styles["row-list--odd-row" if row % 2 else "row-list--even-row"]
                if cursor:
                    style += styles["row-list--cursor"]
                kept = self._lines[key] = self._line(cells, style)
            line = kept
        return line.crop_extend(scroll_x, scroll_x + width, base)

    def _line(self, cells: Cells, style: Style) -> Strip:
        """One line of cells, each cut with "…" to its column's width, padded by a space either side."""
        segments: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, self.widths)):
            # Each cell a run of its own (as DataTable's are) in a screenshot: an SVG viewer may drop the spaces
            # that begin a run, and an empty first cell would pull the row to the left.
            meta = _COLUMN_META[column] if column < len(_COLUMN_META) else Style.from_meta({"column": column})
            if isinstance(cell, str) or not (cell.spans or cell.style):
                # Plain text (every cell History shows): one run, cut and padded here, not rendered by Rich.
                segments.append(Segment(f" {_fitted(cell if isinstance(cell, str) else cell.plain, width)} ",
                                        style + meta))
                continue
            text = cell.copy()
            text.no_wrap = True
            text.truncate(width, overflow="ellipsis", pad=True)
            text.pad_left(1)
            text.pad_right(1)
            segments.extend(Segment.apply_style(text.render(self.app.console), style, post_style=meta))
        strip = Strip(segments, sum(width + 2 for _, width in zip(cells, self.widths)))
        width = max(self._width(), self.scrollable_content_region.width)
        return strip.extend_cell_length(width, style)


# The meta of each column's run (a style each, made once).
_COLUMN_META = [Style.from_meta({"column": column}) for column in range(12)]


def _fitted(plain: str, width: int) -> str:
    """``plain`` cut with "…" to ``width`` cells, or padded with spaces to it (as Rich's ``truncate`` with
    ``overflow="ellipsis", pad=True`` does)."""
    length = cell_len(plain)
    if length > width:
        return set_cell_size(plain, width - 1) + "…" if width > 0 else ""
    return plain + " " * (width - length)


def _said(cell: Text | str) -> str:
    """What a cell says, as the line cache tells rows apart (its markup when parts of it are styled)."""
    if isinstance(cell, str):
        return cell
    return cell.markup if cell.spans or cell.style else cell.plain
