"""Pain entries: a moment of pain with its places, qualities, triggers and therapies."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.record_base import replace
from osteotrack.domain.records import Entry, Site, TherapyUse, record_dict
from osteotrack.domain.validate import validate_entry
from osteotrack.domain.when import from_storage, offset_minutes, to_utc_text
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import CHUNK, Part, Stored, day_range, insert_rows

_CHILDREN = ("entry_sites", "entry_qualities", "entry_triggers", "entry_therapies")
KEEP_DELETED_DAYS = 30  # how long a deleted entry can be brought back


class Entries(Part):
    """The ``entries`` table and its four child tables."""

    TABLE = "entries"

    def add(self, entry: Entry, profile_id: int, now: datetime | None = None) -> Entry:
        """Validate and store ``entry`` for the profile; return it as stored (with its id).

        ``entry.entered_by`` None takes the profile's default logger; an empty string says
        the patient logged it.
        """
        if entry.entered_by is None:
            entry = replace(entry, entered_by=self._diary._profiles.default_logger(profile_id))
        entry = validate_entry(entry, self._diary.vocabulary(), now)
        entry.id = entry.id or new_id()
        stamp = now_utc()
        with self._diary.writing():
            self.insert(entry, profile_id, stamp, stamp)
        return entry

    def insert(self, entry: Entry, profile_id: int, created: str, updated: str) -> None:
        """Insert an already validated entry as it is, with its stamps (for import and the demo)."""
        self.insert_stamped([(entry, created, updated)], profile_id)

    def insert_many(self, entries: list[Entry], profile_id: int, created: str, updated: str) -> None:
        """Insert already validated entries as they are, all with the same stamps (for bulk imports)."""
        self.insert_stamped([(entry, created, updated) for entry in entries], profile_id)

    def insert_stamped(self, stamped: list[tuple[Entry, str, str]], profile_id: int,
                       changed: dict[str, str] | None = None) -> None:
        """Insert already validated entries as they are, each with its created and updated stamps,
        one statement per table (for bulk imports). ``changed``: change times by id, written with the rows
        (an import's, from its file); an entry without one is stamped changed now, as any new row."""
        changed = changed or {}
        insert_rows(
            self._conn,
            "INSERT INTO entries (id, profile_id, at_utc, utc_offset_min, local_day, pain, note, for_doctor,"
            " entered_by, created_utc, updated_utc, changed_at)",
            [(entry.id, profile_id, to_utc_text(entry.at), offset_minutes(entry.at), entry.at.date().isoformat(),
              entry.pain, entry.note, int(entry.for_doctor), entry.entered_by, created, updated,
              changed.get(entry.id or "")) for entry, created, updated in stamped],
        )
        self._insert_children(*(entry for entry, _, _ in stamped))

    def _insert_children(self, *entries: Entry) -> None:
        conn = self._conn
        insert_rows(conn, "INSERT INTO entry_sites (entry_id, location, intensity, level)",
                    [(entry.id, s.location, s.intensity, s.level) for entry in entries for s in entry.sites])
        insert_rows(conn, "INSERT INTO entry_qualities (entry_id, slug)",
                    [(entry.id, q) for entry in entries for q in entry.qualities])
        insert_rows(conn, "INSERT INTO entry_triggers (entry_id, slug)",
                    [(entry.id, t) for entry in entries for t in entry.triggers])
        insert_rows(conn, "INSERT INTO entry_therapies (entry_id, therapy, relief, medication, dose)",
                    [(entry.id, t.therapy, t.relief, t.medication, t.dose) for entry in entries
                     for t in entry.therapies])

    def update(self, entry: Entry, profile_id: int, now: datetime | None = None) -> Entry:
        """Replace the contents of the profile's entry ``entry.id``; return it as stored."""
        if not entry.id or self.owner(entry.id) != profile_id:
            raise ValidationError("entry.not_found", field="id", id=entry.id)
        entry = validate_entry(entry, self._diary.vocabulary(), now)
        with self._diary.writing():
            self._conn.execute(
                "UPDATE entries SET at_utc = ?, utc_offset_min = ?, local_day = ?, pain = ?, note = ?,"
                " for_doctor = ?, entered_by = ?, updated_utc = ? WHERE id = ?",
                [to_utc_text(entry.at), offset_minutes(entry.at), entry.at.date().isoformat(), entry.pain,
                 entry.note, int(entry.for_doctor), entry.entered_by, now_utc(), entry.id],
            )
            for table in _CHILDREN:
                self._conn.execute(f"DELETE FROM {table} WHERE entry_id = ?", [entry.id])
            self._insert_children(entry)
        return entry

    def delete(self, entry_id: str, profile_id: int) -> dict:
        """Delete the profile's entry; return what ``restore`` needs to undo it.

        A copy is kept for ``KEEP_DELETED_DAYS`` (``undelete`` brings it back, from any
        face); copies older than that are removed for good at the next delete.
        """
        found = self.stored("e.id = ? AND e.profile_id = ?", [entry_id, profile_id])
        if not found:
            raise ValidationError("entry.not_found", field="id", id=entry_id)
        saved = {"stored": found[0], "session": self._diary._sessions.row_for_entry(entry_id)}
        stamp = now_utc()
        cutoff = (datetime.now(timezone.utc) - timedelta(days=KEEP_DELETED_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._diary.writing():
            self._conn.execute("DELETE FROM deleted_entries WHERE deleted_utc < ?", [cutoff])
            self._conn.execute("INSERT OR REPLACE INTO deleted_entries (id, profile_id, deleted_utc, saved)"
                               " VALUES (?, ?, ?, ?)", [entry_id, profile_id, stamp, _to_json(saved)])
            # A self-care session goes with its entry (ON DELETE CASCADE); ``saved`` keeps it for undo.
            self._conn.execute("DELETE FROM entries WHERE id = ?", [entry_id])
        return saved

    def restore(self, saved: dict) -> Entry:
        """Put back an entry that ``delete`` removed, exactly as it was."""
        stored: Stored[Entry] = saved["stored"]
        with self._diary.writing():
            self.insert(stored.record, stored.profile_id, stored.created_utc, stored.updated_utc)
            if saved.get("session") is not None:
                self._diary._sessions.insert_row(saved["session"])
            self._conn.execute("DELETE FROM deleted_entries WHERE id = ?", [stored.record.id])
        return stored.record

    def undelete(self, entry_id: str, profile_id: int) -> Entry:
        """Put back the profile's deleted entry ``entry_id`` (a full id) from the copy ``delete`` kept."""
        self._diary.check_writable()
        row = self._one("SELECT saved FROM deleted_entries WHERE id = ? AND profile_id = ?", [entry_id, profile_id])
        if row is None:
            raise ValidationError("entry.not_deleted", field="id", id=entry_id)
        return self.restore(_from_json(row["saved"]))

    def get(self, entry_id: str, profile_id: int) -> Entry | None:
        """The profile's entry with this id, or None."""
        found = self.stored("e.id = ? AND e.profile_id = ?", [entry_id, profile_id])
        return found[0].record if found else None

    def page(self, profile_id: int, since: date | None = None, until: date | None = None,
             limit: int | None = None, offset: int = 0, newest_first: bool = True) -> list[Entry]:
        """The profile's entries between two local days (inclusive), a page at a time."""
        where, params = day_range("e", "local_day", profile_id, since, until)
        order = "DESC" if newest_first else "ASC"
        tail = f"ORDER BY e.at_utc {order}, e.rowid {order}"
        if limit is not None:
            tail += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [s.record for s in self.stored(where, params, tail)]

    def by_key(self, profile_id: int, limit: int, key: tuple[str, str] | None = None, older: bool = True,
               inclusive: bool = False) -> list[Entry]:
        """Up to ``limit`` of the profile's entries beside ``key`` (an ``entry_key``), newest first: the older
        ones (from the newest entry when ``key`` is None) or the newer ones, ``key``'s own entry with them
        when ``inclusive``. A page read by key costs the same anywhere in a diary of any size (OFFSET
        would walk every row before it), and a deleted entry's key still marks its place."""
        where, params = "e.profile_id = ?", list[object]([profile_id])
        if key is not None:
            at, entry_id = key
            before, include = ("<", "<=") if older else (">", ">=")
            # The bare bound on at_utc lets SQLite walk the (profile_id, at_utc) index from the key on.
            same_moment = include if inclusive else before
            where += f" AND e.at_utc {include} ? AND (e.at_utc {before} ? OR e.id {same_moment} ?)"
            params += [at, at, entry_id]
        order = "DESC" if older else "ASC"
        found = [s.record for s in self.stored(where, params, f"ORDER BY e.at_utc {order}, e.id {order}"
                                                               f" LIMIT {int(limit)}")]
        return found if older else found[::-1]

    def key_on_or_before(self, profile_id: int, day: date) -> tuple[str, str] | None:
        """The key of the profile's newest entry on ``day`` (a local day) or, with none that day, before it."""
        row = self._one("SELECT at_utc, id FROM entries WHERE profile_id = ? AND local_day <= ?"
                        " ORDER BY local_day DESC, at_utc DESC, id DESC LIMIT 1", [profile_id, day.isoformat()])
        return None if row is None else (row["at_utc"], row["id"])

    def each(self, profile_id: int, since: date | None = None, until: date | None = None,
             newest_first: bool = True) -> Iterator[Entry]:
        """``page`` without a limit, a batch at a time (for listing and exporting every entry)."""
        where, params = day_range("e", "local_day", profile_id, since, until)
        order = "DESC" if newest_first else "ASC"
        return (s.record for s in self.each_stored(where, params, f"ORDER BY e.at_utc {order}, e.rowid {order}"))

    def flagged(self, profile_id: int, since: date | None = None, until: date | None = None) -> list[Entry]:
        """The profile's entries flagged "show my doctor" between two local days, oldest first."""
        where, params = day_range("e", "local_day", profile_id, since, until)
        return [s.record for s in self.stored(f"{where} AND e.for_doctor = 1", params, "ORDER BY e.at_utc, e.rowid")]

    def all_stored(self, profile_id: int) -> Iterator[Stored[Entry]]:
        """Every entry of the profile with its stamps, oldest first, a batch at a time (for export)."""
        return self.each_stored("e.profile_id = ?", [profile_id], "ORDER BY e.at_utc, e.rowid")

    def count(self, profile_id: int, since: date | None = None, until: date | None = None) -> int:
        """How many entries the profile has between two local days (inclusive)."""
        where, params = day_range("e", "local_day", profile_id, since, until)
        return self._value(f"SELECT count(*) FROM entries e WHERE {where}", params)

    def recent_medications(self, profile_id: int, therapy: str, limit: int = 5) -> list[tuple[str, str | None]]:
        """The medication names and doses this profile used with a therapy, most recent first."""
        rows = self._rows(
            "SELECT t.medication, t.dose, max(e.at_utc) AS last FROM entry_therapies t JOIN entries e"
            " ON e.id = t.entry_id WHERE t.therapy = ? AND t.medication IS NOT NULL AND e.profile_id = ?"
            " GROUP BY t.medication, t.dose ORDER BY last DESC LIMIT ?",
            [therapy, profile_id, limit],
        )
        return [(r["medication"], r["dose"]) for r in rows]

    def stored(self, where: str, params: list, tail: str = "") -> list[Stored[Entry]]:
        """Entries matching a WHERE clause over ``entries e``, with their children, in ``tail``'s order."""
        return list(self.each_stored(where, params, tail))

    def each_stored(self, where: str, params: list, tail: str = "") -> Iterator[Stored[Entry]]:
        """``stored``, read and given out a batch at a time: memory stays flat however many match.

        The caller must not write to the diary until it has read them all.
        """
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        cursor.execute(
            "SELECT e.id, e.profile_id, e.at_utc, e.utc_offset_min, e.pain, e.note, e.for_doctor, e.entered_by,"
            f" e.created_utc, e.updated_utc FROM entries e WHERE {where} {tail}", params,
        )
        while rows := cursor.fetchmany(CHUNK):
            yield from self._with_children(rows)

    def each_row(self, profile_id: int, since: date | None = None, until: date | None = None,
                 limit: int | None = None) -> Iterator[tuple]:
        """The profile's entries between two local days, newest first (at most ``limit``), as the plain values
        they are stored as, read a batch at a time: no record is made of them (for writing them out as text).

        Each is ``(at_utc, utc_offset_min, pain, sites, qualities, triggers, therapies, note, for_doctor,
        entered_by, id)``: ``Entry``'s fields in order, its moment as stored (``when.from_storage`` reads it),
        ``for_doctor`` 0 or 1, ``sites`` tuples ``(location, intensity, level)``, ``therapies`` tuples
        ``(therapy, relief, medication, dose)``, ``qualities`` and ``triggers`` their slugs, each in the order
        they were given (a list, or an empty tuple). The caller must not write to the diary until it has read them all.
        """
        where, params = day_range("e", "local_day", profile_id, since, until)
        tail = "" if limit is None else f" LIMIT {int(limit)}"
        cursor = self._conn.execute(
            "SELECT e.at_utc, e.utc_offset_min, e.pain, e.note, e.for_doctor, e.entered_by, e.id FROM entries e"
            f" WHERE {where} ORDER BY e.at_utc DESC, e.rowid DESC{tail}", params)
        none = ()
        while rows := cursor.fetchmany(CHUNK):
            sites, qualities, triggers, therapies = self._children([row[6] for row in rows])
            for at, offset, pain, note, for_doctor, entered_by, entry_id in rows:
                yield (at, offset, pain, sites.get(entry_id, none), qualities.get(entry_id, none),
                       triggers.get(entry_id, none), therapies.get(entry_id, none), note, for_doctor, entered_by,
                       entry_id)

    def _with_children(self, rows: list) -> Iterable[Stored[Entry]]:
        """The entries of ``rows`` (at most CHUNK) with their sites, qualities, triggers and therapies."""
        sites, qualities, triggers, therapies = self._children([r["id"] for r in rows])
        found = []
        for r in rows:
            entry_id = r["id"]
            found.append(Stored(
                Entry(at=from_storage(r["at_utc"], r["utc_offset_min"]), pain=r["pain"],
                      sites=[Site(*site) for site in sites.get(entry_id, ())],
                      qualities=qualities.get(entry_id) or [], triggers=triggers.get(entry_id) or [],
                      therapies=[TherapyUse(*use) for use in therapies.get(entry_id, ())],
                      note=r["note"], for_doctor=bool(r["for_doctor"]), entered_by=r["entered_by"], id=entry_id),
                r["profile_id"], r["created_utc"], r["updated_utc"],
            ))
        return found

    def _children(self, ids: list[str]) -> tuple[dict[str, list], ...]:
        """The sites, qualities, triggers and therapies of the entries ``ids`` (at most CHUNK), each a dict of
        entry id to its rows in the order they were stored: the slugs of qualities and triggers, tuples of the
        columns after ``entry_id`` for sites and therapies."""
        from json import dumps  # here only: logging an entry has no use for it

        # The ids as one JSON list, each entry's rows sought by its id as json_each gives them: a fifth quicker
        # than ``entry_id IN (?, ?, …)``, which first sorts the ids into a table of its own.
        given = [dumps(ids)]
        query = self._conn.execute  # plain tuples: quicker to read than rows by column name
        found: list[dict[str, list]] = []
        for columns, table in (("x.location, x.intensity, x.level", "entry_sites"), ("x.slug", "entry_qualities"),
                               ("x.slug", "entry_triggers"),
                               ("x.therapy, x.relief, x.medication, x.dose", "entry_therapies")):
            rows = query(f"SELECT x.entry_id, {columns} FROM json_each(?) AS j JOIN {table} AS x"
                         " ON x.entry_id = j.value ORDER BY x.rowid", given)
            grouped: dict[str, list] = {}
            if "," in columns:
                for row in rows:
                    if row[0] in grouped:
                        grouped[row[0]].append(row[1:])
                    else:
                        grouped[row[0]] = [row[1:]]
            else:  # a slug alone
                for entry_id, slug in rows:
                    if entry_id in grouped:
                        grouped[entry_id].append(slug)
                    else:
                        grouped[entry_id] = [slug]
            found.append(grouped)
        return tuple(found)


def entry_key(entry: Entry) -> tuple[str, str]:
    """Where an entry stands in the order History reads (newest first): its moment as stored, then its id."""
    return to_utc_text(entry.at), entry.id or ""


def _to_json(saved: dict) -> str:
    """What ``delete`` saved, as the text kept in ``deleted_entries``."""
    import json  # here only: logging an entry has no use for it

    stored: Stored[Entry] = saved["stored"]
    return json.dumps({"entry": record_dict(stored.record), "profile_id": stored.profile_id,
                       "created_utc": stored.created_utc, "updated_utc": stored.updated_utc,
                       "session": saved.get("session")})


def _from_json(text: str) -> dict:
    """The inverse of ``_to_json``: what ``restore`` takes."""
    import json

    data = json.loads(text)
    fields = data["entry"]
    entry = Entry(**{**fields, "at": datetime.fromisoformat(fields["at"]),
                     "sites": [Site(**site) for site in fields["sites"]],
                     "therapies": [TherapyUse(**use) for use in fields["therapies"]]})
    return {"stored": Stored(entry, data["profile_id"], data["created_utc"], data["updated_utc"]),
            "session": data["session"]}
