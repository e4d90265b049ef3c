"""Bone care in the FHIR Bundle: a valid R4 Bundle, references that resolve, codes from their own systems.

The codes and where they were checked: tests/unit/test_bone_codes.py (ATC, RxNorm, LOINC 8302-2, UCUM cm).
FHIR structures from the R4 specification: MedicationStatement (medication[x], effectivePeriod, dosage.timing),
MedicationAdministration (status, medication[x], subject, effective[x], supportingInformation), Timing.repeat
periodUnit from UCUM (s | min | h | d | wk | mo | a).
"""

from __future__ import annotations

import json

from fhir.resources.R4B.bundle import Bundle

from osteotrack.views.fhir import bundle
from tests.functional.test_bone_transfer import fill


def resources(document, kind):
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_with_bone_care_validates_and_every_reference_resolves(diary):
    document = bundle(fill(diary))
    Bundle.model_validate(json.loads(json.dumps(document)))
    urls = {e["fullUrl"] for e in document["entry"]}
    references = []

    def walk(value):
        if isinstance(value, dict):
            if "reference" in value:
                references.append(value["reference"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(document)
    assert references and set(references) <= urls


def test_treatments_doses_and_height_carry_their_codes_and_timing(diary):
    document = bundle(fill(diary))
    statements = resources(document, "MedicationStatement")
    alendronate, strontium = statements
    assert alendronate["status"] == "completed" and strontium["status"] == "active"
    assert alendronate["medicationCodeableConcept"]["coding"] == [
        {"system": "http://www.whocc.no/atc", "code": "M05BA04", "display": "Alendronate"}
    ]
    assert "coding" not in strontium["medicationCodeableConcept"]  # the user's own: words only
    assert alendronate["effectivePeriod"] == {"start": "2026-01-05", "end": "2026-06-30"}
    assert alendronate["dosage"][0]["timing"]["repeat"] == {"frequency": 1, "period": 1, "periodUnit": "wk"}
    assert alendronate["dosage"][0]["text"] == "70 mg every week"
    doses = resources(document, "MedicationAdministration")
    assert [d["effectiveDateTime"] for d in doses] == ["2026-01-05T09:00:00+01:00", "2026-01-14T09:00:00+01:00"]
    statement_url = next(e["fullUrl"] for e in document["entry"] if e["resource"] is alendronate)
    assert all(d["supportingInformation"] == [{"reference": statement_url}] for d in doses)
    heights = [
        o for o in resources(document, "Observation") if o["code"].get("coding", [{}])[0].get("code") == "8302-2"
    ]
    assert [h["valueQuantity"] for h in heights] == [
        {"value": 164.0, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"},
        {"value": 159.8, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"},
    ]
    assert heights[0]["code"]["coding"][0]["system"] == "http://loinc.org"
    assert heights[0]["category"][0]["coding"][0]["code"] == "vital-signs"


def test_falls_check_impression_side_effects_and_near_fall_are_observations_in_words(diary):
    document = bundle(fill(diary))
    observations = resources(document, "Observation")
    by_text = {}
    for o in observations:
        by_text.setdefault(o["code"].get("text", ""), []).append(o)
    [check] = by_text["Falls check: the three questions of the CDC STEADI falls screening"]
    assert [c["valueBoolean"] for c in check["component"]] == [True, False, True]
    [impression] = [o for t, found in by_text.items() if t.startswith("Patient Global Impression") for o in found]
    assert impression["valueInteger"] == 2
    assert impression["note"][0]["text"] == "Impression of change since the start of Alendronate: 2 (much improved)"
    [heartburn] = by_text["Side effect of Alendronate"]
    assert heartburn["valueString"] == "heartburn" and heartburn["component"][0]["valueInteger"] == 4
    assert "focus" in heartburn
    [dizzy] = by_text["Side effect of Tramadol"]
    assert "focus" not in dizzy  # a pain medicine has no statement here
    [near] = by_text["Near-fall (almost fell)"]
    assert near["note"] == [{"text": "caught the rail"}]
    for o in observations:
        if "identifier" in o:
            assert o["identifier"][0]["value"].startswith("urn:uuid:")
    bone = [o for o in observations if "identifier" in o]
    assert len(bone) == 2 + 1 + 1 + 2 + 1  # heights, falls check, impression, side effects, near-fall
    assert all(o["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">') for o in bone)
