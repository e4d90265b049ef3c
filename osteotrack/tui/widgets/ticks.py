"""Ticks that say their state without colour: ``[x]`` / ``[ ]`` for a box, ``(•)`` / ``( )`` for a choice.

Textual draws a ticked and an unticked box alike (an "X" in another colour); without
colour (NO_COLOR, a screen reader, a poor screen) both read the same. These draw the state.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, RadioSet, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED, UNTICKED = "[x]", "[ ]"
CHOSEN, NOT_CHOSEN = "(•)", "( )"


class TickBox(Checkbox):
    """A checkbox drawn ``[x]`` when ticked and ``[ ]`` when not."""

    @property
    def _button(self) -> Content:
        return Content.styled(TICKED if self.value else UNTICKED, "bold")


class Choice(RadioButton):
    """A radio button drawn ``(•)`` when chosen and ``( )`` when not."""

    @property
    def _button(self) -> Content:
        return Content.styled(CHOSEN if self.value else NOT_CHOSEN, "bold")


class Choices(RadioSet):
    """A radio set whose highlight starts on the choice in force (Textual's starts on the first)."""

    def on_mount(self) -> None:
        # RadioSet's own mount handler (run after this one) highlights the first choice: move it after that.
        self.call_after_refresh(self.highlight_chosen)

    def highlight_chosen(self) -> None:
        """Put the highlight on the choice in force (after it was set without a click or key)."""
        for index, button in enumerate(self.query(RadioButton)):
            if button.value:
                self._selected = index


class TickList(SelectionList):
    """A selection list whose items are drawn ``[x]`` when selected and ``[ ]`` when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 4:
            return strip
        # The first three segments are Textual's button; the fourth is the space before the prompt.
        mark = TICKED if selection.value in self._selected else UNTICKED
        style = (segments[3].style or Style()) + Style(bold=True, meta=(segments[1].style or Style()).meta)
        return Strip([Segment(mark, style=style), *segments[3:]])
