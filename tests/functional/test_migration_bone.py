"""Schema step m004 (bone care): older diaries gain the bone tables, and their events table takes near-falls."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone

import pytest

from osteotrack.domain.records import Event
from osteotrack.store import Diary
from tests.conftest import ROOT
from tests.support import integrity

FIXTURES = ROOT / "tests" / "fixtures"
BEFORE_BONE = FIXTURES / "schema-m003_tailbone_is_the_coccyx.db"
BONE_TABLES = {"bone_treatments", "bone_doses", "heights", "falls_checks", "impressions", "side_effects"}


def _tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_the_previous_schema_has_no_bone_tables_and_refuses_a_near_fall(tmp_path):
    # The fixture as diaries of the previous release are: a near-fall cannot be stored there.
    path = tmp_path / "old.db"
    shutil.copy(BEFORE_BONE, path)
    assert not BONE_TABLES & _tables(path)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO events (id, profile_id, kind, at_utc, utc_offset_min, local_day, created_utc,"
                     " updated_utc) VALUES ('x', 1, 'near-fall', '2024-01-01T00:00:00Z', 0, '2024-01-01', '', '')")
    conn.close()


def test_the_previous_schema_migrates_keeping_its_events_and_takes_a_near_fall(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(BEFORE_BONE, path)
    with Diary.open(path) as diary:
        me = diary.profile("me")
        [fracture] = me.events()
        assert (fracture.id, fracture.kind, fracture.site, fracture.level) == (
            "0e000000-0000-4000-8000-000000000001", "fracture", "mid-back", "T8")
        near = me.add_event(Event(kind="near-fall", at=datetime(2024, 3, 5, 9, tzinfo=timezone.utc),
                                  note="caught the rail"))
        assert [e.kind for e in me.events()] == ["fracture", "near-fall"]
        assert near.note == "caught the rail"
    assert BONE_TABLES <= _tables(path)
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert "events_profile_at" in indexes
