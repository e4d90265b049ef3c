"""Whether anything is logged today: the `remind` command and the Today screen ask the same question."""

from __future__ import annotations

from datetime import date


def logged_today(diary, profile_id: int, today: date) -> bool:
    """True when the profile has an entry on ``today`` (the local day it was entered in)."""
    return diary.count_entries(profile_id, today, today) > 0


def reminder(diary, profile_id: int, today: date) -> str | None:
    """One short line when nothing is logged today for the profile; None when something is."""
    if logged_today(diary, profile_id, today):
        return None
    return (f"osteotrack: nothing logged today for {diary.profile_name(profile_id)}; "
            "log with: osteotrack log --pain N")
