"""`list --format json` writes entries straight from their stored rows, without making an Entry of each
(issue 15). Users' scripts read that text: it must stay, character for character, the plain per-Entry
encoding (json.dumps of record_dict, indent=2), for every kind of field an entry can hold."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack.domain import entry_json, json_text
from osteotrack.domain.records import Entry, Site, TherapyUse, record_dict
from osteotrack.store import Diary

NOW = datetime.now(timezone.utc).replace(second=0, microsecond=0)


def _at(days_ago: int, hour: int, offset_minutes: int) -> datetime:
    """A moment days ago, as entered in a place ``offset_minutes`` east of UTC."""
    zone = timezone(timedelta(minutes=offset_minutes))
    return (NOW - timedelta(days=days_ago)).astimezone(zone).replace(hour=hour)


ENTRIES = [
    # Nothing but the pain: every list empty, the note empty, logged by the patient (None).
    Entry(at=_at(9, 8, 0), pain=0),
    # Every list full; a vertebral level and none; a therapy without relief (null), one with relief 0, and the
    # medication therapy with a name and dose; a note in several scripts with every character JSON escapes
    # (quote, backslash, newline, tab, a control character) and U+2028, which json.dumps leaves as it is;
    # for the doctor; logged by a caregiver whose name is not ASCII. Entered at UTC+05:45 (Nepal).
    Entry(at=_at(5, 23, 345), pain=7,
          sites=[Site("lower-back", 7), Site("mid-back", 6, "T8"), Site("hip-left", 2)],
          qualities=["aching", "sharp", "burning"], triggers=["bending", "lifting"],
          therapies=[TherapyUse("heat"), TherapyUse("ice", 0),
                     TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")],
          note='Ça fait « très » mal — "bent" C:\\back 痛い 🦴\nsecond line\tafter a tab \x01 and\u2028there',
          for_doctor=True, entered_by="Zoë"),
    # Only a trigger and a therapy with full relief, medication without a dose, at UTC−03:30 (Newfoundland).
    Entry(at=_at(3, 1, -210), pain=3, triggers=["stairs"],
          therapies=[TherapyUse("prescription-pain-medication", 100, "oxycodone")], entered_by=""),
    # Two entries at the same moment (the order then follows the rowid), at UTC+01:00.
    Entry(at=_at(1, 12, 60), pain=5, sites=[Site("neck", 5, "C5")], qualities=["dull"], note="first"),
    Entry(at=_at(1, 12, 60), pain=6, sites=[Site("neck", 6, "C5")], qualities=["dull"], note="second"),
]


@pytest.fixture
def every_field(db_path):
    with Diary.open(db_path) as diary:
        person = diary.profile(diary.active_profile())
        for entry in ENTRIES:
            person.add_entry(entry)
        # Another person's entry is not listed.
        diary.profile_by_id(diary.add_profile("Anna")).add_entry(Entry(at=_at(2, 9, 0), pain=9, note="Anna's"))
    return db_path


def _as_entries(db_path, **between) -> str:
    """The plain per-Entry encoding: the records, newest first, as json.dumps writes them."""
    with Diary.open(db_path, read_only=True) as diary:
        records = diary.profile(diary.active_profile()).entries(**between)
    return json.dumps([record_dict(e) for e in records], ensure_ascii=False, indent=2) + "\n"


def test_the_listed_json_is_the_per_entry_encoding_of_every_kind_of_field(every_field, run_cli):
    listed = run_cli("list", "--format", "json").stdout
    assert listed == _as_entries(every_field)
    assert len(json.loads(listed)) == len(ENTRIES)  # all of them, and not Anna's
    assert "Anna's" not in listed


@pytest.mark.parametrize("args, between", [
    (["--limit", "2"], {"limit": 2}),
    (["--since", "4d ago"], {"since": date.today() - timedelta(days=4)}),
    (["--until", "2d ago", "--limit", "1"], {"until": date.today() - timedelta(days=2), "limit": 1}),
])
def test_a_range_or_a_limit_lists_the_same_text(every_field, run_cli, args, between):
    # The same days (the machine's today, as the CLI reads "4d ago") given to the per-entry reader.
    assert run_cli("list", "--format", "json", *args).stdout == _as_entries(every_field, **between)


def test_each_entry_is_the_text_json_text_makes_of_its_record(every_field):
    # The same, entry by entry, against the template encoder the rest of the JSON goes through.
    with Diary.open(every_field, read_only=True) as diary:
        person = diary.profile(diary.active_profile())
        rows = list(person.entry_rows())
        records = person.entries()
    assert list(entry_json.texts(rows)) == [json_text.encode(e, json_text.INDENT) for e in records]
