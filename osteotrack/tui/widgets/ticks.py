"""Ticks that say their state without colour: ``[x]`` / ``[ ]`` for a box, ``(•)`` / ``( )`` for a choice.

Textual draws a ticked and an unticked box alike (an "X" in another colour); without
colour (NO_COLOR, a screen reader, a poor screen) both read the same. These draw the state.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from osteotrack.tui.widgets.cell_line import CellLine

TICKED, UNTICKED = "[x]", "[ ]"
CHOSEN, NOT_CHOSEN = "(•)", "( )"


class TickBox(Checkbox):
    """A checkbox drawn ``[x]`` when ticked and ``[ ]`` when not."""

    @property
    def _button(self) -> Content:
        return Content.styled(TICKED if self.value else UNTICKED, "bold")


class ChoiceLine(CellLine, can_focus=True):
    """One choice of a few, drawn on one line ``(•) chosen ( ) other``: a radio set that is one widget.

    The same keys as Textual's ``RadioSet`` (left/up and right/down move the highlight, which starts on the
    choice in force; enter or space chooses it) and a click chooses the choice under the mouse. A radio set
    of five buttons was six widgets, each styled and laid out on its own (issue 15).
    """

    ALLOW_SELECT = False
    BINDINGS = [
        Binding("down,right", "next", "Next option", show=False),
        Binding("enter,space", "choose", "Toggle", show=False),
        Binding("up,left", "previous", "Previous option", show=False),
    ]
    COMPONENT_CLASSES = {"choice-line--label", "choice-line--highlight", "choice-line--hover"}
    # The styles of Textual's compact RadioSet and its RadioButtons, for the same look in every theme.
    DEFAULT_CSS = """
    ChoiceLine {
        width: auto;
        height: 1;
        background: $surface;
        text-wrap: nowrap;
        pointer: pointer;
        & > .choice-line--highlight { background: $block-cursor-blurred-background; }
        & > .choice-line--hover { background: $block-hover-background; }
        &:focus {
            background-tint: $foreground 5%;
            & > .choice-line--highlight {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class Changed(Message):
        """Another choice was chosen (by a key or a click)."""

        def __init__(self, line: ChoiceLine, key: str) -> None:
            super().__init__()
            self.line, self.key = line, key

        @property
        def control(self) -> ChoiceLine:
            return self.line

    def __init__(self, choices: list[tuple[str, str]], chosen: str, *, id: str | None = None) -> None:
        """``choices``: (key, label) of each, in order; ``chosen``: the key of the one in force."""
        super().__init__(id=id)
        self.choices = choices
        self.chosen = chosen
        self.highlighted = self._index(chosen)

    def _index(self, key: str) -> int:
        return next((i for i, (k, _label) in enumerate(self.choices) if k == key), 0)

    def spans(self) -> list[tuple[int, int]]:
        """The cells each choice takes (its mark and padded label; a cell between choices): (first, after)."""
        out, x = [], 0
        for _key, label in self.choices:
            width = len(CHOSEN) + cell_len(label) + 2
            out.append((x, x + width))
            x += width + 1
        return out

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.spans()[-1][1] + 1 if self.choices else 0

    def render(self) -> Text:
        label = self.get_component_rich_style("choice-line--label")
        highlight = self.get_component_rich_style("choice-line--highlight")
        hover = self.get_component_rich_style("choice-line--hover")
        line = Text(no_wrap=True, end="")
        for i, (key, words) in enumerate(self.choices):
            line.append(CHOSEN if key == self.chosen else NOT_CHOSEN, "bold")
            style = highlight if i == self.highlighted else hover if i == self._hover else label
            line.append(f" {words} ", style)
            if i < len(self.choices) - 1:
                line.append(" ")  # the last choice's cell after it is the widget's own (see get_content_width)
        return line

    def choose(self, key: str, *, quietly: bool = False) -> None:
        """Make ``key`` the choice in force and put the highlight on it; say so unless ``quietly`` or it already was."""
        self.highlighted = self._index(key)
        changed, self.chosen = key != self.chosen, key
        self.refresh()
        if changed and not quietly:
            self.post_message(self.Changed(self, key))

    def _move(self, step: int) -> None:
        self.highlighted = (self.highlighted + step) % len(self.choices)
        self.refresh()

    def action_next(self) -> None:
        """Highlight the next choice (after the last, the first)."""
        self._move(+1)

    def action_previous(self) -> None:
        """Highlight the previous choice (before the first, the last)."""
        self._move(-1)

    def action_choose(self) -> None:
        """Choose the highlighted choice."""
        self.choose(self.choices[self.highlighted][0])

    def on_click(self, event: events.Click) -> None:
        at = self._at(event.x)
        if at is not None:
            self.choose(self.choices[at][0])



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
