"""Import reads a check-in as every export writes it at once (``_usual_checkin``) and checks it with a twin of
validate_checkin (``_UsualCheck.takes_checkin``): whatever the twin takes, the field-by-field reading and
validate_checkin take too, and give the very same check-in; anything else is left to them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.record_base import field_names
from osteotrack.domain.validate import Vocabulary, check_record_id, validate_checkin
from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.store.transfer import _checkin, _Reader, _usual_checkin, _UsualCheck

NOW = datetime(2026, 12, 1, 18, 0, tzinfo=timezone(timedelta(hours=1)))

# A check-in as an export writes it, with none, one or two of its values changed to another an export writes
# (an item left out, a later update) or to one it never writes (refused, or read field by field).
USUAL = {"id": "c2557035-449c-4ca2-b685-156b89c80c4d", "day": "2026-11-03", "peg_pain": 6, "peg_enjoyment": 5,
         "peg_activity": 7, "sleep": 4, "mood": 6, "note": "", "peg_week": True, "created": "2026-11-03T21:00:00Z",
         "updated": "2026-11-03T21:00:00Z", "changed": "2026-12-01T09:45:01.844Z"}
ITEM = st.sampled_from([None, 0, 10, 3, -1, 11, True, 5.0, "5"])
STAMP = st.sampled_from(["2026-11-04T09:00:00Z", "2026-1-3T08:15:00Z", "2026-02-30T08:15:00Z", "2026-11-03T08:15:00",
                         "2026-11-03T08:15:00.000Z", None, 7])
CHANGES = {
    "day": st.sampled_from(["2026-12-01", "2026-12-02", "1899-12-31", "1900-01-01", "2026-02-30", "20261103",
                            "2026-W45-2", 20261103, None]),
    "id": st.sampled_from(["abcdefgh", "abcdefg", "ABCDEFGH", "ab cdefgh", "a" * 64, "a" * 65, 12345678, None]),
    "peg_pain": ITEM, "peg_enjoyment": ITEM, "peg_activity": ITEM, "sleep": ITEM, "mood": ITEM,
    "note": st.sampled_from(["  ", "slept badly", None, 3]), "peg_week": st.sampled_from([False, None, 1, "yes"]),
    "created": STAMP, "updated": STAMP,
}
NONE_GIVEN = {"peg_pain": None, "peg_enjoyment": None, "peg_activity": None, "sleep": None, "mood": None}
CHECKIN = st.builds(
    lambda changes, unanswered, gone: {key: value for key, value in
                                       {**USUAL, **(NONE_GIVEN if unanswered else {}), **dict(changes)}.items()
                                       if key not in gone},
    st.lists(st.sampled_from(sorted(CHANGES)).flatmap(lambda key: st.tuples(st.just(key), CHANGES[key])),
             max_size=2),
    st.booleans(),
    st.sets(st.sampled_from(sorted(USUAL)), max_size=1),
)


def _as_before(c: dict):
    """The check-in read field by field and checked as before, or the refusal's code."""
    try:
        record, created, updated, _ = _checkin(_Reader(), c, "me", 0)
        checked = validate_checkin(record, NOW)
        check_record_id(checked.id)
    except ValidationError as error:
        return error.code
    return checked, created, updated


@settings(max_examples=400, deadline=None)
@given(CHECKIN)
def test_a_check_in_read_at_once_is_the_one_read_field_by_field(c):
    usual = _usual_checkin(c)
    if usual is None:
        return  # read field by field, as before
    record, created, updated, where = usual
    assert where is None
    if not _UsualCheck(Vocabulary(BUILTIN), NOW).takes_checkin(record):
        return  # checked by validate_checkin, as before
    before = _as_before(c)
    assert not isinstance(before, str), f"taken at once, refused before: {before}"
    expected, expected_created, expected_updated = before
    assert (created, updated) == (expected_created, expected_updated)
    assert {name: getattr(record, name) for name in field_names(type(record))} == \
        {name: getattr(expected, name) for name in field_names(type(expected))}
