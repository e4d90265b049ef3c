"""The figures trends are made of, as plain frozen dataclasses.

(With slots: ten years of days build 3,653 of them, and slots make that four times quicker.)

Every figure carries the count it rests on, and a mean is ``None`` when that
count is zero. Means are not rounded here: the views round for display (``domain.numbers``).
Nothing here says why pain changed; the figures only say what was logged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, overload

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.analysis.ranges import Period
from osteotrack.analysis.sessions import SessionSummary

if TYPE_CHECKING:
    from osteotrack.analysis.figures import DayRows


@dataclass(frozen=True, slots=True)
class DayPain:
    """One logged local day.

    ``rolling_mean`` is the mean of the daily means over the logged days among
    the 7 calendar days ending on ``day`` (``day`` and the 6 before it, inside
    the period); ``rolling_days`` is how many logged days (1–7) it rests on.
    Days without entries are skipped, not counted as zero.
    """

    day: date
    worst: int
    mean: float
    least: int
    entries: int
    rolling_mean: float
    rolling_days: int


def quick_maker(cls):
    """A quicker ``cls(*values)`` for a frozen dataclass with slots, for figures made a row a day or a week over
    decades: the same object, its fields set through the slots in their order, not through the frozen class's
    ``object.__setattr__`` a field (about twice as quick). Written out a field a line, as ``dataclass`` writes
    ``__init__``: a loop over the fields would cost most of what it saves."""
    names = [f.name for f in fields(cls)]
    setters = {f"set_{n}": getattr(cls, n).__set__ for n in names}
    body = "".join(f"    set_{n}(made, {n})\n" for n in names)
    source = f"def make({', '.join(names)}):\n    made = new(cls)\n{body}    return made\n"
    scope = {"new": object.__new__, "cls": cls, **setters}
    exec(source, scope)  # (the source is made of the class's own field names)
    return scope["make"]


day_pain = quick_maker(DayPain)


class DailyPain(Sequence[DayPain]):
    """The daily figure: a ``DayPain`` a logged day, oldest first.

    Kept as the columns the store gives (60 years are 21,000 days), the ``DayPain`` of every day made the first
    time any is asked for (then kept): ``trends()`` gives every figure at once, and a caller that shows the
    summary, the table of places or the medication has no use for them. Otherwise a list: its length, items,
    slices, iteration and equality with a list of the same days.
    """

    __slots__ = ("_columns", "_made")

    def __init__(self, days: Sequence[str], worst: Sequence[int], means: Sequence[float], least: Sequence[int],
                 entries: Sequence[int]) -> None:
        self._columns = (days, worst, means, least, entries)
        self._made: list[DayPain] | None = None

    def __len__(self) -> int:
        return len(self._columns[0])

    @overload
    def __getitem__(self, index: int) -> DayPain: ...

    @overload
    def __getitem__(self, index: slice) -> list[DayPain]: ...

    def __getitem__(self, index):
        return self._days()[index]

    def __iter__(self) -> Iterator[DayPain]:
        return iter(self._days())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DailyPain):
            # The days are made from the columns alone: the same columns, the same days (60 years: 21,000 days
            # compared a field at a time cost the Trends screen's `r` 20 ms to find the figures unchanged).
            return self._columns == other._columns or self._days() == other._days()
        if isinstance(other, (list, tuple)):
            return self._days() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (equal to a list, which has none)

    def __repr__(self) -> str:
        return f"DailyPain({self._days()!r})"

    def rows(self) -> Iterator[tuple[date, int, float, int, int, float, int]]:
        """Each day's fields in ``DayPain``'s order as a plain tuple, without making its ``DayPain`` (for a reader
        that wants a point a month of 21,000 days)."""
        return _rolling_rows(*self._columns)

    def columns(self) -> tuple[Sequence[str], Sequence[int], Sequence[float], Sequence[int], Sequence[int]]:
        """The days (ISO text, oldest first), their worst, mean and least pain and entries, as the store gave them:
        for a reader that groups the days (a chart of a point a month) without making a day of them."""
        return self._columns

    def rolling_at(self, index: int) -> float:
        """The 7-day rolling mean on the day at ``index``, as ``rows`` gives it: the mean of the daily means of the
        logged days among the 7 ending on it (the same sum, in the same order)."""
        days, means = self._columns[0], self._columns[2]
        parse = date.fromisoformat
        end = parse(days[index]).toordinal()
        first = index
        while first > 0 and parse(days[first - 1]).toordinal() > end - 7:
            first -= 1
        window = means[first:index + 1]
        return sum(window) / len(window)

    def made(self) -> bool:
        """Whether every day's ``DayPain`` is made already."""
        return self._made is not None

    def make_days(self) -> None:
        """Make every day's ``DayPain`` now (in a worker, so that drawing the days does not, on the UI thread)."""
        self._days()

    def _days(self) -> list[DayPain]:
        if self._made is None:
            self._made = _rolling(*self._columns)
        return self._made


def _rolling(days: Sequence[str], worst: Sequence[int], means: Sequence[float], least: Sequence[int],
             entries: Sequence[int]) -> list[DayPain]:
    """Each day's ``DayPain``."""
    make = day_pain
    return [make(*row) for row in _rolling_rows(days, worst, means, least, entries)]


def _rolling_rows(days: Sequence[str], worst: Sequence[int], means: Sequence[float], least: Sequence[int],
                  entries: Sequence[int]) -> Iterator[tuple[date, int, float, int, int, float, int]]:
    """Each day's fields in ``DayPain``'s order, with the mean of the daily means of the logged days among the 7
    ending on it (and how many they are)."""
    # The window is summed here, afresh each day over at most 7 means: SQLite's sliding RANGE frame keeps
    # a running total, which drifted (3.0595238095238373 where the mean is 3.0595238095238095).
    parse = date.fromisoformat
    ordinals: list[int] = []  # every day so far, as ordinals; the window is from ``first`` on
    first = 0
    for text, worst_, mean, least_, count in zip(days, worst, means, least, entries):
        day = parse(text)
        ordinal = day.toordinal()
        ordinals.append(ordinal)
        while ordinals[first] <= ordinal - 7:
            first += 1
        window = means[first:len(ordinals)]
        yield day, worst_, mean, least_, count, sum(window) / len(window), len(window)


@dataclass(frozen=True, slots=True)
class PainSummary:
    """Pain over a whole period: average daily pain (``mean``: the mean of each logged day's mean, see
    ``analysis.figures.MEAN_PAIN_DEFINITION``), the worst and the least entry, and the counts it rests on."""

    mean: float | None
    worst: int | None
    least: int | None
    entries: int
    days_logged: int
    days_in_range: int

    @property
    def coverage(self) -> float:
        """Days logged as a share (0–1) of the days in range."""
        return self.days_logged / self.days_in_range if self.days_in_range else 0.0


@dataclass(frozen=True, slots=True)
class Change:
    """A period against the previous period of equal length (``current - previous``)."""

    previous_period: Period
    current: PainSummary
    previous: PainSummary
    mean_difference: float | None  # of the two means as shown (one decimal); None unless both periods have entries
    relative_change: float | None  # percent, of the shown difference against the shown previous mean
    worst_difference: int | None
    days_logged_difference: int


@dataclass(frozen=True, slots=True)
class LocationStat:
    """Where it hurt: on how many of the days logged it hurt (intensity above 0), and its mean intensity.

    ``mean_intensity`` is over the ``hurt`` entries where it hurt (above 0; None if it never did); ``count`` is
    every entry naming the location, a 0 included.
    """

    location: str
    name: str
    days: int
    days_logged: int
    share_of_days: float
    mean_intensity: float | None
    hurt: int
    count: int


@dataclass(frozen=True, slots=True)
class TriggerStat:
    """Mean pain of entries that list a trigger, against entries that do not, with both counts."""

    trigger: str
    name: str
    present: int
    mean_present: float
    absent: int
    mean_absent: float | None


@dataclass(frozen=True, slots=True)
class TherapyStat:
    """How often a therapy was used and the mean of its relief ratings (0–100 %)."""

    therapy: str
    name: str
    group: str | None
    times_used: int
    mean_relief: float | None
    rated: int  # uses with a relief rating: what mean_relief rests on


@dataclass(frozen=True, slots=True)
class ReliefPoint:
    """Mean relief of one therapy in one week or month, starting on ``start``."""

    therapy: str
    start: date
    mean_relief: float
    rated: int


@dataclass(frozen=True, slots=True)
class MedicationRun:
    """A run of consecutive days a medication was used; ``began_before`` when its first day lies before the period
    (it is counted from that day, as the diary holds it)."""

    first: date
    last: date
    began_before: bool

    def text(self) -> str:
        """``20–24 Nov 2026`` (``dates.span``), or ``since 30 Oct (before the period) – 10 Nov 2026``."""
        from osteotrack.domain.dates import day, day_short, span
        from osteotrack.i18n import _

        if self.began_before:
            # TRANSLATORS: a run of days of medication that began before the period shown.
            return _("since {first} (before the period) – {last}").format(first=day_short(self.first),
                                                                        last=day(self.last))
        return span(self.first, self.last)


@dataclass(frozen=True, slots=True)
class MedicationStat:
    """Days a medication was used in the period, its uses, and its longest runs of consecutive days.

    ``longest_runs`` holds every run as long as the longest, oldest first (a run that reaches into the period
    from before counts its days before the period too). ``medicine`` is the name and dose as logged
    ("ibuprofen 400 mg") for one medicine, None for all pain medication of the kind (``therapy``).
    """

    therapy: str
    name: str
    days_used: int
    uses: int
    days_in_range: int
    longest_run: int
    longest_runs: list[MedicationRun]
    medicine: str | None = None

    def run_text(self) -> str:
        """The longest run in words: ``5 days (20–24 Nov 2026)``; ties listed, or counted past three."""
        from osteotrack.domain import numbers
        from osteotrack.domain.describe import joined

        if not self.longest_run:
            return numbers.NO_FIGURE
        length, runs = numbers.count(self.longest_run, "day"), self.longest_runs
        if len(runs) <= 3:
            return f"{length} ({joined(r.text() for r in runs)})"
        from osteotrack.i18n import _

        # TRANSLATORS: "5 days, 4 runs this long (latest 20 Nov – 24 Nov 2026)".
        return _("{length}, {runs} runs this long (latest {latest})").format(
            length=length, runs=numbers.whole(len(runs)), latest=runs[-1].text())


@dataclass(frozen=True, slots=True)
class MedicationUse:
    """Over-the-counter and prescription pain medication, kept apart, and each medicine by name and dose."""

    otc: MedicationStat
    prescription: MedicationStat
    medicines: list[MedicationStat] = field(default_factory=list)  # used in the period; OTC first, most days first


@dataclass(frozen=True, slots=True)
class PegWeek:
    """The PEG per ISO week: the mean of each complete check-in's PEG score (one a week since the PEG is asked
    about the past 7 days; several a week in diaries from before, which asked about each day).

    A check-in's PEG score is the mean of its three items (average pain,
    interference with enjoyment of life, with general activity); check-ins
    missing an item are left out.
    """

    week: str  # ISO week, e.g. 2026-W48
    start: date  # its Monday
    score: float
    pain: float
    enjoyment: float
    activity: float
    checkins: int
    daily: int = 0  # of the check-ins, those from before the weekly PEG, which asked about their own day


peg_week, relief_point = quick_maker(PegWeek), quick_maker(ReliefPoint)


@dataclass(frozen=True, slots=True)
class EventMark:
    """An event to draw on the timeline."""

    day: date
    kind: str
    label: str
    id: str


@dataclass(frozen=True, slots=True)
class PainFigures:
    """The figures of pain itself over one period, the part of ``Trends`` that the Trends screen's first tab
    shows (its summary line, pain chart and summary table): worked out first, so that the tab in sight is drawn
    before the figures of the others are."""

    profile: str
    period: Period
    summary: PainSummary
    change: Change
    daily: DailyPain
    events: list[EventMark]
    rows: DayRows = field(compare=False, repr=False)  # the days they were read from, for the figures that follow


@dataclass(frozen=True, slots=True)
class Trends:
    """Every trend figure of one profile over one period."""

    profile: str
    period: Period
    summary: PainSummary
    change: Change
    daily: DailyPain
    locations: list[LocationStat]
    triggers: list[TriggerStat]
    therapies: list[TherapyStat]
    relief_bucket: str  # "week" or "month": the step of relief_over_time
    relief_over_time: list[ReliefPoint]
    medication: MedicationUse
    peg_weeks: list[PegWeek]
    events: list[EventMark] = field(default_factory=list)
    sessions: list[SessionSummary] = field(default_factory=list)  # self-care sessions per therapy
    bone: BoneCareSummary | None = None  # bone care (issue 16): treatments, doses, height, falls, impression

    def to_dict(self) -> dict:
        """Plain data for JSON: dates as ISO text, means rounded to 3 decimals."""
        return plain(self)


def plain(value):
    """A result as JSON-ready data (dataclasses to dicts, periods with their length)."""
    if isinstance(value, Period):
        return {"since": value.since.isoformat(), "until": value.until.isoformat(), "days": value.days}
    if is_dataclass(value):
        out = {f.name: plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, PainSummary):
            from osteotrack.analysis.figures import MEAN_PAIN_DEFINITION

            out["coverage"] = round(value.coverage, 3)
            out["mean_is"] = MEAN_PAIN_DEFINITION
        if isinstance(value, SessionSummary):
            out.update(mean_before=round(value.mean_before, 3), mean_after=round(value.mean_after, 3),
                       mean_relief=round(value.mean_relief, 3))
        return out
    if isinstance(value, (list, tuple, DailyPain)):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


@dataclass(frozen=True, slots=True)
class ReliefDrop:
    """A therapy whose mean relief this week is lower than last week."""

    therapy: str
    name: str
    relief_before: float
    rated_before: int
    relief_now: float
    rated_now: int


@dataclass(frozen=True, slots=True)
class WhatChanged:
    """This week (the 7 days ending today) against the 7 days before, as plain data."""

    this_week: Period
    last_week: Period
    pain_now: PainSummary
    pain_before: PainSummary
    direction: str  # "up", "down", "same" (less than half a point apart) or "unknown" (a week without entries)
    new_locations: list[LocationStat]  # hurt this week, not last week
    falls_and_fractures: list[EventMark]
    days_without_entry: list[date]
    relief_dropped: list[ReliefDrop]
    sentences: list[str]

    def to_dict(self) -> dict:
        return plain(self)
