"""Export a diary as one complete JSON document, and import it back without loss.

Every record keeps its stable id, so importing the same file twice adds
nothing the second time. The whole file is checked before anything is
written: a refused file leaves the diary unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path

from osteotrack import __version__
from osteotrack.domain import json_text
from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.messages import Phrase, place
from osteotrack.domain.records import CheckIn, Entry, Event, Profile, Question, Site, TherapyUse
from osteotrack.domain.selfcare import SelfCareSession, validate_session
from osteotrack.domain.validate import (
    _RECORD_ID,
    check_level,
    check_profile_name,
    check_record_id,
    check_slug,
    validate_checkin,
    validate_entry,
    validate_event,
    validate_question,
)
from osteotrack.domain.vocabulary import KINDS, MEDICATION_THERAPIES, THERAPY_GROUPS, Term
from osteotrack.domain.when import EARLIEST, EARLIEST_DAY, latest_moment, now_local
from osteotrack.store.bone_transfer import check_bone, export_bone, import_bone, parse_bone
from osteotrack.store.bulk import roomy_cache, summaries_at_the_end, weeks_at_the_end, written_directly
from osteotrack.store.connection import now_utc as _now_utc
from osteotrack.store.diary import Diary
from osteotrack.store.outside import checkin_days, owners
from osteotrack.store.profiles import ACTIVE, tidy_name
from osteotrack.store.schema import DEFAULT_PROFILE

FORMAT = "osteotrack-diary"
FORMAT_VERSION = 1


def export_document(diary: Diary, profiles: list[str] | None = None) -> dict:
    """The whole diary (or the named profiles) as plain JSON-ready data."""
    document = export_stream(diary, profiles)
    document["profiles"] = [{key: list(value) if isinstance(value, Iterator) else value
                             for key, value in profile.items()} for profile in document["profiles"]]
    return document


def export_stream(diary: Diary, profiles: list[str] | None = None) -> dict:
    """``export_document`` with its profiles and their entries as iterators, read as they are written
    (``write_export``), so that exporting any diary takes about the same memory."""
    chosen = [p for p in diary.profiles() if profiles is None or p.name in profiles]
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        # Which profile was active, so that importing the file into a new diary gives the same diary back.
        "active_profile": diary.active_profile(),
        "vocabulary": [_term_dict(t) for kind in KINDS for t in diary.vocabulary().terms[kind].values()],
        "profiles": (_profile_dict(diary, p) for p in chosen),
    }
    _add_sync(diary, document)
    return document


# Lists of a profile in the export, and the table each one's records live in.
_TABLES = {"entries": "entries", "checkins": "checkins", "events": "events", "questions": "questions",
           "treatments": "bone_treatments", "doses": "bone_doses", "heights": "heights",
           "falls_checks": "falls_checks", "impressions": "impressions", "side_effects": "side_effects"}


def _add_sync(diary: Diary, document: dict) -> None:
    """What ``osteotrack sync`` needs (issue 18), in keys older versions ignore: each record's change
    time, each profile's uid, the diary id and the tombstones of deleted records. The profiles and
    their records stay streams: each gets its times as it is read."""
    from osteotrack.store import sync

    times = sync.change_times(diary._conn)
    for term in document["vocabulary"]:
        term["changed"] = times["vocabulary"].get((term["kind"], term["slug"]))

    def profile(p: dict) -> dict:
        p["uid"], p["changed"] = times["profiles"].get(p["name"], (None, None))
        for key, table in _TABLES.items():
            if key in p:
                records = p[key]
                stamped = sync.with_change_times(diary._conn, table, records)
                p[key] = stamped if isinstance(records, Iterator) else list(stamped)
        return p

    document["profiles"] = (profile(p) for p in document["profiles"])
    document["sync"] = {"diary": sync.diary_id(diary._conn), "tombstones": sync.tombstones(diary._conn)}


def write_export(diary: Diary, out: Callable[[str], object], profiles: list[str] | None = None) -> None:
    """Write the export document through ``out`` (a file's ``write``), the same text as ``dumps``."""
    json_text.write(out, export_stream(diary, profiles))
    out("\n")


def _term_dict(t: Term) -> dict:
    return {"kind": t.kind, "slug": t.slug, "name": t.name, "group": t.group, "region": t.region,
            "laterality": t.laterality, "snomed": t.snomed, "builtin": t.builtin, "hidden": t.hidden}


def _profile_dict(diary: Diary, profile: Profile) -> dict:
    pid = profile.id
    return {
        "name": profile.name,
        "created": profile.created_utc,
        "entries": (
            {
                "id": e.id, "at": e.at.isoformat(), "pain": e.pain,
                "sites": [{"location": s.location, "intensity": s.intensity, "level": s.level} for s in e.sites],
                "qualities": e.qualities, "triggers": e.triggers,
                "therapies": [{"therapy": t.therapy, "relief": t.relief, "medication": t.medication,
                               "dose": t.dose} for t in e.therapies],
                "note": e.note, "for_doctor": e.for_doctor, "entered_by": e.entered_by,
                "created": row.created_utc, "updated": row.updated_utc,
            }
            for row in diary._entries.all_stored(pid) for e in [row.record]
        ),
        "checkins": (
            {"id": c.id, "day": c.day.isoformat(), "peg_pain": c.peg_pain, "peg_enjoyment": c.peg_enjoyment,
             "peg_activity": c.peg_activity, "sleep": c.sleep, "mood": c.mood, "note": c.note,
             "peg_week": c.peg_week, "created": row.created_utc, "updated": row.updated_utc}
            for row in diary._checkins.each_stored(pid) for c in [row.record]
        ),
        "events": (
            {"id": v.id, "kind": v.kind, "at": v.at.isoformat(), "site": v.site, "level": v.level,
             "procedure": v.procedure, "t_score": v.t_score, "dxa_site": v.dxa_site, "note": v.note,
             "created": row.created_utc, "updated": row.updated_utc}
            for row in diary._events.each_stored(pid) for v in [row.record]
        ),
        "questions": [
            {"id": q.id, "text": q.text, "created": q.created.isoformat(), "status": q.status, "answer": q.answer,
             "updated": row.updated_utc}
            for row in diary._questions.stored(pid) for q in [row.record]
        ],
        # Self-care sessions (issue 8); their time, pain after and notes live on the entry they name.
        "sessions": [
            {"id": s.id, "entry_id": s.entry_id, "therapy": s.therapy, "pattern": s.pattern,
             "planned_seconds": s.planned_seconds, "duration_seconds": s.duration_seconds,
             "pain_before": s.pain_before, "pain_after": s.pain_after, "completed": s.completed}
            for s in diary._sessions.stored(pid)
        ],
        **export_bone(diary, pid),  # bone care (issue 16)
    }


def dumps(document: dict) -> str:
    """A document as the export's text: JSON indented by two spaces, text not escaped to ASCII."""
    return json_text.encode(document) + "\n"


# -- import ---------------------------------------------------------------


def read_import_file(path: Path) -> bytes:
    """The bytes of a file to import, within the limits; a missing or unreadable one gets a clear sentence."""
    from osteotrack.domain.limits import read_limited

    try:
        return read_limited(path)
    except FileNotFoundError:
        raise DiaryError("file.missing", field="file", path=path) from None
    except IsADirectoryError:
        raise DiaryError("import.folder", field="file", path=path) from None
    except OSError as error:
        raise DiaryError("file.unreadable", field="file", path=path, reason=error.strerror) from None


def read_document(path: Path) -> dict:
    """Load an export file; a file that is not one gets a clear sentence."""
    return document_from_bytes(read_import_file(path), path)


def document_from_bytes(data: bytes, path: Path) -> dict:
    """An export document from the bytes of the file at ``path`` (decrypted already, when it was)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("import.not_text", field="file", path=path) from None
    from osteotrack.domain.limits import loads

    try:
        document = loads(text, path, data if isinstance(data, bytes) else None)
    except json.JSONDecodeError as error:
        raise ValidationError("import.not_json", field="file", path=path, line=error.lineno,
                              column=error.colno) from None
    return document


# A stamp written with every field at full width ("2026-11-03T08:15:00Z"), which strptime and fromisoformat
# (of the text before the Z) read alike; strptime also takes fields of one digit.
_PADDED_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


class _Reader:
    """Walks an untrusted document, turning every shape problem into one sentence."""

    def __init__(self, where: Phrase | None = None):
        self.where = where or place("place.file")

    def fail(self, code: str, **params) -> ValidationError:
        """The refusal ``code`` (a sentence "In {where}, …") at the place being read."""
        return ValidationError(code, field="file", where=self.where, **params)

    def get(self, obj: dict, key: str, kind, required: bool = True, default=None):
        if type(obj) is dict:  # the usual case, told at once: a value of exactly the type asked for
            value = obj.get(key)
            if type(value) is kind:
                return value
        return self._get(obj, key, kind, required, default)

    def _get(self, obj: dict, key: str, kind, required: bool, default):
        if not isinstance(obj, dict):
            raise self.fail("import.not_object", found=type(obj).__name__)
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail("import.missing", key=key)
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail("import.boolean", key=key, expected=kinds[0].__name__)
        if not isinstance(value, kinds):
            raise self.fail("import.wrong_type", key=key, expected=kinds[0].__name__, found=type(value).__name__)
        return value

    def moment(self, obj: dict, key: str) -> datetime:
        text = self.get(obj, key, str)
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise self.fail("import.not_datetime", key=key, text=text) from None
        if value.tzinfo is None:
            raise self.fail("import.no_offset", key=key, text=text)
        return value

    def day(self, obj: dict, key: str) -> date:
        text = self.get(obj, key, str)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail("import.not_date", key=key, text=text) from None

    def stamp(self, obj: dict, key: str) -> str:
        text = self.get(obj, key, str, required=False)
        if text is None:
            return _now_utc()
        try:
            if _PADDED_STAMP.fullmatch(text):  # as every export writes it: the fast check, the same answer
                datetime.fromisoformat(text[:-1])
            else:
                datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise self.fail("import.not_stamp", key=key, text=text) from None
        return text


def parse_document(document) -> dict:
    """Check a whole export document and turn it into records, or raise ValidationError."""
    r = _Reader()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError("import.not_export", field="file")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise r.fail("import.missing", key="format_version")
    if version > FORMAT_VERSION:
        raise ValidationError("import.too_new", field="file", version=version, supported=FORMAT_VERSION)
    terms, seen_terms = [], set()
    for i, t in enumerate(r.get(document, "vocabulary", list, required=False, default=[])):
        r.where = place("place.vocabulary_item", n=i + 1)
        kind = r.get(t, "kind", str)
        if kind not in KINDS:
            raise r.fail("import.term_kind", kinds=", ".join(KINDS))
        group = r.get(t, "group", str, required=False)
        if kind == "therapy" and group not in THERAPY_GROUPS:
            raise r.fail("import.term_group", groups=", ".join(THERAPY_GROUPS))
        slug = _field(r, check_slug, r.get(t, "slug", str))
        if (kind, slug) in seen_terms:
            raise r.fail("import.term_twice", kind=kind, slug=slug)
        seen_terms.add((kind, slug))
        if not r.get(t, "name", str).strip():
            raise r.fail("import.record", cause=ValidationError("vocab.name_empty", field="name"))
        terms.append(Term(kind, slug, r.get(t, "name", str), group=group,
                          region=r.get(t, "region", str, required=False),
                          laterality=r.get(t, "laterality", str, required=False),
                          snomed=r.get(t, "snomed", str, required=False),
                          builtin=bool(r.get(t, "builtin", bool, required=False, default=False)),
                          hidden=bool(r.get(t, "hidden", bool, required=False, default=False))))
    profiles = []
    r.where = place("place.file")
    for p in r.get(document, "profiles", list):
        r.where = place("place.profile")
        name = _field(r, check_profile_name, r.get(p, "name", str))
        profiles.append({
            "name": name,
            "created": r.stamp(p, "created"),
            "entries": [_entry(r, e, name, i) for i, e in enumerate(r.get(p, "entries", list, False, []))],
            "checkins": _checkins(r, r.get(p, "checkins", list, False, []), name),
            "events": [_event(r, v, name, i) for i, v in enumerate(r.get(p, "events", list, False, []))],
            "questions": [_question(r, q, name, i) for i, q in enumerate(r.get(p, "questions", list, False, []))],
            # Files exported before self-care sessions existed simply have none.
            "sessions": [_session(r, s, name, i) for i, s in enumerate(r.get(p, "sessions", list, False, []))],
            **parse_bone(r, p, name),  # bone care; older files have none
        })
    active = document.get("active_profile")  # files from before it was written have none
    return {"terms": terms, "profiles": profiles,
            "active": " ".join(active.split()) if isinstance(active, str) else None}


def _field(r: _Reader, check, value):
    """``check(value)``, its refusal said of the place being read (the way the command line checks it)."""
    try:
        return check(value)
    except ValidationError as error:
        raise r.fail("import.record", cause=error) from None


def _entry(r: _Reader, e, profile: str, i: int):
    if type(e) is dict:
        usual = _usual_entry(e, profile, i)
        if usual is not None:
            return usual
    r.where = _where(e, place("place.entry", n=i + 1, profile=profile))
    return _any_entry(r, e), r.stamp(e, "created"), r.stamp(e, "updated"), r.where


class _UsualEntry:
    """An entry of the file as every export writes it, its shape checked (``_usual_entry``) but no ``Entry`` made
    of it yet: ``_check_records`` makes the checked one at once, the only one (``_valid_usual``)."""

    __slots__ = ("e", "at", "sites", "therapies", "profile", "i")

    def __init__(self, e: dict, at: datetime, sites: list, therapies: list, profile: str, i: int):
        self.e, self.at, self.sites, self.therapies, self.profile, self.i = e, at, sites, therapies, profile, i

    @property
    def where(self) -> Phrase:
        """Where the entry is in the file, for a refusal (``_entry``'s)."""
        return _where(self.e, place("place.entry", n=self.i + 1, profile=self.profile))

    def record(self) -> Entry:
        """The entry as ``_any_entry`` reads it."""
        e = self.e
        return Entry(at=self.at, pain=e["pain"], sites=[Site(*s) for s in self.sites],
                     qualities=list(e.get("qualities") or ()), triggers=list(e.get("triggers") or ()),
                     therapies=[TherapyUse(*t) for t in self.therapies], note=e.get("note") or "",
                     for_doctor=e.get("for_doctor") or False, entered_by=e.get("entered_by"), id=e["id"])


def _usual_stamp(e: dict, key: str) -> bool:
    """Whether the stamp ``key`` of a record is as every export writes it, which ``_Reader.stamp`` returns as it is."""
    text = e.get(key)
    if type(text) is not str or not _PADDED_STAMP.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text[:-1])
    except ValueError:
        return False
    return True


def _usual_entry(e: dict, profile: str, i: int):
    """``_entry`` of an entry as every export writes it, read without a call a field: each value of exactly its
    type (or none, where one may be missing), its time and stamps readable: ``(_UsualEntry, created, updated,
    None)``. None for anything else, which ``_any_entry`` then reads (or refuses) field by field, as it always has."""
    at, pain, entry_id = e.get("at"), e.get("pain"), e.get("id")
    if type(at) is not str or type(pain) is not int or type(entry_id) is not str:
        return None
    if not (_usual_stamp(e, "created") and (e.get("updated") == e["created"] or _usual_stamp(e, "updated"))):
        return None  # (a record never edited was updated when it was made: one stamp to read)
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    note, for_doctor, entered_by = e.get("note"), e.get("for_doctor"), e.get("entered_by")
    if (note is not None and type(note) is not str) or (for_doctor is not None and type(for_doctor) is not bool) \
            or (entered_by is not None and type(entered_by) is not str):
        return None
    raw_sites, qualities, triggers, raw_therapies = e.get("sites"), e.get("qualities"), e.get("triggers"), \
        e.get("therapies")
    for value in (raw_sites, qualities, triggers, raw_therapies):  # (a loop: any() of a generator costs more)
        if value is not None and type(value) is not list:
            return None
    sites = []
    for s in raw_sites or ():
        if type(s) is not dict:
            return None
        location, intensity, level = s.get("location"), s.get("intensity"), s.get("level")
        if type(location) is not str or type(intensity) is not int or (level is not None and type(level) is not str):
            return None
        sites.append((location, intensity, level))
    therapies = []
    for t in raw_therapies or ():
        if type(t) is not dict:
            return None
        therapy, relief, medication, dose = t.get("therapy"), t.get("relief"), t.get("medication"), t.get("dose")
        if type(therapy) is not str or (relief is not None and type(relief) is not int) \
                or (medication is not None and type(medication) is not str) \
                or (dose is not None and type(dose) is not str):
            return None
        therapies.append((therapy, relief, medication, dose))
    for slugs in (qualities, triggers):
        for slug in slugs or ():
            if type(slug) is not str:
                return None
    return _UsualEntry(e, moment, sites, therapies, profile, i), e["created"], e["updated"], None


def _any_entry(r: _Reader, e) -> Entry:
    """An entry of the file read field by field, each refused with its own sentence."""
    return Entry(
        at=r.moment(e, "at"), pain=r.get(e, "pain", int),
        sites=[Site(r.get(s, "location", str), r.get(s, "intensity", int), r.get(s, "level", str, False))
               for s in r.get(e, "sites", list, False, [])],
        qualities=[_text(r, q, "qualities") for q in r.get(e, "qualities", list, False, [])],
        triggers=[_text(r, q, "triggers") for q in r.get(e, "triggers", list, False, [])],
        therapies=[TherapyUse(r.get(t, "therapy", str), r.get(t, "relief", int, False),
                              r.get(t, "medication", str, False), r.get(t, "dose", str, False))
                   for t in r.get(e, "therapies", list, False, [])],
        note=r.get(e, "note", str, False, ""), for_doctor=r.get(e, "for_doctor", bool, False, False),
        entered_by=r.get(e, "entered_by", str, False), id=r.get(e, "id", str),
    )


def _where(record, default: Phrase) -> Phrase:
    """Where a record came from, for messages: a CSV import names its row (``_where``)."""
    where = record.get("_where") if isinstance(record, dict) else None
    return where if isinstance(where, Phrase) else default


def _text(r: _Reader, value, key: str) -> str:
    if not isinstance(value, str):
        raise r.fail("import.not_slug", key=key)
    return value


def _checkins(r: _Reader, items: list, profile: str) -> list:
    """``_checkin`` of each check-in of a profile's list, those as every export writes them read at once
    (``_usual_checkin``)."""
    out = [_usual_checkin(c) or _checkin(r, c, profile, i) for i, c in enumerate(items)]
    if out and out[-1][3] is None:  # where reading the last one field by field would have left the reader
        r.where = place("place.checkin", n=len(out), profile=profile)
    return out


_CHECKIN_ITEMS = ("peg_pain", "peg_enjoyment", "peg_activity", "sleep", "mood")


def _usual_checkin(c):
    """``_checkin`` of a check-in as every export writes it, read without a call a field: each value of exactly its
    type (or none, where one may be missing), its day and stamps readable: ``(CheckIn, created, updated, None)``,
    its place in the file told when a check refuses it (``_check_records``). None for anything else, which
    ``_checkin`` then reads (or refuses) field by field, as it always has."""
    if type(c) is not dict or "_where" in c:  # (a row of a CSV file names its own place)
        return None
    day, record_id, note, peg_week = c.get("day"), c.get("id"), c.get("note"), c.get("peg_week")
    if type(day) is not str or type(record_id) is not str or (note is not None and type(note) is not str) \
            or (peg_week is not None and type(peg_week) is not bool):
        return None
    pain, enjoyment, activity, sleep, mood = items = [c.get(key) for key in _CHECKIN_ITEMS]
    for item in items:
        if item is not None and type(item) is not int:
            return None
    created = c.get("created")
    if not (_usual_stamp(c, "created") and (c.get("updated") == created or _usual_stamp(c, "updated"))):
        return None  # (a check-in never changed was updated when it was made: one stamp to read)
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return None
    record = CheckIn(when, pain, enjoyment, activity, sleep, mood, note or "", record_id)  # (its fields in order)
    # Files from before the weekly PEG hold PEG answers asked about the day: never a past-week PEG.
    record.peg_week = bool(peg_week) and record.has_peg
    return record, created, c["updated"], None


def _checkin(r: _Reader, c, profile: str, i: int):
    r.where = _where(c, place("place.checkin", n=i + 1, profile=profile))
    items = {k: r.get(c, k, int, False) for k in ("peg_pain", "peg_enjoyment", "peg_activity", "sleep", "mood")}
    record = CheckIn(day=r.day(c, "day"), note=r.get(c, "note", str, False, ""), id=r.get(c, "id", str), **items)
    # Files from before the weekly PEG hold PEG answers asked about the day: never a past-week PEG.
    record.peg_week = bool(r.get(c, "peg_week", bool, False, False)) and record.has_peg
    created = r.stamp(c, "created")
    # A check-in never changed was updated when it was made: the one stamp read once.
    return record, created, created if c.get("updated") == created == c.get("created") else r.stamp(c, "updated"), \
        r.where


def _event(r: _Reader, v, profile: str, i: int):
    r.where = _where(v, place("place.event", n=i + 1, profile=profile))
    record = Event(kind=r.get(v, "kind", str), at=r.moment(v, "at"), site=r.get(v, "site", str, False),
                   level=r.get(v, "level", str, False), procedure=r.get(v, "procedure", str, False),
                   t_score=r.get(v, "t_score", (int, float), False), dxa_site=r.get(v, "dxa_site", str, False),
                   note=r.get(v, "note", str, False, ""), id=r.get(v, "id", str))
    return record, r.stamp(v, "created"), r.stamp(v, "updated"), r.where


def _question(r: _Reader, q, profile: str, i: int):
    r.where = _where(q, place("place.question", n=i + 1, profile=profile))
    record = Question(text=r.get(q, "text", str), created=r.moment(q, "created"),
                      status=r.get(q, "status", str, False, "open"), answer=r.get(q, "answer", str, False, ""),
                      id=r.get(q, "id", str))
    return record, r.stamp(q, "updated"), r.where


def _session(r: _Reader, s, profile: str, i: int):
    r.where = place("place.session", n=i + 1, profile=profile)
    record = SelfCareSession(
        therapy=r.get(s, "therapy", str), pain_before=r.get(s, "pain_before", int),
        pain_after=r.get(s, "pain_after", int), duration_seconds=r.get(s, "duration_seconds", int),
        ended=datetime.min, planned_seconds=r.get(s, "planned_seconds", int, False),
        pattern=r.get(s, "pattern", str, False), completed=r.get(s, "completed", bool, False, True),
        entry_id=r.get(s, "entry_id", str), id=r.get(s, "id", str),
    )
    return record, r.where


def import_document(diary: Diary, document, *, into_profile: str | None = None) -> dict:
    """Add every record of ``document`` not already in the diary; return counts.

    ``into_profile`` puts a single-profile export into that profile (created
    if needed) instead of the profile named in the file.
    """
    return import_parsed(diary, parse_document(document), document, into_profile=into_profile)


def import_parsed(diary: Diary, parsed: dict, document: dict, *, into_profile: str | None = None) -> dict:
    """``import_document`` for a ``document`` that ``parse_document`` has already read into ``parsed``
    (checked once); the document itself gives the records their change times (sync)."""
    if into_profile and len(parsed["profiles"]) != 1:
        raise ValidationError("import.one_profile", field="file", count=len(parsed["profiles"]))
    _check_records(diary, parsed)
    # A whole file of records is worth a quick check: never pour them into a damaged diary.
    diary.verify()
    counts = {"entries": 0, "checkins": 0, "events": 0, "questions": 0, "sessions": 0, "skipped": 0}
    # A new, empty diary holds only the profile it starts with ("me"): a whole diary imported into it replaces
    # that profile, and the profile active when the file was written is active again.
    fresh = not into_profile and _untouched_start(diary)
    from osteotrack.store import sync

    with written_directly(diary._conn, fresh), roomy_cache(diary._conn), diary.writing():
        started, empty = sync.now_ms(diary._conn), sync.is_empty(diary._conn)
        diary._terms.merge(parsed["terms"])
        # Written at once, each day's summary computed once at the end; when the file gives every entry its
        # change time, the entries are not stamped changed a part at a time on the way either.
        quiet = sync.parts_unstamped(diary._conn) if sync.adopts_every_entry(document) else nullcontext()
        with summaries_at_the_end(diary._conn), weeks_at_the_end(diary._conn), quiet:
            _import_profiles(diary, parsed, into_profile, counts, sync.change_stamps(document), empty)
        names = [tidy_name(p["name"]) for p in parsed["profiles"]]
        if fresh and names:
            active = parsed["active"] if parsed["active"] in names else names[0]
            diary._profiles.set_setting(ACTIVE, active)
            if DEFAULT_PROFILE not in names:
                diary._conn.execute("DELETE FROM profiles WHERE name = ?", [DEFAULT_PROFILE])
                sync.forget_tombstones_since(diary._conn, started)  # the untouched start never existed elsewhere
        # The records keep the change times of the diary they were exported from: a copy made
        # by export and import is in step with it, and its first sync changes nothing.
        sync.adopt_document(diary._conn, document, started, adopt_profiles=into_profile is None, empty=empty)
    diary._terms.forget()
    return counts


def _import_profiles(diary: Diary, parsed: dict, into_profile: str | None, counts: dict,
                     changed: dict[str, str], empty: bool = False) -> None:
    """Add the records of each profile of ``parsed`` not already in the diary, counting them in ``counts``;
    entries, check-ins and events are written with their ``changed`` times (by id). ``empty``: the diary held
    no record before, so it holds none of the file's ids (unique within it) but those this import writes."""
    from osteotrack.store import sync

    for p in parsed["profiles"]:
        # Tidied like add_profile's names, so "  Dad " finds (or makes) the profile "Dad".
        name = tidy_name(into_profile or p["name"])
        if not name:
            raise ValidationError("import.profile_empty", field="profile")
        pid = diary._profiles.find_or_add(name, p["created"])
        # Ids are unique within a file (checked): each kind's records are looked up, the new ones put in, at once.
        days = checkin_days(diary, pid)  # one check-in a day: the diary's own one wins
        for key, kind, part in (("entries", "entry", diary._entries), ("checkins", "check-in", diary._checkins),
                                ("events", "event", diary._events)):
            owner = {} if empty else owners(diary, kind, [record.id for record, *_ in p[key]])
            new = []
            for record, created, updated, _ in p[key]:
                if record.id in owner:
                    if owner[record.id] != pid:
                        raise ValidationError("import.other_profile", field="file", id=record.id)
                elif key != "checkins" or record.day.isoformat() not in days:
                    new.append((record, created, updated))
                    if key == "checkins":
                        days.add(record.day.isoformat())
            with sync.written_as_given(diary._conn, part.TABLE, all(r.id in changed for r, _, _ in new)):
                part.insert_stamped(new, pid, changed)
            counts["skipped"] += len(p[key]) - len(new)
            counts[key] += len(new)
        for record, updated, _ in p["questions"]:
            if _question_present(diary, record, pid):
                counts["skipped"] += 1
                continue
            diary._questions.insert(record, pid, updated)
            counts["questions"] += 1
        for record, _ in p["sessions"]:
            if diary._sessions.known(record):
                counts["skipped"] += 1
                continue
            diary._sessions.check_entry(record, pid)
            diary._sessions.insert(record)
            counts["sessions"] += 1
        import_bone(diary, pid, p, counts)


# Every table holding a profile's own records: a diary is untouched when none has a row.
_RECORD_TABLES = ("entries", "checkins", "events", "questions", "bone_treatments", "bone_doses", "heights",
                  "falls_checks", "impressions", "side_effects")


def _untouched_start(diary: Diary) -> bool:
    """Whether the diary is as a new one starts: the one profile "me" and no record at all."""
    profiles = diary.profiles()
    if [p.name for p in profiles] != [DEFAULT_PROFILE]:
        return False
    return not any(diary._conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in _RECORD_TABLES)


def _question_present(diary: Diary, record, pid: int) -> bool:
    """Whether the diary has this question already (by id)."""
    owner = diary._questions.owner(record.id)
    if owner is not None and owner != pid:
        raise ValidationError("import.other_profile", field="file", id=record.id)
    return owner is not None


def _check_records(diary: Diary, parsed: dict) -> None:
    """Validate every record against the diary's vocabulary plus the file's own terms."""
    from osteotrack.domain.validate import Vocabulary

    known = [t for kind in KINDS for t in diary.vocabulary().terms[kind].values()]
    have = {(t.kind, t.slug) for t in known}
    vocab = Vocabulary(known + [t for t in parsed["terms"] if (t.kind, t.slug) not in have])
    seen: set[str] = set()
    now = now_local()  # one present for the whole file
    usual = _UsualCheck(vocab, now)
    for p in parsed["profiles"]:
        for key, check in (
            ("entries", lambda rec: validate_entry(rec, vocab, now)),
            ("checkins", lambda rec: validate_checkin(rec, now)),
            ("events", lambda rec: validate_event(rec, vocab, now)),
        ):
            checked = []
            for i, (record, created, updated, where) in enumerate(p[key]):
                if isinstance(record, _UsualEntry):
                    entry, record_id = usual.valid(record), record.e["id"]
                    if entry is not None and record_id not in seen:
                        seen.add(record_id)
                        checked.append((entry, created, updated, None))
                        continue
                    where = record.where
                    record = record.record()  # checked as any other, refused if need be
                elif key == "checkins" and where is None:  # as every export writes it (``_usual_checkin``)
                    if usual.takes_checkin(record) and record.id not in seen:
                        seen.add(record.id)
                        checked.append((record, created, updated, None))
                        continue
                    where = place("place.checkin", n=i + 1, profile=p["name"])
                checked.append((_checked(check, record, where, seen), created, updated, where))
            p[key] = checked
        p["questions"] = [(_checked(lambda rec: validate_question(rec, now), rec, where, seen), updated, where)
                          for rec, updated, where in p["questions"]]
        p["sessions"] = [(_checked(lambda rec: _valid_session(rec, vocab), rec, where, seen), where)
                         for rec, where in p["sessions"]]
        check_bone(p, lambda check, rec, where: _checked(check, rec, where, seen))


class _UsualCheck:
    """``validate_entry`` of an entry as the file has it (``_UsualEntry``) when it takes the entry as it is: made
    once, checked once, with no call a field. Anything else (a slug written otherwise, a place or therapy twice, a
    value out of range, an id of another form) is left to ``validate_entry`` and ``_checked``, which normalise it or
    refuse it."""

    def __init__(self, vocab, now: datetime):
        # The slugs of each kind that ``Vocabulary.check`` returns as they are written (stripped, lower case).
        normal = {kind: {slug for slug in vocab.terms[kind] if slug == slug.strip().lower()}
                  for kind in ("location", "therapy", "quality", "trigger")}
        self.locations, self.therapies = normal["location"], normal["therapy"]
        self.qualities, self.triggers = normal["quality"], normal["trigger"]
        self.now = now
        # ``check_moment(at, now, "entry")``'s bounds: not after now (and its grace), not before 1900.
        self.latest = latest_moment(now)
        self.today = now.date()  # ``check_not_future``'s last day
        self.id_form = re.compile(_RECORD_ID).fullmatch  # ``check_record_id``'s rule, compiled once

    def takes_checkin(self, checkin: CheckIn) -> bool:
        """Whether ``validate_checkin`` and the check of its id take a check-in as it is (the same one back): its day
        from 1900 to today, each item 0–10 or not given, at least one given (or a note), an id of the usual form."""
        given = False
        for item in (checkin.peg_pain, checkin.peg_enjoyment, checkin.peg_activity, checkin.sleep, checkin.mood):
            if item is not None:
                if not 0 <= item <= 10:
                    return False
                given = True
        return (EARLIEST_DAY <= checkin.day <= self.today and (given or bool(checkin.note.strip()))
                and self.id_form(checkin.id or "") is not None)

    def valid(self, usual: _UsualEntry) -> Entry | None:
        """The entry ``validate_entry`` would return for ``usual.record()``, or None where it might say otherwise."""
        e = usual.e
        pain = e["pain"]
        if not 0 <= pain <= 10:
            return None
        at = usual.at
        if at > self.latest or at < EARLIEST or at.year < EARLIEST.year:
            return None
        if self.id_form(e["id"]) is None:
            return None
        sites, places = [], set()
        for location, intensity, level in usual.sites:
            if location not in self.locations or location in places or not 0 <= intensity <= 10:
                return None
            places.add(location)
            if level is not None:
                try:
                    level = check_level(location, level)
                except ValidationError:
                    return None
            sites.append(Site(location, intensity, level))
        therapies, used = [], set()
        for therapy, relief, medication, dose in usual.therapies:
            if therapy not in self.therapies or therapy in used or (
                    (medication or dose) and therapy not in MEDICATION_THERAPIES) or (
                    relief is not None and not (0 <= relief <= 100 and relief % 10 == 0)):
                return None
            used.add(therapy)
            therapies.append(TherapyUse(therapy, relief, (medication or "").strip() or None,
                                        (dose or "").strip() or None))
        qualities, triggers = e.get("qualities") or [], e.get("triggers") or []
        if not (self.qualities.issuperset(qualities) and self.triggers.issuperset(triggers)
                and (len(qualities) < 2 or len(set(qualities)) == len(qualities))
                and (len(triggers) < 2 or len(set(triggers)) == len(triggers))):  # (none twice)
            return None
        # (Entry's fields in their order: a call with names costs a look-up each.)
        return Entry(at, pain, sites, list(qualities), list(triggers), therapies, e.get("note") or "",
                     bool(e.get("for_doctor")), (e.get("entered_by") or "").strip() or None, e["id"])


def _valid_session(session: SelfCareSession, vocab) -> SelfCareSession:
    session = validate_session(session)
    session.therapy = vocab.check("therapy", session.therapy)
    return session


def _checked(check, record, where: Phrase, seen: set):
    if record.id in seen:
        raise ValidationError("import.id_twice", field="file", where=where, id=record.id)
    seen.add(record.id)
    try:
        checked = check(record)
        check_record_id(record.id)
        return checked
    except ValidationError as error:
        raise ValidationError("import.record", field="file", where=where, cause=error) from None


