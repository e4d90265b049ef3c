"""Backups of the Privacy Friendly Pain Diary, in every form the backup app gives them out.

The sources read, with their commits, are listed in tests/pain_diary_backups.py, which builds the
backups the way that code writes them. Further facts used here:
- privacy-friendly-pain-diary @ f612bd70fed767a1637bc159dad16b4e7c1d9cbd,
  ``app/src/main/res/layout/diaryentry_slide2.xml``: the pain seek bar runs from 0 to 10, so the level
  is kept as it is; ``…/database/entities/enums/Condition.java``: VERY_BAD 0 … VERY_GOOD 4;
  ``…/activities/DiaryEntryActivity.java`` ``getBodyRegion``: one coloured figure for both views, the
  same colour giving X_LEFT on the front and X_LEFT_BACK on the back; the ``*_left`` drawables
  (``res/drawable/paindiary_person_*_left.png``) lie in the picture's left half, which on the front
  figure (facing the user) is the body's right side.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.importers import pain_diary
from osteotrack.importers.preview import plan_for
from tests import pain_diary_backups as pdb
from tests.import_support import FIXTURES, local_zone

VOCAB = Vocabulary(BUILTIN)
FORMS = ["org.secuso.privacyfriendlypaindiary_2024_03_12_101500.backup", "PfaBackup_20240312T101600Z.zip",
         "paindiary-decrypted.json"]


def _plan(data: bytes, name: str = "backup"):
    return plan_for("pain-diary", data, name, VOCAB)


@pytest.mark.parametrize("name", FORMS)
def test_every_form_gives_the_same_plan(name):
    # The single export, the zip (with an older backup and another app's: the newest diary one is read)
    # and the raw backup (the backup app's stored file, or an encrypted one after gpg --decrypt).
    with local_zone("Europe/Berlin"):
        plan = _plan((FIXTURES / name).read_bytes(), name)
    assert plan.rows_read == 4
    assert [(s.line, s.reason) for s in plan.skipped] == [(4, "The entry of 2024-03-13 has no pain level.")]
    first, second, third = (p.entry for p in plan.entries)
    assert (first.at.date(), first.at.time(), first.pain) == (date(2024, 3, 10), time(12, 0), 6)
    # 7 KNEE_RIGHT (front, right half) is the left knee; 12 CHEST_LEFT (front) the right ribs;
    # 23 ABDOMEN_RIGHT_BACK the lower back; 34 CHEST_LEFT_BACK the upper back. Each at the pain level.
    assert [(s.location, s.intensity) for s in first.sites] == [
        ("knee-left", 6), ("rib-right", 6), ("lower-back", 6), ("upper-back", 6)]
    assert first.qualities == ["stabbing", "dull"]
    assert [(t.therapy, t.medication, t.dose) for t in first.therapies] == [
        ("otc-pain-medication", "Ibuprofen", "400mg")]
    assert first.note == (
        "Carried the shopping upstairs, \"never again\".\nSlept badly.\n\n"
        "Body map: knee (front, right half); chest (front, left half); abdomen (back, right half); "
        "chest (back, left half).\n\nWhen: in the morning, at night.\n\nHow I felt: bad.\n\n"
        "Medication: Ibuprofen 400mg: 1 in the morning, 1 in the evening; Alendronat 70 mg: 1 in the morning.")
    assert [(p.term.kind, p.term.slug, p.term.group) for p in plan.entries[0].pending] == [
        ("therapy", "alendronat", "medication")]
    # 4 THIGH_LEFT on the front figure is the right thigh; 15 is the head: neither is a place of ours.
    assert (second.pain, second.sites) == (3, [])
    assert [(p.term.slug, p.intensity) for p in plan.entries[1].pending] == [("thigh-right", 3), ("head", 3)]
    assert second.note == ("Body map: thigh (front, left half); head (front).\n\nWhen: during the day.\n\n"
                           "How I felt: good.")
    assert (third.pain, [(t.therapy, t.medication, t.dose) for t in third.therapies]) == (
        0, [("otc-pain-medication", "Paracetamol", None)])
    assert third.note == "Medication: Paracetamol: 2 at night."
    # How you felt, as the day's mood: bad (1) → 2.5 → 3, good (3) → 7.5 → 8.
    assert [(c.checkin.day, c.checkin.mood) for c in plan.checkins] == [(date(2024, 3, 10), 3), (date(2024, 3, 11), 8)]
    assert plan.left_out == ["Your name, gender and date of birth from the app's user details."]


def test_entries_without_the_new_terms_keep_them_in_the_note():
    plan = _plan(pdb.raw(pdb.backup()).encode())
    entries, _, terms = plan.records(1, add_new_terms=False)
    assert terms == []
    assert [t.therapy for t in entries[0].therapies] == ["otc-pain-medication"]
    assert "Alendronat 70 mg" in entries[0].note and "thigh (front, left half); head (front)" in entries[1].note
    added, _, terms = plan.records(1, add_new_terms=True)
    assert [(t.kind, t.slug, t.name) for t in terms] == [
        ("therapy", "alendronat", "Alendronat"), ("location", "thigh-right", "Thigh, right"),
        ("location", "head", "Head")]
    assert [t.therapy for t in added[0].therapies] == ["otc-pain-medication", "alendronat"]
    assert [e.id for e in added] == [e.id for e in entries]  # the id is the source row's, whatever is chosen


@pytest.mark.parametrize("value, expected", [
    (0, ("abdomen", "front", "left")), (13, ("chest", "front", "right")), (14, ("neck", "front", "")),
    (15, ("head", "front", "")), (17, ("upper arm", "front", "right")), (20, ("hand", "front", "left")),
    (22, ("abdomen", "back", "left")), (35, ("chest", "back", "right")), (36, ("neck", "back", "")),
    (43, ("hand", "back", "right")), (44, None), (-1, None),
])
def test_body_regions_by_their_numbers_in_bodyregion_java(value, expected):
    assert pain_diary.region(value) == expected


def test_the_front_figure_faces_the_user():
    assert pain_diary.body_side("front", "left") == "right"
    assert pain_diary.body_side("back", "left") == "left"


@pytest.mark.parametrize("data, sentence", [
    (pdb.ARMOURED.encode(), "is an encrypted backup"),
    (pdb.wrapped(pdb.backup(), encrypted=True, data=pdb.ARMOURED).encode(), "is an encrypted backup"),
    (pdb.zipped(pdb.wrapped(pdb.backup(), encrypted=True, data=pdb.ARMOURED)), "is an encrypted backup"),
    (pdb.wrapped({"x": 1}, package="org.secuso.privacyfriendlynotes").encode(),
     "is a backup of another app (org.secuso.privacyfriendlynotes)"),
    (pdb.zipped(pdb.wrapped({"x": 1}, package="org.secuso.privacyfriendlynotes")), "holds no backup of the Privacy"),
    (b'{"database": {"version": 2, "content": []}}', "is not a backup of the Privacy Friendly Pain Diary"),
    (b"PK\x03\x04 not really a zip", "is a damaged zip file"),
    (b"[1, 2", "is not a backup of the Privacy Friendly Pain Diary"),
    (b"\xff\xfe\x00", "is not readable text"),
], ids=["armoured", "wrapped-encrypted", "zip-encrypted", "other-app", "zip-other-app", "no-tables", "bad-zip",
        "bad-json", "not-text"])
def test_what_cannot_be_read_is_one_sentence(data, sentence):
    with pytest.raises(ValidationError) as caught:
        _plan(data, "b.backup")
    assert str(caught.value).startswith("b.backup ") and sentence in str(caught.value)
    assert str(caught.value).count(".") >= 1 and "\n" not in str(caught.value)


def test_two_entries_on_one_day_both_come_and_one_checkin():
    # Room creates diaryentries from the entity (no UNIQUE date), so a fresh install may hold two.
    entries = [{"_id": 1, "date": "2024-01-05", "painDescription_id": 1, "condition": 0, "notes": "a"},
               {"_id": 2, "date": "2024-01-05", "painDescription_id": 2, "condition": 4, "notes": "b"},
               {"_id": 3, "date": "05.01.2024", "painDescription_id": 2, "condition": 4, "notes": "c"}]
    plan = _plan(pdb.raw(pdb.backup(entries=entries, intakes=[])).encode())
    assert [(p.key, p.entry.pain) for p in plan.entries] == [("2024-01-05#0", 6), ("2024-01-05#1", 3)]
    assert [(c.checkin.day, c.checkin.mood) for c in plan.checkins] == [(date(2024, 1, 5), 0)]
    assert "How I felt: very good." in plan.entries[1].entry.note
    assert [(s.line, s.reason) for s in plan.skipped] == [(3, "The date '05.01.2024' is not a day like 2024-03-11.")]


def test_a_zip_member_marked_encrypted_is_a_sentence():
    data = bytearray(pdb.zipped(pdb.wrapped(pdb.backup())))
    data[data.find(b"PK\x03\x04") + 6] |= 1  # the "encrypted" bit of the local and central headers
    data[data.find(b"PK\x01\x02") + 8] |= 1
    with pytest.raises(ValidationError) as caught:
        _plan(bytes(data), "x.zip")
    assert str(caught.value) == ("x.zip is encrypted (org.secuso.privacyfriendlypaindiary_2024_03_12_101500.backup "
                                 "needs a password); export it again without a password.")
