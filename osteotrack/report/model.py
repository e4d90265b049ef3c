"""The physician report as plain data: sections of words, tables and chart specs.

``build_report`` turns the analysis module's figures (``osteotrack.analysis``)
and the period's flagged notes, events and open questions into one ``Report``
that every renderer (PDF, HTML, Markdown) lays out the same way. Numbers are
formatted here, once, by ``osteotrack.domain.numbers`` and days by
``osteotrack.domain.dates`` (as on every screen), so the three formats print the
same figures; nothing is computed here that the analysis module does not compute.

Every word is in the language in force when the report is built (``--lang``, or
``with i18n.speaking(code):`` for a report in the doctor's language): the report
keeps that language (``Report.language``) and the renderers speak it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from osteotrack import __version__, i18n
from osteotrack.analysis import MEAN_PAIN_DEFINITION, Period, Trends, fall_band_text, trends
from osteotrack.domain import dates, numbers
from osteotrack.domain.describe import REPORT_TEXT_CHARS, beginning, event_summary, joined, pain_band_text, site_text
from osteotrack.i18n import _, lazy, ngettext, pgettext
from osteotrack.report.charts import DENSE_DAYS, REPORT_EVENTS, WEEKLY_DAYS, report_marks

# Section keys in the order the report prints them; the header and footer always print.
SECTIONS = {
    "coverage": lazy("Coverage"),
    "summary": lazy("Pain summary"),
    "chart": lazy("Pain over time"),
    "locations": lazy("Where it hurts"),
    "triggers": lazy("Triggers"),
    "therapies": lazy("Therapies and relief"),
    "medication": lazy("Medication use"),
    # TRANSLATORS: the PEG scale (Pain, Enjoyment of life, General activity), by week.
    "peg": lazy("PEG by week"),
    "events": lazy("Events"),
    "bone": lazy("Bone care"),
    "notes": lazy("Notes for the doctor"),
    "questions": lazy("Open questions"),
}
DISCLAIMER = lazy("Patient-reported data, not a diagnosis.")
# Under the title of every format: the scale, and what a day is (said once, for every figure that counts days).
HEADER_NOTE = lazy("Pain on the 0–10 numeric rating scale: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. "
                   "Every figure gives the count it rests on. A day is the local day where the entry was made "
                   "(the date on the clock where the person was).")
# The PEG table shows the most recent weeks; the chart shows them all (room for Bone care on two pages).
PEG_TABLE_WEEKS = 5


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths, for the PDF and HTML
    align: str = ""  # per column: "l" or "r"; default left for the first, right for the rest


@dataclass
class Section:
    key: str
    title: str
    lines: list[str] = field(default_factory=list)  # sentences, printed as paragraphs
    table: Table | None = None
    chart: str | None = None  # "pain" or "peg": drawn by report.charts from the Trends
    after: list[str] = field(default_factory=list)  # small print under the table or chart
    bullets: bool = False  # lines are a list (events, notes, questions) rather than sentences


@dataclass
class Report:
    title: str
    profile: str
    period: Period
    generated: date
    version: str
    trends: Trends
    sections: list[Section]
    appointment: str = ""  # "Next appointment: Dr Lee, Thu 3 Dec 2026 10:30", or "" when none is recorded
    language: str = i18n.ENGLISH  # the language it was built in: the renderers speak it too
    period_text: str = ""  # "1–30 Nov 2026 (30 days)"
    header_note: str = ""
    footer: str = ""  # "Generated 1 Dec 2026 by osteotrack 1.0. Patient-reported data, not a diagnosis."
    heading: str = ""  # "Pain diary report: Margaret"


def period_text(period: Period) -> str:
    """``1 Sep – 30 Nov 2026 (91 days)``: the report's period, in the language in force."""
    return f"{dates.span(period.since, period.until)} ({numbers.count(period.days, 'day')})"


def build_report(person, period: Period, *, sections: list[str] | None = None,
                 today: date | None = None) -> Report:
    """The report for one profile and period, in the language in force; ``sections`` picks keys of ``SECTIONS``
    (default all)."""
    figures = trends(person, period)
    wanted = [key for key in SECTIONS if sections is None or key in sections]
    vocab = person.vocabulary()
    today = today or date.today()
    builders = {
        "coverage": lambda: _coverage(figures),
        "summary": lambda: _summary(figures),
        "chart": lambda: _chart(figures),
        "locations": lambda: _locations(figures, vocab),
        "triggers": lambda: _triggers(figures, vocab),
        "therapies": lambda: _therapies(figures, vocab),
        "medication": lambda: _medication(figures),
        "peg": lambda: _peg(figures),
        "events": lambda: _events(person, period, vocab, today),
        "bone": lambda: _bone(figures),
        "notes": lambda: _notes(person, period, vocab),
        "questions": lambda: _questions(person),
    }
    title = _("Pain diary report")
    # TRANSLATORS: the report's heading: its title and the profile's name ("Pain diary report: Margaret").
    heading = _("{title}: {profile}").format(title=title, profile=figures.profile)
    return Report(
        title=title, heading=heading, profile=figures.profile, period=period, generated=today,
        version=__version__, trends=figures, sections=[builders[key]() for key in wanted],
        appointment=_appointment(person, today), language=i18n.language(), period_text=period_text(period),
        header_note=str(HEADER_NOTE),
        footer=_("Generated {day} by osteotrack {version}. {disclaimer}").format(
            day=dates.day(today), version=__version__, disclaimer=DISCLAIMER),
    )


def _title(key: str) -> str:
    return str(SECTIONS[key])


def _appointment(person, today: date) -> str:
    """The report's first lines name the visit it is for: the next appointment from ``today`` on."""
    from datetime import datetime, time

    visit = person.next_appointment(datetime.combine(today, time.min).astimezone())
    if visit is None:
        return ""
    if visit.note:
        # TRANSLATORS: {who} is what the patient noted with the appointment, e.g. "Dr Lee".
        return _("Next appointment: {who}, {moment}").format(who=visit.note, moment=dates.moment(visit.at))
    return _("Next appointment: {moment}").format(moment=dates.moment(visit.at))


def _of_days(part: int, days: int) -> str:
    """``4 of 10 days``."""
    return ngettext("{part} of {n} day", "{part} of {n} days", days).format(part=part, n=days)


def _coverage(t: Trends) -> Section:
    s = t.summary
    return Section("coverage", _title("coverage"), [
        ngettext("Days logged: {logged} of {n} day in range ({share}), {entries}.",
                 "Days logged: {logged} of {n} days in range ({share}), {entries}.", s.days_in_range).format(
            logged=s.days_logged, n=s.days_in_range, share=numbers.share(s.coverage),
            entries=numbers.count(s.entries, "entry"))
    ])


def _summary(t: Trends) -> Section:
    c = t.change
    cur, prev = c.current, c.previous
    before = c.previous_period
    head = ["", _("This period"),
            ngettext("Previous {n} day ({span})", "Previous {n} days ({span})", before.days).format(
                n=before.days, span=dates.span(before.since, before.until)),
            _("Change")]
    relative = "" if c.relative_change is None else f" ({numbers.with_percent(numbers.signed(c.relative_change, 0))})"
    rows = [
        # The change is the difference of the two means as printed, so the row adds up.
        [_("Average daily pain (0–10)"), f"{numbers.pain(cur.mean)} ({numbers.count(cur.entries, 'entry')})",
         f"{numbers.pain(prev.mean)} ({numbers.count(prev.entries, 'entry')})",
         numbers.signed(c.mean_difference) + relative],
        [_("Worst pain"), _worst(cur.worst), _worst(prev.worst), numbers.signed(c.worst_difference, 0)],
        [_("Days logged"), _("{logged} of {days}").format(logged=cur.days_logged, days=cur.days_in_range),
         _("{logged} of {days}").format(logged=prev.days_logged, days=prev.days_in_range),
         numbers.signed(c.days_logged_difference, 0)],
    ]
    lines = []
    if cur.mean is not None and cur.worst is not None:
        lines.append(ngettext(
            "Average daily pain {mean} of 10, worst {worst} ({band}), least {least}, over {entries} on {n} day.",
            "Average daily pain {mean} of 10, worst {worst} ({band}), least {least}, over {entries} on {n} days.",
            cur.days_logged).format(mean=numbers.pain(cur.mean), worst=cur.worst, band=pain_band_text(cur.worst),
                                    least=cur.least, entries=numbers.count(cur.entries, "entry"), n=cur.days_logged))
    else:
        lines.append(_("No pain entries in this period."))
    after = [_(MEAN_PAIN_DEFINITION)]
    if c.relative_change is not None:
        after += [_("The change in percent is {difference} of the previous {previous}.").format(
            difference=numbers.signed(c.mean_difference), previous=numbers.pain(prev.mean)),
            fall_band_text(c.relative_change)]
    return Section("summary", _title("summary"), lines, Table(head, rows, [1.4, 1.2, 2.3, 0.8]),
                   after=[" ".join(after)])


def _worst(worst: int | None) -> str:
    return numbers.NO_FIGURE if worst is None else f"{worst} ({pain_band_text(worst)})"


def _chart(t: Trends) -> Section:
    days = len(t.daily)
    if not days:
        return Section("chart", _title("chart"), after=[_("No pain entries in this period.")])
    marks = len(report_marks(t))
    if days > WEEKLY_DAYS:
        drawn = _("Over {days} logged, a point a week: the mean of the daily mean pain over the logged days of "
                  "each 7 days, counted back from the period's last day.")
    elif days > DENSE_DAYS:
        drawn = _("Each logged day ({days}): its mean pain (thin line); the 7-day rolling mean (thick dashed line) "
                  "rests on the logged days among each day and the 6 before it.")
    else:
        drawn = _("Each logged day ({days}): its mean pain (line with dots) and worst pain (x); the 7-day rolling "
                  "mean (thick dashed line) rests on the logged days among each day and the 6 before it.")
    events = (ngettext("A dotted vertical line marks {n} event.", "Dotted vertical lines mark {n} events.",
                       marks).format(n=marks) if marks else _("No events in this period."))
    note = drawn.format(days=numbers.count(days, "day")) + " " + events
    return Section("chart", _title("chart"), chart="pain", after=[note])


# Names of places, activities and therapies: a built-in one in the language in force, the user's own as typed.

def _locations(t: Trends, vocab) -> Section:
    if not t.locations:
        return Section("locations", _title("locations"), [_("No places were logged in this period.")])
    rows = [[vocab.display("location", loc.location),
             f"{_of_days(loc.days, loc.days_logged)} ({numbers.share(loc.share_of_days)})",
             f"{numbers.pain(loc.mean_intensity)} ({numbers.count(loc.hurt, 'entry')})"] for loc in t.locations]
    return Section("locations", _title("locations"),
                   table=Table([_("Place"), _("Days it hurt (of days logged)"),
                                _("Mean intensity when it hurt (0–10)")], rows, [1.6, 1.8, 1.8]),
                   after=[_("It hurt: the place was named with an intensity above 0. The mean intensity is over those "
                            "entries only.")])


def _triggers(t: Trends, vocab) -> Section:
    if not t.triggers:
        return Section("triggers", _title("triggers"), [_("No triggers were logged in this period.")])
    rows = [[vocab.display("trigger", tr.trigger),
             f"{numbers.pain(tr.mean_present)} ({numbers.count(tr.present, 'entry')})",
             f"{numbers.pain(tr.mean_absent)} ({numbers.count(tr.absent, 'entry')})"] for tr in t.triggers]
    return Section("triggers", _title("triggers"),
                   table=Table([pgettext("trigger", "Activity"), _("Mean pain with it"), _("Mean pain without it")],
                               rows, [1.8, 1.6, 1.6]),
                   after=[_("Entries that list the activity against all other entries of the period; "
                            "a difference shows what was logged together, not a cause.")])


def _therapies(t: Trends, vocab) -> Section:
    if not t.therapies:
        return Section("therapies", _title("therapies"), [_("No therapies were logged in this period.")])
    rows = [[vocab.display("therapy", th.therapy), str(th.times_used),
             _("not rated") if th.mean_relief is None else
             _("{relief} ({n} rated)").format(relief=numbers.percent(th.mean_relief), n=th.rated)]
            for th in t.therapies]
    # Self-care sessions measured their own relief: one line per therapy, under the table, only when there are any.
    sessions = [_("Self-care sessions, pain rated just before and just after each:"),
                *(s.line(vocab.display("therapy", s.therapy)) for s in t.sessions)] if t.sessions else []
    return Section("therapies", _title("therapies"),
                   table=Table([_("Therapy"), _("Times used"), _("Mean relief (0–100%)")], rows, [2.6, 0.9, 1.5]),
                   after=sessions)


def _medication(t: Trends) -> Section:
    rows = []
    kinds = ((_("Over-the-counter, all"), t.medication.otc), (_("Prescription, all"), t.medication.prescription))
    for label, m in kinds:
        rows.append(_medication_row(label, m))
        rows += [_medication_row(f"  {one.medicine}", one) for one in t.medication.medicines
                 if one.therapy == m.therapy]
    return Section("medication", _title("medication"),
                   table=Table([_("Pain medication"), _("Days used"), _("Uses"), _("Longest run of consecutive days")],
                               rows, [1.3, 0.8, 0.6, 3.1], align="llll"),
                   after=[_("Each medicine by the name and dose logged with it; a run that began before the period is "
                            "counted from its first day."),
                          _("Over-the-counter pain medication used for long may irritate the stomach or harm the "
                            "liver; prescription pain medication is meant for short-term use.")])


def _medication_row(label: str, m) -> list[str]:
    return [label, _of_days(m.days_used, m.days_in_range), numbers.count(m.uses, "use"), m.run_text()]


def _peg(t: Trends) -> Section:
    weeks = t.peg_weeks
    if not weeks:
        return Section("peg", _title("peg"), [_("No complete PEG check-ins in this period.")])
    shown = weeks[-PEG_TABLE_WEEKS:]
    rows = [[_("{week} (from {day})").format(week=w.week, day=dates.day_short(w.start)) + (" *" if w.daily else ""),
             *(numbers.pain(x) for x in (w.score, w.pain, w.enjoyment, w.activity)), str(w.checkins)]
            for w in reversed(shown)]
    after = [_("PEG: the mean of average pain, interference with enjoyment of life and with general activity "
               "(each 0–10) over the past 7 days, asked once a week; from check-ins with all three answers.")]
    if any(w.daily for w in shown):
        after.append(_("* Check-ins from before the weekly PEG asked the three questions about their own day, "
                       "not the past 7 days; weeks marked * rest on them."))
    if len(weeks) > len(shown):
        after.append(ngettext("The table shows the latest {shown} of {n} week; the chart shows them all.",
                              "The table shows the latest {shown} of {n} weeks; the chart shows them all.",
                              len(weeks)).format(shown=len(shown), n=len(weeks)))
    # TRANSLATORS: the PEG table's columns: the PEG score, then its three items (average pain, interference with
    # enjoyment of life, interference with general activity), then how many check-ins the week rests on.
    header = [_("Week"), "PEG", pgettext("PEG", "Pain"), pgettext("PEG", "Enjoyment"), pgettext("PEG", "Activity"),
              _("Check-ins")]
    return Section("peg", _title("peg"), chart="peg" if len(weeks) > 1 else None,
                   table=Table(header, rows, [1.8, 0.6, 0.6, 0.8, 0.7, 0.8]), after=after)


def _events(person, period, vocab, today: date) -> Section:
    # Past appointments too (a next appointment is no event of the period yet).
    found = [ev for ev in person.events(period.since, period.until, kinds=(*REPORT_EVENTS, "appointment"))
             if ev.kind != "appointment" or ev.at.date() <= today]
    if not found:
        return Section("events", _title("events"), [_("No falls, fractures, procedures, imaging, DXA results "
                                                      "or appointments in this period.")])
    return Section("events", _title("events"), [beginning(event_summary(ev, vocab), REPORT_TEXT_CHARS)
                                                for ev in found], bullets=True)


def _bone(t: Trends) -> Section:
    from osteotrack.report.bone_section import bone_section  # bone care (issue 16)

    return bone_section(t.bone)


def _notes(person, period, vocab) -> Section:
    flagged = person.flagged_entries(period.since, period.until)
    if not flagged:
        return Section("notes", _title("notes"), [_("No entries were flagged for the doctor in this period.")])
    lines = [_flagged(e, vocab) for e in flagged if e.note]
    bare = [e for e in flagged if not e.note]
    if bare:  # one line for the entries marked without a note: the moments and pains are what they add
        lines.append(_("Marked for the doctor without a note ({entries}): {moments}.").format(
            entries=numbers.count(len(bare), "entry"),
            moments=joined(_("{moment}, pain {pain}").format(moment=dates.moment(e.at), pain=e.pain)
                              for e in bare)))
    return Section("notes", _title("notes"), lines, bullets=True)


def _flagged(entry, vocab) -> str:
    """``Tue 1 Sep 2026 20:21, pain 4 (Mid back T8 4; Lower back 3): the note``."""
    note = beginning(entry.note, REPORT_TEXT_CHARS)
    if entry.sites:
        return _("{moment}, pain {pain} ({sites}): {note}").format(
            moment=dates.moment(entry.at), pain=entry.pain, sites=joined(site_text(s, vocab) for s in entry.sites),
            note=note)
    return _("{moment}, pain {pain}: {note}").format(moment=dates.moment(entry.at), pain=entry.pain, note=note)


def _questions(person) -> Section:
    found = person.open_questions()  # a question is open until it is answered
    if not found:
        return Section("questions", _title("questions"), [_("No open questions.")])
    return Section("questions", _title("questions"), [beginning(_open_question(q), REPORT_TEXT_CHARS) for q in found],
                   bullets=True)


def _open_question(q) -> str:
    text = _("{question} — answer: {answer}").format(question=q.text, answer=q.answer) if q.answer else q.text
    return _("{question} (asked, not yet answered)").format(question=text) if q.status == "asked" else text
