"""A new diary is made at once in its final schema (store/fresh_schema.py), not step by step: it must be the very
diary the steps make, so that the two can never drift apart."""

from __future__ import annotations

import re
import sqlite3

from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.store import Diary, fresh_schema, schema
from osteotrack.store.connection import apply_to_new, stepwise_schema

HEX_ID = re.compile(r"[0-9a-f]{32}")


def test_the_fresh_schema_is_what_the_steps_leave_and_covers_every_step():
    regenerate = "store/fresh_schema.py is out of date: run python scripts/write_fresh_schema.py"
    assert list(fresh_schema.STEPS) == schema.STEP_NAMES, regenerate
    assert fresh_schema.SCHEMA == stepwise_schema(schema.MIGRATION_SET, schema.STEPS), regenerate


def _tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Each table, with the order its rows are read in: by rowid, or by key (a table WITHOUT ROWID)."""
    return [(name, "1" if sql.endswith("WITHOUT ROWID") else "rowid") for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def _contents(conn: sqlite3.Connection) -> dict:
    """Every row of every table, in order, with what differs from one new diary to the next (its creation time,
    the random ids) checked for its form and left out."""
    out = {}
    for table, order in _tables(conn):
        cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
        columns = [c[0] for c in cursor.description]
        rows = []
        for values in cursor:
            row = dict(zip(columns, values))
            if table == "profiles":
                # The default profile: a uid of its own, changed when it was made (to the millisecond).
                assert HEX_ID.fullmatch(row.pop("uid"))
                created = row.pop("created_utc")
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created)
                assert row.pop("changed_at") == created[:-1] + ".000Z"
            elif table == "settings" and row["key"] == "diary_id":
                assert HEX_ID.fullmatch(row.pop("value"))
            elif table == "_sqlite_migrations":
                assert row.pop("applied_at")
            rows.append(row)
        out[table] = (columns, rows)
    return out


def test_a_new_diary_made_at_once_is_the_diary_the_steps_make(tmp_path):
    Diary.open(tmp_path / "at-once.db").close()
    stepwise = sqlite3.connect(tmp_path / "stepwise.db", isolation_level=None)
    apply_to_new(stepwise, schema.MIGRATION_SET, schema.STEPS)
    stepwise.close()
    Diary.open(tmp_path / "stepwise.db").close()  # (nothing left to apply: it is only set up as any diary)

    at_once, stepwise = sqlite3.connect(tmp_path / "at-once.db"), sqlite3.connect(tmp_path / "stepwise.db")
    master = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
    # Tables, indexes and triggers alike, in the same order (triggers on one table fire in their order).
    assert at_once.execute(master).fetchall() == stepwise.execute(master).fetchall()
    for pragma in ("user_version", "journal_mode", "page_size", "encoding"):
        assert at_once.execute(f"PRAGMA {pragma}").fetchall() == stepwise.execute(f"PRAGMA {pragma}").fetchall()
    assert _contents(at_once) == _contents(stepwise)
    assert [name for (name,) in at_once.execute("SELECT name FROM _sqlite_migrations ORDER BY id")] == \
        schema.STEP_NAMES
    # The rows a new diary starts with: every built-in term, and the one profile "me".
    assert at_once.execute("SELECT count(*) FROM vocabulary WHERE builtin = 1").fetchone()[0] == len(BUILTIN)
    assert at_once.execute("SELECT name FROM profiles").fetchall() == [("me",)]
    at_once.close()
    stepwise.close()


def test_a_step_after_the_fresh_schema_is_applied_on_top_of_it(tmp_path, monkeypatch):
    def m099_profile_colour(db):
        db.conn.execute("ALTER TABLE profiles ADD COLUMN colour TEXT")

    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, m099_profile_colour])
    monkeypatch.setattr(schema, "STEP_NAMES", [*schema.STEP_NAMES, "m099_profile_colour"])
    with Diary.open(tmp_path / "new.db") as diary:
        assert "colour" in {c[1] for c in diary._conn.execute("PRAGMA table_info(profiles)")}
        assert [r[0] for r in diary._conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")] == \
            schema.STEP_NAMES
