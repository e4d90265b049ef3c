"""Bone care today: where each treatment stands, the doses due, and the monthly questions due.

What the Today screen asks of bone care, apart from the period's figures (``analysis.bone``),
whose dataclasses Today does not need: loading them was a tenth of the app's start to its
first painted screen (issue 15). Counted from stored records through ``ProfileDiary``'s named
reads; the arithmetic of due days is the domain's (``osteotrack.domain.bone``).
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


def monthly_due(person, today: date) -> list[str]:
    """Which of the falls check and the impression of change the app should offer today.

    Each is offered when the last one is more than ``FALLS_CHECK_DAYS`` days old, or there is none
    yet, for a profile that keeps bone care (a treatment, a falls check or an impression); a
    diary that does not use bone care is not asked. Returns a subset of ``["falls-check",
    "impression"]``, in that order.
    """
    from osteotrack.domain.bone import FALLS_CHECK_DAYS

    checks, impressions = person.falls_checks(), person.impressions()
    if not (checks or impressions or person.treatments()):
        return []
    return [kind for kind, records in (("falls-check", checks), ("impression", impressions))
            if not records or (today - records[-1].at.date()).days > FALLS_CHECK_DAYS]
