"""FHIR R4 export: a Bundle (type collection) a clinic's system can read.

What goes in, and why it is shaped this way:

- one ``Patient`` per profile (the name only: the diary holds nothing else);
- per pain entry, one pain-severity ``Observation`` (LOINC 72514-3, "Pain
  severity - 0-10 verbal numeric rating [Score] - Reported", ``valueInteger``
  0–10) for the overall pain, at the entry's own time and UTC offset;
- per place that hurts, one more 72514-3 ``Observation`` with that site's own
  intensity and its ``bodySite``. In R4 ``Observation.bodySite`` holds one
  CodeableConcept and ``component`` has no body site, so one Observation cannot
  honestly carry several sites with their intensities. The entry's Observation
  lists its site Observations in ``hasMember``.
- ``bodySite`` is the SNOMED CT body structure of the location; the side goes in
  the mCODE (STU4) Laterality Qualifier extension
  (``http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier``,
  usable on ``Observation.bodySite``, its value bound to SNOMED CT 7771000 Left /
  24028007 Right), never as a second coding (codings of one concept are translations);
- each check-in whose PEG was asked about the past week, as the PEG is validated, is
  one ``Observation`` coded as the LOINC PEG panel 91148-7 with components 75893-8
  (average pain), 91145-3 (interference with enjoyment of life), 91146-1
  (interference with general activity) and, when all three are given, the score
  91147-9 (their mean); its ``effectiveDateTime`` is the moment it was answered, with
  its offset. Check-ins from before the weekly PEG asked the three questions about
  their own day: they are exported in words (``code.text``), never under the PEG codes;
- every resource carries a narrative (``text``, status generated), every Observation an
  ``identifier`` back to its diary record; an entry a caregiver logged for someone
  (``entered_by``) has a ``Provenance`` naming a ``RelatedPerson`` as the one who entered it.

Codes were checked against published sources; see tests/unit/test_fhir_export.py.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from osteotrack import __version__
from osteotrack.domain.records import CheckIn, Entry
from osteotrack.domain.validate import Vocabulary
from osteotrack.views.fhir_bone import _identifier, _narrative, bone_resources

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
ENTRY_SITE_SYSTEM = "urn:osteotrack:entry-site"  # identifier value: the entry's id / the location

PAIN_SEVERITY = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PEG_PANEL = ("91148-7", "Pain intensity, Enjoyment of life, General activity scale [PEG]")
PEG_ITEMS = {
    "peg_pain": ("75893-8", "What number best describes your pain on average in the past week?"),
    "peg_enjoyment": ("91145-3", "What number best describes how, during the past week, pain has interfered "
                                 "with your enjoyment of life?"),
    "peg_activity": ("91146-1", "What number best describes how, during the past week, pain has interfered "
                                "with your general activity?"),
}
PEG_SCORE = ("91147-9", "Mean score [PEG]")
# Check-ins from before the weekly PEG asked the three questions about their own day: said in words, not coded.
OLD_CHECKIN = "Daily check-in (before the weekly PEG): three questions about that day"
OLD_ITEMS = {
    "peg_pain": "Pain on average that day (0-10)",
    "peg_enjoyment": "How much pain got in the way of enjoying life that day (0-10)",
    "peg_activity": "How much pain got in the way of everyday activities that day (0-10)",
}
PROVENANCE_AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
LATERALITY = {"left": ("7771000", "Left"), "right": ("24028007", "Right")}

# Stable ids: the same diary exports the same resource ids every time.
_NAMESPACE = uuid.UUID("6f0d3c52-8a51-4c53-9d0e-5e7f1a1b2c3d")


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '/'.join(parts))}"


def _concept(system: str, code_display: tuple[str, str], text: str | None = None) -> dict:
    code, display = code_display
    concept: dict = {"coding": [{"system": system, "code": code, "display": display}]}
    if text:
        concept["text"] = text
    return concept


def _survey() -> list[dict]:
    return [_concept(CATEGORY, ("survey", "Survey"))]


def body_site(location: str, level: str | None, vocab: Vocabulary) -> dict:
    """A location as an R4 ``bodySite``: SNOMED CT structure, side as an extension, words as text."""
    term = vocab.terms["location"].get(location)
    name = vocab.name("location", location) + (f" {level}" if level else "")
    site: dict = {"text": name}
    if term is not None and term.snomed:
        site["coding"] = [{"system": SNOMED, "code": term.snomed}]
    if term is not None and term.laterality in LATERALITY:
        site["extension"] = [{"url": LATERALITY_EXTENSION,
                              "valueCodeableConcept": _concept(SNOMED, LATERALITY[term.laterality])}]
    return site


def _observation(full_url: str, patient: str, code: dict, effective: str, narrative: str, identifier: list[dict],
                 **fields) -> dict:
    resource = {"resourceType": "Observation", "id": full_url.rsplit(":", 1)[1], "text": _narrative(narrative),
                "identifier": identifier, "status": "final", "category": _survey(), "code": code,
                "subject": {"reference": patient}, "effectiveDateTime": effective, **fields}
    return {"fullUrl": full_url, "resource": resource}


def entry_resources(entry: Entry, patient: str, vocab: Vocabulary) -> list[dict]:
    """Bundle entries for one pain entry: its overall pain, one per site, and who entered it when not the patient."""
    assert entry.id is not None, "only a stored entry is exported"
    effective = entry.at.isoformat()
    code = _concept(LOINC, PAIN_SEVERITY)
    sites = []
    for site in entry.sites:
        url = _urn("site", entry.id, site.location)
        where = body_site(site.location, site.level, vocab)
        sites.append(_observation(url, patient, code, effective,
                                  f"Pain at {where['text']}: {site.intensity} of 10, {effective}.",
                                  [{"system": ENTRY_SITE_SYSTEM, "value": f"{entry.id}/{site.location}"}],
                                  valueInteger=site.intensity, bodySite=where))
    fields: dict = {"valueInteger": entry.pain}
    if entry.note:
        fields["note"] = [{"text": entry.note}]
    if sites:
        fields["hasMember"] = [{"reference": s["fullUrl"]} for s in sites]
    main = _observation(_urn("entry", entry.id), patient, code, effective,
                        f"Pain {entry.pain} of 10 (0-10 numeric rating), {effective}.", _identifier(entry.id),
                        **fields)
    out = [main, *sites]
    if entry.entered_by:
        out += _entered_by(entry, patient, [main["fullUrl"], *(s["fullUrl"] for s in sites)])
    return out


def _entered_by(entry: Entry, patient: str, targets: list[str]) -> list[dict]:
    """A RelatedPerson for the caregiver named on the entry, and a Provenance saying they entered it."""
    assert entry.id is not None and entry.entered_by
    person = _urn("related-person", patient, entry.entered_by)
    provenance = _urn("provenance", entry.id)
    return [
        {"fullUrl": person, "resource": {
            "resourceType": "RelatedPerson", "id": person.rsplit(":", 1)[1],
            "text": _narrative(f"{entry.entered_by}, who logs entries for the patient."),
            "patient": {"reference": patient}, "name": [{"text": entry.entered_by}]}},
        {"fullUrl": provenance, "resource": {
            "resourceType": "Provenance", "id": provenance.rsplit(":", 1)[1],
            "text": _narrative(f"Entered by {entry.entered_by} for the patient, {entry.at.isoformat()}."),
            "target": [{"reference": t} for t in targets], "recorded": entry.at.isoformat(),
            "agent": [{"type": _concept(PROVENANCE_AGENT_TYPE, ("enterer", "Enterer")),
                       "who": {"reference": person, "display": entry.entered_by}}]}},
    ]


def checkin_resource(checkin: CheckIn, patient: str, answered: str | None = None) -> dict | None:
    """The PEG panel for one check-in asked about the past week (``answered``: when, with its offset); a
    check-in from before, which asked about its day, in words only; None when it holds no PEG answer."""
    assert checkin.id is not None, "only a stored check-in is exported"
    given = [field for field in PEG_ITEMS if getattr(checkin, field) is not None]
    if not given:
        return None
    effective = answered or checkin.day.isoformat()
    if not checkin.peg_week:
        components = [{"code": {"text": OLD_ITEMS[field]}, "valueInteger": getattr(checkin, field)} for field in given]
        words = "; ".join(f"{OLD_ITEMS[f]}: {getattr(checkin, f)}" for f in given)
        return _observation(_urn("checkin", checkin.id), patient, {"text": OLD_CHECKIN}, checkin.day.isoformat(),
                            f"{OLD_CHECKIN}, {checkin.day.isoformat()}. {words}.", _identifier(checkin.id),
                            component=components)
    components = [{"code": _concept(LOINC, PEG_ITEMS[field]), "valueInteger": getattr(checkin, field)}
                  for field in given]
    score = checkin.peg_score
    words = ", ".join(f"{PEG_ITEMS[f][1]}: {getattr(checkin, f)}" for f in given)
    if score is not None:
        components.append({"code": _concept(LOINC, PEG_SCORE),
                           "valueQuantity": {"value": round(score, 2), "unit": "{score}", "system": UCUM,
                                             "code": "{score}"}})
        words += f"; PEG score {round(score, 2)}"
    return _observation(_urn("checkin", checkin.id), patient, _concept(LOINC, PEG_PANEL), effective,
                        f"PEG (past 7 days), answered {effective}: {words}.", _identifier(checkin.id),
                        component=components)


def bundle(diary, profiles: list[str] | None = None, progress=None) -> dict:
    """The FHIR R4 Bundle of the diary (``_bundle``), always in English: the texts of an export are a contract,
    the same whatever language the app speaks."""
    from osteotrack.i18n import ENGLISH, speaking

    with speaking(ENGLISH):
        return _bundle(diary, profiles, progress)


def _bundle(diary, profiles: list[str] | None = None, progress=None) -> dict:
    """The diary (or the named profiles) as a FHIR R4 Bundle of type collection, as plain JSON data.

    ``progress(done, total)`` is called after each profile's entries.
    """
    vocab = diary.vocabulary()
    chosen = [p for p in diary.profiles() if profiles is None or p.name in profiles]
    resources: list[dict] = []
    for done, p in enumerate(chosen, start=1):
        patient = _urn("profile", p.name)
        resources.append({"fullUrl": patient, "resource": {
            "resourceType": "Patient", "id": patient.rsplit(":", 1)[1],
            "text": _narrative(f"{p.name}: the person whose pain diary this is."), "name": [{"text": p.name}]}})
        people: set[str] = set()
        for entry in diary.profile_by_id(p.id).entries(newest_first=False):
            for item in entry_resources(entry, patient, vocab):
                if item["resource"]["resourceType"] == "RelatedPerson":  # one per caregiver, not per entry
                    if item["fullUrl"] in people:
                        continue
                    people.add(item["fullUrl"])
                resources.append(item)
        for stored in diary.profile_by_id(p.id).stored_checkins():
            # Answered when it was saved: the stored UTC moment, written with its offset (+00:00).
            answered = datetime.strptime(stored.created_utc, "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=timezone.utc).isoformat()
            panel = checkin_resource(stored.record, patient, answered)
            if panel:
                resources.append(panel)
        resources.extend(bone_resources(diary.profile_by_id(p.id), patient, _urn))  # bone care (issue 16)
        if progress:
            progress(done, len(chosen))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "meta": {"tag": [{"display": f"osteotrack {__version__}: patient-reported data"}]},
        "entry": resources,
    }
