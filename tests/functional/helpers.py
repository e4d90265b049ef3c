"""Small helpers shared by the command-line tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from osteotrack.store import Diary


def digest(path: Path) -> str:
    """The diary file's bytes, hashed: equal digests mean nothing stored changed."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def entries(path: Path, profile: str | None = None):
    """Every entry of a profile, oldest first, read back through the store."""
    with Diary.open(path, read_only=True) as diary:
        return diary.profile(profile or diary.active_profile()).entries(newest_first=False)


def assert_refused(result, message: str) -> None:
    """Exit 2, one line on stderr that starts 'osteotrack: ' and holds ``message``, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("osteotrack: "), result.stderr
    assert message in lines[0], lines[0]
    assert "Traceback" not in result.output


def diaries_made_later(monkeypatch, days: int = 400) -> None:
    """From now on, new diaries carry a later creation time, as if made on another day."""
    from datetime import timedelta

    import osteotrack.store.schema as schema

    real = schema.datetime

    class Later(real):
        @classmethod
        def now(cls, tz=None):
            return real.now(tz) + timedelta(days=days)

    monkeypatch.setattr(schema, "datetime", Later)


def assert_refused_unchanged(run_cli, db_path: Path, first: list[str], bad: list[str], message: str) -> None:
    """Once ``first`` is stored, ``bad`` is refused (as ``assert_refused``) and the diary file is unchanged."""
    assert run_cli(*first).exit_code == 0
    before = digest(db_path)
    assert_refused(run_cli(*bad), message)
    assert digest(db_path) == before
