"""Bone-care records as flat rows: for ``osteotrack list``, ``treatment list`` and the CSV export."""

from __future__ import annotations

from collections.abc import Callable

from osteotrack.domain.bone import (
    IMPRESSIONS,
    Dose,
    FallsCheck,
    Height,
    Impression,
    SideEffect,
    Treatment,
    TreatmentStatus,
    medicine_name,
)


def _moment(at) -> dict:
    return {"date": at.date().isoformat(), "time": at.strftime("%H:%M"), "utc_offset": at.strftime("%z")}


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def treatment_row(t: Treatment) -> dict:
    return {"id": t.id, "medicine": t.medicine, "name": t.display_name, "dose": t.dose, "every": t.every,
            "since": t.since.isoformat(), "stopped": "" if t.stopped is None else t.stopped.isoformat(),
            "note": t.note, "stop_note": t.stop_note}


def status_row(s: TreatmentStatus) -> dict:
    """A treatment with where it stands: last dose, next due day and days late (0 when on time)."""
    t = s.treatment
    return {"id": t.id, "medicine": t.medicine, "name": t.display_name, "dose": t.dose, "every": t.every,
            "since": t.since.isoformat(), "stopped": "" if t.stopped is None else t.stopped.isoformat(),
            "last_dose": "" if s.last_dose is None else s.last_dose.isoformat(),
            "next_due": "" if s.next_due is None else s.next_due.isoformat(), "days_late": s.days_late}


def dose_row(d: Dose) -> dict:
    return {"id": d.id, **_moment(d.at), "medicine": d.medicine, "name": medicine_name(d.medicine),
            "treatment_id": d.treatment_id, "note": d.note}


def height_row(h: Height) -> dict:
    return {"id": h.id, **_moment(h.at), "height_cm": f"{h.mm // 10}.{h.mm % 10}", "note": h.note}


def falls_check_row(c: FallsCheck) -> dict:
    return {"id": c.id, **_moment(c.at), "fell_past_year": _yes(c.fell), "unsteady": _yes(c.unsteady),
            "worried_about_falling": _yes(c.worried)}


def impression_row(i: Impression) -> dict:
    return {"id": i.id, **_moment(i.at), "score": i.score, "meaning": IMPRESSIONS[i.score],
            "since_start_of": i.since_start_of or "", "note": i.note}


def side_effect_row(s: SideEffect) -> dict:
    return {"id": s.id, **_moment(s.at), "medicine": s.medicine, "effect": s.effect,
            "severity": "" if s.severity is None else s.severity, "note": s.note}


# ``list --kind`` names, their ProfileDiary read and their row.
KINDS = {
    "treatments": ("treatments", treatment_row),
    "doses": ("doses", dose_row),
    "heights": ("heights", height_row),
    "falls-checks": ("falls_checks", falls_check_row),
    "impressions": ("impressions", impression_row),
    "side-effects": ("side_effects", side_effect_row),
}


def records(person, kind: str, since, until, limit) -> tuple[list, Callable[..., dict]]:
    """The records of one bone-care kind, newest first, and the function making a table row of one."""
    read, row = KINDS[kind]
    if kind == "treatments":
        found = [
            t
            for t in person.treatments()
            if (since is None or t.stopped is None or t.stopped >= since) and (until is None or t.since <= until)
        ]
    else:
        reader: Callable[..., list] = getattr(person, read)
        found = reader(since, until)
    return list(reversed(found))[:limit], row  # type: ignore[return-value]  # row: one of the table functions
