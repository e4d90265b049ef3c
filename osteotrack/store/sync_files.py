"""Sync with a file: a diary, a backup, a JSON export, or any of them encrypted (issue 18).

The file is first made into a private temporary diary beside this one (never changed:
a plain sync writes nothing but this diary); ``store.sync.merge`` then brings its changes
in, in one transaction. ``--both`` also brings this diary's changes into the file: a plain
diary in its own transaction, any other file rewritten whole through an exclusive
temporary file renamed into place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from osteotrack.domain.errors import DiaryError
from osteotrack.domain.sync import SyncCounts
from osteotrack.store import sync
from osteotrack.store.backup import copy_database, free_name
from osteotrack.store.connection import applied_steps, explain
from osteotrack.store.crypt import AGE_HEADER
from osteotrack.store.diary import Diary
from osteotrack.store.files import private_workdir, write_private

SQLITE_HEADER = b"SQLite format 3\x00"
Passphrase = Callable[[], str]


@dataclass
class Copy:
    """A file to sync with, as a temporary diary."""

    diary: Diary
    kind: str  # "diary" or "json"
    passphrase: str | None  # the file's, when it was encrypted


@dataclass
class SyncResult:
    here: SyncCounts
    there: SyncCounts | None
    backup: Path | None


@contextmanager
def opened(path: Path, folder: Path, passphrase: Passphrase) -> Iterator[Copy]:
    """The file at ``path`` as a private temporary diary in ``folder``, removed afterwards."""
    from osteotrack.store.transfer import read_import_file

    data = read_import_file(path)
    secret = None
    if data.startswith(AGE_HEADER):
        from osteotrack.store.crypt import decrypt

        secret = passphrase()
        data = decrypt(data, secret, path)
    with private_workdir(folder) as work:
        copy = work / "copy.db"
        if data.startswith(SQLITE_HEADER):
            plain = path
            if secret is not None:
                plain = work / "plain.db"
                write_private(plain, data)
            _copy_diary(plain, copy, path)
            diary, kind = Diary.open(copy), "diary"
        else:
            diary, kind = _diary_from_export(data, copy, path), "json"
        try:
            yield Copy(diary, kind, secret)
        finally:
            diary.close()


def _copy_diary(source: Path, target: Path, named: Path) -> None:
    """Copy a diary file into ``target``, refusing one from a newer version or a damaged one."""
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise explain(named, error) from None
    try:
        if not applied_steps(conn, named):
            raise DiaryError("restore.empty_database", field="file", path=named)
        copy_database(conn, target, named)  # checks the copy whole: a damaged file gives no copy
    except sqlite3.Error as error:
        raise explain(named, error) from None
    finally:
        conn.close()


def _diary_from_export(data: bytes, target: Path, path: Path) -> Diary:
    from osteotrack.domain.errors import ValidationError
    from osteotrack.store.transfer import document_from_bytes, import_parsed, parse_document

    try:
        document = document_from_bytes(data, path)  # within import's limits: depth, long numbers, infinity
    except ValidationError as error:
        if error.code == "import.not_text":  # not even text: not a JSON export, nor anything sync reads
            raise ValidationError("sync.not_a_diary", field="file", path=path) from None
        raise
    parsed = parse_document(document)  # a malformed file is refused before the copy is made
    diary = Diary.open(target)
    try:
        import_parsed(diary, parsed, document)
        names = {" ".join(str(p.get("name", "")).split()).casefold() for p in document["profiles"]}
        with diary.writing():
            for profile in diary.profiles():
                if profile.name.casefold() not in names:
                    diary._conn.execute("DELETE FROM profiles WHERE id = ?", [profile.id])
            sync.adopt_document(diary._conn, document, None)
    except BaseException:
        diary.close()
        raise
    return diary


class _Preview(Exception):
    """Raised inside the transaction of a preview, so that nothing of it is kept."""


def preview_file(diary: Diary, path: Path, *, both: bool = False, passphrase: Passphrase) -> SyncResult:
    """What ``sync_file`` would do, computed in transactions that are rolled back: nothing is written."""
    path = Path(path).expanduser()
    diary.verify()
    if path.resolve() == diary.path.resolve():
        raise DiaryError("sync.same_file", field="file", path=path)
    with opened(path, diary.path.parent, passphrase) as copy:
        diary_id = sync.check_related(diary._conn, copy.diary._conn, path)
        found: list[SyncCounts] = []
        for target, source in ((diary, copy.diary), (copy.diary, diary))[:2 if both else 1]:
            try:
                with target.writing():
                    found.append(sync.merge(target._conn, source._conn, diary_id))
                    raise _Preview
            except _Preview:
                pass
    return SyncResult(found[0], found[1] if both else None, None)


def sync_file(diary: Diary, path: Path, *, both: bool = False, encrypt: bool = False,
              passphrase: Passphrase, new_passphrase: Passphrase | None = None) -> SyncResult:
    """Bring the changes in the file at ``path`` into ``diary`` (and, with ``both``, the other way)."""
    path = Path(path).expanduser()
    diary.check_writable()
    diary.verify()
    if path.resolve() == diary.path.resolve():
        raise DiaryError("sync.same_file", field="file", path=path)
    with opened(path, diary.path.parent, passphrase) as copy:
        diary_id = sync.check_related(diary._conn, copy.diary._conn, path)
        saved = None
        if not sync.seen(diary._conn, path.resolve()):
            name = f"{diary.path.stem}.before-sync-{datetime.now():%Y-%m-%d-%H%M}.db"
            saved = diary.backup(free_name(diary.path.with_name(name)))
        with diary.writing():
            here = sync.merge(diary._conn, copy.diary._conn, diary_id)
            sync.remember(diary._conn, path.resolve(), diary_id)
        there = None
        if both:
            there = _write_back(diary, path, copy, diary_id, encrypt, new_passphrase)
    return SyncResult(here, there, saved)


def _write_back(diary: Diary, path: Path, copy: Copy, diary_id: str, encrypt: bool,
                new_passphrase: Passphrase | None) -> SyncCounts:
    if copy.kind == "diary" and copy.passphrase is None and not encrypt:
        with Diary.open(path) as target:
            target.verify()
            with target.writing():
                return sync.merge(target._conn, diary._conn, diary_id)
    with copy.diary.writing():
        there = sync.merge(copy.diary._conn, diary._conn, diary_id)
    if copy.kind == "json":
        from osteotrack.store.transfer import dumps, export_document

        data = dumps(export_document(copy.diary)).encode("utf-8")
    else:
        from osteotrack.store.crypt import database_bytes

        data = database_bytes(copy.diary)
    secret = copy.passphrase
    if secret is None and encrypt:
        if new_passphrase is None:
            raise DiaryError("crypt.needs_passphrase", field="passphrase")
        secret = new_passphrase()
    if secret is not None:
        from osteotrack.store.crypt import encrypt as seal

        data = seal(data, secret)
    from osteotrack.store.crypt import write_new

    write_new(path, data, force=True)
    return there
