"""Sync: bring the changes of another copy of this diary into it (issue 18).

Both copies are diaries here (a backup, a JSON export or an encrypted file is first made
into a private temporary diary by ``store.sync_files``). Each record of each copy is read
with its change time and its content as canonical text; ``domain.sync.winner`` says which
version both copies keep; the remote winners are written here in one transaction, with
their change times, so that the next sync sees them as equal. Tombstones travel the same
way. A local version that loses although it was edited since it was shared is kept in
``sync_conflicts`` until dismissed.

Records are matched by id; profiles by uid, or by name when a copy does not know the
other's uid (the uids then become the smaller of the two); check-ins by their day too
(one per day and profile: the later wins); terms by kind and slug.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse
from osteotrack.domain.sync import DELETED, REMOTE, SyncCounts, Version, is_conflict, winner
from osteotrack.domain.when import from_storage
from osteotrack.store.bulk import without_triggers
from osteotrack.store.connection import now_utc
from osteotrack.store.part import CHUNK
from osteotrack.store.schema import ENTRY_PARTS, NOW_MS, SYNCED_TABLES

# Record tables in the order they are written: a dose after its treatment.
RECORD_TABLES = [t for t, (_, key) in SYNCED_TABLES.items() if key == "id"]
KIND_TABLE = {kind: table for table, (kind, _) in SYNCED_TABLES.items()}
LOCAL_COLUMNS = ("changed_at", "base_at")


# One encoder for every record (``json.dumps`` with these options makes a new one each call).
_canonical = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


class Held:
    """One copy's row of a record: the row as stored (with its entry's parts) and its version, whose content
    (canonical text) is written out only when a sync needs it: a record both copies hold alike needs none."""

    __slots__ = ("row", "parts", "content", "_version", "_ordered")

    def __init__(self, row: dict, content: dict, parts: dict | None = None):
        self.row, self.content, self.parts = row, content, parts
        self._version: Version | None = None
        self._ordered = False

    @property
    def version(self) -> Version:
        if self._version is None:
            self.ordered_parts()
            self._version = Version(self.row["changed_at"], self.row["base_at"], _canonical(self.content))
        return self._version

    def ordered_parts(self) -> dict:
        """The entry's parts (none for another record), each part's rows in the order of their canonical text: as
        its version writes them, and as they are written into the diary."""
        if not self._ordered:
            for rows in (self.parts or {}).values():
                if len(rows) > 1:  # (sort would write even a lone row out to find its key)
                    rows.sort(key=_canonical)
            self._ordered = True
        return self.parts or {}

    def same_as(self, other: Held) -> bool:
        """Whether both copies hold this version: the same change time and the same content (the same
        canonical text, told without writing it: equal values of the same types, the parts in the same order)."""
        if self.row["changed_at"] != other.row["changed_at"] or self.content != other.content:
            return False
        theirs = other.parts or {}  # (equal contents: the same parts, each as long)
        return _alike(self.content, other.content) and all(
            all(map(_alike, rows, theirs[part])) for part, rows in (self.parts or {}).items())


def _alike(row: dict, other: dict) -> bool:
    """Whether two equal (``==``) rows are also written alike as JSON: each value of the same type (1 == 1.0, but
    they are written apart), and a float the same sign of zero too (0.0 == -0.0)."""
    kinds = list(map(type, row.values()))
    if kinds != list(map(type, map(other.__getitem__, row))):
        return False
    return float not in kinds or all(repr(value) == repr(other[key]) for key, value in row.items()
                                     if type(value) is float)


class Side:
    """Everything one copy holds that sync compares, read at once."""

    def __init__(self, conn: sqlite3.Connection, uid_map: dict[str, str] | None = None):
        self.conn = conn
        self.diary_id = _value(conn, "SELECT value FROM settings WHERE key = 'diary_id'")
        self.profiles = {r["uid"]: r for r in _dicts(conn, "SELECT * FROM profiles")}
        self.uid_of = {r["id"]: (uid_map or {}).get(r["uid"], r["uid"]) for r in self.profiles.values()}
        self.tombstones = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, kind, deleted_at FROM tombstones")}

    def records(self, table: str) -> dict[str, Held]:
        """The rows of one record table, by id."""
        parts: dict[str, dict] = {}
        if table == "entries":
            for part in ENTRY_PARTS:
                for r in _dicts(self.conn, f"SELECT * FROM {part}"):
                    entry_id = r.pop("entry_id")
                    parts.setdefault(entry_id, {}).setdefault(part, []).append(r)
        out = {}
        for r in _dicts(self.conn, f"SELECT * FROM {table}"):
            content = {k: v for k, v in r.items() if k not in LOCAL_COLUMNS}
            content["profile_id"] = self.uid_of.get(r["profile_id"])
            own = parts.get(r["id"], {}) if table == "entries" else None
            if own is not None:
                content["parts"] = own
            out[r["id"]] = Held(r, content, own)
        return out

    def terms(self) -> dict[tuple[str, str], Held]:
        out = {}
        for r in _dicts(self.conn, "SELECT * FROM vocabulary"):
            content = {k: v for k, v in r.items() if k not in LOCAL_COLUMNS}
            out[(r["kind"], r["slug"])] = Held(r, content)
        return out

    def record_count(self) -> int:
        return sum(_value(self.conn, f"SELECT count(*) FROM {t}") for t in RECORD_TABLES) + len(self.tombstones)

    def ids(self) -> set[str]:
        found = set(self.tombstones)
        for table in RECORD_TABLES:
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM {table}"))
        return found


def _dicts(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _value(conn: sqlite3.Connection, sql: str, params=()):
    row = conn.execute(sql, list(params)).fetchone()
    return None if row is None else row[0]


def check_related(local: sqlite3.Connection, remote: sqlite3.Connection, path) -> str:
    """Refuse a diary started elsewhere; return the diary id both copies keep.

    Copies of one diary share its id, or (a copy made by export and import into a new
    diary) record ids. An empty diary on either side is taken as a new copy.
    """
    here, there = Side(local), Side(remote)
    if here.diary_id == there.diary_id:
        return here.diary_id
    if here.record_count() and there.record_count() and not here.ids() & there.ids():
        raise DiaryError("sync.unrelated", field="file", path=path)
    return min(here.diary_id, there.diary_id)


def merge(local: sqlite3.Connection, remote: sqlite3.Connection, diary_id: str) -> SyncCounts:
    """Write into ``local`` (inside the caller's transaction) what ``remote`` has that wins."""
    counts = SyncCounts()
    local.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('diary_id', ?)", [diary_id])
    uid_map = _unify_profiles(local, remote)
    here, there = Side(local), Side(remote, uid_map)
    tombs = _all_tombstones(here, there)
    _merge_profiles(local, here, there, uid_map, tombs, counts)
    here = Side(local)  # profile ids as they are now
    _merge_terms(local, here, there)
    pid_of = {uid: r["id"] for uid, r in here.profiles.items()}
    for table in RECORD_TABLES:
        if table == "checkins":
            _merge_checkins(local, here, there, pid_of, tombs, counts)
        else:
            _merge_table(local, table, here, there, pid_of, tombs, counts)
    _settle_tombstones(local, tombs)
    return counts


def _all_tombstones(here: Side, there: Side) -> dict[str, tuple[str, str]]:
    """Every tombstone either copy has, with the later time of the two."""
    tombs = dict(here.tombstones)
    for record_id, (kind, when) in there.tombstones.items():
        if record_id not in tombs or tombs[record_id][1] < when:
            tombs[record_id] = (kind, when)
    return tombs


def _unify_profiles(local: sqlite3.Connection, remote: sqlite3.Connection) -> dict[str, str]:
    """Match profiles that the copies know under different uids by name; return remote uid -> uid."""
    mine = {r["name"].casefold(): r for r in _dicts(local, "SELECT id, uid, name FROM profiles")}
    known = {r["uid"] for r in mine.values()}
    uid_map = {}
    for r in _dicts(remote, "SELECT uid, name FROM profiles"):
        match = mine.get(r["name"].casefold())
        if r["uid"] in known or match is None:
            continue
        both = min(r["uid"], match["uid"])
        local.execute("UPDATE profiles SET uid = ? WHERE id = ?", [both, match["id"]])
        uid_map[r["uid"]] = both
    return uid_map


def _merge_profiles(local, here: Side, there: Side, uid_map, tombs, counts: SyncCounts) -> None:
    def version(r) -> Version:
        return Version(r["changed_at"], r["base_at"], _canonical({"name": r["name"], "created": r["created_utc"]}))

    theirs = {uid_map.get(uid, uid): r for uid, r in there.profiles.items()}
    for uid in set(here.profiles) | set(theirs):
        mine, other = here.profiles.get(uid), theirs.get(uid)
        deleted = tombs.get(uid, (None, None))[1]
        mv, ov = (version(mine) if mine else None), (version(other) if other else None)
        won = winner(mv, ov, deleted)
        if won == REMOTE and other is not None:
            try:
                if mine is None:
                    local.execute("INSERT INTO profiles (name, created_utc, uid, changed_at) VALUES (?, ?, ?, ?)",
                                  [other["name"], other["created_utc"], uid, other["changed_at"]])
                    counts.add_new("profile")
                    continue
                if mv is not None and ov is not None and mv.content != ov.content:
                    local.execute("UPDATE profiles SET name = ?, created_utc = ? WHERE uid = ?",
                                  [other["name"], other["created_utc"], uid])
                    counts.changed += 1
            except sqlite3.IntegrityError:
                continue  # another profile here already has that name: it stays as it is
            local.execute("UPDATE profiles SET changed_at = ?, base_at = NULL WHERE uid = ?",
                          [other["changed_at"], uid])
        elif won == DELETED and mine is not None:
            local.execute("DELETE FROM profiles WHERE uid = ?", [uid])
            counts.deleted += 1


def _merge_terms(local, here: Side, there: Side) -> None:
    mine, theirs = here.terms(), there.terms()
    for key, other in theirs.items():
        held = mine.get(key)
        if winner(held.version if held else None, other.version, None) != REMOTE:
            continue
        columns = [c for c in other.row if c not in LOCAL_COLUMNS]
        values = [other.row[c] for c in columns]
        if held is None:
            local.execute(f"INSERT INTO vocabulary ({', '.join(columns)}, changed_at) VALUES"
                          f" ({', '.join('?' * len(columns))}, ?)", values + [other.version.changed])
        else:
            if held.version.content != other.version.content:
                local.execute(f"UPDATE vocabulary SET {', '.join(c + ' = ?' for c in columns)}"
                              " WHERE kind = ? AND slug = ?", values + list(key))
            local.execute("UPDATE vocabulary SET changed_at = ?, base_at = NULL WHERE kind = ? AND slug = ?",
                          [other.version.changed, *key])


def _merge_table(local, table: str, here: Side, there: Side, pid_of, tombs, counts: SyncCounts) -> None:
    kind = SYNCED_TABLES[table][0]
    mine, theirs = here.records(table), there.records(table)
    ids = set(mine) | set(theirs) | {i for i, (k, _) in tombs.items() if k == kind}
    for record_id in sorted(ids):
        held, other = mine.get(record_id), theirs.get(record_id)
        deleted = tombs[record_id][1] if record_id in tombs and tombs[record_id][0] == kind else None
        if deleted is None and held is not None and other is not None and _alike_here(local, table, held, other):
            continue
        won = winner(held.version if held else None, other.version if other else None, deleted)
        if won == REMOTE and other is not None:
            if held is not None and held.version.content == other.version.content:
                _stamp(local, table, record_id, other.version.changed)
                continue
            pid = pid_of.get(there.uid_of.get(other.row["profile_id"]))
            if pid is None:
                continue  # its profile was deleted here, later than the record was written there
            if not _write(local, table, other, pid, exists=held is not None):
                continue
            if held is None:
                counts.add_new(kind)
            else:
                counts.changed += 1
                if is_conflict(held.version, other.version):
                    _keep_conflict(local, kind, record_id, other.version.content, held.version.content)
                    counts.conflicts += 1
        elif won == DELETED and held is not None:
            local.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
            counts.deleted += 1
            if is_conflict(held.version, None):
                _keep_conflict(local, kind, record_id, "null", held.version.content)
                counts.conflicts += 1


def _merge_checkins(local, here: Side, there: Side, pid_of, tombs, counts: SyncCounts) -> None:
    """Check-ins: by id, and one per day and profile (the later wins, the other kept)."""
    mine, theirs = here.records("checkins"), there.records("checkins")

    def day_key(held: Held, side: Side):
        return side.uid_of.get(held.row["profile_id"]), held.row["day"]

    def alive(held: Held | None) -> Held | None:
        if held is None:
            return None
        tomb = tombs.get(held.row["id"])
        deleted = tomb[1] if tomb and tomb[0] == "checkin" else None
        return held if deleted is None or winner(held.version, None, deleted) != DELETED else None

    by_day_mine = {day_key(h, here): h for h in mine.values()}
    by_day_theirs = {day_key(h, there): h for h in theirs.values()}
    for key in sorted(set(by_day_mine) | set(by_day_theirs), key=str):
        held, other = alive(by_day_mine.get(key)), alive(by_day_theirs.get(key))
        original = by_day_mine.get(key)
        if original is not None and held is None:
            local.execute("DELETE FROM checkins WHERE id = ?", [original.row["id"]])
            counts.deleted += 1
        if other is None:
            continue
        if held is not None and held.row["id"] == other.row["id"]:
            _merge_table_one(local, held, other, pid_of, there, counts)
            continue
        if held is not None and winner(held.version, other.version, None) != REMOTE:
            continue
        pid = pid_of.get(there.uid_of.get(other.row["profile_id"]))
        if pid is None:
            continue
        if held is not None:
            # Superseded, not deleted: no tombstone, but the loser is kept for the user.
            local.execute("DELETE FROM checkins WHERE id = ?", [held.row["id"]])
            local.execute("DELETE FROM tombstones WHERE id = ?", [held.row["id"]])
            _keep_conflict(local, "checkin", held.row["id"], other.version.content, held.version.content)
            counts.conflicts += 1
            counts.changed += 1
        else:
            counts.add_new("checkin")
        _write(local, "checkins", other, pid, exists=False)


def _merge_table_one(local, held: Held, other: Held, pid_of, there: Side, counts: SyncCounts) -> None:
    """One check-in both copies hold under the same id."""
    if _alike_here(local, "checkins", held, other):
        return
    won = winner(held.version, other.version, None)
    if won != REMOTE:
        return
    if held.version.content == other.version.content:
        _stamp(local, "checkins", other.row["id"], other.version.changed)
        return
    pid = pid_of.get(there.uid_of.get(other.row["profile_id"]))
    if pid is None or not _write(local, "checkins", other, pid, exists=True):
        return
    counts.changed += 1
    if is_conflict(held.version, other.version):
        _keep_conflict(local, "checkin", other.row["id"], other.version.content, held.version.content)
        counts.conflicts += 1


def _write(local, table: str, other: Held, pid: int, exists: bool) -> bool:
    """Write the remote version of a record here, with its change time; False when it cannot be."""
    row = dict(other.row, profile_id=pid)
    columns = [c for c in row if c not in LOCAL_COLUMNS]
    try:
        if exists:
            local.execute(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns if c != 'id')} WHERE id = ?",
                          [row[c] for c in columns if c != "id"] + [row["id"]])
        else:
            local.execute(f"INSERT INTO {table} ({', '.join(columns)}, changed_at) VALUES"
                          f" ({', '.join('?' * len(columns))}, ?)", [row[c] for c in columns] + [row["changed_at"]])
    except sqlite3.IntegrityError:
        return False  # e.g. a dose whose treatment was deleted here later: it goes with it
    if table == "entries":
        parts = other.ordered_parts()
        for part in ENTRY_PARTS:
            if exists:
                local.execute(f"DELETE FROM {part} WHERE entry_id = ?", [row["id"]])
            for r in parts.get(part, []):
                local.execute(f"INSERT INTO {part} (entry_id, {', '.join(r)}) VALUES (?, {', '.join('?' * len(r))})",
                              [row["id"], *r.values()])
    _stamp(local, table, row["id"], row["changed_at"])
    return True


def _alike_here(local, table: str, held: Held, other: Held) -> bool:
    """Whether both copies hold the record's version alike (``Held.same_as``). Then ``winner`` would give the
    remote one, the same as this one: only its change time is written here, and only where this one was edited
    from another (``base_at``)."""
    if not held.same_as(other):
        return False
    if held.row["base_at"] is not None:
        _stamp(local, table, other.row["id"], other.row["changed_at"])
    return True


def _stamp(local, table: str, record_id: str, changed: str) -> None:
    local.execute(f"UPDATE {table} SET changed_at = ?, base_at = NULL WHERE id = ?", [changed, record_id])


def _keep_conflict(local, kind: str, record_id: str, kept: str, lost: str) -> None:
    local.execute("INSERT INTO sync_conflicts (kind, record_id, kept_at, winner, loser) VALUES (?, ?, ?, ?, ?)",
                  [kind, record_id, now_utc(), kept, lost])


def _settle_tombstones(local, tombs: dict[str, tuple[str, str]]) -> None:
    """Every tombstone of either copy whose record is not here (any more), with the later time."""
    for record_id, (kind, when) in tombs.items():
        table, key = KIND_TABLE[kind], SYNCED_TABLES[KIND_TABLE[kind]][1]
        if _value(local, f"SELECT 1 FROM {table} WHERE {key} = ?", [record_id]):
            local.execute("DELETE FROM tombstones WHERE id = ?", [record_id])
        else:
            local.execute("INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (?, ?, ?)",
                          [record_id, kind, when])


# -- files seen, conflicts ----------------------------------------------------


def seen(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether this diary has synced with the file at ``path`` before."""
    return _value(conn, "SELECT 1 FROM sync_files WHERE path = ?", [str(path)]) is not None


def remember(conn: sqlite3.Connection, path: Path, diary_id: str) -> None:
    now = now_utc()
    conn.execute("INSERT INTO sync_files (path, diary_id, first_at, last_at) VALUES (?, ?, ?, ?)"
                 " ON CONFLICT (path) DO UPDATE SET diary_id = excluded.diary_id, last_at = excluded.last_at",
                 [str(path), diary_id, now, now])


@dataclass(frozen=True, slots=True)
class Conflict:
    """A version that lost a sync although it was edited, kept beside the version that won."""

    id: int
    kind: str
    record_id: str
    kept_at: str
    winner: dict | None
    loser: dict

    @property
    def current_id(self) -> str | None:
        """The id of the record that won and stands in the diary (a check-in of the same day may have
        another id than the one that lost); None when the winner was a deletion."""
        return None if self.winner is None else self.winner.get("id", self.record_id)


def conflicts(conn: sqlite3.Connection, record_id: str | None = None) -> list[Conflict]:
    """The kept conflicts, oldest first; with ``record_id``, those whose winner is that record."""
    where, params = "", []
    if record_id is not None:
        where, params = " WHERE winner != 'null' AND coalesce(json_extract(winner, '$.id'), record_id) = ?", [record_id]
    return [Conflict(r[0], r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5])) for r in conn.execute(
        f"SELECT id, kind, record_id, kept_at, winner, loser FROM sync_conflicts{where} ORDER BY id", params)]


def lost_record(conflict: Conflict):
    """The losing version of a kept entry or check-in as the record it was (an ``Entry``, a ``CheckIn``);
    None for the other kinds, which are shown field by field."""
    content = conflict.loser
    if conflict.kind == "entry":
        parts = content.get("parts") or {}
        return Entry(
            at=from_storage(content["at_utc"], content["utc_offset_min"]), pain=content["pain"],
            note=content.get("note") or "", for_doctor=bool(content.get("for_doctor")),
            entered_by=content.get("entered_by"), id=content["id"],
            sites=[Site(r["location"], r["intensity"], r.get("level")) for r in parts.get("entry_sites", [])],
            qualities=[r["slug"] for r in parts.get("entry_qualities", [])],
            triggers=[r["slug"] for r in parts.get("entry_triggers", [])],
            therapies=[TherapyUse(r["therapy"], r.get("relief"), r.get("medication"), r.get("dose"))
                       for r in parts.get("entry_therapies", [])])
    if conflict.kind == "checkin":
        return CheckIn(day=date.fromisoformat(content["day"]), peg_pain=content.get("peg_pain"),
                       peg_enjoyment=content.get("peg_enjoyment"), peg_activity=content.get("peg_activity"),
                       sleep=content.get("sleep"), mood=content.get("mood"), note=content.get("note") or "",
                       id=content["id"], peg_week=bool(content.get("peg_week")))
    return None


def dismiss(conn: sqlite3.Connection, conflict_id: int) -> None:
    # A number SQLite cannot hold (more than 63 bits) names no kept conflict either.
    if (not -2**63 <= conflict_id < 2**63
            or conn.execute("DELETE FROM sync_conflicts WHERE id = ?", [conflict_id]).rowcount == 0):
        raise DiaryError("sync.no_conflict", field="dismiss", id=conflict_id)


def change_times(conn: sqlite3.Connection) -> dict[str, dict]:
    """The change times of profiles (by name) and terms (by kind and slug), for export; a record's own
    are read with it (``with_change_times``)."""
    return {"profiles": {r[0]: (r[1], r[2]) for r in conn.execute("SELECT name, uid, changed_at FROM profiles")},
            "vocabulary": {(r[0], r[1]): r[2] for r in conn.execute("SELECT kind, slug, changed_at FROM vocabulary")}}


def with_change_times(conn: sqlite3.Connection, table: str, records: Iterable[dict]) -> Iterator[dict]:
    """Each record (a dict with its ``id``) given its ``changed`` time from ``table``, looked up a batch at
    a time as the records come: exporting any diary holds no more than a batch of them."""
    batch: list[dict] = []
    for record in records:
        batch.append(record)
        if len(batch) == CHUNK:
            yield from _changed(conn, table, batch)
            batch = []
    yield from _changed(conn, table, batch)


def _changed(conn: sqlite3.Connection, table: str, batch: list[dict]) -> list[dict]:
    if batch:
        times = dict(conn.execute(f"SELECT id, changed_at FROM {table} WHERE id IN ({','.join('?' * len(batch))})",
                                  [record["id"] for record in batch]))
        for record in batch:
            record["changed"] = times.get(record["id"])
    return batch


def tombstones(conn: sqlite3.Connection) -> list[dict]:
    return [{"id": r[0], "kind": r[1], "deleted": r[2]}
            for r in conn.execute("SELECT id, kind, deleted_at FROM tombstones ORDER BY id")]


def diary_id(conn: sqlite3.Connection) -> str | None:
    return _value(conn, "SELECT value FROM settings WHERE key = 'diary_id'")


def adopt_document(conn: sqlite3.Connection, document: dict, since: str | None, *, adopt_profiles: bool = True,
                   empty: bool = False) -> None:
    """Give records an import just wrote the change times their export carries.

    ``since``: only rows written from that time on (this import's own); None: every row
    (a temporary diary made from the file). ``adopt_profiles``: profiles take the file's uids
    (not when the file went into another profile); ``empty``: the diary had no records before,
    so it takes the file's diary id. An export older than change times gives
    each record its last update, as the schema step did; terms an early fixed time.
    """
    fresh = "" if since is None else " AND changed_at >= ?"
    extra = [] if since is None else [since]
    tables = {"entries": "entries", "checkins": "checkins", "events": "events", "questions": "questions",
              "treatments": "bone_treatments", "doses": "bone_doses", "heights": "heights",
              "falls_checks": "falls_checks", "impressions": "impressions", "side_effects": "side_effects"}
    for p in document.get("profiles") or []:
        if not isinstance(p, dict):
            continue
        if adopt_profiles and isinstance(p.get("uid"), str) and isinstance(p.get("changed"), str):
            # The profile of the file is this one (found or made by name): the same uid and change
            # time, unless another profile here has that uid already.
            conn.execute("UPDATE profiles SET uid = ?, changed_at = ?, base_at = NULL WHERE name = ?"
                         " AND NOT EXISTS (SELECT 1 FROM profiles o WHERE o.uid = ? AND o.name != ?)",
                         [p["uid"], p["changed"], p.get("name"), p["uid"], p.get("name")])
        for key, table in tables.items():
            # Of this import's rows, only those stamped changed while it wrote them: one look at the
            # table rather than a look-up of every record of the file (most were written with the
            # file's own change time, ``change_stamps``).
            written = None if since is None else {row[0] for row in conn.execute(
                f"SELECT id FROM {table} WHERE changed_at >= ?", [since])}
            if written is not None and not written:
                continue  # (none to look for among the file's records)
            rows = [[stamp, record_id, *extra] for record_id, stamp in _stamped(p, key)
                    if stamp and (written is None or record_id in written)]
            conn.executemany(f"UPDATE {table} SET changed_at = ?, base_at = NULL WHERE id = ?{fresh}", rows)
    if since is not None:
        conn.executemany("UPDATE vocabulary SET changed_at = ?, base_at = NULL WHERE kind = ? AND slug = ?"
                         " AND changed_at >= ?",
                         [[t["changed"], t.get("kind"), t.get("slug"), since] for t in document.get("vocabulary") or []
                          if isinstance(t, dict) and isinstance(t.get("changed"), str)])
        raw = document.get("sync")
        if empty and isinstance(raw, dict) and isinstance(raw.get("diary"), str):
            # A new diary filled from an export is a copy of the diary it came from.
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('diary_id', ?)", [raw["diary"]])
    if since is None:
        for t in document.get("vocabulary") or []:
            if isinstance(t, dict):
                conn.execute("UPDATE vocabulary SET name = ?, grp = ?, hidden = ?, changed_at = ?, base_at = NULL"
                             " WHERE kind = ? AND slug = ?",
                             [t.get("name"), t.get("group"), int(bool(t.get("hidden"))),
                              t.get("changed") or "2000-01-01T00:00:00.000Z", t.get("kind"), t.get("slug")])
        raw = document.get("sync")
        sync: dict = raw if isinstance(raw, dict) else {}
        conn.execute("DELETE FROM tombstones")
        conn.executemany("INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (?, ?, ?)",
                         [[t["id"], t["kind"], t["deleted"]] for t in sync.get("tombstones") or []
                          if isinstance(t, dict) and t.get("kind") in KIND_TABLE
                          and isinstance(t.get("id"), str) and isinstance(t.get("deleted"), str)])
        if isinstance(sync.get("diary"), str):
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('diary_id', ?)", [sync["diary"]])


def _stamped(profile: dict, key: str) -> list[tuple[str, str | None]]:
    """The id of each record of the file's ``profile`` in its list ``key`` (a dict with a text id), with the
    change time ``adopt_document`` gives it. (A list, not a generator: a file holds many thousands.)"""
    return [(r["id"], _adopted(r)) for r in profile.get(key) or []
            if isinstance(r, dict) and isinstance(r.get("id"), str)]


def _adopted(record: dict):
    """The change time ``adopt_document`` gives a record of the file: its own, else its last update (or creation)."""
    return record.get("changed") or _ms(record.get("updated") or record.get("created"))


def change_stamps(document: dict, keys: tuple[str, ...] = ("entries", "checkins", "events")) -> dict[str, str]:
    """The change time ``adopt_document`` gives each record of ``document``'s lists ``keys``, by id, for an
    import to write the records with at once (they need no stamping now and no second write later)."""
    return {record_id: stamp for p in document.get("profiles") or [] if isinstance(p, dict)
            for key in keys for record_id, stamp in _stamped(p, key) if isinstance(stamp, str)}


def adopts_every_entry(document: dict) -> bool:
    """Whether ``adopt_document`` gives every entry of ``document`` a change time of the file's, so that
    the times an import gives them while writing them are overwritten anyway."""
    return all(isinstance(r, dict) and isinstance(r.get("id"), str) and _adopted(r)
               for p in document.get("profiles") or [] if isinstance(p, dict) for r in p.get("entries") or [])


# The triggers that stamp an entry changed when a part of its own (not a self-care session) is added.
_PART_ADDED = tuple(f"{table}_insert_changes_entry" for table in ENTRY_PARTS if table != "self_care_sessions")


def written_as_given(conn: sqlite3.Connection, table: str, stamped: bool):
    """Within an open write transaction, for inserting many new rows into ``table`` (a synced one): its
    triggers that look at each row added left out where they have nothing to do. The one that stamps a
    row changed now, when every row comes with its change time (``stamped``); the one that takes a
    record's tombstone away when it comes back, when the diary has no tombstone of that kind."""
    kind, _key = SYNCED_TABLES[table]
    names = [f"{table}_new"] if stamped else []
    if conn.execute("SELECT 1 FROM tombstones WHERE kind = ? LIMIT 1", [kind]).fetchone() is None:
        names.append(f"{table}_back")
    return without_triggers(conn, names)


def parts_unstamped(conn: sqlite3.Connection):
    """Within an open write transaction, for writing new entries that ``adopt_document`` then gives
    their change times: adding an entry's sites, qualities, triggers and therapies does not stamp
    it changed a part at a time (a self-care session still does: its entry may be an older one)."""
    return without_triggers(conn, _PART_ADDED)


def _ms(stamp) -> str | None:
    """A stored UTC stamp to the second as a change time to the millisecond."""
    if not isinstance(stamp, str) or not stamp.endswith("Z"):
        return None
    return stamp[:-1] + ".000Z" if len(stamp) == 20 else stamp


def now_ms(conn: sqlite3.Connection) -> str:
    return _value(conn, f"SELECT {NOW_MS}")


def forget_tombstones_since(conn: sqlite3.Connection, since: str) -> None:
    """Drop the tombstones written from ``since`` on (a deletion no other copy can hold)."""
    conn.execute("DELETE FROM tombstones WHERE deleted_at >= ?", [since])


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether the diary holds no records (nor tombstones) yet."""
    return not any(_value(conn, f"SELECT 1 FROM {t} LIMIT 1") for t in [*RECORD_TABLES, "tombstones"])
