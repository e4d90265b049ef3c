"""The records a diary holds, as plain dataclasses (the check-in, events, questions and profiles in ``more_records``).

Times are timezone-aware datetimes: the store keeps them in UTC together with
the offset they were entered in, and gives them back in that offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from osteotrack.domain.more_records import CheckIn as CheckIn
    from osteotrack.domain.more_records import Event as Event
    from osteotrack.domain.more_records import Profile as Profile
    from osteotrack.domain.more_records import Question as Question

_MORE = ("CheckIn", "Event", "Profile", "Question")  # defined in more_records, handed out here on first use


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


def __getattr__(name: str):
    if name in _MORE:
        from osteotrack.domain import more_records

        return getattr(more_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
