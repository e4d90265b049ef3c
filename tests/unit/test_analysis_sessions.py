"""Sessions by therapy with known answers worked out by hand."""

from datetime import date, timedelta
from fractions import Fraction

import pytest

from osteotrack.analysis.ranges import Period
from osteotrack.analysis.sessions import session_summaries
from osteotrack.domain.numbers import pain
from osteotrack.domain.selfcare import SelfCareSession
from tests.conftest import NOW
from tests.support import active


def add(diary, therapy, before, after, days_ago=0, seconds=300, completed=True, profile_id=None):
    person = active(diary) if profile_id is None else diary.profile_by_id(profile_id)
    person.add_session(SelfCareSession(therapy, before, after, seconds, NOW - timedelta(days=days_ago, hours=1),
                                       completed=completed), now=NOW)


@pytest.fixture
def sessions_diary(diary):
    # relaxation: 6→4, 7→5, 5→5 (stopped early after 2 min)
    add(diary, "relaxation", 6, 4, days_ago=1)
    add(diary, "relaxation", 7, 5, days_ago=2)
    add(diary, "relaxation", 5, 5, days_ago=3, seconds=120, completed=False)
    # guided imagery: 8→6, 3→4
    add(diary, "guided-imagery", 8, 6, days_ago=1)
    add(diary, "guided-imagery", 3, 4, days_ago=2)
    # a month ago, and another person's session: outside what is asked below
    add(diary, "relaxation", 9, 1, days_ago=30)
    other = diary.add_profile("Ann")
    add(diary, "relaxation", 10, 0, days_ago=1, profile_id=other)
    return diary


def test_counts_and_mean_pain_before_and_after_per_therapy(sessions_diary):
    week = Period(NOW.date() - timedelta(days=7), NOW.date())
    found = session_summaries(sessions_diary.profile("me"), week)
    assert [s.therapy for s in found] == ["relaxation", "guided-imagery"]  # most sessions first
    relaxation, imagery = found
    # Before: (6 + 7 + 5) / 3 = 6.0; after: (4 + 5 + 5) / 3 = 4.67 → 4.7.
    assert (relaxation.sessions, relaxation.completed) == (3, 2)
    assert relaxation.mean_before == pytest.approx(6.0)
    assert relaxation.mean_after == pytest.approx(14 / 3)
    assert relaxation.line() == "relaxation: 3 sessions, mean pain 6.0 → 4.7"
    # Relief: 6→4 is 33 % → 30; 7→5 is 29 % → 30; 5→5 is 0. Mean (30 + 30 + 0) / 3 = 20.
    assert relaxation.mean_relief == pytest.approx(20)
    # Minutes: 5 + 5 + 2 = 12.
    assert relaxation.minutes == pytest.approx(12)
    # Guided imagery: before (8 + 3) / 2 = 5.5, after (6 + 4) / 2 = 5.0; relief 25 % → 30 and 0: mean 15.
    assert imagery.line(imagery.name) == "Guided imagery: 2 sessions, mean pain 5.5 → 5.0"
    assert imagery.mean_relief == pytest.approx(15)


def test_the_whole_diary_and_a_closed_range(sessions_diary):
    me = sessions_diary.profile_id("me")
    everything = {s.therapy: s for s in session_summaries(sessions_diary.profile_by_id(me))}
    # With the session of a month ago: before (6 + 7 + 5 + 9) / 4 = 6.75 → 6.8; after (4 + 5 + 5 + 1) / 4 = 3.75 → 3.8.
    assert everything["relaxation"].line() == "relaxation: 4 sessions, mean pain 6.8 → 3.8"
    one_day = NOW.date() - timedelta(days=3)
    only = session_summaries(sessions_diary.profile_by_id(me), Period(one_day, one_day))
    assert [s.line() for s in only] == ["relaxation: 1 session, mean pain 5.0 → 5.0"]
    assert session_summaries(sessions_diary.profile_by_id(me), Period(date(2020, 1, 1), date(2020, 1, 2))) == []


@pytest.mark.parametrize("total, count, text", [(61, 10, "6.1"), (49, 8, "6.1"), (109, 20, "5.5"), (1, 4, "0.3"),
                                                (0, 3, "0.0"), (20, 2, "10.0")])
def test_one_decimal_rounds_halves_up(total, count, text):
    # A session mean is the exact fraction of its stored sums, shown as every figure is (domain.numbers).
    assert pain(Fraction(total, count)) == text
