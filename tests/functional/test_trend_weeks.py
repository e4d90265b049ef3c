"""The weekly PEG summary of schema step m011_trend_weeks stays what the check-ins say through every write, and
the weekly PEG read from it equals a direct computation from the check-ins over periods that cut weeks."""

from __future__ import annotations

import itertools
import shutil
import uuid
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.domain.records import CheckIn
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document, import_document
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
STAMP = "2026-09-01T00:00:00Z"


def drift(diary) -> list[tuple]:
    """Summary rows that differ from the summaries rebuilt from scratch out of the records."""
    return diary.profile(diary.active_profile()).figures.summary_drift()


def weeks(person, since: date, until: date) -> list[tuple]:
    return [(w.week, w.start, w.score, w.pain, w.enjoyment, w.activity, w.checkins, w.daily)
            for w in analysis.peg_weeks(person, Period(since, until))]


def test_a_diary_of_the_previous_schema_gets_the_weekly_peg(tmp_path):
    path = tmp_path / "diary.db"
    shutil.copy(FIXTURES / "schema-m010_session_indexes.db", path)
    with Diary.open(path) as diary:
        assert drift(diary) == []
        # The fixture's check-in of "me": Friday 1 March 2024 (ISO week 2024-W09, from Monday 26 February), PEG
        # 6, 5 and 7 asked about the day: score (6 + 5 + 7) / 3 = 6. Read from the week's row (the whole week)
        # and from the check-ins (a period from the Friday).
        expected = [("2024-W09", date(2024, 2, 26), 6.0, 6.0, 5.0, 7.0, 1, 1)]
        assert weeks(diary.profile("me"), date(2024, 2, 26), date(2024, 3, 3)) == expected
        assert weeks(diary.profile("me"), date(2024, 3, 1), date(2024, 3, 31)) == expected


def test_the_weeks_are_kept_by_every_write_an_import_and_a_profile_removal(tmp_path):
    with Diary.open(tmp_path / "a.db") as diary:
        me = diary.profile("me")
        # Two check-ins from before the weekly PEG (about their own day) on Mon 2 and Tue 3 Nov 2026, then a
        # weekly PEG on Sun 8 Nov: all in ISO week 2026-W45.
        for day, items in ((2, (3, 3, 3)), (3, (6, 6, 6))):
            diary._checkins.insert(CheckIn(date(2026, 11, day), *items, id=f"0c000000-0000-4000-8000-00000000000{day}"),
                                   me.id, STAMP, STAMP)
        me.save_checkin(CheckIn(date(2026, 11, 8), 4, 5, 6), today=date(2026, 11, 8))
        me.save_checkin(CheckIn(date(2026, 11, 9), sleep=5), today=date(2026, 11, 9))  # no PEG: no week
        assert drift(diary) == []
        november = (date(2026, 11, 1), date(2026, 11, 30))
        # Scores 9/3, 18/3 and 15/3: (9 + 18 + 15) / 9 = 42 / 9 = 4.667; pain (3 + 6 + 4) / 3 = 13 / 3.
        assert weeks(me, *november) == [
            ("2026-W45", date(2026, 11, 2), 42 / 9, 13 / 3, 14 / 3, 15 / 3, 3, 2)]
        # Sunday's answers changed, one of them left out: it leaves the week's PEG.
        me.save_checkin(CheckIn(date(2026, 11, 8), 4, None, 6), today=date(2026, 11, 8))
        assert drift(diary) == []
        assert weeks(me, *november) == [("2026-W45", date(2026, 11, 2), 27 / 6, 4.5, 4.5, 4.5, 2, 2)]
        document = export_document(diary)
        with diary.writing():  # as a sync deletes a check-in deleted elsewhere, and moves one to another day
            diary._conn.execute("DELETE FROM checkins WHERE day = '2026-11-02'")
            diary._conn.execute("UPDATE checkins SET day = '2026-11-10' WHERE day = '2026-11-03'")
        assert drift(diary) == []
        assert weeks(me, *november) == [("2026-W46", date(2026, 11, 9), 6.0, 6.0, 6.0, 6.0, 1, 1)]
    with Diary.open(tmp_path / "b.db") as other:
        import_document(other, document)
        import_document(other, document)  # again: nothing added, nothing counted twice
        assert drift(other) == []
        assert [w[0] for w in weeks(other.profile("me"), *november)] == ["2026-W45"]
        other.add_profile("Ann")
        ann = other.profile("Ann")
        ann.save_checkin(CheckIn(date(2026, 11, 4), 7, 7, 7), today=date(2026, 11, 4))
        other.remove_profile("me")
        assert other._conn.execute("SELECT profile_id, week, checkins FROM week_peg").fetchall() == [
            (ann.id, "2026-11-02", 1)]


START = date(2026, 7, 27)  # a Monday; random days from here cover nine weeks and a bit
ITEM = st.one_of(st.none(), st.integers(0, 10))
CHECKIN = st.tuples(st.integers(0, 65), ITEM, st.integers(0, 10), st.integers(0, 10), st.booleans())
counter = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(checkins=st.lists(CHECKIN, max_size=25, unique_by=lambda c: c[0]),
       changes=st.lists(st.tuples(st.integers(0, 24), st.sampled_from(["delete", "move", "edit"]),
                                  st.integers(0, 65), ITEM), max_size=6),
       first=st.integers(0, 65), length=st.integers(1, 66))
def test_the_weekly_peg_from_the_summary_equals_a_direct_computation(tmp_path, checkins, changes, first, length):
    with Diary.open(tmp_path / f"w{next(counter)}.db") as diary:
        me = diary.profile(diary.active_profile())
        kept: dict[date, tuple] = {}  # day: (pain, enjoyment, activity, asked about the past week)
        with diary.writing():
            for day, pain, enjoyment, activity, weekly in checkins:
                diary._checkins.insert(CheckIn(START + timedelta(days=day), pain, enjoyment, activity,
                                               id=str(uuid.uuid4()), peg_week=weekly), me.id, STAMP, STAMP)
                kept[START + timedelta(days=day)] = (pain, enjoyment, activity, weekly)
        for index, what, day, pain in changes:
            if not kept:
                break
            old = sorted(kept)[index % len(kept)]
            new = START + timedelta(days=day)
            with diary.writing():  # the writes a sync makes
                if what == "delete":
                    diary._conn.execute("DELETE FROM checkins WHERE day = ?", [old.isoformat()])
                    del kept[old]
                elif what == "move" and new not in kept:
                    diary._conn.execute("UPDATE checkins SET day = ? WHERE day = ?", [new.isoformat(), old.isoformat()])
                    kept[new] = kept.pop(old)
                elif what == "edit":
                    diary._conn.execute("UPDATE checkins SET peg_pain = ? WHERE day = ?", [pain, old.isoformat()])
                    kept[old] = (pain, *kept[old][1:])
        period = Period(START + timedelta(days=first), START + timedelta(days=first + length - 1))
        found = weeks(me, period.since, period.until)
        assert drift(diary) == []

    # The same weeks straight from the check-ins kept in the period with all three items, by their Monday.
    by_week: dict[date, list[tuple]] = {}
    for day, (pain, enjoyment, activity, weekly) in sorted(kept.items()):
        if period.since <= day <= period.until and pain is not None:
            by_week.setdefault(day - timedelta(days=day.weekday()), []).append((pain, enjoyment, activity, weekly))
    expected = []
    for monday, answers in sorted(by_week.items()):
        n = len(answers)
        year, week, _ = monday.isocalendar()
        # The mean of each check-in's score (the mean of its three items), and of each item.
        expected.append((f"{year}-W{week:02d}", monday, float(sum(Fraction(sum(a[:3]), 3) for a in answers) / n),
                         *(float(Fraction(sum(a[i] for a in answers), n)) for i in range(3)), n,
                         sum(not a[3] for a in answers)))
    assert found == expected
