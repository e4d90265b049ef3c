"""Reading the times patients type, against a fixed clock: Tuesday 24 November 2026, 10:00 at UTC+01:00."""

from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.when import from_storage, offset_minutes, parse_day, parse_when, to_utc_text
from tests.conftest import NOW, TZ


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize("text, expected", [
    ("now", NOW),
    ("today 8:30", at(24, 8, 30)),
    ("today 08:30", at(24, 8, 30)),
    ("yesterday 19:00", at(23, 19)),
    ("Yesterday  19:00", at(23, 19)),
    ("yesterday evening", at(23, 19)),
    ("yesterday morning", at(23, 8)),
    ("last night", at(23, 22)),
    ("yesterday", at(23, 12)),
    ("today", NOW),
    ("this morning", at(24, 8)),
    ("yesterday 7pm", at(23, 19)),
    ("yesterday 12am", at(23, 0)),
    ("yesterday 12pm", at(23, 12)),
    ("2h ago", NOW - timedelta(hours=2)),
    ("2 hours ago", NOW - timedelta(hours=2)),
    ("45 min ago", NOW - timedelta(minutes=45)),
    ("3d ago", NOW - timedelta(days=3)),
    ("8:30", at(24, 8, 30)),
    ("7am", at(24, 7)),
])
def test_everyday_forms(text, expected):
    assert parse_when(text, now=NOW) == expected


@pytest.mark.parametrize("text, expected", [
    # 24 November 2026 is a Tuesday.
    ("monday 9:00", at(23, 9)),
    ("sunday 9:00", at(22, 9)),
    ("wednesday 9:00", at(18, 9)),  # the last Wednesday, six days back
    ("tuesday 9:00", at(24, 9)),  # today's weekday is today
    ("friday", at(20, 12)),
])
def test_weekdays_count_back_to_the_latest_such_day(text, expected):
    assert parse_when(text, now=NOW) == expected


@pytest.mark.parametrize("text, expected", [
    ("2026-11-23T19:00", at(23, 19)),  # no offset: local
    ("2026-11-23 19:00", at(23, 19)),
    ("2026-11-23T19:00+05:00", datetime(2026, 11, 23, 19, tzinfo=timezone(timedelta(hours=5)))),
    ("2026-11-23T18:00Z", datetime(2026, 11, 23, 18, tzinfo=timezone.utc)),
    ("2026-11-23", at(23, 12)),  # a date alone is noon that day
])
def test_iso_forms(text, expected):
    result = parse_when(text, now=NOW)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


def test_an_iso_time_keeps_the_offset_it_was_given_in():
    assert parse_when("2026-11-23T19:00+05:00", now=NOW).utcoffset() == timedelta(hours=5)


@pytest.mark.parametrize("text", ["7pm", "today 19:00", "tomorrow", "2026-11-25", "2026-11-24T10:05", "sunday 9:00x"])
def test_future_and_garbage_are_refused_with_one_sentence(text):
    with pytest.raises(ValidationError) as refused:
        parse_when(text, now=NOW)
    message = str(refused.value)
    assert f"'{text}'" in message
    assert message.endswith(".") and "\n" not in message


def test_the_future_refusal_names_the_time_and_what_is_accepted():
    future = r"'today 19:00' is in the future \(2026-11-24 19:00\); only times up to now"
    with pytest.raises(ValidationError, match=future):
        parse_when("today 19:00", now=NOW)


@pytest.mark.parametrize("text", ["banana", "yesterday 25:00", "yesterday 13pm", "2h", "5 parsecs ago", ""])
def test_garbage_gets_the_help_sentence(text):
    with pytest.raises(ValidationError) as refused:
        parse_when(text, now=NOW)
    assert str(refused.value) == (
        f"Could not read the time '{text}'; use an ISO date-time like 2026-11-23T19:00, or 'now', "
        "'today 8:30', 'yesterday 19:00', 'yesterday evening', 'monday 9:00' or '2h ago'."
    )


def test_a_minute_of_clock_skew_is_allowed():
    assert parse_when("2026-11-24T10:00:30", now=NOW) == NOW + timedelta(seconds=30)


TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-01", date(2026, 11, 1)),
    ("today", TODAY),
    ("yesterday", date(2026, 11, 23)),
    ("monday", date(2026, 11, 23)),
    ("tuesday", TODAY),
    ("30d ago", date(2026, 10, 25)),
    ("2 days ago", date(2026, 11, 22)),
])
def test_parse_day(text, expected):
    assert parse_day(text, today=TODAY) == expected


def test_parse_day_refuses_the_future_and_garbage():
    with pytest.raises(ValidationError, match="in the future"):
        parse_day("2026-11-25", today=TODAY)
    with pytest.raises(ValidationError, match="Could not read the day 'someday'"):
        parse_day("someday", today=TODAY)


def test_storage_form_is_utc_and_gives_the_entered_offset_back():
    moment = datetime(2026, 11, 23, 19, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert to_utc_text(moment) == "2026-11-24T00:00:00Z"
    assert offset_minutes(moment) == -300
    back = from_storage("2026-11-24T00:00:00Z", -300)
    assert back == moment and back.utcoffset() == timedelta(hours=-5) and back.hour == 19


@pytest.mark.parametrize("text", ["999999999 days ago", "3000000 days ago"])
def test_absurdly_long_ago_is_unreadable_not_a_crash(text):
    with pytest.raises(ValidationError, match=f"Could not read the time '{text}'"):
        parse_when(text, now=NOW)
    with pytest.raises(ValidationError, match="Could not read the day"):
        parse_day("99999999d ago", today=TODAY)


def test_times_before_1900_are_refused():
    with pytest.raises(ValidationError, match=r"'0001-01-01T00:00\+05:00' is before 1900; only times from 1900 on"):
        parse_when("0001-01-01T00:00+05:00", now=NOW)
    assert parse_when("1900-01-01T00:00Z", now=NOW).year == 1900


@pytest.mark.parametrize("text, offset", [("2026-11-24T00:00:00Z", -300), ("2024-02-29T23:59:59Z", 330),
                                          ("1999-12-31T12:00:00Z", 0), ("2026-03-29T01:30:00Z", 60)])
def test_stored_times_read_back_as_strptime_reads_them(text, offset):
    # The fast reading of the store's own format gives exactly the datetime strptime gives.
    zone = timezone(timedelta(minutes=offset))
    expected = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).astimezone(zone)
    back = from_storage(text, offset)
    assert back == expected and back.utcoffset() == expected.utcoffset() and back.isoformat() == expected.isoformat()


@pytest.mark.parametrize("text", ["2026-11-24 00:00:00", "2026-11-24T00:00:00+00:00", "2026-13-24T00:00:00Z", ""])
def test_a_stored_time_in_another_shape_is_refused_as_before(text):
    with pytest.raises(ValueError):
        from_storage(text, 0)
