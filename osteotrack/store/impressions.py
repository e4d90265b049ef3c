"""The patient's impression of change, 1 (very much improved) to 7 (very much worse)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from osteotrack.domain.bone import Impression, medicine_name, validate_impression
from osteotrack.domain.errors import ValidationError
from osteotrack.i18n import pgettext
from osteotrack.store.moments import MomentPart


class Impressions(MomentPart[Impression]):
    """The ``impressions`` table."""

    TABLE, KIND, COLUMNS = "impressions", "impression", ("score", "since_start_of", "note")

    def values(self, i: Impression) -> list:
        return [i.score, i.since_start_of, i.note]

    def record(self, row: sqlite3.Row, at: datetime) -> Impression:
        return Impression(at=at, score=row["score"], since_start_of=row["since_start_of"], note=row["note"],
                          id=row["id"])

    def add(self, impression: Impression, profile_id: int, now: datetime | None = None) -> Impression:
        """Validate and store an impression; "since the start of" must name one of the profile's treatments."""
        impression = validate_impression(impression, now)
        if impression.since_start_of:
            known = self._diary._bone.treatments.medicines(profile_id)
            if impression.since_start_of not in known:
                raise ValidationError("bone.unknown_treatment", field="since_start_of",
                                      name=medicine_name(impression.since_start_of),
                                      known=", ".join(known) or pgettext("an empty list", "none yet"))
        return self.store(impression, profile_id)
