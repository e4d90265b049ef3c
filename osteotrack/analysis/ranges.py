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
from osteotrack.domain.when import parse_day

RANGES = ("2w", "3m", "1y", "all")
DEFAULT_RANGE = "3m"
_SPAN = re.compile(r"^(\d{1,4})\s*([dwmy])$")
RANGE_HELP = "use 2w, 3m, 1y, all, or a number with d, w, m or y such as 10d or 6m"


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
        from osteotrack.domain.numbers import count

        return (f"{self.since.day} {self.since:%b %Y} – {self.until.day} {self.until:%b %Y} "
                f"({count(self.days, 'day')})")


def months_before(day: date, months: int) -> date:
    """The same date ``months`` calendar months earlier, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _as_day(value: date | str | None, what: str, today: date) -> date | None:
    if value is None or isinstance(value, date):
        if value is not None and value > today:
            raise ValidationError(f"The day {value} for {what} is in the future; only days up to today can be used.")
        return value
    text = value.strip()
    if not text:
        return None
    return parse_day(text, today)


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
            raise ValidationError("Give either a range or a since day, not both; a range already sets the first day.")
        if since_day > until_day:
            raise ValidationError(f"The since day ({since_day}) is after the until day ({until_day}); "
                                  "give the earlier day first.")
        return Period(since_day, until_day)
    spec = spec or DEFAULT_RANGE
    if spec == "all":
        start = first_day if first_day is not None and first_day <= until_day else until_day
        return Period(start, until_day)
    match = _SPAN.match(spec)
    if not match or int(match[1]) == 0:
        raise ValidationError(f"Unknown range '{range_}'; {RANGE_HELP}.")
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
    if start.year < 1900:
        raise ValidationError(f"The range '{range_}' reaches back before 1900; {RANGE_HELP}.")
    return Period(start, until_day)


def first_entry_day(diary, profile_id: int) -> date | None:
    """The local day of a profile's first entry, or None for an empty diary."""
    row = diary.conn.execute("SELECT min(local_day) FROM entries WHERE profile_id = ?", [profile_id]).fetchone()
    return None if row[0] is None else date.fromisoformat(row[0])


def period_for(diary, profile_id: int, range_: str | None = None, since: date | str | None = None,
               until: date | str | None = None, today: date | None = None) -> Period:
    """``resolve_range`` with ``all`` starting at this profile's first entry."""
    first = first_entry_day(diary, profile_id) if (range_ or "").strip().lower() == "all" else None
    return resolve_range(range_, since, until, today=today, first_day=first)


def diary_signature(diary, profile_id: int) -> tuple:
    """A cheap fingerprint of a profile's entries, check-ins and events: it changes when any of them does."""
    return diary.conn.execute(
        "SELECT (SELECT count(*) || max(updated_utc) FROM entries WHERE profile_id = ?),"
        " (SELECT count(*) || max(updated_utc) FROM checkins WHERE profile_id = ?),"
        " (SELECT count(*) || max(updated_utc) FROM events WHERE profile_id = ?)",
        [profile_id] * 3,
    ).fetchone()
