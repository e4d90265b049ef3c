"""The records a quick log makes are written by hand (domain/record_base.py) but behave as the dataclasses they were:
equal by their fields, shown by them, each with its own lists, and still dataclasses to `dataclasses`."""

import dataclasses
from datetime import datetime, timezone

import pytest

from osteotrack.domain.more_records import CheckIn
from osteotrack.domain.record_base import field_names, replace
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.domain.vocabulary import Term
from osteotrack.store.part import Stored

AT = datetime(2026, 11, 30, 9, 15, tzinfo=timezone.utc)


def test_an_entry_is_equal_to_another_with_the_same_fields_only():
    one = Entry(AT, 6, [Site("lower-back", 7)], triggers=["bending"], therapies=[TherapyUse("heat", 60)])
    same = Entry(AT, 6, [Site("lower-back", 7)], triggers=["bending"], therapies=[TherapyUse("heat", 60)])
    assert one == same
    assert one != Entry(AT, 5, [Site("lower-back", 7)], triggers=["bending"], therapies=[TherapyUse("heat", 60)])
    assert one != Entry(AT, 6, [Site("lower-back", 6)], triggers=["bending"], therapies=[TherapyUse("heat", 60)])
    assert Site("neck", 3) != ("neck", 3, None)  # another kind is never equal, as with a dataclass
    with pytest.raises(TypeError):  # mutable, so not hashable (as a dataclass that is not frozen)
        hash(one)


def test_each_entry_has_lists_of_its_own():
    first, second = Entry(AT, 4), Entry(AT, 4)
    first.triggers.append("standing")
    assert second.triggers == [] and second.sites == [] and second.qualities == [] and second.therapies == []


def test_a_record_is_shown_by_its_fields_in_order():
    assert repr(Site("T8", 6, "T8")) == "Site(location='T8', intensity=6, level='T8')"
    assert repr(TherapyUse("ibuprofen", None, "Ibuprofen", "400 mg")) == (
        "TherapyUse(therapy='ibuprofen', relief=None, medication='Ibuprofen', dose='400 mg')")


def test_the_records_are_still_dataclasses_to_dataclasses():
    entry = Entry(AT, 6, [Site("neck", 3)], note="after gardening")
    assert dataclasses.is_dataclass(entry)
    assert [f.name for f in dataclasses.fields(Entry)] == list(Entry.FIELDS) == [
        "at", "pain", "sites", "qualities", "triggers", "therapies", "note", "for_doctor", "entered_by", "id"]
    moved = dataclasses.replace(entry, pain=8)
    assert moved.pain == 8 and moved.note == "after gardening" and moved.sites == [Site("neck", 3)]
    assert dataclasses.asdict(Site("neck", 3)) == {"location": "neck", "intensity": 3, "level": None}
    assert [f.name for f in dataclasses.fields(Stored)] == ["record", "profile_id", "created_utc", "updated_utc"]


def test_replace_changes_the_fields_named_on_records_and_dataclasses():
    use = TherapyUse("paracetamol", 30)
    assert replace(use, medication="Paracetamol", dose="500 mg") == TherapyUse("paracetamol", 30, "Paracetamol",
                                                                                 "500 mg")
    assert use.medication is None  # the record replaced is left as it was
    with pytest.raises(TypeError):
        replace(use, strength=3)  # not a field: refused, as dataclasses.replace does
    checkin = CheckIn(day=AT.date(), peg_pain=5)
    assert replace(checkin, peg_pain=3).peg_pain == 3
    assert field_names(CheckIn)[:2] == ("day", "peg_pain") and field_names(Site) == ("location", "intensity", "level")


def test_a_term_cannot_change_and_can_be_a_key():
    term = Term("trigger", "bending", "Bending")
    with pytest.raises(AttributeError):
        term.name = "Stooping"  # type: ignore[misc]
    assert {term: 1}[Term("trigger", "bending", "Bending")] == 1
    assert term != Term("trigger", "bending", "Bending", hidden=True)
    assert dataclasses.replace(term, hidden=True).hidden is True
