"""The SQLite store: records in and out, the file's settings, times in UTC with their offset."""

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.store.schema import STEP_NAMES
from tests.support import active

PLUS_ONE = timezone(timedelta(hours=1))
MINUS_FIVE = timezone(timedelta(hours=-5))


def at(day: int, hour: int, tz=PLUS_ONE) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=tz)


def entry(day: int = 20, hour: int = 10, pain: int = 5, **fields) -> Entry:
    return Entry(at=at(day, hour, fields.pop("tz", PLUS_ONE)), pain=pain, **fields)


def test_the_file_is_set_up_for_safe_concurrent_use(diary, db_path):
    assert diary._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert diary._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert diary._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    other = sqlite3.connect(db_path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL is a property of the file
    other.close()


def test_schema_is_built_by_sqlite_utils_migrations(diary):
    rows = diary._conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY id").fetchall()
    assert rows == [("osteotrack", name) for name in STEP_NAMES]
    tables = {r[0] for r in diary._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "profiles",
        "settings",
        "vocabulary",
        "entries",
        "entry_sites",
        "entry_qualities",
        "entry_triggers",
        "entry_therapies",
        "checkins",
        "events",
        "questions",
    } <= tables


def test_a_default_profile_is_created(diary):
    assert [p.name for p in diary.profiles()] == ["me"]
    assert diary.profile_id(diary.active_profile()) == diary.profile_id("me")
    with pytest.raises(ValidationError, match="There is no profile named 'anna'; the profiles are: me."):
        diary.profile_id("anna")


def test_reopening_applies_nothing_twice(db_path):
    Diary.open(db_path).close()
    with Diary.open(db_path) as again:
        assert again._conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(STEP_NAMES)
        assert len(again.profiles()) == 1


def test_opening_what_is_not_a_diary(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DiaryError, match="is not an osteotrack diary: it is not an SQLite database"):
        Diary.open(junk)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DiaryError, match="is an SQLite database but not an osteotrack diary"):
        Diary.open(other)
    with pytest.raises(DiaryError, match="is a folder"):
        Diary.open(tmp_path)
    with pytest.raises(DiaryError, match="There is no diary at"):
        Diary.open(tmp_path / "missing.db", read_only=True)


def test_a_diary_from_a_newer_version_is_refused(db_path):
    with Diary.open(db_path) as d:
        d._conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('osteotrack', 'm999_future', '2030-01-01')"
        )
    with pytest.raises(DiaryError, match="written by a newer version of osteotrack"):
        Diary.open(db_path)


def test_read_only_refuses_writes(db_path):
    Diary.open(db_path).close()
    with Diary.open(db_path, read_only=True) as d:
        with pytest.raises(DiaryError, match="open read-only"):
            active(d).add_entry(entry(), now=at(24, 10))


def test_entries_round_trip_every_field(diary):
    original = entry(
        pain=6,
        sites=[Site("lower-back", 7), Site("mid-back", 6, "T8"), Site("rib-left", 4)],
        qualities=["aching", "sharp"],
        triggers=["bending", "standing"],
        therapies=[
            TherapyUse("heat", 60),
            TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg"),
            TherapyUse("brace"),
        ],
        note="after gardening\nsecond line " + "x" * 5000,
        for_doctor=True,
        entered_by="Anna",
    )
    stored = active(diary).add_entry(original, now=at(24, 10))
    assert len(stored.id) == 36
    assert active(diary).get_entry(stored.id) == stored
    assert active(diary).get_entry("nope") is None


def test_times_are_stored_in_utc_with_the_entered_offset(diary):
    stored = active(diary).add_entry(entry(day=20, hour=23, tz=MINUS_FIVE), now=at(24, 10))
    row = diary._conn.execute(
        "SELECT at_utc, utc_offset_min, local_day FROM entries WHERE id = ?", [stored.id]
    ).fetchone()
    # 23:00 at UTC-5 on the 20th is 04:00 UTC on the 21st, but the patient's day is the 20th.
    assert row == ("2026-11-21T04:00:00Z", -300, "2026-11-20")
    back = active(diary).get_entry(stored.id)
    assert back.at.utcoffset() == timedelta(hours=-5) and (back.at.day, back.at.hour) == (20, 23)
    assert [e.id for e in active(diary).entries(since=date(2026, 11, 20), until=date(2026, 11, 20))] == [stored.id]
    assert active(diary).entries(since=date(2026, 11, 21)) == []


def test_entries_page_newest_first(diary):
    ids = [
        active(diary).add_entry(entry(day=d, hour=h, pain=d % 10), now=at(24, 10)).id
        for d, h in [(10, 9), (12, 8), (11, 20), (12, 21), (3, 7)]
    ]
    newest_first = [ids[3], ids[1], ids[2], ids[0], ids[4]]
    assert [e.id for e in active(diary).entries()] == newest_first
    assert [e.id for e in active(diary).entries(limit=2)] == newest_first[:2]
    assert [e.id for e in active(diary).entries(limit=2, offset=2)] == newest_first[2:4]
    assert [e.id for e in active(diary).entries(newest_first=False)] == list(reversed(newest_first))
    assert [e.id for e in active(diary).entries(since=date(2026, 11, 11), until=date(2026, 11, 12))] == newest_first[:3]
    assert active(diary).count_entries() == 5 and active(diary).count_entries(since=date(2026, 11, 12)) == 2
    assert active(diary).last_entry().id == ids[3]


def test_update_delete_and_restore(diary):
    stored = active(diary).add_entry(entry(sites=[Site("neck", 3)], triggers=["bending"]), now=at(24, 10))
    stored.pain, stored.sites, stored.triggers = 8, [Site("hip-left", 8)], []
    active(diary).update_entry(stored, now=at(24, 10))
    assert active(diary).get_entry(stored.id) == stored
    before = diary._conn.execute("SELECT created_utc, updated_utc FROM entries").fetchone()
    saved = active(diary).delete_entry(stored.id)
    assert active(diary).get_entry(stored.id) is None
    assert diary._conn.execute("SELECT count(*) FROM entry_sites").fetchone()[0] == 0  # cascades
    active(diary).restore_entry(saved)
    assert active(diary).get_entry(stored.id) == stored
    assert diary._conn.execute("SELECT created_utc, updated_utc FROM entries").fetchone() == before
    with pytest.raises(ValidationError, match="There is no entry with id 'nope'"):
        active(diary).delete_entry("nope")
    with pytest.raises(ValidationError, match="There is no entry"):
        active(diary).update_entry(Entry(at=at(20, 10), pain=1, id="nope"))


def test_a_refused_entry_stores_nothing(diary):
    with pytest.raises(ValidationError):
        active(diary).add_entry(entry(sites=[Site("lower-back", 7)], triggers=["nonsense"]), now=at(24, 10))
    assert active(diary).count_entries() == 0
    assert diary._conn.execute("SELECT count(*) FROM entry_sites").fetchone()[0] == 0


def test_a_failed_write_rolls_back_the_whole_transaction(diary):
    with pytest.raises(RuntimeError):
        with diary.writing():
            active(diary).add_entry(entry(), now=at(24, 10))
            raise RuntimeError("power cut")
    assert active(diary).count_entries() == 0


def test_checkins_one_per_day_and_a_second_replaces_the_first(diary):
    today = date(2026, 11, 24)
    first = active(diary).save_checkin(
        CheckIn(day=date(2026, 11, 20), peg_pain=5, peg_enjoyment=4, peg_activity=6), today=today
    )
    second = active(diary).save_checkin(CheckIn(day=date(2026, 11, 20), sleep=7, note="better"), today=today)
    assert second.id == first.id
    assert active(diary).checkins() == [CheckIn(day=date(2026, 11, 20), sleep=7, note="better", id=first.id)]
    active(diary).save_checkin(CheckIn(day=date(2026, 11, 18), mood=6), today=today)
    assert [c.day.day for c in active(diary).checkins()] == [18, 20]
    assert active(diary).checkin(date(2026, 11, 19)) is None


def test_events(diary):
    now = at(24, 10)
    fall = active(diary).add_event(Event("fall", at(22, 17), note="kitchen"), now=now)
    fracture = active(diary).add_event(Event("fracture", at(2, 10), site="mid-back", level="T8"), now=now)
    dxa = active(diary).add_event(Event("dxa", at(5, 9), t_score=-2.7, dxa_site="lumbar-spine"), now=now)
    assert [e.id for e in active(diary).events()] == [fracture.id, dxa.id, fall.id]  # oldest first
    assert active(diary).events(kinds=("dxa",)) == [dxa]
    assert active(diary).events(since=date(2026, 11, 20)) == [fall]
    active(diary).delete_event(fall.id)
    assert len(active(diary).events()) == 2
    with pytest.raises(ValidationError, match="There is no event"):
        active(diary).delete_event(fall.id)


def test_questions_and_their_status(diary):
    q = active(diary).add_question(Question(text="Can I carry the shopping?", created=at(20, 10)))
    other = active(diary).add_question(Question(text="Which exercises?", created=at(21, 10)))
    assert [x.id for x in active(diary).questions(status="open")] == [q.id, other.id]
    active(diary).set_question_status(q.id, "asked")
    active(diary).set_question_status(q.id, "answered", " Up to 5 kg ")
    assert question(diary, q.id).status == "answered" and question(diary, q.id).answer == "Up to 5 kg"
    assert [x.id for x in active(diary).questions(status="open")] == [other.id]
    with pytest.raises(ValidationError, match="A question is open, asked or answered; got 'maybe'"):
        active(diary).set_question_status(other.id, "maybe")
    assert question(diary, other.id).status == "open"
    active(diary).delete_question(other.id)
    assert question(diary, other.id) is None


def test_find_id_by_prefix(diary):
    a = active(diary).add_question(Question(text="A?", created=at(20, 10), id="abcd1111-0000-4000-8000-000000000000"))
    active(diary).add_question(Question(text="B?", created=at(20, 11), id="abcd2222-0000-4000-8000-000000000000"))
    assert active(diary).find_id("question", "ABCD1") == a.id
    with pytest.raises(ValidationError, match="More than one question id starts with 'abcd'"):
        active(diary).find_id("question", "abcd")
    with pytest.raises(ValidationError, match="at least the first 4 characters"):
        active(diary).find_id("question", "ab")
    with pytest.raises(ValidationError, match="There is no question with an id starting 'ffff'"):
        active(diary).find_id("question", "ffff")


def test_profiles_keep_records_apart(diary):
    anna = diary.add_profile("Anna")
    diary.profile_by_id(anna).add_entry(entry(pain=2), now=at(24, 10))
    active(diary).add_entry(entry(pain=7), now=at(24, 10))
    assert [e.pain for e in diary.profile_by_id(anna).entries()] == [2]
    assert [e.pain for e in active(diary).entries()] == [7]
    with pytest.raises(ValidationError, match="already exists"):
        diary.add_profile("anna")


def test_ids_are_random_version_4_uuids():
    import uuid

    from osteotrack.store.connection import new_id

    ids = {new_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(uuid.UUID(i).version == 4 and str(uuid.UUID(i)) == i for i in ids)
    assert new_id(bytes(range(16))) == str(uuid.UUID(bytes=bytes(range(16)), version=4))


def question(diary, question_id: str):
    """The active profile's question with that id, or None (as the question list shows it)."""
    return next((q for q in active(diary).questions() if q.id == question_id), None)


def test_pages_read_by_key_cover_every_entry_once_even_at_one_moment(diary):
    """History's pages: by (moment, id), newest first; entries logged at the same second are neither
    skipped nor shown twice across a page boundary, and another profile's entries never come in."""
    me = active(diary)
    at = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    moments = [at, at, at, at - timedelta(hours=1), at + timedelta(hours=1)]  # three at the same second
    ids = [me.add_entry(Entry(at=m, pain=3), now=at + timedelta(days=1)).id for m in moments]
    diary.add_profile("Ann")
    diary.profile("Ann").add_entry(Entry(at=at, pain=9), now=at + timedelta(days=1))
    # Newest first: 10:00, then the three of 09:00 by id from the highest, then 08:00.
    expected = [ids[4], *sorted(ids[:3], reverse=True), ids[3]]
    pages, page = [], me.entries_before(None, 2)
    while page:
        pages.append([e.id for e in page])
        page = me.entries_before(page[-1], 2)
    assert pages == [expected[0:2], expected[2:4], expected[4:]]
    oldest_two = me.entries_after(None, 2)
    assert [e.id for e in oldest_two] == expected[-2:]
    assert [e.id for e in me.entries_after(oldest_two[0], 2)] == expected[1:3]  # the two just above, newest first
    # From a day: its newest entry and those before it.
    assert [e.id for e in me.entries_from_day(date(2026, 11, 20), 3)] == expected[:3]
    assert me.entries_from_day(date(2026, 11, 19), 3) == []
