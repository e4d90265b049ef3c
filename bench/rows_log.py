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

    def log(env: dict, at: str) -> float:
        return ctx.run("log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending", "--therapy", "heat:60",
                       "--at", at, db=diary, env=env)

    return [
        Row(
            name="osteotrack log (whole process)",
            target=lambda: ctx.run("log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending",
                                   "--therapy", "heat:60", db=diary),
            floor=lambda: ctx.python_c(floor),
            floor_name="python -c: open SQLite, insert a row",
            goal="≤ 2× (PRODUCT.md, issue 15)", met=ratio_at_most(2.0),
        ),
        # In another language its catalog is loaded, the time read in its words and written in its order: measured
        # against the same log in English, in the same run.
        Row(
            name="osteotrack log, German: --at 'gestern 19 Uhr'",
            target=lambda: log(env={"OSTEOTRACK_LANG": "de"}, at="gestern 19 Uhr"),
            floor=lambda: log(env={"OSTEOTRACK_LANG": "en"}, at="yesterday 19:00"),
            floor_name="the same log in English: 'yesterday 19:00'",
            goal="≤ 1.1× English (issue 17)", met=ratio_at_most(1.1),
        ),
    ]
