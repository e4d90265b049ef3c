"""A plotext chart that is built once for each drawing and size, and is blank until something is drawn.

textual-plotext's ``PlotextPlot`` builds its figure again every time Textual asks the widget for its content:
after any change of its styles or of the layout around it, not only when the chart or its size changed. And
each build wrote every cell of the chart as ANSI escape codes that Rich then parsed back into styles: half
the time of a chart. ``Chart`` builds plotext's grid of cells only, and turns it into text run by run of one
colour, each colour's style parsed once from the very codes plotext would have written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from plotext import _utility as plotext_utility
from rich.ansi import AnsiDecoder
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.content import Content
from textual_plotext import PlotextPlot


class Chart(PlotextPlot):
    """A ``PlotextPlot`` drawn with ``draw``; its built figure kept until it is drawn again or resized."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn = False
        self._built: tuple[tuple, Content] | None = None  # (width, height, theme), the figure built for them

    def draw(self, draw: Callable[[Any, Any], str], figures: Any) -> str:
        """Draw ``draw(plt, figures)`` instead of what was drawn; return the chart's key."""
        self.plt.clear_figure()
        key = draw(self.plt, figures)
        self._drawn, self._built = True, None
        self.refresh()
        return key

    def render(self) -> RenderResult:
        if not self._drawn:
            return Text()  # nothing yet: no empty axes to build, drawn over a moment later
        size = (self.size.width, self.size.height, self._get_plotext_theme_name(self.app.theme))
        if self._built is None or self._built[0] != size:
            width, height, theme = size
            plot = self._plot
            # What PlotextPlot.render does before it builds (see there why the size is set twice).
            plot.plotsize(width, height)
            plot._set_size(width, height)
            plot.theme(theme)
            self._built = (size, Content.from_rich_text(figure_text(plot), console=self.app.console))
        return self._built[1]


def figure_text(figure: Any) -> Text:
    """A plotext figure built into Rich text: the same characters and styles as ``Text.from_ansi(figure.build())``."""
    figure._set_sizes()
    figure._build_matrix()
    grid = figure.monitor.matrix
    text = Text()
    for row in reversed(grid.Rows):  # plotext's first row is the bottom one
        markers, colours = grid.marker[row], list(zip(grid.fullground[row], grid.style[row], grid.background[row]))
        start = 0
        for col in range(1, grid.cols + 1):
            if col == grid.cols or colours[col] != colours[start]:
                text.append("".join(markers[start:col]), _style(*colours[start]))
                start = col
        text.append("\n")
    return text


@lru_cache(maxsize=256)
def _style(fullground: Any, style: Any, background: Any) -> Style | None:
    """The Rich style of one plotext colour, read from the escape codes plotext writes for it."""
    codes = plotext_utility.colors_to_ansi(fullground, style, background)
    if not codes:
        return None
    spans = AnsiDecoder().decode_line(codes + "x").spans
    return spans[0].style if spans else None  # type: ignore[return-value]
