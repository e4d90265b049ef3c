"""Check-ins: one a day and profile; sleep and mood daily, the PEG at most weekly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn
from osteotrack.domain.validate import validate_checkin
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import Part, Stored, day_range, insert_rows


class CheckIns(Part):
    """The ``checkins`` table."""

    TABLE = "checkins"

    def save(self, checkin: CheckIn, profile_id: int, today: date | None = None, weekly: bool = False) -> CheckIn:
        """Store the profile's check-in for its day; a second one for the same day replaces the first.

        PEG answers saved now were asked about the past week (``peg_week``). With ``weekly`` (the faces that
        ask the questions), PEG answers within 6 days of another week's PEG are refused: it is asked at most
        once a week.
        """
        checkin = validate_checkin(checkin, today)
        checkin.peg_week = checkin.has_peg
        if weekly and checkin.has_peg:
            near = self.weekly_peg_near(checkin.day, profile_id)
            if near is not None:
                raise ValidationError("checkin.peg_weekly", field="peg_pain", day=f"{near:%a %d %b}",
                                      next=f"{near + timedelta(days=7):%a %d %b}")
        existing = self.get(checkin.day, profile_id)
        stamp = now_utc()
        values = [checkin.peg_pain, checkin.peg_enjoyment, checkin.peg_activity, checkin.sleep, checkin.mood,
                  checkin.note, int(checkin.peg_week)]
        with self._diary.writing():
            if existing:
                checkin.id = existing.id
                self._conn.execute(
                    "UPDATE checkins SET peg_pain = ?, peg_enjoyment = ?, peg_activity = ?, sleep = ?, mood = ?,"
                    " note = ?, peg_week = ?, updated_utc = ? WHERE id = ?", [*values, stamp, existing.id],
                )
            else:
                checkin.id = checkin.id or new_id()
                self.insert(checkin, profile_id, stamp, stamp)
        return checkin

    def insert(self, c: CheckIn, profile_id: int, created: str, updated: str) -> None:
        """Insert an already validated check-in as it is, with its stamps (for import and the demo)."""
        self.insert_stamped([(c, created, updated)], profile_id)

    def insert_stamped(self, stamped: list[tuple[CheckIn, str, str]], profile_id: int,
                       changed: dict[str, str] | None = None) -> None:
        """Insert already validated check-ins as they are, each with its created and updated stamps,
        in one statement (for bulk imports); ``changed`` as for ``Entries.insert_stamped``."""
        changed = changed or {}
        insert_rows(
            self._conn,
            "INSERT INTO checkins (id, profile_id, day, peg_pain, peg_enjoyment, peg_activity, sleep, mood, note,"
            " peg_week, created_utc, updated_utc, changed_at)",
            [[c.id, profile_id, c.day.isoformat(), c.peg_pain, c.peg_enjoyment, c.peg_activity, c.sleep, c.mood,
              c.note, int(c.peg_week), created, updated, changed.get(c.id or "")] for c, created, updated in stamped],
        )

    def weekly_peg_near(self, day: date, profile_id: int) -> date | None:
        """The day of another check-in within 6 days of ``day`` holding a past-week PEG (the latest), or None."""
        text = self._value(
            "SELECT max(day) FROM checkins WHERE profile_id = ? AND peg_week = 1 AND day BETWEEN ? AND ?"
            " AND day != ?",
            [profile_id, (day - timedelta(days=6)).isoformat(), (day + timedelta(days=6)).isoformat(),
             day.isoformat()])
        return None if text is None else date.fromisoformat(text)

    def get(self, day: date, profile_id: int) -> CheckIn | None:
        """The profile's check-in of ``day``, or None."""
        found = self.stored(profile_id, day, day)
        return found[0].record if found else None

    def stored(self, profile_id: int, since: date | None = None,
               until: date | None = None) -> list[Stored[CheckIn]]:
        """The profile's check-ins between two days (inclusive), oldest first, with their stamps."""
        return list(self.each_stored(profile_id, since, until))

    def each_stored(self, profile_id: int, since: date | None = None,
                    until: date | None = None) -> Iterator[Stored[CheckIn]]:
        """``stored``, read and given out a batch at a time (for export): memory stays flat however many
        there are. The caller must not write to the diary until it has read them all."""
        where, params = day_range("c", "day", profile_id, since, until)
        rows = self._each_row(
            "SELECT id, profile_id, day, peg_pain, peg_enjoyment, peg_activity, sleep, mood, note, peg_week,"
            f" created_utc, updated_utc FROM checkins c WHERE {where} ORDER BY day", params,
        )
        return (
            Stored(CheckIn(day=date.fromisoformat(r["day"]), peg_pain=r["peg_pain"], peg_enjoyment=r["peg_enjoyment"],
                           peg_activity=r["peg_activity"], sleep=r["sleep"], mood=r["mood"], note=r["note"],
                           id=r["id"], peg_week=bool(r["peg_week"])),
                   r["profile_id"], r["created_utc"], r["updated_utc"])
            for r in rows
        )
