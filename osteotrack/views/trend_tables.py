"""Trend figures as Rich tables, each number beside the count it rests on.

The command line prints them; the Trends screen shows them beside its charts.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from osteotrack.analysis.figures import MEAN_PAIN_DEFINITION, fall_band_text
from osteotrack.analysis.results import Trends
from osteotrack.domain import numbers

SESSIONS_TITLE = "Self-care sessions, pain just before and just after"
CAUTION = "Figures describe what was logged; they do not say what caused the pain."


def span(first, last) -> str:
    """Two days, said briefly: ``10–16 Nov 2026``, ``28 Oct – 3 Nov 2026``, ``13 Nov 2026``."""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def _table(title: str, *columns: str, caption: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left", expand=False,
                  pad_edge=False, box=box.SIMPLE_HEAD)
    for i, column in enumerate(columns):
        # Numbers never break; a long name wraps instead.
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold", no_wrap=i > 0,
                         min_width=10 if i == 0 else None)
    return table


def summary_table(t: Trends) -> Table:
    """Mean, worst and least pain, entries and days logged, against the previous period of equal length."""
    now, before = t.change.current, t.change.previous
    previous = t.change.previous_period
    if not before.entries:
        # Nothing logged before this period (always so for "All"): there is nothing to compare with.
        table = _table("Pain summary", "", "this period",
                       caption=f"this period: {span(t.period.since, t.period.until)}\n"
                               f"No earlier period to compare with: nothing was logged before "
                               f"{span(t.period.since, t.period.since)}.")
        table.add_row("mean pain", numbers.pain(now.mean))
        table.add_row("worst", numbers.pain(now.worst, 0))
        table.add_row("least", numbers.pain(now.least, 0))
        table.add_row("entries", str(now.entries))
        table.add_row("days logged", f"{now.days_logged} of {now.days_in_range}")
        table.add_row("coverage", numbers.share(now.coverage))
        return table
    table = _table(f"Pain summary, against the {numbers.count(t.period.days, 'day')} before", "", "this period",
                   "previous", "change",
                   caption=f"this period: {span(t.period.since, t.period.until)}\n"
                           f"previous: {span(previous.since, previous.until)}\n{MEAN_PAIN_DEFINITION}"
                           + (f"\n{fall_band_text(relative)}" if (relative := t.change.relative_change) is not None
                              else ""))
    # The change is the difference of the two means as printed, so the row adds up.
    relative = t.change.relative_change
    table.add_row("average daily pain", numbers.pain(now.mean), numbers.pain(before.mean),
                  numbers.signed(t.change.mean_difference)
                  + ("" if relative is None else f" ({numbers.signed(relative, 0)}%)"))
    table.add_row("worst", numbers.pain(now.worst, 0), numbers.pain(before.worst, 0),
                  numbers.signed(t.change.worst_difference, 0))
    table.add_row("least", numbers.pain(now.least, 0), numbers.pain(before.least, 0), "")
    table.add_row("entries", str(now.entries), str(before.entries), numbers.signed(now.entries - before.entries, 0))
    table.add_row("days logged", f"{now.days_logged} of {now.days_in_range}",
                  f"{before.days_logged} of {before.days_in_range}", numbers.signed(t.change.days_logged_difference, 0))
    table.add_row("coverage", numbers.share(now.coverage), numbers.share(before.coverage), "")
    return table


def locations_table(t: Trends) -> Table:
    table = _table("Where it hurt", "location", "days it hurt", "% of days logged", "mean intensity", "entries",
                   caption="mean intensity: over the entries where it hurt (above 0); entries: how many those are")
    for r in t.locations:
        table.add_row(r.name, str(r.days), numbers.share(r.share_of_days), numbers.pain(r.mean_intensity), str(r.hurt))
    return table


def triggers_table(t: Trends) -> Table:
    table = _table("Triggers: mean pain with and without each", "trigger", "with", "mean", "without", "mean",
                   caption="with, without: how many entries; mean: their mean pain")
    for r in t.triggers:
        table.add_row(r.name, str(r.present), numbers.pain(r.mean_present), str(r.absent), numbers.pain(r.mean_absent))
    return table


def therapies_table(t: Trends) -> Table:
    table = _table("Therapies", "therapy", "times used", "mean relief", "rated uses")
    for r in t.therapies:
        table.add_row(r.name, str(r.times_used), numbers.percent(r.mean_relief), str(r.rated))
    return table


def sessions_lines(t: Trends) -> Text:
    """'Relaxation breathing: 3 sessions, mean pain 6.0 → 4.7', one line per therapy; empty without sessions."""
    if not t.sessions:
        return Text()
    return Text.assemble(Text(SESSIONS_TITLE, style="bold"), *(f"\n{s.line(s.name)}" for s in t.sessions))


def medication_table(t: Trends) -> Table:
    table = _table("Pain medication use", "pain medication", "days used", "uses", "longest run of days",
                   caption="each medicine by the name and dose logged with it; "
                           "a run that began before the period is counted from its first day")
    for word, m in (("over-the-counter, all", t.medication.otc), ("prescription, all", t.medication.prescription)):
        table.add_row(word, f"{m.days_used} of {m.days_in_range}", str(m.uses), m.run_text())
        for one in t.medication.medicines:
            if one.therapy == m.therapy:
                table.add_row(f"  {one.medicine}", f"{one.days_used} of {one.days_in_range}", str(one.uses),
                              one.run_text())
    return table


def peg_table(t: Trends, last: int = 8) -> Table:
    """The latest weeks of PEG scores (all of them are in the chart and the JSON)."""
    shown = t.peg_weeks[-last:]
    title = "PEG per week" + (f" (latest {len(shown)} of {len(t.peg_weeks)})" if len(t.peg_weeks) > last else "")
    daily = any(w.daily for w in shown)
    table = _table(title, "week", "PEG score", "pain", "enjoyment", "activity", "check-ins",
                   caption="about the past 7 days, asked once a week"
                           + ("; * asked about each day, before the weekly PEG" if daily else ""))
    for w in shown:
        table.add_row(f"{w.week} ({w.start:%d %b})" + (" *" if w.daily else ""), numbers.pain(w.score),
                      numbers.pain(w.pain),
                      numbers.pain(w.enjoyment), numbers.pain(w.activity), str(w.checkins))
    return table


def events_table(t: Trends) -> Table:
    table = _table("Events", "day", "event")
    for e in t.events:
        table.add_row(f"{e.day:%a %d %b %Y}", e.label)
    return table


TABLES = {
    "summary": summary_table,
    "locations": locations_table,
    "triggers": triggers_table,
    "therapies": therapies_table,
    "sessions": sessions_lines,
    "medication": medication_table,
    "peg": peg_table,
    "events": events_table,
}
