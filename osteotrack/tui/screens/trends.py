"""The Trends screen: a range picker, then one tab per chart with its numbers and counts beside it.

The figures are computed in a thread worker with its own Diary, so the screen
stays responsive over ten years of entries. They are computed again on ``r``,
on coming back to the screen, and when a look every few seconds finds that
records changed (say, from an ``osteotrack log`` or ``osteotrack dose`` in another terminal).
"""

from __future__ import annotations

import threading
from datetime import date
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, get_current_worker

from osteotrack.analysis import diary_signature, pain_figures, period_for, trends
from osteotrack.analysis.results import PainFigures, Trends
from osteotrack.domain import dates, numbers
from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import N_, _, lazy
from osteotrack.store import ProfileDiary
from osteotrack.tui.screens.base import DiaryScreen, error_text
from osteotrack.tui.widgets.chart import Chart
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader
from osteotrack.tui.widgets.tab_bar import TabBar, TabbedPanes
from osteotrack.tui.widgets.ticks import ChoiceLine
from osteotrack.views import terminal_charts as charts
from osteotrack.views import trend_tables as tables

RANGE_CHOICES = (("2w", N_("2 weeks")), ("3m", N_("3 months")), ("1y", N_("1 year")), ("all", N_("All")),
                 ("custom", N_("Custom")))
# (tab id, title, charts drawn in it, tables beside them)
TABS = (
    ("pain", N_("Pain"), ("pain",), ("summary",)),
    ("calendar", N_("Calendar"), (), ()),
    ("locations", N_("Where"), ("locations",), ("locations",)),
    ("triggers", N_("Triggers"), ("triggers",), ("triggers",)),
    ("therapies", N_("Therapies"), ("therapies", "relief"), ("therapies", "sessions")),
    ("medication", N_("Medication"), (), ("medication",)),
    ("peg", N_("PEG"), ("peg",), ("peg",)),
    ("events", N_("Events"), (), ("events",)),
)
# Below this width the numbers go under the chart instead of beside it.
SIDE_BY_SIDE_FROM = 110
# How often to look whether entries changed elsewhere (the command line, another screen).
WATCH_SECONDS = 5
# Figures asked for again (r, another range) that take longer than this to come show a loading indicator over
# the tabs meanwhile (sooner, it would only flash, and putting it up and taking it down costs two layouts).
LOADING_AFTER = 0.4
# The figures of pain itself are drawn into the first tab before the other tabs' are worked out, which then wait
# for that frame (at most this many seconds): one core at a time runs Python, and the frame the user waits for
# comes first.
FIRST_TAB_WAIT = 1.0


class TrendsScreen(DiaryScreen):
    """Charts and honest numbers over a chosen range of days."""

    TITLE = lazy("Trends")

    DEFAULT_CSS = """
    TrendsScreen #range-bar { height: auto; }
    TrendsScreen.narrow #range-bar { layout: vertical; }
    TrendsScreen #custom { height: 1; width: auto; }
    TrendsScreen #custom Input { width: 25; margin: 0 1; }
    TrendsScreen #custom Button { min-width: 8; }
    TrendsScreen #range-error { color: $error; height: auto; padding: 0 1; display: none; }
    TrendsScreen #range-error.shown { display: block; }
    TrendsScreen #summary { height: auto; padding: 0 1; }
    TrendsScreen #tabs { height: 1fr; }
    TrendsScreen .pane { height: 1fr; }
    TrendsScreen.narrow .pane, TrendsScreen .pane.stacked { layout: vertical; overflow-y: auto; }
    /* The pain tab's chart and tables always run past the screen there: its scrollbar is there from the start,
       so the chart is not drawn a second time, two columns narrower, when the scrollbar comes. */
    TrendsScreen.narrow #pane-pain, TrendsScreen #pane-pain.stacked { overflow-y: scroll; }
    TrendsScreen .charts { width: 3fr; height: 1fr; }
    TrendsScreen.narrow .charts, TrendsScreen .stacked .charts { width: 100%; height: auto; }
    TrendsScreen Chart { height: 1fr; min-height: 12; }
    TrendsScreen.narrow Chart, TrendsScreen .stacked Chart { height: 18; }
    TrendsScreen .key { height: auto; padding: 0 1; }
    TrendsScreen .numbers { width: 2fr; height: 1fr; padding: 0 1; }
    TrendsScreen .numbers Static { width: 1fr; }
    TrendsScreen.narrow .numbers, TrendsScreen .stacked .numbers { width: 100%; height: auto; }
    """

    BINDINGS = [
        Binding("r", "refresh", lazy("Refresh"), id="trends-refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range_ = "3m"
        self.result: Trends | None = None
        # The figures of pain the summary line and the first tab show (the tab, unless it is stale): those of
        # ``result``, or newer ones drawn while the other tabs' are being worked out.
        self.pain: PainFigures | None = None
        self.pain_points: list[charts.PainPoint] = []  # the pain chart's points of ``pain``
        self.signature: tuple | None = None  # of the data the figures were computed from
        self.composed: set[str] = set()  # the tabs composed so far (each when first shown)
        self.stale: set[str] = set()  # composed tabs not drawn with the figures held (drawn when next shown)
        self._loading_timer: Timer | None = None
        self._computing = False  # figures asked for and not come yet (nor refused)

    def today(self) -> date:
        """Today by the app's clock (a fixed one in tests and screenshots)."""
        return self.osteo.now().date()

    def compose(self) -> ComposeResult:
        # The figures are read while the screen is being built (the range is a named one at first): their
        # worker's result reaches the screen after it is mounted.
        self.compute(self.range_, None, None, self.today())
        # Before the widgets are mounted: set later, the class would style every one of them a second time.
        self.set_class(self.app.size.width < SIDE_BY_SIDE_FROM, "narrow")
        yield StillHeader()
        with Horizontal(id="range-bar"):
            yield ChoiceLine([(key, _(words)) for key, words in RANGE_CHOICES], self.range_, id="range")
            with Horizontal(id="custom"):
                # TRANSLATORS: placeholders of the two date fields of a custom range (a date is typed as
                # 2026-11-30); YYYY-MM-DD as your language names that pattern (Spanish AAAA-MM-DD).
                yield Input(placeholder=_("since YYYY-MM-DD"), id="since", compact=True)
                yield Input(placeholder=_("until (today)"), id="until", compact=True)
                yield Button(_("Show"), id="apply", compact=True)
        yield Label("", id="range-error")
        yield Static(_("Computing…"), id="summary")
        with TabbedPanes(id="tabs"):
            yield TabBar([(f"tab-{tab}", _(title)) for tab, title, _charts, _tables in TABS], f"tab-{TABS[0][0]}")
            # The tab shown first (the others are composed when first shown), hidden until the figures come: its
            # empty charts and tables are then neither laid out nor drawn before they are drawn with the figures.
            first = self._pane(TABS[0][0])
            first.display = False
            yield first
        yield KeysFooter()

    def _pane(self, tab: str) -> Horizontal:
        """The charts and tables of one tab, empty until the figures are drawn into them."""
        _tab, _title, chart_names, table_names = next(t for t in TABS if t[0] == tab)
        parts: list[Widget] = []
        if tab == "calendar":
            parts.append(VerticalScroll(Static(id="heat-map"), classes="charts"))
        elif chart_names:
            parts.append(Vertical(*(widget for name in chart_names
                                    for widget in (Chart(id=f"chart-{name}"),
                                                   Static(classes="key", id=f"key-{name}"))), classes="charts"))
        if table_names:
            parts.append(VerticalScroll(*(Static(id=f"table-{name}") for name in table_names),
                                        classes="numbers", id=f"numbers-{tab}"))
        self.composed.add(tab)
        return Horizontal(*parts, classes="pane", id=f"pane-{tab}")

    @on(TabBar.Activated)
    async def _tab_shown(self, event: TabBar.Activated) -> None:
        """Show a tab's pane (composed the first time it is shown), and draw the figures held into it."""
        tab = event.tab.removeprefix("tab-")
        for pane in self.query_one("#tabs").query_children(".pane"):
            pane.display = pane.id == f"pane-{tab}"
        if tab not in self.composed:
            await self.query_one("#tabs").mount(self._pane(tab))
        elif tab not in self.stale:
            return
        if self.result is not None:
            self._draw(tab, self.result)
            self._fit_tables()

    def on_mount(self) -> None:
        if self._computing:  # the figures asked for in compose are on their way
            self._loading_soon()
        self.set_interval(WATCH_SECONDS, self.check_for_changes)

    def _loading_soon(self) -> None:
        """Show the loading indicator over the tabs if the figures take a while."""
        if self._loading_timer is None:
            self._loading_timer = self.set_timer(LOADING_AFTER, self._loading_shown)

    def _loading_shown(self) -> None:
        self._loading_timer = None
        if self._computing:  # the figures may have come before the screen was mounted
            self.query_one("#tabs").loading = True

    def _loaded(self) -> None:
        self._computing = False
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        self.query_one("#tabs").loading = False

    def on_resize(self) -> None:
        self.set_class(self.size.width < SIDE_BY_SIDE_FROM, "narrow")
        self._fit_tables()

    def _fit_tables(self) -> None:
        """Beside its chart a tab's tables get two fifths of the width; a table wider than that goes under
        the chart instead, shown whole (never a column dropped or a word cut)."""
        from rich.measure import Measurement

        beside = self.size.width * 2 // 5 - 3  # the numbers' share (2fr of 5), less padding and a scrollbar
        console = self.app.console
        for tab, _title, chart_names, table_names in TABS:
            if not (chart_names and table_names) or tab not in self.composed:
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

    @on(ChoiceLine.Changed, "#range")
    def _range_chosen(self, event: ChoiceLine.Changed) -> None:
        key = event.key
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
        self.query_one("#range", ChoiceLine).choose("custom", quietly=True)
        self.load()

    def load(self) -> None:
        """Start computing the figures of the chosen range (the previous computation is dropped)."""
        if self.range_ == "custom":
            since = self.query_one("#since", Input).value.strip() or None
            until = self.query_one("#until", Input).value.strip() or None
            range_ = None if since else "all"
        else:
            range_, since, until = self.range_, None, None
        self._loading_soon()
        self.compute(range_, since, until, self.today())

    def compute(self, range_: str | None, since: str | None, until: str | None, today: date) -> None:
        """In a worker, with a connection of its own: every figure of the range (a newer computation replaces it).
        With the first tab in sight, the figures of pain are drawn into it first (``_first_tab``)."""

        shown, self._computing = self.result, True
        calendar = "calendar" in self.composed  # drawn when shown: it wants every day of the daily figure
        first_tab = self._tab_in_sight() == TABS[0][0]

        def figures(person: ProfileDiary) -> tuple[Trends, tuple, bool, list[charts.PainPoint], PainFigures]:
            period = period_for(person, range_, since, until, today=today)
            signature = diary_signature(person)  # before the figures: a change while computing shows next time
            pain = pain_figures(person, period)
            # The pain chart's points too (read from the daily figure's columns, no day made): 10 y are 3,650 days
            # to group by month, better not on the UI thread.
            points = charts.pain_points(pain)
            if first_tab:
                self._first_tab(pain, points)
            result = trends(person, period, pain)
            if calendar:  # its days made here, not when it draws them on the UI thread (60 y: 40 ms)
                result.daily.make_days()
            return result, signature, result == shown, points, pain  # the same as on screen: nothing to draw

        self.read(figures, lambda found: self._show(*found), group="trends")

    def _tab_in_sight(self) -> str:
        """The tab shown (the first one while the screen is being built)."""
        tabs = self.query("#tabs")
        return tabs.first(TabbedPanes).active.removeprefix("tab-") if tabs else TABS[0][0]

    class PainReady(Message):
        """(From the worker) The figures of pain, to draw into the first tab; ``drawn`` is set once they are on
        screen (or will not be)."""

        def __init__(self, worker: Worker, pain: PainFigures, points: list[charts.PainPoint]) -> None:
            super().__init__()
            self.worker, self.pain, self.points, self.drawn = worker, pain, points, threading.Event()

    def _first_tab(self, pain: PainFigures, points: list[charts.PainPoint]) -> None:
        """(In the worker) Draw the figures of pain into the first tab now, and wait until they are on screen (at
        most ``FIRST_TAB_WAIT``: a screen that has gone never says)."""
        ready = self.PainReady(get_current_worker(), pain, points)
        if self.post_message(ready):
            ready.drawn.wait(FIRST_TAB_WAIT)

    @on(PainReady)
    def _show_pain(self, ready: PainReady) -> None:
        """Show the figures of pain in the summary line and the first tab, and say when they are on screen;
        nothing when the tab shows them already, or a newer computation replaced the one they come from."""
        pain = ready.pain
        if ready.worker.is_cancelled or not self.still_shown or (pain == self.pain and TABS[0][0] not in self.stale):
            ready.drawn.set()
            return
        self.pain, self.pain_points = pain, ready.points
        self.query_one("#range-error", Label).remove_class("shown")
        self._summary_line(pain)
        self.stale = self.composed - {TABS[0][0]}  # (the others are drawn with the rest of the figures)
        if self._tab_in_sight() == TABS[0][0]:
            self._loaded()  # (the tab in sight shows its figures: no loading indicator over it)
            self.query_one(f"#pane-{TABS[0][0]}").display = True
            self._draw_pain(pain)
            self._fit_tables()
        self.call_after_refresh(ready.drawn.set)

    def refused(self, error: DiaryError) -> None:
        """Say why under the range picker; the last good figures stay."""
        self._loaded()
        line = self.query_one("#range-error", Label)
        line.update(error_text(error))
        line.add_class("shown")

    def _show(self, result: Trends, signature: tuple, same: bool, points: list[charts.PainPoint],
              pain: PainFigures) -> None:
        """Show ``result`` (``points``: its pain chart's; ``pain``: its figures of pain); when its figures are
        ``same`` as those shown, the screen already shows them, and the first tab when ``pain`` was drawn into it
        already (``_show_pain``)."""
        drawn = pain is self.pain and TABS[0][0] not in self.stale  # the first tab shows these figures already
        self.result, self.signature, self.pain, self.pain_points = result, signature, pain, points
        self.query_one("#range-error", Label).remove_class("shown")
        self._loaded()
        if same:
            return
        if not drawn:
            self._summary_line(pain)
        # The tab in sight is drawn now; the others composed so far when they are shown again.
        shown = self._tab_in_sight()
        self.stale = self.composed - {shown} - ({TABS[0][0]} if drawn else set())
        if shown in self.composed and not (drawn and shown == TABS[0][0]):
            self.query_one(f"#pane-{shown}").display = True
            self._draw(shown, result)
        self._fit_tables()

    def _summary_line(self, pain: PainFigures) -> None:
        """The line over the tabs: whose figures, the range, the days logged and the pain over it."""
        s, span = pain.summary, dates.span(pain.period.since, pain.period.until)
        if s.entries:
            change = pain.change.mean_difference  # of the means as shown
            # TRANSLATORS: e.g. "61 of 92 days logged": days with an entry of the days in the range.
            parts = [pain.profile, span, _("{logged} of {days} logged").format(
                         logged=s.days_logged, days=numbers.count(s.days_in_range, "day")),
                     numbers.count(s.entries, "entry"),
                     _("average daily pain {mean}, worst {worst}, least {least}").format(
                         mean=numbers.pain(s.mean), worst=numbers.pain(s.worst, 0), least=numbers.pain(s.least, 0))]
            if not pain.change.previous.entries:
                parts.append(_("no earlier period to compare with"))
            elif change is not None:
                # TRANSLATORS: the change of average daily pain against the same number of days before the range,
                # e.g. "+0.5 against the 92 days before".
                parts.append(_("{change} against the {days} before").format(
                    change=numbers.signed(change), days=numbers.count(pain.period.days, "day")))
        else:
            parts = [pain.profile, span, _("no entries in this range")]
        text = " · ".join(parts)
        self.query_one("#summary", Static).update(f"{text}\n{tables.CAUTION}")

    def _draw(self, tab: str, result: Trends) -> None:
        """Draw the figures of ``result`` into one composed tab."""
        _tab, _title, chart_names, table_names = next(t for t in TABS if t[0] == tab)
        self.stale.discard(tab)
        if tab == TABS[0][0]:
            self._draw_pain(result)
            return
        if tab == "calendar":
            self.query_one("#heat-map", Static).update(
                Text.assemble(Text(_("Calendar of daily mean pain") + "\n", style="bold"), charts.heat_map(result)))
        for name in chart_names:
            key = self.query_one(f"#chart-{name}", Chart).draw(charts.CHARTS[name], result)
            self.query_one(f"#key-{name}", Static).update(key)
        for name in table_names:
            self.query_one(f"#table-{name}", Static).update(tables.TABLES[name](result))
        if "sessions" in table_names:
            self.query_one("#table-sessions").display = bool(result.sessions)

    def _draw_pain(self, pain: Trends | PainFigures) -> None:
        """Draw the figures of pain into the first tab: the pain chart (its points are ``pain_points``) and the
        summary table."""
        self.stale.discard(TABS[0][0])
        key = self.query_one("#chart-pain", Chart).draw(partial(charts.draw_pain, points=self.pain_points), pain)
        self.query_one("#key-pain", Static).update(key)
        self.query_one("#table-summary", Static).update(tables.summary_table(pain))
