"""Appointments, and only they, may be in the future (issue 13): recorded on the command line, shown
on Today, mentioned by `osteotrack remind` the day before and on the day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from osteotrack.cli.remind import appointment_reminder
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Event
from osteotrack.store import Diary
from osteotrack.tui.screens.today import TodayScreen
from tests.conftest import NOW
from tests.functional.helpers import assert_refused, assert_refused_unchanged
from tests.functional.tui_support import app_for, person, pilot_test, settle


def events(db_path):
    with Diary.open(db_path, read_only=True) as diary:
        return diary.profile("me").events()


def test_the_readme_example_records_an_appointment_in_the_future(run_cli, db_path):
    day = date.today() + timedelta(days=2)
    result = run_cli("event", "appointment", "--at", f"{day} 10:30", "--note", "Dr Lee")
    assert result.exit_code == 0, result.output
    [visit] = events(db_path)
    assert (visit.kind, visit.at.date(), visit.at.time(), visit.note) == ("appointment", day, time(10, 30), "Dr Lee")
    assert run_cli("event", "appointment", "--at", "tomorrow 9:00").exit_code == 0
    assert run_cli("event", "appointment", "--at", "in 3 days").exit_code == 0
    assert len(events(db_path)) == 3


@pytest.mark.parametrize("kind, extra", [("fall", []), ("fracture", ["--site", "wrist-left"]), ("imaging", [])])
def test_only_appointments_may_be_in_the_future(run_cli, db_path, kind, extra):
    assert_refused_unchanged(run_cli, db_path, ["event", "fall", "--at", "yesterday"],
                             ["event", kind, *extra, "--at", "tomorrow 9:00"], "is in the future")


def test_a_mistyped_year_is_refused(run_cli, db_path):
    assert_refused(run_cli("event", "appointment", "--at", f"{date.today().year + 30}-01-05"),
                   "is more than two years ahead; check the year.")


def test_the_store_takes_a_future_appointment_and_refuses_a_future_fall(diary):
    me = diary.profile("me")
    later = NOW + timedelta(days=5)
    assert me.add_event(Event("appointment", later, note="Dr Lee"), now=NOW).at == later
    with pytest.raises(ValidationError, match="is in the future"):
        me.add_event(Event("fall", later), now=NOW)
    assert me.next_appointment(NOW).note == "Dr Lee"
    assert me.next_appointment(later + timedelta(minutes=1)) is None


@pytest.mark.parametrize("days_ahead, said", [(0, "today"), (1, "tomorrow"), (2, None), (-1, None)])
def test_remind_mentions_it_the_day_before_and_on_the_day(diary, days_ahead, said):
    me = diary.profile("me")
    morning = NOW.replace(hour=8)
    me.add_event(Event("appointment", NOW.replace(hour=16) + timedelta(days=days_ahead), note="Dr Lee"),
                 now=NOW.replace(hour=23))
    line = appointment_reminder(me, morning)
    if said is None:
        assert line is None
    else:
        assert line is not None and line.startswith(f"osteotrack: Next appointment: Dr Lee {said} (")


def test_remind_on_the_command_line(run_cli, db_path):
    assert run_cli("event", "appointment", "--at", "tomorrow 10:30", "--note", "Dr Lee").exit_code == 0
    out = run_cli("remind").stdout
    day = datetime.combine(date.today() + timedelta(days=1), time(10, 30))
    assert f"osteotrack: Next appointment: Dr Lee tomorrow ({day:%a} {day.day} {day:%b %Y} 10:30)" in out


@pilot_test
async def test_today_shows_the_next_appointment(db_path, tmp_path):
    with person(db_path) as me:
        me.add_event(Event("appointment", NOW.replace(hour=10) + timedelta(days=3), note="Dr Lee"), now=NOW)
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        trend = str(app.screen.query_one("#trend").render())
        assert "Next appointment: Dr Lee in 3 days (Fri 27 Nov 2026 10:00)." in trend
