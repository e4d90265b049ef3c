"""The caregiver's overview in words: the same lines on the command line and in the app."""

from __future__ import annotations

from osteotrack.domain import numbers
from osteotrack.domain.describe import pain_text, when_text


def overview_lines(person) -> list[str]:
    """One profile's overview (an ``analysis.alerts.ProfileOverview``) as lines of plain text."""
    last = person.last_entry
    head = person.name + (" (active)" if person.active else "")
    head += f": last entry {when_text(last.at)}, pain {pain_text(last.pain)}" if last else ": no entries yet"
    now, before = person.changed.pain_now, person.changed.pain_before
    week = "This week: " + (f"average daily pain {numbers.pain(now.mean)} ({numbers.count(now.entries, 'entry')})"
                            if now.entries else "no entries")
    week += "; last week: " + (f"{numbers.pain(before.mean)} ({numbers.count(before.entries, 'entry')})"
                               if before.entries else "no entries") + "."
    return [head, week, *([f"Alert: {text}" for text in person.alerts] or ["Nothing to flag."])]
