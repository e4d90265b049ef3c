"""Reading the times patients type: ISO date-times and everyday forms.

``yesterday 19:00``, ``today 8:30``, ``yesterday evening``, ``last night``,
``monday 9:00``, ``2h ago``, ``45 min ago``, ``7pm`` (today), ``2026-11-23T19:00+01:00``.
Times without an offset are local. A time in the future is refused, except where the
caller allows it (an appointment: ``tomorrow 10:30``, ``in 3 days``, ``2026-12-03 9:00``).

One accepted range for every time and day: from 1 January 1900 to now (``EARLIEST``,
``EARLIEST_DAY``, ``check_not_future``). A local time that does not exist on its day
(the hour skipped when clocks go forward) or that happens twice (the hour repeated
when they go back) is refused with a sentence saying how to write it unambiguously.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import TypeVar

from osteotrack.domain.errors import ValidationError

PARTS_OF_DAY = {
    "morning": time(8, 0),
    "noon": time(12, 0),
    "midday": time(12, 0),
    "afternoon": time(15, 0),
    "evening": time(19, 0),
    "night": time(22, 0),
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS = {"m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
         "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
         "d": 86400, "day": 86400, "days": 86400}

_AGO = re.compile(r"^(\d+)\s*([a-z]+)\s+ago$")
# More digits than this before 'ago' reach before 1900 in any unit (10**8 minutes is 190 years).
_AGO_DIGITS = 8
_IN = re.compile(r"^in\s+(\d+)\s*([a-z]+)$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
# Allow a minute of clock skew between the machine that logs and the one that reads.
FUTURE_GRACE = timedelta(minutes=1)
# Earlier times are typing mistakes, and year-1 times cannot even be turned into UTC.
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
EARLIEST_DAY = EARLIEST.date()


_Day = TypeVar("_Day", date, datetime)  # a day, or a moment (a datetime is a date too)

def now_local() -> datetime:
    """The current time, aware, in the machine's local offset."""
    return datetime.now().astimezone()


def check_not_future(value: _Day, now: date | None = None, *, code: str, field: str, **params) -> _Day:
    """``value`` unchanged if it is not in the future, else ValidationError ``code`` about ``field``.

    The one rule for every time and day the diary takes. A moment (a datetime) may be
    up to ``FUTURE_GRACE`` after ``now`` (clock skew between two machines); a day (a
    date) may be today at the latest. ``now`` defaults to the present; the error's
    parameters are ``params`` plus ``moment`` or ``day``, the value refused. A day
    before ``EARLIEST_DAY`` is refused too (``day.too_early``), as every record and
    range starts in 1900 at the earliest.
    """
    if isinstance(value, datetime):
        latest = (now if isinstance(now, datetime) else now_local()) + FUTURE_GRACE
        if value > latest:
            raise ValidationError(code, field=field, moment=value, **params)
        return value
    today = now.date() if isinstance(now, datetime) else now or now_local().date()
    if value < EARLIEST_DAY:
        raise ValidationError("day.too_early", field=field, text=value.isoformat())
    if value > today:
        raise ValidationError(code, field=field, day=value, **params)
    return value


def _clock(text: str) -> time | None:
    if text in PARTS_OF_DAY:
        return PARTS_OF_DAY[text]
    m = _CLOCK.match(text)
    if not m:
        return None
    hour, minute, ampm = int(m[1]), int(m[2] or 0), m[3]
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_when(text: str, now: datetime | None = None, field: str = "at", future: bool = False) -> datetime:
    """Read ``text`` as an aware datetime; refuse it (a ValidationError about ``field``) with a clear sentence.

    A time without an offset is local: the machine's rules (daylight saving included)
    when ``now`` is in the machine's own offset or not given, else ``now``'s zone.
    ``future``: a time to come is read too (an appointment); else it is refused.
    """
    if now is None:
        now = now_local()
    raw = shown(text)
    text = " ".join(text.strip().lower().split())

    def localize(naive: datetime) -> datetime:
        return _localize(naive, now, field, raw)

    try:
        result = _parse(text, now, localize)
    except (OverflowError, _TooEarly):  # '999999 days ago', year 1 or 1899: before any diary
        raise ValidationError("when.too_early", field=field, text=raw) from None
    if result is None:
        raise ValidationError("when.unreadable", field=field, text=raw)
    if result < EARLIEST or result.year < EARLIEST.year:
        raise ValidationError("when.too_early", field=field, text=raw)
    if future:
        return result
    return check_not_future(result, now, code="when.future", field=field, text=raw)


def shown(text: str, limit: int = 40) -> str:
    """``text`` as a sentence quotes it: its beginning only when it is long (a 5,000-digit number)."""
    return text if len(text) <= limit else text[:limit] + "…"


class _TooEarly(Exception):
    """A time read before 1900, which cannot even be placed in a local zone (year 1 minus an offset)."""


def _localize(naive: datetime, now: datetime, field: str, raw: str) -> datetime:
    """``naive`` (a local wall-clock time) made aware; refused if the clocks skip it or pass it twice."""
    if naive.year < EARLIEST.year:
        raise _TooEarly
    if now.utcoffset() != now.astimezone().utcoffset():  # a zone of its own (a test's fixed clock)
        return naive.replace(tzinfo=now.tzinfo)
    first, second = naive.replace(fold=0).astimezone(), naive.replace(fold=1).astimezone()
    if first.utcoffset() == second.utcoffset():
        return first
    day, clock = naive.date().isoformat(), naive.strftime("%H:%M")
    if first.replace(tzinfo=None) != naive:  # the hour skipped when the clocks go forward
        raise ValidationError("when.skipped", field=field, text=raw, day=day, clock=clock,
                              before=_offset_text(first))
    raise ValidationError("when.twice", field=field, text=raw, day=day, clock=clock,
                          first=_offset_text(first), second=_offset_text(second))


def _offset_text(moment: datetime) -> str:
    minutes = offset_minutes(moment)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _parse(text: str, now: datetime, localize) -> datetime | None:
    if text in ("now", "just now"):
        return now
    m = _AGO.match(text)
    if m:
        if len(m[1]) > _AGO_DIGITS:
            raise _TooEarly
        unit = UNITS.get(m[2])
        return None if unit is None else now - timedelta(seconds=int(m[1]) * unit)
    m = _IN.match(text)
    if m:
        unit = UNITS.get(m[2])
        return None if unit is None else now + timedelta(seconds=int(m[1]) * unit)
    if text == "last night":
        text = "yesterday night"
    if text.startswith("this "):
        text = "today " + text[5:]
    words = text.split(" ", 1)
    day: date | None = None
    if words[0] == "today":
        day = now.date()
    elif words[0] == "yesterday":
        day = now.date() - timedelta(days=1)
    elif words[0] == "tomorrow":
        day = now.date() + timedelta(days=1)
    elif words[0] in WEEKDAYS:
        back = (now.weekday() - WEEKDAYS.index(words[0])) % 7
        day = now.date() - timedelta(days=back)
    if day is not None:
        clock = _clock(words[1]) if len(words) > 1 else time(12, 0) if day != now.date() else None
        if clock is None:
            return now if len(words) == 1 else None
        return localize(datetime.combine(day, clock))
    if ":" in text or text.endswith(("am", "pm")) or text in PARTS_OF_DAY:
        clock = _clock(text)  # a time of day alone ('7pm', '8:30', 'evening') means today
        if clock is not None:
            return localize(datetime.combine(now.date(), clock))
    return _iso(text, localize)


def _iso(text: str, localize) -> datetime | None:
    candidate = text.upper().replace("Z", "+00:00")
    try:
        if len(candidate) == 10:
            parsed = datetime.combine(date.fromisoformat(candidate), time(12, 0))
        else:
            parsed = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    return localize(parsed) if parsed.tzinfo is None else parsed


def parse_day(text: str, today: date | None = None, field: str = "day") -> date:
    """Read a calendar day: ISO ``2026-11-23``, ``today``, ``yesterday`` or a weekday; not after today."""
    today = today or date.today()
    t = text.strip().lower()
    if t == "today":
        return today
    if t == "yesterday":
        return today - timedelta(days=1)
    if t in WEEKDAYS:
        return today - timedelta(days=(today.weekday() - WEEKDAYS.index(t)) % 7)
    m = _AGO.match(t)
    try:
        if m and m[2] in ("d", "day", "days"):
            if len(m[1]) > _AGO_DIGITS:
                raise OverflowError
            return check_not_future(today - timedelta(days=int(m[1])), today, code="day.future", field=field)
        day = date.fromisoformat(t)
    except OverflowError:  # '99999999 days ago': long before 1900
        raise ValidationError("day.too_early", field=field, text=shown(text)) from None
    except ValueError:
        raise ValidationError("day.unreadable", field=field, text=shown(text)) from None
    return check_not_future(day, today, code="day.future", field=field)


def to_utc_text(moment: datetime) -> str:
    """The storage form of an aware datetime: UTC, ISO, seconds, 'Z'."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


_ZONES: dict[int, timezone] = {}


def from_storage(utc_text: str, offset_min: int) -> datetime:
    """Rebuild the aware datetime in the offset it was entered in."""
    # The store writes exactly "YYYY-MM-DDTHH:MM:SSZ" (to_utc_text); that shape is read without strptime,
    # which costs several times more. Anything else goes through strptime and its error.
    if len(utc_text) == 20 and utc_text[10] == "T" and utc_text[19] == "Z":
        utc = datetime.fromisoformat(utc_text[:19]).replace(tzinfo=timezone.utc)
    else:
        utc = datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    zone = _ZONES.get(offset_min)
    if zone is None:
        zone = _ZONES[offset_min] = timezone(timedelta(minutes=offset_min))
    return utc.astimezone(zone)
