"""The records a diary holds, as plain dataclasses.

Times are timezone-aware datetimes: the store keeps them in UTC together with
the offset they were entered in, and gives them back in that offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Site:
    """A place that hurts, with its own 0–10 intensity and optional vertebral level."""

    location: str
    intensity: int
    level: str | None = None


@dataclass
class TherapyUse:
    """A therapy tried, with percent relief (0–100 in steps of 10) if known."""

    therapy: str
    relief: int | None = None
    medication: str | None = None
    dose: str | None = None


@dataclass
class Entry:
    """A moment of pain."""

    at: datetime
    pain: int
    sites: list[Site] = field(default_factory=list)
    qualities: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    therapies: list[TherapyUse] = field(default_factory=list)
    note: str = ""
    for_doctor: bool = False
    entered_by: str | None = None  # None: the patient; else a caregiver's name
    id: str | None = None


@dataclass
class CheckIn:
    """The optional check-in: the three PEG items (asked at most weekly, about the past week), and sleep and
    mood (asked daily), each 0–10.

    ``peg_week`` is True when the PEG items were asked about the past 7 days, as the PEG is validated; check-ins
    stored before that asked them about the day itself (False) and are shown, and exported, for what they were.
    """

    day: date
    peg_pain: int | None = None
    peg_enjoyment: int | None = None
    peg_activity: int | None = None
    sleep: int | None = None  # sleep quality, 0 very poor … 10 very good
    mood: int | None = None  # 0 very low … 10 very good
    note: str = ""
    id: str | None = None
    peg_week: bool = False

    @property
    def has_peg(self) -> bool:
        """Whether any of the three PEG items is answered."""
        return any(i is not None for i in (self.peg_pain, self.peg_enjoyment, self.peg_activity))

    @property
    def peg_score(self) -> float | None:
        """The PEG score: the mean of its three items, when all three are given."""
        items = (self.peg_pain, self.peg_enjoyment, self.peg_activity)
        if any(i is None for i in items):
            return None
        return sum(items) / 3  # type: ignore[arg-type]


@dataclass
class Event:
    """A fall, fracture, procedure, imaging, DXA result or appointment."""

    kind: str
    at: datetime
    site: str | None = None  # a location slug (fracture site)
    level: str | None = None  # vertebral level, e.g. T8
    procedure: str | None = None  # vertebroplasty / kyphoplasty / other
    t_score: float | None = None
    dxa_site: str | None = None
    note: str = ""
    id: str | None = None


@dataclass
class Question:
    """A question for the doctor, open until asked or answered."""

    text: str
    created: datetime
    status: str = "open"
    answer: str = ""
    id: str | None = None


def record_dict(record) -> dict:
    """A record as plain data (dates and datetimes as ISO text) for JSON and tables.

    What ``dataclasses.asdict`` gives, with dates as text, without its deep copy of every value:
    a record holds only text, numbers, dates and lists of those or of smaller records.
    """
    return {name: _plain(getattr(record, name)) for name in record.__dataclass_fields__}


_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    if type(value) in _AS_IS:  # most values: checked first, without isinstance's walk
        return value
    if isinstance(value, (date, datetime)):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return record_dict(value)
    return value
