"""Side effects the patient puts down to a medicine."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from osteotrack.domain.bone import SideEffect, validate_side_effect
from osteotrack.store.moments import MomentPart


class SideEffects(MomentPart[SideEffect]):
    """The ``side_effects`` table."""

    TABLE, KIND, COLUMNS = "side_effects", "side effect", ("medicine", "effect", "severity", "note")

    def values(self, s: SideEffect) -> list:
        return [s.medicine, s.effect, s.severity, s.note]

    def record(self, row: sqlite3.Row, at: datetime) -> SideEffect:
        return SideEffect(effect=row["effect"], medicine=row["medicine"], at=at, severity=row["severity"],
                          note=row["note"], id=row["id"])

    def add(self, effect: SideEffect, profile_id: int, now: datetime | None = None) -> SideEffect:
        """Validate and store a side effect for the profile; return it with its id."""
        return self.store(validate_side_effect(effect, now), profile_id)

    def by_medicine(self, profile_id: int, since: date, until: date) -> list[sqlite3.Row]:
        """Per medicine and effect, most often first: ``medicine``, ``effect``, ``count``, ``worst`` severity,
        ``first`` and ``last`` local day."""
        return self._rows(
            "SELECT medicine, effect, count(*) AS count, max(severity) AS worst, min(local_day) AS first,"
            " max(local_day) AS last FROM side_effects WHERE profile_id = ? AND local_day BETWEEN ? AND ?"
            " GROUP BY medicine, effect ORDER BY medicine, count DESC, effect",
            [profile_id, since.isoformat(), until.isoformat()])
