"""Backing up and restoring a diary, with SQLite's online backup API.

The backup API copies a consistent snapshot page by page while other
connections (the app, an ``osteotrack log``) keep reading and writing, so a
backup is safe at any time. A restore checks the file whole before it
touches the diary, and keeps a backup of what it replaces.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from osteotrack.domain.errors import DiaryError
from osteotrack.store.connection import applied_steps, check_diary_path, check_integrity, explain
from osteotrack.store.files import (
    atomic_write,
    clean_leftovers,
    private_dir,
    private_temp,
    private_workdir,
    settle,
    write_private,
)


def free_name(path: Path) -> Path:
    """``path``, or the first of ``name-2.ext``, ``name-3.ext``, … that does not exist yet."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def default_backup_path(diary_path: Path, folder: Path | None = None) -> Path:
    """A dated, unused name in ``folder`` (default: beside the diary): ``diary.backup-2026-11-24-0930.db``."""
    name = f"{diary_path.stem}.backup-{datetime.now():%Y-%m-%d-%H%M}.db"
    return free_name((folder or diary_path.parent) / name)


def copy_database(conn: sqlite3.Connection, target: Path, source: Path, *, replace: bool = False,
                  before_settle=None) -> Path:
    """Copy the database ``source`` open on ``conn`` to ``target`` (0600), checked, renamed into place.

    ``target`` must not exist unless ``replace``; ``before_settle()`` runs when the copy is
    complete and checked, just before the rename.
    """
    if target.is_dir():
        raise DiaryError("backup.folder", field="file", path=target)
    if target.exists() and not replace:
        raise DiaryError("backup.exists", field="file", path=target)
    try:
        private_dir(target.parent)
    except OSError as error:
        raise DiaryError("backup.folder_unwritable", field="file", folder=target.parent,
                         reason=(error.strerror or str(error)).lower()) from None
    # The copy grows in a private temporary file beside its final name and is renamed only when
    # complete and checked: a crash or a full disk never leaves a half backup that looks whole.
    try:
        with private_temp(target) as tmp:
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.backup(copy)
                # The copy has the diary's pages: a damaged diary gives a damaged copy, and no backup.
                check_integrity(copy, source)
                # A backup is one self-contained file: no WAL beside it to lose when it is copied.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            if before_settle is not None:
                before_settle()
            settle(tmp, target)
    except OSError as error:
        raise DiaryError("backup.unwritable", field="file", path=target,
                         reason=(error.strerror or str(error)).lower()) from None
    except sqlite3.Error as error:
        if _disk_full(error):  # the copy ran out of room: the diary itself is fine
            raise DiaryError("backup.disk_full", field="file", path=target) from None
        raise explain(source, error) from None
    return target


def _disk_full(error: sqlite3.Error) -> bool:
    return "full" in str(error).lower() or getattr(error, "sqlite_errorcode", None) == 13  # SQLITE_FULL


def backup_diary(diary_path: Path, target: Path | None = None) -> Path:
    """Back up the diary at ``diary_path`` to ``target`` (a file, or a folder for a dated file in it;
    default: a dated file beside the diary); return the path written.

    This is what ``osteotrack backup`` and the app's backup action call.
    """
    from osteotrack.store.diary import Diary

    diary_path = Path(diary_path).expanduser()
    target = None if target is None else Path(target).expanduser()
    if target is None or target.is_dir():
        target = default_backup_path(diary_path, target)
    clean_leftovers(diary_path.parent)
    with Diary.open(diary_path, read_only=True) as diary:
        return diary.backup(target)


@dataclass
class DiaryFile:
    """What a diary file holds, for the question a restore asks."""

    path: Path
    profiles: list[str]
    entries: int
    last_day: str | None

    def describe(self) -> str:
        """``2 entries, the last on 2 Mar 2026 (profiles: me)``, in the language in force."""
        from datetime import date

        from osteotrack.domain.dates import day
        from osteotrack.domain.numbers import count
        from osteotrack.i18n import _

        entries, who = count(self.entries, "entry"), ", ".join(self.profiles) or _("no profile")
        if self.last_day:
            return _("{entries}, the last on {day} (profiles: {profiles})").format(
                entries=entries, day=day(date.fromisoformat(self.last_day)), profiles=who)
        return _("{entries} (profiles: {profiles})").format(entries=entries, profiles=who)


def inspect_diary_file(path: Path) -> DiaryFile:
    """Check that ``path`` is a whole osteotrack diary this version can open, without changing it."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise DiaryError("restore.folder", field="file", path=path)
    if not check_diary_path(path):  # a FIFO, a link loop or a dangling link: a sentence, not a hang
        raise DiaryError("file.missing", field="file", path=path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise explain(path, error) from None
    try:
        check_integrity(conn, path)
        if not applied_steps(conn, path):
            raise DiaryError("restore.empty_database", field="file", path=path)
        profiles = [row[0] for row in conn.execute("SELECT name FROM profiles ORDER BY id")]
        entries, last = conn.execute("SELECT count(*), max(local_day) FROM entries").fetchone()
    except sqlite3.Error as error:
        raise explain(path, error) from None
    finally:
        conn.close()
    return DiaryFile(path, profiles, entries, last)


def restore_diary(source: Path, diary_path: Path) -> Path | None:
    """Replace the diary at ``diary_path`` with the backup ``source``; return the backup of the old diary.

    ``source`` is checked whole first. The old diary is backed up before it is
    replaced, and the replacement goes through the backup API into the live
    file, so an app that has it open sees the restored diary, not a stale copy.
    """
    from osteotrack.store.diary import Diary

    source, diary_path = Path(source).expanduser(), Path(diary_path).expanduser()
    inspect_diary_file(source)
    if source.resolve() == diary_path.resolve():
        raise DiaryError("restore.same_file", field="file", path=source)
    clean_leftovers(diary_path.parent)
    saved, live = None, False
    if diary_path.exists():
        saved = free_name(diary_path.with_name(f"{diary_path.stem}.before-restore-{datetime.now():%Y-%m-%d-%H%M}.db"))
        try:
            backup_diary(diary_path, saved)
            live = True
        except DiaryError as error:
            if error.code.startswith("backup."):
                # The safety copy could not be written (a full disk, a read-only folder):
                # stop here, before anything is replaced.
                raise
            # A damaged diary (often the reason to restore) cannot be backed up page by page:
            # keep its raw bytes for a rescue attempt instead.
            _copy_raw(diary_path, saved)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if live:
            with Diary.open(diary_path) as diary:
                src.backup(diary._conn)
        else:
            def drop_stale_wal() -> None:  # a stale WAL would be replayed onto the restored file
                for leftover in ("-wal", "-shm"):
                    Path(f"{diary_path}{leftover}").unlink(missing_ok=True)

            copy_database(src, diary_path, source, replace=True, before_settle=drop_stale_wal)
    except sqlite3.Error as error:
        raise explain(diary_path, error) from None
    finally:
        src.close()
    # Opening again brings a backup from an older version up to this schema (with its own backup first).
    Diary.open(diary_path).close()
    return saved


def _copy_raw(path: Path, target: Path) -> None:
    """Copy a file (and its WAL, if any) byte for byte into new 0600 files, each checked complete
    (as long as its source) before it gets its name: a short copy is never named."""
    import shutil

    for suffix in ("-wal", ""):  # the WAL first: a named copy always has its WAL beside it
        source = Path(f"{path}{suffix}")
        if not source.exists():
            continue
        with open(source, "rb") as data, atomic_write(Path(f"{target}{suffix}"), mode="wb") as out:
            shutil.copyfileobj(data, out)
            out.flush()
            if out.tell() != os.fstat(data.fileno()).st_size:
                raise OSError(errno.EIO, "the copy came out shorter than the diary")


def backup_encrypted(diary_path: Path, target: Path | None, passphrase) -> tuple[Path, DiaryFile]:
    """Back up the diary encrypted with a passphrase (age): a checked backup made privately beside
    the diary, read, encrypted and written to ``target`` (default: a dated ``.db.age`` beside it)."""
    from osteotrack.store.crypt import encrypt, write_new
    from osteotrack.store.files import check_target

    diary_path = Path(diary_path).expanduser()
    target = None if target is None else Path(target).expanduser()
    if target is None or target.is_dir():
        plain = default_backup_path(diary_path, target)
        target = free_name(plain.with_name(plain.name + ".age"))
    check_target(target)
    with private_workdir(diary_path.parent) as work:
        copy = backup_diary(diary_path, work / "copy.db")
        held = inspect_diary_file(copy)
        write_new(target, encrypt(copy.read_bytes(), passphrase()))
    return target, held


@contextmanager
def decrypted_copy(path: Path, folder: Path, passphrase):
    """An encrypted backup decrypted into a private temporary file in ``folder``, removed afterwards."""
    from osteotrack.store.crypt import decrypt_file

    data = decrypt_file(Path(path).expanduser(), passphrase())
    with private_workdir(folder) as work:
        plain = work / "backup.db"
        write_private(plain, data)
        yield plain
