"""The FHIR R4 export: a Bundle that fhir.resources accepts, with the right codes, values and sites."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle

from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse
from osteotrack.views.fhir import bundle
from tests.conftest import NOW
from tests.support import active

TZ = timezone(timedelta(hours=-5))


@pytest.fixture
def filled(diary):
    diary.rename_profile("me", "Zoë Ελένη")
    active(diary).add_entry(
        Entry(
            at=datetime(2026, 11, 20, 8, 15, tzinfo=TZ),
            pain=7,
            sites=[Site("mid-back", 8, "T8"), Site("hip-left", 5), Site("all-over", 3)],
            triggers=["bending"],
            therapies=[TherapyUse("heat", 60)],
            note="bad morning",
        ),
        now=NOW,
    )
    # Logged by a caregiver for her: a Provenance names Sam as the one who entered it.
    active(diary).add_entry(Entry(at=datetime(2026, 11, 21, 19, 0, tzinfo=TZ), pain=2, entered_by="Sam"), now=NOW)
    active(diary).save_checkin(
        CheckIn(day=date(2026, 11, 20), peg_pain=6, peg_enjoyment=4, peg_activity=5), today=NOW.date()
    )
    active(diary).save_checkin(CheckIn(day=date(2026, 11, 21), peg_pain=3, sleep=7), today=NOW.date())
    active(diary).save_checkin(CheckIn(day=date(2026, 11, 22), sleep=7, mood=6), today=NOW.date())
    # A check-in from before the weekly PEG (as a migrated diary holds it): asked about its own day.
    diary._checkins.insert(CheckIn(day=date(2026, 11, 10), peg_pain=5, peg_enjoyment=5, peg_activity=5,
                                   id="0c000000-0000-4000-8000-0000000000aa"),
                           active(diary).id, "2026-11-10T20:00:00Z", "2026-11-10T20:00:00Z")
    return diary


def _observations(document, code):
    return [
        e["resource"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"].get("coding", [{}])[0].get("code")
        == code
    ]


def test_the_bundle_validates_as_fhir_r4(filled):
    document = bundle(filled)
    parsed = Bundle.model_validate(json.loads(json.dumps(document)))
    assert parsed.type == "collection"
    kinds = [e.resource.__resource_type__ for e in parsed.entry]
    # Patient, 2 entries + 3 sites, 2 PEG panels (the check-in of the 22nd has no PEG answer), 1 old daily
    # check-in in words; Sam as a RelatedPerson and the Provenance of his entry.
    assert kinds.count("Patient") == 1 and kinds.count("Observation") == 2 + 3 + 2 + 1
    assert kinds.count("RelatedPerson") == 1 and kinds.count("Provenance") == 1


def test_patient_carries_the_profile_name(filled):
    patients = [e["resource"] for e in bundle(filled)["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert patients[0]["name"] == [{"text": "Zoë Ελένη"}]


def test_pain_observations_have_loinc_value_time_and_member_sites(filled):
    document = bundle(filled)
    pain = _observations(document, "72514-3")
    urls = {e["resource"].get("id"): e["fullUrl"] for e in document["entry"]}
    overall = [o for o in pain if "bodySite" not in o]
    assert [o["valueInteger"] for o in overall] == [7, 2]
    first = overall[0]
    assert first["effectiveDateTime"] == "2026-11-20T08:15:00-05:00"
    assert first["code"]["coding"][0]["system"] == "http://loinc.org"
    assert first["note"] == [{"text": "bad morning"}]
    members = [m["reference"] for m in first["hasMember"]]
    sites = [o for o in pain if "bodySite" in o]
    assert sorted(members) == sorted(urls[o["id"]] for o in sites)
    by_text = {o["bodySite"]["text"]: o for o in sites}
    assert set(by_text) == {"Mid back T8", "Hip, left", "All over"}
    assert by_text["Mid back T8"]["valueInteger"] == 8
    assert by_text["Mid back T8"]["bodySite"]["coding"] == [{"system": "http://snomed.info/sct", "code": "122495006"}]
    hip = by_text["Hip, left"]["bodySite"]
    assert hip["coding"][0]["code"] == "29836001" and by_text["Hip, left"]["valueInteger"] == 5
    # mCODE STU4 Laterality Qualifier extension, context Observation.bodySite, its value bound (required) to
    # SNOMED CT 51440002 / 399488007 / 24028007 Right / 7771000 Left (qualifier values):
    # https://hl7.org/fhir/us/mcode/StructureDefinition-mcode-laterality-qualifier.html and
    # https://hl7.org/fhir/us/mcode/ValueSet-mcode-laterality-qualifier-vs.html
    assert hip["extension"][0]["url"] == "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
    side = hip["extension"][0]["valueCodeableConcept"]["coding"][0]
    assert (side["system"], side["code"]) == ("http://snomed.info/sct", "7771000")
    assert "coding" not in by_text["All over"]["bodySite"]  # no SNOMED code claimed for "all over"
    assert all(o["effectiveDateTime"] == "2026-11-20T08:15:00-05:00" for o in sites)


def test_peg_panel_has_its_items_and_mean_score(filled):
    panels = _observations(bundle(filled), "91148-7")
    # When each was answered, to the second with its offset (stored in UTC, so +00:00).
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", p["effectiveDateTime"]) for p in panels)
    assert len(panels) == 2  # the 20th and the 21st; the old daily check-in of the 10th is not a PEG panel
    full = {c["code"]["coding"][0]["code"]: c for c in panels[0]["component"]}
    assert {k: full[k]["valueInteger"] for k in ("75893-8", "91145-3", "91146-1")} == {
        "75893-8": 6,
        "91145-3": 4,
        "91146-1": 5,
    }
    assert full["91147-9"]["valueQuantity"]["value"] == 5.0  # (6 + 4 + 5) / 3
    partial = {c["code"]["coding"][0]["code"] for c in panels[1]["component"]}
    assert partial == {"75893-8"}  # no score without all three items
    # Each item's display is LOINC's name of the question, with its question mark (sources in PEG_SOURCES).
    assert {k: full[k]["code"]["coding"][0]["display"] for k in full} == {
        "75893-8": "What number best describes your pain on average in the past week?",
        "91145-3": "What number best describes how, during the past week, pain has interfered with your enjoyment of "
                   "life?",
        "91146-1": "What number best describes how, during the past week, pain has interfered with your general "
                   "activity?",
        "91147-9": "Mean score [PEG]",
    }


def test_export_command_writes_a_private_fhir_file(run_cli, filled, tmp_path):
    out = tmp_path / "bundle.json"
    result = run_cli("export", "--format", "fhir", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    again = run_cli("export", "--format", "fhir", "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output


def test_an_old_daily_check_in_is_exported_for_what_it_was(filled):
    (old,) = [e["resource"] for e in bundle(filled)["entry"] if e["resource"]["resourceType"] == "Observation"
              and "coding" not in e["resource"]["code"] and "component" in e["resource"]]
    # Asked about its own day, not the past week: in words, no LOINC code claimed, on its day.
    assert old["code"] == {"text": "Daily check-in (before the weekly PEG): three questions about that day"}
    assert old["effectiveDateTime"] == "2026-11-10"
    assert [c["valueInteger"] for c in old["component"]] == [5, 5, 5]
    assert all("coding" not in c["code"] for c in old["component"])


def test_a_caregivers_entry_has_a_provenance_naming_the_related_person(filled):
    document = bundle(filled)
    by_url = {e["fullUrl"]: e["resource"] for e in document["entry"]}
    (provenance,) = [r for r in by_url.values() if r["resourceType"] == "Provenance"]
    who = by_url[provenance["agent"][0]["who"]["reference"]]
    assert who["resourceType"] == "RelatedPerson" and who["name"] == [{"text": "Sam"}]
    # "enterer": "A person entering the data into the originating system", in
    # http://terminology.hl7.org/CodeSystem/provenance-participant-type
    # (https://hl7.org/fhir/r4/codesystem-provenance-agent-type.html).
    assert provenance["agent"][0]["type"]["coding"][0]["code"] == "enterer"
    (target,) = [by_url[t["reference"]] for t in provenance["target"]]
    assert (target["valueInteger"], target["effectiveDateTime"]) == (2, "2026-11-21T19:00:00-05:00")
    assert provenance["recorded"] == "2026-11-21T19:00:00-05:00"


# The codes the export may claim, each checked at a published source:
# - LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported" (https://loinc.org/72514-3/).
# - LOINC PEG (PEG_SOURCES): panel 91148-7 with items 75893-8 (pain on average in the past week), 91145-3
#   (interference with enjoyment of life, past week), 91146-1 (interference with general activity, past week) and
#   score 91147-9 "Mean score [PEG]" ("The PEG score is the average of the 3 individual item scores").
PEG_SOURCES = """
LOINC's own pages (loinc.org/91148-7, fhir.loinc.org/Questionnaire/?url=http://loinc.org/q/91148-7) and a LOINC
table file holding these codes are not among the stored copies the search tool reaches (searched December 2026:
pages, docs and code corpora, and exact strings "91148-7", "91145-3", "75893-8", "Mean score [PEG]"). Checked at:
1. uwcirg/fhir-questionnaires, CIRG-PEG.json, commit 21fdc396815ed3e6488dcace4e1d24d123a9c94b (University of
   Washington, CIRG): a FHIR Questionnaire "based primarily on https://loinc.org/91148-7/ ... using codes from
   [it]": code 91148-7; items 75893-8 "What number best describes your pain on average in the past week?",
   91145-3 and 91146-1 with the displays asserted above; 91147-9 "Mean score [PEG]". Its note: LOINC's FHIR
   Questionnaire for 91148-7 codes the first question differently; osteotrack follows the panel page's 75893-8.
2. LOINC's term description of 91147-9 ("The PEG score is the average of the 3 individual item scores ...
   [PMID19418100]", class SURVEY.PEG), as quoted at https://www.healthassure.in/codes/loinc-91147-9-mean-score-peg.
3. AHRQ CDS Connect / cqframework/cds4cpm IG (PainManager): "Mean score [PEG]": '91147-9' from http://loinc.org.
4. Krebs et al., J Gen Intern Med 2009 (https://link.springer.com/article/10.1007/s11606-009-0981-1): the three
   items ask about the past week.
The panel's display ("Pain intensity, Enjoyment of life, General activity scale [PEG]") could not be confirmed
against LOINC's own text: CIRG-PEG.json displays 91148-7 as "Pain intensity, Enjoyment of life, General activity
(PEG) 3 item pain scale". The code is what a receiver matches on; the display stays until a reader with loinc.org
confirms one or the other.
"""
# - SNOMED CT laterality 7771000 Left, 24028007 Right: the mCODE value set above.
LOINC_CODES = {"72514-3", "91148-7", "75893-8", "91145-3", "91146-1", "91147-9", "8302-2"}
REQUIRED = {  # R4 elements with cardinality 1.. for the resources this export writes
    "Observation": ("status", "code"),
    "Provenance": ("target", "recorded", "agent"),
    "RelatedPerson": ("patient",),
    "MedicationStatement": ("status", "medicationCodeableConcept", "subject"),
    "MedicationAdministration": ("status", "medicationCodeableConcept", "subject"),
}


def _references(value):
    """Every ``reference`` anywhere inside a resource."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "reference":
                yield inner
            else:
                yield from _references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _references(inner)


def _codings(value):
    if isinstance(value, dict):
        if "system" in value and "code" in value:
            yield value
        for inner in value.values():
            yield from _codings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _codings(inner)


def test_the_bundle_holds_together_as_a_strict_validator_checks_it(filled):
    _check_structure(bundle(filled))


def test_the_demo_diarys_bundle_holds_together_too(tmp_path):
    # Every kind of record the app writes, bone care included.
    from osteotrack.demo import write_demo
    from osteotrack.store import Diary

    write_demo(tmp_path / "demo.db", years=1, seed=3, end=date(2026, 11, 24))
    with Diary.open(tmp_path / "demo.db", read_only=True) as diary:
        _check_structure(bundle(diary))


def _check_structure(document: dict) -> None:
    """What fhir.resources does not check: references resolve, required elements, codes, ranges, narratives."""
    urls = [e["fullUrl"] for e in document["entry"]]
    assert len(urls) == len(set(urls))
    for item in document["entry"]:
        resource = item["resource"]
        kind = resource["resourceType"]
        # A narrative on every resource, generated, as XHTML.
        assert resource["text"]["status"] == "generated", kind
        assert resource["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">'), kind
        for element in REQUIRED.get(kind, ()):
            assert resource.get(element), (kind, element)
        # Every reference resolves to an entry of this Bundle.
        for reference in _references(resource):
            assert reference in urls, (kind, reference)
        if kind == "Observation":
            assert resource["status"] in ("registered", "preliminary", "final", "amended")
            (identifier,) = resource["identifier"]  # back to its diary record
            assert identifier["value"] and identifier["system"].startswith("urn:")
            values = [resource.get("valueInteger")] + [c.get("valueInteger") for c in resource.get("component", [])]
            assert all(0 <= v <= 10 for v in values if v is not None)  # every 0-10 answer in range
            for c in resource.get("component", []):
                if "valueQuantity" in c:
                    assert 0 <= c["valueQuantity"]["value"] <= 10
            if "effectiveDateTime" in resource and "T" in resource["effectiveDateTime"]:
                assert re.search(r"[+-]\d\d:\d\d$", resource["effectiveDateTime"])  # a time carries its offset
        # Every code from the system it claims.
        for coding in _codings(resource):
            if coding["system"] == "http://loinc.org":
                assert coding["code"] in LOINC_CODES, coding
            elif coding["system"] == "http://snomed.info/sct":
                assert coding["code"].isdigit(), coding
            elif coding["system"] == "http://terminology.hl7.org/CodeSystem/provenance-participant-type":
                assert coding["code"] == "enterer"
            elif coding["system"] == "http://terminology.hl7.org/CodeSystem/observation-category":
                assert coding["code"] in ("survey", "vital-signs")
