"""Events: falls, fractures, procedures, imaging, DXA results and appointments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Event
from osteotrack.domain.validate import validate_event
from osteotrack.domain.when import from_storage, offset_minutes, to_utc_text
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import Part, Stored, day_range

# Local time order: the wall-clock time where the record was made (UTC plus its offset), so a fall at 02:00
# on 29 Nov in Kolkata (20:30 UTC on the 28th) comes after an appointment at 19:00 on 28 Nov in New York
# (00:00 UTC on the 29th).
LOCAL_ORDER = "datetime({t}.at_utc, {t}.utc_offset_min || ' minutes'), {t}.rowid"


class Events(Part):
    """The ``events`` table."""

    TABLE = "events"

    def add(self, event: Event, profile_id: int, now: datetime | None = None) -> Event:
        """Validate and store an event for the profile; return it with its id."""
        event = validate_event(event, self._diary.vocabulary(), now)
        event.id = event.id or new_id()
        stamp = now_utc()
        with self._diary.writing():
            self.insert(event, profile_id, stamp, stamp)
        return event

    def insert(self, ev: Event, profile_id: int, created: str, updated: str) -> None:
        """Insert an already validated event as it is, with its stamps (for import and the demo)."""
        self.insert_stamped([(ev, created, updated)], profile_id)

    def insert_stamped(self, stamped: list[tuple[Event, str, str]], profile_id: int,
                       changed: dict[str, str] | None = None) -> None:
        """Insert already validated events as they are, each with its created and updated stamps,
        in one statement (for bulk imports); ``changed`` as for ``Entries.insert_stamped``."""
        changed = changed or {}
        self._conn.executemany(
            "INSERT INTO events (id, profile_id, kind, at_utc, utc_offset_min, local_day, site, level, procedure,"
            " t_score, dxa_site, note, created_utc, updated_utc, changed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[ev.id, profile_id, ev.kind, to_utc_text(ev.at), offset_minutes(ev.at), ev.at.date().isoformat(),
              ev.site, ev.level, ev.procedure, ev.t_score, ev.dxa_site, ev.note, created, updated,
              changed.get(ev.id or "")] for ev, created, updated in stamped],
        )

    def delete(self, event_id: str, profile_id: int) -> None:
        """Delete the profile's event ``event_id``."""
        with self._diary.writing():
            if self._conn.execute("DELETE FROM events WHERE id = ? AND profile_id = ?",
                                  [event_id, profile_id]).rowcount == 0:
                raise ValidationError("event.not_found", field="id", id=event_id)

    def next_of_kind(self, profile_id: int, kind: str, after: datetime) -> Event | None:
        """The profile's first event of ``kind`` at or after the moment ``after``, or None."""
        found = self._one("SELECT id FROM events WHERE profile_id = ? AND kind = ? AND at_utc >= ?"
                          " ORDER BY at_utc, rowid LIMIT 1", [profile_id, kind, to_utc_text(after)])
        if found is None:
            return None
        return next(s.record for s in self.stored(profile_id, kinds=(kind,)) if s.record.id == found["id"])

    def stored(self, profile_id: int, since: date | None = None, until: date | None = None,
               kinds: tuple[str, ...] | None = None) -> list[Stored[Event]]:
        """The profile's events between two local days (inclusive), in local time order, with their stamps."""
        return list(self.each_stored(profile_id, since, until, kinds))

    def each_stored(self, profile_id: int, since: date | None = None, until: date | None = None,
                    kinds: tuple[str, ...] | None = None) -> Iterator[Stored[Event]]:
        """``stored``, read and given out a batch at a time (for export): memory stays flat however many
        there are. The caller must not write to the diary until it has read them all."""
        where, params = day_range("v", "local_day", profile_id, since, until)
        if kinds:
            where += f" AND v.kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        rows = self._each_row(
            "SELECT id, profile_id, kind, at_utc, utc_offset_min, site, level, procedure, t_score, dxa_site, note,"
            f" created_utc, updated_utc FROM events v WHERE {where} ORDER BY {LOCAL_ORDER.format(t='v')}", params,
        )
        return (
            Stored(Event(kind=r["kind"], at=from_storage(r["at_utc"], r["utc_offset_min"]), site=r["site"],
                         level=r["level"], procedure=r["procedure"], t_score=r["t_score"], dxa_site=r["dxa_site"],
                         note=r["note"], id=r["id"]),
                   r["profile_id"], r["created_utc"], r["updated_utc"])
            for r in rows
        )
