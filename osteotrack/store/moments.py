"""What the bone-care record kinds share: one table each, one row per record taken at a moment.

A moment is kept as the other records keep it: UTC text, the offset it was entered in and the
local day (``at_utc``, ``utc_offset_min``, ``local_day``). Each kind says its table, its own
columns and how a record becomes a row and back; this class holds the SQL they share.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.when import from_storage, offset_minutes, to_utc_text
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import Part, Stored, day_range, insert_rows

R = TypeVar("R")


class MomentPart(Part, Generic[R]):
    """One record kind kept at a moment, in its own table (``TABLE``, columns ``COLUMNS``)."""

    TABLE: ClassVar[str]
    KIND: ClassVar[str]  # the record's name in a sentence: "height", "falls check"
    COLUMNS: ClassVar[tuple[str, ...]]  # its own columns, after the moment's

    def values(self, record: R) -> list[Any]:
        """The record's own column values, in ``COLUMNS`` order."""
        raise NotImplementedError

    def record(self, row: sqlite3.Row, at: datetime) -> R:
        """A record from its row (read by name) and its moment."""
        raise NotImplementedError

    def insert(self, record: R, profile_id: int, created: str, updated: str) -> None:
        """Insert an already validated record as it is, with its stamps (for import and the demo)."""
        self.insert_stamped([(record, created, updated)], profile_id)

    def insert_stamped(self, stamped: list[tuple[R, str, str]], profile_id: int) -> None:
        """``insert`` of each of ``stamped`` (a record with its created and updated stamps), in few statements."""
        columns = ("id", "profile_id", "at_utc", "utc_offset_min", "local_day", *self.COLUMNS,
                   "created_utc", "updated_utc")
        rows = []
        for record, created, updated in stamped:
            at: datetime = record.at  # type: ignore[attr-defined]
            rows.append([record.id, profile_id, to_utc_text(at), offset_minutes(at),  # type: ignore[attr-defined]
                         at.date().isoformat(), *self.values(record), created, updated])
        insert_rows(self._conn, f"INSERT INTO {self.TABLE} ({', '.join(columns)})", rows)

    def store(self, record: R, profile_id: int) -> R:
        """Give an already validated record an id and store it in one transaction; return it."""
        record.id = record.id or new_id()  # type: ignore[attr-defined]
        stamp = now_utc()
        with self._diary.writing():
            self.insert(record, profile_id, stamp, stamp)
        return record

    def stored(self, profile_id: int, since: date | None = None, until: date | None = None) -> list[Stored[R]]:
        """The profile's records between two local days (inclusive), in time order, with their stamps."""
        where, params = day_range("x", "local_day", profile_id, since, until)
        rows = self._rows(
            f"SELECT x.id, x.profile_id, x.at_utc, x.utc_offset_min, {', '.join('x.' + c for c in self.COLUMNS)},"
            f" x.created_utc, x.updated_utc FROM {self.TABLE} x WHERE {where} ORDER BY x.at_utc, x.rowid", params)
        return [Stored(self.record(r, from_storage(r["at_utc"], r["utc_offset_min"])), r["profile_id"],
                       r["created_utc"], r["updated_utc"]) for r in rows]

    def delete(self, record_id: str, profile_id: int) -> None:
        """Delete the profile's record ``record_id``."""
        with self._diary.writing():
            if self._conn.execute(f"DELETE FROM {self.TABLE} WHERE id = ? AND profile_id = ?",
                                  [record_id, profile_id]).rowcount == 0:
                raise ValidationError("bone.not_found", field="id", kind=self.KIND, id=record_id)
