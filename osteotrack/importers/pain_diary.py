"""A backup of the Privacy Friendly Pain Diary (SecUSo's Android app), in each form a user can get it out in.

Read from the code that writes it:
- the app (SecUSo/privacy-friendly-pain-diary, ``backup/BackupCreator.kt``) writes one JSON
  object: ``{"database": …, "preferences": {…}, "preferences2": {…}}``;
- the backup API (SecUSo/privacy-friendly-backup-api, ``backup/DatabaseUtil.kt``) writes the
  database as ``{"version": N, "content": [{"tableName", "createSql", "values": [row, …]}, …]}``,
  each row an object of column → value (numbers for integers, text, null);
- the backup app (SecUSo/privacy-friendly-backup) stores that text as it is (the form found
  in its ``backupData`` folder, or after ``gpg --decrypt`` of an encrypted one), and exports it
  wrapped (``data/exporter/DataExporter.kt``) as a ``.backup`` file —
  ``{"filename", "packageName", "timestamp", "encrypted", "data": "<the JSON as text>"}`` —
  or as a ``PfaBackup_….zip`` holding one such file per backup, for any of its apps.
  Encrypted backups are OpenPGP ASCII armour: they cannot be read without the key.

The diary's tables (database version 2, ``database/PainDiaryDatabase.kt``):
``diaryentries`` (``_id``, ``date`` as yyyy-MM-dd, ``painDescription_id``, ``condition`` 0–4
very bad … very good, ``notes``), ``paindescriptions`` (``painLevel`` 0–10, ``bodyRegions`` as
comma-separated numbers, ``painQualities`` and ``timesOfPain`` as comma-separated words),
``drugs`` (``name``, ``dose``) and ``drugintakes`` (how many in the ``morning``, at ``noon``, in
the ``evening`` and at ``night``, per entry).
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from datetime import date

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.limits import check_zip, loads, read_member
from osteotrack.domain.numbers import whole
from osteotrack.domain.records import CheckIn, TherapyUse
from osteotrack.domain.validate import Vocabulary
from osteotrack.i18n import N_, _
from osteotrack.importers import names
from osteotrack.importers.plan import EntryDraft, ImportPlan, Pending, PlannedCheckIn, on_day, scale_0_4, shown

PACKAGE = "org.secuso.privacyfriendlypaindiary"
_ARMOUR = b"-----BEGIN PGP MESSAGE-----"

# database/entities/enums/BodyRegion.java: value → (region, drawn on the figure's left half?) for
# values 0–21 (front figure); 22–43 are the same regions on the back figure.
_REGIONS = ["abdomen", "groin", "thigh", "knee", "lower leg", "foot", "chest"]
_CENTRE = {14: "neck", 15: "head"}
_ARMS = {16: "upper arm", 18: "lower arm", 20: "hand"}
# What each region is here, front and back. Sided ones get the side of the body (below).
_FRONT = {"groin": "hip", "knee": "knee", "foot": "foot", "chest": "rib", "neck": "neck"}
_BACK = {"abdomen": "lower-back", "groin": "pelvis", "knee": "knee", "foot": "foot", "chest": "upper-back",
         "neck": "neck"}
_SIDED = {"hip", "knee", "foot", "rib"}
# The regions and where they are drawn, as the entry's note names them: "knee (front, right half)".
_REGION_WORDS = {
    # TRANSLATORS: a region of the Pain Diary app's body map, written in an imported entry's note.
    "abdomen": N_("abdomen"), "groin": N_("groin"), "thigh": N_("thigh"), "knee": N_("knee"),
    # TRANSLATORS: the leg between knee and ankle, a region of the Pain Diary app's body map.
    "lower leg": N_("lower leg"), "foot": N_("foot"), "chest": N_("chest"), "neck": N_("neck"), "head": N_("head"),
    "upper arm": N_("upper arm"), "lower arm": N_("lower arm"), "hand": N_("hand"),
}
# TRANSLATORS: a body map region as drawn on the front or back figure (and in which half of the picture).
_DRAWN = {("front", ""): N_("{region} (front)"), ("back", ""): N_("{region} (back)"),
          ("front", "left"): N_("{region} (front, left half)"), ("front", "right"): N_("{region} (front, right half)"),
          ("back", "left"): N_("{region} (back, left half)"), ("back", "right"): N_("{region} (back, right half)")}
# Condition.java: how the user felt.
# TRANSLATORS: how the person felt, written in an imported entry's note: "How I felt: bad."
_FEELINGS = [N_("very bad"), N_("bad"), N_("okay"), N_("good"), N_("very good")]
# Time.java's words, said as the app's strings say them (res/values/strings.xml): "When: in the morning, at night."
_TIMES = {"all day": N_("during the day"), "morning": N_("in the morning"), "afternoon": N_("in the afternoon"),
          "evening": N_("in the evening"), "at night": N_("at night")}
# How many of a medicine were taken when: "Ibuprofen 400mg: 1 in the morning, 1 in the evening".
_INTAKES = (("morning", N_("{n} in the morning")), ("noon", N_("{n} at noon")), ("evening", N_("{n} in the evening")),
            ("night", N_("{n} at night")))


def region(value: int) -> tuple[str, str, str] | None:
    """``(region, view, half)`` of a BodyRegion value: the half of the picture it is drawn in, or None."""
    if not 0 <= value <= 43:
        return None
    view = "front" if value < 22 else "back"
    v = value % 22
    if v in _CENTRE:
        return _CENTRE[v], view, ""
    if v in _ARMS or v - 1 in _ARMS:
        base = v if v in _ARMS else v - 1
        return _ARMS[base], view, "left" if v == base else "right"
    return _REGIONS[v // 2], view, "left" if v % 2 == 0 else "right"


def body_side(view: str, half: str) -> str:
    """The side of the body of a region drawn in ``half`` of the picture.

    The app draws one figure for both views and the same overlay for X_LEFT and X_LEFT_BACK
    (``DiaryEntryActivity.getBodyRegion``; the ``*_left`` drawables lie in the picture's left
    half): the front figure faces the user, so its left half is the body's right side.
    """
    if view == "front":
        return "right" if half == "left" else "left"
    return half


def unwrap(data: bytes, path: str) -> dict:
    """The app's own backup object from any form the backup app gives out; one sentence if it is not one."""
    if data.lstrip().startswith(_ARMOUR):
        raise ValidationError("import.pain_diary_encrypted", field="file", path=path)
    if data[:4] == b"PK\x03\x04" or (zipfile.is_zipfile(io.BytesIO(data)) and data[:1] != b"{"):
        return _from_zip(data, path)
    document = _json(data, path)
    if isinstance(document, dict) and "packageName" in document and "data" in document:
        return _from_wrapper(document, path)
    if isinstance(document, dict) and "database" in document:
        return document
    raise ValidationError("import.pain_diary_shape", field="file", path=path)


def _json(data: bytes, path: str):
    try:
        return loads(data.decode("utf-8-sig"), path)
    except UnicodeDecodeError:
        raise ValidationError("import.not_utf8", field="file", path=path) from None
    except (json.JSONDecodeError, RecursionError):
        raise ValidationError("import.pain_diary_shape", field="file", path=path) from None


def _from_wrapper(wrapper: dict, path: str) -> dict:
    if wrapper.get("packageName") != PACKAGE:
        raise ValidationError("import.pain_diary_other_app", field="file", path=path,
                              app=shown(wrapper.get("packageName")))
    if wrapper.get("encrypted") is True or not isinstance(wrapper.get("data"), str) \
            or wrapper["data"].lstrip().startswith(_ARMOUR.decode()):
        raise ValidationError("import.pain_diary_encrypted", field="file", path=path)
    document = _json(wrapper["data"].encode("utf-8", "surrogatepass"), path)
    if not isinstance(document, dict) or "database" not in document:
        raise ValidationError("import.pain_diary_shape", field="file", path=path)
    return document


def _from_zip(data: bytes, path: str) -> dict:
    """The newest unencrypted Pain Diary backup in a ``PfaBackup_….zip``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path)  # a zip bomb or an encrypted member: refused before unpacking
            wrappers = []
            for info in archive.infolist():
                if info.is_dir():
                    continue
                try:
                    wrapper = loads(read_member(archive, info).decode("utf-8-sig"), path)
                except (UnicodeDecodeError, json.JSONDecodeError):
                    continue
                if isinstance(wrapper, dict) and wrapper.get("packageName") == PACKAGE:
                    wrappers.append(wrapper)
    # ValueError: zipfile's own "negative seek value" when a damaged directory points before the file's start.
    # RuntimeError: a member marked encrypted (zipfile asks for a password).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, ValueError,
            RuntimeError):
        raise ValidationError("import.damaged_zip", field="file", path=path) from None
    if not wrappers:
        raise ValidationError("import.pain_diary_not_in_zip", field="file", path=path)
    readable = [w for w in wrappers if w.get("encrypted") is False and isinstance(w.get("data"), str)]
    if not readable:
        raise ValidationError("import.pain_diary_encrypted", field="file", path=path)
    newest = max(readable, key=lambda w: w.get("timestamp") if isinstance(w.get("timestamp"), int) else 0)
    return _from_wrapper(newest, path)


def _tables(backup: dict, path: str) -> dict[str, list[dict]]:
    database = backup.get("database")
    content = database.get("content") if isinstance(database, dict) else None
    if not isinstance(content, list):
        raise ValidationError("import.pain_diary_shape", field="file", path=path)
    tables = {}
    for table in content:
        if isinstance(table, dict) and isinstance(table.get("tableName"), str) \
                and isinstance(table.get("values"), list):
            tables[table["tableName"]] = [row for row in table["values"] if isinstance(row, dict)]
    if "diaryentries" not in tables or "paindescriptions" not in tables:
        raise ValidationError("import.pain_diary_shape", field="file", path=path)
    return tables


def _by_id(rows: list[dict]) -> dict:
    return {row.get("_id"): row for row in rows}


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def read(data: bytes, path: str, vocab: Vocabulary) -> ImportPlan:
    """The plan for a Privacy Friendly Pain Diary backup (any form the backup app gives out)."""
    tables = _tables(unwrap(data, path), path)
    descriptions = _by_id(tables["paindescriptions"])
    drugs = _by_id(tables.get("drugs", []))
    intakes: dict = {}
    for row in tables.get("drugintakes", []):
        intakes.setdefault(row.get("diaryEntry_id"), []).append(row)
    entries = tables["diaryentries"]
    plan = ImportPlan("pain-diary", N_("Privacy Friendly Pain Diary backup"), where="entry",
                      rows_read=len(entries))
    plan.rules.append(_("Pain: the app's 0–10 pain level is kept as it is; each place on its body map gets it "
                        "as its intensity."))
    plan.rules.append(_("Body map: the front figure faces you, so its left half is the right side of the body; "
                        "on the back figure, left is left. Chest → ribs (front) or upper back (back); abdomen "
                        "(back) → lower back; groin → hip (front) or pelvis (back)."))
    plan.rules.append(_("How you felt (very bad … very good) becomes the day's check-in mood: 0, 3, 5, 8 or 10."))
    plan.rules.append(_("Days are kept as picked in the app; each entry is put at midday."))
    if tables.get("users"):
        plan.left_out.append(_("Your name, gender and date of birth from the app's user details."))
    per_day: dict[date, int] = {}
    moods: set[date] = set()
    for number, row in enumerate(sorted(entries, key=lambda r: _int(r.get("_id")) or 0), 1):
        try:
            day = date.fromisoformat(_text(row.get("date")).strip())
        except ValueError:
            plan.skip(number, ValidationError("import.pain_diary_date", value=shown(row.get("date"))))
            continue
        description = descriptions.get(row.get("painDescription_id"))
        pain = _int(description.get("painLevel")) if isinstance(description, dict) else None
        if pain is None:
            plan.skip(number, ValidationError("import.pain_diary_no_pain", number=number, day=day.isoformat()))
            continue
        index = per_day.get(day, 0)
        per_day[day] = index + 1
        draft = EntryDraft(vocab)
        draft.note(_text(row.get("notes")))
        _map_description(draft, description, pain, vocab)
        feeling = _int(row.get("condition"))
        if feeling is not None and 0 <= feeling <= 4:
            draft.note(_("How I felt: {feeling}.").format(feeling=_(_FEELINGS[feeling])))
            if day not in moods:
                moods.add(day)
                plan.checkins.append(PlannedCheckIn(day.isoformat(), number, CheckIn(day, mood=scale_0_4(feeling))))
        _map_drugs(draft, intakes.get(row.get("_id"), []), drugs, vocab)
        plan.entries.append(draft.entry(f"{day.isoformat()}#{index}", number, on_day(day), pain))
    return plan


def _map_description(draft: EntryDraft, description: dict, pain: int, vocab: Vocabulary) -> None:
    shown = []
    for part in _text(description.get("bodyRegions")).split(","):
        value = _int(part)
        found = region(value) if value is not None else None
        if found is None:
            continue
        name, view, half = found
        shown.append(_(_DRAWN[view, half]).format(region=_(_REGION_WORDS[name])))
        stem = (_FRONT if view == "front" else _BACK).get(name)
        side = body_side(view, half) if half else None
        if stem in _SIDED and side:
            draft.site(f"{stem}-{side}", pain)
        elif stem and stem not in _SIDED:
            draft.site(stem, pain)
        else:
            label = f"{name}, {side}" if side else name
            known, _level = names.place(label, vocab)  # a place the user added before (by this import, say)
            for slug in known:
                draft.site(slug, pain)
            if not known:
                draft.new(Pending(names.new_term("location", label, vocab, "body map"), "", intensity=pain))
    if shown:
        # TRANSLATORS: written in the entry's note: "Body map: knee (front, right half); head (front)."
        draft.note(_("Body map: {regions}.").format(regions="; ".join(shown)))
    for word in _text(description.get("painQualities")).split(","):
        slug = names.quality(word, vocab) if word.strip() else None
        if slug:
            draft.quality(slug)
    words = [w.strip() for w in _text(description.get("timesOfPain")).split(",") if w.strip()]
    times = [_(_TIMES[w]) if w in _TIMES else w for w in words]
    if times:
        draft.note(_("When: {times}.").format(times=", ".join(times)))


def _map_drugs(draft: EntryDraft, intakes: list[dict], drugs: dict, vocab: Vocabulary) -> None:
    taken = []
    for intake in intakes:
        drug = drugs.get(intake.get("drug_id"))
        if not isinstance(drug, dict) or not _text(drug.get("name")).strip():
            continue
        name, dose = _text(drug.get("name")).strip(), _text(drug.get("dose")).strip() or None
        when = [_(words).format(n=whole(n)) for key, words in _INTAKES if (n := _int(intake.get(key))) and n > 0]
        medicine = f"{name} {dose}" if dose else name
        # TRANSLATORS: a medicine and when it was taken, in an imported entry's note: "Ibuprofen 400mg: 1 in the
        # morning, 1 in the evening".
        words = _("{medicine}: {times}").format(medicine=medicine, times=", ".join(when)) if when else medicine
        taken.append(words)
        found = names.medicine(name)
        if found:
            draft.therapy(TherapyUse(found[0], None, found[1], dose or found[2]), words)
        elif (slug := names.therapy(name, vocab)) is not None:
            draft.therapy(TherapyUse(slug), words)
        else:
            draft.new(Pending(names.new_term("therapy", name, vocab, "medication", "medication"), ""))
    if taken:
        draft.note(_("Medication: {medicines}.").format(medicines="; ".join(taken)))
