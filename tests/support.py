"""Helpers shared by the reliability tests."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, or of a folder's name list (to show it was left alone)."""
    path = Path(path)
    if path.is_dir():
        return "dir:" + ",".join(sorted(p.name for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a diary, read through a plain connection (which recovers its WAL)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:  # damage SQLite meets before it can list it
        return str(error)
    finally:
        conn.close()


def entry_ids(path: Path) -> set[str]:
    """Every entry id in a diary (none when it was never created past its first step)."""
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entries'").fetchone():
            return set()
        return {row[0] for row in conn.execute("SELECT id FROM entries")}
    finally:
        conn.close()


def mark_newer(path: Path, step: str = "m900_next_year") -> Path:
    """Make a diary look written by a later osteotrack: a schema step this version does not know."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('osteotrack', ?, ?)",
                 [step, "2027-06-01 00:00:00"])
    conn.commit()
    conn.close()
    return path


def active(diary):
    """The diary seen through its active profile: what a face without ``--profile`` works on."""
    return diary.profile(diary.active_profile())


def without_sync(document: dict) -> dict:
    """An export without what sync keeps about the writing itself (issue 18): when each record and
    term was last written, the profiles' uids, the diary id and its tombstones. Two diaries holding
    the same records, written at different moments, differ only there."""
    document.pop("sync", None)
    for term in document.get("vocabulary", []):
        term.pop("changed", None)
    for profile in document.get("profiles", []):
        profile.pop("uid", None), profile.pop("changed", None)
        for records in profile.values():
            for record in records if isinstance(records, list) else []:
                if isinstance(record, dict):
                    record.pop("changed", None)
    return document
