"""Where the size is the user's (issue 15): `list`, `export` and `import` of every entry, time and peak memory.

Each is a whole process on the bench diary. The floors do the same work with nothing but the
standard library: read every entry with sqlite3 and write it as JSON; load the export with
``json`` and insert its entries with ``executemany``; and, for memory, a process that opens
SQLite and inserts one row (what any command costs before the diary's size matters).
"""

from __future__ import annotations

from bench import OUT, MiB, Row, below  # bench/ is on sys.path when bench.py runs

INSERT_ONE = (
    "import sqlite3; c = sqlite3.connect({db!r}); "
    "c.execute('CREATE TABLE IF NOT EXISTS t (id TEXT, at TEXT, pain INTEGER)'); "
    "c.execute(\"INSERT INTO t VALUES ('x', '2026-11-24T09:00:00Z', 6)\"); c.commit()"
)
# Every entry of the diary as JSON on standard output, straight from SQLite.
LIST_FLOOR = (
    "import json, sqlite3, sys; c = sqlite3.connect('file:{db}?mode=ro', uri=True); c.row_factory = sqlite3.Row; "
    "rows = c.execute('SELECT * FROM entries ORDER BY at_utc DESC'); "
    "sys.stdout.write(json.dumps([dict(r) for r in rows], ensure_ascii=False))"
)
# The export's entries read with json and inserted in one transaction into a fresh table.
IMPORT_FLOOR = (
    "import json, sqlite3; d = json.load(open({export!r}, encoding='utf-8')); c = sqlite3.connect({db!r}); "
    "c.execute('CREATE TABLE t (id TEXT PRIMARY KEY, at TEXT, pain INTEGER, note TEXT)'); "
    "c.executemany('INSERT INTO t VALUES (?, ?, ?, ?)', "
    "((e['id'], e['at'], e['pain'], e['note']) for p in d['profiles'] for e in p['entries'])); c.commit()"
)
FLAT = "< 60 MiB, flat in the diary's size (issue 15)"


def rows(ctx):
    floor_db = OUT / "floor.db"
    export = OUT / f"export-{ctx.years:g}y.json"
    ctx.run("export", "-o", str(export), "--force")
    target = OUT / "import-export-target.db"
    floor_target = OUT / "import-floor.db"

    def fresh(path, fn):
        def run() -> float:
            for leftover in path.parent.glob(f"{path.name}*"):
                leftover.unlink()
            return fn()
        return run

    insert_one = INSERT_ONE.format(db=str(floor_db))
    out = [
        Row(name="list --format json (every entry)", target=lambda: ctx.run("list", "--format", "json"),
            floor=lambda: ctx.python_c(LIST_FLOOR.format(db=ctx.diary)),
            floor_name="python -c: sqlite3 rows to json.dumps", goal="< 0.5 s at 10 y (issue 15)",
            met=below(0.5) if ctx.years <= 10 else None, sized=True, repeat=max(3, ctx.repeat // 3)),
        Row(name="peak memory: list --format json", unit="MiB",
            target=lambda: ctx.peak_memory("list", "--format", "json"),
            floor=lambda: ctx.python_c_memory(insert_one), floor_name="python -c: open SQLite, insert a row",
            goal=FLAT, met=lambda value, base: value < 60 * MiB, sized=True, repeat=3),
        Row(name="export --format json (all)", target=lambda: ctx.run("export", "-o", str(export), "--force"),
            floor=lambda: ctx.python_c(LIST_FLOOR.format(db=ctx.diary)),
            floor_name="python -c: sqlite3 rows to json.dumps", goal="", sized=True,
            repeat=max(3, ctx.repeat // 3)),
        Row(name="peak memory: export --format csv (zip)", unit="MiB",
            target=lambda: ctx.peak_memory("export", "--format", "csv", "-o", str(OUT / "export.zip"), "--force"),
            floor=lambda: ctx.python_c_memory(insert_one), floor_name="python -c: open SQLite, insert a row",
            goal=FLAT, met=lambda value, base: value < 60 * MiB, sized=True, repeat=3),
        Row(name="import of an export into an empty diary",
            target=fresh(target, lambda: ctx.run("import", str(export), db=target)),
            floor=fresh(floor_target, lambda: ctx.python_c(IMPORT_FLOOR.format(export=str(export),
                                                                                 db=str(floor_target)))),
            floor_name="python -c: json.load, executemany insert", goal="< 1 s at 10 y (issue 15)",
            met=below(1.0) if ctx.years <= 10 else None, sized=True, repeat=max(3, ctx.repeat // 3)),
    ]
    return out
