"""The streamed JSON writer gives exactly the text of json.dumps(value, ensure_ascii=False, indent=2)."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osteotrack.domain import json_text

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=20)


@given(values)
def test_encode_is_json_dumps_with_indent_2(value):
    assert json_text.encode(value) == json.dumps(value, ensure_ascii=False, indent=2)


def streamed(value) -> str:
    buffer = io.StringIO()
    json_text.write(buffer.write, value)
    return buffer.getvalue()


@given(st.lists(st.dictionaries(st.text(max_size=5), scalars, max_size=3), max_size=5), values)
def test_iterators_are_written_as_the_lists_they_give(items, other):
    # A document shaped like the export: a dict holding a generator of records and a plain value.
    document = {"format": "x", "records": iter(items), "other": other}
    assert streamed(document) == json.dumps({"format": "x", "records": items, "other": other},
                                            ensure_ascii=False, indent=2)


def test_an_empty_iterator_is_an_empty_list_and_text_is_not_escaped_to_ascii():
    assert streamed({"entries": iter([]), "note": "Rücken, 7/10 — \"ow\"\n"}) == (
        '{\n  "entries": [],\n  "note": "Rücken, 7/10 — \\"ow\\"\\n"\n}')


def test_a_record_as_plain_data_spells_out_nested_records_and_times():
    from datetime import datetime, timedelta, timezone

    from osteotrack.domain.records import Entry, Site, TherapyUse, record_dict

    at = datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    entry = Entry(at=at, pain=6, sites=[Site("lower-back", 7, "L4")], triggers=["bending"],
                  therapies=[TherapyUse("heat", 60)], note="sore", id="e1")
    plain = record_dict(entry)
    assert plain == {
        "at": "2026-11-24T09:30:00+01:00", "pain": 6,
        "sites": [{"location": "lower-back", "intensity": 7, "level": "L4"}], "qualities": [],
        "triggers": ["bending"], "therapies": [{"therapy": "heat", "relief": 60, "medication": None, "dose": None}],
        "note": "sore", "for_doctor": False, "entered_by": None, "id": "e1",
    }
    plain["triggers"].append("lifting")  # a copy: the record keeps its own list
    assert entry.triggers == ["bending"]


def test_records_are_written_as_their_plain_data_without_making_it_first():
    # `list --format json` writes the records themselves: the text is that of record_dict's dict.
    from datetime import date, datetime, timedelta, timezone

    from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse, record_dict

    at = datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    records = [Entry(at=at, pain=6, sites=[Site("lower-back", 7, "L4"), Site("neck", 2)], qualities=["dull"],
                     therapies=[TherapyUse("heat", 60)], note='50% "better"\n', id="e1"),
               Entry(at=at, pain=0, id="e2"), CheckIn(day=date(2026, 11, 24), sleep=3, note="%s")]
    assert streamed(iter(records)) == json.dumps([record_dict(r) for r in records], ensure_ascii=False, indent=2)


def test_dicts_of_the_same_keys_at_other_depths_and_keys_that_are_not_text():
    # The text around a dict's values is kept by its keys and depth: the same keys deeper, and keys json
    # turns into text (1 and True look alike to a dict), each get their own.
    value = [{"a": 1, "%s": {"a": [1, {"a": 2, "%s": None}]}}, {1: "one"}, {True: "yes"}, {None: 0, 2.5: 1}]
    for _ in range(2):  # the second time from what the first kept
        assert json_text.encode(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_long_streams_and_streams_within_streams_are_the_lists_they_give():
    # Items are written a few hundred at a time; an item that is itself a stream (a profile holding its
    # entries) is written as it comes, between them.
    records = [{"n": n, "note": "ü" * (n % 3)} for n in range(600)]
    mixed = [records[0], {"name": "me", "entries": iter(records[:300])}, *records[:2], iter(records[5:7])]
    expected = [records[0], {"name": "me", "entries": records[:300]}, *records[:2], records[5:7]]
    assert streamed(iter(records)) == json.dumps(records, ensure_ascii=False, indent=2)
    assert streamed(iter(mixed)) == json.dumps(expected, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("count", [0, 1, 600])  # none, one, and more than one batch of items written at once
def test_items_given_as_their_text_are_written_as_the_list_of_them(count):
    # `list --format json` makes each entry's text itself; the list around them is json.dumps's.
    items = [{"n": n, "note": f"é {n}"} for n in range(count)]
    out = io.StringIO()
    json_text.write_items(out.write, (json_text.encode(item, json_text.INDENT) for item in items))
    assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=2)
