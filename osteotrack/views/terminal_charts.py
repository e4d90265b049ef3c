"""Trend charts for the terminal, drawn with plotext from ``osteotrack.analysis`` results.

Each ``draw_*`` function draws one chart on a plotext figure (the app passes
a textual-plotext ``PlotextPlot.plt``, the command line a fresh figure) and
returns its key as text. Meaning never rests on colour alone: every series
has its own marker, named in the key, and the calendar uses shading
characters. Charts fit 80 columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import compress
from operator import ne

from osteotrack.analysis.results import PainFigures, Trends
from osteotrack.domain import dates, numbers
from osteotrack.i18n import N_, _, ngettext, pgettext

# One marker per series, shown in the key: readable without colour.
WORST, LEAST, MEAN, ROLLING = "^", "v", "o", "hd"
ROLLING_KEY = "▞"  # what the "hd" line looks like
EVENT_CODES = {
    "fall": "F",
    "near-fall": "N",
    "fracture": "X",
    "procedure": "P",
    "imaging": "I",
    "dxa": "D",
    "appointment": "A",
}
EVENT_WORDS = {"fall": N_("fall"), "near-fall": N_("near-fall"), "fracture": N_("fracture"),
               "procedure": N_("procedure"), "imaging": N_("imaging"), "dxa": N_("DXA"),
               "appointment": N_("appointment")}
RELIEF_MARKERS = ("o", "x", "+", "*")
# Over more than a year, appointments and scans would hide the pain line: only these are drawn.
MAJOR_EVENTS = ("fall", "fracture", "procedure")
# More points than columns only smudges a line: beyond a quarter year the pain chart draws one point per
# calendar week (from Monday), beyond a year one per calendar month.
DAILY_UP_TO = 100  # days: a quarter year is still drawn day by day
WEEKLY_UP_TO = 366  # days: a year (a leap year's too) is drawn week by week
# The calendar draws a cell a day (a row a month) up to two years; beyond, a cell a week (a row a year).
CALENDAR_DAYS_UP_TO = 731
BAR_LIMIT = 8
TRIGGER_LIMIT = 6
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Calendar shades by pain band (of the day's mean): none, mild 1–3, moderate 4–6, severe 7–10.
SHADES = (("·", N_("none"), "grey50"), ("░", N_("mild 1–3"), "green"), ("▒", N_("moderate 4–6"), "yellow"),
          ("█", N_("severe 7–10"), "red"))
# Built-in names too long for a bar label.
SHORT_NAMES = {
    "otc-pain-medication": N_("OTC pain medicine"), "prescription-pain-medication": N_("Prescription med."),
    "antidepressant": N_("Antidepressant"), "heat": N_("Heat"), "ice": N_("Cold / ice"),
    "physical-therapy": N_("Physical therapy"), "relaxation": N_("Relaxation"), "getting-up": N_("Getting up"),
    "sitting-long": N_("Sitting long"), "reaching-overhead": N_("Reaching up"),
    "coughing-sneezing": N_("Coughing/sneezing"),
}
LABEL_WIDTH = 18
NO_ENTRY = " "


def new_figure(width: int = 80, height: int = 20, colour: bool = False):
    """A plotext figure of its own (no global state), sized in characters."""
    from plotext._figure import _figure_class  # what textual-plotext's PlotextPlot is built on

    fig = _figure_class()
    fig.plotsize(width, height)
    fig.theme("pro" if colour else "clear")
    return fig


def render(draw: Callable, trends: Trends, width: int = 80, height: int = 20, colour: bool = False) -> str:
    """A chart as text: the drawing, then its key."""
    fig = new_figure(width, height, colour)
    key = draw(fig, trends)
    text = fig.build()
    if not colour:
        text = _ANSI.sub("", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + ("\n" + key if key else "")


def _day_label(day: date) -> str:
    return dates.day_short(day) if day.month != 1 or day.day != 1 else f"{day.year}"


def _x_ticks(fig, since: date, until: date, count: int = 5) -> None:
    span = (until - since).days
    fig.xlim(0, max(span, 1))
    if span <= 0:
        fig.xticks([0], [_day_label(since)])
        return
    steps = [round(span * i / (count - 1)) for i in range(count)]
    long_range = span > 370
    labels = [dates.month(since + timedelta(days=s)) if long_range else _day_label(since + timedelta(days=s))
              for s in steps]
    fig.xticks(steps, labels)


def _pain_axis(fig, top: float = 10) -> None:
    fig.ylim(0, top)
    fig.yticks([0, 2, 4, 6, 8, 10])


def pain_bucket(days: int) -> str:
    """What one point of the pain chart stands for over a period of ``days``: "day", "week" or "month"."""
    return "day" if days <= DAILY_UP_TO else "week" if days <= WEEKLY_UP_TO else "month"


@dataclass(frozen=True)
class PainPoint:
    """One point of the pain chart: a day, or the logged days of one calendar week or month in the period."""

    first: date  # the first day of the week or month inside the period
    last: date  # its last day inside the period
    worst: float  # mean of the days' worst, least and mean pain (the days' own figures for a single day)
    least: float
    mean: float
    rolling_mean: float  # the 7-day rolling mean on the last logged day of the bucket
    days: int  # logged days it rests on


def pain_points(trends: Trends | PainFigures) -> list[PainPoint]:
    """The daily figures of ``trends`` grouped by day, calendar week (from Monday) or calendar month, as
    ``pain_bucket`` says for the period; a week or month with no logged day has no point."""
    period, bucket, daily = trends.period, pain_bucket(trends.period.days), trends.daily
    if bucket == "day":
        return [PainPoint(day, day, float(day_worst), float(day_least), mean, rolling_mean, 1)
                for day, day_worst, mean, day_least, _entries, rolling_mean, _window in daily.rows()]
    # Read from the daily figure's columns, a slice a week or month: its days are not made (60 years: 21,000 of
    # them) for a chart that wants a point a month, and the rolling mean is worked out on each point's last day only.
    days, worst, means, least, _entries = daily.columns()
    if bucket == "month":
        keys: list = [text[:7] for text in days]  # "2026-11"
    else:
        parse = date.fromisoformat
        keys = [ordinal - (ordinal - 1) % 7 for ordinal in (parse(text).toordinal() for text in days)]  # its Monday
    # Where a new week or month begins (worked out in C: 60 years of days are 720 months).
    starts = [0, *compress(range(1, len(keys)), map(ne, keys[1:], keys))] if keys else []
    out = []
    for a, b in zip(starts, [*starts[1:], len(keys)]):
        key = keys[a]
        if bucket == "month":
            start = date(int(key[:4]), int(key[5:7]), 1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        else:
            start = date.fromordinal(key)
            end = start + timedelta(days=6)
        n = b - a
        out.append(PainPoint(max(start, period.since), min(end, period.until), sum(worst[a:b]) / n,
                             sum(least[a:b]) / n, sum(means[a:b]) / n, daily.rolling_at(b - 1), n))
    return out


def _runs_of(points: list[PainPoint], bucket: str) -> list[list[PainPoint]]:
    """The points split where a day, week or month between two of them has none."""
    def index(p: PainPoint) -> int:
        return (p.first.toordinal() if bucket == "day" else (p.first.toordinal() - 1) // 7 if bucket == "week"
                else p.first.year * 12 + p.first.month)

    runs: list[list[PainPoint]] = []
    for p in points:
        if runs and index(p) == index(runs[-1][-1]) + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def draw_pain(fig, trends: Trends | PainFigures, points: list[PainPoint] | None = None) -> str:
    """Daily worst and least (the band), mean, 7-day rolling mean, and events as lettered vertical lines.

    ``points``: ``pain_points(trends)`` if they were made already (the Trends screen makes them in its worker).
    """
    period, points = trends.period, pain_points(trends) if points is None else points
    bucket = pain_bucket(period.days)
    fig.title(_("Pain, {period}").format(period=period.label()))
    _pain_axis(fig, 11)
    _x_ticks(fig, period.since, period.until)
    # A line never bridges a day (week, month) without entries: each run of logged ones is drawn on its own.
    for run in _runs_of(points, bucket):
        xs = [((p.first - period.since).days + (p.last - period.since).days) / 2 for p in run]
        # The rolling mean first, so that the day's own markers stay visible on top of it.
        fig.plot(xs, [p.rolling_mean for p in run], marker=ROLLING, color="blue")
        fig.plot(xs, [p.worst for p in run], marker=WORST, color="red")
        fig.plot(xs, [p.least for p in run], marker=LEAST, color="green")
        fig.scatter(xs, [p.mean for p in run], marker=MEAN, color="white")
    marks = [m for m in trends.events if period.days <= 366 or m.kind in MAJOR_EVENTS]
    letters: dict[int, str] = {}  # several events on one day share one line: "FX"
    for mark in marks:
        x = (mark.day - period.since).days
        if EVENT_CODES[mark.kind] not in letters.get(x, ""):
            letters[x] = letters.get(x, "") + EVENT_CODES[mark.kind]
    for x, text in letters.items():
        fig.vertical_line(x, color="orange")
        fig.text(text, x, 10.7, color="orange")
    each = {"day": _("each day"), "week": _("each point: a week, mean of its logged days"),
            "month": _("each point: a month, mean of its logged days")}[bucket]
    # TRANSLATORS: the key of the pain chart; {worst}, {least}, {mean}, {rolling} are its markers.
    key = _("{worst} worst  {least} least  {mean} mean  {rolling} 7-day rolling mean").format(
        worst=WORST, least=LEAST, mean=MEAN, rolling=ROLLING_KEY)
    key += "\n" + ngettext("{each}; {logged} of {n} day logged", "{each}; {logged} of {n} days logged",
                           period.days).format(each=each, logged=numbers.whole(trends.summary.days_logged),
                                               n=numbers.whole(period.days))
    kinds = sorted({m.kind for m in marks}, key=list(EVENT_CODES).index)
    if kinds:
        key += "\n" + _("events: {events}").format(
            events=", ".join(f"{EVENT_CODES[k]} {_(EVENT_WORDS[k])}" for k in kinds))
    return key


def heat_map(trends: Trends, colour: bool = True):
    """A calendar of daily mean pain, one row per month, shaded by band; beyond two years one row per year
    and one cell per calendar week (``heat_map_by_week``). Returns a rich ``Text``."""
    from rich.text import Text

    out = Text()
    # Days of one shade in a row are appended as one run: a ten-year calendar has ~3,650 days, and a
    # span for each made drawing it (Rich splits the text at every span) several times slower.
    run, run_style = "", None

    def add(cells: str, style: str | None) -> None:
        nonlocal run, run_style
        if style != run_style:
            out.append(run, style=run_style)
            run, run_style = "", style
        run += cells

    if trends.period.days > CALENDAR_DAYS_UP_TO:
        _weeks_by_year(trends, add, colour)
        out.append(run, style=run_style)
        return out
    by_day = {r.day: r.mean for r in trends.daily}
    months = []
    month = trends.period.since.replace(day=1)
    while month <= trends.period.until:
        months.append(month)
        month = (month + timedelta(days=31)).replace(day=1)
    # The months' names are as long as the language writes them ("Dec 2026", "Dez. 2026"): one column for all.
    # TRANSLATORS: the heading over the calendar's day numbers (1 … 31).
    heading = pgettext("heading", "day")
    width = max([9, len(heading) + 1, *(len(dates.month(m)) + 1 for m in months)])
    out.append(heading.ljust(width) + "".join(f"{d:<2}" if d % 5 == 1 else "  " for d in range(1, 32)).rstrip() + "\n")
    month = trends.period.since.replace(day=1)
    while month <= trends.period.until:
        add(dates.month(month).ljust(width - 1) + " ", None)
        day = month
        while day.month == month.month:
            inside = trends.period.since <= day <= trends.period.until
            if not inside:
                add("  ", None)
            elif day in by_day:
                shade, _words, style = SHADES[_band(by_day[day])]
                add(shade * 2, style if colour else None)
            else:
                add(NO_ENTRY * 2, None)
            day += timedelta(days=1)
        add("\n", None)
        month = day
    add("  ".join(f"{shade} {_(words)}" for shade, words, _style in SHADES) + "  " + _("blank: no entry"), None)
    out.append(run, style=run_style)
    return out


def _weeks_by_year(trends: Trends, add: Callable[[str, str | None], None], colour: bool) -> None:
    """The calendar of a long period: a row per ISO year, a cell per its week (from Monday, weeks 1–53),
    shaded by the mean of the daily means of the week's logged days; blank for a week without one."""
    weeks: dict[tuple[int, int], list[float]] = {}
    for r in trends.daily:
        year, week, _weekday = r.day.isocalendar()
        weeks.setdefault((year, week), []).append(r.mean)
    first, last = trends.period.since.isocalendar()[0], trends.period.until.isocalendar()[0]
    # TRANSLATORS: the heading over the long calendar's week numbers (1 … 53).
    heading = pgettext("heading", "week")
    width = max(6, len(heading) + 1)
    numbers_row = [" "] * 53
    for n in (1, 10, 20, 30, 40, 50):
        numbers_row[n - 1:n - 1 + len(str(n))] = str(n)
    add(heading.ljust(width) + "".join(numbers_row).rstrip() + "\n", None)
    for year in range(first, last + 1):
        add(f"{year}".ljust(width), None)
        for week in range(1, 54):
            means = weeks.get((year, week))
            if means:
                shade, _words, style = SHADES[_band(sum(means) / len(means))]
                add(shade, style if colour else None)
            else:
                add(NO_ENTRY, None)
        add("\n", None)
    add(_("each cell: a calendar week from Monday, shaded by the mean of its logged days") + "\n", None)
    add("  ".join(f"{shade} {_(words)}" for shade, words, _style in SHADES) + "  " + _("blank: no entry"), None)


def _band(mean: float) -> int:
    pain = int(mean + 0.5)  # half up, as a patient would round
    return 0 if pain == 0 else 1 if pain <= 3 else 2 if pain <= 6 else 3


def _hbars(fig, labels: list[str], values: list[float], limit: float, title: str, color: str) -> None:
    fig.title(title)
    # plotext puts the first bar at the bottom: reverse so the list reads top-down.
    fig.bar(labels[::-1], values[::-1], orientation="horizontal", width=0.4, color=color)
    fig.xlim(0, limit)


def draw_locations(fig, trends: Trends) -> str:
    """Share of logged days each location hurt, most days first."""
    rows = trends.locations[:BAR_LIMIT]
    _hbars(fig, [f"{short_name(r.location, r.name)} {numbers.share(r.share_of_days)}" for r in rows],
           [100 * r.share_of_days for r in rows],
           100, _("Where it hurt: % of days logged"), "red")
    logged = numbers.count(trends.summary.days_logged, "day")
    if len(trends.locations) > len(rows):
        return _("bar: % of the {days} logged (top {shown} of {all}; mean intensity and counts in the table)").format(
            days=logged, shown=numbers.whole(len(rows)), all=numbers.whole(len(trends.locations)))
    return _("bar: % of the {days} logged (mean intensity and counts in the table)").format(days=logged)


def short_name(slug: str, name: str) -> str:
    """A label that fits beside a bar: a known short form, else the name cut to LABEL_WIDTH."""
    name = _(SHORT_NAMES[slug]) if slug in SHORT_NAMES else name.split(" (")[0]
    return name if len(name) <= LABEL_WIDTH else name[:LABEL_WIDTH - 1] + "…"


def draw_triggers(fig, trends: Trends) -> str:
    """Mean pain of entries with each trigger (●) against entries without it (○), a dot plot."""
    rows = trends.triggers[:TRIGGER_LIMIT]
    fig.title(_("Mean pain with (●) and without (○) each trigger"))
    ys = list(range(len(rows), 0, -1))  # the most frequent trigger on top
    if rows:
        fig.scatter([r.mean_absent for r in rows if r.mean_absent is not None],
                    [y for y, r in zip(ys, rows) if r.mean_absent is not None], marker="○", color="blue")
        fig.scatter([r.mean_present for r in rows], ys, marker="●", color="red")
        fig.yticks(ys, [short_name(r.trigger, r.name) for r in rows])
    fig.xlim(0, 10)
    fig.ylim(0.5, len(rows) + 0.5)
    fig.xticks([0, 2, 4, 6, 8, 10])
    return _("● with the trigger  ○ without it  (mean pain of {entries}; no cause implied)").format(
        entries=numbers.count(trends.summary.entries, "entry"))


def draw_therapies(fig, trends: Trends) -> str:
    """Mean relief (%) of each therapy, most used first."""
    rows = [t for t in trends.therapies if t.rated][:BAR_LIMIT]
    _hbars(fig, [f"{short_name(r.therapy, r.name)} {numbers.percent(r.mean_relief)}" for r in rows],
           [float(r.mean_relief or 0) for r in rows], 100, _("Mean relief per therapy (%)"), "green")
    return _("bar: mean relief of rated uses (times used and counts in the table)")


def draw_relief(fig, trends: Trends) -> str:
    """Mean relief over time of the (up to four) most used therapies, one marker each."""
    period = trends.period
    top = [t.therapy for t in trends.therapies if t.rated][:len(RELIEF_MARKERS)]
    fig.title(_("Relief over time (per week)") if trends.relief_bucket == "week" else _("Relief over time (per month)"))
    fig.ylim(0, 100)
    fig.yticks([0, 20, 40, 60, 80, 100])
    _x_ticks(fig, period.since, period.until)
    names = {t.therapy: short_name(t.therapy, t.name) for t in trends.therapies}
    for therapy, marker in zip(top, RELIEF_MARKERS):
        points = [p for p in trends.relief_over_time if p.therapy == therapy]
        length = 7 if trends.relief_bucket == "week" else 30
        fig.plot([_middle(p.start, length, period) for p in points], [p.mean_relief for p in points],
                 marker=marker)
    return "  ".join(f"{m} {names[t]}" for t, m in zip(top, RELIEF_MARKERS))


def _middle(start: date, length: int, period) -> float:
    """Where a week or month is drawn: the middle of the part of it inside the period, in days from its start."""
    first = max(start, period.since)
    last = min(start + timedelta(days=length - 1), period.until)
    return ((first - period.since).days + (last - period.since).days) / 2


def draw_peg(fig, trends: Trends) -> str:
    """The weekly PEG score (0–10) over the period."""
    period, weeks = trends.period, trends.peg_weeks
    fig.title(_("PEG score per week (mean of pain, enjoyment, activity)"))
    _pain_axis(fig)
    _x_ticks(fig, period.since, period.until)
    if weeks:
        fig.plot([_middle(w.start, 7, period) for w in weeks], [w.score for w in weeks],
                 marker=MEAN, color="cyan")
    checkins = sum(w.checkins for w in weeks)
    return ngettext("{mark} weekly PEG score ({n} complete check-in in {weeks})",
                    "{mark} weekly PEG score ({n} complete check-ins in {weeks})", checkins).format(
        mark=MEAN, n=numbers.whole(checkins), weeks=numbers.count(len(weeks), "week"))


CHARTS = {
    "pain": draw_pain,
    "locations": draw_locations,
    "triggers": draw_triggers,
    "therapies": draw_therapies,
    "relief": draw_relief,
    "peg": draw_peg,
}
