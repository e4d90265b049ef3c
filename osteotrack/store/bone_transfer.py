"""Bone care in the JSON export, and back again without loss (``store.transfer`` calls these).

Each record keeps its id and its created and updated stamps; a dose names its treatment by id.
Files exported before bone care existed simply have none of these lists.
"""

from __future__ import annotations

from datetime import date

from osteotrack.domain.bone import (
    Dose,
    FallsCheck,
    Height,
    Impression,
    SideEffect,
    Treatment,
    validate_dose,
    validate_falls_check,
    validate_height,
    validate_impression,
    validate_side_effect,
    validate_treatment,
)
from osteotrack.domain.errors import ValidationError

KEYS = ("treatments", "doses", "heights", "falls_checks", "impressions", "side_effects")
WORDS = {"treatments": "treatment", "doses": "dose", "heights": "height", "falls_checks": "falls check",
         "impressions": "impression", "side_effects": "side effect"}


def _stamps(row) -> dict:
    return {"created": row.created_utc, "updated": row.updated_utc}


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def export_bone(diary, profile_id: int) -> dict:
    """The profile's bone-care records as plain JSON-ready lists, by key."""
    parts = diary._bone.parts()
    out: dict[str, list[dict]] = {key: [] for key in KEYS}
    for row in parts["treatments"].stored(profile_id):
        t = row.record
        out["treatments"].append({"id": t.id, "medicine": t.medicine, "name": t.name, "every": t.every,
                                  "since": t.since.isoformat(), "dose": t.dose, "stopped": _day(t.stopped),
                                  "note": t.note, "stop_note": t.stop_note, **_stamps(row)})
    for row in parts["doses"].stored(profile_id):
        d = row.record
        out["doses"].append({"id": d.id, "treatment_id": d.treatment_id, "medicine": d.medicine,
                             "at": d.at.isoformat(), "note": d.note, **_stamps(row)})
    for row in parts["heights"].stored(profile_id):
        h = row.record
        out["heights"].append({"id": h.id, "at": h.at.isoformat(), "mm": h.mm, "note": h.note, **_stamps(row)})
    for row in parts["falls_checks"].stored(profile_id):
        c = row.record
        out["falls_checks"].append({"id": c.id, "at": c.at.isoformat(), "fell": c.fell, "unsteady": c.unsteady,
                                    "worried": c.worried, **_stamps(row)})
    for row in parts["impressions"].stored(profile_id):
        i = row.record
        out["impressions"].append({"id": i.id, "at": i.at.isoformat(), "score": i.score,
                                   "since_start_of": i.since_start_of, "note": i.note, **_stamps(row)})
    for row in parts["side_effects"].stored(profile_id):
        s = row.record
        out["side_effects"].append({"id": s.id, "at": s.at.isoformat(), "medicine": s.medicine, "effect": s.effect,
                                    "severity": s.severity, "note": s.note, **_stamps(row)})
    return out


def parse_bone(r, p, profile: str) -> dict:
    """The bone-care lists of one profile of an untrusted document: ``(record, created, updated, where)`` each."""
    out = {}
    for key in KEYS:
        found = []
        for i, v in enumerate(r.get(p, key, list, False, [])):
            # A CSV import names its file and row (``_where``); a JSON file, the record's place in it.
            own = v.get("_where") if isinstance(v, dict) else None
            r.where = own or f"{WORDS[key]} {i + 1} of profile '{profile}'"
            found.append((_record(r, key, v), r.stamp(v, "created"), r.stamp(v, "updated"), r.where))
        out[key] = found
    return out


def _record(r, key: str, v):
    text = lambda name: r.get(v, name, str, False, "")  # noqa: E731
    if key == "treatments":
        stopped = r.day(v, "stopped") if r.get(v, "stopped", str, False) else None
        return Treatment(medicine=r.get(v, "medicine", str), every=r.get(v, "every", str), since=r.day(v, "since"),
                         dose=text("dose"), name=text("name"), stopped=stopped, note=text("note"),
                         stop_note=text("stop_note"), id=r.get(v, "id", str))
    if key == "doses":
        return Dose(medicine=r.get(v, "medicine", str), at=r.moment(v, "at"), note=text("note"),
                    treatment_id=r.get(v, "treatment_id", str), id=r.get(v, "id", str))
    if key == "heights":
        return Height(at=r.moment(v, "at"), mm=r.get(v, "mm", int), note=text("note"), id=r.get(v, "id", str))
    if key == "falls_checks":
        return FallsCheck(at=r.moment(v, "at"), fell=r.get(v, "fell", bool), unsteady=r.get(v, "unsteady", bool),
                          worried=r.get(v, "worried", bool), id=r.get(v, "id", str))
    if key == "impressions":
        return Impression(at=r.moment(v, "at"), score=r.get(v, "score", int),
                          since_start_of=r.get(v, "since_start_of", str, False), note=text("note"),
                          id=r.get(v, "id", str))
    return SideEffect(effect=r.get(v, "effect", str), medicine=r.get(v, "medicine", str), at=r.moment(v, "at"),
                      severity=r.get(v, "severity", int, False), note=text("note"), id=r.get(v, "id", str))


CHECKS = {"treatments": validate_treatment, "doses": validate_dose, "heights": validate_height,
          "falls_checks": validate_falls_check, "impressions": validate_impression,
          "side_effects": validate_side_effect}


def check_bone(p: dict, checked) -> None:
    """Validate every bone record of a parsed profile in place (``checked`` adds the file's sentence frame)."""
    for key in KEYS:
        p[key] = [(checked(CHECKS[key], record, where), created, updated, where)
                  for record, created, updated, where in p.get(key, [])]
    known = {t.id for t, *_ in p.get("treatments", [])}
    for dose, _, _, where in p.get("doses", []):
        if dose.treatment_id not in known:
            p.setdefault("_dose_treatments", []).append((dose.treatment_id, where))


def import_bone(diary, profile_id: int, p: dict, counts: dict) -> None:
    """Insert the profile's bone records not already in the diary (inside the import's transaction)."""
    parts = diary._bone.parts()
    for treatment_id, where in p.get("_dose_treatments", []):
        if parts["treatments"].owner(treatment_id) != profile_id:
            raise ValidationError("import.dose_treatment_unknown", field="file", where=where, id=treatment_id)
    for key in KEYS:
        counts.setdefault(key, 0)
        records = p.get(key, [])
        # Ids are unique within a file (checked): the records looked up at once, the new ones put in at once.
        owner = parts[key].owners([record.id for record, *_ in records])
        new = []
        for record, created, updated, _ in records:
            if record.id in owner:
                if owner[record.id] != profile_id:
                    raise ValidationError("import.other_profile", field="id", id=record.id)
                counts["skipped"] += 1
                continue
            new.append((record, created, updated))
        parts[key].insert_stamped(new, profile_id)
        counts[key] += len(new)
