"""Bone treatments: a medicine as prescribed, how often, since when and until when."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime

from osteotrack.domain.bone import Treatment, medicine_name, medicine_slug, validate_treatment
from osteotrack.domain.errors import ValidationError
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import Part, Stored, insert_rows

_COLUMNS = "id, profile_id, medicine, name, every, since, dose, stopped, note, stop_note, created_utc, updated_utc"


class Treatments(Part):
    """The ``bone_treatments`` table. One medicine has at most one treatment at a time."""

    TABLE = "bone_treatments"

    def add(self, treatment: Treatment, profile_id: int, now: datetime | None = None) -> Treatment:
        """Validate and store a treatment; refuse one that overlaps the same medicine's earlier treatment."""
        treatment = validate_treatment(treatment, now)
        for other in self.stored(profile_id, treatment.medicine):
            t = other.record
            if t.stopped is None:
                raise ValidationError("bone.already_taking", field="medicine", name=t.display_name,
                                      since=t.since.isoformat(), medicine=t.medicine)
            if treatment.since <= t.stopped:
                raise ValidationError("bone.overlap", field="since", name=t.display_name, since=t.since.isoformat(),
                                      until=t.stopped.isoformat())
        treatment.id = treatment.id or new_id()
        stamp = now_utc()
        with self._diary.writing():
            self.insert(treatment, profile_id, stamp, stamp)
        return treatment

    def insert(self, t: Treatment, profile_id: int, created: str, updated: str) -> None:
        """Insert an already validated treatment as it is, with its stamps (for import and the demo)."""
        self.insert_stamped([(t, created, updated)], profile_id)

    def insert_stamped(self, stamped: list[tuple[Treatment, str, str]], profile_id: int) -> None:
        """``insert`` of each of ``stamped`` (a treatment with its created and updated stamps), in few statements."""
        insert_rows(self._conn, f"INSERT INTO bone_treatments ({_COLUMNS})",
                    [[t.id, profile_id, t.medicine, t.name, t.every, t.since.isoformat(), t.dose,
                      None if t.stopped is None else t.stopped.isoformat(), t.note, t.stop_note, created, updated]
                     for t, created, updated in stamped])

    def stop(self, medicine: str, on: date, profile_id: int, note: str = "", now: datetime | None = None) -> Treatment:
        """Stop the profile's current treatment with ``medicine`` on day ``on``; return it as stored."""
        slug = medicine_slug(medicine)
        current = [s.record for s in self.stored(profile_id, slug) if s.record.stopped is None]
        if not current:
            raise ValidationError("bone.not_taking", field="medicine", name=medicine_name(slug))
        stopped = validate_treatment(replace(current[0], stopped=on, stop_note=note), now)
        assert stopped.stopped is not None
        with self._diary.writing():
            self._conn.execute("UPDATE bone_treatments SET stopped = ?, stop_note = ?, updated_utc = ? WHERE id = ?",
                               [stopped.stopped.isoformat(), stopped.stop_note, now_utc(), stopped.id])
        return stopped

    def covering(self, profile_id: int, medicine: str, day: date) -> Treatment | None:
        """The profile's treatment with ``medicine`` whose period covers ``day``, or None."""
        found = [s.record for s in self.stored(profile_id, medicine) if s.record.covers(day)]
        return found[0] if found else None

    def medicines(self, profile_id: int) -> list[str]:
        """The medicines the profile has (or had) a treatment with, in the order first started."""
        return [r["medicine"] for r in self._rows(
            "SELECT medicine, min(since) AS first FROM bone_treatments WHERE profile_id = ?"
            " GROUP BY medicine ORDER BY first, medicine", [profile_id])]

    def stored(self, profile_id: int, medicine: str | None = None) -> list[Stored[Treatment]]:
        """The profile's treatments (with ``medicine`` only, when given), by start day, with their stamps."""
        where, params = "profile_id = ?", [profile_id]  # type: tuple[str, list]
        if medicine is not None:
            where += " AND medicine = ?"
            params.append(medicine)
        rows = self._rows(f"SELECT {_COLUMNS} FROM bone_treatments WHERE {where} ORDER BY since, rowid", params)
        return [Stored(self._treatment(r), r["profile_id"], r["created_utc"], r["updated_utc"]) for r in rows]

    @staticmethod
    def _treatment(r: sqlite3.Row) -> Treatment:
        return Treatment(medicine=r["medicine"], every=r["every"], since=date.fromisoformat(r["since"]), dose=r["dose"],
                         name=r["name"], stopped=None if r["stopped"] is None else date.fromisoformat(r["stopped"]),
                         note=r["note"], stop_note=r["stop_note"], id=r["id"])
