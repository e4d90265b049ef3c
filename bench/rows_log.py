"""Quick log: `osteotrack log` as a whole process, against a bare sqlite3 insert."""

from __future__ import annotations

from bench import Row, fresh_copy, ratio_at_most  # bench/ is on sys.path when bench.py runs


def rows(ctx):
    diary = fresh_copy(ctx.diary, ctx.diary.with_name("log-target.db"))
    floor_db = ctx.diary.with_name("floor.db")
    floor = (
        f"import sqlite3; c = sqlite3.connect({str(floor_db)!r}); "
        "c.execute('CREATE TABLE IF NOT EXISTS t (id TEXT, at TEXT, pain INTEGER)'); "
        "c.execute(\"INSERT INTO t VALUES ('x', '2026-11-24T09:00:00Z', 6)\"); c.commit()"
    )
    return [
        Row(
            name="osteotrack log (whole process)",
            target=lambda: ctx.run("log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending",
                                   "--therapy", "heat:60", db=diary),
            floor=lambda: ctx.python_c(floor),
            floor_name="python -c: open SQLite, insert a row",
            goal="≤ 2× (PRODUCT.md, issue 15)", met=ratio_at_most(2.0),
        )
    ]
