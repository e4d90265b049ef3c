"""Many rows to a statement (store.part.insert_rows) insert what executemany inserts, in the same order."""

from __future__ import annotations

import sqlite3

import pytest

from osteotrack.store.part import CHUNK, insert_rows


@pytest.mark.parametrize("count", [0, 1, CHUNK // 4 - 1, CHUNK // 4, CHUNK // 4 + 1, 1000])
def test_rows_inserted_many_to_a_statement_are_those_executemany_inserts(count):
    conn = sqlite3.connect(":memory:")
    rows = [(f"id-{i}", i % 7, None if i % 3 else f"note {i}", i / 2) for i in range(count)]
    for table in ("one_a_statement", "many_a_statement"):
        conn.execute(f"CREATE TABLE {table} (id TEXT, n INTEGER, note TEXT, x REAL)")
    conn.executemany("INSERT INTO one_a_statement (id, n, note, x) VALUES (?, ?, ?, ?)", rows)
    insert_rows(conn, "INSERT INTO many_a_statement (id, n, note, x)", rows)
    assert conn.execute("SELECT rowid, * FROM many_a_statement ORDER BY rowid").fetchall() == \
        conn.execute("SELECT rowid, * FROM one_a_statement ORDER BY rowid").fetchall()
    assert conn.execute("SELECT count(*) FROM many_a_statement").fetchone()[0] == count
