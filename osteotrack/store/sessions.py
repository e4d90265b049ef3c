"""Self-care sessions: one pain entry with the therapy use, plus the session row.

The entry (time = end of the session, pain = pain after, the therapy with its
derived relief, the notes) makes the session count wherever therapies are
counted; the ``self_care_sessions`` row keeps the pain before, the duration
and the pattern.
"""

from __future__ import annotations

from datetime import date, datetime

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Entry, TherapyUse
from osteotrack.domain.selfcare import SelfCareSession, validate_session
from osteotrack.domain.when import from_storage
from osteotrack.store.connection import new_id
from osteotrack.store.part import Part, day_range

_COLUMNS = ("s.id, s.entry_id, s.therapy, s.pattern, s.planned_s, s.duration_s, s.pain_before, s.pain_after,"
            " s.completed, e.at_utc, e.utc_offset_min, e.note")
_ROW = ("id", "entry_id", "therapy", "pattern", "planned_s", "duration_s", "pain_before", "pain_after", "completed")


class Sessions(Part):
    """The ``self_care_sessions`` table (each row tied to the entry it created)."""

    def add(self, session: SelfCareSession, profile_id: int, now: datetime | None = None) -> SelfCareSession:
        """Validate and store a session with the pain entry it creates; return it with both ids."""
        session = validate_session(session)
        therapy = self._diary.vocabulary().check("therapy", session.therapy)
        entry = Entry(at=session.ended, pain=session.pain_after,
                      therapies=[TherapyUse(therapy, session.relief)], note=session.note.strip())
        with self._diary.writing():
            # One transaction: the entry and its session row are stored together or not at all.
            entry = self._diary._entries.add(entry, profile_id, now)
            session.therapy, session.entry_id, session.note = therapy, entry.id, entry.note
            session.id = session.id or new_id()
            self.insert(session)
        return session

    def insert(self, s: SelfCareSession) -> None:
        """Insert the session row of an already stored entry (also used by import)."""
        self._conn.execute(
            "INSERT INTO self_care_sessions (id, entry_id, therapy, pattern, planned_s, duration_s, pain_before,"
            " pain_after, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [s.id, s.entry_id, s.therapy, s.pattern, s.planned_seconds, s.duration_seconds, s.pain_before,
             s.pain_after, int(s.completed)],
        )

    def row_for_entry(self, entry_id: str) -> dict | None:
        """The raw session row of an entry, to put back after an undone delete."""
        row = self._one(f"SELECT {', '.join(_ROW)} FROM self_care_sessions WHERE entry_id = ?", [entry_id])
        return None if row is None else dict(row)

    def insert_row(self, row: dict) -> None:
        """Put back a row that ``row_for_entry`` read."""
        self._conn.execute(f"INSERT INTO self_care_sessions ({', '.join(_ROW)}) VALUES ({','.join('?' * len(_ROW))})",
                           [row[k] for k in _ROW])

    def known(self, session: SelfCareSession) -> bool:
        """Whether this session, or another for its entry, is already stored."""
        return self._value("SELECT 1 FROM self_care_sessions WHERE id = ? OR entry_id = ?",
                           [session.id, session.entry_id]) is not None

    def stored(self, profile_id: int, since: date | None = None, until: date | None = None) -> list[SelfCareSession]:
        """The profile's sessions between two local days (inclusive), oldest first."""
        where, params = day_range("e", "local_day", profile_id, since, until)
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM self_care_sessions s JOIN entries e ON e.id = s.entry_id"
            f" WHERE {where} ORDER BY e.at_utc, s.rowid", params,
        )
        return [_session(r) for r in rows]

    def check_entry(self, session: SelfCareSession, profile_id: int) -> None:
        """Refuse a session (from an import) whose entry is missing or belongs to another profile."""
        if self._diary._entries.owner(session.entry_id or "") != profile_id:
            raise ValidationError("session.entry_other_profile", field="entry_id", id=session.id,
                                  entry_id=session.entry_id)


def _session(r) -> SelfCareSession:
    return SelfCareSession(
        id=r["id"], entry_id=r["entry_id"], therapy=r["therapy"], pattern=r["pattern"], planned_seconds=r["planned_s"],
        duration_seconds=r["duration_s"], pain_before=r["pain_before"], pain_after=r["pain_after"],
        completed=bool(r["completed"]), ended=from_storage(r["at_utc"], r["utc_offset_min"]), note=r["note"],
    )
