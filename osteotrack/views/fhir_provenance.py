"""Who entered a record for the patient, in the FHIR R4 Bundle: a ``RelatedPerson`` and a ``Provenance``.

A record a caregiver logged for the patient (a pain entry's ``entered_by``, and any other record
kind that keeps who entered it) gets one ``Provenance`` whose ``target`` is that record's
resources, ``recorded`` the instant it was recorded, and whose one ``agent`` is the caregiver as
a ``RelatedPerson`` of the patient, typed ``enterer`` ("a person entering the data into the
originating system") from the code system
http://terminology.hl7.org/CodeSystem/provenance-participant-type. Each caregiver is one
``RelatedPerson`` per patient, whatever the number of records. Records the patient entered
need no Provenance: the Observations' subject is the patient already.

R4 cardinalities kept: Provenance.target 1..*, recorded 1..1 (an instant, so with seconds and
a zone), agent 1..* with who 1..1 Reference(… RelatedPerson …); RelatedPerson.patient 1..1.
See tests/unit/test_fhir_provenance.py for the sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
ENTERER = ("enterer", "Enterer")


def _id(url: str) -> str:
    return url.rsplit(":", 1)[1]


def instant(moment: datetime) -> str:
    """A FHIR ``instant``: seconds and a zone always."""
    return moment.isoformat(timespec="seconds")


def caregiver_provenance(entered: Iterable[tuple[list[str], str, datetime]], patient: str,
                         urn: Callable[..., str]) -> list[dict]:
    """Bundle entries for records caregivers entered: each caregiver's ``RelatedPerson``, then one ``Provenance``
    per record.

    ``entered``: for each such record, the fullUrls of its resources, the caregiver's name and when it was
    recorded. ``patient`` is the Patient's fullUrl; ``urn(*parts)`` makes the Bundle's stable ids.
    """
    people: dict[str, dict] = {}
    provenances = []
    for targets, name, recorded in entered:
        if name not in people:
            url = urn("related-person", patient, name)
            people[name] = {"fullUrl": url, "resource": {
                "resourceType": "RelatedPerson", "id": _id(url), "patient": {"reference": patient},
                "name": [{"text": name}]}}
        url = urn("provenance", *targets)
        provenances.append({"fullUrl": url, "resource": {
            "resourceType": "Provenance", "id": _id(url),
            "target": [{"reference": target} for target in targets],
            "recorded": instant(recorded),
            "agent": [{"type": {"coding": [{"system": PARTICIPANT_TYPE, "code": ENTERER[0], "display": ENTERER[1]}]},
                       "who": {"reference": people[name]["fullUrl"], "display": name}}]}})
    return [*people.values(), *provenances]
