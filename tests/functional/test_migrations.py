"""Every released schema migrates forward with its data; a newer diary is refused untouched;
a backup is made before any migration."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import Entry
from osteotrack.store import Diary, schema
from tests.conftest import ROOT
from tests.functional.test_bad_files import damaged
from tests.support import active, file_hash, integrity, mark_newer

FIXTURES = ROOT / "tests" / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-*.db"))


def _steps(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def test_every_schema_step_has_a_fixture():
    # Made by scripts/make_schema_fixtures.py; a new step needs its fixture before it is released.
    assert [p.name for p in RELEASED] == sorted(f"schema-{name}.db" for name in schema.STEP_NAMES)


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_released_diary_migrates_with_its_data(fixture, tmp_path):
    before = file_hash(fixture)
    path = tmp_path / "diary.db"
    shutil.copy(fixture, path)
    with Diary.open(path) as diary:
        me, ann = diary.profile_id("me"), diary.profile_id("Ann")
        [entry] = diary.profile_by_id(me).entries()
        assert entry.id == "0a000000-0000-4000-8000-000000000001"
        # 18:30 UTC entered at UTC+01:00 is 19:30 local on 1 March 2024.
        assert entry.at == datetime(2024, 3, 1, 19, 30, tzinfo=timezone(timedelta(hours=1)))
        assert (entry.pain, entry.note, entry.for_doctor, entry.entered_by) == (7, "after gardening", True, None)
        assert [(s.location, s.intensity, s.level) for s in entry.sites] == [
            ("mid-back", 8, "T8"),
            ("rib-left", 4, None),
        ]
        assert entry.qualities == ["aching"] and entry.triggers == ["gardening", "bending"]
        assert [(t.therapy, t.relief, t.medication, t.dose) for t in entry.therapies] == [
            ("heat", 60, None, None),
            ("otc-pain-medication", 40, "ibuprofen", "400 mg"),
        ]
        [theirs] = diary.profile_by_id(ann).entries()
        assert theirs.at == datetime(2024, 3, 2, 2, 0, tzinfo=timezone(timedelta(hours=-5)))
        assert (theirs.pain, theirs.entered_by) == (3, "Sam")
        [checkin] = diary.profile_by_id(me).checkins()
        assert (checkin.day, checkin.peg_pain, checkin.peg_enjoyment, checkin.peg_activity) == (
            date(2024, 3, 1),
            6,
            5,
            7,
        )
        assert (checkin.sleep, checkin.mood, checkin.note) == (4, 6, "bad night")
        # Asked about its own day, before the weekly PEG: kept, and never taken for a past-week PEG.
        assert checkin.peg_week is False
        [fracture] = diary.profile_by_id(me).events(kinds=("fracture",))
        assert (fracture.kind, fracture.site, fracture.level, fracture.at.date()) == (
            "fracture",
            "mid-back",
            "T8",
            date(2024, 2, 10),
        )
        [question] = diary.profile_by_id(me).questions()
        assert (question.text, question.status) == ("Can I carry the shopping?", "open")
        assert diary.vocabulary().name("trigger", "gardening") == "Gardening"
        # And the migrated diary takes new entries.
        active(diary).add_entry(Entry(at=datetime(2024, 3, 3, 9, tzinfo=timezone.utc), pain=2))
        assert diary.profile_by_id(me).count_entries() == 2
    assert _steps(path) == schema.STEP_NAMES
    assert integrity(path) == "ok"
    assert file_hash(fixture) == before  # the fixture itself is never opened in place


def _newer_diary(path: Path) -> Path:
    with Diary.open(path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 1, 1, 9, tzinfo=timezone.utc), pain=4))
    return mark_newer(path)


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_diary_is_refused_with_a_sentence_and_left_untouched(db_path, read_only):
    path = _newer_diary(db_path)
    before = file_hash(path)
    with pytest.raises(DiaryError) as refused:
        Diary.open(path, read_only=read_only)
    assert str(refused.value) == (
        f"{path} was written by a newer version of osteotrack (it has schema step "
        "'m900_next_year'); upgrade osteotrack to open it."
    )
    assert file_hash(path) == before
    assert not list(path.parent.glob("*.before-*"))


def test_newer_diary_in_rollback_journal_mode_is_not_switched_to_wal(db_path):
    # A later version might not use WAL: recognising the file must not rewrite its header.
    path = _newer_diary(db_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = file_hash(path)
    with pytest.raises(DiaryError):
        Diary.open(path)
    assert file_hash(path) == before


def test_newer_diary_with_an_unsaved_wal_keeps_both_files_as_they_are(db_path):
    # The newer app stopped without checkpointing: its last writes are only in the WAL. Closing a
    # read-write connection would fold them into the diary file; recognising it must not.
    _newer_diary(db_path)
    script = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint = 0');"
        "c.execute(\"UPDATE entries SET note = 'only in the WAL'\"); c.commit(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 0
    before = (file_hash(db_path), file_hash(wal))
    with pytest.raises(DiaryError, match="newer version"):
        Diary.open(db_path)
    assert (file_hash(db_path), file_hash(wal)) == before


@pytest.fixture
def later_step(monkeypatch):
    """Release a fake next schema step (it adds a column); it records which backups existed when it ran."""
    seen = {}

    def release(folder: Path) -> dict:
        def m002_profile_colour(db):
            seen["backups"] = sorted(p.name for p in folder.glob("*.before-*"))
            db["profiles"].add_column("colour", str)

        monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, m002_profile_colour])
        monkeypatch.setattr(schema, "STEP_NAMES", [*schema.STEP_NAMES, "m002_profile_colour"])
        return seen

    return release


def test_backup_is_made_before_a_migration_runs(db_path, later_step):
    with Diary.open(db_path) as diary:  # made by "this" version: no fake step yet
        active(diary).add_entry(Entry(at=datetime(2026, 1, 1, 9, tzinfo=timezone.utc), pain=4, note="kept"))
    old_steps = _steps(db_path)
    seen = later_step(db_path.parent)
    with Diary.open(db_path) as diary:
        assert "colour" in {c[1] for c in diary._conn.execute("PRAGMA table_info(profiles)")}
    backup = db_path.with_name("diary.before-m002_profile_colour.db")
    assert seen["backups"] == [backup.name]  # it existed while the step ran
    assert backup.stat().st_mode & 0o777 == 0o600
    assert integrity(backup) == "ok"
    assert _steps(backup) == old_steps
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT note FROM entries").fetchall() == [("kept",)]
    assert "colour" not in {c[1] for c in conn.execute("PRAGMA table_info(profiles)")}
    conn.close()
    assert _steps(db_path) == [*old_steps, "m002_profile_colour"]


def test_a_second_interrupted_upgrade_does_not_overwrite_the_first_backup(db_path, later_step):
    with Diary.open(db_path):
        pass
    first = db_path.with_name("diary.before-m002_profile_colour.db")
    first.write_bytes(b"an earlier backup the user kept")
    later_step(db_path.parent)
    Diary.open(db_path).close()
    assert first.read_bytes() == b"an earlier backup the user kept"
    assert integrity(db_path.with_name("diary.before-m002_profile_colour-2.db")) == "ok"


def test_a_fresh_diary_needs_no_backup(db_path, later_step):
    later_step(db_path.parent)
    Diary.open(db_path).close()
    assert _steps(db_path) == schema.STEP_NAMES
    assert not list(db_path.parent.glob("*.before-*"))


def test_a_damaged_diary_is_not_migrated(tmp_path, later_step):
    broken = damaged(tmp_path)
    before = file_hash(broken)
    later_step(tmp_path)
    with pytest.raises(DiaryError, match="is damaged"):
        Diary.open(broken)
    assert file_hash(broken) == before
    assert "m002_profile_colour" not in _steps(broken)
    assert not list(tmp_path.glob("*.before-*"))


def test_a_new_diary_is_made_as_sqlite_utils_migrations_would_make_it(tmp_path):
    # A new diary's steps are applied without importing sqlite-utils (connection.apply_to_new): the tables,
    # indexes and triggers, the built-in terms and the record of the steps must be what sqlite-utils'
    # Migrations makes, so that either can go on from the other.
    from sqlite_utils import Database

    Diary.open(tmp_path / "new.db").close()
    made = sqlite3.connect(tmp_path / "made.db")
    schema.migrations().apply(Database(made))
    ours = sqlite3.connect(tmp_path / "new.db")
    for query in ("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
                  "SELECT * FROM vocabulary ORDER BY kind, slug",
                  "SELECT id, migration_set, name FROM _sqlite_migrations ORDER BY id",
                  "SELECT name FROM profiles"):
        assert ours.execute(query).fetchall() == made.execute(query).fetchall(), query
    assert schema.migrations().pending(Database(ours)) == []
