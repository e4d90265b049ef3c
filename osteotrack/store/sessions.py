"""Storing self-care sessions: one pain entry with the therapy use, plus the session row.

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
from osteotrack.store.diary import Diary, new_id

_COLUMNS = ("s.id, s.entry_id, s.therapy, s.pattern, s.planned_s, s.duration_s, s.pain_before, s.pain_after,"
            " s.completed, e.at_utc, e.utc_offset_min, e.note")


def add_session(diary: Diary, session: SelfCareSession, profile_id: int | None = None,
                now: datetime | None = None) -> SelfCareSession:
    """Validate and store a session with the pain entry it creates; return it with both ids."""
    session = validate_session(session)
    therapy = diary.vocabulary().check("therapy", session.therapy)
    entry = Entry(at=session.ended, pain=session.pain_after,
                  therapies=[TherapyUse(therapy, session.relief)], note=session.note.strip())
    with diary.writing():
        # One transaction: the entry and its session row are stored together or not at all.
        entry = diary.add_entry(entry, profile_id, now)
        session.therapy, session.entry_id, session.note = therapy, entry.id, entry.note
        session.id = session.id or new_id()
        insert_session(diary, session)
    return session


def insert_session(diary: Diary, s: SelfCareSession) -> None:
    """Insert the session row of an already stored entry (also used by import)."""
    diary.conn.execute(
        "INSERT INTO self_care_sessions (id, entry_id, therapy, pattern, planned_s, duration_s, pain_before,"
        " pain_after, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [s.id, s.entry_id, s.therapy, s.pattern, s.planned_seconds, s.duration_seconds, s.pain_before,
         s.pain_after, int(s.completed)],
    )


def sessions(diary: Diary, profile_id: int | None = None, since: date | None = None,
             until: date | None = None) -> list[SelfCareSession]:
    """A profile's sessions between two local days (inclusive), oldest first."""
    where, params = diary._range("e", "local_day", profile_id, since, until)
    rows = diary.conn.execute(
        f"SELECT {_COLUMNS} FROM self_care_sessions s JOIN entries e ON e.id = s.entry_id"
        f" WHERE {where} ORDER BY e.at_utc, s.rowid", params,
    )
    return [_session(r) for r in rows]


def session_for_entry(diary: Diary, entry_id: str) -> SelfCareSession | None:
    """The session an entry was created by, if any."""
    row = diary.conn.execute(
        f"SELECT {_COLUMNS} FROM self_care_sessions s JOIN entries e ON e.id = s.entry_id WHERE s.entry_id = ?",
        [entry_id],
    ).fetchone()
    return _session(row) if row else None


def _session(r) -> SelfCareSession:
    return SelfCareSession(
        id=r[0], entry_id=r[1], therapy=r[2], pattern=r[3], planned_seconds=r[4], duration_seconds=r[5],
        pain_before=r[6], pain_after=r[7], completed=bool(r[8]), ended=from_storage(r[9], r[10]), note=r[11],
    )


def check_session_entry(diary: Diary, session: SelfCareSession, profile_id: int) -> None:
    """Refuse a session (from an import) whose entry is missing or belongs to another profile."""
    row = diary.conn.execute("SELECT profile_id FROM entries WHERE id = ?", [session.entry_id]).fetchone()
    if row is None or row[0] != profile_id:
        raise ValidationError(
            f"Session {session.id} refers to entry {session.entry_id}, which is not in the same profile."
        )

