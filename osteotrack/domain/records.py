"""The records a diary holds: an entry, its sites and its therapies here (on ``record_base.Record``, which says
why); the check-in, events, questions and profiles, dataclasses, in ``more_records``.

Times are timezone-aware datetimes: the store keeps them in UTC together with
the offset they were entered in, and gives them back in that offset.
"""

from __future__ import annotations

from datetime import date, datetime

from osteotrack.domain.record_base import Record, field_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from osteotrack.domain.more_records import CheckIn as CheckIn
    from osteotrack.domain.more_records import Event as Event
    from osteotrack.domain.more_records import Profile as Profile
    from osteotrack.domain.more_records import Question as Question

_MORE = ("CheckIn", "Event", "Profile", "Question")  # defined in more_records, handed out here on first use


class Site(Record):
    """A place that hurts, with its own 0–10 intensity and optional vertebral level."""

    FIELDS = ("location", "intensity", "level")
    location: str
    intensity: int
    level: str | None

    def __init__(self, location: str, intensity: int, level: str | None = None) -> None:
        self.location = location
        self.intensity = intensity
        self.level = level


class TherapyUse(Record):
    """A therapy tried, with percent relief (0–100 in steps of 10) if known."""

    FIELDS = ("therapy", "relief", "medication", "dose")
    therapy: str
    relief: int | None
    medication: str | None
    dose: str | None

    def __init__(self, therapy: str, relief: int | None = None, medication: str | None = None,
                 dose: str | None = None) -> None:
        self.therapy = therapy
        self.relief = relief
        self.medication = medication
        self.dose = dose


class Entry(Record):
    """A moment of pain."""

    FIELDS = ("at", "pain", "sites", "qualities", "triggers", "therapies", "note", "for_doctor", "entered_by", "id")
    at: datetime
    pain: int
    sites: list[Site]
    qualities: list[str]
    triggers: list[str]
    therapies: list[TherapyUse]
    note: str
    for_doctor: bool
    entered_by: str | None  # None: the patient; else a caregiver's name
    id: str | None

    def __init__(self, at: datetime, pain: int, sites: list[Site] | None = None, qualities: list[str] | None = None,
                 triggers: list[str] | None = None, therapies: list[TherapyUse] | None = None, note: str = "",
                 for_doctor: bool = False, entered_by: str | None = None, id: str | None = None) -> None:
        self.at = at
        self.pain = pain
        self.sites = [] if sites is None else sites
        self.qualities = [] if qualities is None else qualities
        self.triggers = [] if triggers is None else triggers
        self.therapies = [] if therapies is None else therapies
        self.note = note
        self.for_doctor = for_doctor
        self.entered_by = entered_by
        self.id = id


def record_dict(record) -> dict:
    """A record as plain data (dates and datetimes as ISO text) for JSON and tables.

    What ``dataclasses.asdict`` gives, with dates as text, without its deep copy of every value:
    a record holds only text, numbers, dates and lists of those or of smaller records.
    """
    return {name: _plain(getattr(record, name)) for name in field_names(type(record))}


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


def __getattr__(name: str):
    if name in _MORE:
        from osteotrack.domain import more_records

        return getattr(more_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
