"""Height measurements, and the question for the doctor a height loss adds."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from osteotrack.domain.bone import Height, HeightLoss, loss_question, new_losses, validate_height
from osteotrack.domain.records import Question
from osteotrack.store.moments import MomentPart


class Heights(MomentPart[Height]):
    """The ``heights`` table: whole millimetres."""

    TABLE, KIND, COLUMNS = "heights", "height", ("mm", "note")

    def values(self, h: Height) -> list:
        return [h.mm, h.note]

    def record(self, row: sqlite3.Row, at: datetime) -> Height:
        return Height(at=at, mm=row["mm"], note=row["note"], id=row["id"])

    def add(self, height: Height, profile_id: int, now: datetime | None = None) -> tuple[Height, list[HeightLoss]]:
        """Validate and store a measurement; return it and the thresholds it newly crossed.

        A newly crossed threshold adds one open question for the doctor, in the same
        transaction (the user may delete it like any question).
        """
        height = validate_height(height, now)
        earlier = [s.record for s in self.stored(profile_id)]
        crossed = new_losses(earlier, height)
        with self._diary.writing():
            self.store(height, profile_id)
            if crossed:  # one question, about the larger loss, even when both thresholds are crossed at once
                loss = max(crossed, key=lambda found: (found.mm, found.kind == "total"))
                self._diary._questions.add(Question(text=loss_question(loss), created=height.at), profile_id)
        return height, crossed
