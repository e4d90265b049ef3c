"""What every part of the store shares: the diary's one connection, read by name.

A part holds the SQL of one record kind. Parts take the profile a call is about as
an explicit id; the faces never see them, they reach them through ``ProfileDiary``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date

from osteotrack.domain.record_base import Record

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from typing import Any, ClassVar, Generic, TypeVar

    from osteotrack.store.diary import Diary

    R = TypeVar("R")
else:
    class Generic:
        """What ``Stored[Entry]`` needs at run time of ``typing.Generic``: nothing (the type checker sees typing's)."""

        __slots__ = ()

        def __class_getitem__(cls, item):
            return cls

    R = "R"

# SQLite allows 32766 parameters per statement; lists of ids are cut into chunks far below that.
CHUNK = 900


def insert_rows(conn: sqlite3.Connection, head: str, rows: list) -> None:
    """The ``rows`` (sequences of one length) inserted by ``head`` (``INSERT INTO t (a, b)``), in their order, as
    ``executemany`` of ``head VALUES (?, ?)`` inserts them, but as many to a statement as CHUNK parameters allow:
    running a statement once for each row cost more than its values (a fifth of writing an import's parts)."""
    if not rows:
        return
    width = len(rows[0])
    per = max(1, CHUNK // width)
    row = f"({', '.join('?' * width)})"
    values = [value for one in rows for value in one]
    step = per * width
    full = f"{head} VALUES {', '.join([row] * per)}"
    for start in range(0, len(values), step):
        chunk = values[start:start + step]
        conn.execute(full if len(chunk) == step else f"{head} VALUES {', '.join([row] * (len(chunk) // width))}",
                     chunk)


class Stored(Record, Generic[R]):
    """A record as stored: the record itself, whose it is, and when it was written."""

    FIELDS = ("record", "profile_id", "created_utc", "updated_utc")
    __slots__ = FIELDS
    record: R
    profile_id: int
    created_utc: str
    updated_utc: str

    def __init__(self, record: R, profile_id: int, created_utc: str, updated_utc: str) -> None:
        self.record = record
        self.profile_id = profile_id
        self.created_utc = created_utc
        self.updated_utc = updated_utc


class Part:
    """One record kind's SQL over the diary's connection (its records in table ``TABLE``)."""

    TABLE: ClassVar[str] = ""

    def __init__(self, diary: Diary):
        self._diary = diary

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._diary._conn

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """The rows of a query, each read by column name."""
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, list(params)).fetchall()

    def _each_row(self, sql: str, params: Iterable[Any] = ()) -> Iterator[sqlite3.Row]:
        """The rows of a query, read a batch at a time (memory flat however many match); the caller
        must not write to the diary until it has read them all."""
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        cursor.execute(sql, list(params))
        while rows := cursor.fetchmany(CHUNK):
            yield from rows

    def _one(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Row | None:
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, list(params)).fetchone()

    def owner(self, record_id: str | None) -> int | None:
        """The id of the profile a record of this part belongs to, or None when there is no such record."""
        return self._value(f"SELECT profile_id FROM {self.TABLE} WHERE id = ?", [record_id])

    def owners(self, ids: list[str]) -> dict[str, int]:
        """``owner`` of each of ``ids`` the diary has, looked up a chunk at a time."""
        found: dict[str, int] = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            found.update(self._conn.execute(
                f"SELECT id, profile_id FROM {self.TABLE} WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def _value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self._conn.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]


def day_range(alias: str, column: str, profile_id: int, since: date | None, until: date | None) -> tuple[str, list]:
    """A WHERE clause (and its parameters) for one profile's records between two days, both included."""
    where = [f"{alias}.profile_id = ?"]
    params: list = [profile_id]
    if since is not None:
        where.append(f"{alias}.{column} >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append(f"{alias}.{column} <= ?")
        params.append(until.isoformat())
    return " AND ".join(where), params
