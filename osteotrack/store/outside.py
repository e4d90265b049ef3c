"""Writing history brought from another app or a spreadsheet: all of it in one transaction, or nothing.

The readers (``osteotrack.importers``) give records with stable ids; a record whose id the
diary already has is skipped, so importing the same file twice adds nothing the second
time. Every record is checked again against the diary's vocabulary (plus the new terms)
before anything is written: a refused import leaves the diary as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry
from osteotrack.domain.validate import Vocabulary, validate_checkin, validate_entry
from osteotrack.domain.vocabulary import Term
from osteotrack.store.connection import now_utc
from osteotrack.store.part import CHUNK

if TYPE_CHECKING:
    from osteotrack.store.diary import Diary

_TABLES = {"entry": "entries", "check-in": "checkins", "event": "events"}


def owners(diary: Diary, kind: str, ids: list[str]) -> dict[str, int]:
    """The profile each of ``ids`` (entries, check-ins or events) already belongs to, for those the diary has."""
    table = _TABLES[kind]
    found: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in diary._conn.execute(f"SELECT id, profile_id FROM {table} WHERE id IN ({marks})", chunk):
            found[row[0]] = row[1]
        # (one query per chunk: ten years of rows are checked in a few milliseconds)
    return found


def checkin_days(diary: Diary, profile_id: int) -> set[str]:
    """The days (ISO text) this profile has a check-in on."""
    return {row[0] for row in diary._conn.execute("SELECT day FROM checkins WHERE profile_id = ?", [profile_id])}


def write(diary: Diary, profile_id: int, entries: list[Entry], checkins: list[CheckIn],
          terms: list[Term], checked: bool = False) -> dict[str, int]:
    """Add the new terms, then every entry and check-in the profile lacks; return what was added and skipped.

    ``checked``: the records were validated already (by ``ImportPlan.finish``); then only what the
    diary could have changed since is checked again: that every name they use is a term of it.
    """
    diary.check_writable()
    known = [t for kind in diary.vocabulary().terms.values() for t in kind.values()]
    have = {(t.kind, t.slug) for t in known}
    vocab = Vocabulary(known + [t for t in terms if (t.kind, t.slug) not in have])
    if checked:
        _check_names(entries, vocab)
    else:
        entries = [validate_entry(e, vocab) for e in entries]
        checkins = [validate_checkin(c) for c in checkins]
    diary.verify()  # never pour a whole file of records into a damaged diary
    counts = {"entries": 0, "checkins": 0, "terms": 0, "skipped": 0}
    stamp = now_utc()
    with diary.writing():
        entry_owner = owners(diary, "entry", [e.id for e in entries if e.id])
        checkin_owner = owners(diary, "check-in", [c.id for c in checkins if c.id])
        for owner in (*entry_owner.values(), *checkin_owner.values()):
            if owner != profile_id:
                raise ValidationError("import.other_profile", field="id",
                                      id=next(i for i, o in {**entry_owner, **checkin_owner}.items() if o == owner))
        new_terms = [t for t in terms if (t.kind, t.slug) not in have]
        diary._terms.merge(new_terms)
        counts["terms"] = len(new_terms)
        fresh = [entry for entry in entries if entry.id not in entry_owner]
        diary._entries.insert_many(fresh, profile_id, stamp, stamp)
        counts["entries"], counts["skipped"] = len(fresh), len(entries) - len(fresh)
        days = checkin_days(diary, profile_id)
        for checkin in checkins:
            # One check-in a day: the diary's own one wins.
            if checkin.id in checkin_owner or checkin.day.isoformat() in days:
                counts["skipped"] += 1
                continue
            diary._checkins.insert(checkin, profile_id, stamp, stamp)
            days.add(checkin.day.isoformat())
            counts["checkins"] += 1
    diary._terms.forget()
    return counts


def _check_names(entries: list[Entry], vocab: Vocabulary) -> None:
    """Refuse (with the vocabulary's own sentence) an entry naming a term the diary lacks."""
    names = {kind: set(terms) for kind, terms in vocab.terms.items()}
    for e in entries:
        for kind, slugs in (("location", [s.location for s in e.sites]), ("quality", e.qualities),
                            ("trigger", e.triggers), ("therapy", [t.therapy for t in e.therapies])):
            for slug in slugs:
                if slug not in names[kind]:
                    vocab.check(kind, slug)
