"""The Trends screen: a range picker, then one tab per chart with its numbers and counts beside it.

The figures are computed in a thread worker with its own Diary, so the screen
stays responsive over ten years of entries. They are computed again on ``r``,
on coming back to the screen, and when a look every few seconds finds that
records changed (say, from an ``osteotrack log`` or ``osteotrack dose`` in another terminal).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, RadioButton, RadioSet, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from osteotrack.analysis import diary_signature, period_for, trends
from osteotrack.analysis.results import Trends
from osteotrack.domain.errors import DiaryError
from osteotrack.store import ProfileDiary
from osteotrack.tui.screens.base import DiaryScreen, error_text
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.ticks import Choice, Choices
from osteotrack.views import terminal_charts as charts
from osteotrack.views import trend_tables as tables

RANGE_CHOICES = (("2w", "2 weeks"), ("3m", "3 months"), ("1y", "1 year"), ("all", "All"), ("custom", "Custom"))
# (tab id, title, charts drawn in it, tables beside them)
TABS = (
    ("pain", "Pain", ("pain",), ("summary",)),
    ("calendar", "Calendar", (), ()),
    ("locations", "Where", ("locations",), ("locations",)),
    ("triggers", "Triggers", ("triggers",), ("triggers",)),
    ("therapies", "Therapies", ("therapies", "relief"), ("therapies", "sessions")),
    ("medication", "Medication", (), ("medication",)),
    ("peg", "PEG", ("peg",), ("peg",)),
    ("events", "Events", (), ("events",)),
)
# Below this width the numbers go under the chart instead of beside it.
SIDE_BY_SIDE_FROM = 110
# How often to look whether entries changed elsewhere (the command line, another screen).
WATCH_SECONDS = 5


class TrendsScreen(DiaryScreen):
    """Charts and honest numbers over a chosen range of days."""

    TITLE = "Trends"

    DEFAULT_CSS = """
    TrendsScreen #range-bar { height: auto; }
    TrendsScreen #range { layout: horizontal; width: auto; height: auto; border: none; padding: 0; }
    TrendsScreen #range RadioButton { width: auto; margin-right: 1; }
    TrendsScreen.narrow #range-bar { layout: vertical; }
    TrendsScreen #custom { height: 1; width: auto; }
    TrendsScreen #custom Input { width: 20; margin: 0 1; }
    TrendsScreen #custom Button { min-width: 8; }
    TrendsScreen #range-error { color: $error; height: auto; padding: 0 1; display: none; }
    TrendsScreen #range-error.shown { display: block; }
    TrendsScreen #summary { height: auto; padding: 0 1; }
    TrendsScreen #tabs { height: 1fr; }
    TrendsScreen TabPane { height: 1fr; padding: 0; }
    TrendsScreen .pane { height: 1fr; }
    TrendsScreen.narrow .pane, TrendsScreen .pane.stacked { layout: vertical; overflow-y: auto; }
    TrendsScreen .charts { width: 3fr; height: 1fr; }
    TrendsScreen.narrow .charts, TrendsScreen .stacked .charts { width: 100%; height: auto; }
    TrendsScreen PlotextPlot { height: 1fr; min-height: 12; }
    TrendsScreen.narrow PlotextPlot, TrendsScreen .stacked PlotextPlot { height: 18; }
    TrendsScreen .key { height: auto; padding: 0 1; }
    TrendsScreen .numbers { width: 2fr; height: 1fr; padding: 0 1; }
    TrendsScreen .numbers Static { width: 1fr; }
    TrendsScreen.narrow .numbers, TrendsScreen .stacked .numbers { width: 100%; height: auto; }
    """

    BINDINGS = [
        Binding("r", "refresh", "Refresh", id="trends-refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range_ = "3m"
        self.result: Trends | None = None
        self.signature: tuple | None = None  # of the data the figures were computed from

    def today(self) -> date:
        """Today by the app's clock (a fixed one in tests and screenshots)."""
        return self.osteo.now().date()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="range-bar"):
            with Choices(id="range"):
                for key, words in RANGE_CHOICES:
                    yield Choice(words, value=key == self.range_, id=f"range-{key}")
            with Horizontal(id="custom"):
                yield Input(placeholder="since YYYY-MM-DD", id="since", compact=True)
                yield Input(placeholder="until (today)", id="until", compact=True)
                yield Button("Show", id="apply", compact=True)
        yield Label("", id="range-error")
        yield Static("Computing…", id="summary")
        with TabbedContent(id="tabs"):
            for tab, title, chart_names, table_names in TABS:
                with TabPane(title, id=f"tab-{tab}"):
                    with Horizontal(classes="pane", id=f"pane-{tab}"):
                        if tab == "calendar":
                            with VerticalScroll(classes="charts"):
                                yield Static(id="heat-map")
                        elif chart_names:
                            with Vertical(classes="charts"):
                                for name in chart_names:
                                    yield PlotextPlot(id=f"chart-{name}")
                                    yield Static(classes="key", id=f"key-{name}")
                        if table_names:
                            with VerticalScroll(classes="numbers", id=f"numbers-{tab}"):
                                for name in table_names:
                                    yield Static(id=f"table-{name}")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_class(self.size.width < SIDE_BY_SIDE_FROM, "narrow")
        self.load()
        self.set_interval(WATCH_SECONDS, self.check_for_changes)

    def on_resize(self) -> None:
        self.set_class(self.size.width < SIDE_BY_SIDE_FROM, "narrow")
        self._fit_tables()

    def _fit_tables(self) -> None:
        """Beside its chart a tab's tables get two fifths of the width; a table wider than that goes under
        the chart instead, shown whole (never a column dropped or a word cut)."""
        from rich.measure import Measurement

        beside = self.size.width * 2 // 5 - 3  # the numbers' share (2fr of 5), less padding and a scrollbar
        console = self.app.console
        for tab, _, chart_names, table_names in TABS:
            if not (chart_names and table_names):
                continue
            widths = [Measurement.get(console, console.options, self.query_one(f"#table-{name}", Static).content
                                      ).maximum for name in table_names]
            self.query_one(f"#pane-{tab}").set_class(max(widths, default=0) > beside, "stacked")

    def on_screen_resume(self) -> None:
        # Back from logging an entry elsewhere: show it.
        if self.result is not None:
            self.load()

    def action_refresh(self) -> None:
        """Compute every figure again from the diary."""
        self.load()

    def check_for_changes(self) -> None:
        """Compute again if any record (bone care included) changed since the figures were computed."""
        if self.signature is not None:
            # A failed look says nothing: the next computation reports what is wrong.
            self.read(diary_signature, self._looked, group="trends-watch", failed=lambda error: None)

    def _looked(self, signature: tuple) -> None:
        if signature != self.signature:
            self.load()

    @on(RadioSet.Changed, "#range")
    def _range_chosen(self, event: RadioSet.Changed) -> None:
        key = RANGE_CHOICES[event.index][0]
        if key == "custom":
            self.query_one("#since", Input).focus()
            return
        self.range_ = key
        self.load()

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply_custom(self) -> None:
        """Show the range typed into since and until."""
        self.range_ = "custom"
        custom = self.query_one("#range-custom", RadioButton)
        if not custom.value:
            with self.prevent(RadioSet.Changed):
                custom.value = True
            self.query_one("#range", Choices).highlight_chosen()
        self.load()

    def load(self) -> None:
        """Start computing the figures of the chosen range (the previous computation is dropped)."""
        if self.range_ == "custom":
            since = self.query_one("#since", Input).value.strip() or None
            until = self.query_one("#until", Input).value.strip() or None
            range_ = None if since else "all"
        else:
            range_, since, until = self.range_, None, None
        self.query_one("#tabs").loading = True
        self.compute(range_, since, until, self.today())

    def compute(self, range_: str | None, since: str | None, until: str | None, today: date) -> None:
        """In a worker, with a connection of its own: every figure of the range (a newer computation replaces it)."""

        def figures(person: ProfileDiary) -> tuple[Trends, tuple]:
            period = period_for(person, range_, since, until, today=today)
            signature = diary_signature(person)  # before the figures: a change while computing shows next time
            return trends(person, period), signature

        self.read(figures, lambda found: self._show(*found), group="trends")

    def refused(self, error: DiaryError) -> None:
        """Say why under the range picker; the last good figures stay."""
        self.query_one("#tabs").loading = False
        line = self.query_one("#range-error", Label)
        line.update(error_text(error))
        line.add_class("shown")

    def _show(self, result: Trends, signature: tuple) -> None:
        from osteotrack.domain import numbers

        self.result, self.signature = result, signature
        self.query_one("#range-error", Label).remove_class("shown")
        s = result.summary
        if s.entries:
            change = result.change.mean_difference  # of the means as shown
            text = (f"{result.profile} · {result.period.label()} · {s.days_logged} of "
                    f"{numbers.count(s.days_in_range, 'day')} logged · {numbers.count(s.entries, 'entry')} · "
                    f"average daily pain {numbers.pain(s.mean)}, worst {s.worst}, least {s.least}"
                    + (" · no earlier period to compare with" if not result.change.previous.entries else
                       "" if change is None else
                       f" · {numbers.signed(change)} against the {numbers.count(result.period.days, 'day')} before"))
        else:
            text = f"{result.profile} · {result.period.label()} · no entries in this range"
        self.query_one("#summary", Static).update(f"{text}\n{tables.CAUTION}")
        for name, draw in charts.CHARTS.items():
            plot = self.query_one(f"#chart-{name}", PlotextPlot)
            plot.plt.clear_figure()
            self.query_one(f"#key-{name}", Static).update(draw(plot.plt, result))
            plot.refresh()
        self.query_one("#heat-map", Static).update(
            Text.assemble(Text("Calendar of daily mean pain\n", style="bold"), charts.heat_map(result)))
        for name, table in tables.TABLES.items():
            self.query_one(f"#table-{name}", Static).update(table(result))
        self.query_one("#table-sessions").display = bool(result.sessions)
        self._fit_tables()
        self.query_one("#tabs").loading = False
