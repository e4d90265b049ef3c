"""Reliability and memory: backup speed, peak memory, and a crash-kill loop that counts lost entries."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from bench import ROOT, MiB, Row, fresh_copy  # bench/ is on sys.path when bench.py runs

KILLS = 50


def rows(ctx):
    out = ctx.diary.with_name("backup-target.db")
    floor_db = ctx.diary.with_name("floor.db")
    insert = (
        f"import sqlite3; c = sqlite3.connect({str(floor_db)!r}); "
        "c.execute('CREATE TABLE IF NOT EXISTS t (id TEXT, at TEXT, pain INTEGER)'); "
        "c.execute(\"INSERT INTO t VALUES ('x', '2026-11-24T09:00:00Z', 6)\"); c.commit()"
    )
    bare_backup = (
        f"import sqlite3; s = sqlite3.connect({str(ctx.diary)!r}); d = sqlite3.connect({str(out)!r}); s.backup(d); "
        "d.close()"
    )

    def fresh(fn):
        def run() -> float:
            out.unlink(missing_ok=True)
            return fn()
        return run

    log_args = ("log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending", "--therapy", "heat:60")
    log_diary = fresh_copy(ctx.diary, ctx.diary.with_name("memory-log.db"))
    return [
        Row(
            name="osteotrack backup (whole process)",
            target=fresh(lambda: ctx.run("backup", str(out))),
            floor=fresh(lambda: ctx.python_c(bare_backup)),
            floor_name="python -c: sqlite3 backup API",
            goal="safe while the app writes; checked copy",
        ),
        Row(
            name="peak memory: osteotrack log",
            target=lambda: ctx.peak_memory(*log_args, db=log_diary),
            floor=lambda: ctx.python_c_memory(insert),
            floor_name="python -c: open SQLite, insert a row",
            unit="MiB", repeat=3,
        ),
        Row(
            name="peak memory: export --format json (all)",
            target=lambda: ctx.peak_memory("export", "-o", "-"),
            floor=lambda: ctx.python_c_memory(insert),
            floor_name="python -c: open SQLite, insert a row",
            unit="MiB", repeat=3, goal="< 60 MiB at any size (issue 15)", sized=True,
            met=lambda value, base: value < 60 * MiB,
        ),
        Row(
            name=f"crash: entries lost in {KILLS} SIGKILLs",
            target=lambda: crash_loop(ctx, KILLS),
            unit="n", repeat=1, warm=False, goal="0, and integrity_check ok after each kill", slow=True,
            met=lambda value, base: value == 0,
        ),
    ]


def crash_loop(ctx, kills: int) -> float:
    """Kill the test suite's writer ``kills`` times at random; count committed entries lost or failed checks."""
    diary = ctx.diary.with_name("crash.db")
    diary.unlink(missing_ok=True)
    rng = random.Random(1)
    reported: set[str] = set()
    bad = 0
    for _ in range(kills):
        writer = subprocess.Popen([ctx.python, str(ROOT / "tests" / "crash_writer.py"), str(diary)],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  env={**ctx.env, "PYTHONPATH": str(ROOT)})
        first = writer.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.1))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        reported.update((first + out).decode().split("\n")[:-1])
        conn = sqlite3.connect(diary)
        try:
            bad += conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
            bad += len(reported - {r[0] for r in conn.execute("SELECT id FROM entries")})
        finally:
            conn.close()
    for leftover in Path(diary.parent).glob(f"{diary.name}*"):
        leftover.unlink()
    return float(bad)
