"""The connection under a diary: opening, recognising and explaining SQLite's errors.

Only the store touches SQLite; everything here is about the file itself, not the records.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timezone

from osteotrack.domain.errors import DiaryError
from osteotrack.store import schema

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from typing import Any

BUSY_TIMEOUT_MS = 10_000


def now_utc() -> str:
    """The present moment as stored: UTC to the second, ``2026-11-24T09:30:00Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id(random_bytes: bytes | None = None) -> str:
    """A stable record id: a version-4 UUID as text, from 16 random bytes (fresh ones by default).

    Built by hand because importing ``uuid`` loads ``platform``, a cost every quick log would pay.
    """
    b = bytearray(random_bytes if random_bytes is not None else os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def check_diary_path(path) -> bool:
    """Whether a diary file is at ``path`` (False: nothing is); refused with a sentence when something else is.

    The one check of a diary path, before anything opens it: a folder, a FIFO, a device or
    a socket is refused without being opened (a FIFO opened for reading waits forever for a
    writer), as are a symbolic link that loops or points nowhere (writing there would replace
    the link, not the diary it names) and a path that cannot be looked at.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there (creating it says why it cannot be)
        if os.path.islink(path):
            raise DiaryError("diary.dangling_link", path=path, target=os.readlink(path)) from None
        return False
    except OSError as error:  # a loop of links, a folder we may not enter, a name too long
        raise DiaryError("diary.cannot_open", path=path, reason=(error.strerror or str(error)).lower()) from None
    if stat.S_ISDIR(info.st_mode):
        raise DiaryError("diary.folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode)
                else "a device")
        raise DiaryError("diary.not_file", path=path, kind=kind)
    return True


def connect(path: str, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection to the diary file; ``immutable``: read a file in a folder we cannot write
    (SQLite then takes no locks and makes no ``-shm``, which a WAL diary otherwise needs)."""
    try:
        if read_only:
            # A file: URI by hand: pathlib's as_uri() would cost the quick log path an import.
            escaped = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
            return sqlite3.connect(f"file:{escaped}?{'immutable=1' if immutable else 'mode=ro'}", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.DatabaseError as error:
        raise explain(path, error) from None


def applied_steps(conn: sqlite3.Connection, path) -> list[str]:
    """The schema steps applied to the database on ``conn`` (none for an empty file).

    Refuses, with a sentence, a database that is not an osteotrack diary and a
    diary written by a newer version.
    """
    try:
        steps = [row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [schema.MIGRATION_SET])]
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        steps = []
    # Another program's tables (even one using sqlite-utils migrations) without our steps: not a diary.
    # Only looked for when there are no steps, so opening an up-to-date diary costs one query.
    if not steps and conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name != '_sqlite_migrations' LIMIT 1"
    ).fetchone():
        raise DiaryError("diary.not_osteotrack", path=path)
    unknown = [name for name in steps if name not in schema.STEP_NAMES]
    if unknown:
        raise DiaryError("diary.too_new", path=path, step=unknown[0])
    return steps


# The table in which sqlite-utils' ``Migrations`` records the steps applied, as it makes it, so that either can
# go on from the other (an older osteotrack opening a diary made by this one, and the other way round).
MIGRATIONS_TABLE = (
    'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,\n   "name" TEXT,\n'
    '   "applied_at" TEXT\n)',
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
    '    ON "_sqlite_migrations" ("migration_set", "name")',
)


def make_new(conn: sqlite3.Connection, migration_set: str, steps) -> None:
    """Make a new diary (a database with no table at all) in the schema ``steps`` leave, the steps recorded as
    applied. Those ``fresh_schema`` was written from are not replayed: their tables, indexes and triggers are made
    at once, as SQLite keeps them after the steps (ALTER TABLE re-reads the whole schema each time: replaying them
    cost a new diary 50 ms), with the rows the steps leave (``schema.starting_rows``), in one transaction. Any step
    after those is applied as ``apply_to_new`` applies it."""
    from osteotrack.store import fresh_schema

    names = tuple(step.__name__ for step in steps)
    made = len(fresh_schema.STEPS)
    if names[:made] != fresh_schema.STEPS:
        apply_to_new(conn, migration_set, steps)
        return
    conn.execute("BEGIN")
    try:
        for statement in fresh_schema.SCHEMA:
            conn.execute(statement)
        schema.starting_rows(conn)
        applied = str(datetime.now(timezone.utc))
        conn.executemany("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                         [[migration_set, name, applied] for name in names[:made]])
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    _apply_steps(conn, migration_set, steps[made:])


def apply_to_new(conn: sqlite3.Connection, migration_set: str, steps) -> None:
    """Apply every schema step to a new diary (a database with no table at all), as sqlite-utils'
    ``Migrations.apply`` would, without importing sqlite-utils: it costs a new diary (the first start, an
    import into a new file) more time than all the steps together. Each step and the record of it go
    in one transaction."""
    for statement in MIGRATIONS_TABLE:
        conn.execute(statement)
    _apply_steps(conn, migration_set, steps)


def _apply_steps(conn: sqlite3.Connection, migration_set: str, steps) -> None:
    """Apply ``steps`` one after the other, each and the record of it in one transaction."""
    db = StepDatabase(conn)
    for step in steps:
        conn.execute("BEGIN")
        try:
            step(db)
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                         [migration_set, step.__name__, str(datetime.now(timezone.utc))])
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def stepwise_schema(migration_set: str, steps) -> tuple[str, ...]:
    """The tables, indexes and triggers that applying ``steps`` one by one to a new database leaves, as SQLite
    keeps them (``sqlite_master``), in its order: what ``fresh_schema`` holds (scripts/write_fresh_schema.py)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_to_new(conn, migration_set, steps)
        return tuple(sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"))
    finally:
        conn.close()


class StepDatabase:
    """What a schema step is given as ``db``: the connection (``db.conn``) and ``db[table].insert`` /
    ``insert_all`` of plain rows; anything else a step asks of it is sqlite-utils' own ``Database``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._full: Any = None  # sqlite_utils.Database, once asked for

    def full(self):
        """sqlite-utils' ``Database`` over the same connection (imported the first time)."""
        if self._full is None:
            from sqlite_utils import Database

            self._full = Database(self.conn)
        return self._full

    def __getitem__(self, table: str) -> StepTable:
        return StepTable(self, table)

    def __getattr__(self, name: str):
        return getattr(self.full(), name)


class StepTable:
    def __init__(self, db: StepDatabase, name: str):
        self.db, self.name = db, name

    def insert(self, row: dict) -> None:
        self.insert_all([row])

    def insert_all(self, rows) -> None:
        rows = list(rows)
        columns = list(dict.fromkeys(column for row in rows for column in row))
        if rows:
            names = ", ".join(f'"{column}"' for column in columns)
            self.db.conn.executemany(f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" * len(columns))})',
                                     [[row.get(column) for column in columns] for row in rows])

    def __getattr__(self, name: str):
        return getattr(self.db.full()[self.name], name)


def check_integrity(conn: sqlite3.Connection, path, quick: bool = False) -> None:
    """Raise a DiaryError naming the first problem when the database behind ``conn`` is damaged."""
    try:
        verdict = conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise explain(path, error) from None
    if verdict != "ok":
        first = " ".join(verdict.replace("*** in database main ***", "").split())
        raise DiaryError("diary.integrity", path=path, problem=first)


def explain(path, error: sqlite3.Error) -> DiaryError:
    """One sentence for an error SQLite raised about the diary at ``path``."""
    text = str(error).lower()
    if "not a database" in text:
        return DiaryError("diary.not_sqlite", path=path)
    if "malformed" in text or "disk image" in text:
        return DiaryError("diary.damaged", path=path, reason=str(error))
    if "full" in text or getattr(error, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
        return DiaryError("diary.disk_full", path=path)
    if "locked" in text or "busy" in text:
        return DiaryError("diary.busy", path=path, seconds=BUSY_TIMEOUT_MS // 1000)
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return DiaryError("diary.cannot_open", path=path, reason=str(error))
    return DiaryError("file.unusable", path=path, reason=str(error))

# What a failure of SQLite itself looks like, for the faces to catch without importing sqlite3:
# they hand it to ``explain`` for the sentence.
StoreFailure = sqlite3.Error
