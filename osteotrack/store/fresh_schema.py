# ruff: noqa: E501
"""The schema a new diary is made in at once (``connection.make_new``): the tables, indexes and triggers that
the schema steps ``STEPS`` leave in a new database, as SQLite keeps them, in its order.

Written by scripts/write_fresh_schema.py from the steps themselves, never by hand: run it after adding a step.
tests/unit/test_fresh_schema.py makes a new diary both ways and compares them.
"""

STEPS = (
    "m001_initial",
    "m002_self_care_sessions",
    "m003_tailbone_is_the_coccyx",
    "m004_bone_care",
    "m005_weekly_peg",
    "m006_levels_and_undelete",
    "m007_day_summary",
    "m008_sync",
    "m009_trend_summaries",
    "m010_session_indexes",
    "m011_trend_weeks",
)

SCHEMA = (
    """CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
)""",
    """CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name")""",
    """CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_utc TEXT NOT NULL
, changed_at TEXT, base_at TEXT, uid TEXT)""",
    """CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
)""",
    """CREATE TABLE vocabulary (
    kind TEXT NOT NULL CHECK (kind IN ('location', 'quality', 'trigger', 'therapy')),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    grp TEXT,
    region TEXT,
    laterality TEXT,
    snomed TEXT,
    builtin INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0, changed_at TEXT, base_at TEXT,
    PRIMARY KEY (kind, slug)
)""",
    """CREATE TABLE entries (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX entries_profile_at ON entries(profile_id, at_utc)""",
    """CREATE INDEX entries_profile_day ON entries(profile_id, local_day)""",
    """CREATE TABLE entry_qualities (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    UNIQUE (entry_id, slug)
)""",
    """CREATE TABLE entry_triggers (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    UNIQUE (entry_id, slug)
)""",
    """CREATE TABLE entry_therapies (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    relief INTEGER CHECK (relief IS NULL OR (relief BETWEEN 0 AND 100 AND relief % 10 = 0)),
    medication TEXT,
    dose TEXT,
    UNIQUE (entry_id, therapy)
)""",
    """CREATE INDEX entry_therapies_therapy ON entry_therapies(therapy)""",
    """CREATE INDEX entry_triggers_slug ON entry_triggers(slug)""",
    """CREATE TABLE checkins (
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
    updated_utc TEXT NOT NULL, peg_week INTEGER NOT NULL DEFAULT 0 CHECK (peg_week IN (0, 1)), changed_at TEXT, base_at TEXT,
    UNIQUE (profile_id, day)
)""",
    """CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'asked', 'answered')),
    answer TEXT NOT NULL DEFAULT '',
    updated_utc TEXT NOT NULL
, changed_at TEXT, base_at TEXT)""",
    """CREATE TABLE self_care_sessions (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE REFERENCES entries(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    pattern TEXT,
    planned_s INTEGER CHECK (planned_s IS NULL OR planned_s >= 0),
    duration_s INTEGER NOT NULL CHECK (duration_s >= 0),
    pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    completed INTEGER NOT NULL DEFAULT 1
)""",
    """CREATE TABLE bone_treatments (
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
    updated_utc TEXT NOT NULL, changed_at TEXT, base_at TEXT,
    CHECK (stopped IS NULL OR stopped >= since)
)""",
    """CREATE INDEX bone_treatments_profile ON bone_treatments(profile_id, medicine, since)""",
    """CREATE TABLE bone_doses (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX bone_doses_treatment ON bone_doses(treatment_id, local_day)""",
    """CREATE INDEX bone_doses_profile_day ON bone_doses(profile_id, local_day)""",
    """CREATE TABLE heights (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    mm INTEGER NOT NULL CHECK (mm BETWEEN 500 AND 2500),
    note TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX heights_profile_at ON heights(profile_id, at_utc)""",
    """CREATE TABLE falls_checks (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX falls_checks_profile_at ON falls_checks(profile_id, at_utc)""",
    """CREATE TABLE impressions (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX impressions_profile_at ON impressions(profile_id, at_utc)""",
    """CREATE TABLE side_effects (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX side_effects_profile_at ON side_effects(profile_id, at_utc)""",
    """CREATE TABLE "events" (
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
, changed_at TEXT, base_at TEXT)""",
    """CREATE INDEX events_profile_at ON events(profile_id, at_utc)""",
    """CREATE TABLE "entry_sites" (
    entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    level TEXT,
    UNIQUE (entry_id, location, level)
)""",
    """CREATE INDEX entry_sites_location ON entry_sites(location)""",
    """CREATE TABLE deleted_entries (
    id TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    deleted_utc TEXT NOT NULL,
    saved TEXT NOT NULL
)""",
    """CREATE TABLE day_summary (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    entries INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    pain_min INTEGER NOT NULL,
    pain_max INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day)
) WITHOUT ROWID""",
    """CREATE TABLE day_sites (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    location TEXT NOT NULL,
    uses INTEGER NOT NULL,
    hurt INTEGER NOT NULL,
    intensity_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, location)
) WITHOUT ROWID""",
    """CREATE TABLE day_triggers (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    slug TEXT NOT NULL,
    uses INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, slug)
) WITHOUT ROWID""",
    """CREATE TABLE day_therapies (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    therapy TEXT NOT NULL,
    uses INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    relief_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, therapy)
) WITHOUT ROWID""",
    """CREATE TRIGGER day_summary_entry_added AFTER INSERT ON entries BEGIN
    INSERT INTO day_summary (profile_id, day, entries, pain_sum, pain_min, pain_max)
        VALUES (new.profile_id, new.local_day, 1, new.pain, new.pain, new.pain)
        ON CONFLICT (profile_id, day) DO UPDATE SET entries = entries + 1, pain_sum = pain_sum + excluded.pain_sum,
            pain_min = min(pain_min, excluded.pain_min), pain_max = max(pain_max, excluded.pain_max);
END""",
    """CREATE TRIGGER day_summary_entry_deleted AFTER DELETE ON entries BEGIN
    DELETE FROM day_summary WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_summary (profile_id, day, entries, pain_sum, pain_min, pain_max) SELECT e.profile_id, e.local_day, count(*), sum(e.pain), min(e.pain), max(e.pain) FROM entries e WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY e.profile_id, e.local_day;
    DELETE FROM day_sites WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_sites (profile_id, day, location, uses, hurt, intensity_sum) SELECT e.profile_id, e.local_day, x.location, count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity) FROM entries e JOIN entry_sites x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.location;
    DELETE FROM day_triggers WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_triggers (profile_id, day, slug, uses, pain_sum) SELECT e.profile_id, e.local_day, x.slug, count(*), sum(e.pain) FROM entries e JOIN entry_triggers x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.slug;
    DELETE FROM day_therapies WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_therapies (profile_id, day, therapy, uses, rated, relief_sum) SELECT e.profile_id, e.local_day, x.therapy, count(*), count(x.relief), coalesce(sum(x.relief), 0) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.therapy;
END""",
    """CREATE TRIGGER day_summary_entry_changed AFTER UPDATE OF profile_id, local_day, pain ON entries BEGIN
    DELETE FROM day_summary WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_summary (profile_id, day, entries, pain_sum, pain_min, pain_max) SELECT e.profile_id, e.local_day, count(*), sum(e.pain), min(e.pain), max(e.pain) FROM entries e WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY e.profile_id, e.local_day;
    DELETE FROM day_sites WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_sites (profile_id, day, location, uses, hurt, intensity_sum) SELECT e.profile_id, e.local_day, x.location, count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity) FROM entries e JOIN entry_sites x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.location;
    DELETE FROM day_triggers WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_triggers (profile_id, day, slug, uses, pain_sum) SELECT e.profile_id, e.local_day, x.slug, count(*), sum(e.pain) FROM entries e JOIN entry_triggers x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.slug;
    DELETE FROM day_therapies WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_therapies (profile_id, day, therapy, uses, rated, relief_sum) SELECT e.profile_id, e.local_day, x.therapy, count(*), count(x.relief), coalesce(sum(x.relief), 0) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY x.therapy;
    DELETE FROM day_summary WHERE profile_id = new.profile_id AND day = new.local_day;
    INSERT INTO day_summary (profile_id, day, entries, pain_sum, pain_min, pain_max) SELECT e.profile_id, e.local_day, count(*), sum(e.pain), min(e.pain), max(e.pain) FROM entries e WHERE e.profile_id = new.profile_id AND e.local_day = new.local_day GROUP BY e.profile_id, e.local_day;
    DELETE FROM day_sites WHERE profile_id = new.profile_id AND day = new.local_day;
    INSERT INTO day_sites (profile_id, day, location, uses, hurt, intensity_sum) SELECT e.profile_id, e.local_day, x.location, count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity) FROM entries e JOIN entry_sites x ON x.entry_id = e.id WHERE e.profile_id = new.profile_id AND e.local_day = new.local_day GROUP BY x.location;
    DELETE FROM day_triggers WHERE profile_id = new.profile_id AND day = new.local_day;
    INSERT INTO day_triggers (profile_id, day, slug, uses, pain_sum) SELECT e.profile_id, e.local_day, x.slug, count(*), sum(e.pain) FROM entries e JOIN entry_triggers x ON x.entry_id = e.id WHERE e.profile_id = new.profile_id AND e.local_day = new.local_day GROUP BY x.slug;
    DELETE FROM day_therapies WHERE profile_id = new.profile_id AND day = new.local_day;
    INSERT INTO day_therapies (profile_id, day, therapy, uses, rated, relief_sum) SELECT e.profile_id, e.local_day, x.therapy, count(*), count(x.relief), coalesce(sum(x.relief), 0) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = new.profile_id AND e.local_day = new.local_day GROUP BY x.therapy;
END""",
    """CREATE TRIGGER day_sites_added AFTER INSERT ON entry_sites BEGIN
    INSERT INTO day_sites (profile_id, day, location, uses, hurt, intensity_sum) SELECT e.profile_id, e.local_day, new.location, 1, new.intensity > 0, new.intensity
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT (profile_id, day, location) DO UPDATE SET uses = uses + 1, hurt = hurt + excluded.hurt, intensity_sum = intensity_sum + excluded.intensity_sum;
END""",
    """CREATE TRIGGER day_sites_removed AFTER DELETE ON entry_sites BEGIN
    DELETE FROM day_sites WHERE (profile_id, day) = (SELECT profile_id, local_day FROM entries WHERE id = old.entry_id)
        AND location = old.location;
    INSERT INTO day_sites (profile_id, day, location, uses, hurt, intensity_sum) SELECT e.profile_id, e.local_day, x.location, count(*), count(CASE WHEN x.intensity > 0 THEN 1 END), sum(x.intensity)
        FROM entries d JOIN entries e ON e.profile_id = d.profile_id AND e.local_day = d.local_day
        JOIN entry_sites x ON x.entry_id = e.id AND x.location = old.location
        WHERE d.id = old.entry_id GROUP BY x.location;
END""",
    """CREATE TRIGGER day_triggers_added AFTER INSERT ON entry_triggers BEGIN
    INSERT INTO day_triggers (profile_id, day, slug, uses, pain_sum) SELECT e.profile_id, e.local_day, new.slug, 1, e.pain
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT (profile_id, day, slug) DO UPDATE SET uses = uses + 1, pain_sum = pain_sum + excluded.pain_sum;
END""",
    """CREATE TRIGGER day_triggers_removed AFTER DELETE ON entry_triggers BEGIN
    DELETE FROM day_triggers WHERE (profile_id, day) = (SELECT profile_id, local_day FROM entries WHERE id = old.entry_id)
        AND slug = old.slug;
    INSERT INTO day_triggers (profile_id, day, slug, uses, pain_sum) SELECT e.profile_id, e.local_day, x.slug, count(*), sum(e.pain)
        FROM entries d JOIN entries e ON e.profile_id = d.profile_id AND e.local_day = d.local_day
        JOIN entry_triggers x ON x.entry_id = e.id AND x.slug = old.slug
        WHERE d.id = old.entry_id GROUP BY x.slug;
END""",
    """CREATE TRIGGER day_therapies_added AFTER INSERT ON entry_therapies BEGIN
    INSERT INTO day_therapies (profile_id, day, therapy, uses, rated, relief_sum) SELECT e.profile_id, e.local_day, new.therapy, 1, new.relief IS NOT NULL, coalesce(new.relief, 0)
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT (profile_id, day, therapy) DO UPDATE SET uses = uses + 1, rated = rated + excluded.rated, relief_sum = relief_sum + excluded.relief_sum;
END""",
    """CREATE TRIGGER day_therapies_removed AFTER DELETE ON entry_therapies BEGIN
    DELETE FROM day_therapies WHERE (profile_id, day) = (SELECT profile_id, local_day FROM entries WHERE id = old.entry_id)
        AND therapy = old.therapy;
    INSERT INTO day_therapies (profile_id, day, therapy, uses, rated, relief_sum) SELECT e.profile_id, e.local_day, x.therapy, count(*), count(x.relief), coalesce(sum(x.relief), 0)
        FROM entries d JOIN entries e ON e.profile_id = d.profile_id AND e.local_day = d.local_day
        JOIN entry_therapies x ON x.entry_id = e.id AND x.therapy = old.therapy
        WHERE d.id = old.entry_id GROUP BY x.therapy;
END""",
    """CREATE TABLE tombstones (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    deleted_at TEXT NOT NULL
)""",
    """CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    winner TEXT NOT NULL,
    loser TEXT NOT NULL
)""",
    """CREATE TABLE sync_files (
    path TEXT PRIMARY KEY,
    diary_id TEXT NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL
)""",
    """CREATE UNIQUE INDEX profiles_uid ON profiles(uid)""",
    """CREATE TRIGGER profiles_new AFTER INSERT ON profiles WHEN NEW.changed_at IS NULL BEGIN UPDATE profiles SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER profiles_changed AFTER UPDATE OF id, name, created_utc ON profiles WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE profiles SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER profiles_uid_new AFTER INSERT ON profiles WHEN NEW.uid IS NULL BEGIN UPDATE profiles SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER profiles_gone AFTER DELETE ON profiles BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.uid, 'profile', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER profiles_back AFTER INSERT ON profiles BEGIN DELETE FROM tombstones WHERE id = NEW.uid AND kind = 'profile'; END""",
    """CREATE TRIGGER vocabulary_new AFTER INSERT ON vocabulary WHEN NEW.changed_at IS NULL BEGIN UPDATE vocabulary SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER vocabulary_changed AFTER UPDATE OF kind, slug, name, grp, region, laterality, snomed, builtin, hidden ON vocabulary WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE vocabulary SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER entries_new AFTER INSERT ON entries WHEN NEW.changed_at IS NULL BEGIN UPDATE entries SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER entries_changed AFTER UPDATE OF id, profile_id, at_utc, utc_offset_min, local_day, pain, note, for_doctor, entered_by, created_utc, updated_utc ON entries WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER entries_gone AFTER DELETE ON entries BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'entry', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER entries_back AFTER INSERT ON entries BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'entry'; END""",
    """CREATE TRIGGER checkins_new AFTER INSERT ON checkins WHEN NEW.changed_at IS NULL BEGIN UPDATE checkins SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER checkins_changed AFTER UPDATE OF id, profile_id, day, peg_pain, peg_enjoyment, peg_activity, sleep, mood, note, created_utc, updated_utc, peg_week ON checkins WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE checkins SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER checkins_gone AFTER DELETE ON checkins BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'checkin', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER checkins_back AFTER INSERT ON checkins BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'checkin'; END""",
    """CREATE TRIGGER events_new AFTER INSERT ON events WHEN NEW.changed_at IS NULL BEGIN UPDATE events SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER events_changed AFTER UPDATE OF id, profile_id, kind, at_utc, utc_offset_min, local_day, site, level, procedure, t_score, dxa_site, note, created_utc, updated_utc ON events WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE events SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER events_gone AFTER DELETE ON events BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'event', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER events_back AFTER INSERT ON events BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'event'; END""",
    """CREATE TRIGGER questions_new AFTER INSERT ON questions WHEN NEW.changed_at IS NULL BEGIN UPDATE questions SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER questions_changed AFTER UPDATE OF id, profile_id, text, created_utc, utc_offset_min, status, answer, updated_utc ON questions WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE questions SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER questions_gone AFTER DELETE ON questions BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'question', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER questions_back AFTER INSERT ON questions BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'question'; END""",
    """CREATE TRIGGER bone_treatments_new AFTER INSERT ON bone_treatments WHEN NEW.changed_at IS NULL BEGIN UPDATE bone_treatments SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER bone_treatments_changed AFTER UPDATE OF id, profile_id, medicine, name, every, since, dose, stopped, note, stop_note, created_utc, updated_utc ON bone_treatments WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE bone_treatments SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER bone_treatments_gone AFTER DELETE ON bone_treatments BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'treatment', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER bone_treatments_back AFTER INSERT ON bone_treatments BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'treatment'; END""",
    """CREATE TRIGGER bone_doses_new AFTER INSERT ON bone_doses WHEN NEW.changed_at IS NULL BEGIN UPDATE bone_doses SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER bone_doses_changed AFTER UPDATE OF id, profile_id, treatment_id, medicine, at_utc, utc_offset_min, local_day, note, created_utc, updated_utc ON bone_doses WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE bone_doses SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER bone_doses_gone AFTER DELETE ON bone_doses BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'dose', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER bone_doses_back AFTER INSERT ON bone_doses BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'dose'; END""",
    """CREATE TRIGGER heights_new AFTER INSERT ON heights WHEN NEW.changed_at IS NULL BEGIN UPDATE heights SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER heights_changed AFTER UPDATE OF id, profile_id, at_utc, utc_offset_min, local_day, mm, note, created_utc, updated_utc ON heights WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE heights SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER heights_gone AFTER DELETE ON heights BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'height', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER heights_back AFTER INSERT ON heights BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'height'; END""",
    """CREATE TRIGGER falls_checks_new AFTER INSERT ON falls_checks WHEN NEW.changed_at IS NULL BEGIN UPDATE falls_checks SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER falls_checks_changed AFTER UPDATE OF id, profile_id, at_utc, utc_offset_min, local_day, fell, unsteady, worried, created_utc, updated_utc ON falls_checks WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE falls_checks SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER falls_checks_gone AFTER DELETE ON falls_checks BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'falls_check', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER falls_checks_back AFTER INSERT ON falls_checks BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'falls_check'; END""",
    """CREATE TRIGGER impressions_new AFTER INSERT ON impressions WHEN NEW.changed_at IS NULL BEGIN UPDATE impressions SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER impressions_changed AFTER UPDATE OF id, profile_id, at_utc, utc_offset_min, local_day, score, since_start_of, note, created_utc, updated_utc ON impressions WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE impressions SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER impressions_gone AFTER DELETE ON impressions BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'impression', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER impressions_back AFTER INSERT ON impressions BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'impression'; END""",
    """CREATE TRIGGER side_effects_new AFTER INSERT ON side_effects WHEN NEW.changed_at IS NULL BEGIN UPDATE side_effects SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER side_effects_changed AFTER UPDATE OF id, profile_id, at_utc, utc_offset_min, local_day, medicine, effect, severity, note, created_utc, updated_utc ON side_effects WHEN NEW.changed_at IS OLD.changed_at BEGIN UPDATE side_effects SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds')), base_at = coalesce(OLD.base_at, OLD.changed_at) WHERE rowid = NEW.rowid; END""",
    """CREATE TRIGGER side_effects_gone AFTER DELETE ON side_effects BEGIN INSERT OR REPLACE INTO tombstones (id, kind, deleted_at) VALUES (OLD.id, 'side_effect', max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', OLD.changed_at, '+0.001 seconds'))); END""",
    """CREATE TRIGGER side_effects_back AFTER INSERT ON side_effects BEGIN DELETE FROM tombstones WHERE id = NEW.id AND kind = 'side_effect'; END""",
    """CREATE TRIGGER entry_sites_insert_changes_entry AFTER INSERT ON entry_sites BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_sites_delete_changes_entry AFTER DELETE ON entry_sites BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = OLD.entry_id; END""",
    """CREATE TRIGGER entry_sites_update_changes_entry AFTER UPDATE ON entry_sites BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_qualities_insert_changes_entry AFTER INSERT ON entry_qualities BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_qualities_delete_changes_entry AFTER DELETE ON entry_qualities BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = OLD.entry_id; END""",
    """CREATE TRIGGER entry_qualities_update_changes_entry AFTER UPDATE ON entry_qualities BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_triggers_insert_changes_entry AFTER INSERT ON entry_triggers BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_triggers_delete_changes_entry AFTER DELETE ON entry_triggers BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = OLD.entry_id; END""",
    """CREATE TRIGGER entry_triggers_update_changes_entry AFTER UPDATE ON entry_triggers BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_therapies_insert_changes_entry AFTER INSERT ON entry_therapies BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER entry_therapies_delete_changes_entry AFTER DELETE ON entry_therapies BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = OLD.entry_id; END""",
    """CREATE TRIGGER entry_therapies_update_changes_entry AFTER UPDATE ON entry_therapies BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER self_care_sessions_insert_changes_entry AFTER INSERT ON self_care_sessions BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TRIGGER self_care_sessions_delete_changes_entry AFTER DELETE ON self_care_sessions BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = OLD.entry_id; END""",
    """CREATE TRIGGER self_care_sessions_update_changes_entry AFTER UPDATE ON self_care_sessions BEGIN UPDATE entries SET changed_at = max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, '+0.001 seconds')), base_at = coalesce(base_at, changed_at) WHERE id = NEW.entry_id; END""",
    """CREATE TABLE day_medicines (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    therapy TEXT NOT NULL,
    day TEXT NOT NULL,
    medication TEXT NOT NULL,
    dose TEXT NOT NULL,
    uses INTEGER NOT NULL,
    PRIMARY KEY (profile_id, therapy, day, medication, dose)
) WITHOUT ROWID""",
    """CREATE TABLE month_sites (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    location TEXT NOT NULL,
    uses INTEGER NOT NULL,
    hurt INTEGER NOT NULL,
    intensity_sum INTEGER NOT NULL,
    hurt_days INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, location)
) WITHOUT ROWID""",
    """CREATE TABLE month_triggers (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    slug TEXT NOT NULL,
    uses INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, slug)
) WITHOUT ROWID""",
    """CREATE TABLE month_therapies (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    therapy TEXT NOT NULL,
    uses INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    relief_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, month, therapy)
) WITHOUT ROWID""",
    """CREATE TRIGGER day_medicines_added AFTER INSERT ON entry_therapies BEGIN
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses)
        SELECT e.profile_id, new.therapy, e.local_day, coalesce(new.medication, ''), coalesce(new.dose, ''), 1
        FROM entries e WHERE e.id = new.entry_id
        ON CONFLICT (profile_id, therapy, day, medication, dose) DO UPDATE SET uses = uses + 1;
END""",
    """CREATE TRIGGER day_medicines_removed AFTER DELETE ON entry_therapies BEGIN
    DELETE FROM day_medicines WHERE profile_id = (SELECT profile_id FROM entries WHERE id = old.entry_id) AND day = (SELECT local_day FROM entries WHERE id = old.entry_id) AND therapy = old.therapy;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = (SELECT profile_id FROM entries WHERE id = old.entry_id) AND e.local_day = (SELECT local_day FROM entries WHERE id = old.entry_id) AND x.therapy = old.therapy GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
END""",
    """CREATE TRIGGER day_medicines_changed AFTER UPDATE ON entry_therapies BEGIN
    DELETE FROM day_medicines WHERE profile_id = (SELECT profile_id FROM entries WHERE id = old.entry_id) AND day = (SELECT local_day FROM entries WHERE id = old.entry_id) AND therapy = old.therapy;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = (SELECT profile_id FROM entries WHERE id = old.entry_id) AND e.local_day = (SELECT local_day FROM entries WHERE id = old.entry_id) AND x.therapy = old.therapy GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
    DELETE FROM day_medicines WHERE profile_id = (SELECT profile_id FROM entries WHERE id = new.entry_id) AND day = (SELECT local_day FROM entries WHERE id = new.entry_id) AND therapy = new.therapy;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = (SELECT profile_id FROM entries WHERE id = new.entry_id) AND e.local_day = (SELECT local_day FROM entries WHERE id = new.entry_id) AND x.therapy = new.therapy GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
END""",
    """CREATE TRIGGER day_medicines_entry_deleted AFTER DELETE ON entries BEGIN
    DELETE FROM day_medicines WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
END""",
    """CREATE TRIGGER day_medicines_entry_changed AFTER UPDATE OF profile_id, local_day ON entries BEGIN
    DELETE FROM day_medicines WHERE profile_id = old.profile_id AND day = old.local_day;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = old.profile_id AND e.local_day = old.local_day GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
    DELETE FROM day_medicines WHERE profile_id = new.profile_id AND day = new.local_day;
    INSERT INTO day_medicines (profile_id, therapy, day, medication, dose, uses) SELECT e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, ''), count(*) FROM entries e JOIN entry_therapies x ON x.entry_id = e.id WHERE e.profile_id = new.profile_id AND e.local_day = new.local_day GROUP BY e.profile_id, x.therapy, e.local_day, coalesce(x.medication, ''), coalesce(x.dose, '');
END""",
    """CREATE TRIGGER month_sites_added AFTER INSERT ON day_sites BEGIN
    DELETE FROM month_sites WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND location = new.location;
    INSERT INTO month_sites (profile_id, month, location, uses, hurt, intensity_sum, hurt_days) SELECT s.profile_id, substr(s.day, 1, 7), s.location, sum(s.uses), sum(s.hurt), sum(s.intensity_sum), count(CASE WHEN s.hurt > 0 THEN 1 END) FROM day_sites s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.location = new.location GROUP BY s.location;
END""",
    """CREATE TRIGGER month_sites_removed AFTER DELETE ON day_sites BEGIN
    DELETE FROM month_sites WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND location = old.location;
    INSERT INTO month_sites (profile_id, month, location, uses, hurt, intensity_sum, hurt_days) SELECT s.profile_id, substr(s.day, 1, 7), s.location, sum(s.uses), sum(s.hurt), sum(s.intensity_sum), count(CASE WHEN s.hurt > 0 THEN 1 END) FROM day_sites s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.location = old.location GROUP BY s.location;
END""",
    """CREATE TRIGGER month_sites_changed AFTER UPDATE ON day_sites BEGIN
    DELETE FROM month_sites WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND location = old.location;
    INSERT INTO month_sites (profile_id, month, location, uses, hurt, intensity_sum, hurt_days) SELECT s.profile_id, substr(s.day, 1, 7), s.location, sum(s.uses), sum(s.hurt), sum(s.intensity_sum), count(CASE WHEN s.hurt > 0 THEN 1 END) FROM day_sites s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.location = old.location GROUP BY s.location;
    DELETE FROM month_sites WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND location = new.location;
    INSERT INTO month_sites (profile_id, month, location, uses, hurt, intensity_sum, hurt_days) SELECT s.profile_id, substr(s.day, 1, 7), s.location, sum(s.uses), sum(s.hurt), sum(s.intensity_sum), count(CASE WHEN s.hurt > 0 THEN 1 END) FROM day_sites s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.location = new.location GROUP BY s.location;
END""",
    """CREATE TRIGGER month_triggers_added AFTER INSERT ON day_triggers BEGIN
    DELETE FROM month_triggers WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND slug = new.slug;
    INSERT INTO month_triggers (profile_id, month, slug, uses, pain_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.slug, sum(s.uses), sum(s.pain_sum) FROM day_triggers s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.slug = new.slug GROUP BY s.slug;
END""",
    """CREATE TRIGGER month_triggers_removed AFTER DELETE ON day_triggers BEGIN
    DELETE FROM month_triggers WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND slug = old.slug;
    INSERT INTO month_triggers (profile_id, month, slug, uses, pain_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.slug, sum(s.uses), sum(s.pain_sum) FROM day_triggers s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.slug = old.slug GROUP BY s.slug;
END""",
    """CREATE TRIGGER month_triggers_changed AFTER UPDATE ON day_triggers BEGIN
    DELETE FROM month_triggers WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND slug = old.slug;
    INSERT INTO month_triggers (profile_id, month, slug, uses, pain_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.slug, sum(s.uses), sum(s.pain_sum) FROM day_triggers s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.slug = old.slug GROUP BY s.slug;
    DELETE FROM month_triggers WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND slug = new.slug;
    INSERT INTO month_triggers (profile_id, month, slug, uses, pain_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.slug, sum(s.uses), sum(s.pain_sum) FROM day_triggers s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.slug = new.slug GROUP BY s.slug;
END""",
    """CREATE TRIGGER month_therapies_added AFTER INSERT ON day_therapies BEGIN
    DELETE FROM month_therapies WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND therapy = new.therapy;
    INSERT INTO month_therapies (profile_id, month, therapy, uses, rated, relief_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.therapy, sum(s.uses), sum(s.rated), sum(s.relief_sum) FROM day_therapies s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.therapy = new.therapy GROUP BY s.therapy;
END""",
    """CREATE TRIGGER month_therapies_removed AFTER DELETE ON day_therapies BEGIN
    DELETE FROM month_therapies WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND therapy = old.therapy;
    INSERT INTO month_therapies (profile_id, month, therapy, uses, rated, relief_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.therapy, sum(s.uses), sum(s.rated), sum(s.relief_sum) FROM day_therapies s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.therapy = old.therapy GROUP BY s.therapy;
END""",
    """CREATE TRIGGER month_therapies_changed AFTER UPDATE ON day_therapies BEGIN
    DELETE FROM month_therapies WHERE profile_id = old.profile_id AND month = substr(old.day, 1, 7) AND therapy = old.therapy;
    INSERT INTO month_therapies (profile_id, month, therapy, uses, rated, relief_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.therapy, sum(s.uses), sum(s.rated), sum(s.relief_sum) FROM day_therapies s WHERE s.profile_id = old.profile_id AND s.day BETWEEN substr(old.day, 1, 7) || '-01' AND substr(old.day, 1, 7) || '-31' AND s.therapy = old.therapy GROUP BY s.therapy;
    DELETE FROM month_therapies WHERE profile_id = new.profile_id AND month = substr(new.day, 1, 7) AND therapy = new.therapy;
    INSERT INTO month_therapies (profile_id, month, therapy, uses, rated, relief_sum) SELECT s.profile_id, substr(s.day, 1, 7), s.therapy, sum(s.uses), sum(s.rated), sum(s.relief_sum) FROM day_therapies s WHERE s.profile_id = new.profile_id AND s.day BETWEEN substr(new.day, 1, 7) || '-01' AND substr(new.day, 1, 7) || '-31' AND s.therapy = new.therapy GROUP BY s.therapy;
END""",
    """CREATE INDEX entries_profile_updated ON entries(profile_id, updated_utc)""",
    """CREATE INDEX checkins_profile_updated ON checkins(profile_id, updated_utc)""",
    """CREATE INDEX self_care_sessions_sums ON self_care_sessions(therapy, entry_id, completed, duration_s, pain_before, pain_after)""",
    """CREATE INDEX entries_id_owner ON entries(id, profile_id, local_day)""",
    """CREATE INDEX entry_therapies_relief ON entry_therapies(entry_id, therapy, relief)""",
    """CREATE TABLE week_peg (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    checkins INTEGER NOT NULL,
    daily INTEGER NOT NULL,
    pain_sum INTEGER NOT NULL,
    enjoyment_sum INTEGER NOT NULL,
    activity_sum INTEGER NOT NULL,
    PRIMARY KEY (profile_id, week)
) WITHOUT ROWID""",
    """CREATE TRIGGER week_peg_checkin_added AFTER INSERT ON checkins BEGIN
    DELETE FROM week_peg WHERE profile_id = new.profile_id AND week = date(new.day, 'weekday 0', '-6 days');
    INSERT INTO week_peg (profile_id, week, checkins, daily, pain_sum, enjoyment_sum, activity_sum) SELECT c.profile_id, date(new.day, 'weekday 0', '-6 days'), count(*), sum(1 - c.peg_week), sum(c.peg_pain), sum(c.peg_enjoyment), sum(c.peg_activity) FROM checkins c WHERE c.profile_id = new.profile_id AND c.day BETWEEN date(new.day, 'weekday 0', '-6 days') AND date(date(new.day, 'weekday 0', '-6 days'), '+6 days') AND c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL GROUP BY c.profile_id;
END""",
    """CREATE TRIGGER week_peg_checkin_removed AFTER DELETE ON checkins BEGIN
    DELETE FROM week_peg WHERE profile_id = old.profile_id AND week = date(old.day, 'weekday 0', '-6 days');
    INSERT INTO week_peg (profile_id, week, checkins, daily, pain_sum, enjoyment_sum, activity_sum) SELECT c.profile_id, date(old.day, 'weekday 0', '-6 days'), count(*), sum(1 - c.peg_week), sum(c.peg_pain), sum(c.peg_enjoyment), sum(c.peg_activity) FROM checkins c WHERE c.profile_id = old.profile_id AND c.day BETWEEN date(old.day, 'weekday 0', '-6 days') AND date(date(old.day, 'weekday 0', '-6 days'), '+6 days') AND c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL GROUP BY c.profile_id;
END""",
    """CREATE TRIGGER week_peg_checkin_changed AFTER UPDATE OF profile_id, day, peg_pain, peg_enjoyment, peg_activity,
    peg_week ON checkins BEGIN
    DELETE FROM week_peg WHERE profile_id = old.profile_id AND week = date(old.day, 'weekday 0', '-6 days');
    INSERT INTO week_peg (profile_id, week, checkins, daily, pain_sum, enjoyment_sum, activity_sum) SELECT c.profile_id, date(old.day, 'weekday 0', '-6 days'), count(*), sum(1 - c.peg_week), sum(c.peg_pain), sum(c.peg_enjoyment), sum(c.peg_activity) FROM checkins c WHERE c.profile_id = old.profile_id AND c.day BETWEEN date(old.day, 'weekday 0', '-6 days') AND date(date(old.day, 'weekday 0', '-6 days'), '+6 days') AND c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL GROUP BY c.profile_id;
    DELETE FROM week_peg WHERE profile_id = new.profile_id AND week = date(new.day, 'weekday 0', '-6 days');
    INSERT INTO week_peg (profile_id, week, checkins, daily, pain_sum, enjoyment_sum, activity_sum) SELECT c.profile_id, date(new.day, 'weekday 0', '-6 days'), count(*), sum(1 - c.peg_week), sum(c.peg_pain), sum(c.peg_enjoyment), sum(c.peg_activity) FROM checkins c WHERE c.profile_id = new.profile_id AND c.day BETWEEN date(new.day, 'weekday 0', '-6 days') AND date(date(new.day, 'weekday 0', '-6 days'), '+6 days') AND c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL GROUP BY c.profile_id;
END""",
)
