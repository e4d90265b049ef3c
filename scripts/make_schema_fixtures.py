"""Make the schema fixtures: a small diary as each released schema step left it.

    python scripts/make_schema_fixtures.py [--force]

For every step in ``osteotrack.store.schema.STEPS`` this writes
``tests/fixtures/schema-<step>.db``: the migration steps themselves applied up
to that step (``stop_before`` the next one), then a few known records written
into that step's tables. ``tests/functional/test_migrations.py`` migrates each
one to the current schema and checks the records by hand.

A fixture stands for diaries already out in the world, so an existing one is
never rewritten (unless ``--force``). When you add a schema step, run this to
add its fixture, and add to ``RECORDS`` whatever the new step can hold.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

# Records each step's tables can hold, by the step that introduced them; a fixture
# for step N holds the records of every step up to N.
RECORDS = {
    "m001_initial": {
        "profiles": [{"id": 2, "name": "Ann", "created_utc": "2024-02-01T09:00:00Z"}],
        "vocabulary": [{"kind": "trigger", "slug": "gardening", "name": "Gardening", "builtin": 0, "hidden": 0}],
        "entries": [
            {"id": "0a000000-0000-4000-8000-000000000001", "profile_id": 1, "at_utc": "2024-03-01T18:30:00Z",
             "utc_offset_min": 60, "local_day": "2024-03-01", "pain": 7, "note": "after gardening",
             "for_doctor": 1, "entered_by": None,
             "created_utc": "2024-03-01T18:31:00Z", "updated_utc": "2024-03-01T18:31:00Z"},
            {"id": "0a000000-0000-4000-8000-000000000002", "profile_id": 2, "at_utc": "2024-03-02T07:00:00Z",
             "utc_offset_min": -300, "local_day": "2024-03-02", "pain": 3, "note": "", "for_doctor": 0,
             "entered_by": "Sam", "created_utc": "2024-03-02T07:01:00Z", "updated_utc": "2024-03-02T07:01:00Z"},
        ],
        "entry_sites": [
            {"entry_id": "0a000000-0000-4000-8000-000000000001", "location": "mid-back", "intensity": 8, "level": "T8"},
            {"entry_id": "0a000000-0000-4000-8000-000000000001", "location": "rib-left", "intensity": 4, "level": None},
        ],
        "entry_qualities": [{"entry_id": "0a000000-0000-4000-8000-000000000001", "slug": "aching"}],
        "entry_triggers": [{"entry_id": "0a000000-0000-4000-8000-000000000001", "slug": "gardening"},
                           {"entry_id": "0a000000-0000-4000-8000-000000000001", "slug": "bending"}],
        "entry_therapies": [
            {"entry_id": "0a000000-0000-4000-8000-000000000001", "therapy": "heat", "relief": 60,
             "medication": None, "dose": None},
            {"entry_id": "0a000000-0000-4000-8000-000000000001", "therapy": "otc-pain-medication",
             "relief": 40, "medication": "ibuprofen", "dose": "400 mg"},
        ],
        "checkins": [{"id": "0c000000-0000-4000-8000-000000000001", "profile_id": 1, "day": "2024-03-01",
                      "peg_pain": 6, "peg_enjoyment": 5, "peg_activity": 7, "sleep": 4, "mood": 6,
                      "note": "bad night", "created_utc": "2024-03-01T21:00:00Z",
                      "updated_utc": "2024-03-01T21:00:00Z"}],
        "events": [{"id": "0e000000-0000-4000-8000-000000000001", "profile_id": 1, "kind": "fracture",
                    "at_utc": "2024-02-10T10:00:00Z", "utc_offset_min": 60, "local_day": "2024-02-10",
                    "site": "mid-back", "level": "T8", "procedure": None, "t_score": None, "dxa_site": None,
                    "note": "", "created_utc": "2024-02-10T12:00:00Z", "updated_utc": "2024-02-10T12:00:00Z"}],
        "questions": [{"id": "0f000000-0000-4000-8000-000000000001", "profile_id": 1,
                       "text": "Can I carry the shopping?", "created_utc": "2024-03-01T19:00:00Z",
                       "utc_offset_min": 60, "status": "open", "answer": "",
                       "updated_utc": "2024-03-01T19:00:00Z"}],
    },
    "m004_bone_care": {
        "bone_treatments": [{"id": "0b000000-0000-4000-8000-000000000001", "profile_id": 1, "medicine": "alendronate",
                             "name": "", "every": "1w", "since": "2024-01-01", "dose": "70 mg",
                             "stopped": "2024-06-30", "note": "", "stop_note": "switched",
                             "created_utc": "2024-01-01T08:00:00Z", "updated_utc": "2024-07-01T08:00:00Z"}],
        "bone_doses": [{"id": "0d000000-0000-4000-8000-000000000001", "profile_id": 1,
                        "treatment_id": "0b000000-0000-4000-8000-000000000001", "medicine": "alendronate",
                        "at_utc": "2024-01-01T07:00:00Z", "utc_offset_min": 60, "local_day": "2024-01-01",
                        "note": "", "created_utc": "2024-01-01T08:00:00Z", "updated_utc": "2024-01-01T08:00:00Z"}],
        "heights": [{"id": "0a100000-0000-4000-8000-000000000001", "profile_id": 1, "at_utc": "2024-01-01T09:00:00Z",
                     "utc_offset_min": 60, "local_day": "2024-01-01", "mm": 1625, "note": "",
                     "created_utc": "2024-01-01T09:00:00Z", "updated_utc": "2024-01-01T09:00:00Z"}],
        "falls_checks": [{"id": "0a200000-0000-4000-8000-000000000001", "profile_id": 1,
                          "at_utc": "2024-01-02T09:00:00Z", "utc_offset_min": 60, "local_day": "2024-01-02",
                          "fell": 1, "unsteady": 0, "worried": 1, "created_utc": "2024-01-02T09:00:00Z",
                          "updated_utc": "2024-01-02T09:00:00Z"}],
        "impressions": [{"id": "0a300000-0000-4000-8000-000000000001", "profile_id": 1,
                         "at_utc": "2024-02-01T09:00:00Z", "utc_offset_min": 60, "local_day": "2024-02-01",
                         "score": 3, "since_start_of": "alendronate", "note": "",
                         "created_utc": "2024-02-01T09:00:00Z", "updated_utc": "2024-02-01T09:00:00Z"}],
        "side_effects": [{"id": "0a400000-0000-4000-8000-000000000001", "profile_id": 1,
                          "at_utc": "2024-01-03T09:00:00Z", "utc_offset_min": 60, "local_day": "2024-01-03",
                          "medicine": "alendronate", "effect": "heartburn", "severity": 3, "note": "",
                          "created_utc": "2024-01-03T09:00:00Z", "updated_utc": "2024-01-03T09:00:00Z"}],
        "events": [{"id": "0e000000-0000-4000-8000-000000000002", "profile_id": 1, "kind": "near-fall",
                    "at_utc": "2024-02-20T16:00:00Z", "utc_offset_min": 60, "local_day": "2024-02-20",
                    "site": None, "level": None, "procedure": None, "t_score": None, "dxa_site": None,
                    "note": "tripped on the rug", "created_utc": "2024-02-20T16:00:00Z",
                    "updated_utc": "2024-02-20T16:00:00Z"}],
    },
}


def make_fixture(step_index: int, path: Path) -> None:
    """A diary built by the steps up to ``STEPS[step_index]``, holding the records those steps can hold."""
    from sqlite_utils import Database

    from osteotrack.store import schema

    names = schema.STEP_NAMES
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    db.execute("PRAGMA journal_mode = WAL")  # as every diary osteotrack writes
    stop = names[step_index + 1] if step_index + 1 < len(names) else None
    schema.migrations().apply(db, stop_before=stop)
    with db.atomic():
        for step in names[: step_index + 1]:
            for table, rows in RECORDS.get(step, {}).items():
                db[table].insert_all(rows)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rewrite fixtures that already exist")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from osteotrack.store import schema

    FIXTURES.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(schema.STEP_NAMES):
        path = FIXTURES / f"schema-{name}.db"
        if path.exists() and not args.force:
            print(f"kept    {path.relative_to(ROOT)}")
            continue
        path.unlink(missing_ok=True)
        make_fixture(index, path)
        print(f"wrote   {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
