"""The Diary: one diary file, open, with its records behind one façade.

Neither face (TUI or CLI) writes SQL: they work through a ``ProfileDiary`` (a view of
the diary bound to one person) and the few diary-wide methods here. Each record kind's
SQL lives in its own part (``entries``, ``checkins``, ``events``, ``questions``,
``profiles``, ``vocabulary``, ``sessions``, ``figures``). A Diary and its connection
belong to one thread; a worker thread opens its own.
"""

from __future__ import annotations

import os
import sqlite3
from functools import cached_property

from osteotrack.domain.errors import DiaryError
from osteotrack.store import schema
from osteotrack.store.connection import (
    BUSY_TIMEOUT_MS,
    applied_steps,
    check_diary_path,
    check_integrity,
    connect,
    explain,
    make_new,
)
from osteotrack.store.profile_diary import ProfileDiary

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from sqlite_utils import Database

    from osteotrack.domain.records import Profile
    from osteotrack.domain.validate import Vocabulary
    from osteotrack.domain.vocabulary import Term
    from osteotrack.store.bone_care import BoneCare
    from osteotrack.store.checkins import CheckIns
    from osteotrack.store.entries import Entries
    from osteotrack.store.events import Events
    from osteotrack.store.figures import Figures
    from osteotrack.store.profiles import Profiles
    from osteotrack.store.questions import Questions
    from osteotrack.store.sessions import Sessions
    from osteotrack.store.vocabulary import Terms


class Diary:
    """One diary file. Use ``Diary.open(path)``; close it with ``close()`` or ``with``."""

    def __init__(self, path: str, conn: sqlite3.Connection, read_only: bool):
        self._path = path
        self._conn = conn
        self.read_only = read_only
        self.locked_folder: str | None = None  # the folder we cannot write, when that made it read-only
        self._db: Database | None = None

    # Each record kind's part, made the first time it is used: a quick log imports only the three it needs.

    @cached_property
    def _profiles(self) -> Profiles:
        from osteotrack.store.profiles import Profiles

        return Profiles(self)

    @cached_property
    def _terms(self) -> Terms:
        from osteotrack.store.vocabulary import Terms

        return Terms(self)

    @cached_property
    def _entries(self) -> Entries:
        from osteotrack.store.entries import Entries

        return Entries(self)

    @cached_property
    def _checkins(self) -> CheckIns:
        from osteotrack.store.checkins import CheckIns

        return CheckIns(self)

    @cached_property
    def _events(self) -> Events:
        from osteotrack.store.events import Events

        return Events(self)

    @cached_property
    def _questions(self) -> Questions:
        from osteotrack.store.questions import Questions

        return Questions(self)

    @cached_property
    def _sessions(self) -> Sessions:
        """The self-care sessions part."""
        from osteotrack.store.sessions import Sessions

        return Sessions(self)

    @cached_property
    def _figures(self) -> Figures:
        """The named queries behind the trend figures."""
        from osteotrack.store.figures import Figures

        return Figures(self)

    @cached_property
    def _bone(self) -> BoneCare:
        """The bone-care parts (treatments, doses, heights, falls checks, impressions, side effects)."""
        from osteotrack.store.bone_care import BoneCare

        return BoneCare(self)

    @property
    def path(self):
        """The diary file, as a ``pathlib.Path``."""
        from pathlib import Path  # not on the quick path: a one-shot log only needs the text

        return Path(self._path)

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False, create: bool = True) -> Diary:
        """Open (and, unless read-only, create or migrate) the diary at ``path``."""
        path = os.path.expanduser(os.fspath(path))
        fresh = not check_diary_path(path)
        if fresh and (read_only or not create):
            raise DiaryError("diary.missing", path=path)
        if fresh:
            from pathlib import Path

            from osteotrack.store.files import private_file

            try:
                private_file(Path(path))
            except OSError as error:
                raise DiaryError("diary.cannot_create", path=path,
                                 reason=(error.strerror or str(error)).lower()) from None
        # A diary in a folder we may not write (a read-only share, a mounted backup drive) can
        # only be read: SQLite cannot make the WAL's -shm beside it.
        folder = os.path.dirname(os.path.abspath(path))
        locked = not fresh and unwritable_folder(path) is not None
        if locked:
            read_only = True
        applied = None
        if not read_only:
            from osteotrack.store.leftovers import clean_leftovers

            clean_leftovers(folder)
        if not fresh and not read_only and _wal_holds_pages(path):
            # Recognise the file through a read-only connection first: the last read-write
            # connection to close checkpoints the WAL, which would fold its pages into a newer or
            # foreign file. With no pages waiting there is nothing to fold, and the read-write
            # connection recognises the file itself before anything writes (one connection less
            # for every quick log).
            peek = connect(path, read_only=True)
            try:
                applied = applied_steps(peek, path)
            except sqlite3.DatabaseError as error:
                raise explain(path, error) from None
            finally:
                peek.close()
        conn = connect(path, read_only)
        if locked:
            conn = _readable(conn, path)
        diary = cls(path, conn, read_only)
        diary.locked_folder = folder if locked else None
        try:
            diary._prepare(applied)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise explain(path, error) from None
        except BaseException:
            conn.close()
            raise
        return diary

    def _prepare(self, applied: list[str] | None) -> None:
        """Set the connection up and migrate; ``applied``: the steps a first look already found."""
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        # Recognise the file before anything writes to it: switching a foreign or newer
        # file to WAL would already change its header.
        if applied is None:
            applied = applied_steps(self._conn, self._path)
        pending = [name for name in schema.STEP_NAMES if name not in applied]
        if pending and self.read_only:
            raise DiaryError("diary.needs_upgrade", path=self.path)
        if not self.read_only:
            if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self._conn.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL keeps every committed transaction across a crash of the app.
            self._conn.execute("PRAGMA synchronous = NORMAL")
        if pending:
            if applied:
                # The backup checks its copy: a damaged diary stops here, before any step runs.
                self._backup_before(pending[0], applied)
            elif self._conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is None:
                make_new(self._conn, schema.MIGRATION_SET, schema.STEPS)
                return
            schema.migrations().apply(self.db)

    def _backup_before(self, step: str, applied: list[str]) -> None:
        """Keep a copy of the diary as it is before ``step``: ``diary.before-<step>.db``.

        A migration retried after an interruption replaces the copy its earlier attempt made
        (same name, same steps applied) instead of adding ``-2``, ``-3``… each time.
        """
        from osteotrack.store.backup import free_name

        target = self.path.with_name(f"{self.path.stem}.before-{step}.db")
        ours = target.exists() and _steps_in(target) == applied
        self.backup(target if ours else free_name(target), replace=ours)

    def verify(self) -> None:
        """Refuse to go on with a damaged diary (SQLite's quick check reads every page: ~20 ms for ten years)."""
        check_integrity(self._conn, self.path, quick=True)

    @property
    def db(self):
        """This connection wrapped as a ``sqlite_utils.Database`` (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn)
        return self._db

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_writable(self) -> None:
        """Refuse with one sentence when the diary is open read-only."""
        if self.locked_folder:
            raise DiaryError("diary.folder_unwritable", path=self.path, folder=self.locked_folder)
        if self.read_only:
            raise DiaryError("diary.read_only")

    @property
    def read_only_notice(self) -> DiaryError | None:
        """Why this diary was opened read-only though nobody asked (its folder), for the faces to say once."""
        if self.locked_folder:
            return DiaryError("diary.read_only_folder", path=self.path, folder=self.locked_folder)
        return None

    def writing(self) -> Writing:
        """One write transaction, taken at once so concurrent writers queue instead of failing (``with``)."""
        return Writing(self)

    def backup(self, target: str | os.PathLike, *, replace: bool = False):
        """Copy the diary to ``target`` with SQLite's online backup API (safe while others write)."""
        from pathlib import Path

        from osteotrack.store.backup import copy_database

        return copy_database(self._conn, Path(target).expanduser(), self.path, replace=replace)

    # -- whose diary ------------------------------------------------------

    def profile(self, name: str) -> ProfileDiary:
        """The diary seen through the profile named ``name``; a sentence naming the profiles if there is none."""
        return ProfileDiary(self, self._profiles.id_of(name))

    def profile_by_id(self, profile_id: int) -> ProfileDiary:
        """The diary seen through profile ``profile_id``; a sentence when it no longer exists."""
        self._profiles.name_of(profile_id)
        return ProfileDiary(self, profile_id)

    def active_profile(self) -> str:
        """The name of the profile used when a face is not told whose diary it is (a setting)."""
        return self._profiles.active_name()

    def profiles(self) -> list[Profile]:
        """Every profile, in the order they were made."""
        return self._profiles.all()

    def profile_id(self, name: str) -> int:
        """The id of the profile named ``name``."""
        return self._profiles.id_of(name)

    def profile_name(self, profile_id: int) -> str:
        """The name of profile ``profile_id``."""
        return self._profiles.name_of(profile_id)

    def add_profile(self, name: str) -> int:
        """Make a new profile; return its id."""
        return self._profiles.add(name)

    def rename_profile(self, old: str, new: str) -> None:
        """Rename a profile (the active one stays active)."""
        self._profiles.rename(old, new)

    def use_profile(self, name: str) -> int:
        """Make profile ``name`` the active one: commands and the app use it by default. Returns its id."""
        return self._profiles.use(name)

    def remove_profile(self, name: str) -> None:
        """Delete a profile and every record of it (never the last profile); callers back up first."""
        self._profiles.remove(name)

    def backdate_profile(self, profile_id: int, created_utc: str) -> None:
        """Move a profile's creation time earlier (never later)."""
        self._profiles.backdate(profile_id, created_utc)

    # -- settings and vocabulary ------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The diary-wide setting ``key`` (e.g. ``demo``), or ``default``."""
        return self._profiles.setting(key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a diary-wide setting."""
        self._profiles.set_setting(key, value)

    def vocabulary(self) -> Vocabulary:
        """Every location, quality, trigger and therapy of this diary (built-in and the user's own)."""
        return self._terms.read()

    def add_term(self, kind: str, slug: str, name: str, group: str | None = None) -> Term:
        """Add a user's own location, quality, trigger or therapy."""
        return self._terms.add(kind, slug, name, group)

    def set_hidden(self, kind: str, slug: str, hidden: bool) -> None:
        """Hide a term from pick lists (or show it again); stored entries keep it."""
        self._terms.set_hidden(kind, slug, hidden)

    # -- sync (issue 18) ----------------------------------------------------

    def sync_conflicts(self, record_id: str | None = None):
        """The versions that lost a sync although they were edited, kept until dismissed (oldest first);
        with ``record_id``, those of the record that won and stands in the diary under that id."""
        from osteotrack.store.sync import conflicts

        return conflicts(self._conn, record_id)

    def dismiss_conflict(self, conflict_id: int) -> None:
        """Forget a kept conflict; a sentence when there is no such one."""
        from osteotrack.store.sync import dismiss

        with self.writing():
            dismiss(self._conn, conflict_id)

def unwritable_folder(path) -> str | None:
    """The folder of the existing diary ``path`` when we may not write in it (so it can only be read)."""
    folder = os.path.dirname(os.path.abspath(os.path.expanduser(os.fspath(path))))
    return folder if os.path.exists(path) and not os.access(folder, os.W_OK) else None


def _readable(conn: sqlite3.Connection, path: str) -> sqlite3.Connection:
    """``conn`` (read-only), or, when SQLite cannot read a WAL diary without writing its ``-shm``
    in the folder, a connection that reads the file as it is on disk (``immutable``)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return connect(path, read_only=True, immutable=True)


def _wal_holds_pages(path: str) -> bool:
    """Whether the diary's write-ahead log holds pages not yet in the file (a writer still open, or killed)."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def _steps_in(path) -> list[str] | None:
    """The schema steps of the diary file at ``path``, or None when it is not a readable diary."""
    try:
        conn = connect(os.fspath(path), read_only=True)
    except DiaryError:
        return None
    try:
        return applied_steps(conn, path)
    except (DiaryError, sqlite3.Error):
        return None
    finally:
        conn.close()


class Writing:
    """``Diary.writing()``: one write transaction for a ``with`` block, or the one already open. (A class, not
    ``@contextmanager``: the quick log does without ``contextlib``, a twenty-fifth of its work.)"""

    __slots__ = ("_diary", "_inner")

    def __init__(self, diary: Diary):
        self._diary = diary

    def __enter__(self) -> None:
        diary = self._diary
        diary.check_writable()
        self._inner = diary._conn.in_transaction
        if self._inner:
            return
        try:
            diary._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise explain(diary.path, error) from None

    def __exit__(self, kind, error, trace) -> None:
        if self._inner:
            return
        conn = self._diary._conn
        if kind is not None:
            # SQLite rolls back by itself after some failures (a full disk): only roll back what is open.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as failed:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise explain(self._diary.path, failed) from None
