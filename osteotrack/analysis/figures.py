"""Each trend figure, aggregated in SQL over one profile and one period.

A day is the local day an entry was entered in (``entries.local_day``), so an
entry at 23:30 in Lisbon and one at 00:30 the next morning in Berlin fall on
the days their writers saw. Every function takes the ``ProfileDiary`` of one
person and a ``Period``, and reads the store's named queries (``person.figures``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import compress
from operator import sub, truediv
from typing import NamedTuple, TypeVar

from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import (
    Change,
    DailyPain,
    EventMark,
    LocationStat,
    MedicationRun,
    MedicationStat,
    MedicationUse,
    PainSummary,
    PegWeek,
    ReliefPoint,
    TherapyStat,
    TriggerStat,
    peg_week,
    relief_point,
)
from osteotrack.domain import numbers
from osteotrack.domain.describe import in_a_list
from osteotrack.domain.vocabulary import DXA_SITES, PROCEDURES, shown
from osteotrack.i18n import N_, _
from osteotrack.store.profile_diary import ProfileDiary

OTC, PRESCRIPTION = "otc-pain-medication", "prescription-pain-medication"

WEEK = timedelta(days=7)
_N = TypeVar("_N", int, float)
# Timeline labels are short: the chart has little room.
SHORT_KINDS = {
    "fall": N_("Fall"),
    "near-fall": N_("Near-fall"),
    "fracture": N_("Fracture"),
    "procedure": N_("Procedure"),
    "imaging": N_("Imaging"),
    "dxa": N_("DXA"),
    "appointment": N_("Appointment"),
}


# THE definition of the headline pain figure, used by every face (trends, report, overview, Today, JSON).
MEAN_PAIN_DEFINITION = N_("Average daily pain is the mean of each logged day's mean pain: a day with five entries "
                        "counts as much as a day with one.")
# Relative changes of pain that pain research reports against (IMMPACT: Dworkin et al., J Pain 2008;9:105-121):
# a fall of 30 % or more, and of 50 % or more. Stated as facts about the numbers, never as advice.
PAIN_FALL_BANDS = (30, 50)


def average_daily_pain(day_means: Sequence[float]) -> float | None:
    """The mean of the daily means (see ``MEAN_PAIN_DEFINITION``); None without a logged day."""
    return sum(day_means) / len(day_means) if day_means else None


class DayRows(NamedTuple):
    """A period's logged days from the store's per-day summary, as columns: each day (ISO text), its worst pain,
    mean pain, least pain, entries and their sum of pain."""

    days: Sequence[str]
    worst: Sequence[int]
    means: Sequence[float]
    least: Sequence[int]
    entries: Sequence[int]
    sums: Sequence[int]


def day_rows(person: ProfileDiary, period: Period) -> DayRows:
    days, worst, least, entries, sums = person.figures.daily_pain_columns(person.id, period.since, period.until)
    # A day's mean is its sum over its count, divided as SQLite's avg() divides: two doubles, the same quotient.
    return DayRows(days, worst, list(map(truediv, sums, entries)), least, entries, sums)


def daily_pain(person: ProfileDiary, period: Period, rows: DayRows | None = None) -> DailyPain:
    """Worst, mean and least pain and the entry count of each logged day, with the 7-day rolling mean."""
    rows = day_rows(person, period) if rows is None else rows
    return DailyPain(rows.days, rows.worst, rows.means, rows.least, rows.entries)


def summary_of(rows: DayRows, period: Period) -> PainSummary:
    """The period's pain from its per-day rows: average daily pain, worst, least, entries, days logged."""
    if not rows.days:
        return PainSummary(None, None, None, 0, 0, period.days)
    return PainSummary(average_daily_pain(rows.means), max(rows.worst), min(rows.least), sum(rows.entries),
                       len(rows.days), period.days)


def pain_summary(person: ProfileDiary, period: Period) -> PainSummary:
    """Average daily pain (the mean of daily means), worst and least pain, entries and days logged."""
    return summary_of(day_rows(person, period), period)


def change(person: ProfileDiary, period: Period, current: PainSummary | None = None) -> Change:
    """The period against the previous period of equal length, each difference that of the values as shown."""
    current = current or pain_summary(person, period)
    before = period.previous()
    previous = pain_summary(person, before)
    both = current.entries and previous.entries
    shown = numbers.change(current.mean, previous.mean) if both else None
    base = numbers.rounded(previous.mean) if both and previous.mean is not None else None
    return Change(
        previous_period=before, current=current, previous=previous,
        mean_difference=None if shown is None else float(shown),
        # Relative to the previous value as shown: 4.9 against 5.8 is -0.9 / 5.8 = -15.5 %.
        relative_change=None if shown is None or not base else float(shown / base * 100),
        worst_difference=_minus(current.worst, previous.worst) if both else None,
        days_logged_difference=current.days_logged - previous.days_logged,
    )


def _minus(a: _N | None, b: _N | None) -> _N | None:
    """``a - b``, or None when either is missing (a period without entries has no mean)."""
    return None if a is None or b is None else a - b


def fall_band_text(relative: float | None) -> str:
    """A relative change of average daily pain against the bands pain research uses, as a fact about the numbers."""
    if relative is None:
        return ""
    low, high = PAIN_FALL_BANDS
    size = numbers.rounded(abs(relative), 0)
    if relative >= 0 and size:
        said = _("Pain research reports falls in average pain of {low} or more and of {high} or more; this is a rise "
                 "of {change}.")
    elif relative >= 0:
        said = _("Pain research reports falls in average pain of {low} or more and of {high} or more; this is no "
                 "change.")
    elif size >= high:
        said = _("Pain research reports falls in average pain of {low} or more and of {high} or more; this is a fall "
                 "of {change}, {high} or more.")
    elif size >= low:
        said = _("Pain research reports falls in average pain of {low} or more and of {high} or more; this is a fall "
                 "of {change}, {low} or more but less than {high}.")
    else:
        said = _("Pain research reports falls in average pain of {low} or more and of {high} or more; this is a fall "
                 "of {change}, less than {low}.")
    return said.format(low=numbers.percent(low), high=numbers.percent(high), change=numbers.percent(size))


def locations(person: ProfileDiary, period: Period, days_logged: int | None = None) -> list[LocationStat]:
    """Per location: days it hurt (intensity above 0) and their share of days logged; the mean intensity of the
    entries where it hurt, and how many those are."""
    if days_logged is None:
        days_logged = pain_summary(person, period).days_logged
    vocab = person.vocabulary()
    rows = person.figures.locations(person.id, period.since, period.until)
    return [LocationStat(r["location"], vocab.display("location", r["location"]), r["days"], days_logged,
                         r["days"] / days_logged, r["mean"], r["hurt"], r["count"])
            for r in rows]


def triggers(person: ProfileDiary, period: Period, rows: DayRows | None = None) -> list[TriggerStat]:
    """Per trigger: entries listing it and their mean pain, against all other entries in range; most often first.

    (A comparison of entries, not days: an entry lists its activities.)
    """
    rows = day_rows(person, period) if rows is None else rows
    entries, pain_sum = sum(rows.entries), sum(rows.sums)
    vocab = person.vocabulary()
    out = []
    for r in person.figures.triggers(person.id, period.since, period.until):
        slug, present, present_sum = r["slug"], r["count"], r["pain_sum"]
        absent = entries - present
        out.append(TriggerStat(slug, vocab.display("trigger", slug), present, present_sum / present, absent,
                               (pain_sum - present_sum) / absent if absent else None))
    return out


def therapies(person: ProfileDiary, period: Period) -> list[TherapyStat]:
    """Per therapy: times used, mean relief and the number of rated uses; most used first."""
    vocab = person.vocabulary()
    terms = vocab.terms["therapy"]
    return [TherapyStat(r["therapy"], vocab.display("therapy", r["therapy"]),
                        getattr(terms.get(r["therapy"]), "group", None),
                        r["count"], r["mean_relief"], r["rated"])
            for r in person.figures.therapies(person.id, period.since, period.until)]


def relief_bucket(period: Period) -> str:
    """Weeks for ranges up to about four months, months beyond: a chart of either stays readable."""
    return "week" if period.days <= 124 else "month"


def relief_over_time(person: ProfileDiary, period: Period, bucket: str | None = None) -> list[ReliefPoint]:
    """Mean relief of each therapy per week (from Monday) or per calendar month, rated uses only."""
    rows = person.figures.relief(person.id, period.since, period.until, bucket or relief_bucket(period))
    parse = date.fromisoformat
    return [relief_point(r["therapy"], parse(r["start"]), r["mean_relief"], r["count"]) for r in rows]


def _days_and_uses(days: str, uses: str) -> tuple[list[int], list[int]]:
    """A medicine's days (as ordinals, oldest first) and its uses on each, from the store's comma-separated text."""
    ordinals, counts = list(map(int, days.split(","))), list(map(int, uses.split(",")))
    if sorted(ordinals) != ordinals:  # (SQLite gives them in order; should it not, they are put in order)
        ordinals, counts = map(list, zip(*sorted(zip(ordinals, counts))))
    return ordinals, counts


def _merged(parts: list[tuple[list[int], list[int]]]) -> tuple[list[int], list[int]]:
    """Several medicines' days and uses as one: the days of any, the uses of all on each."""
    if len(parts) == 1:
        return parts[0]
    total: dict[int, int] = {}
    for ordinals, counts in parts:
        both = total.keys() & ordinals  # days already counted: their uses added up, the rest taken as they are
        more = dict(zip(ordinals, counts))
        for day in both:
            more[day] += total[day]
        total.update(more)
    ordinals = sorted(total)
    return ordinals, list(map(total.__getitem__, ordinals))


def _medication_stat(therapy: str, name: str, medicine: str | None, days: tuple[list[int], list[int]],
                     period: Period) -> MedicationStat:
    """Days used and uses in the period, and every longest run of consecutive days that reaches into it
    (``days``: the days used as ordinals, oldest first, none after the period, and the uses on each)."""
    ordinals, counts = days
    start = period.since.toordinal()
    inside = bisect_left(ordinals, start)  # the first day in the period
    # Runs that reach into the period: from the run holding its first day used (which may begin before it) on.
    begin = inside
    while 0 < begin < len(ordinals) and ordinals[begin - 1] == ordinals[begin] - 1:
        begin -= 1
    tail = ordinals[begin:]
    # A run ends where the next day is not the day after (the steps between days, worked out in C: decades of
    # days are thousands of runs).
    breaks = list(compress(range(1, len(tail)), map((1).__ne__, map(sub, tail[1:], tail))))
    firsts = [tail[0], *map(tail.__getitem__, breaks)] if tail else []
    lasts = [*map(tail.__getitem__, map((-1).__add__, breaks)), tail[-1]] if tail else []
    lengths = list(map(sub, lasts, firsts))  # one less than each run's days
    longest = max(lengths, default=-1) + 1
    return MedicationStat(
        therapy, name, len(ordinals) - inside, sum(counts[inside:]), period.days, longest,
        [MedicationRun(date.fromordinal(firsts[k]), date.fromordinal(lasts[k]), firsts[k] < start)
         for k in compress(range(len(lengths)), map((longest - 1).__eq__, lengths))],
        medicine,
    )


def medicine_name(medication: str | None, dose: str | None) -> str:
    """A medicine as the diary holds it: ``ibuprofen 400 mg``; the words for one logged without a name."""
    return " ".join(p for p in (medication, dose) if p) or _("name not given")


def medication_use(person: ProfileDiary, period: Period) -> MedicationUse:
    """Over-the-counter and prescription pain medication, and each medicine by name and dose: days used, uses,
    and the longest runs of consecutive days (every one as long; one that began before the period is counted from
    its first day)."""
    vocab = person.vocabulary()
    kinds: dict[str, list] = {OTC: [], PRESCRIPTION: []}
    # Medicines as stored (by name and dose) merged by the name shown; with the first day, name and dose of
    # each, so that names equal but for case keep the order of their first use.
    medicines: dict[tuple[str, str], list] = {}
    for therapy, medication, dose, days, uses in person.figures.medication_days(person.id, period.until,
                                                                                (OTC, PRESCRIPTION)):
        logged = _days_and_uses(days, uses)
        kinds[therapy].append(logged)
        medicines.setdefault((therapy, medicine_name(medication, dose)), []).append(
            ((logged[0][0], medication, dose), logged))
    named = [(min(first for first, _days in parts),
              _medication_stat(therapy, vocab.display("therapy", therapy), medicine,
                               _merged([d for _first, d in parts]), period))
             for (therapy, medicine), parts in medicines.items()]
    no_days: tuple[list[int], list[int]] = ([], [])
    return MedicationUse(
        _medication_stat(OTC, vocab.display("therapy", OTC), None, _merged(kinds[OTC] or [no_days]), period),
        _medication_stat(PRESCRIPTION, vocab.display("therapy", PRESCRIPTION), None,
                         _merged(kinds[PRESCRIPTION] or [no_days]), period),
        [m for _first, m in sorted(((first, m) for first, m in named if m.days_used),
                                   key=lambda fm: (fm[1].therapy != OTC, -fm[1].days_used,
                                                   (fm[1].medicine or "").lower(), fm[0]))],
    )


def peg_weeks(person: ProfileDiary, period: Period) -> list[PegWeek]:
    """The PEG per ISO week, from check-ins with all three items."""
    out = []
    for start, score, pain, enjoyment, activity, count, daily in person.figures.peg_weeks(person.id, period.since,
                                                                                         period.until):
        monday = date.fromisoformat(start)
        year, week, _ = monday.isocalendar()
        out.append(peg_week(f"{year}-W{week:02d}", monday, score, pain, enjoyment, activity, count, daily))
    return out


def event_label(kind: str, procedure: str | None, site: str | None, level: str | None, t_score: float | None,
                dxa_site: str | None, vocab) -> str:
    """A short label for the timeline: ``Kyphoplasty mid back T8``, ``Fall``, ``DXA T -2.7 lumbar spine``."""
    if kind == "procedure" and procedure:
        words = [shown(PROCEDURES, procedure)]
    elif kind == "dxa":
        words = [_("DXA")] + ([f"T {numbers.t_score(t_score)}"] if t_score is not None else [])
        if dxa_site:
            words.append(in_a_list(shown(DXA_SITES, dxa_site)))
    else:
        words = [_(SHORT_KINDS[kind])]
    if kind != "dxa":
        if site:
            words.append(in_a_list(vocab.display("location", site)))
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
