"""Bone care in the FHIR R4 Bundle.

- each treatment is a ``MedicationStatement``: the medicine coded in the WHO ATC (and RxNorm
  where verified), its period, and ``dosage.timing.repeat`` (once every ``period``
  ``periodUnit``, in UCUM units: d, wk, mo, a);
- each dose is a ``MedicationAdministration`` (status completed) whose
  ``supportingInformation`` points at its treatment's statement;
- each height is a vital-signs ``Observation`` coded LOINC 8302-2 "Body height", a
  ``valueQuantity`` in UCUM ``cm``;
- the falls check, the impression of change, side effects, falls and near-falls are survey
  ``Observation``\\ s described in words (``code.text``): no standard code for them could be
  verified, and an unverified code would be worse than none. A side effect of a bone
  treatment names that treatment's statement in ``focus``.

Every resource here carries a narrative (``text``), and every Observation an identifier
back to its record (the record's id as a ``urn:uuid``). See tests/unit/test_bone_codes.py
for where the codes were checked.
"""

from __future__ import annotations

from html import escape

from osteotrack.domain.bone import FALLS_QUESTIONS, IMPRESSIONS, MEDICINES, cm_text, medicine_name, parse_interval

ATC = "http://www.whocc.no/atc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
BODY_HEIGHT = ("8302-2", "Body height")


def _narrative(text: str) -> dict:
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{escape(text)}</div>'}


def _category(code: str, display: str) -> list[dict]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


def _identifier(record_id: str) -> list[dict]:
    return [{"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{record_id}"}]


def medication(slug: str, own_name: str = "") -> dict:
    """A medicine as a CodeableConcept: ATC (and RxNorm) codings for a built-in one, words for one's own."""
    name = medicine_name(slug, own_name)
    concept: dict = {"text": name}
    known = MEDICINES.get(slug)
    if known is not None:
        concept["coding"] = [{"system": ATC, "code": known.atc, "display": name}]
        if known.rxnorm:
            concept["coding"].append({"system": RXNORM, "code": known.rxnorm, "display": name.lower()})
    return concept


def _entry(url: str, resource: dict) -> dict:
    return {"fullUrl": url, "resource": {**resource, "id": url.rsplit(":", 1)[1]}}


def _observation(url: str, patient: str, record_id: str, code: dict, effective: str, category: list[dict],
                 narrative: str, **fields) -> dict:
    return _entry(
        url,
        {
            "resourceType": "Observation",
            "text": _narrative(narrative),
            "identifier": _identifier(record_id),
            "status": "final",
            "category": category,
            "code": code,
            "subject": {"reference": patient},
            "effectiveDateTime": effective,
            **fields,
        },
    )


def bone_resources(person, patient: str, urn) -> list[dict]:
    """Bundle entries for one profile's bone care; ``urn(*parts)`` makes the stable resource URLs."""
    out: list[dict] = []
    statements: dict[str, str] = {}
    by_medicine: dict[str, str] = {}
    for t in person.treatments():
        url = urn("treatment", t.id)
        statements[t.id] = url
        by_medicine[t.medicine] = url
        interval = parse_interval(t.every)
        dose = f"{t.dose} " if t.dose else ""
        period = {"start": t.since.isoformat(), **({"end": t.stopped.isoformat()} if t.stopped else {})}
        words = f"{t.display_name} {dose}{interval.words()} since {t.since.isoformat()}" + (
            f", stopped {t.stopped.isoformat()}" if t.stopped else "")
        resource = {"resourceType": "MedicationStatement", "text": _narrative(words),
                    "status": "completed" if t.stopped else "active",
                    "medicationCodeableConcept": medication(t.medicine, t.name), "subject": {"reference": patient},
                    "effectivePeriod": period,
                    "dosage": [{"text": f"{dose}{interval.words()}".strip(),
                                "timing": {"repeat": {"frequency": 1, "period": interval.count,
                                                      "periodUnit": interval.fhir_unit}}}]}
        notes = [n for n in (t.note, t.stop_note) if n]
        if notes:
            resource["note"] = [{"text": n} for n in notes]
        out.append(_entry(url, resource))
    for d in person.doses():
        url = urn("dose", d.id)
        resource = {"resourceType": "MedicationAdministration",
                    "text": _narrative(f"{medicine_name(d.medicine)} taken or given {d.at.isoformat()}"),
                    "status": "completed", "medicationCodeableConcept": medication(d.medicine),
                    "subject": {"reference": patient}, "effectiveDateTime": d.at.isoformat(),
                    "supportingInformation": [{"reference": statements[d.treatment_id]}]}
        if d.note:
            resource["note"] = [{"text": d.note}]
        out.append(_entry(url, resource))
    for h in person.heights():
        code = {"coding": [{"system": LOINC, "code": BODY_HEIGHT[0], "display": BODY_HEIGHT[1]}], "text": "Body height"}
        fields: dict = {"valueQuantity": {"value": h.mm / 10, "unit": "cm", "system": UCUM, "code": "cm"}}
        if h.note:
            fields["note"] = [{"text": h.note}]
        out.append(_observation(urn("height", h.id), patient, h.id, code, h.at.isoformat(),
                                _category("vital-signs", "Vital Signs"), f"Body height {cm_text(h.mm)}", **fields))
    survey = _category("survey", "Survey")
    for c in person.falls_checks():
        answers = {"fell": c.fell, "unsteady": c.unsteady, "worried": c.worried}
        components = [{"code": {"text": FALLS_QUESTIONS[key]}, "valueBoolean": value} for key, value in answers.items()]
        words = "; ".join(f"{FALLS_QUESTIONS[k]} {'Yes' if v else 'No'}" for k, v in answers.items())
        out.append(_observation(urn("falls-check", c.id), patient, c.id,
                                {"text": "Falls check: the three questions of the CDC STEADI falls screening"},
                                c.at.isoformat(), survey, words, component=components))
    for i in person.impressions():
        since = f"the start of {medicine_name(i.since_start_of)}" if i.since_start_of else "the start of the diary"
        words = f"Impression of change since {since}: {i.score} ({IMPRESSIONS[i.score]})"
        fields = {"valueInteger": i.score, "note": [{"text": words}] + ([{"text": i.note}] if i.note else [])}
        if i.since_start_of in by_medicine:
            fields["focus"] = [{"reference": by_medicine[i.since_start_of]}]
        out.append(_observation(urn("impression", i.id), patient, i.id,
                                {"text": "Patient Global Impression of Change (1 very much improved to 7 very much "
                                         "worse)"}, i.at.isoformat(), survey, words, **fields))
    for s in person.side_effects():
        words = f"Side effect of {medicine_name(s.medicine)}: {s.effect}" + (
            f", severity {s.severity} of 10" if s.severity is not None else "")
        fields = {"valueString": s.effect}
        if s.severity is not None:
            fields["component"] = [{"code": {"text": "Severity, 1 (barely noticed) to 10 (worst imaginable)"},
                                    "valueInteger": s.severity}]
        if s.medicine in by_medicine:
            fields["focus"] = [{"reference": by_medicine[s.medicine]}]
        if s.note:
            fields["note"] = [{"text": s.note}]
        out.append(_observation(urn("side-effect", s.id), patient, s.id,
                                {"text": f"Side effect of {medicine_name(s.medicine)}"}, s.at.isoformat(), survey,
                                words, **fields))
    for ev in person.events(kinds=("fall", "near-fall")):
        what = "Fall" if ev.kind == "fall" else "Near-fall (almost fell)"
        fields = {"note": [{"text": ev.note}]} if ev.note else {}
        out.append(_observation(urn("event", ev.id), patient, ev.id, {"text": what}, ev.at.isoformat(), survey,
                                what + (f": {ev.note}" if ev.note else ""), **fields))
    return out
