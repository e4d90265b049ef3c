"""Ranges: 2w, 3m, 1y, all and custom since/until, worked out on a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from osteotrack.analysis import Period, period_for, resolve_range
from osteotrack.domain.errors import ValidationError
from tests.support import active
from tests.trends_diary import at, log

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("spec, since, days", [
    ("2w", date(2026, 11, 11), 14),
    ("3m", date(2026, 8, 25), 92),  # 7 days of August, 30 of September, 31 of October, 24 of November
    ("1y", date(2025, 11, 25), 365),
    ("10d", date(2026, 11, 15), 10),
    (" 3M ", date(2026, 8, 25), 92),
])
def test_named_ranges_end_today(spec, since, days):
    period = resolve_range(spec, today=TODAY)
    assert period == Period(since, TODAY)
    assert period.days == days


def test_default_range_is_three_months():
    assert resolve_range(today=TODAY) == resolve_range("3m", today=TODAY)


def test_a_range_ends_on_until_and_months_clamp_to_the_month_end():
    # 31 May back three months is 28 February (2026 is not a leap year): the range starts on 1 March.
    assert resolve_range("3m", until="2026-05-31", today=TODAY) == Period(date(2026, 3, 1), date(2026, 5, 31))
    assert resolve_range("2w", until=date(2026, 10, 1), today=TODAY) == Period(date(2026, 9, 18), date(2026, 10, 1))


def test_all_starts_at_the_first_entry(diary):
    assert resolve_range("all", today=TODAY, first_day=date(2024, 2, 29)) == Period(date(2024, 2, 29), TODAY)
    # An empty diary: just today.
    assert period_for(active(diary), "all", today=TODAY) == Period(TODAY, TODAY)
    log(diary, at(3, 9), 4)
    log(diary, at(20, 9), 4)
    assert period_for(active(diary), "all", today=TODAY) == Period(date(2026, 11, 3), TODAY)


def test_custom_since_and_until():
    assert resolve_range(since="2026-11-01", until="2026-11-10", today=TODAY) == Period(
        date(2026, 11, 1), date(2026, 11, 10))
    assert resolve_range(since="yesterday", today=TODAY) == Period(date(2026, 11, 23), TODAY)
    assert resolve_range(since=TODAY, until=TODAY, today=TODAY).days == 1


def test_previous_period_has_equal_length():
    assert Period(date(2026, 11, 10), date(2026, 11, 16)).previous() == Period(date(2026, 11, 3), date(2026, 11, 9))
    assert Period(TODAY, TODAY).previous() == Period(date(2026, 11, 23), date(2026, 11, 23))


@pytest.mark.parametrize("kwargs, words", [
    ({"range_": "5x"}, "Unknown range '5x'; use 2w, 3m, 1y, all"),
    ({"range_": "0w"}, "Unknown range '0w'"),
    ({"range_": "fortnight"}, "Unknown range 'fortnight'"),
    ({"range_": "9999y"}, "before 1900"),
    ({"since": "2026-11-10", "until": "2026-11-01"}, "The since day (2026-11-10) is after the until day (2026-11-01)"),
    ({"range_": "2w", "since": "2026-11-01"}, "Give either a range or a since day, not both"),
    ({"until": "2026-12-01"}, "in the future"),
    ({"since": date(2027, 1, 1)}, "in the future"),
    ({"since": "last tuesdayish"}, "Could not read the day 'last tuesdayish'"),
])
def test_bad_ranges_get_one_clear_sentence(kwargs, words):
    with pytest.raises(ValidationError) as error:
        resolve_range(today=TODAY, **kwargs)
    assert words in str(error.value)


def test_three_months_means_the_same_for_the_trends_and_the_report():
    from osteotrack.report.output import default_period

    today = date(2026, 11, 24)
    # Three calendar months before 24 Nov is 24 Aug; the period starts the day after: 25 Aug – 24 Nov,
    # 7 (Aug 25–31) + 30 (Sep) + 31 (Oct) + 24 (Nov) = 92 days.
    assert resolve_range("3m", today=today) == default_period(today=today) == Period(date(2026, 8, 25), today)
    assert default_period(today=today).days == 92
