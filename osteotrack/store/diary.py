"""The Diary: open a diary file, and read and write its records.

Neither face (TUI or CLI) writes SQL: they call these methods. A Diary and its
connection belong to one thread; a worker thread opens its own.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import date, datetime, timezone

from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.validate import (
    Vocabulary,
    validate_checkin,
    validate_entry,
    validate_event,
    validate_question,
)
from osteotrack.domain.vocabulary import KINDS, THERAPY_GROUPS, Term
from osteotrack.domain.when import from_storage, offset_minutes, to_utc_text
from osteotrack.store import schema

BUSY_TIMEOUT_MS = 10_000


def _now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id(random_bytes: bytes | None = None) -> str:
    """A stable record id: a version-4 UUID as text, from 16 random bytes (fresh ones by default).

    Built by hand because importing ``uuid`` loads ``platform``, a cost every quick log would pay.
    """
    b = bytearray(random_bytes if random_bytes is not None else os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Diary:
    """One diary file. Use ``Diary.open(path)``; close it with ``close()`` or ``with``."""

    def __init__(self, path: str, conn: sqlite3.Connection, read_only: bool):
        self._path = path
        self.conn = conn
        self.read_only = read_only
        self._db = None
        self._vocab: Vocabulary | None = None

    @property
    def path(self):
        """The diary file, as a ``pathlib.Path``."""
        from pathlib import Path  # not on the quick path: a one-shot log only needs the text

        return Path(self._path)

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False, create: bool = True) -> Diary:
        """Open (and, unless read-only, create or migrate) the diary at ``path``."""
        path = os.path.expanduser(os.fspath(path))
        try:
            is_dir, fresh = os.path.isdir(path), not os.path.exists(path)
        except OSError as error:
            raise DiaryError(f"Cannot open {path}: {error.strerror.lower()}; "
                             "check that the file and its folder are yours.") from None
        if is_dir:
            raise DiaryError(f"{path} is a folder, not a diary file; give the path of a .db file.")
        if fresh and (read_only or not create):
            raise DiaryError(f"There is no diary at {path}.")
        if fresh:
            from osteotrack.store.files import private_file

            try:
                private_file(path)
            except OSError as error:
                raise DiaryError(f"Cannot create a diary at {path}: {error.strerror.lower()}.") from None
        applied = None
        if not fresh and not read_only:
            # Recognise the file through a read-only connection first: the last read-write
            # connection to close checkpoints the WAL, which would rewrite a newer or foreign file.
            peek = _connect(path, read_only=True)
            try:
                applied = applied_steps(peek, path)
            except sqlite3.DatabaseError as error:
                raise explain(path, error) from None
            finally:
                peek.close()
        conn = _connect(path, read_only)
        diary = cls(path, conn, read_only)
        try:
            diary._prepare(applied)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise explain(path, error) from None
        except BaseException:
            conn.close()
            raise
        return diary

    def _prepare(self, applied: list[str] | None) -> None:
        """Set the connection up and migrate; ``applied``: the steps a first look already found."""
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # Recognise the file before anything writes to it: switching a foreign or newer
        # file to WAL would already change its header.
        if applied is None:
            applied = applied_steps(self.conn, self._path)
        pending = [name for name in schema.STEP_NAMES if name not in applied]
        if pending and self.read_only:
            raise DiaryError(
                f"{self.path} needs upgrading to this version of osteotrack, which read-only mode cannot do; "
                "open it once without --read-only."
            )
        if not self.read_only:
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL keeps every committed transaction across a crash of the app.
            self.conn.execute("PRAGMA synchronous = NORMAL")
        if pending:
            if applied:
                # The backup checks its copy: a damaged diary stops here, before any step runs.
                from osteotrack.store.backup import free_name

                self.backup(free_name(self.path.with_name(f"{self.path.stem}.before-{pending[0]}.db")))
            schema.migrations().apply(self.db)

    def verify(self) -> None:
        """Refuse to go on with a damaged diary (SQLite's quick check reads every page: ~20 ms for ten years)."""
        check_integrity(self.conn, self.path, quick=True)

    @property
    def db(self):
        """This connection wrapped as a ``sqlite_utils.Database`` (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_writable(self) -> None:
        """Refuse with one sentence when the diary is open read-only."""
        if self.read_only:
            raise DiaryError("This diary is open read-only; nothing can be changed.")

    @contextmanager
    def writing(self):
        """One write transaction, taken at once so concurrent writers queue instead of failing."""
        self.check_writable()
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise explain(self.path, error) from None
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def backup(self, target: str | os.PathLike):
        """Copy the diary to ``target`` with SQLite's online backup API (safe while others write)."""
        from pathlib import Path

        from osteotrack.store.backup import copy_database

        return copy_database(self.conn, Path(target).expanduser(), self.path)

    def find_id(self, table: str, prefix: str, profile_id: int | None = None) -> str:
        """The full id of the one record in ``table`` whose id starts with ``prefix``."""
        words = {"entries": "entry", "events": "event", "questions": "question", "checkins": "check-in"}
        if table not in words:
            raise ValueError(table)
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise ValidationError(f"Give at least the first 4 characters of the {words[table]} id; got '{prefix}'.")
        pid = self.profile_id() if profile_id is None else profile_id
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE profile_id = ? AND substr(id, 1, ?) = ? LIMIT 2",
            [pid, len(prefix), prefix],
        ).fetchall()
        if not rows:
            raise ValidationError(f"There is no {words[table]} with an id starting '{prefix}' in this profile.")
        if len(rows) > 1:
            raise ValidationError(f"More than one {words[table]} id starts with '{prefix}'; give more characters.")
        return rows[0][0]

    # -- settings and profiles -------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str | None) -> None:
        with self.writing():
            self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])

    def profiles(self) -> list[dict]:
        rows = self.conn.execute("SELECT id, name, created_utc FROM profiles ORDER BY id")
        return [{"id": r[0], "name": r[1], "created_utc": r[2]} for r in rows]

    def profile_id(self, name: str | None = None) -> int:
        """The id of profile ``name``, or of the active profile when ``name`` is None."""
        if name is None:
            name = self.setting("active_profile") or schema.DEFAULT_PROFILE
        row = self.conn.execute("SELECT id FROM profiles WHERE name = ?", [name]).fetchone()
        if row is None:
            known = ", ".join(p["name"] for p in self.profiles()) or "none"
            raise ValidationError(f"There is no profile named '{name}'; the profiles are: {known}.")
        return row[0]

    def profile_name(self, profile_id: int) -> str:
        row = self.conn.execute("SELECT name FROM profiles WHERE id = ?", [profile_id]).fetchone()
        if row is None:
            raise ValidationError(f"There is no profile with id {profile_id}.")
        return row[0]

    def add_profile(self, name: str) -> int:
        name = " ".join(name.split())
        if not name:
            raise ValidationError("A profile needs a name.")
        if self.conn.execute("SELECT 1 FROM profiles WHERE name = ?", [name]).fetchone():
            raise ValidationError(f"A profile named '{name}' already exists.")
        with self.writing():
            cursor = self.conn.execute(
                "INSERT INTO profiles (name, created_utc) VALUES (?, ?)", [name, _now_utc()]
            )
        return cursor.lastrowid

    def backdate_profile(self, profile_id: int, created_utc: str) -> None:
        """Move a profile's creation time earlier (never later): an import or the demo may know an older one."""
        with self.writing():
            self.conn.execute("UPDATE profiles SET created_utc = min(created_utc, ?) WHERE id = ?",
                              [created_utc, profile_id])

    def rename_profile(self, old: str, new: str) -> None:
        pid = self.profile_id(old)
        new = " ".join(new.split())
        if not new:
            raise ValidationError("A profile needs a name.")
        clash = self.conn.execute("SELECT id FROM profiles WHERE name = ?", [new]).fetchone()
        if clash and clash[0] != pid:
            raise ValidationError(f"A profile named '{new}' already exists.")
        active = self.profile_id()
        with self.writing():
            self.conn.execute("UPDATE profiles SET name = ? WHERE id = ?", [new, pid])
            # Names match without regard to case, so compare ids: 'dad' renames the active 'Dad'.
            if active == pid:
                self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('active_profile', ?)", [new])

    def use_profile(self, name: str) -> int:
        """Make profile ``name`` the active one: commands and the app work on it by default."""
        pid = self.profile_id(name)
        self.set_setting("active_profile", self.profile_name(pid))
        return pid

    def remove_profile(self, name: str) -> None:
        """Delete a profile and every record of it (never the last profile); callers back up first."""
        pid = self.profile_id(name)
        others = [p for p in self.profiles() if p["id"] != pid]
        if not others:
            raise ValidationError(f"'{self.profile_name(pid)}' is the only profile; a diary keeps at least one.")
        active = self.conn.execute("SELECT id FROM profiles WHERE name = ?",
                                   [self.setting("active_profile") or schema.DEFAULT_PROFILE]).fetchone()
        with self.writing():
            # entries, check-ins, events and questions go with it: ON DELETE CASCADE.
            self.conn.execute("DELETE FROM profiles WHERE id = ?", [pid])
            # Profile ids can be reused by SQLite: a stale setting would follow the next new profile.
            self.conn.execute("DELETE FROM settings WHERE key = ?", [_logger_key(pid)])
            if active is None or active[0] == pid:
                self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('active_profile', ?)",
                                  [others[0]["name"]])

    def default_logger(self, profile_id: int | None = None) -> str | None:
        """Who logs for this profile when an entry does not say: a caregiver's name, or None (the patient)."""
        pid = self.profile_id() if profile_id is None else profile_id
        return self.setting(_logger_key(pid))

    def set_default_logger(self, profile_id: int, name: str | None) -> None:
        """Remember "I am <name>" for entries logged for this profile; None: the patient logs."""
        name = " ".join((name or "").split()) or None
        with self.writing():
            if name is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", [_logger_key(profile_id)])
            else:
                self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                  [_logger_key(profile_id), name])

    # -- vocabulary ------------------------------------------------------

    def vocabulary(self) -> Vocabulary:
        if self._vocab is None:
            rows = self.conn.execute(
                "SELECT kind, slug, name, grp, region, laterality, snomed, builtin, hidden "
                "FROM vocabulary ORDER BY rowid"
            )
            self._vocab = Vocabulary([
                Term(kind=r[0], slug=r[1], name=r[2], group=r[3], region=r[4], laterality=r[5],
                     snomed=r[6], builtin=bool(r[7]), hidden=bool(r[8]))
                for r in rows
            ])
        return self._vocab

    def add_term(self, kind: str, slug: str, name: str, group: str | None = None) -> Term:
        """Add a user's own location, quality, trigger or therapy."""
        import re

        if kind not in KINDS:
            raise ValidationError(f"A vocabulary kind is one of {', '.join(KINDS)}; got '{kind}'.")
        slug = slug.strip().lower()
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            raise ValidationError(
                f"A slug is lower-case letters and digits joined by hyphens, like 'garden-work'; got '{slug}'."
            )
        if slug in self.vocabulary().terms[kind]:
            raise ValidationError(f"The {kind} '{slug}' already exists; slugs are never reused.")
        if not name.strip():
            raise ValidationError("A new term needs a display name.")
        if kind == "therapy":
            if group not in THERAPY_GROUPS:
                raise ValidationError(f"A therapy's group is one of {', '.join(THERAPY_GROUPS)}; got '{group}'.")
        elif group:
            raise ValidationError("Only therapies have a group.")
        term = Term(kind, slug, name.strip(), group=group, builtin=False)
        with self.writing():
            self.conn.execute(
                "INSERT INTO vocabulary (kind, slug, name, grp, builtin, hidden) VALUES (?, ?, ?, ?, 0, 0)",
                [kind, slug, term.name, group],
            )
        self._vocab = None
        return term

    def set_hidden(self, kind: str, slug: str, hidden: bool) -> None:
        """Hide a term from pick lists (or show it again); stored entries keep it."""
        slug = self.vocabulary().check(kind, slug)
        with self.writing():
            self.conn.execute("UPDATE vocabulary SET hidden = ? WHERE kind = ? AND slug = ?",
                              [int(hidden), kind, slug])
        self._vocab = None

    # -- pain entries ----------------------------------------------------

    def add_entry(self, entry: Entry, profile_id: int | None = None, now: datetime | None = None) -> Entry:
        """Validate and store a pain entry; return it as stored (with its id).

        ``entry.entered_by`` None takes the profile's default logger (``set_default_logger``);
        an empty string says the patient logged it.
        """
        profile_id = self.profile_id() if profile_id is None else profile_id
        if entry.entered_by is None:
            entry = replace(entry, entered_by=self.default_logger(profile_id))
        entry = validate_entry(entry, self.vocabulary(), now)
        entry.id = entry.id or new_id()
        stamp = _now_utc()
        with self.writing():
            self._insert_entry(entry, profile_id, stamp, stamp)
        return entry

    def _insert_entry(self, entry: Entry, profile_id: int, created: str, updated: str) -> None:
        self.conn.execute(
            "INSERT INTO entries (id, profile_id, at_utc, utc_offset_min, local_day, pain, note, for_doctor,"
            " entered_by, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [entry.id, profile_id, to_utc_text(entry.at), offset_minutes(entry.at), entry.at.date().isoformat(),
             entry.pain, entry.note, int(entry.for_doctor), entry.entered_by, created, updated],
        )
        self._insert_children(entry)

    def _insert_children(self, entry: Entry) -> None:
        self.conn.executemany(
            "INSERT INTO entry_sites (entry_id, location, intensity, level) VALUES (?, ?, ?, ?)",
            [(entry.id, s.location, s.intensity, s.level) for s in entry.sites],
        )
        self.conn.executemany("INSERT INTO entry_qualities (entry_id, slug) VALUES (?, ?)",
                              [(entry.id, q) for q in entry.qualities])
        self.conn.executemany("INSERT INTO entry_triggers (entry_id, slug) VALUES (?, ?)",
                              [(entry.id, t) for t in entry.triggers])
        self.conn.executemany(
            "INSERT INTO entry_therapies (entry_id, therapy, relief, medication, dose) VALUES (?, ?, ?, ?, ?)",
            [(entry.id, t.therapy, t.relief, t.medication, t.dose) for t in entry.therapies],
        )

    def update_entry(self, entry: Entry, now: datetime | None = None) -> Entry:
        """Replace a stored entry's contents (same id, same profile)."""
        if not entry.id or not self.conn.execute("SELECT 1 FROM entries WHERE id = ?", [entry.id]).fetchone():
            raise ValidationError(f"There is no entry with id '{entry.id}'.")
        entry = validate_entry(entry, self.vocabulary(), now)
        with self.writing():
            self.conn.execute(
                "UPDATE entries SET at_utc = ?, utc_offset_min = ?, local_day = ?, pain = ?, note = ?,"
                " for_doctor = ?, entered_by = ?, updated_utc = ? WHERE id = ?",
                [to_utc_text(entry.at), offset_minutes(entry.at), entry.at.date().isoformat(), entry.pain,
                 entry.note, int(entry.for_doctor), entry.entered_by, _now_utc(), entry.id],
            )
            for table in ("entry_sites", "entry_qualities", "entry_triggers", "entry_therapies"):
                self.conn.execute(f"DELETE FROM {table} WHERE entry_id = ?", [entry.id])
            self._insert_children(entry)
        return entry

    def delete_entry(self, entry_id: str) -> dict:
        """Delete an entry; return what ``restore_entry`` needs to undo it."""
        rows = self._entry_rows("e.id = ?", [entry_id])
        if not rows:
            raise ValidationError(f"There is no entry with id '{entry_id}'.")
        saved = rows[0]
        # A self-care session goes with its entry (ON DELETE CASCADE); keep it so undo brings it back.
        saved["session_row"] = self.conn.execute(
            "SELECT * FROM self_care_sessions WHERE entry_id = ?", [entry_id]).fetchone()
        with self.writing():
            self.conn.execute("DELETE FROM entries WHERE id = ?", [entry_id])
        return saved

    def restore_entry(self, saved: dict) -> Entry:
        """Put back an entry that ``delete_entry`` removed, exactly as it was."""
        with self.writing():
            self._insert_entry(saved["entry"], saved["profile_id"], saved["created_utc"], saved["updated_utc"])
            session = saved.get("session_row")
            if session:
                self.conn.execute(f"INSERT INTO self_care_sessions VALUES ({','.join('?' * len(session))})", session)
        return saved["entry"]

    def get_entry(self, entry_id: str) -> Entry | None:
        rows = self._entry_rows("e.id = ?", [entry_id])
        return rows[0]["entry"] if rows else None

    def entries(self, profile_id: int | None = None, since: date | None = None, until: date | None = None,
                limit: int | None = None, offset: int = 0, newest_first: bool = True) -> list[Entry]:
        """Entries of a profile between two local days (inclusive), a page at a time."""
        where, params = self._range("e", "local_day", profile_id, since, until)
        order = "DESC" if newest_first else "ASC"
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self._entry_rows(where, params, f"ORDER BY e.at_utc {order}, e.rowid {order}{page}")
        return [r["entry"] for r in rows]

    def flagged_entries(self, profile_id: int | None = None, since: date | None = None,
                        until: date | None = None) -> list[Entry]:
        """Entries flagged "show my doctor" between two local days, oldest first (for the report)."""
        where, params = self._range("e", "local_day", profile_id, since, until)
        return [r["entry"] for r in self._entry_rows(f"{where} AND e.for_doctor = 1", params,
                                                     "ORDER BY e.at_utc, e.rowid")]

    def count_entries(self, profile_id: int | None = None, since: date | None = None,
                      until: date | None = None) -> int:
        where, params = self._range("e", "local_day", profile_id, since, until)
        return self.conn.execute(f"SELECT count(*) FROM entries e WHERE {where}", params).fetchone()[0]

    def pain_mean(self, profile_id: int | None = None, since: date | None = None,
                  until: date | None = None) -> tuple[float | None, int]:
        """The mean overall pain of the entries between two local days (inclusive), and their count."""
        where, params = self._range("e", "local_day", profile_id, since, until)
        return tuple(self.conn.execute(f"SELECT avg(pain), count(*) FROM entries e WHERE {where}", params).fetchone())

    def logged_on(self, day: date, profile_id: int | None = None) -> bool:
        """Whether the profile has an entry on ``day`` (the local day it was entered on): for reminders."""
        return self.count_entries(profile_id, day, day) > 0

    def last_entry(self, profile_id: int | None = None) -> Entry | None:
        found = self.entries(profile_id, limit=1)
        return found[0] if found else None

    def _range(self, alias, column, profile_id, since, until):
        where = [f"{alias}.profile_id = ?"]
        params: list = [self.profile_id() if profile_id is None else profile_id]
        if since is not None:
            where.append(f"{alias}.{column} >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append(f"{alias}.{column} <= ?")
            params.append(until.isoformat())
        return " AND ".join(where), params

    def _entry_rows(self, where: str, params: list, tail: str = "") -> list[dict]:
        rows = self.conn.execute(
            "SELECT e.id, e.profile_id, e.at_utc, e.utc_offset_min, e.pain, e.note, e.for_doctor, e.entered_by,"
            f" e.created_utc, e.updated_utc FROM entries e WHERE {where} {tail}", params,
        ).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        entries = {
            r[0]: {
                "entry": Entry(at=from_storage(r[2], r[3]), pain=r[4], note=r[5], for_doctor=bool(r[6]),
                               entered_by=r[7], id=r[0]),
                "profile_id": r[1], "created_utc": r[8], "updated_utc": r[9],
            }
            for r in rows
        }
        # SQLite allows 32766 parameters per statement; pages are far smaller, but chunk to be safe.
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            for eid, loc, intensity, level in self.conn.execute(
                f"SELECT entry_id, location, intensity, level FROM entry_sites WHERE entry_id IN ({marks})"
                " ORDER BY rowid",
                chunk,
            ):
                entries[eid]["entry"].sites.append(Site(loc, intensity, level))
            for eid, slug in self.conn.execute(
                f"SELECT entry_id, slug FROM entry_qualities WHERE entry_id IN ({marks}) ORDER BY rowid", chunk
            ):
                entries[eid]["entry"].qualities.append(slug)
            for eid, slug in self.conn.execute(
                f"SELECT entry_id, slug FROM entry_triggers WHERE entry_id IN ({marks}) ORDER BY rowid", chunk
            ):
                entries[eid]["entry"].triggers.append(slug)
            for eid, therapy, relief, med, dose in self.conn.execute(
                f"SELECT entry_id, therapy, relief, medication, dose FROM entry_therapies"
                f" WHERE entry_id IN ({marks}) ORDER BY rowid", chunk,
            ):
                entries[eid]["entry"].therapies.append(TherapyUse(therapy, relief, med, dose))
        return [entries[i] for i in ids]

    def recent_medications(self, therapy: str, limit: int = 5,
                           profile_id: int | None = None) -> list[tuple[str, str | None]]:
        """Medication names and doses used before with a therapy, most recent first (for the form)."""
        rows = self.conn.execute(
            "SELECT t.medication, t.dose, max(e.at_utc) AS last FROM entry_therapies t JOIN entries e"
            " ON e.id = t.entry_id WHERE t.therapy = ? AND t.medication IS NOT NULL AND e.profile_id = ?"
            " GROUP BY t.medication, t.dose ORDER BY last DESC LIMIT ?",
            [therapy, self.profile_id() if profile_id is None else profile_id, limit],
        )
        return [(r[0], r[1]) for r in rows]

    # -- check-ins -------------------------------------------------------

    def save_checkin(self, checkin: CheckIn, profile_id: int | None = None, today: date | None = None) -> CheckIn:
        """Store the day's check-in; a second one for the same day replaces the first."""
        checkin = validate_checkin(checkin, today)
        profile_id = self.profile_id() if profile_id is None else profile_id
        existing = self.checkin(checkin.day, profile_id)
        stamp = _now_utc()
        values = [checkin.peg_pain, checkin.peg_enjoyment, checkin.peg_activity, checkin.sleep, checkin.mood,
                  checkin.note]
        with self.writing():
            if existing:
                checkin.id = existing.id
                self.conn.execute(
                    "UPDATE checkins SET peg_pain = ?, peg_enjoyment = ?, peg_activity = ?, sleep = ?, mood = ?,"
                    " note = ?, updated_utc = ? WHERE id = ?", [*values, stamp, existing.id],
                )
            else:
                checkin.id = checkin.id or new_id()
                self._insert_checkin(checkin, profile_id, stamp, stamp)
        return checkin

    def _insert_checkin(self, c: CheckIn, profile_id: int, created: str, updated: str) -> None:
        self.conn.execute(
            "INSERT INTO checkins (id, profile_id, day, peg_pain, peg_enjoyment, peg_activity, sleep, mood, note,"
            " created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [c.id, profile_id, c.day.isoformat(), c.peg_pain, c.peg_enjoyment, c.peg_activity, c.sleep, c.mood,
             c.note, created, updated],
        )

    def checkin(self, day: date, profile_id: int | None = None) -> CheckIn | None:
        found = self.checkins(profile_id, day, day)
        return found[0] if found else None

    def checkins(self, profile_id: int | None = None, since: date | None = None,
                 until: date | None = None) -> list[CheckIn]:
        return [r["record"] for r in self._checkin_rows(profile_id, since, until)]

    def _checkin_rows(self, profile_id, since, until) -> list[dict]:
        where, params = self._range("c", "day", profile_id, since, until)
        rows = self.conn.execute(
            "SELECT id, day, peg_pain, peg_enjoyment, peg_activity, sleep, mood, note, created_utc, updated_utc"
            f" FROM checkins c WHERE {where} ORDER BY day", params,
        )
        return [
            {"record": CheckIn(day=date.fromisoformat(r[1]), peg_pain=r[2], peg_enjoyment=r[3], peg_activity=r[4],
                               sleep=r[5], mood=r[6], note=r[7], id=r[0]),
             "created_utc": r[8], "updated_utc": r[9]}
            for r in rows
        ]

    # -- events ----------------------------------------------------------

    def add_event(self, event: Event, profile_id: int | None = None, now: datetime | None = None) -> Event:
        event = validate_event(event, self.vocabulary(), now)
        event.id = event.id or new_id()
        profile_id = self.profile_id() if profile_id is None else profile_id
        stamp = _now_utc()
        with self.writing():
            self._insert_event(event, profile_id, stamp, stamp)
        return event

    def _insert_event(self, ev: Event, profile_id: int, created: str, updated: str) -> None:
        self.conn.execute(
            "INSERT INTO events (id, profile_id, kind, at_utc, utc_offset_min, local_day, site, level, procedure,"
            " t_score, dxa_site, note, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ev.id, profile_id, ev.kind, to_utc_text(ev.at), offset_minutes(ev.at), ev.at.date().isoformat(),
             ev.site, ev.level, ev.procedure, ev.t_score, ev.dxa_site, ev.note, created, updated],
        )

    def delete_event(self, event_id: str) -> None:
        with self.writing():
            if self.conn.execute("DELETE FROM events WHERE id = ?", [event_id]).rowcount == 0:
                raise ValidationError(f"There is no event with id '{event_id}'.")

    def events(self, profile_id: int | None = None, since: date | None = None, until: date | None = None,
               kinds: tuple[str, ...] | None = None) -> list[Event]:
        return [r["record"] for r in self._event_rows(profile_id, since, until, kinds)]

    def _event_rows(self, profile_id, since, until, kinds=None) -> list[dict]:
        where, params = self._range("v", "local_day", profile_id, since, until)
        if kinds:
            where += f" AND v.kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        rows = self.conn.execute(
            "SELECT id, kind, at_utc, utc_offset_min, site, level, procedure, t_score, dxa_site, note, created_utc,"
            f" updated_utc FROM events v WHERE {where} ORDER BY at_utc, rowid", params,
        )
        return [
            {"record": Event(kind=r[1], at=from_storage(r[2], r[3]), site=r[4], level=r[5], procedure=r[6],
                             t_score=r[7], dxa_site=r[8], note=r[9], id=r[0]),
             "created_utc": r[10], "updated_utc": r[11]}
            for r in rows
        ]

    # -- questions -------------------------------------------------------

    def add_question(self, question: Question, profile_id: int | None = None) -> Question:
        question = validate_question(question)
        question.id = question.id or new_id()
        profile_id = self.profile_id() if profile_id is None else profile_id
        with self.writing():
            self._insert_question(question, profile_id, _now_utc())
        return question

    def _insert_question(self, q: Question, profile_id: int, updated: str) -> None:
        self.conn.execute(
            "INSERT INTO questions (id, profile_id, text, created_utc, utc_offset_min, status, answer, updated_utc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [q.id, profile_id, q.text, to_utc_text(q.created), offset_minutes(q.created), q.status, q.answer,
             updated],
        )

    def set_question_status(self, question_id: str, status: str, answer: str | None = None) -> Question:
        question = self.question(question_id)
        if question is None:
            raise ValidationError(f"There is no question with id '{question_id}'.")
        question.status = status
        if answer is not None:
            question.answer = answer.strip()
        question = validate_question(question)
        with self.writing():
            self.conn.execute("UPDATE questions SET status = ?, answer = ?, updated_utc = ? WHERE id = ?",
                              [question.status, question.answer, _now_utc(), question_id])
        return question

    def question(self, question_id: str) -> Question | None:
        matches = [q for q in self._question_rows("q.id = ?", [question_id])]
        return matches[0]["record"] if matches else None

    def questions(self, profile_id: int | None = None, status: str | None = None) -> list[Question]:
        where, params = self._range("q", "created_utc", profile_id, None, None)
        if status:
            where += " AND q.status = ?"
            params.append(status)
        return [r["record"] for r in self._question_rows(where, params)]

    def _question_rows(self, where: str, params: list) -> list[dict]:
        rows = self.conn.execute(
            "SELECT id, text, created_utc, utc_offset_min, status, answer, updated_utc FROM questions q"
            f" WHERE {where} ORDER BY created_utc, rowid", params,
        )
        return [
            {"record": Question(text=r[1], created=from_storage(r[2], r[3]), status=r[4], answer=r[5], id=r[0]),
             "updated_utc": r[6]}
            for r in rows
        ]

    def delete_question(self, question_id: str) -> None:
        with self.writing():
            if self.conn.execute("DELETE FROM questions WHERE id = ?", [question_id]).rowcount == 0:
                raise ValidationError(f"There is no question with id '{question_id}'.")


def record_dict(record) -> dict:
    """A record as plain data (dates and datetimes as ISO text) for JSON and tables."""
    out = asdict(record)
    for key, value in out.items():
        if isinstance(value, (date, datetime)):
            out[key] = value.isoformat()
    return out


def _logger_key(profile_id: int) -> str:
    return f"default_logger:{profile_id}"


def _connect(path: str, read_only: bool) -> sqlite3.Connection:
    try:
        if read_only:
            # A file: URI by hand: pathlib's as_uri() would cost the quick log path an import.
            escaped = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
            return sqlite3.connect(f"file:{escaped}?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.DatabaseError as error:
        raise explain(path, error) from None


def applied_steps(conn: sqlite3.Connection, path) -> list[str]:
    """The schema steps applied to the database on ``conn`` (none for an empty file).

    Refuses, with a sentence, a database that is not an osteotrack diary and a
    diary written by a newer version.
    """
    try:
        steps = [row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [schema.MIGRATION_SET])]
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        steps = []
    # Another program's tables (even one using sqlite-utils migrations) without our steps: not a diary.
    # Only looked for when there are no steps, so opening an up-to-date diary costs one query.
    if not steps and conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name != '_sqlite_migrations' LIMIT 1"
    ).fetchone():
        raise DiaryError(f"{path} is an SQLite database but not an osteotrack diary.")
    unknown = [name for name in steps if name not in schema.STEP_NAMES]
    if unknown:
        raise DiaryError(f"{path} was written by a newer version of osteotrack (it has schema step "
                         f"'{unknown[0]}'); upgrade osteotrack to open it.")
    return steps


def check_integrity(conn: sqlite3.Connection, path, quick: bool = False) -> None:
    """Raise a DiaryError naming the first problem when the database behind ``conn`` is damaged."""
    try:
        verdict = conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise explain(path, error) from None
    if verdict != "ok":
        first = " ".join(verdict.replace("*** in database main ***", "").split())
        raise DiaryError(f"{path} is damaged: it fails SQLite's integrity check ({first}); {RESTORE_HINT}.")


RESTORE_HINT = "use a backup instead ('osteotrack restore FILE')"


def explain(path, error: sqlite3.Error) -> DiaryError:
    """One sentence for an error SQLite raised about the diary at ``path``."""
    text = str(error).lower()
    if "not a database" in text:
        return DiaryError(f"{path} is not an osteotrack diary: it is not an SQLite database at all.")
    if "malformed" in text or "disk image" in text:
        return DiaryError(f"{path} is damaged (SQLite says: {error}); {RESTORE_HINT}.")
    if "locked" in text or "busy" in text:
        return DiaryError(f"{path} is busy in another program for more than {BUSY_TIMEOUT_MS // 1000} s; try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return DiaryError(f"Cannot open {path}: {error}; check that the file and its folder are yours.")
    return DiaryError(f"Cannot use {path}: {error}.")
