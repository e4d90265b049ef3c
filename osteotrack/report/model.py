"""The physician report as plain data: sections of words, tables and chart specs.

``build_report`` turns the analysis module's figures (``osteotrack.analysis``)
and the period's flagged notes, events and open questions into one ``Report``
that every renderer (PDF, HTML, Markdown) lays out the same way. Numbers are
formatted here, once, by ``osteotrack.domain.numbers`` (as on every screen), so
the three formats print the same figures; nothing is computed here that the
analysis module does not compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from osteotrack import __version__
from osteotrack.analysis import MEAN_PAIN_DEFINITION, Period, Trends, fall_band_text, trends
from osteotrack.domain import numbers
from osteotrack.domain.describe import (
    REPORT_TEXT_CHARS,
    beginning,
    event_summary,
    question_summary,
    site_text,
    when_text,
)
from osteotrack.domain.vocabulary import pain_band
from osteotrack.report.charts import DENSE_DAYS, REPORT_EVENTS, report_marks

# Section keys in the order the report prints them; the header and footer always print.
SECTIONS = {
    "coverage": "Coverage",
    "summary": "Pain summary",
    "chart": "Pain over time",
    "locations": "Where it hurts",
    "triggers": "Triggers",
    "therapies": "Therapies and relief",
    "medication": "Medication use",
    "peg": "PEG by week",
    "events": "Events",
    "bone": "Bone care",
    "notes": "Notes for the doctor",
    "questions": "Open questions",
}
DISCLAIMER = "Patient-reported data, not a diagnosis."
# Under the title of every format: the scale, and what a day is (said once, for every figure that counts days).
HEADER_NOTE = ("Pain on the 0–10 numeric rating scale: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. "
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
    appointment: str = ""  # "Next appointment: Dr Lee, Thu 03 Dec 2026 10:30", or "" when none is recorded

    @property
    def footer(self) -> str:
        return f"Generated {self.generated:%d %b %Y} by osteotrack {self.version}. {DISCLAIMER}"

    @property
    def header_note(self) -> str:
        return HEADER_NOTE

    @property
    def period_text(self) -> str:
        return (f"{self.period.since:%d %b %Y} to {self.period.until:%d %b %Y} "
                f"({numbers.count(self.period.days, 'day')})")


def _none_logged(key: str, what: str) -> Section:
    return Section(key, SECTIONS[key], [f"No {what} were logged in this period."])


def build_report(person, period: Period, *, sections: list[str] | None = None,
                 today: date | None = None) -> Report:
    """The report for one profile and period; ``sections`` picks keys of ``SECTIONS`` (default all)."""
    figures = trends(person, period)
    wanted = [key for key in SECTIONS if sections is None or key in sections]
    vocab = person.vocabulary()
    builders = {
        "coverage": lambda: _coverage(figures),
        "summary": lambda: _summary(figures),
        "chart": lambda: _chart(figures),
        "locations": lambda: _locations(figures),
        "triggers": lambda: _triggers(figures),
        "therapies": lambda: _therapies(figures),
        "medication": lambda: _medication(figures),
        "peg": lambda: _peg(figures),
        "events": lambda: _events(person, period, vocab, today or date.today()),
        "bone": lambda: _bone(figures),
        "notes": lambda: _notes(person, period, vocab),
        "questions": lambda: _questions(person),
    }
    return Report(
        title="Pain diary report", profile=figures.profile, period=period, generated=today or date.today(),
        version=__version__, trends=figures, sections=[builders[key]() for key in wanted],
        appointment=_appointment(person, today or date.today()),
    )


def _appointment(person, today: date) -> str:
    """The report's first lines name the visit it is for: the next appointment from ``today`` on."""
    from datetime import datetime, time

    visit = person.next_appointment(datetime.combine(today, time.min).astimezone())
    if visit is None:
        return ""
    return f"Next appointment: {visit.note + ', ' if visit.note else ''}{when_text(visit.at)}"


def _coverage(t: Trends) -> Section:
    s = t.summary
    return Section("coverage", SECTIONS["coverage"], [
        f"Days logged: {s.days_logged} of {numbers.count(s.days_in_range, 'day')} in range "
        f"({numbers.share(s.coverage)}), {numbers.count(s.entries, 'entry')}."
    ])


def _summary(t: Trends) -> Section:
    c = t.change
    cur, prev = c.current, c.previous
    head = ["", "This period", f"Previous {numbers.count(c.previous_period.days, 'day')} "
            f"({c.previous_period.since:%d %b} – {c.previous_period.until:%d %b %Y})", "Change"]
    relative = "" if c.relative_change is None else f" ({numbers.signed(c.relative_change, 0)}%)"
    rows = [
        # The change is the difference of the two means as printed, so the row adds up.
        ["Average daily pain (0–10)", f"{numbers.pain(cur.mean)} ({numbers.count(cur.entries, 'entry')})",
         f"{numbers.pain(prev.mean)} ({numbers.count(prev.entries, 'entry')})",
         numbers.signed(c.mean_difference) + relative],
        ["Worst pain", _worst(cur.worst), _worst(prev.worst), numbers.signed(c.worst_difference, 0)],
        ["Days logged", f"{cur.days_logged} of {cur.days_in_range}", f"{prev.days_logged} of {prev.days_in_range}",
         numbers.signed(c.days_logged_difference, 0)],
    ]
    lines = []
    if cur.mean is not None and cur.worst is not None:
        lines.append(f"Average daily pain {numbers.pain(cur.mean)} of 10, worst {cur.worst} ({pain_band(cur.worst)}), "
                     f"least {cur.least}, over {numbers.count(cur.entries, 'entry')} on "
                     f"{numbers.count(cur.days_logged, 'day')}.")
    else:
        lines.append("No pain entries in this period.")
    after = [MEAN_PAIN_DEFINITION + ("" if c.relative_change is None else
                                     f" The change in percent is {numbers.signed(c.mean_difference)} of the previous "
                                     f"{numbers.pain(prev.mean)}. " + fall_band_text(c.relative_change))]
    return Section("summary", SECTIONS["summary"], lines, Table(head, rows, [1.4, 1.2, 2.3, 0.8]), after=after)


def _worst(worst: int | None) -> str:
    return numbers.NO_FIGURE if worst is None else f"{worst} ({pain_band(worst)})"


def _chart(t: Trends) -> Section:
    days = len(t.daily)
    marks = len(report_marks(t))
    drawn = ("its mean pain (thin line)" if days > DENSE_DAYS else
             "its mean pain (line with dots) and worst pain (x)")
    note = (f"Each logged day ({numbers.count(days, 'day')}): {drawn}; the 7-day rolling mean (thick dashed line) "
            "rests on the logged days among each day and the 6 before it. "
            + (f"Dotted vertical lines mark {numbers.count(marks, 'event')}." if marks
               else "No events in this period."))
    return Section("chart", SECTIONS["chart"], chart="pain" if days else None, after=[note] if days else
                   ["No pain entries in this period."])


def _locations(t: Trends) -> Section:
    if not t.locations:
        return _none_logged("locations", "places")
    rows = [[loc.name, f"{loc.days} of {numbers.count(loc.days_logged, 'day')} ({numbers.share(loc.share_of_days)})",
             f"{numbers.pain(loc.mean_intensity)} ({numbers.count(loc.hurt, 'entry')})"] for loc in t.locations]
    return Section("locations", SECTIONS["locations"],
                   table=Table(["Place", "Days it hurt (of days logged)", "Mean intensity when it hurt (0–10)"], rows,
                               [1.6, 1.8, 1.8]),
                   after=["It hurt: the place was named with an intensity above 0. The mean intensity is over those "
                          "entries only."])


def _triggers(t: Trends) -> Section:
    if not t.triggers:
        return _none_logged("triggers", "triggers")
    rows = [[tr.name, f"{numbers.pain(tr.mean_present)} ({numbers.count(tr.present, 'entry')})",
             f"{numbers.pain(tr.mean_absent)} ({numbers.count(tr.absent, 'entry')})"] for tr in t.triggers]
    return Section("triggers", SECTIONS["triggers"],
                   table=Table(["Activity", "Mean pain with it", "Mean pain without it"], rows, [1.8, 1.6, 1.6]),
                   after=["Entries that list the activity against all other entries of the period; "
                          "a difference shows what was logged together, not a cause."])


def _therapies(t: Trends) -> Section:
    if not t.therapies:
        return _none_logged("therapies", "therapies")
    rows = [[th.name, str(th.times_used),
             "not rated" if th.mean_relief is None else f"{numbers.percent(th.mean_relief)} ({th.rated} rated)"]
            for th in t.therapies]
    # Self-care sessions measured their own relief: one line per therapy, under the table, only when there are any.
    sessions = ["Self-care sessions, pain rated just before and just after each:",
                *(s.line(s.name) for s in t.sessions)] if t.sessions else []
    return Section("therapies", SECTIONS["therapies"],
                   table=Table(["Therapy", "Times used", "Mean relief (0–100%)"], rows, [2.6, 0.9, 1.5]),
                   after=sessions)


def _medication(t: Trends) -> Section:
    rows = []
    for label, m in (("Over-the-counter, all", t.medication.otc), ("Prescription, all", t.medication.prescription)):
        rows.append(_medication_row(label, m))
        rows += [_medication_row(f"  {one.medicine}", one) for one in t.medication.medicines
                 if one.therapy == m.therapy]
    return Section("medication", SECTIONS["medication"],
                   table=Table(["Pain medication", "Days used", "Uses", "Longest run of consecutive days"], rows,
                               [1.3, 0.8, 0.6, 3.1], align="llll"),
                   after=["Each medicine by the name and dose logged with it; a run that began before the period is "
                          "counted from its first day.",
                          "Over-the-counter pain medication used for long may irritate the stomach or harm the liver; "
                          "prescription pain medication is meant for short-term use."])


def _medication_row(label: str, m) -> list[str]:
    return [label, f"{m.days_used} of {numbers.count(m.days_in_range, 'day')}", numbers.count(m.uses, "use"),
            m.run_text()]


def _peg(t: Trends) -> Section:
    weeks = t.peg_weeks
    if not weeks:
        return Section("peg", SECTIONS["peg"], ["No complete PEG check-ins in this period."])
    shown = weeks[-PEG_TABLE_WEEKS:]
    rows = [[f"{w.week} (from {w.start:%d %b})" + (" *" if w.daily else ""),
             *(numbers.pain(x) for x in (w.score, w.pain, w.enjoyment, w.activity)), str(w.checkins)]
            for w in reversed(shown)]
    after = ["PEG: the mean of average pain, interference with enjoyment of life and with general activity "
             "(each 0–10) over the past 7 days, asked once a week; from check-ins with all three answers."]
    if any(w.daily for w in shown):
        after.append("* Check-ins from before the weekly PEG asked the three questions about their own day, "
                     "not the past 7 days; weeks marked * rest on them.")
    if len(weeks) > len(shown):
        after.append(f"The table shows the latest {len(shown)} of {len(weeks)} weeks; the chart shows them all.")
    return Section("peg", SECTIONS["peg"], chart="peg" if len(weeks) > 1 else None,
                   table=Table(["Week", "PEG", "Pain", "Enjoyment", "Activity", "Check-ins"], rows,
                               [1.8, 0.6, 0.6, 0.8, 0.7, 0.8]), after=after)


def _events(person, period, vocab, today: date) -> Section:
    # Past appointments too (a next appointment is no event of the period yet).
    found = [ev for ev in person.events(period.since, period.until, kinds=(*REPORT_EVENTS, "appointment"))
             if ev.kind != "appointment" or ev.at.date() <= today]
    if not found:
        return Section("events", SECTIONS["events"], ["No falls, fractures, procedures, imaging, DXA results "
                                                      "or appointments in this period."])
    return Section("events", SECTIONS["events"], [beginning(event_summary(ev, vocab), REPORT_TEXT_CHARS)
                                                  for ev in found], bullets=True)


def _bone(t: Trends) -> Section:
    from osteotrack.report.bone_section import bone_section  # bone care (issue 16)

    return bone_section(t.bone)


def _notes(person, period, vocab) -> Section:
    flagged = person.flagged_entries(period.since, period.until)
    if not flagged:
        return Section("notes", SECTIONS["notes"], ["No entries were flagged for the doctor in this period."])
    lines = [_flagged(e, vocab) for e in flagged if e.note]
    bare = [e for e in flagged if not e.note]
    if bare:  # one line for the entries marked without a note: the moments and pains are what they add
        lines.append(f"Marked for the doctor without a note ({numbers.count(len(bare), 'entry')}): "
                     + "; ".join(f"{when_text(e.at)}, pain {e.pain}" for e in bare) + ".")
    return Section("notes", SECTIONS["notes"], lines, bullets=True)


def _flagged(entry, vocab) -> str:
    """``Tue 01 Sep 2026 20:21, pain 4 (Mid back T8 4; Lower back 3): the note``."""
    where = f" ({'; '.join(site_text(s, vocab) for s in entry.sites)})" if entry.sites else ""
    return f"{when_text(entry.at)}, pain {entry.pain}{where}: {beginning(entry.note, REPORT_TEXT_CHARS)}"


def _questions(person) -> Section:
    found = person.open_questions()  # a question is open until it is answered
    if not found:
        return Section("questions", SECTIONS["questions"], ["No open questions."])
    return Section("questions", SECTIONS["questions"], [beginning(_open_question(q), REPORT_TEXT_CHARS) for q in found],
                   bullets=True)


def _open_question(q) -> str:
    text = question_summary(q).removeprefix(f"[{q.status}] ")
    return text + (" (asked, not yet answered)" if q.status == "asked" else "")
