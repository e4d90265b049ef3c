"""The records beside the pain entries: the check-in, events, questions for the doctor, and profiles.

Kept apart from ``records`` so that a quick log, which makes only entries, does not pay for defining
them (a dataclass costs about half a millisecond to define); import them from ``records`` as every
record: it hands them out from here on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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


@dataclass(frozen=True)
class Profile:
    """A person whose diary this is, as stored."""

    id: int
    name: str
    created_utc: str
