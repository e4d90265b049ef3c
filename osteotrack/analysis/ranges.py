"""Date ranges for trends: ``2w``, ``3m``, ``1y``, ``all`` or custom since/until.

A period is a pair of local days, both included. ``2w`` is the 14 days ending
on ``until`` (today unless given); ``3m`` runs from the day after the same date
three calendar months earlier (24 Aug → 24 Nov is 25 Aug–24 Nov, 92 days);
``1y`` likewise with twelve months; ``all`` starts on the day of the first
entry. Any count with ``d``, ``w``, ``m`` or ``y`` works (``10d``, ``6m``).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.when import EARLIEST_DAY, check_not_future, parse_day

RANGES = ("2w", "3m", "1y", "all")
DEFAULT_RANGE = "3m"
_SPAN = re.compile(r"^(\d{1,4})\s*([dwmy])$")
# A since or until day given as a date that lies in the future.
FUTURE_CODES = {"since": "since.future", "until": "until.future"}


@dataclass(frozen=True, slots=True)
class Period:
    """Local days ``since`` to ``until``, both included."""

    since: date
    until: date

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        end = self.since - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def label(self) -> str:
        """``7 Nov 2026 – 20 Nov 2026 (14 days)``."""
        from osteotrack.domain.dates import day
        from osteotrack.domain.numbers import count

        return f"{day(self.since)} – {day(self.until)} ({count(self.days, 'day')})"


def months_before(day: date, months: int) -> date:
    """The same date ``months`` calendar months earlier, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _as_day(value: date | str | None, field: str, today: date) -> date | None:
    if value is None or isinstance(value, date):
        return None if value is None else check_not_future(value, today, code=FUTURE_CODES[field], field=field)
    text = value.strip()
    if not text:
        return None
    return parse_day(text, today, field=field)


def resolve_range(range_: str | None = None, since: date | str | None = None, until: date | str | None = None,
                  *, today: date | None = None, first_day: date | None = None) -> Period:
    """The period meant by a range name or custom since/until; ValidationError if it makes no sense.

    ``first_day`` is the first day with an entry (for ``all``); ``until`` defaults
    to today. With neither a range nor ``since`` the range is ``3m``.
    """
    today = today or date.today()
    since_day = _as_day(since, "since", today)
    until_day = _as_day(until, "until", today) or today
    spec = None if range_ is None else " ".join(range_.strip().lower().split())
    if since_day is not None:
        if spec:
            raise ValidationError("range.and_since", field="since")
        if since_day > until_day:
            raise ValidationError("range.since_after_until", field="since", since=since_day, until=until_day)
        return Period(since_day, until_day)
    spec = spec or DEFAULT_RANGE
    if spec == "all":
        start = first_day if first_day is not None and first_day <= until_day else until_day
        return Period(start, until_day)
    match = _SPAN.match(spec)
    if not match or int(match[1]) == 0:
        raise ValidationError("range.unknown", field="range", range=range_)
    count, unit = int(match[1]), match[2]
    try:
        if unit == "d":
            start = until_day - timedelta(days=count - 1)
        elif unit == "w":
            start = until_day - timedelta(days=7 * count - 1)
        else:
            start = months_before(until_day, count * (12 if unit == "y" else 1)) + timedelta(days=1)
    except (ValueError, OverflowError):  # before year 1: far beyond any diary
        start = date.min
    if start < EARLIEST_DAY:
        if range_ is not None:
            raise ValidationError("range.too_early", field="range", range=range_)
        start = EARLIEST_DAY  # the default range, near 1900: from the first day a diary can hold
    return Period(start, until_day)


def first_entry_day(person) -> date | None:
    """The local day of a profile's first entry, or None when it has none."""
    return person.figures.first_day(person.id)


def period_for(person, range_: str | None = None, since: date | str | None = None,
               until: date | str | None = None, today: date | None = None) -> Period:
    """``resolve_range`` with ``all`` starting at this profile's first entry."""
    first = first_entry_day(person) if (range_ or "").strip().lower() == "all" else None
    return resolve_range(range_, since, until, today=today, first_day=first)


def diary_signature(person) -> tuple:
    """A cheap fingerprint of a profile's records, bone care included: it changes when any of them does."""
    return person.figures.signature(person.id)
