"""Export a diary as one complete JSON document, and import it back without loss.

Every record keeps its stable id, so importing the same file twice adds
nothing the second time. The whole file is checked before anything is
written: a refused file leaves the diary unchanged.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from osteotrack import __version__
from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.selfcare import SelfCareSession, validate_session
from osteotrack.domain.validate import validate_checkin, validate_entry, validate_event, validate_question
from osteotrack.domain.vocabulary import KINDS, THERAPY_GROUPS, Term
from osteotrack.store.diary import Diary, _now_utc
from osteotrack.store.sessions import check_session_entry, insert_session
from osteotrack.store.sessions import sessions as stored_sessions

FORMAT = "osteotrack-diary"
FORMAT_VERSION = 1


def export_document(diary: Diary, profiles: list[str] | None = None) -> dict:
    """The whole diary (or the named profiles) as plain JSON-ready data."""
    chosen = [p for p in diary.profiles() if profiles is None or p["name"] in profiles]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "vocabulary": [_term_dict(t) for kind in KINDS for t in diary.vocabulary().terms[kind].values()],
        "profiles": [_profile_dict(diary, p) for p in chosen],
    }


def _term_dict(t: Term) -> dict:
    return {"kind": t.kind, "slug": t.slug, "name": t.name, "group": t.group, "region": t.region,
            "laterality": t.laterality, "snomed": t.snomed, "builtin": t.builtin, "hidden": t.hidden}


def _profile_dict(diary: Diary, profile: dict) -> dict:
    pid = profile["id"]
    rows = diary._entry_rows("e.profile_id = ?", [pid], "ORDER BY e.at_utc, e.rowid")
    return {
        "name": profile["name"],
        "created": profile["created_utc"],
        "entries": [
            {
                "id": e.id, "at": e.at.isoformat(), "pain": e.pain,
                "sites": [{"location": s.location, "intensity": s.intensity, "level": s.level} for s in e.sites],
                "qualities": e.qualities, "triggers": e.triggers,
                "therapies": [{"therapy": t.therapy, "relief": t.relief, "medication": t.medication,
                               "dose": t.dose} for t in e.therapies],
                "note": e.note, "for_doctor": e.for_doctor, "entered_by": e.entered_by,
                "created": row["created_utc"], "updated": row["updated_utc"],
            }
            for row in rows for e in [row["entry"]]
        ],
        "checkins": [
            {"id": c.id, "day": c.day.isoformat(), "peg_pain": c.peg_pain, "peg_enjoyment": c.peg_enjoyment,
             "peg_activity": c.peg_activity, "sleep": c.sleep, "mood": c.mood, "note": c.note,
             "created": row["created_utc"], "updated": row["updated_utc"]}
            for row in diary._checkin_rows(pid, None, None) for c in [row["record"]]
        ],
        "events": [
            {"id": v.id, "kind": v.kind, "at": v.at.isoformat(), "site": v.site, "level": v.level,
             "procedure": v.procedure, "t_score": v.t_score, "dxa_site": v.dxa_site, "note": v.note,
             "created": row["created_utc"], "updated": row["updated_utc"]}
            for row in diary._event_rows(pid, None, None) for v in [row["record"]]
        ],
        "questions": [
            {"id": q.id, "text": q.text, "created": q.created.isoformat(), "status": q.status, "answer": q.answer,
             "updated": row["updated_utc"]}
            for row in diary._question_rows("q.profile_id = ?", [pid]) for q in [row["record"]]
        ],
        # Self-care sessions (issue 8); their time, pain after and notes live on the entry they name.
        "sessions": [
            {"id": s.id, "entry_id": s.entry_id, "therapy": s.therapy, "pattern": s.pattern,
             "planned_seconds": s.planned_seconds, "duration_seconds": s.duration_seconds,
             "pain_before": s.pain_before, "pain_after": s.pain_after, "completed": s.completed}
            for s in stored_sessions(diary, pid)
        ],
    }


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- import ---------------------------------------------------------------


def read_import_file(path: Path) -> bytes:
    """The bytes of a file to import; a missing or unreadable one gets a clear sentence."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise DiaryError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise DiaryError(f"{path} is a folder; give the path of a file made by 'osteotrack export'.") from None
    except OSError as error:
        raise DiaryError(f"Cannot read {path}: {error.strerror}.") from None


def read_document(path: Path) -> dict:
    """Load an export file; a file that is not one gets a clear sentence."""
    try:
        text = read_import_file(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path} is not a text file; import takes a .json file made by 'osteotrack export'.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}); "
            "import takes a .json file made by 'osteotrack export'."
        ) from None
    return document


class _Reader:
    """Walks an untrusted document, turning every shape problem into one sentence."""

    def __init__(self, where: str = "the file"):
        self.where = where

    def fail(self, what: str) -> ValidationError:
        return ValidationError(f"In {self.where}, {what}.")

    def get(self, obj: dict, key: str, kind, required: bool = True, default=None):
        if not isinstance(obj, dict):
            raise self.fail(f"expected an object but found {type(obj).__name__}")
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail(f"'{key}' is missing")
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(f"'{key}' should be {kinds[0].__name__}, not true/false")
        if not isinstance(value, kinds):
            raise self.fail(f"'{key}' should be {kinds[0].__name__}, not {type(value).__name__}")
        return value

    def moment(self, obj: dict, key: str) -> datetime:
        text = self.get(obj, key, str)
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise self.fail(f"'{key}' is not an ISO date-time: '{text}'") from None
        if value.tzinfo is None:
            raise self.fail(f"'{key}' has no UTC offset: '{text}'")
        return value

    def day(self, obj: dict, key: str) -> date:
        text = self.get(obj, key, str)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(f"'{key}' is not an ISO date: '{text}'") from None

    def stamp(self, obj: dict, key: str) -> str:
        text = self.get(obj, key, str, required=False)
        if text is None:
            return _now_utc()
        try:
            datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise self.fail(f"'{key}' is not a UTC time like 2026-11-23T18:00:00Z: '{text}'") from None
        return text


def parse_document(document) -> dict:
    """Check a whole export document and turn it into records, or raise ValidationError."""
    r = _Reader()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError("This file is not an osteotrack export (its 'format' is not 'osteotrack-diary').")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise r.fail("'format_version' is missing")
    if version > FORMAT_VERSION:
        raise ValidationError(
            f"This export was made by a newer osteotrack (format version {version}); "
            f"this version reads up to {FORMAT_VERSION}. Upgrade osteotrack to import it."
        )
    terms, seen_terms = [], set()
    for i, t in enumerate(r.get(document, "vocabulary", list, required=False, default=[])):
        r.where = f"vocabulary item {i + 1}"
        kind = r.get(t, "kind", str)
        if kind not in KINDS:
            raise r.fail(f"'kind' must be one of {', '.join(KINDS)}")
        group = r.get(t, "group", str, required=False)
        if kind == "therapy" and group not in THERAPY_GROUPS:
            raise r.fail(f"a therapy's 'group' must be one of {', '.join(THERAPY_GROUPS)}")
        if (kind, r.get(t, "slug", str)) in seen_terms:
            raise r.fail(f"the {kind} '{t['slug']}' is listed twice")
        seen_terms.add((kind, t["slug"]))
        terms.append(Term(kind, r.get(t, "slug", str), r.get(t, "name", str), group=group,
                          region=r.get(t, "region", str, required=False),
                          laterality=r.get(t, "laterality", str, required=False),
                          snomed=r.get(t, "snomed", str, required=False),
                          builtin=bool(r.get(t, "builtin", bool, required=False, default=False)),
                          hidden=bool(r.get(t, "hidden", bool, required=False, default=False))))
    profiles = []
    r.where = "the file"
    for p in r.get(document, "profiles", list):
        r.where = "a profile"
        name = " ".join(r.get(p, "name", str).split())
        if not name:
            raise r.fail("'name' is empty")
        profiles.append({
            "name": name,
            "created": r.stamp(p, "created"),
            "entries": [_entry(r, e, name, i) for i, e in enumerate(r.get(p, "entries", list, False, []))],
            "checkins": [_checkin(r, c, name, i) for i, c in enumerate(r.get(p, "checkins", list, False, []))],
            "events": [_event(r, v, name, i) for i, v in enumerate(r.get(p, "events", list, False, []))],
            "questions": [_question(r, q, name, i) for i, q in enumerate(r.get(p, "questions", list, False, []))],
            # Files exported before self-care sessions existed simply have none.
            "sessions": [_session(r, s, name, i) for i, s in enumerate(r.get(p, "sessions", list, False, []))],
        })
    return {"terms": terms, "profiles": profiles}


def _entry(r: _Reader, e, profile: str, i: int):
    r.where = _where(e, f"entry {i + 1} of profile '{profile}'")
    entry = Entry(
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
    return entry, r.stamp(e, "created"), r.stamp(e, "updated"), r.where


def _where(record, default: str) -> str:
    """Where a record came from, for messages: a CSV import names its row (``_where``)."""
    where = record.get("_where") if isinstance(record, dict) else None
    return where if isinstance(where, str) else default


def _text(r: _Reader, value, key: str) -> str:
    if not isinstance(value, str):
        raise r.fail(f"every item of '{key}' should be a slug (text)")
    return value


def _checkin(r: _Reader, c, profile: str, i: int):
    r.where = _where(c, f"check-in {i + 1} of profile '{profile}'")
    items = {k: r.get(c, k, int, False) for k in ("peg_pain", "peg_enjoyment", "peg_activity", "sleep", "mood")}
    record = CheckIn(day=r.day(c, "day"), note=r.get(c, "note", str, False, ""), id=r.get(c, "id", str), **items)
    return record, r.stamp(c, "created"), r.stamp(c, "updated"), r.where


def _event(r: _Reader, v, profile: str, i: int):
    r.where = _where(v, f"event {i + 1} of profile '{profile}'")
    record = Event(kind=r.get(v, "kind", str), at=r.moment(v, "at"), site=r.get(v, "site", str, False),
                   level=r.get(v, "level", str, False), procedure=r.get(v, "procedure", str, False),
                   t_score=r.get(v, "t_score", (int, float), False), dxa_site=r.get(v, "dxa_site", str, False),
                   note=r.get(v, "note", str, False, ""), id=r.get(v, "id", str))
    return record, r.stamp(v, "created"), r.stamp(v, "updated"), r.where


def _question(r: _Reader, q, profile: str, i: int):
    r.where = _where(q, f"question {i + 1} of profile '{profile}'")
    record = Question(text=r.get(q, "text", str), created=r.moment(q, "created"),
                      status=r.get(q, "status", str, False, "open"), answer=r.get(q, "answer", str, False, ""),
                      id=r.get(q, "id", str))
    return record, r.stamp(q, "updated"), r.where


def _session(r: _Reader, s, profile: str, i: int):
    r.where = f"session {i + 1} of profile '{profile}'"
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
    parsed = parse_document(document)
    if into_profile and len(parsed["profiles"]) != 1:
        raise ValidationError(
            f"The file holds {len(parsed['profiles'])} profiles; a file imported as one profile must hold exactly one."
        )
    _check_records(diary, parsed)
    # A whole file of records is worth a quick check: never pour them into a damaged diary.
    diary.verify()
    counts = {"entries": 0, "checkins": 0, "events": 0, "questions": 0, "sessions": 0, "skipped": 0}
    with diary.writing():
        _merge_vocabulary(diary, parsed["terms"])
        for p in parsed["profiles"]:
            # Tidied like add_profile's names, so "  Dad " finds (or makes) the profile "Dad".
            name = " ".join((into_profile or p["name"]).split())
            if not name:
                raise ValidationError("A profile needs a name; the one given is empty.")
            row = diary.conn.execute("SELECT id FROM profiles WHERE name = ?", [name]).fetchone()
            pid = row[0] if row else diary.conn.execute(
                "INSERT INTO profiles (name, created_utc) VALUES (?, ?)", [name, p["created"]]).lastrowid
            diary.backdate_profile(pid, p["created"])
            for table, key, insert in (
                ("entries", "entries", lambda rec, c, u, pid=pid: diary._insert_entry(rec, pid, c, u)),
                ("checkins", "checkins", lambda rec, c, u, pid=pid: diary._insert_checkin(rec, pid, c, u)),
                ("events", "events", lambda rec, c, u, pid=pid: diary._insert_event(rec, pid, c, u)),
            ):
                for record, created, updated, _ in p[key]:
                    if _present(diary, table, record.id, pid, record):
                        counts["skipped"] += 1
                        continue
                    insert(record, created, updated)
                    counts[key] += 1
            for record, updated, _ in p["questions"]:
                if _present(diary, "questions", record.id, pid, record):
                    counts["skipped"] += 1
                    continue
                diary._insert_question(record, pid, updated)
                counts["questions"] += 1
            for record, _ in p["sessions"]:
                if diary.conn.execute("SELECT 1 FROM self_care_sessions WHERE id = ? OR entry_id = ?",
                                      [record.id, record.entry_id]).fetchone():
                    counts["skipped"] += 1
                    continue
                check_session_entry(diary, record, pid)
                insert_session(diary, record)
                counts["sessions"] += 1
    diary._vocab = None
    return counts


def _present(diary: Diary, table: str, record_id: str, pid: int, record) -> bool:
    row = diary.conn.execute(f"SELECT profile_id FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row is None:
        if table == "checkins":  # one check-in a day: the diary's own one wins
            return diary.conn.execute("SELECT 1 FROM checkins WHERE profile_id = ? AND day = ?",
                                      [pid, record.day.isoformat()]).fetchone() is not None
        return False
    if row[0] != pid:
        raise ValidationError(
            f"Record {record_id} already belongs to another profile in this diary; "
            "import refuses to move records between profiles."
        )
    return True


def _check_records(diary: Diary, parsed: dict) -> None:
    """Validate every record against the diary's vocabulary plus the file's own terms."""
    from osteotrack.domain.validate import Vocabulary

    known = [t for kind in KINDS for t in diary.vocabulary().terms[kind].values()]
    have = {(t.kind, t.slug) for t in known}
    vocab = Vocabulary(known + [t for t in parsed["terms"] if (t.kind, t.slug) not in have])
    seen: set[str] = set()
    for p in parsed["profiles"]:
        for key, check in (
            ("entries", lambda rec: validate_entry(rec, vocab)),
            ("checkins", lambda rec: validate_checkin(rec)),
            ("events", lambda rec: validate_event(rec, vocab)),
        ):
            checked = []
            for record, created, updated, where in p[key]:
                checked.append((_checked(check, record, where, seen), created, updated, where))
            p[key] = checked
        p["questions"] = [(_checked(validate_question, rec, where, seen), updated, where)
                          for rec, updated, where in p["questions"]]
        p["sessions"] = [(_checked(lambda rec: _valid_session(rec, vocab), rec, where, seen), where)
                         for rec, where in p["sessions"]]


def _valid_session(session: SelfCareSession, vocab) -> SelfCareSession:
    session = validate_session(session)
    session.therapy = vocab.check("therapy", session.therapy)
    return session


def _checked(check, record, where: str, seen: set):
    if record.id in seen:
        raise ValidationError(f"In {where}, the id '{record.id}' is used twice in the file.")
    seen.add(record.id)
    try:
        return check(record)
    except ValidationError as error:
        message = str(error)
        raise ValidationError(f"In {where}: {message[0].lower()}{message[1:]}") from None


def _merge_vocabulary(diary: Diary, terms: list[Term]) -> None:
    """Add the file's own terms this diary lacks; never rename existing ones or show hidden ones.

    A term hidden in the file is hidden here too: hiding never changes what an entry means,
    and it lets export → import give back the same diary.
    """
    existing = diary.vocabulary().terms
    for t in terms:
        if t.slug in existing[t.kind]:
            if t.hidden:
                diary.conn.execute("UPDATE vocabulary SET hidden = 1 WHERE kind = ? AND slug = ?", [t.kind, t.slug])
            continue
        diary.conn.execute(
            "INSERT INTO vocabulary (kind, slug, name, grp, region, laterality, snomed, builtin, hidden)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
            [t.kind, t.slug, t.name, t.group, t.region, t.laterality, t.snomed, int(t.hidden)],
        )
