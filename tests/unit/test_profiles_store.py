"""Profiles in the store: removing, renaming, the active one, and who logs by default."""

from datetime import datetime

import pytest

from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question
from tests.conftest import NOW, TZ
from tests.support import active


def _fill(diary, pid, day: int, pain: int = 5):
    at = datetime(2026, 11, day, 9, 0, tzinfo=TZ)
    entry = diary.profile_by_id(pid).add_entry(Entry(at=at, pain=pain), now=NOW)
    diary.profile_by_id(pid).save_checkin(CheckIn(day=at.date(), peg_pain=pain), today=NOW.date())
    diary.profile_by_id(pid).add_event(Event(kind="fall", at=at), now=NOW)
    diary.profile_by_id(pid).add_question(Question(text=f"question {day}", created=at))
    return entry


def test_removing_a_profile_deletes_its_records_and_nothing_else(diary):
    me, dad = diary.profile_id("me"), diary.add_profile("Dad")
    mine, his = _fill(diary, me, 20), _fill(diary, dad, 21)
    diary.remove_profile("Dad")
    assert [p.name for p in diary.profiles()] == ["me"]
    assert active(diary).get_entry(his.id) is None and active(diary).get_entry(mine.id) is not None
    for table in ("entries", "checkins", "events", "questions", "entry_sites"):
        owner = "entry_id NOT IN (SELECT id FROM entries)" if table == "entry_sites" else (
            "profile_id NOT IN (SELECT id FROM profiles)")
        orphans = diary._conn.execute(f"SELECT count(*) FROM {table} WHERE {owner}").fetchone()[0]
        assert orphans == 0, table
    assert [
        len(diary.profile_by_id(me).checkins()),
        len(diary.profile_by_id(me).events()),
        len(diary.profile_by_id(me).questions()),
    ] == [1, 1, 1]


def test_the_last_profile_is_never_removed(diary):
    with pytest.raises(ValidationError, match="only profile"):
        diary.remove_profile("me")
    assert diary.profiles()[0].name == "me"


def test_removing_the_active_profile_makes_another_active_and_forgets_its_logger(diary):
    dad = diary.add_profile("Dad")
    diary.use_profile("Dad")
    diary.profile_by_id(dad).set_default_logger("Anna")
    diary.remove_profile("dad")  # names match without regard to case
    assert diary.profile_name(diary.profile_id(diary.active_profile())) == "me"
    # SQLite may hand the freed id to the next profile: it must not inherit Anna.
    again = diary.add_profile("Mum")
    assert diary.profile_by_id(again).default_logger() is None


def test_renaming_the_active_profile_in_another_case_keeps_it_active(diary):
    diary.add_profile("Dad")
    diary.use_profile("Dad")
    diary.rename_profile("dad", "Father")
    assert diary.profile_name(diary.profile_id(diary.active_profile())) == "Father"


def test_entries_take_the_profiles_default_logger_unless_they_say_otherwise(diary):
    dad = diary.add_profile("Dad")
    diary.profile_by_id(dad).set_default_logger("  Anna  ")
    at = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    assert diary.profile_by_id(dad).add_entry(Entry(at=at, pain=4), now=NOW).entered_by == "Anna"
    assert diary.profile_by_id(dad).add_entry(Entry(at=at, pain=4, entered_by="Bob"), now=NOW).entered_by == "Bob"
    assert (
        diary.profile_by_id(dad).add_entry(Entry(at=at, pain=4, entered_by=""), now=NOW).entered_by is None
    )  # the patient
    # Another profile of the same diary is not affected.
    assert diary.profile("me").add_entry(Entry(at=at, pain=4), now=NOW).entered_by is None
    diary.profile_by_id(dad).set_default_logger(None)
    assert diary.profile_by_id(dad).add_entry(Entry(at=at, pain=4), now=NOW).entered_by is None
    stored = {e.entered_by for e in diary.profile_by_id(dad).entries()}
    assert stored == {"Anna", "Bob", None}


def test_use_profile_refuses_an_unknown_name(diary):
    with pytest.raises(ValidationError, match="no profile named 'Nobody'; the profiles are: me"):
        diary.use_profile("Nobody")


def test_a_read_only_diary_refuses_profile_changes(db_path, diary):
    diary.add_profile("Dad")
    diary.close()
    from osteotrack.store import Diary

    with Diary.open(db_path, read_only=True) as ro:
        for change in (
            lambda: ro.remove_profile("Dad"),
            lambda: ro.use_profile("Dad"),
            lambda: ro.profile_by_id(1).set_default_logger("Anna"),
            ro.check_writable,
        ):
            with pytest.raises(DiaryError, match="read-only"):
                change()
        assert len(ro.profiles()) == 2
