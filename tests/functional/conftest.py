"""Fixtures for the app's screens."""

from __future__ import annotations

import pytest

from osteotrack.store import Diary


@pytest.fixture
def empty(db_path):
    """A new diary with nothing in it yet (the file exists, as it does once the app has started)."""
    Diary.open(db_path).close()
    return db_path


@pytest.fixture
def existing(db_path):
    """A diary that exists (so the app opens on Today), empty unless a test adds to it."""
    Diary.open(db_path).close()
    return db_path
