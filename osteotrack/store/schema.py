"""The diary's schema, built step by step with ``sqlite_utils.Migrations``.

Steps are never edited once released: a change is a new step at the end.
``STEP_NAMES`` is read without importing sqlite-utils, so that opening an
up-to-date diary costs one small query.
"""

from __future__ import annotations

from datetime import datetime, timezone

from osteotrack.domain.vocabulary import BUILTIN

MIGRATION_SET = "osteotrack"
DEFAULT_PROFILE = "me"

SCHEMA_1 = """
CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_utc TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE vocabulary (
    kind TEXT NOT NULL CHECK (kind IN ('location', 'quality', 'trigger', 'therapy')),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    grp TEXT,
    region TEXT,
    laterality TEXT,
    snomed TEXT,
    builtin INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, slug)
);
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note TEXT NOT NULL DEFAULT '',
    for_doctor INTEGER NOT NULL DEFAULT 0,
    entered_by TEXT,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX entries_profile_at ON entries(profile_id, at_utc);
CREATE INDEX entries_profile_day ON entries(profile_id, local_day);
CREATE TABLE entry_sites (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    level TEXT,
    UNIQUE (entry_id, location)
);
CREATE TABLE entry_qualities (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    UNIQUE (entry_id, slug)
);
CREATE TABLE entry_triggers (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    UNIQUE (entry_id, slug)
);
CREATE TABLE entry_therapies (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    relief INTEGER CHECK (relief IS NULL OR (relief BETWEEN 0 AND 100 AND relief % 10 = 0)),
    medication TEXT,
    dose TEXT,
    UNIQUE (entry_id, therapy)
);
CREATE INDEX entry_therapies_therapy ON entry_therapies(therapy);
CREATE INDEX entry_triggers_slug ON entry_triggers(slug);
CREATE INDEX entry_sites_location ON entry_sites(location);
CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    peg_pain INTEGER CHECK (peg_pain BETWEEN 0 AND 10),
    peg_enjoyment INTEGER CHECK (peg_enjoyment BETWEEN 0 AND 10),
    peg_activity INTEGER CHECK (peg_activity BETWEEN 0 AND 10),
    sleep INTEGER CHECK (sleep BETWEEN 0 AND 10),
    mood INTEGER CHECK (mood BETWEEN 0 AND 10),
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    UNIQUE (profile_id, day)
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('fall', 'fracture', 'procedure', 'imaging', 'dxa', 'appointment')),
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    site TEXT,
    level TEXT,
    procedure TEXT,
    t_score REAL,
    dxa_site TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX events_profile_at ON events(profile_id, at_utc);
CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'asked', 'answered')),
    answer TEXT NOT NULL DEFAULT '',
    updated_utc TEXT NOT NULL
);
"""


def m001_initial(db) -> None:
    """Every table the brief needs, the built-in vocabulary and a default profile."""
    # executescript() would commit the migration's transaction: run one statement at a time.
    for statement in SCHEMA_1.split(";"):
        if statement.strip():
            db.conn.execute(statement)
    db["vocabulary"].insert_all(
        {
            "kind": t.kind, "slug": t.slug, "name": t.name, "grp": t.group, "region": t.region,
            "laterality": t.laterality, "snomed": t.snomed, "builtin": 1, "hidden": 0,
        }
        for t in BUILTIN
    )
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    db["profiles"].insert({"name": DEFAULT_PROFILE, "created_utc": now})


SCHEMA_2 = """
CREATE TABLE self_care_sessions (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE REFERENCES entries(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    pattern TEXT,
    planned_s INTEGER CHECK (planned_s IS NULL OR planned_s >= 0),
    duration_s INTEGER NOT NULL CHECK (duration_s >= 0),
    pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    completed INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX self_care_sessions_therapy ON self_care_sessions(therapy);
"""


def m002_self_care_sessions(db) -> None:
    """Self-care sessions (issue 8): the measurement behind a therapy use on an entry.

    The entry holds the time, the pain after, the therapy and its relief (so
    every therapy view counts sessions); this row adds what only a session
    has: pain before, duration, pattern. Deleting the entry deletes it.
    """
    for statement in SCHEMA_2.split(";"):
        if statement.strip():
            db.conn.execute(statement)


def m003_tailbone_is_the_coccyx(db) -> None:
    """The built-in tailbone's SNOMED CT code: the coccyx (64688005), not the sacrum."""
    db.conn.execute("UPDATE vocabulary SET snomed = '64688005' WHERE kind = 'location' AND slug = 'tailbone'"
                    " AND builtin = 1")


SCHEMA_4 = """
CREATE TABLE bone_treatments (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    medicine TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    every TEXT NOT NULL,
    since TEXT NOT NULL,
    dose TEXT NOT NULL DEFAULT '',
    stopped TEXT,
    note TEXT NOT NULL DEFAULT '',
    stop_note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    CHECK (stopped IS NULL OR stopped >= since)
);
CREATE INDEX bone_treatments_profile ON bone_treatments(profile_id, medicine, since);
CREATE TABLE bone_doses (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    treatment_id TEXT NOT NULL REFERENCES bone_treatments(id) ON DELETE CASCADE,
    medicine TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX bone_doses_treatment ON bone_doses(treatment_id, local_day);
CREATE INDEX bone_doses_profile_day ON bone_doses(profile_id, local_day);
CREATE TABLE heights (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    mm INTEGER NOT NULL CHECK (mm BETWEEN 500 AND 2500),
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX heights_profile_at ON heights(profile_id, at_utc);
CREATE TABLE falls_checks (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    fell INTEGER NOT NULL CHECK (fell IN (0, 1)),
    unsteady INTEGER NOT NULL CHECK (unsteady IN (0, 1)),
    worried INTEGER NOT NULL CHECK (worried IN (0, 1)),
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX falls_checks_profile_at ON falls_checks(profile_id, at_utc);
CREATE TABLE impressions (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 7),
    since_start_of TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX impressions_profile_at ON impressions(profile_id, at_utc);
CREATE TABLE side_effects (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    medicine TEXT NOT NULL,
    effect TEXT NOT NULL,
    severity INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 10),
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE INDEX side_effects_profile_at ON side_effects(profile_id, at_utc);
CREATE TABLE events_m004 (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('fall', 'near-fall', 'fracture', 'procedure', 'imaging', 'dxa',
                                       'appointment')),
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    site TEXT,
    level TEXT,
    procedure TEXT,
    t_score REAL,
    dxa_site TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
INSERT INTO events_m004 SELECT id, profile_id, kind, at_utc, utc_offset_min, local_day, site, level, procedure,
    t_score, dxa_site, note, created_utc, updated_utc FROM events ORDER BY rowid;
DROP TABLE events;
ALTER TABLE events_m004 RENAME TO events;
CREATE INDEX events_profile_at ON events(profile_id, at_utc);
"""


def m004_bone_care(db) -> None:
    """Bone care (issue 16): treatments and doses, heights, falls checks, impressions, side effects;
    and the near-fall beside the fall, which needs the events table rebuilt (SQLite cannot
    change a CHECK in place). Nothing references events, so it is copied, dropped and renamed."""
    for statement in SCHEMA_4.split(";"):
        if statement.strip():
            db.conn.execute(statement)


def m005_weekly_peg(db) -> None:
    """The PEG asked as it is validated, about the past week and at most weekly (issue 14): ``peg_week`` is 1
    on a check-in whose three PEG answers were asked that way. Check-ins stored before asked them about
    that day; they keep 0, so they stay readable for what they were and are never coded as the PEG panel."""
    db.conn.execute("ALTER TABLE checkins ADD COLUMN peg_week INTEGER NOT NULL DEFAULT 0 CHECK (peg_week IN (0, 1))")


SCHEMA_5 = """
CREATE TABLE entry_sites_m005 (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    level TEXT,
    UNIQUE (entry_id, location, level)
);
INSERT INTO entry_sites_m005 SELECT entry_id, location, intensity, level FROM entry_sites ORDER BY rowid;
DROP TABLE entry_sites;
ALTER TABLE entry_sites_m005 RENAME TO entry_sites;
CREATE INDEX entry_sites_location ON entry_sites(location);
CREATE TABLE deleted_entries (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    deleted_utc TEXT NOT NULL,
    saved TEXT NOT NULL
);
"""


def m006_levels_and_undelete(db) -> None:
    """Two vertebral levels of one region in one entry (a fracture at T8 and T9): the places of an
    entry are unique by location and level, which needs entry_sites rebuilt; and deleted entries
    are kept (as JSON, by profile) so that ``osteotrack entry undelete`` can bring one back."""
    for statement in SCHEMA_5.split(";"):
        if statement.strip():
            db.conn.execute(statement)


# What sync keeps in step with every record it carries (issue 18): the tables whose rows
# travel, the kind named in their tombstones, and the column that identifies a row.
SYNCED_TABLES = {
    "profiles": ("profile", "uid"), "vocabulary": ("term", None), "entries": ("entry", "id"),
    "checkins": ("checkin", "id"), "events": ("event", "id"), "questions": ("question", "id"),
    "bone_treatments": ("treatment", "id"), "bone_doses": ("dose", "id"), "heights": ("height", "id"),
    "falls_checks": ("falls_check", "id"), "impressions": ("impression", "id"),
    "side_effects": ("side_effect", "id"),
}
# Parts of an entry stored in their own tables: changing one changes the entry.
ENTRY_PARTS = ("entry_sites", "entry_qualities", "entry_triggers", "entry_therapies", "self_care_sessions")
# SQLite's clock to the millisecond, and one millisecond after a stored change time: a record
# changed twice within a millisecond still gets a later time for the second change.
NOW_MS = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _after(column: str) -> str:
    return f"max({NOW_MS}, strftime('%Y-%m-%dT%H:%M:%fZ', {column}, '+0.001 seconds'))"


SCHEMA_7 = """
CREATE TABLE tombstones (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    deleted_at TEXT NOT NULL
);
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    winner TEXT NOT NULL,
    loser TEXT NOT NULL
);
CREATE TABLE sync_files (
    path TEXT PRIMARY KEY,
    diary_id TEXT NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL
)
"""


def m008_sync(db) -> None:
    """Sync (issue 18): every record that travels gets a change time (``changed_at``, kept
    current by triggers on every write, its entry's parts included) and the change time of
    the shared version it was edited from (``base_at``: NULL while unedited since it was
    written, by sync or import or its creation), so a sync can tell an update from a
    conflict. A deletion leaves a tombstone; the losers of conflicts are kept until
    dismissed; a diary id (made here, or when a new diary is first opened) tells copies of
    this diary from a diary started elsewhere; the files synced with are remembered.

    Existing records take their last update as their change time; the vocabulary a fixed
    early time, so the built-in terms agree in every copy. Profiles get a uid: their
    integer ids differ between copies.
    """
    conn = db.conn
    for statement in SCHEMA_7.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('diary_id', lower(hex(randomblob(16))))")
    for table, (kind, key) in SYNCED_TABLES.items():
        conn.execute(f"ALTER TABLE {table} ADD COLUMN changed_at TEXT")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN base_at TEXT")
        if table == "profiles":
            conn.execute("ALTER TABLE profiles ADD COLUMN uid TEXT")
            conn.execute("UPDATE profiles SET uid = lower(hex(randomblob(16))),"
                         " changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_utc)")
            conn.execute("CREATE UNIQUE INDEX profiles_uid ON profiles(uid)")
        elif table == "vocabulary":
            conn.execute("UPDATE vocabulary SET changed_at = '2000-01-01T00:00:00.000Z'")
        else:
            stamp = "created_utc" if table == "questions" else "updated_utc"
            conn.execute(f"UPDATE {table} SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', {stamp})")
        content = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if r[1] not in ("changed_at", "base_at", "uid")]
        changed = f"changed_at = {_after('OLD.changed_at')}, base_at = coalesce(OLD.base_at, OLD.changed_at)"
        conn.execute(f"CREATE TRIGGER {table}_new AFTER INSERT ON {table} WHEN NEW.changed_at IS NULL BEGIN"
                     f" UPDATE {table} SET changed_at = {NOW_MS} WHERE rowid = NEW.rowid; END")
        conn.execute(f"CREATE TRIGGER {table}_changed AFTER UPDATE OF {', '.join(content)} ON {table}"
                     f" WHEN NEW.changed_at IS OLD.changed_at BEGIN"
                     f" UPDATE {table} SET {changed} WHERE rowid = NEW.rowid; END")
        if key is None:
            continue  # terms are hidden, never deleted
        if table == "profiles":
            conn.execute("CREATE TRIGGER profiles_uid_new AFTER INSERT ON profiles WHEN NEW.uid IS NULL BEGIN"
                         " UPDATE profiles SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid; END")
        conn.execute(f"CREATE TRIGGER {table}_gone AFTER DELETE ON {table} BEGIN"
                     f" INSERT OR REPLACE INTO tombstones (id, kind, deleted_at)"
                     f" VALUES (OLD.{key}, '{kind}', {_after('OLD.changed_at')}); END")
        conn.execute(f"CREATE TRIGGER {table}_back AFTER INSERT ON {table} BEGIN"
                     f" DELETE FROM tombstones WHERE id = NEW.{key} AND kind = '{kind}'; END")
    changed = f"changed_at = {_after('changed_at')}, base_at = coalesce(base_at, changed_at)"
    for table in ENTRY_PARTS:
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
            conn.execute(f"CREATE TRIGGER {table}_{event.lower()}_changes_entry AFTER {event} ON {table} BEGIN"
                         f" UPDATE entries SET {changed} WHERE id = {row}.entry_id; END")
        conn.execute(f"CREATE TRIGGER {table}_update_changes_entry AFTER UPDATE ON {table} BEGIN"
                     f" UPDATE entries SET {changed} WHERE id = NEW.entry_id; END")


# What each per-day summary holds, per profile, local day and (for the child tables) term:
# (table, key column, child table, child column, the sums kept, computed over ``e`` entries and ``x`` children).
_CHILD_SUMMARIES = (
    ("day_sites", "location", "entry_sites", "location",
     "count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity)"),
    ("day_triggers", "slug", "entry_triggers", "slug", "count(*), sum(e.pain)"),
    ("day_therapies", "therapy", "entry_therapies", "therapy", "count(*), count(x.relief), coalesce(sum(x.relief), 0)"),
)
_COLUMNS = {
    "day_summary": "profile_id, day, entries, pain_sum, pain_min, pain_max",
    "day_sites": "profile_id, day, location, uses, hurt, intensity_sum",
    "day_triggers": "profile_id, day, slug, uses, pain_sum",
    "day_therapies": "profile_id, day, therapy, uses, rated, relief_sum",
}


def _recompute_day(who: str) -> str:
    """Statements that compute every summary of ``who``'s profile and day afresh from the entries
    (least and worst pain cannot be taken back by subtracting)."""
    day = f"profile_id = {who}.profile_id AND day = {who}.local_day"
    entries = f"e.profile_id = {who}.profile_id AND e.local_day = {who}.local_day"
    out = [f"DELETE FROM day_summary WHERE {day};",
           f"INSERT INTO day_summary ({_COLUMNS['day_summary']}) SELECT e.profile_id, e.local_day, count(*),"
           f" sum(e.pain), min(e.pain), max(e.pain) FROM entries e WHERE {entries} GROUP BY e.profile_id, e.local_day;"]
    for table, _key, child, column, sums in _CHILD_SUMMARIES:
        out += [f"DELETE FROM {table} WHERE {day};",
                f"INSERT INTO {table} ({_COLUMNS[table]}) SELECT e.profile_id, e.local_day, x.{column}, {sums}"
                f" FROM entries e JOIN {child} x ON x.entry_id = e.id WHERE {entries} GROUP BY x.{column};"]
    return "\n    ".join(out)


# What an entry or a part adds to its day's row of a summary: the values it brings (after the profile, day and
# term), over the entry ``e`` and the part ``{row}``, and how a row already there takes them in (an upsert). The
# triggers add each as it is written (``{row}``: ``new``); an import into a new diary adds them all at once
# (``added_at_once``).
_ADDED = {
    "day_summary": ("1, {row}.pain, {row}.pain, {row}.pain",
                    "entries = entries + 1, pain_sum = pain_sum + excluded.pain_sum,\n            pain_min ="
                    " min(pain_min, excluded.pain_min), pain_max = max(pain_max, excluded.pain_max)"),
    "day_sites": ("1, {row}.intensity > 0, {row}.intensity",
                  "uses = uses + 1, hurt = hurt + excluded.hurt,"
                  " intensity_sum = intensity_sum + excluded.intensity_sum"),
    "day_triggers": ("1, e.pain", "uses = uses + 1, pain_sum = pain_sum + excluded.pain_sum"),
    "day_therapies": ("1, {row}.relief IS NOT NULL, coalesce({row}.relief, 0)",
                      "uses = uses + 1, rated = rated + excluded.rated,"
                      " relief_sum = relief_sum + excluded.relief_sum"),
    "day_medicines": ("e.profile_id, {row}.therapy, e.local_day, coalesce({row}.medication, ''),"
                      " coalesce({row}.dose, ''), 1", "uses = uses + 1"),
}
_DAY_KEYS = {"day_summary": "profile_id, day", "day_medicines": "profile_id, therapy, day, medication, dose"}


def added_at_once(table: str) -> str:
    """The statement that adds every entry (or part) to its day's row of the per-day summary ``table``, at once,
    as its trigger adds each one written: for an empty summary of entries all written together (an import into a
    new diary). Adding them in the order written, into rows that mostly come in the order of their days, is
    quicker than grouping them all by day (a sort of every row) — and gives the same rows."""
    values, update = _ADDED[table]
    # The parts read in the order written (NOT INDEXED: not in an index's order), so that their days come nearly in
    # order and each upsert finds its row near the last; their entries' profile and day read from the index that
    # holds both beside the id (where the pain is not read too).
    entries = "entries e" if "e.pain" in values else "entries e INDEXED BY entries_id_owner"
    if table == "day_summary":
        rows, picked, key = f"e.profile_id, e.local_day, {values.format(row='e')}", "entries e", _DAY_KEYS[table]
    else:
        if table == "day_medicines":
            child, rows, key = "entry_therapies", values.format(row="x"), _DAY_KEYS[table]
        else:
            _table, term, child, column, _sums = next(s for s in _CHILD_SUMMARIES if s[0] == table)
            rows, key = f"e.profile_id, e.local_day, x.{column}, {values.format(row='x')}", f"profile_id, day, {term}"
        picked = f"{child} x NOT INDEXED JOIN {entries} ON e.id = x.entry_id"
    # (``WHERE true``: an upsert's SELECT with a join needs a WHERE, or its ON CONFLICT reads as the join's ON.)
    return (f"INSERT INTO {table} ({_COLUMNS[table]}) SELECT {rows} FROM {picked} WHERE true"
            f" ON CONFLICT ({key}) DO UPDATE SET {update}")


def _child_triggers(table: str, key: str, child: str, column: str, sums: str) -> str:
    """A child row added is counted in (an upsert); one removed has its day and term computed afresh.
    When its entry is gone already (the entry was deleted), the entry's own trigger did that."""
    values, update = _ADDED[table]
    return f"""
CREATE TRIGGER {table}_added AFTER INSERT ON {child} BEGIN
    INSERT INTO {table} ({_COLUMNS[table]}) SELECT e.profile_id, e.local_day, new.{column}, {values.format(row="new")}
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT (profile_id, day, {key}) DO UPDATE SET {update};
END;
CREATE TRIGGER {table}_removed AFTER DELETE ON {child} BEGIN
    DELETE FROM {table} WHERE (profile_id, day) = (SELECT profile_id, local_day FROM entries WHERE id = old.entry_id)
        AND {key} = old.{column};
    INSERT INTO {table} ({_COLUMNS[table]}) SELECT e.profile_id, e.local_day, x.{column}, {sums}
        FROM entries d JOIN entries e ON e.profile_id = d.profile_id AND e.local_day = d.local_day
        JOIN {child} x ON x.entry_id = e.id AND x.{column} = old.{column}
        WHERE d.id = old.entry_id GROUP BY x.{column};
END;
"""


SCHEMA_6 = f"""
CREATE TABLE day_summary (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    entries INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    pain_min INTEGER NOT NULL,
    pain_max INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;
CREATE TABLE day_sites (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    location TEXT NOT NULL,
    uses INTEGER NOT NULL,
    hurt INTEGER NOT NULL,
    intensity_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, location)
) WITHOUT ROWID;
CREATE TABLE day_triggers (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    slug TEXT NOT NULL,
    uses INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, slug)
) WITHOUT ROWID;
CREATE TABLE day_therapies (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    therapy TEXT NOT NULL,
    uses INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    relief_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, therapy)
) WITHOUT ROWID;
CREATE TRIGGER day_summary_entry_added AFTER INSERT ON entries BEGIN
    INSERT INTO day_summary ({_COLUMNS['day_summary']})
        VALUES (new.profile_id, new.local_day, {_ADDED["day_summary"][0].format(row="new")})
        ON CONFLICT ({_DAY_KEYS["day_summary"]}) DO UPDATE SET {_ADDED["day_summary"][1]};
END;
CREATE TRIGGER day_summary_entry_deleted AFTER DELETE ON entries BEGIN
    {_recompute_day("old")}
END;
CREATE TRIGGER day_summary_entry_changed AFTER UPDATE OF profile_id, local_day, pain ON entries BEGIN
    {_recompute_day("old")}
    {_recompute_day("new")}
END;
{"".join(_child_triggers(*summary) for summary in _CHILD_SUMMARIES)}
"""


def rebuild_summaries(conn, tables: tuple[str, ...] | None = None) -> None:
    """Fill per-day and per-month summaries (every one, or ``tables``) afresh from the entries (the
    migrations; a check compares against it)."""
    for table in SUMMARY_TABLES if tables is None else tables:
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} ({_COLUMNS[table]}) {summary_query(table)}")


def summary_query(table: str, where: str = "") -> str:
    """The SELECT that computes a per-day summary table's rows straight from the entries ``e``
    (those that meet ``where``, when given)."""
    where = f" WHERE {where}" if where else ""
    if table == "week_peg":  # from the check-ins ``c``, not the entries (``where`` is for per-day tables)
        assert not where, where
        monday = _PEG_MONDAY.format(day="c.day")
        return f"SELECT c.profile_id, {monday}, {_PEG_SUMS} WHERE {_PEG_COMPLETE} GROUP BY c.profile_id, {monday}"
    if table in _MONTH_SUMMARIES:
        _day_table, key, child, column, sums = _MONTH_SUMMARIES[table]
        return (f"SELECT e.profile_id, substr(e.local_day, 1, 7), x.{column}, {sums} FROM entries e JOIN {child} x"
                f" ON x.entry_id = e.id{where} GROUP BY e.profile_id, substr(e.local_day, 1, 7), x.{column}")
    if table == "day_medicines":
        return ("SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''),"
                f" count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id{where}"
                " GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '')")
    if table == "day_summary":
        return ("SELECT e.profile_id, e.local_day, count(*), sum(e.pain), min(e.pain), max(e.pain) FROM entries e"
                f"{where} GROUP BY e.profile_id, e.local_day")
    _, key, child, column, sums = next(s for s in _CHILD_SUMMARIES if s[0] == table)
    return (f"SELECT e.profile_id, e.local_day, x.{column}, {sums} FROM entries e JOIN {child} x"
            f" ON x.entry_id = e.id{where} GROUP BY e.profile_id, e.local_day, x.{column}")


SUMMARY_TABLES_M007 = ("day_summary", "day_sites", "day_triggers", "day_therapies")


def m007_day_summary(db) -> None:
    """Per-day summaries of each profile's entries (issue 15), so that trends over years read a row
    a day instead of every entry: count, sum, least and worst pain (``day_summary``), and per place,
    trigger and therapy the uses and sums the figures need (``day_sites``, ``day_triggers``,
    ``day_therapies``). Triggers keep them in the same transaction as every write to the entries
    and their children (add, edit, delete, restore, import, a profile's removal), whatever part of
    the store makes it. It needs nothing of m005.
    """
    # Statements end at ";" outside a trigger's body (BEGIN … END).
    for statement in _statements(SCHEMA_6):
        db.conn.execute(statement)
    rebuild_summaries(db.conn, SUMMARY_TABLES_M007)


def _statements(script: str) -> list[str]:
    """The statements of ``script``; a trigger's body (BEGIN … END) stays whole."""
    import re  # here, not at the top: only a migration reads a script (the quick log does without it)

    out, current, depth = [], [], 0
    for part in script.split(";"):
        current.append(part)
        words = re.findall(r"\b(BEGIN|CASE|END)\b", part.upper())
        depth += len(words) - 2 * words.count("END")  # BEGIN … END and CASE … END nest
        if depth == 0:
            statement = ";".join(current).strip()
            if statement:
                out.append(statement)
            current = []
    return out


# Issue 15, the figures over many years: what the per-day summaries of m007 leave to the entries, and
# the same sums a month at a time. Each per-month table sums a per-day one (table: the day table, its
# key, the entries' child table and column, and the sums computed straight from the entries ``e`` and
# their children ``x``, as ``summary_query`` does for the check).
_MONTH_SUMMARIES = {
    "month_sites": ("day_sites", "location", "entry_sites", "location",
                    "count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity),"
                    " count(DISTINCT CASE WHEN x.intensity > 0 THEN e.local_day END)"),
    "month_triggers": ("day_triggers", "slug", "entry_triggers", "slug", "count(*), sum(e.pain)"),
    "month_therapies": ("day_therapies", "therapy", "entry_therapies", "therapy",
                        "count(*), count(x.relief), coalesce(sum(x.relief), 0)"),
}
# The same sums out of a month's days (alias ``s``); ``hurt_days``: days on which the place hurt.
_MONTH_SUMS = {
    "month_sites": "sum(s.uses), sum(s.hurt), sum(s.intensity_sum), count(CASE WHEN s.hurt > 0 THEN 1 END)",
    "month_triggers": "sum(s.uses), sum(s.pain_sum)",
    "month_therapies": "sum(s.uses), sum(s.rated), sum(s.relief_sum)",
}
_MONTH_OF = {day_table: table for table, (day_table, *_rest) in _MONTH_SUMMARIES.items()}
_COLUMNS.update({
    # Every medicine by name and dose ('' where not given), per therapy and day: runs of days need every day.
    "day_medicines": "profile_id, therapy, day, medication, dose, uses",
    "month_sites": "profile_id, month, location, uses, hurt, intensity_sum, hurt_days",
    "month_triggers": "profile_id, month, slug, uses, pain_sum",
    "month_therapies": "profile_id, month, therapy, uses, rated, relief_sum",
})
DAY_TABLES = (*SUMMARY_TABLES_M007, "day_medicines")
SUMMARY_TABLES = (*DAY_TABLES, *_MONTH_SUMMARIES, "week_peg")  # week_peg: m011_trend_weeks
_MONTH_TRIGGERS = tuple(f"{table}_{event}" for table in _MONTH_SUMMARIES for event in ("added", "removed", "changed"))
_MEDICINE_ADDED = ("day_medicines_added",)


def _month_from_days(table: str) -> str:
    """The SELECT (without WHERE) of a per-month table's rows from its per-day table ``s``."""
    day_table, key, *_rest = _MONTH_SUMMARIES[table]
    return f"SELECT s.profile_id, substr(s.day, 1, 7), s.{key}, {_MONTH_SUMS[table]} FROM {day_table} s"


def _month_triggers(table: str) -> str:
    """A per-day row added, changed or removed: its month and term computed afresh from the month's days."""
    day_table, key, *_rest = _MONTH_SUMMARIES[table]
    out = []
    for name, event, rows in (("added", "INSERT", ("new",)), ("removed", "DELETE", ("old",)),
                              ("changed", "UPDATE", ("old", "new"))):
        body = []
        for r in rows:
            month = f"substr({r}.day, 1, 7)"
            body += [f"DELETE FROM {table} WHERE profile_id = {r}.profile_id AND month = {month}"
                     f" AND {key} = {r}.{key};",
                     f"INSERT INTO {table} ({_COLUMNS[table]}) {_month_from_days(table)}"
                     f" WHERE s.profile_id = {r}.profile_id AND s.day BETWEEN {month} || '-01' AND {month} || '-31'"
                     f" AND s.{key} = {r}.{key} GROUP BY s.{key};"]
        out.append(f"CREATE TRIGGER {table}_{name} AFTER {event} ON {day_table} BEGIN\n    "
                   + "\n    ".join(body) + "\nEND;")
    return "\n".join(out)


def _medicine_day(profile: str, day: str, therapy: str = "") -> str:
    """Statements that compute one profile's day of medicines afresh (of one therapy, when given)."""
    one = f" AND therapy = {therapy}" if therapy else ""
    where = f"e.profile_id = {profile} AND e.local_day = {day}" + (f" AND x.therapy = {therapy}" if therapy else "")
    return (f"DELETE FROM day_medicines WHERE profile_id = {profile} AND day = {day}{one};\n    "
            f"INSERT INTO day_medicines ({_COLUMNS['day_medicines']}) {summary_query('day_medicines', where)};")


def _entry_of(row: str, column: str) -> str:
    """The profile or day of the entry a part (``new`` or ``old``) belongs to; NULL once it is gone."""
    return f"(SELECT {column} FROM entries WHERE id = {row}.entry_id)"


SCHEMA_9 = f"""
CREATE TABLE day_medicines (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    day TEXT NOT NULL,
    medication TEXT NOT NULL,
    dose TEXT NOT NULL,
    uses INTEGER NOT NULL,
    PRIMARY KEY (profile_id, therapy, day, medication, dose)
) WITHOUT ROWID;
CREATE TABLE month_sites (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    location TEXT NOT NULL,
    uses INTEGER NOT NULL,
    hurt INTEGER NOT NULL,
    intensity_sum INTEGER NOT NULL,
    hurt_days INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, location)
) WITHOUT ROWID;
CREATE TABLE month_triggers (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    slug TEXT NOT NULL,
    uses INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, slug)
) WITHOUT ROWID;
CREATE TABLE month_therapies (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    therapy TEXT NOT NULL,
    uses INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    relief_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, therapy)
) WITHOUT ROWID;
CREATE TRIGGER day_medicines_added AFTER INSERT ON entry_therapies BEGIN
    INSERT INTO day_medicines ({_COLUMNS['day_medicines']})
        SELECT {_ADDED["day_medicines"][0].format(row="new")}
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT ({_DAY_KEYS["day_medicines"]}) DO UPDATE SET {_ADDED["day_medicines"][1]};
END;
CREATE TRIGGER day_medicines_removed AFTER DELETE ON entry_therapies BEGIN
    {_medicine_day(_entry_of("old", "profile_id"), _entry_of("old", "local_day"), "old.therapy")}
END;
CREATE TRIGGER day_medicines_changed AFTER UPDATE ON entry_therapies BEGIN
    {_medicine_day(_entry_of("old", "profile_id"), _entry_of("old", "local_day"), "old.therapy")}
    {_medicine_day(_entry_of("new", "profile_id"), _entry_of("new", "local_day"), "new.therapy")}
END;
CREATE TRIGGER day_medicines_entry_deleted AFTER DELETE ON entries BEGIN
    {_medicine_day("old.profile_id", "old.local_day")}
END;
CREATE TRIGGER day_medicines_entry_changed AFTER UPDATE OF profile_id, local_day ON entries BEGIN
    {_medicine_day("old.profile_id", "old.local_day")}
    {_medicine_day("new.profile_id", "new.local_day")}
END;
{"".join(_month_triggers(table) for table in _MONTH_SUMMARIES)}
CREATE INDEX entries_profile_updated ON entries(profile_id, updated_utc);
CREATE INDEX checkins_profile_updated ON checkins(profile_id, updated_utc);
"""


def m009_trend_summaries(db) -> None:
    """The rest of the trend figures from summaries (issue 15): each medicine by name and dose per
    therapy and day (``day_medicines``: runs of days of medication without reading every entry), and
    the per-day sums of places, triggers and therapies a month at a time (``month_sites``,
    ``month_triggers``, ``month_therapies``), so that years read a row a month and only the partial
    months at a period's ends read their days. Triggers keep them in the same transaction as every
    write: the medicines from the therapy uses and their entries, the months from the per-day tables.
    Entries and check-ins are indexed by their last change, so that the look for changes the Trends
    screen takes every few seconds finds the latest without reading them all.
    """
    for statement in _statements(SCHEMA_9):
        db.conn.execute(statement)
    rebuild_summaries(db.conn, ("day_medicines", *_MONTH_SUMMARIES))


def m010_session_indexes(db) -> None:
    """Self-care sessions summed per therapy from indexes alone (issue 15): a session a day for sixty years is
    22,000 sessions, each looked up in three tables; with what the sum reads in the indexes it walks, each
    lookup is one search instead of two (about half the time at 30 years). The index by therapy alone is the
    first column of the new one, and goes."""
    for statement in (
        "DROP INDEX self_care_sessions_therapy",
        "CREATE INDEX self_care_sessions_sums ON self_care_sessions(therapy, entry_id, completed, duration_s,"
        " pain_before, pain_after)",
        "CREATE INDEX entries_id_owner ON entries(id, profile_id, local_day)",
        "CREATE INDEX entry_therapies_relief ON entry_therapies(entry_id, therapy, relief)",
    ):
        db.conn.execute(statement)


# Issue 15, the PEG over many years: the check-ins with all three PEG items summed per profile and ISO week
# (``week``: its Monday), so that the weekly PEG reads a row a week, not every check-in of the period.
# Integer sums: a week's score is the sum of its items over three times its check-ins.
_PEG_MONDAY = "date({day}, 'weekday 0', '-6 days')"  # 'weekday 0': the Sunday ending the week
_PEG_COMPLETE = "c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL"
_COLUMNS["week_peg"] = "profile_id, week, checkins, daily, pain_sum, enjoyment_sum, activity_sum"
_PEG_SUMS = ("count(*), sum(1 - c.peg_week), sum(c.peg_pain), sum(c.peg_enjoyment), sum(c.peg_activity)"
             " FROM checkins c")


def _peg_week(who: str) -> str:
    """Statements that compute ``who``'s (``new`` or ``old``) week of PEG answers afresh from its check-ins."""
    monday = _PEG_MONDAY.format(day=f"{who}.day")
    return (f"DELETE FROM week_peg WHERE profile_id = {who}.profile_id AND week = {monday};\n    "
            f"INSERT INTO week_peg ({_COLUMNS['week_peg']}) SELECT c.profile_id, {monday}, {_PEG_SUMS}"
            f" WHERE c.profile_id = {who}.profile_id AND c.day BETWEEN {monday} AND date({monday}, '+6 days')"
            f" AND {_PEG_COMPLETE} GROUP BY c.profile_id;")


SCHEMA_11 = f"""
CREATE TABLE week_peg (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    checkins INTEGER NOT NULL,
    daily INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    enjoyment_sum INTEGER NOT NULL,
    activity_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, week)
) WITHOUT ROWID;
CREATE TRIGGER week_peg_checkin_added AFTER INSERT ON checkins BEGIN
    {_peg_week("new")}
END;
CREATE TRIGGER week_peg_checkin_removed AFTER DELETE ON checkins BEGIN
    {_peg_week("old")}
END;
CREATE TRIGGER week_peg_checkin_changed AFTER UPDATE OF profile_id, day, peg_pain, peg_enjoyment, peg_activity,
    peg_week ON checkins BEGIN
    {_peg_week("old")}
    {_peg_week("new")}
END;
"""


def m011_trend_weeks(db) -> None:
    """The weekly PEG from a summary (issue 15): per profile and ISO week, the check-ins with all three PEG
    items, those of them from before the weekly PEG, and the sums of each item (``week_peg``), so that sixty
    years of check-ins are read a row a week. Triggers on the check-ins keep it in the same transaction as
    every write (add, edit, delete, import, sync, a profile's removal): each computes its week afresh."""
    for statement in _statements(SCHEMA_11):
        db.conn.execute(statement)
    rebuild_summaries(db.conn, ("week_peg",))


def starting_rows(conn) -> None:
    """The rows a new diary made at once in its final schema starts with (``connection.make_new``), as the steps
    leave them: the built-in terms (m001; the tailbone's code m003 corrects is right in them already) with their
    fixed early change time (m008), the default profile (m001) with its uid and change time (m008), the diary id
    (m008). The schema's triggers are there already: each row is written as they leave it alone. A test makes a
    new diary both ways and compares them."""
    conn.executemany(
        "INSERT INTO vocabulary (kind, slug, name, grp, region, laterality, snomed, builtin, hidden, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, '2000-01-01T00:00:00.000Z')",
        [(t.kind, t.slug, t.name, t.group, t.region, t.laterality, t.snomed) for t in BUILTIN])
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    conn.execute("INSERT INTO profiles (name, created_utc, uid, changed_at)"
                 " VALUES (?, ?, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', ?))",
                 [DEFAULT_PROFILE, now, now])
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('diary_id', lower(hex(randomblob(16))))")


STEPS = [m001_initial, m002_self_care_sessions, m003_tailbone_is_the_coccyx, m004_bone_care, m005_weekly_peg,
         m006_levels_and_undelete, m007_day_summary, m008_sync,
         m009_trend_summaries, m010_session_indexes, m011_trend_weeks]
STEP_NAMES = [step.__name__ for step in STEPS]


def migrations():
    """The sqlite-utils migration set, built on demand (it imports sqlite-utils)."""
    from sqlite_utils import Migrations

    steps = Migrations(MIGRATION_SET)
    for step in STEPS:
        steps(name=step.__name__)(step)
    return steps
