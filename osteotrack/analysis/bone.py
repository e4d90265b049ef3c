"""Bone care in figures: where each treatment stands, and the period's bone-care summary.

Everything here is counted from stored records through ``ProfileDiary``'s named reads; the
arithmetic of due days is the domain's (``osteotrack.domain.bone``). Records, never advice:
the figures say what was prescribed and done, with dates and counts.
"""

from __future__ import annotations

from datetime import date

from osteotrack.domain.bone import TreatmentStatus, due_line, status

# Injections and infusions months apart are worth a line before they fall due.
SOON_DAYS = 14


def treatment_statuses(person, today: date) -> list[TreatmentStatus]:
    """Each treatment of the profile (current first, then stopped) with its last dose, next due day and days late."""
    days = person.dose_days()
    found = [status(t, days.get(t.id, []), today) for t in person.treatments()]
    return sorted(found, key=lambda s: (s.next_due is None, s.next_due or date.max, s.treatment.since))


def due_now(person, today: date) -> list[TreatmentStatus]:
    """Current treatments whose next dose is due today or late."""
    return [s for s in treatment_statuses(person, today) if s.next_due is not None and s.next_due <= today]


def today_lines(person, today: date) -> list[str]:
    """Today's lines: a dose due today or late, and an injection or infusion due within two weeks."""
    out = []
    for s in treatment_statuses(person, today):
        if s.next_due is None:
            continue
        long_interval = s.treatment.interval.unit in ("m", "y")
        if s.next_due <= today or (long_interval and s.due_in <= SOON_DAYS):
            out.append(due_line(s, today))
    return [line for line in out if line]
