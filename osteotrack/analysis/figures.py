"""Each trend figure, aggregated in SQL over one profile and one period.

A day is the local day an entry was entered in (``entries.local_day``), so an
entry at 23:30 in Lisbon and one at 00:30 the next morning in Berlin fall on
the days their writers saw. Every function takes an open ``Diary`` (it reads
through ``diary.conn``), a profile id and a ``Period``.
"""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta

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

OTC, PRESCRIPTION = "otc-pain-medication", "prescription-pain-medication"

WEEK = timedelta(days=7)
# The entries of one profile in one period; every query below starts from it.
IN_RANGE = "e.profile_id = ? AND e.local_day BETWEEN ? AND ?"
# Timeline labels are short: the chart has little room.
SHORT_KINDS = {"fall": "Fall", "fracture": "Fracture", "procedure": "Procedure", "imaging": "Imaging",
               "dxa": "DXA", "appointment": "Appointment"}
# The Monday of a day's ISO week: 'weekday 0' moves to the Sunday ending it.
MONDAY = "date({day}, 'weekday 0', '-6 days')"


def _params(profile_id: int, period: Period) -> list:
    return [profile_id, period.since.isoformat(), period.until.isoformat()]


def _items(table: str, select: str, tail: str = "") -> str:
    """SQL selecting over one child table (sites, triggers, therapies; alias ``x``) of the period's entries."""
    return f"SELECT {select} FROM {table} x JOIN entries e ON e.id = x.entry_id WHERE {IN_RANGE} {tail}"


def daily_pain(diary, profile_id: int, period: Period) -> list[DayPain]:
    """Worst, mean and least pain and the entry count of each logged day, with the 7-day rolling mean."""
    rows = diary.conn.execute(
        "SELECT e.local_day, max(e.pain), avg(e.pain), min(e.pain), count(*)"
        f" FROM entries e WHERE {IN_RANGE} GROUP BY e.local_day ORDER BY e.local_day",
        _params(profile_id, period),
    )
    # The window is summed here, afresh each day over at most 7 means: SQLite's sliding RANGE frame keeps
    # a running total, which drifted (3.0595238095238373 where the mean is 3.0595238095238095).
    out: list[DayPain] = []
    days: deque[date] = deque()
    means: deque[float] = deque()
    for text, worst, mean, least, entries in rows:
        day = date.fromisoformat(text)
        days.append(day)
        means.append(mean)
        while days[0] <= day - WEEK:
            days.popleft()
            means.popleft()
        out.append(DayPain(day, worst, mean, least, entries, sum(means) / len(means), len(means)))
    return out


def pain_totals(diary, profile_id: int, period: Period) -> tuple:
    """(mean, worst, least, entries, days logged, sum of pain) of the period's entries, in one query."""
    return diary.conn.execute(
        "SELECT avg(e.pain), max(e.pain), min(e.pain), count(*), count(DISTINCT e.local_day), sum(e.pain)"
        f" FROM entries e WHERE {IN_RANGE}", _params(profile_id, period),
    ).fetchone()


def pain_summary(diary, profile_id: int, period: Period) -> PainSummary:
    """Mean (of all entries), worst and least pain, entries, and days logged of days in range."""
    mean, worst, least, entries, days, _ = pain_totals(diary, profile_id, period)
    return PainSummary(mean, worst, least, entries, days, period.days)


def change(diary, profile_id: int, period: Period, current: PainSummary | None = None) -> Change:
    """The period against the previous period of equal length."""
    current = current or pain_summary(diary, profile_id, period)
    before = period.previous()
    previous = pain_summary(diary, profile_id, before)
    both = current.entries and previous.entries
    return Change(
        previous_period=before, current=current, previous=previous,
        mean_difference=current.mean - previous.mean if both else None,
        worst_difference=current.worst - previous.worst if both else None,
        days_logged_difference=current.days_logged - previous.days_logged,
    )


def locations(diary, profile_id: int, period: Period, days_logged: int | None = None) -> list[LocationStat]:
    """Per location: days it hurt (intensity above 0) and their share of days logged, mean intensity, count."""
    if days_logged is None:
        days_logged = pain_summary(diary, profile_id, period).days_logged
    vocab = diary.vocabulary()
    rows = diary.conn.execute(
        _items("entry_sites", "x.location, count(DISTINCT CASE WHEN x.intensity > 0 THEN e.local_day END) AS days,"
               " avg(x.intensity), count(*)",
               "GROUP BY x.location ORDER BY days DESC, x.location"), _params(profile_id, period))
    return [LocationStat(r[0], vocab.name("location", r[0]), r[1], days_logged, r[1] / days_logged, r[2], r[3])
            for r in rows]


def triggers(diary, profile_id: int, period: Period, totals: tuple | None = None) -> list[TriggerStat]:
    """Per trigger: entries listing it and their mean pain, against all other entries in range; most often first."""
    _, _, _, entries, _, pain_sum = totals or pain_totals(diary, profile_id, period)
    vocab = diary.vocabulary()
    rows = diary.conn.execute(
        _items("entry_triggers", "x.slug, count(*) AS n, sum(e.pain)", "GROUP BY x.slug ORDER BY n DESC, x.slug"),
        _params(profile_id, period))
    out = []
    for slug, present, present_sum in rows:
        absent = entries - present
        out.append(TriggerStat(slug, vocab.name("trigger", slug), present, present_sum / present, absent,
                               (pain_sum - present_sum) / absent if absent else None))
    return out


def therapies(diary, profile_id: int, period: Period) -> list[TherapyStat]:
    """Per therapy: times used, mean relief and the number of rated uses; most used first."""
    vocab = diary.vocabulary()
    rows = diary.conn.execute(
        _items("entry_therapies", "x.therapy, count(*) AS n, avg(x.relief), count(x.relief)",
               "GROUP BY x.therapy ORDER BY n DESC, x.therapy"), _params(profile_id, period))
    terms = vocab.terms["therapy"]
    return [TherapyStat(r[0], vocab.name("therapy", r[0]), getattr(terms.get(r[0]), "group", None), r[1], r[2], r[3])
            for r in rows]


def relief_bucket(period: Period) -> str:
    """Weeks for ranges up to about four months, months beyond: a chart of either stays readable."""
    return "week" if period.days <= 124 else "month"


def relief_over_time(diary, profile_id: int, period: Period, bucket: str | None = None) -> list[ReliefPoint]:
    """Mean relief of each therapy per week (from Monday) or per calendar month, rated uses only."""
    bucket = bucket or relief_bucket(period)
    if bucket not in ("week", "month"):
        raise ValueError(bucket)
    start = MONDAY.format(day="e.local_day") if bucket == "week" else "substr(e.local_day, 1, 7) || '-01'"
    rows = diary.conn.execute(
        _items("entry_therapies", f"x.therapy, {start} AS start, avg(x.relief), count(*)",
               "AND x.relief IS NOT NULL GROUP BY x.therapy, start ORDER BY x.therapy, start"),
        _params(profile_id, period))
    return [ReliefPoint(r[0], date.fromisoformat(r[1]), r[2], r[3]) for r in rows]


def medication_use(diary, profile_id: int, period: Period) -> MedicationUse:
    """Days used and the longest run of consecutive days, for OTC and prescription pain medication."""
    # Gaps and islands: on consecutive days, day number minus row number stays constant.
    used = _items("entry_therapies", "x.therapy, e.local_day AS day, count(*) AS uses",
                  "AND x.therapy IN (?, ?) GROUP BY x.therapy, e.local_day")
    rows = diary.conn.execute(
        f"WITH used AS ({used}), runs AS (SELECT therapy, day, uses,"
        " julianday(day) - row_number() OVER (PARTITION BY therapy ORDER BY day) AS island FROM used)"
        " SELECT therapy, count(*), sum(uses), min(day), max(day) FROM runs GROUP BY therapy, island",
        [*_params(profile_id, period), OTC, PRESCRIPTION],
    ).fetchall()
    vocab = diary.vocabulary()

    def stat(therapy: str) -> MedicationStat:
        runs = [r for r in rows if r[0] == therapy]
        longest = max(runs, key=lambda r: (r[1], r[4]), default=None)
        return MedicationStat(
            therapy, vocab.name("therapy", therapy), sum(r[1] for r in runs), sum(r[2] for r in runs), period.days,
            longest[1] if longest else 0,
            date.fromisoformat(longest[3]) if longest else None, date.fromisoformat(longest[4]) if longest else None,
        )

    return MedicationUse(stat(OTC), stat(PRESCRIPTION))


def peg_weeks(diary, profile_id: int, period: Period) -> list[PegWeek]:
    """The PEG score per ISO week, from check-ins with all three items."""
    rows = diary.conn.execute(
        f"SELECT {MONDAY.format(day='c.day')} AS start,"
        " avg((c.peg_pain + c.peg_enjoyment + c.peg_activity) / 3.0),"
        " avg(c.peg_pain), avg(c.peg_enjoyment), avg(c.peg_activity), count(*)"
        " FROM checkins c WHERE c.profile_id = ? AND c.day BETWEEN ? AND ?"
        " AND c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL"
        " GROUP BY start ORDER BY start",
        _params(profile_id, period),
    )
    out = []
    for r in rows:
        start = date.fromisoformat(r[0])
        year, week, _ = start.isocalendar()
        out.append(PegWeek(f"{year}-W{week:02d}", start, r[1], r[2], r[3], r[4], r[5]))
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


def events(diary, profile_id: int, period: Period, kinds: tuple[str, ...] | None = None) -> list[EventMark]:
    """Events of the period in time order, with a short label each."""
    vocab = diary.vocabulary()
    sql = ("SELECT v.local_day, v.kind, v.procedure, v.site, v.level, v.t_score, v.dxa_site, v.id FROM events v"
           " WHERE v.profile_id = ? AND v.local_day BETWEEN ? AND ?")
    params = _params(profile_id, period)
    if kinds:
        sql += f" AND v.kind IN ({','.join('?' * len(kinds))})"
        params += list(kinds)
    rows = diary.conn.execute(sql + " ORDER BY v.at_utc, v.rowid", params)
    return [EventMark(date.fromisoformat(r[0]), r[1], event_label(r[1], r[2], r[3], r[4], r[5], r[6], vocab), r[7])
            for r in rows]
