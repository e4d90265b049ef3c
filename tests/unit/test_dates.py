"""Dates read as each shipped language writes them, through one formatter (osteotrack.domain.dates).

Source of the names and the order: the Unicode CLDR (as Babel ships it, ``babel.dates``): the
abbreviated month and weekday names in the "format" context, the date pattern of the skeleton
``yMMMd`` ("d MMM y"; German "d. MMM y"), and the medium date-time pattern "{1}, {0}" for es, de
and fr. The catalogs carry these names as messages (no Babel on the quick log path); the test
compares them with CLDR so that a translation that strays from it fails here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from babel.dates import format_skeleton, get_day_names, get_month_names

from osteotrack import i18n
from osteotrack.domain import dates


@pytest.fixture
def speak():
    yield i18n.choose
    i18n.choose(None)


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr"])
def test_month_and_weekday_names_are_cldrs(speak, lang):
    speak(lang)
    cldr_months = get_month_names("abbreviated", locale=lang)
    cldr_days = get_day_names("abbreviated", locale=lang)
    for m in range(1, 13):
        assert dates.month_name(date(2026, m, 1)) == cldr_months[m]
    monday = date(2026, 11, 30)  # a Monday: Python's weekday() 0, CLDR's day index 0 in Babel
    for d in range(7):
        assert dates.weekday_name(monday + timedelta(days=d)) == cldr_days[d]


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr"])
def test_a_day_reads_as_cldrs_day_month_year(speak, lang):
    """``day`` is CLDR's "yMMMd"; English the British way, day first, as the diary has always written it."""
    speak(lang)
    for d in (date(2026, 12, 1), date(2027, 3, 28), date(1999, 5, 9)):
        cldr = format_skeleton("yMMMd", d, locale="en_GB" if lang == "en" else lang)
        assert dates.day(d) == cldr.replace("\u00a0", " ")


@pytest.mark.parametrize("lang, moment, short, span_month, span_year, span_years", [
    ("en", "Tue 1 Dec 2026 19:05", "Tue 1 Dec", "1–7 Dec 2026", "28 Nov – 4 Dec 2026", "28 Dec 2026 – 3 Jan 2027"),
    ("es", "mar 1 dic 2026, 19:05", "mar 1 dic", "1–7 dic 2026", "28 nov – 4 dic 2026", "28 dic 2026 – 3 ene 2027"),
    ("de", "Di., 1. Dez. 2026, 19:05", "Di., 1. Dez.", "1.–7. Dez. 2026", "28. Nov. – 4. Dez. 2026",
     "28. Dez. 2026 – 3. Jan. 2027"),
    ("fr", "mar. 1 déc. 2026, 19:05", "mar. 1 déc.", "1–7 déc. 2026", "28 nov. – 4 déc. 2026",
     "28 déc. 2026 – 3 janv. 2027"),
])
def test_moments_weekdays_and_spans_in_each_language(speak, lang, moment, short, span_month, span_year, span_years):
    speak(lang)
    at = datetime(2026, 12, 1, 19, 5, tzinfo=timezone(timedelta(hours=1)))
    assert dates.moment(at) == moment
    assert dates.weekday_day(at.date()) == short
    assert dates.span(date(2026, 12, 1), date(2026, 12, 7)) == span_month
    assert dates.span(date(2026, 11, 28), date(2026, 12, 4)) == span_year
    assert dates.span(date(2026, 12, 28), date(2027, 1, 3)) == span_years
    assert dates.span(date(2026, 12, 1), date(2026, 12, 1)) == dates.day(date(2026, 12, 1))


def test_the_time_is_the_one_the_moment_was_entered_in_padded_to_two_digits():
    at = datetime(2026, 3, 29, 7, 3, tzinfo=timezone(timedelta(hours=-5)))
    assert dates.clock(at) == "07:03"
    assert dates.month(at.date()) == "Mar 2026"


def test_every_name_is_wrapped_in_the_pseudo_language(speak):
    speak(i18n.PSEUDO)
    text = dates.moment(datetime(2026, 12, 1, 19, 0))
    assert text.startswith(i18n.OPEN) and text.count(i18n.OPEN) == 4  # the pattern, the date's pattern, two names
    assert "Déç" in text and "19:00" in text
