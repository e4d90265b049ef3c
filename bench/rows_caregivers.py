"""Caregivers: `osteotrack remind` in a shell start-up file, and the overview of a 10-year diary."""

from __future__ import annotations

from bench import OUT, Row, below  # bench/ is on sys.path when bench.py runs


def rows(ctx):
    floor = (
        f"import sqlite3; c = sqlite3.connect('file:{ctx.diary}?mode=ro', uri=True); "
        "c.execute('SELECT count(*) FROM entries WHERE local_day = date()').fetchone()"
    )
    overview = (
        "import time; from osteotrack.store import Diary; "
        "from osteotrack.analysis.alerts import overview; from datetime import date; "
        f"d = Diary.open({str(ctx.diary)!r}, read_only=True); shown = d.profile(d.active_profile()).id; "
        "s = time.perf_counter(); overview(d, date.today(), shown); "
        "print(time.perf_counter() - s)"
    )
    return [
        Row(
            name="osteotrack remind (whole process)",
            target=lambda: ctx.run("remind"),
            floor=lambda: ctx.python_c(floor),
            floor_name="python -c: open SQLite, count today",
            goal="shell start-up: no slower than `osteotrack log`",
        ),
        Row(
            name="overview of every profile (in-process)",
            target=lambda: _printed_seconds(ctx, overview),
            goal="< 50 ms (a trend view over the diary)", met=below(0.050), sized=True,
        ),
    ]


def _printed_seconds(ctx, code: str) -> float:
    import subprocess

    out = subprocess.run([ctx.python, "-c", code], check=True, capture_output=True, text=True, env=ctx.env,
                         cwd=OUT)
    return float(out.stdout.strip())
