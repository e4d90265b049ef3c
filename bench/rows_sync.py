"""Sync (issue 18): `osteotrack sync` of a 10-year diary with its JSON export, against importing the same file.

Self-contained: the copies it needs are made here, beside the cached demo diary.
"""

from __future__ import annotations

import shutil
import subprocess

from bench import Row  # bench/ is on sys.path when bench.py runs


def rows(ctx):
    work = ctx.diary.parent / "sync"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    export = work / "export.json"
    subprocess.run([ctx.python, "-m", "osteotrack", "--db", str(ctx.diary), "export", "-o", str(export)],
                   check=True, capture_output=True, env=ctx.env)
    here = work / "here.db"
    shutil.copy(ctx.diary, here)
    fresh = work / "fresh.db"

    def sync() -> float:
        # Every record compared, none new after the first run: what a regular hand-over costs.
        return ctx.run("sync", str(export), db=here)

    def import_() -> float:
        for leftover in work.glob("fresh.db*"):
            leftover.unlink()
        return ctx.run("import", str(export), db=fresh)

    return [
        Row(
            name=f"osteotrack sync of a {ctx.years:g}-year diary with its JSON export (whole process)",
            target=sync,
            floor=import_,
            floor_name="osteotrack import of the same file into a new diary",
            goal="no more than 2x the import",
        ),
    ]
