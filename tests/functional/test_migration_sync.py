"""Schema step m008 (sync): older diaries gain change times, tombstones, a diary id and profile uids."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone

from osteotrack.domain.records import Entry, Site
from osteotrack.store import Diary
from tests.conftest import ROOT
from tests.support import integrity

BEFORE_SYNC = ROOT / "tests" / "fixtures" / "schema-m007_day_summary.db"  # the schema before sync
ENTRY = "0a000000-0000-4000-8000-000000000001"


def _rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_previous_schema_migrates_with_change_times_from_its_last_updates(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(BEFORE_SYNC, path)
    assert "changed_at" not in {r[1] for r in _rows(path, "PRAGMA table_info(entries)")}
    Diary.open(path).close()
    # The fixture's entry was last updated 2024-03-01T18:31:00Z: its change time, to the millisecond.
    assert _rows(path, f"SELECT changed_at, base_at FROM entries WHERE id = '{ENTRY}'") == [
        ("2024-03-01T18:31:00.000Z", None)]
    assert _rows(path, "SELECT changed_at FROM checkins") == [("2024-03-01T21:00:00.000Z",)]
    # Every profile has its own uid; the diary an id of 32 hex digits; no tombstones yet.
    uids = [r[0] for r in _rows(path, "SELECT uid FROM profiles")]
    assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
    [(diary_id,)] = _rows(path, "SELECT value FROM settings WHERE key = 'diary_id'")
    assert len(diary_id) == 32
    assert _rows(path, "SELECT * FROM tombstones") == []
    assert integrity(path) == "ok"


def test_every_write_moves_the_change_time_and_a_deletion_leaves_a_tombstone(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(BEFORE_SYNC, path)
    with Diary.open(path) as diary:
        me = diary.profile("me")
        entry = me.get_entry(ENTRY)
        entry.sites = [Site("mid-back", 6, "T8")]  # only a part of the entry changes
        me.update_entry(entry)
        [(changed, base)] = _rows(path, f"SELECT changed_at, base_at FROM entries WHERE id = '{ENTRY}'")
        # Later than the old change time, and edited from it.
        assert changed > "2024-03-01T18:31:00.000Z" and base == "2024-03-01T18:31:00.000Z"
        new = me.add_entry(Entry(at=datetime(2024, 3, 3, 9, tzinfo=timezone.utc), pain=2))
        [(added,)] = _rows(path, f"SELECT changed_at FROM entries WHERE id = '{new.id}'")
        saved = me.delete_entry(new.id)
        [(tomb_id, kind, when)] = _rows(path, "SELECT id, kind, deleted_at FROM tombstones")
        assert (tomb_id, kind) == (new.id, "entry") and when > added  # the deletion is later than the entry's write
        # Undoing the deletion takes the tombstone back.
        me.restore_entry(saved)
        assert _rows(path, "SELECT * FROM tombstones") == []
        diary.add_profile("Dad")
        assert _rows(path, "SELECT count(*) FROM profiles WHERE uid IS NULL OR changed_at IS NULL") == [(0,)]
