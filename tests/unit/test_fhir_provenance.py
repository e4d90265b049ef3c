"""Who entered a record, in the FHIR Bundle: a Provenance naming the caregiver as a RelatedPerson.

Sources (stored copies reached through the project's search tool, December 2026):
- Provenance cardinalities in R4 (4.0.1): the R4 page of the ehrsrle-provenance profile,
  https://hl7.org/fhir/r4/ehrsrle/ehrsrle-provenance.html ("target 1..* Reference(Resource)",
  "recorded 1..1 instant", "agent 1..*", "who 1..1 Reference(Practitioner | PractitionerRole |
  RelatedPerson | Patient …)"), the same as the R4B dependency table
  https://hl7.org/fhir/R4b/provenance-dependencies.html.
- The agent type: code system http://terminology.hl7.org/CodeSystem/provenance-participant-type,
  code "enterer", display "Enterer", "A person entering the data into the originating system"
  (https://hl7.org/fhir/r4b/valueset-provenance-agent-type.html; US Core 3.1.0 on R4 lists it
  from that system at version 4.0.1,
  https://hl7.org/fhir/us/core/STU3.1/ValueSet-us-core-provenance-participant-type.html).
- RelatedPerson.patient is required (1..1); fhir.resources' R4B model refuses one without it,
  which the validation below relies on.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from fhir.resources.R4B.bundle import Bundle

from osteotrack.domain.records import Entry, Site
from osteotrack.views.fhir import bundle
from tests.conftest import NOW
from tests.support import active

TZ = timezone(timedelta(hours=1))


def resources(document, kind):
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def test_entries_a_caregiver_logged_have_a_provenance_naming_them(diary):
    me = active(diary)
    me.add_entry(Entry(at=datetime(2026, 11, 20, 8, 15, tzinfo=TZ), pain=3, entered_by=""), now=NOW)  # her own
    me.add_entry(Entry(at=datetime(2026, 11, 21, 19, 0, tzinfo=TZ), pain=6,
                       sites=[Site("mid-back", 7, "T8")], entered_by="Sam"), now=NOW)
    me.add_entry(Entry(at=datetime(2026, 11, 22, 9, 30, tzinfo=TZ), pain=5, entered_by="Sam"), now=NOW)
    document = bundle(diary)
    Bundle.model_validate(json.loads(json.dumps(document)))  # a valid R4 Bundle with the new resources
    [patient] = [e["fullUrl"] for e in document["entry"] if e["resource"]["resourceType"] == "Patient"]
    [sam] = resources(document, "RelatedPerson")  # one per caregiver, whatever the number of entries
    assert sam["patient"] == {"reference": patient} and sam["name"] == [{"text": "Sam"}]
    provenances = resources(document, "Provenance")
    assert len(provenances) == 2  # Sam's two entries; the patient's own needs none
    first = provenances[0]
    urls = {e["resource"]["id"]: e["fullUrl"] for e in document["entry"]}
    observations = [o for o in resources(document, "Observation") if o.get("valueInteger") in (6, 7)]
    # Sam's first entry is two Observations (the overall pain 6 and the mid-back's 7): both are targets.
    assert sorted(t["reference"] for t in first["target"]) == sorted(urls[o["id"]] for o in observations)
    assert first["recorded"] == "2026-11-21T19:00:00+01:00"  # an instant: seconds and a zone
    [agent] = first["agent"]
    assert agent["who"]["reference"] == urls[sam["id"]] and agent["who"]["display"] == "Sam"
    assert agent["type"]["coding"] == [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                        "code": "enterer", "display": "Enterer"}]


def test_the_same_diary_gives_the_same_provenance_ids(diary):
    active(diary).add_entry(Entry(at=datetime(2026, 11, 21, 19, 0, tzinfo=TZ), pain=6, entered_by="Sam"), now=NOW)
    ids = lambda: [e["fullUrl"] for e in bundle(diary)["entry"]]  # noqa: E731
    assert ids() == ids()
