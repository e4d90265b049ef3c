"""A row of tabs drawn by one widget: the labels on one line, the bar that marks the tab shown under them.

Textual's ``TabbedContent`` is 23 widgets for eight tabs (a ``Tab`` per label, a ``TabPane`` per pane, the
underline, the scroll containers, the switcher), each styled, laid out and drawn on its own: a third of the
Trends screen's opening (issue 15). ``TabBar`` draws the same labels and bar with the same styles and keys
(left and right when focused; a click on a label or the bar under it shows that tab), and says which tab
is shown; its owner shows and hides the panes.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar

from osteotrack.tui.widgets.cell_line import CellLine


class TabBar(CellLine, can_focus=True):
    """Tab labels and the bar under them; ``active`` is the id of the tab shown."""

    ALLOW_SELECT = False
    BINDINGS = [
        Binding("left", "previous_tab", "Previous tab", show=False),
        Binding("right", "next_tab", "Next tab", show=False),
    ]
    COMPONENT_CLASSES = {"tab-bar--tab", "tab-bar--active", "tab-bar--hover", "tab-bar--underline"}
    # The styles of Textual's Tabs, Tab and Underline, for the same look in every theme and without colour.
    DEFAULT_CSS = """
    TabBar {
        width: 100%;
        height: 2;
        pointer: pointer;
        & > .tab-bar--tab { color: $foreground 50%; }
        & > .tab-bar--hover { color: $foreground; }
        & > .tab-bar--active { color: $foreground; }
        & > .tab-bar--underline { color: $block-cursor-background; background: $foreground 10%; }
        &:ansi {
            & > .tab-bar--tab { text-style: dim; }
            & > .tab-bar--hover { text-style: dim; }
            & > .tab-bar--active { text-style: not dim bold; }
            & > .tab-bar--underline { color: $block-cursor-background; background: $border-blurred; }
        }
        &:focus {
            & > .tab-bar--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
            & > .tab-bar--underline { background: $foreground 30%; }
        }
    }
    """

    active: reactive[str] = reactive("", init=False)

    class Activated(Message):
        """A tab was made the one shown (by a key, a click or the program)."""

        def __init__(self, bar: TabBar, tab: str) -> None:
            super().__init__()
            self.bar, self.tab = bar, tab

        @property
        def control(self) -> TabBar:
            return self.bar

    def __init__(self, tabs: list[tuple[str, str]], active: str, *, id: str | None = None) -> None:
        """``tabs``: (id, label) of each tab, in order; ``active``: the id of the tab shown first."""
        super().__init__(id=id)
        self.tabs = tabs
        self.set_reactive(TabBar.active, active)

    def spans(self) -> list[tuple[int, int]]:
        """The cells each tab takes on the line, its padding included: (first cell, the cell after it)."""
        out, x = [], 0
        for _tab, label in self.tabs:
            width = cell_len(label) + 2
            out.append((x, x + width))
            x += width
        return out

    def _shift(self) -> int:
        """How far the labels are moved left so that the active tab is in sight when they are wider than the bar."""
        spans, width = self.spans(), self.size.width
        total = spans[-1][1] if spans else 0
        if total <= width:
            return 0
        start, end = spans[self._index(self.active)]
        return max(0, min(total - width, (start + end - width) // 2))

    def _index(self, tab: str) -> int:
        return next((i for i, (id_, _label) in enumerate(self.tabs) if id_ == tab), 0)

    def render(self) -> Group:
        width = self.size.width
        shift = self._shift()
        styles = {name: self.get_component_rich_style(f"tab-bar--{name}") for name in ("tab", "hover", "active")}
        line = Text(no_wrap=True)  # the bar goes on the next line
        active = self._index(self.active)
        for i, ((_tab, label), (start, end)) in enumerate(zip(self.tabs, self.spans())):
            style = styles["active" if i == active else "hover" if i == self._hover else "tab"]
            # A label's padding as a Tab's: its background only, and apart from the label (as a Tab's padding is drawn).
            padding = Style(bgcolor=style.bgcolor, bold=style.bold, meta={"padding": True})
            if start < shift:  # moved out of sight on the left (what is left of it shows as blank)
                line.append(" " * max(0, end - shift))
            elif end > shift + width:  # running past the right edge: as much as fits, with "…" to say it goes on
                room = shift + width - start - 1
                if room > 0:
                    cut = Text(label, style)
                    cut.truncate(room, overflow="ellipsis")
                    line.append_text(Text.assemble((" ", padding), cut))
                break
            else:
                line.append_text(Text.assemble((" ", padding), (label, style), (" ", padding)))
        start, end = self.spans()[active] if self.tabs else (0, 0)
        bar = self.get_component_rich_style("tab-bar--underline")
        # The bar as Textual's Underline draws it: lit under the active label, its padding left out.
        return Group(line, Bar((start + 1 - shift, end - 1 - shift), Style.from_color(bar.color),
                               Style.from_color(bar.bgcolor)))

    def watch_active(self) -> None:
        self.refresh()
        self.post_message(self.Activated(self, self.active))

    def _move(self, step: int) -> None:
        if self.tabs:
            self.active = self.tabs[(self._index(self.active) + step) % len(self.tabs)][0]

    def action_next_tab(self) -> None:
        """Show the next tab (after the last, the first)."""
        self._move(+1)

    def action_previous_tab(self) -> None:
        """Show the previous tab (before the first, the last)."""
        self._move(-1)

    def on_click(self, event: events.Click) -> None:
        # The bar under a label counts as the label, as in Textual's tabs.
        at = self._at(event.x)
        if at is not None:
            event.stop()
            self.focus()
            self.active = self.tabs[at][0]



class TabbedPanes(Vertical):
    """A ``TabBar`` over the panes it switches between; ``active`` is the tab shown (as ``TabbedContent``'s)."""

    @property
    def bar(self) -> TabBar:
        return self.query_one(TabBar)

    @property
    def active(self) -> str:
        return self.bar.active

    @active.setter
    def active(self, tab: str) -> None:
        self.bar.active = tab
