"""Each trend figure, aggregated in SQL over one profile and one period.

A day is the local day an entry was entered in (``entries.local_day``), so an
entry at 23:30 in Lisbon and one at 00:30 the next morning in Berlin fall on
the days their writers saw. Every function takes the ``ProfileDiary`` of one
person and a ``Period``, and reads the store's named queries (``person.figures``).
"""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta
from typing import TypeVar

from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import (
    Change,
    DayPain,
    EventMark,
    LocationStat,
    MedicationStat,
    MedicationUse,
    PainSummary,
    PegWeek,
    ReliefPoint,
    TherapyStat,
    TriggerStat,
)
from osteotrack.domain import numbers
from osteotrack.domain.vocabulary import DXA_SITES, PROCEDURES
from osteotrack.store.profile_diary import ProfileDiary

OTC, PRESCRIPTION = "otc-pain-medication", "prescription-pain-medication"

WEEK = timedelta(days=7)
_N = TypeVar("_N", int, float)
# Timeline labels are short: the chart has little room.
SHORT_KINDS = {
    "fall": "Fall",
    "near-fall": "Near-fall",
    "fracture": "Fracture",
    "procedure": "Procedure",
    "imaging": "Imaging",
    "dxa": "DXA",
    "appointment": "Appointment",
}


def daily_pain(person: ProfileDiary, period: Period) -> list[DayPain]:
    """Worst, mean and least pain and the entry count of each logged day, with the 7-day rolling mean."""
    rows = person.figures.daily_pain(person.id, period.since, period.until)
    # The window is summed here, afresh each day over at most 7 means: SQLite's sliding RANGE frame keeps
    # a running total, which drifted (3.0595238095238373 where the mean is 3.0595238095238095).
    out: list[DayPain] = []
    days: deque[date] = deque()
    means: deque[float] = deque()
    for row in rows:
        day, mean = date.fromisoformat(row["day"]), row["mean"]
        days.append(day)
        means.append(mean)
        while days[0] <= day - WEEK:
            days.popleft()
            means.popleft()
        out.append(DayPain(day, row["worst"], mean, row["least"], row["entries"], sum(means) / len(means), len(means)))
    return out


def pain_totals(person: ProfileDiary, period: Period) -> tuple:
    """(mean, worst, least, entries, days logged, sum of pain) of the period's entries, in one query."""
    r = person.figures.pain_totals(person.id, period.since, period.until)
    return r["mean"], r["worst"], r["least"], r["entries"], r["days"], r["pain_sum"]


def pain_summary(person: ProfileDiary, period: Period) -> PainSummary:
    """Mean (of all entries), worst and least pain, entries, and days logged of days in range."""
    mean, worst, least, entries, days, _ = pain_totals(person, period)
    return PainSummary(mean, worst, least, entries, days, period.days)


def change(person: ProfileDiary, period: Period, current: PainSummary | None = None) -> Change:
    """The period against the previous period of equal length."""
    current = current or pain_summary(person, period)
    before = period.previous()
    previous = pain_summary(person, before)
    both = current.entries and previous.entries
    return Change(
        previous_period=before, current=current, previous=previous,
        mean_difference=_minus(current.mean, previous.mean) if both else None,
        worst_difference=_minus(current.worst, previous.worst) if both else None,
        days_logged_difference=current.days_logged - previous.days_logged,
    )


def _minus(a: _N | None, b: _N | None) -> _N | None:
    """``a - b``, or None when either is missing (a period without entries has no mean)."""
    return None if a is None or b is None else a - b


def locations(person: ProfileDiary, period: Period, days_logged: int | None = None) -> list[LocationStat]:
    """Per location: days it hurt (intensity above 0) and their share of days logged, mean intensity, count."""
    if days_logged is None:
        days_logged = pain_summary(person, period).days_logged
    vocab = person.vocabulary()
    rows = person.figures.locations(person.id, period.since, period.until)
    return [LocationStat(r["location"], vocab.name("location", r["location"]), r["days"], days_logged,
                         r["days"] / days_logged, r["mean"], r["count"])
            for r in rows]


def triggers(person: ProfileDiary, period: Period, totals: tuple | None = None) -> list[TriggerStat]:
    """Per trigger: entries listing it and their mean pain, against all other entries in range; most often first."""
    _, _, _, entries, _, pain_sum = totals or pain_totals(person, period)
    vocab = person.vocabulary()
    out = []
    for r in person.figures.triggers(person.id, period.since, period.until):
        slug, present, present_sum = r["slug"], r["count"], r["pain_sum"]
        absent = entries - present
        out.append(TriggerStat(slug, vocab.name("trigger", slug), present, present_sum / present, absent,
                               (pain_sum - present_sum) / absent if absent else None))
    return out


def therapies(person: ProfileDiary, period: Period) -> list[TherapyStat]:
    """Per therapy: times used, mean relief and the number of rated uses; most used first."""
    vocab = person.vocabulary()
    terms = vocab.terms["therapy"]
    return [TherapyStat(r["therapy"], vocab.name("therapy", r["therapy"]),
                        getattr(terms.get(r["therapy"]), "group", None),
                        r["count"], r["mean_relief"], r["rated"])
            for r in person.figures.therapies(person.id, period.since, period.until)]


def relief_bucket(period: Period) -> str:
    """Weeks for ranges up to about four months, months beyond: a chart of either stays readable."""
    return "week" if period.days <= 124 else "month"


def relief_over_time(person: ProfileDiary, period: Period, bucket: str | None = None) -> list[ReliefPoint]:
    """Mean relief of each therapy per week (from Monday) or per calendar month, rated uses only."""
    rows = person.figures.relief(person.id, period.since, period.until, bucket or relief_bucket(period))
    return [ReliefPoint(r["therapy"], date.fromisoformat(r["start"]), r["mean_relief"], r["count"]) for r in rows]


def medication_use(person: ProfileDiary, period: Period) -> MedicationUse:
    """Days used and the longest run of consecutive days, for OTC and prescription pain medication."""
    rows = [(r["therapy"], r["days"], r["uses"], r["first"], r["last"])
            for r in person.figures.medication_runs(person.id, period.since, period.until, (OTC, PRESCRIPTION))]
    vocab = person.vocabulary()

    def stat(therapy: str) -> MedicationStat:
        runs = [r for r in rows if r[0] == therapy]
        longest = max(runs, key=lambda r: (r[1], r[4]), default=None)
        return MedicationStat(
            therapy, vocab.name("therapy", therapy), sum(r[1] for r in runs), sum(r[2] for r in runs), period.days,
            longest[1] if longest else 0,
            date.fromisoformat(longest[3]) if longest else None, date.fromisoformat(longest[4]) if longest else None,
        )

    return MedicationUse(stat(OTC), stat(PRESCRIPTION))


def peg_weeks(person: ProfileDiary, period: Period) -> list[PegWeek]:
    """The PEG score per ISO week, from check-ins with all three items."""
    out = []
    for r in person.figures.peg_weeks(person.id, period.since, period.until):
        start = date.fromisoformat(r["start"])
        year, week, _ = start.isocalendar()
        out.append(PegWeek(f"{year}-W{week:02d}", start, r["score"], r["pain"], r["enjoyment"], r["activity"],
                           r["count"]))
    return out


def event_label(kind: str, procedure: str | None, site: str | None, level: str | None, t_score: float | None,
                dxa_site: str | None, vocab) -> str:
    """A short label for the timeline: ``Kyphoplasty mid back T8``, ``Fall``, ``DXA T -2.7 lumbar spine``."""
    if kind == "procedure" and procedure:
        words = [PROCEDURES.get(procedure, procedure)]
    elif kind == "dxa":
        words = ["DXA"] + ([f"T {numbers.t_score(t_score)}"] if t_score is not None else [])
        if dxa_site:
            words.append(DXA_SITES.get(dxa_site, dxa_site).lower())
    else:
        words = [SHORT_KINDS[kind]]
    if kind != "dxa":
        if site:
            words.append(vocab.name("location", site).lower())
        if level:
            words.append(level)
    return " ".join(words)


def events(person: ProfileDiary, period: Period, kinds: tuple[str, ...] | None = None) -> list[EventMark]:
    """Events of the period in time order, with a short label each."""
    vocab = person.vocabulary()
    return [EventMark(date.fromisoformat(r["day"]), r["kind"],
                      event_label(r["kind"], r["procedure"], r["site"], r["level"], r["t_score"], r["dxa_site"], vocab),
                      r["id"])
            for r in person.figures.event_marks(person.id, period.since, period.until, kinds)]
