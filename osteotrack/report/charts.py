"""The report's charts, drawn with matplotlib as vector SVG.

They must read in black-and-white print: series differ by line style and
marker shape, never by colour alone, and no hatching is used (fpdf2 ignores
SVG patterns). Text is DejaVu Sans, matplotlib's own font: drawn as outlines
for HTML, so the SVG needs no font wherever it is shown, and kept as text for
the PDF, which embeds the font. ``matplotlib.figure.Figure`` is
used without pyplot: no GUI backend, safe in a worker thread.

Labels, legends and the days on the time axis are in the language in force
(the days through ``osteotrack.domain.dates``, never strftime's English names).
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from osteotrack.analysis import Trends
from osteotrack.domain import dates
from osteotrack.i18n import N_, _

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Above this many logged days the daily series are drawn as thin lines without
# markers: thousands of markers blur in print and slow the PDF down.
DENSE_DAYS = 120
# Above this many logged days (two years of daily logging) the chart draws a point a week: the mean of the
# daily means of the logged days of each 7 days. Thousands of daily points make a solid band in print (and
# a slow PDF); a week at a time the course over years still shows, as a physician reads it.
WEEKLY_DAYS = 730
# The events a physician asks about, drawn on the pain chart and listed in the report.
REPORT_EVENTS = ("fall", "fracture", "procedure", "imaging", "dxa")
# The legend's names, translated where drawn.
EVENT_MARKERS = {"fall": ("v", N_("Fall")), "fracture": ("X", N_("Fracture")), "procedure": ("s", N_("Procedure")),
                 "imaging": ("o", N_("Imaging")), "dxa": ("D", N_("DXA"))}
# Event names are printed on the chart itself only when there are few of them.
LABELLED_EVENTS = 6
_STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans", "font.size": 7.5, "axes.linewidth": 0.6, "axes.edgecolor": "black",
    "xtick.major.width": 0.6, "ytick.major.width": 0.6, "svg.hashsalt": "osteotrack",
    # Drop points closer than a fraction of a print dot: ten years of days make far fewer path nodes.
    "path.simplify": True, "path.simplify_threshold": 0.5,
}


def _figure(width_in: float, height_in: float, text: str):
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(_STYLE)
    # "path": glyph outlines, the same everywhere (HTML). "text": SVG text in DejaVu Sans, which the PDF embeds.
    matplotlib.rcParams["svg.fonttype"] = "path" if text == "path" else "none"
    fig = Figure(figsize=(width_in, height_in))
    return fig


def _svg(fig, name: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]  # drop the XML prolog and doctype: the SVG is inlined in HTML
    # The RDF metadata block says only "matplotlib"; fpdf2 warns about the unknown tag.
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if start >= 0:
        text = text[:start] + text[end + len("</metadata>"):]
    # Both charts share one HTML page: their element ids (glyphs, clip paths) must not collide.
    for mark in (' id="', "url(#", 'href="#'):
        text = text.replace(mark, f"{mark}{name}_")
    # matplotlib writes font sizes in px meaning user units (its points); fpdf2 reads px as 0.75 pt.
    return re.sub(r"font-size: ([\d.]+)px", r"font-size: \1pt", text)


def _date_axis(ax) -> None:
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import Formatter

    class DayFormatter(Formatter):
        """Days as ``dates`` writes them: ``8 Nov`` (``8. Nov.`` in German); months, years when ticks fall on them."""

        def __call__(self, x, pos=None) -> str:
            return dates.day_short(num2date(x).date())

        def format_ticks(self, values) -> list[str]:
            days = [num2date(v).date() for v in values]
            if days and all(d.day == 1 and d.month == 1 for d in days):
                return [str(d.year) for d in days]
            if days and all(d.day == 1 for d in days):  # the year with the first month and with each January
                return [dates.month(d) if i == 0 or d.month == 1 else dates.month_name(d) for i, d in enumerate(days)]
            return [dates.day_short(d) for d in days]

    ax.xaxis.set_major_locator(AutoDateLocator(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(DayFormatter())


def _ylabel(ax, height_in: float, bottom: float, top: float, text: str) -> None:
    """The y axis's label, its type made smaller when it would reach past the chart's top or foot
    (a short chart, a long language: "Escala PEG (0–10)" is longer than "PEG (0–10)")."""
    size = float(_STYLE["font.size"])
    centre = (bottom + top) / 2
    room = 2 * min(centre, 1 - centre) * height_in * 72  # points, the label centred on the axes
    ax.set_ylabel(text, fontsize=min(size, room / (0.62 * max(len(text), 1))))


def report_marks(t: Trends) -> list:
    """The period's events of the kinds the report shows (appointments are not marked)."""
    return [mark for mark in t.events if mark.kind in REPORT_EVENTS]


def weekly_means(t: Trends) -> list[tuple[date, float]]:
    """A point for each 7 days counted back from the period's last day that has logged days in it: its last day
    and the mean of its logged days' daily means (the 7-day rolling mean on that day), oldest first."""
    until = t.period.until
    sums: dict[int, list] = {}
    for d in t.daily:
        week = sums.setdefault((until - d.day).days // 7, [0.0, 0])
        week[0] += d.mean
        week[1] += 1
    return [(until - timedelta(days=7 * back), total / count) for back, (total, count) in sorted(sums.items(),
                                                                                               reverse=True)]


def pain_chart(t: Trends, width_in: float = 7.0, height_in: float = 2.5, text: str = "path") -> str:
    """Daily mean and worst pain, the 7-day rolling mean, and the events, as SVG; over years, the 7-day mean of
    each week alone."""
    fig = _figure(width_in, height_in, text)
    ax = fig.add_axes((0.06, 0.30, 0.92, 0.66))
    days = [d.day for d in t.daily]
    dense = len(days) > DENSE_DAYS
    if len(days) > WEEKLY_DAYS:
        weeks = weekly_means(t)
        ax.plot([w[0] for w in weeks], [w[1] for w in weeks], color="black", lw=0.9, label=_("7-day mean"))
    else:
        ax.plot(days, [d.mean for d in t.daily], color="0.35", lw=0.6, marker=None if dense else "o",
                markersize=2, label=_("Daily mean"))
        if not dense:
            ax.plot(days, [d.worst for d in t.daily], ls="none", marker="x", color="black", markersize=3, mew=0.7,
                    label=_("Daily worst"))
        ax.plot(days, [d.rolling_mean for d in t.daily], color="black", lw=1.8, ls=(0, (4, 1.5)),
                label=_("7-day mean"))
    ax.set_ylim(-0.3, 11.2)
    ax.set_yticks(range(0, 11, 2))
    _ylabel(ax, height_in, 0.30, 0.96, _("Pain (0–10)"))
    ax.grid(axis="y", color="0.85", lw=0.4)
    ax.set_xlim(t.period.since, t.period.until)
    seen = set()
    marks = report_marks(t)
    for mark in marks:
        shape, name = EVENT_MARKERS[mark.kind]
        ax.axvline(mark.day, color="black", ls=":", lw=0.7)
        ax.plot([mark.day], [10.6], marker=shape, color="black", markersize=4.5, ls="none",
                label=None if mark.kind in seen else _(name))
        seen.add(mark.kind)
        if len(marks) <= LABELLED_EVENTS:
            ax.annotate(mark.label, (mark.day, 10.6), xytext=(5, -2), textcoords="offset points", fontsize=6.5,
                        va="center")
    _date_axis(ax)
    fig.legend(loc="lower center", ncol=3 + len(seen), frameon=False, fontsize=6.3, handlelength=2.2,
               columnspacing=1.0)
    return _svg(fig, "pain")


def peg_chart(t: Trends, width_in: float = 7.0, height_in: float = 1.7, text: str = "path") -> str:
    """The PEG score per week, as SVG."""
    fig = _figure(width_in, height_in, text)
    ax = fig.add_axes((0.06, 0.2, 0.92, 0.74))
    weeks = t.peg_weeks
    dense = len(weeks) > DENSE_DAYS // 7
    ax.plot([w.start for w in weeks], [w.score for w in weeks], color="black", lw=1.0,
            marker=None if dense else "s", markersize=3)
    ax.set_ylim(-0.3, 10.3)
    ax.set_yticks(range(0, 11, 2))
    # TRANSLATORS: the PEG scale's score; "PEG-Skala (0–10)", "escala PEG (0–10)", "échelle PEG (0–10)".
    _ylabel(ax, height_in, 0.2, 0.94, _("PEG (0–10)"))
    ax.grid(axis="y", color="0.85", lw=0.4)
    _date_axis(ax)
    return _svg(fig, "peg")


CHARTS = {"pain": pain_chart, "peg": peg_chart}
