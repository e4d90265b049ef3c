"""Reading the times patients type, against a fixed clock: Tuesday 24 November 2026, 10:00 at UTC+01:00."""

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.when import from_storage, offset_minutes, parse_day, parse_when, storage_iso, to_utc_text
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


@pytest.mark.parametrize("text", ["999999999 days ago", "3000000 days ago", "9" * 5000 + " min ago"])
def test_absurdly_long_ago_is_before_1900_not_a_crash(text):
    # 3,000,000 days is 8,200 years; 5,000 nines exceed Python's 4,300-digit limit for int().
    with pytest.raises(ValidationError, match=r"is before 1900; only times from 1900 on") as caught:
        parse_when(text, now=NOW)
    assert len(str(caught.value)) < 200  # the sentence quotes the beginning of a huge text only
    with pytest.raises(ValidationError, match="is before 1900; only days from 1900 to today"):
        parse_day("99999999d ago", today=TODAY)
    with pytest.raises(ValidationError, match="is before 1900"):
        parse_day("9" * 5000 + " days ago", today=TODAY)


@pytest.mark.parametrize("text", ["0001-01-01", "0001-01-01T00:00", "1899-12-31T23:59", "1899-12-31T23:00-14:00",
                                  "0001-01-01T00:00+14:00"])
def test_year_one_and_1899_are_before_1900_not_a_crash(text):
    # year 1 at noon local cannot even be turned into UTC (year 0); 1899-12-31T23:00-14:00 is 1900 in UTC
    # but its own day, the one shown, is in 1899.
    with pytest.raises(ValidationError, match="is before 1900"):
        parse_when(text, now=NOW)
    with pytest.raises(ValidationError, match="is before 1900"):
        parse_when(text)  # the machine's own zone, as the command line reads it


def test_days_before_1900_are_refused_and_1900_is_the_first():
    with pytest.raises(ValidationError, match="The day '1899-12-31' is before 1900"):
        parse_day("1899-12-31", today=TODAY)
    assert parse_day("1900-01-01", today=TODAY) == date(1900, 1, 1)


@pytest.fixture
def berlin(monkeypatch):
    """The machine's clock in Berlin: summer time from 29 Mar 2026 02:00 (to 03:00), until 25 Oct 2026 03:00."""
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_time_the_clocks_skip_is_refused(berlin):
    with pytest.raises(ValidationError) as caught:
        parse_when("2026-03-29T02:30")
    assert caught.value.code == "when.skipped"
    assert str(caught.value) == ("The time 02:30 on 2026-03-29 does not exist here: the clocks go forward over it; "
                                 "give a time outside that hour, or add the offset, e.g. 2026-03-29T02:30+01:00.")
    # either side of the gap is read in its own offset: 01:59 in winter time, 03:00 in summer time
    assert parse_when("2026-03-29T01:59").utcoffset() == timedelta(hours=1)
    assert parse_when("2026-03-29T03:00").utcoffset() == timedelta(hours=2)


def test_a_time_that_happens_twice_is_refused_naming_both(berlin):
    with pytest.raises(ValidationError) as caught:
        parse_when("2026-10-25T02:30")
    assert caught.value.code == "when.twice"
    assert "2026-10-25T02:30+02:00 for the first, 2026-10-25T02:30+01:00 for the second" in str(caught.value)
    # with the offset written, it is stored as typed: 02:30+01:00 is 01:30 UTC
    assert to_utc_text(parse_when("2026-10-25T02:30+01:00")) == "2026-10-25T01:30:00Z"
    assert to_utc_text(parse_when("2026-10-25T03:30")) == "2026-10-25T02:30:00Z"


def test_times_before_1900_are_refused():
    with pytest.raises(ValidationError, match=r"'0001-01-01T00:00\+05:00' is before 1900; only times from 1900 on"):
        parse_when("0001-01-01T00:00+05:00", now=NOW)
    assert parse_when("1900-01-01T00:00Z", now=NOW).year == 1900


def test_the_apps_when_field_reads_daylight_saving_the_same_way(berlin):
    # The app passes its clock's now (the machine's local time): the machine's rules apply, not a fixed offset.
    now = datetime(2026, 3, 30, 12, 0).astimezone()
    with pytest.raises(ValidationError) as caught:
        parse_when("2026-03-29T02:30", now=now)
    assert caught.value.code == "when.skipped"
    # winter time the day before, though now is in summer time: 2026-03-28 10:00+01:00 is 09:00 UTC
    assert to_utc_text(parse_when("2026-03-28T10:00", now=now)) == "2026-03-28T09:00:00Z"


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


@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_a_stored_time_is_written_as_its_datetime_writes_itself(moment, offset):
    # `list --format json` writes the stored moment without making the datetime: the same text as
    # from_storage(...).isoformat(), the "at" of the per-entry JSON, in every offset.
    text = to_utc_text(moment.replace(tzinfo=timezone.utc))
    assert storage_iso(text, offset) == from_storage(text, offset).isoformat()


@pytest.mark.parametrize("text, offset, written", [
    ("2026-11-30T20:22:00Z", 0, "2026-11-30T20:22:00+00:00"),
    ("2026-11-30T20:22:00Z", 345, "2026-12-01T02:07:00+05:45"),  # 20:22 + 5 h 45 min, past midnight
    ("2026-01-01T01:00:00Z", -210, "2025-12-31T21:30:00-03:30"),  # 01:00 − 3 h 30 min, back into last year
])
def test_a_stored_time_in_its_own_offset(text, offset, written):
    assert storage_iso(text, offset) == written


@pytest.mark.parametrize("text", ["2026-13-24T00:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24 00:00:00Z", ""])
def test_a_stored_time_the_store_cannot_read_is_refused_when_written_too(text):
    for offset in (0, 60):
        with pytest.raises(ValueError):
            storage_iso(text, offset)


@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_the_storage_form_is_strftimes_text(moment, offset):
    # to_utc_text builds the text with isoformat (quicker than strftime): the same characters.
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    assert to_utc_text(aware) == aware.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
