"""Trend figures as Rich tables, each number beside the count it rests on.

The command line prints them; the Trends screen shows them beside its charts.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from osteotrack.analysis.figures import MEAN_PAIN_DEFINITION, fall_band_text
from osteotrack.analysis.results import PainFigures, Trends
from osteotrack.domain import dates, numbers
from osteotrack.i18n import _, lazy, ngettext

# lazy: translated wherever they are turned into text (the Trends screen puts CAUTION in an f-string).
SESSIONS_TITLE = lazy("Self-care sessions, pain just before and just after")
CAUTION = lazy("Figures describe what was logged; they do not say what caused the pain.")


def span(first, last) -> str:
    """Two days, said briefly: ``10–16 Nov 2026``, ``28 Oct – 3 Nov 2026``, ``13 Nov 2026`` (``dates.span``)."""
    return dates.span(first, last)


def _of(part: int, whole: int) -> str:
    # TRANSLATORS: days logged of the days in the period: "12 of 14".
    return _("{part} of {whole}").format(part=numbers.whole(part), whole=numbers.whole(whole))


def _table(title: str, *columns: str, caption: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left", expand=False,
                  pad_edge=False, box=box.SIMPLE_HEAD)
    for i, column in enumerate(columns):
        # Numbers never break; a long name wraps instead.
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold", no_wrap=i > 0,
                         min_width=10 if i == 0 else None)
    return table


def summary_table(t: Trends | PainFigures) -> Table:
    """Mean, worst and least pain, entries and days logged, against the previous period of equal length."""
    now, before = t.change.current, t.change.previous
    previous = t.change.previous_period
    if not before.entries:
        # Nothing logged before this period (always so for "All"): there is nothing to compare with.
        table = _table(_("Pain summary"), "", _("this period"),
                       caption=_("this period: {period}\nNo earlier period to compare with: nothing was logged before "
                                 "{day}.").format(period=span(t.period.since, t.period.until),
                                                  day=span(t.period.since, t.period.since)))
        table.add_row(_("mean pain"), numbers.pain(now.mean))
        table.add_row(_("worst"), numbers.pain(now.worst, 0))
        table.add_row(_("least"), numbers.pain(now.least, 0))
        table.add_row(_("entries"), numbers.whole(now.entries))
        table.add_row(_("days logged"), _of(now.days_logged, now.days_in_range))
        table.add_row(_("coverage"), numbers.share(now.coverage))
        return table
    relative = t.change.relative_change
    caption = _("this period: {period}\nprevious: {previous}").format(
        period=span(t.period.since, t.period.until), previous=span(previous.since, previous.until))
    caption += "\n" + _(MEAN_PAIN_DEFINITION) + ("" if relative is None else "\n" + fall_band_text(relative))
    title = ngettext("Pain summary, against the {n} day before", "Pain summary, against the {n} days before",
                     t.period.days).format(n=numbers.whole(t.period.days))
    table = _table(title, "",
                   _("this period"), _("previous"), _("change"), caption=caption)
    # The change is the difference of the two means as printed, so the row adds up.
    table.add_row(_("average daily pain"), numbers.pain(now.mean), numbers.pain(before.mean),
                  numbers.signed(t.change.mean_difference)
                  + ("" if relative is None else f" ({numbers.with_percent(numbers.signed(relative, 0))})"))
    table.add_row(_("worst"), numbers.pain(now.worst, 0), numbers.pain(before.worst, 0),
                  numbers.signed(t.change.worst_difference, 0))
    table.add_row(_("least"), numbers.pain(now.least, 0), numbers.pain(before.least, 0), "")
    table.add_row(_("entries"), numbers.whole(now.entries), numbers.whole(before.entries),
                  numbers.signed(now.entries - before.entries, 0))
    table.add_row(_("days logged"), _of(now.days_logged, now.days_in_range),
                  _of(before.days_logged, before.days_in_range), numbers.signed(t.change.days_logged_difference, 0))
    table.add_row(_("coverage"), numbers.share(now.coverage), numbers.share(before.coverage), "")
    return table


def locations_table(t: Trends) -> Table:
    table = _table(_("Where it hurt"), _("location"), _("days it hurt"), _("% of days logged"), _("mean intensity"),
                   _("entries"),
                   caption=_("mean intensity: over the entries where it hurt (above 0); entries: how many those are"))
    for r in t.locations:
        table.add_row(r.name, str(r.days), numbers.share(r.share_of_days), numbers.pain(r.mean_intensity), str(r.hurt))
    return table


def triggers_table(t: Trends) -> Table:
    # TRANSLATORS: the columns "with" and "without" count the entries with and without the trigger.
    table = _table(_("Triggers: mean pain with and without each"), _("trigger"), _("with"), _("mean"), _("without"),
                   _("mean"), caption=_("with, without: how many entries; mean: their mean pain"))
    for r in t.triggers:
        table.add_row(r.name, str(r.present), numbers.pain(r.mean_present), str(r.absent), numbers.pain(r.mean_absent))
    return table


def therapies_table(t: Trends) -> Table:
    table = _table(_("Therapies"), _("therapy"), _("times used"), _("mean relief"), _("rated uses"))
    for r in t.therapies:
        table.add_row(r.name, str(r.times_used), numbers.percent(r.mean_relief), str(r.rated))
    return table


def sessions_lines(t: Trends) -> Text:
    """'Relaxation breathing: 3 sessions, mean pain 6.0 → 4.7', one line per therapy; empty without sessions."""
    if not t.sessions:
        return Text()
    return Text.assemble(Text(str(SESSIONS_TITLE), style="bold"), *(f"\n{s.line(s.name)}" for s in t.sessions))


def medication_table(t: Trends) -> Table:
    table = _table(_("Pain medication use"), _("pain medication"), _("days used"), _("uses"),
                   _("longest run of days"),
                   caption=_("each medicine by the name and dose logged with it; a run that began before the period "
                             "is counted from its first day"))
    for word, m in ((_("over-the-counter, all"), t.medication.otc),
                    (_("prescription, all"), t.medication.prescription)):
        table.add_row(word, _of(m.days_used, m.days_in_range), numbers.whole(m.uses), m.run_text())
        for one in t.medication.medicines:
            if one.therapy == m.therapy:
                table.add_row(f"  {one.medicine}", _of(one.days_used, one.days_in_range), numbers.whole(one.uses),
                              one.run_text())
    return table


def peg_table(t: Trends, last: int = 8) -> Table:
    """The latest weeks of PEG scores (all of them are in the chart and the JSON)."""
    shown = t.peg_weeks[-last:]
    title = (_("PEG per week (latest {shown} of {all})").format(shown=len(shown), all=len(t.peg_weeks))
             if len(t.peg_weeks) > last else _("PEG per week"))
    daily = any(w.daily for w in shown)
    table = _table(title, _("week"), _("PEG score"), _("pain"), _("enjoyment"), _("activity"), _("check-ins"),
                   caption=_("about the past 7 days, asked once a week; * asked about each day, before the weekly PEG")
                   if daily else _("about the past 7 days, asked once a week"))
    for w in shown:
        table.add_row(f"{w.week} ({dates.day_short(w.start)})" + (" *" if w.daily else ""), numbers.pain(w.score),
                      numbers.pain(w.pain),
                      numbers.pain(w.enjoyment), numbers.pain(w.activity), str(w.checkins))
    return table


def events_table(t: Trends) -> Table:
    table = _table(_("Events"), _("day"), _("event"))
    for e in t.events:
        table.add_row(dates.weekday_day_year(e.day), e.label)
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
