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
    finally:
        conn.close()


def entry_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM entries")}
    finally:
        conn.close()
