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
  the mCODE (R4) laterality extension with SNOMED CT 7771000 Left / 24028007
  Right, never as a second coding (codings of one concept are translations);
- each daily check-in with PEG answers is one ``Observation`` coded as the LOINC
  PEG panel 91148-7 with components 75893-8 (average pain), 91145-3
  (interference with enjoyment of life), 91146-1 (interference with general
  activity) and, when all three are given, the score 91147-9 (their mean);
- an entry a caregiver logged (``entered_by``) has a ``Provenance`` naming that caregiver as a
  ``RelatedPerson`` of the patient (see ``views/fhir_provenance.py``, shared by every record kind
  that keeps who entered it).

Codes were checked against published sources: LOINC term pages for 72514-3 and
91147-9 and the PEG panel's item list; DICOM PS3.16 CID 4031 for the body
structures; the FHIR bodystructure-laterality value set for left and right.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from osteotrack import __version__
from osteotrack.domain.records import CheckIn, Entry
from osteotrack.domain.validate import Vocabulary
from osteotrack.views.fhir_bone import bone_resources
from osteotrack.views.fhir_provenance import caregiver_provenance

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality"

PAIN_SEVERITY = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PEG_PANEL = ("91148-7", "Pain intensity, Enjoyment of life, General activity scale [PEG]")
PEG_ITEMS = {
    "peg_pain": ("75893-8", "What number best describes your pain on average in the past week"),
    "peg_enjoyment": ("91145-3", "What number best describes how, during the past week, pain has interfered "
                                 "with your enjoyment of life"),
    "peg_activity": ("91146-1", "What number best describes how, during the past week, pain has interfered "
                                "with your general activity"),
}
PEG_SCORE = ("91147-9", "Mean score [PEG]")
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


def _observation(full_url: str, patient: str, code: dict, effective: str, **fields) -> dict:
    resource = {"resourceType": "Observation", "id": full_url.rsplit(":", 1)[1], "status": "final",
                "category": _survey(), "code": code, "subject": {"reference": patient},
                "effectiveDateTime": effective, **fields}
    return {"fullUrl": full_url, "resource": resource}


def entry_resources(entry: Entry, patient: str, vocab: Vocabulary) -> list[dict]:
    """Bundle entries for one pain entry: its overall pain, then one per site."""
    assert entry.id is not None, "only a stored entry is exported"
    effective = entry.at.isoformat()
    code = _concept(LOINC, PAIN_SEVERITY)
    sites = []
    for site in entry.sites:
        url = _urn("site", entry.id, site.location)
        sites.append(_observation(url, patient, code, effective, valueInteger=site.intensity,
                                  bodySite=body_site(site.location, site.level, vocab)))
    fields: dict = {"valueInteger": entry.pain}
    if entry.note:
        fields["note"] = [{"text": entry.note}]
    if sites:
        fields["hasMember"] = [{"reference": s["fullUrl"]} for s in sites]
    main = _observation(_urn("entry", entry.id), patient, code, effective, **fields)
    return [main, *sites]


def checkin_resource(checkin: CheckIn, patient: str) -> dict | None:
    """The PEG panel for one check-in, or None when it holds no PEG answer."""
    components = [
        {"code": _concept(LOINC, PEG_ITEMS[field]), "valueInteger": getattr(checkin, field)}
        for field in PEG_ITEMS if getattr(checkin, field) is not None
    ]
    if not components:
        return None
    assert checkin.id is not None, "only a stored check-in is exported"
    score = checkin.peg_score
    if score is not None:
        components.append({"code": _concept(LOINC, PEG_SCORE),
                           "valueQuantity": {"value": round(score, 2), "unit": "{score}", "system": UCUM,
                                             "code": "{score}"}})
    return _observation(_urn("checkin", checkin.id), patient, _concept(LOINC, PEG_PANEL),
                        checkin.day.isoformat(), component=components)


def bundle(diary, profiles: list[str] | None = None, progress=None) -> dict:
    """The diary (or the named profiles) as a FHIR R4 Bundle of type collection, as plain JSON data.

    ``progress(done, total)`` is called after each profile's entries.
    """
    vocab = diary.vocabulary()
    chosen = [p for p in diary.profiles() if profiles is None or p.name in profiles]
    resources: list[dict] = []
    for done, p in enumerate(chosen, start=1):
        patient = _urn("profile", p.name)
        resources.append({"fullUrl": patient, "resource": {
            "resourceType": "Patient", "id": patient.rsplit(":", 1)[1], "name": [{"text": p.name}]}})
        entered = []
        for entry in diary.profile_by_id(p.id).entries(newest_first=False):
            found = entry_resources(entry, patient, vocab)
            resources.extend(found)
            if entry.entered_by:  # logged by a caregiver: say who, in a Provenance (the entry's time as recorded)
                entered.append(([r["fullUrl"] for r in found], entry.entered_by, entry.at))
        for checkin in diary.profile_by_id(p.id).checkins():
            panel = checkin_resource(checkin, patient)
            if panel:
                resources.append(panel)
        resources.extend(bone_resources(diary.profile_by_id(p.id), patient, _urn))  # bone care (issue 16)
        resources.extend(caregiver_provenance(entered, patient, _urn))
        if progress:
            progress(done, len(chosen))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "meta": {"tag": [{"display": f"osteotrack {__version__}: patient-reported data"}]},
        "entry": resources,
    }
