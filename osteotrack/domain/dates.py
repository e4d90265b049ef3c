"""Days and times as people read them, in the language in force: the one place dates become words.

Every day, moment and span the command line, the app and the report show goes through here,
so that a date reads the same everywhere and in each shipped language as that language
writes it (CLDR's abbreviated month and weekday names and its order; checked against Babel's
CLDR data in tests/unit/test_dates.py)::

    day(date(2026, 12, 1))            # 1 Dec 2026 · 1 dic 2026 · 1. Dez. 2026 · 1 déc. 2026
    day_short(...)                    # 1 Dec · 1 dic · 1. Dez. · 1 déc.
    weekday_day(...)                  # Tue 1 Dec · mar 1 dic · Di., 1. Dez. · mar. 1 déc.
    weekday_day_year(...)             # Tue 1 Dec 2026 · …
    moment(datetime(2026, 12, 1, 19)) # Tue 1 Dec 2026 19:00 · mar 1 dic 2026, 19:00 · …
    clock(...)                        # 19:00 (every shipped language writes 24 hours)
    month(...)                        # Dec 2026 · dic 2026 · Dez. 2026 · déc. 2026
    span(first, last)                 # 1–7 Dec 2026 · 28 Nov – 4 Dec 2026 · 28 Dec 2026 – 3 Jan 2027

The names and the patterns are messages of the catalogs (stdlib gettext only, no Babel):
``osteotrack log`` writes its confirming line in the user's language without loading more
than its catalog. ISO dates in files and exports are not written here: they are contracts.
"""

from __future__ import annotations

from datetime import date, datetime

from osteotrack.i18n import _, pgettext

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from collections.abc import Callable

# Marked one by one (with their context) so that each is a message of the catalogs.
_MONTHS = (
    lambda: pgettext("month", "Jan"), lambda: pgettext("month", "Feb"), lambda: pgettext("month", "Mar"),
    lambda: pgettext("month", "Apr"), lambda: pgettext("month", "May"), lambda: pgettext("month", "Jun"),
    lambda: pgettext("month", "Jul"), lambda: pgettext("month", "Aug"), lambda: pgettext("month", "Sep"),
    lambda: pgettext("month", "Oct"), lambda: pgettext("month", "Nov"), lambda: pgettext("month", "Dec"),
)
_WEEKDAYS = (
    lambda: pgettext("weekday", "Mon"), lambda: pgettext("weekday", "Tue"), lambda: pgettext("weekday", "Wed"),
    lambda: pgettext("weekday", "Thu"), lambda: pgettext("weekday", "Fri"), lambda: pgettext("weekday", "Sat"),
    lambda: pgettext("weekday", "Sun"),
)

# The full names, for reading the days people type ("lunes 9:00", "Montag 9 Uhr"; osteotrack.domain.when).
_WEEKDAYS_FULL = (
    lambda: pgettext("weekday", "Monday"), lambda: pgettext("weekday", "Tuesday"),
    lambda: pgettext("weekday", "Wednesday"), lambda: pgettext("weekday", "Thursday"),
    lambda: pgettext("weekday", "Friday"), lambda: pgettext("weekday", "Saturday"),
    lambda: pgettext("weekday", "Sunday"),
)


def weekday_names(full: bool = False) -> list[str]:
    """The seven weekdays' names, Monday first: abbreviated (``Mon``, ``lun``…) or ``full`` (``Monday``, ``lunes``…)."""
    return [name() for name in (_WEEKDAYS_FULL if full else _WEEKDAYS)]


def month_name(d: date) -> str:
    """The month's abbreviated name: ``Dec``, ``dic``, ``Dez.``, ``déc.``."""
    return _MONTHS[d.month - 1]()


def weekday_name(d: date) -> str:
    """The weekday's abbreviated name: ``Tue``, ``mar``, ``Di.``, ``mar.``."""
    return _WEEKDAYS[d.weekday()]()


def day(d: date) -> str:
    """``1 Dec 2026``."""
    # TRANSLATORS: a date, e.g. "1 Dec 2026" ({month} is the abbreviated month name). German: "{day}. {month} {year}".
    return _("{day} {month} {year}").format(day=d.day, month=month_name(d), year=d.year)


def day_short(d: date) -> str:
    """``1 Dec`` (the year is clear from what is around it)."""
    # TRANSLATORS: a date without its year, e.g. "1 Dec".
    return _("{day} {month}").format(day=d.day, month=month_name(d))


def weekday_day(d: date) -> str:
    """``Tue 1 Dec``."""
    # TRANSLATORS: a date with its weekday and without its year, e.g. "Tue 1 Dec".
    return _("{weekday} {day} {month}").format(weekday=weekday_name(d), day=d.day, month=month_name(d))


def weekday_day_year(d: date) -> str:
    """``Tue 1 Dec 2026``."""
    # TRANSLATORS: a date with its weekday, e.g. "Tue 1 Dec 2026".
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday_name(d), day=d.day, month=month_name(d), year=d.year)


def clock(moment: datetime) -> str:
    """``19:00``: the time of day, in 24 hours."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def moment(at: datetime) -> str:
    """``Tue 1 Dec 2026 19:00``: a day and a time, in the offset the moment was entered in."""
    # TRANSLATORS: a date and a time of day, e.g. "Tue 1 Dec 2026 19:00" (CLDR joins them with ", ").
    return _("{date} {time}").format(date=weekday_day_year(at), time=clock(at))


def month(d: date) -> str:
    """``Dec 2026``."""
    # TRANSLATORS: a month of a year, e.g. "Dec 2026".
    return _("{month} {year}").format(month=month_name(d), year=d.year)


def widest(write: Callable[[datetime], str]) -> int:
    """How wide ``write`` (``day``, ``weekday_day_year``, ``moment``…) makes a date at most in the language in
    force, for a column that must hold any: every month name with every weekday, two-digit days and hours."""
    # Days 22–28 of each month of 2026: every weekday falls on one of them.
    return max(len(write(datetime(2026, month, day, 19))) for month in range(1, 13) for day in range(22, 29))


def span(first: date, last: date) -> str:
    """Two days as one stretch, the shared month and year written once: ``1–7 Dec 2026``."""
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        # TRANSLATORS: days of one month, e.g. "1–7 Dec 2026". German: "{first}.–{last}. {month} {year}".
        return _("{first}–{last} {month} {year}").format(
            first=first.day, last=last.day, month=month_name(last), year=last.year)
    if first.year == last.year:
        # TRANSLATORS: days of one year, e.g. "28 Nov – 4 Dec 2026".
        return _("{first} – {last} {year}").format(first=day_short(first), last=day_short(last), year=last.year)
    # TRANSLATORS: days across the turn of a year, e.g. "28 Dec 2026 – 3 Jan 2027".
    return _("{first} – {last}").format(first=day(first), last=day(last))
