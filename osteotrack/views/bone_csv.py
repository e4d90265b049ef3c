"""Bone care in the CSV export: one file per record kind, one row per record, a header even when empty."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone

from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment
from osteotrack.views import bone_tables as rows

_DAY = date(2000, 1, 1)
_MOMENT = datetime(2000, 1, 1, tzinfo=timezone.utc)

# File name → (the ProfileDiary read, its row, a blank record for the header).
FILES = {
    "treatments.csv": ("treatments", rows.treatment_row, Treatment("x", "1d", _DAY)),
    "doses.csv": ("doses", rows.dose_row, Dose("x", _MOMENT)),
    "heights.csv": ("heights", rows.height_row, Height(_MOMENT, 1600)),
    "falls_checks.csv": ("falls_checks", rows.falls_check_row, FallsCheck(_MOMENT, False, False, False)),
    "impressions.csv": ("impressions", rows.impression_row, Impression(_MOMENT, 4)),
    "side_effects.csv": ("side_effects", rows.side_effect_row, SideEffect("x", "x", _MOMENT)),
}


def bone_files(diary, chosen) -> dict[str, tuple[list[str], list[dict]]]:
    """Each bone-care file's header and rows (oldest first) for the chosen profiles."""
    out = {}
    for filename, (read, row, blank) in FILES.items():
        found = []
        for p in chosen:
            person = diary.profile_by_id(p.id)
            reader: Callable[[], list] = getattr(person, read)
            found += [{"profile": p.name, **row(record)} for record in reader()]  # type: ignore[operator]
        out[filename] = (["profile", *row(blank)], found)  # type: ignore[operator]
    return out
