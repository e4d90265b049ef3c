"""Reading the times patients type: ISO date-times and everyday forms.

``yesterday 19:00``, ``today 8:30``, ``yesterday evening``, ``last night``,
``monday 9:00``, ``2h ago``, ``45 min ago``, ``7pm`` (today), ``2026-11-23T19:00+01:00``.
Times without an offset are local. A time in the future is refused, except where the
caller allows it (an appointment: ``tomorrow 10:30``, ``in 3 days``, ``2026-12-03 9:00``).

The everyday forms are read in the language in force as well as in English: ``ayer 19:00``,
``hace 2 h``, ``gestern 19 Uhr``, ``vor 2 Std.``, ``hier 19h30``, ``il y a 2 h``. Their words are
messages of the catalogs (``_lists``: one message per word list, words separated by ``|``;
weekdays from ``domain.dates``), so a new language brings its own by being translated; case
and accents do not count (``miercoles`` is ``miércoles``). ISO times need no words at all.

One accepted range for every time and day: from 1 January 1900 to now (``EARLIEST``,
``EARLIEST_DAY``, ``check_not_future``). A local time that does not exist on its day
(the hour skipped when clocks go forward) or that happens twice (the hour repeated
when they go back) is refused with a sentence saying how to write it unambiguously.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from osteotrack.domain.errors import ValidationError

# Patterns as text, compiled (and cached by re) on first use: `osteotrack log` at "now" needs none of them.
_CLOCK = r"^(\d{1,2})(?:[:.h](\d{2}))?(?:\s*(\D+))?$"
# More digits than this before a unit reach before 1900 in any unit (10**8 minutes is 190 years).
_AGO_DIGITS = 8
# Allow a minute of clock skew between the machine that logs and the one that reads.
FUTURE_GRACE = timedelta(minutes=1)
# Earlier times are typing mistakes, and year-1 times cannot even be turned into UTC.
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
EARLIEST_DAY = EARLIEST.date()


TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from typing import TypeVar

    _Day = TypeVar("_Day", date, datetime)  # a day, or a moment (a datetime is a date too)

def now_local() -> datetime:
    """The current time, aware, in the machine's local offset."""
    return datetime.now().astimezone()


def latest_moment(now: datetime) -> datetime:
    """The latest moment ``check_not_future`` takes at ``now`` (for checking many against one present)."""
    return now + FUTURE_GRACE


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
        latest = latest_moment(now if isinstance(now, datetime) else now_local())
        if value > latest:
            raise ValidationError(code, field=field, moment=value, **params)
        return value
    today = now.date() if isinstance(now, datetime) else now or now_local().date()
    if value < EARLIEST_DAY:
        raise ValidationError("day.too_early", field=field, text=value.isoformat())
    if value > today:
        raise ValidationError(code, field=field, day=value, **params)
    return value


def parse_when(text: str, now: datetime | None = None, field: str = "at", future: bool = False) -> datetime:
    """Read ``text`` as an aware datetime; refuse it (a ValidationError about ``field``) with a clear sentence.

    A time without an offset is local: the machine's rules (daylight saving included)
    when ``now`` is in the machine's own offset or not given, else ``now``'s zone.
    ``future``: a time to come is read too (an appointment); else it is refused.
    """
    if now is None:
        now = now_local()
    raw = shown(text)

    def localize(naive: datetime) -> datetime:
        return _localize(naive, now, field, raw)

    try:
        result = _parse(text.strip(), now, localize)
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


# -- the words of the language in force ------------------------------------------------

NOON, NIGHT = time(12, 0), time(22, 0)


def fold(text: str) -> str:
    """``text`` as typed words are compared: case and accents ignored (``Miércoles`` → ``miercoles``),
    a dot after a letter dropped (``Std.``), apostrophes and hyphens between letters read as spaces
    (``aujourd'hui``, ``l'après-midi``, ``avant-hier``), one space between words."""
    text = text.casefold()
    if not text.isascii():
        import unicodedata

        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.replace("\u2019", "'")
    if "." in text or "-" in text:
        import re  # here, not at the top: a quick log without --at does without it (issue 15)

        text = re.sub(_LETTER_HYPHEN, " ", re.sub(_LETTER_DOT, "", text))
    text = text.replace("'", " ")
    return " ".join(text.split())


_LETTER_DOT = r"(?<=[^\W\d_])\."
_LETTER_HYPHEN = r"(?<=[^\W\d_])-(?=[^\W\d_])"


def _lists() -> dict[str, str]:
    """The word lists of times people type, as messages of the catalogs (in the language in force)."""
    from osteotrack.i18n import pgettext

    return {
        # TRANSLATORS: words for the present moment that a patient may type as a time, separated by "|"
        # (case and accents do not matter; English words are always understood too).
        "now": pgettext("typed time", "now|just now"),
        # TRANSLATORS: words for today, typed before a time ("today 8:30"), separated by "|".
        "today": pgettext("typed time", "today"),
        # TRANSLATORS: words for yesterday, typed before a time ("yesterday 19:00"), separated by "|".
        "yesterday": pgettext("typed time", "yesterday"),
        # TRANSLATORS: words for the day before yesterday, separated by "|" (Spanish "anteayer|antes de ayer").
        "before_yesterday": pgettext("typed time", "day before yesterday"),
        # TRANSLATORS: words for tomorrow (for appointments: "tomorrow 10:30"), separated by "|".
        "tomorrow": pgettext("typed time", "tomorrow"),
        # TRANSLATORS: words that, before a part of the day, mean today ("this morning"), separated by "|".
        "this": pgettext("typed time", "this"),
        # TRANSLATORS: words for last night (read as yesterday at 22:00), separated by "|".
        "last_night": pgettext("typed time", "last night"),
        # TRANSLATORS: words for the morning (read as 8:00), separated by "|": "yesterday morning".
        "morning": pgettext("typed time", "morning"),
        # TRANSLATORS: words for noon (read as 12:00), separated by "|": "yesterday noon".
        "noon": pgettext("typed time", "noon|midday"),
        # TRANSLATORS: words for the afternoon (read as 15:00), separated by "|": "yesterday afternoon".
        "afternoon": pgettext("typed time", "afternoon"),
        # TRANSLATORS: words for the evening (read as 19:00), separated by "|": "yesterday evening".
        "evening": pgettext("typed time", "evening"),
        # TRANSLATORS: words for the night (read as 22:00), separated by "|": "yesterday night".
        "night": pgettext("typed time", "night"),
        # TRANSLATORS: small words that may stand between a day and its time and add nothing ("yesterday at
        # 19:00", Spanish "ayer a las 19:00"), separated by "|".
        "fillers": pgettext("typed time", "at|the"),
        # TRANSLATORS: words written after an hour ("19 Uhr", "19 h"), separated by "|".
        "clock": pgettext("typed time", "o'clock"),
        # TRANSLATORS: a time a number of minutes, hours or days back; {n} is the number and {unit} one of the
        # units below, in this order ("2 h ago", "45 min ago"). Several forms may be given, separated by "|".
        "ago": pgettext("typed time", "{n} {unit} ago"),
        # TRANSLATORS: a time a number of minutes, hours or days ahead (for appointments: "in 3 days"); as above.
        "ahead": pgettext("typed time", "in {n} {unit}"),
        # TRANSLATORS: the words and abbreviations of minutes after a number ("45 min ago"), separated by "|".
        "minutes": pgettext("typed time", "m|min|mins|minute|minutes"),
        # TRANSLATORS: the words and abbreviations of hours after a number ("2 h ago"), separated by "|".
        "hours": pgettext("typed time", "h|hr|hrs|hour|hours"),
        # TRANSLATORS: the words and abbreviations of days after a number ("3 days ago"), separated by "|".
        "days": pgettext("typed time", "d|day|days"),
    }


_PARTS = {"morning": time(8, 0), "noon": NOON, "afternoon": time(15, 0), "evening": time(19, 0), "night": NIGHT}
_SECONDS = {"minutes": 60, "hours": 3600, "days": 86400}
_DAYS = {"today": ("days", 0), "yesterday": ("days", -1), "before_yesterday": ("days", -2),
         "tomorrow": ("days", 1), "this": ("this", 0), "last_night": ("night", -1)}


class TypedWords:
    """The words of typed times in one language, English's with them: what ``parse_when`` reads."""

    def __init__(self, *lists: dict[str, str], weekdays: list[list[str]]):
        def words(key: str) -> set[str]:
            return {w for lst in lists for w in (fold(x) for x in lst[key].split("|")) if w}

        self.now = words("now")
        self.fillers = words("fillers")
        self.clock_words = words("clock")
        self.parts = {w: _PARTS[key] for key in _PARTS for w in words(key)}
        self.units = {w: _SECONDS[key] for key in _SECONDS for w in words(key)}
        days: dict[str, tuple[str, int]] = {}
        for names in weekdays:  # each language's full and abbreviated names, Monday first
            days.update((fold(name), ("weekday", i)) for i, name in enumerate(names) if fold(name))
        for key, meaning in _DAYS.items():
            days.update((w, meaning) for w in words(key))
        # the longest first: "antes de ayer" before "antes"
        self.days = sorted(days.items(), key=lambda item: -len(item[0]))
        self.ago = [_pattern(t) for lst in lists for t in lst["ago"].split("|")]
        self.ahead = [_pattern(t) for lst in lists for t in lst["ahead"].split("|")]

    def without_fillers(self, text: str) -> str:
        return " ".join(w for w in text.split() if w not in self.fillers)

    def clock(self, text: str, alone: bool) -> time | None:
        """The time of day ``text`` says (``19:00``, ``7pm``, ``19 Uhr``, ``19h30``, ``evening``), or None.

        ``alone`` (no day before it): a bare number is not taken for an hour.
        """
        if text in self.parts:
            return self.parts[text]
        import re

        m = re.match(_CLOCK, text)
        if not m:
            return None
        hour, minute, word = int(m[1]), int(m[2] or 0), (m[3] or "").strip()
        if word in ("am", "pm"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if word == "pm" else 0)
        elif word and word not in self.clock_words:
            return None
        elif alone and not word and m[2] is None:
            return None
        if hour > 23 or minute > 59:
            return None
        return time(hour, minute)


def _pattern(template: str) -> tuple[str, str]:
    """``hace {n} {unit}`` as the text before the number and the text after the unit, both folded."""
    before, _, rest = fold(template).partition("{n}")
    return before, rest.partition("{unit}")[2]


_TYPED: dict[str, TypedWords] = {}


def typed_words() -> TypedWords:
    """The words of typed times in the language in force (with English's), read from the catalogs once."""
    from osteotrack import i18n
    from osteotrack.domain.dates import weekday_names

    lang = i18n.language()
    words = _TYPED.get(lang)
    if words is None:
        with i18n.speaking(i18n.ENGLISH):
            english = _lists()
            weekdays = [weekday_names(full=True), weekday_names()]
        if lang == i18n.ENGLISH:
            words = TypedWords(english, weekdays=weekdays)
        else:
            words = TypedWords(english, _lists(), weekdays=[*weekdays, weekday_names(full=True), weekday_names()])
        _TYPED[lang] = words
    return words


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
    folded = fold(text)
    if folded == "now":  # what `osteotrack log` passes when no --at is given: no word lists needed
        return now
    if folded[:4].isdigit():  # ISO first: it needs no word lists
        iso = _iso(text, localize)
        if iso is not None:
            return iso
    words = typed_words()
    if folded in words.now:
        return now
    ago = _count(folded, words.ago, words)
    if ago is not None:
        return now - ago
    ahead = _count(folded, words.ahead, words)
    if ahead is not None:
        return now + ahead
    found = _day(folded, now.date(), words)
    if found is not None:
        day, rest, default = found
        if not rest:
            return now if default is None else localize(datetime.combine(day, default))
        clock = words.clock(rest, alone=False)
        return None if clock is None else localize(datetime.combine(day, clock))
    clock = words.clock(words.without_fillers(folded), alone=True)  # '7pm', '8:30', '19h', 'evening': today
    if clock is not None:
        return localize(datetime.combine(now.date(), clock))
    return _iso(text, localize)


def _count(folded: str, patterns: list[tuple[str, str]], words: TypedWords, unit: int | None = None
           ) -> timedelta | None:
    """How long ``2h ago`` / ``hace 2 h`` (or ``in 3 days``) says, or None if it is not such a form.

    The number and its unit may touch (``2h``). ``unit``: only that unit (in seconds) is read. Read with plain
    string operations: no pattern to compile.
    """
    for before, after in patterns:
        if len(folded) > len(before) + len(after) and folded.startswith(before) and folded.endswith(after):
            middle = folded[len(before):len(folded) - len(after)]
            digits = len(middle) - len(middle.lstrip("0123456789"))
            number, unit_word = middle[:digits], middle[digits:].strip()
            if not number or not unit_word or " " in unit_word:
                continue
            if len(number) > _AGO_DIGITS:
                raise _TooEarly
            seconds = words.units.get(unit_word)
            if seconds is None or unit not in (None, seconds):
                return None
            return timedelta(seconds=int(number) * seconds)
    return None


def _day(folded: str, today: date, words: TypedWords) -> tuple[date, str, time | None] | None:
    """(the day, what follows it without fillers, the time a day alone means or None for now) if it starts with a day.

    A day alone is noon (``yesterday``), now when it is today, 22:00 for last night; ``this`` wants a time.
    """
    found = _day_first(folded, today, words)
    if found is None:  # 'am Montag um 9 Uhr', 'el lunes a las 9:00': a small word before the day
        lead = folded.split(" ")
        while lead and lead[0] in words.fillers:
            lead.pop(0)
        if len(lead) < len(folded.split(" ")):
            found = _day_first(" ".join(lead), today, words)
    return found


def _day_first(folded: str, today: date, words: TypedWords) -> tuple[date, str, time | None] | None:
    for phrase, (kind, value) in words.days:
        if folded == phrase or folded.startswith(phrase + " "):
            rest = words.without_fillers(folded[len(phrase):])
            if kind == "weekday":
                day = today - timedelta(days=(today.weekday() - value) % 7)
            else:
                day = today + timedelta(days=value)
            if kind == "this":
                return (day, rest, None) if rest else None
            default = NIGHT if kind == "night" else None if day == today else NOON
            return day, rest, default
    return None


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
    """Read a calendar day: ISO ``2026-11-23``, ``today``, ``yesterday``, a weekday or ``3 days ago``, in the
    language in force or in English; not after today."""
    today = today or date.today()
    words = typed_words()
    folded = fold(text)
    try:
        found = _day(folded, today, words)
        if found is not None and not found[1]:
            return check_not_future(found[0], today, code="day.future", field=field)
        ago = _count(folded, words.ago, words, unit=_SECONDS["days"])  # a number of days, not hours
        if ago is not None:
            return check_not_future(today - ago, today, code="day.future", field=field)
        day = date.fromisoformat(text.strip())
    except (OverflowError, _TooEarly):  # '99999999 days ago': long before 1900
        raise ValidationError("day.too_early", field=field, text=shown(text)) from None
    except ValueError:
        raise ValidationError("day.unreadable", field=field, text=shown(text)) from None
    return check_not_future(day, today, code="day.future", field=field)


def to_utc_text(moment: datetime) -> str:
    """The storage form of an aware datetime: UTC, ISO, seconds, 'Z'."""
    utc = moment.astimezone(timezone.utc)
    if utc.year < 1000:  # strftime writes such a year without its leading zeros
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    # The same text, several times quicker: isoformat begins with the seconds ("…T08:15:00", then any fraction
    # and "+00:00"), without the copy replace() would make.
    return utc.isoformat()[:19] + "Z"


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return 0 if offset is None else offset // _MINUTE  # (whole minutes, rounded down as before)


_MINUTE = timedelta(minutes=1)


_ZONES: dict[int, timezone] = {}


def from_storage(utc_text: str, offset_min: int) -> datetime:
    """Rebuild the aware datetime in the offset it was entered in."""
    # The store writes exactly "YYYY-MM-DDTHH:MM:SSZ" (to_utc_text); that shape is read without strptime,
    # which costs several times more, and with its offset spelled for fromisoformat (Python 3.10 reads no
    # "Z"): aware at once, no replace() (2.5 times quicker). Anything else goes through strptime and its error.
    if len(utc_text) == 20 and utc_text[10] == "T" and utc_text[19] == "Z":
        utc = datetime.fromisoformat(utc_text[:19] + "+00:00")
    else:
        utc = datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    zone = _ZONES.get(offset_min)
    if zone is None:
        zone = _ZONES[offset_min] = timezone(timedelta(minutes=offset_min))
    return utc.astimezone(zone)


_OFFSETS: dict[int, tuple[timedelta, str]] = {}


def storage_iso(utc_text: str, offset_min: int) -> str:
    """``from_storage(utc_text, offset_min).isoformat()``, the same text (and the same error for a time it
    cannot read), without making the datetime in its offset: for writing thousands of stored moments as
    text, several times quicker in UTC, where the stored text is all but the answer."""
    # The shape to_utc_text writes, "YYYY-MM-DDTHH:MM:SSZ": fromisoformat reads it as from_storage does (and
    # refuses a 13th month alike), and isoformat would write it back digit for digit.
    if (len(utc_text) == 20 and utc_text[19] == "Z" and utc_text[10] == "T" and utc_text[4] == utc_text[7] == "-"
            and utc_text[13] == utc_text[16] == ":"):
        utc = datetime.fromisoformat(utc_text[:19])
        if not offset_min:
            return utc_text[:19] + "+00:00"
        found = _OFFSETS.get(offset_min)
        if found is None:  # the offset as isoformat spells it ("+05:45"), worked out once for each offset
            zone = timezone(timedelta(minutes=offset_min))
            found = _OFFSETS[offset_min] = (timedelta(minutes=offset_min),
                                            datetime(2000, 1, 1, tzinfo=zone).isoformat()[19:])
        delta, spelled = found
        return (utc + delta).isoformat() + spelled  # the wall clock in that offset, then the offset
    return from_storage(utc_text, offset_min).isoformat()
