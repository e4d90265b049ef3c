"""Doses of bone treatments: each one taken (or injection or infusion given), against its treatment."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, datetime

from osteotrack.domain.bone import Dose, medicine_name, validate_dose
from osteotrack.domain.errors import ValidationError
from osteotrack.store.moments import MomentPart


class Doses(MomentPart[Dose]):
    """The ``bone_doses`` table; every dose names the treatment whose period covers its day."""

    TABLE, KIND, COLUMNS = "bone_doses", "dose", ("treatment_id", "medicine", "note")

    def values(self, d: Dose) -> list:
        return [d.treatment_id, d.medicine, d.note]

    def record(self, row: sqlite3.Row, at: datetime) -> Dose:
        return Dose(medicine=row["medicine"], at=at, note=row["note"], treatment_id=row["treatment_id"], id=row["id"])

    def add(self, dose: Dose, profile_id: int, now: datetime | None = None) -> Dose:
        """Validate and store a dose under the profile's treatment of that medicine on its day."""
        dose = validate_dose(dose, now)
        day = dose.at.date()
        treatment = self._diary._bone.treatments.covering(profile_id, dose.medicine, day)
        if treatment is None:
            raise ValidationError("bone.no_treatment", field="medicine", name=medicine_name(dose.medicine),
                                  medicine=dose.medicine, day=day.isoformat())
        dose.treatment_id = treatment.id
        return self.store(dose, profile_id)

    def days_by_treatment(self, profile_id: int) -> dict[str, list[date]]:
        """The local days of every dose of the profile, by treatment id, oldest first."""
        out: dict[str, list[date]] = defaultdict(list)
        for r in self._rows("SELECT treatment_id, local_day FROM bone_doses WHERE profile_id = ?"
                            " ORDER BY local_day, at_utc", [profile_id]):
            out[r["treatment_id"]].append(date.fromisoformat(r["local_day"]))
        return dict(out)
