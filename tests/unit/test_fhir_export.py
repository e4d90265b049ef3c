"""The FHIR R4 export: a Bundle that fhir.resources accepts, with the right codes, values and sites."""

from __future__ import annotations

import json
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
    active(diary).add_entry(Entry(at=datetime(2026, 11, 21, 19, 0, tzinfo=TZ), pain=2), now=NOW)
    active(diary).save_checkin(
        CheckIn(day=date(2026, 11, 20), peg_pain=6, peg_enjoyment=4, peg_activity=5), today=NOW.date()
    )
    active(diary).save_checkin(CheckIn(day=date(2026, 11, 21), peg_pain=3, sleep=7), today=NOW.date())
    active(diary).save_checkin(CheckIn(day=date(2026, 11, 22), sleep=7, mood=6), today=NOW.date())
    return diary


def _observations(document, code):
    return [
        e["resource"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation" and e["resource"]["code"]["coding"][0]["code"] == code
    ]


def test_the_bundle_validates_as_fhir_r4(filled):
    document = bundle(filled)
    parsed = Bundle.model_validate(json.loads(json.dumps(document)))
    assert parsed.type == "collection"
    kinds = [e.resource.__resource_type__ for e in parsed.entry]
    # Patient, 2 entries + 3 sites, 2 PEG panels (the third check-in has no PEG answer).
    assert kinds.count("Patient") == 1 and kinds.count("Observation") == 2 + 3 + 2


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
    side = hip["extension"][0]["valueCodeableConcept"]["coding"][0]
    assert (side["system"], side["code"]) == ("http://snomed.info/sct", "7771000")
    assert "coding" not in by_text["All over"]["bodySite"]  # no SNOMED code claimed for "all over"
    assert all(o["effectiveDateTime"] == "2026-11-20T08:15:00-05:00" for o in sites)


def test_peg_panel_has_its_items_and_mean_score(filled):
    panels = _observations(bundle(filled), "91148-7")
    assert [p["effectiveDateTime"] for p in panels] == ["2026-11-20", "2026-11-21"]
    full = {c["code"]["coding"][0]["code"]: c for c in panels[0]["component"]}
    assert {k: full[k]["valueInteger"] for k in ("75893-8", "91145-3", "91146-1")} == {
        "75893-8": 6,
        "91145-3": 4,
        "91146-1": 5,
    }
    assert full["91147-9"]["valueQuantity"]["value"] == 5.0  # (6 + 4 + 5) / 3
    partial = {c["code"]["coding"][0]["code"] for c in panels[1]["component"]}
    assert partial == {"75893-8"}  # no score without all three items


def test_export_command_writes_a_private_fhir_file(run_cli, filled, tmp_path):
    out = tmp_path / "bundle.json"
    result = run_cli("export", "--format", "fhir", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    again = run_cli("export", "--format", "fhir", "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output
