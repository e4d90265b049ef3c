"""Shared by the import tests: a fixed local time zone, the fixture files, and a diary's content."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from osteotrack.store import Diary
from osteotrack.store.transfer import dumps, export_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imports"


@contextmanager
def local_zone(name: str):
    """Run with this computer's local time zone set to ``name`` (an IANA zone), then put it back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def state(path: Path) -> str:
    """The diary's whole content as its JSON export ("" when there is no diary file)."""
    if not Path(path).exists():
        return ""
    with Diary.open(path, read_only=True) as diary:
        return dumps(export_document(diary))


def entries(path: Path) -> list[dict]:
    """The active profile's entries as exported, oldest first."""
    with Diary.open(path, read_only=True) as diary:
        document = export_document(diary, [diary.active_profile()])
    return sorted(document["profiles"][0]["entries"], key=lambda e: e["at"])
