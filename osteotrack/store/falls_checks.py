"""The falls check: three yes/no answers at a time."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from osteotrack.domain.bone import FallsCheck, validate_falls_check
from osteotrack.store.moments import MomentPart


class FallsChecks(MomentPart[FallsCheck]):
    """The ``falls_checks`` table."""

    TABLE, KIND, COLUMNS = "falls_checks", "falls check", ("fell", "unsteady", "worried")

    def values(self, c: FallsCheck) -> list:
        return [int(c.fell), int(c.unsteady), int(c.worried)]

    def record(self, row: sqlite3.Row, at: datetime) -> FallsCheck:
        return FallsCheck(at=at, fell=bool(row["fell"]), unsteady=bool(row["unsteady"]), worried=bool(row["worried"]),
                          id=row["id"])

    def add(self, check: FallsCheck, profile_id: int, now: datetime | None = None) -> FallsCheck:
        """Validate and store a falls check for the profile; return it with its id."""
        return self.store(validate_falls_check(check, now), profile_id)
