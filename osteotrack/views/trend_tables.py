"""Trend figures as Rich tables, each number beside the count it rests on.

The command line prints them; the Trends screen shows them beside its charts.
"""

from __future__ import annotations

from rich.table import Table

from osteotrack.analysis.results import Trends

NOT_ENOUGH = "—"  # a mean with nothing to rest on
CAUTION = "Figures describe what was logged; they do not say what caused the pain."


def number(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return NOT_ENOUGH if value is None else f"{value:.{digits}f}{suffix}"


def signed(value: float | None, digits: int = 1) -> str:
    return NOT_ENOUGH if value is None else f"{value:+.{digits}f}"


def span(first, last) -> str:
    """``20 Nov – 21 Nov 2026``: two days, the year said once when it is the same."""
    if first.year == last.year:
        return f"{first:%d %b} – {last:%d %b %Y}"
    return f"{first:%d %b %Y} – {last:%d %b %Y}"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold")
    return table


def summary_table(t: Trends) -> Table:
    """Mean, worst and least pain, entries and days logged, against the previous period."""
    now, before = t.change.current, t.change.previous
    table = _table("Pain summary", "", "this period", "previous period", "change")
    previous = t.change.previous_period
    table.add_row("dates", span(t.period.since, t.period.until), span(previous.since, previous.until), "")
    table.add_row("mean pain (of all entries)", number(now.mean), number(before.mean), signed(t.change.mean_difference))
    table.add_row("worst", number(now.worst, 0), number(before.worst, 0), signed(t.change.worst_difference, 0))
    table.add_row("least", number(now.least, 0), number(before.least, 0), "")
    table.add_row("entries", str(now.entries), str(before.entries), f"{now.entries - before.entries:+d}")
    table.add_row("days logged", f"{now.days_logged} of {now.days_in_range} ({now.coverage:.0%})",
                  f"{before.days_logged} of {before.days_in_range} ({before.coverage:.0%})",
                  f"{t.change.days_logged_difference:+d}")
    return table


def locations_table(t: Trends) -> Table:
    table = _table("Where it hurt", "location", "days", "% of days logged", "mean intensity", "entries")
    for r in t.locations:
        table.add_row(r.name, str(r.days), f"{r.share_of_days:.0%}", number(r.mean_intensity), str(r.count))
    return table


def triggers_table(t: Trends) -> Table:
    table = _table("Triggers: mean pain of entries with and without each", "trigger", "entries with",
                   "mean pain with", "entries without", "mean pain without")
    for r in t.triggers:
        table.add_row(r.name, str(r.present), number(r.mean_present), str(r.absent), number(r.mean_absent))
    return table


def therapies_table(t: Trends) -> Table:
    table = _table("Therapies", "therapy", "times used", "mean relief", "rated uses")
    for r in t.therapies:
        table.add_row(r.name, str(r.times_used), number(r.mean_relief, 0, " %"), str(r.rated))
    return table


def medication_table(t: Trends) -> Table:
    table = _table("Pain medication use", "pain medication", "days used", "uses", "longest run of days")
    for word, m in (("over-the-counter", t.medication.otc), ("prescription", t.medication.prescription)):
        run = f"{m.longest_run} ({span(m.run_start, m.run_end)})" if m.run_start else "0"
        table.add_row(word, f"{m.days_used} of {m.days_in_range}", str(m.uses), run)
    return table


def peg_table(t: Trends, last: int = 8) -> Table:
    """The latest weeks of PEG scores (all of them are in the chart and the JSON)."""
    shown = t.peg_weeks[-last:]
    title = "PEG per week" + (f" (latest {len(shown)} of {len(t.peg_weeks)})" if len(t.peg_weeks) > last else "")
    table = _table(title, "week", "PEG score", "pain", "enjoyment", "activity", "check-ins")
    for w in shown:
        table.add_row(f"{w.week} ({w.start:%d %b})", number(w.score), number(w.pain), number(w.enjoyment),
                      number(w.activity), str(w.checkins))
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
    "medication": medication_table,
    "peg": peg_table,
    "events": events_table,
}
