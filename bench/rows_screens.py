"""The app's screens on the bench diary (issue 15): Trends on "All", `r` and the Calendar tab; History
scrolled page after page to its last entry. Each run is a process of its own (bench/screen_probe.py),
so its peak memory is its own; the floor pushes a one-line screen and redraws it on a key.
"""

from __future__ import annotations

import json
import subprocess

from bench import HERE, OUT, MiB, Row, below  # bench/ is on sys.path when bench.py runs

PROBE = HERE / "screen_probe.py"


def probe(ctx, mode: str) -> dict:
    out = subprocess.run([ctx.python, str(PROBE), mode, str(ctx.diary)], check=True, capture_output=True, text=True,
                         env=ctx.env, cwd=OUT)
    return json.loads(out.stdout)


def probe_memory(ctx, mode: str) -> float:
    code = (f"import runpy, sys; sys.argv = [{str(PROBE)!r}, {mode!r}, {str(ctx.diary)!r}]; "
            "runpy.run_path(sys.argv[0], run_name='__main__')")
    return ctx.python_c_memory(code)


def rows(ctx):
    bare = lambda: probe(ctx, "bare")["seconds"]  # noqa: E731
    trends_bound = 0.150 if ctx.years <= 10 else 0.300
    return [
        Row(name="Trends screen: All, r, Calendar (slowest)", target=lambda: probe(ctx, "trends")["seconds"],
            floor=bare, floor_name="push a one-line screen, redraw on a key",
            goal="< 150 ms at 10 y, < 300 ms at 60 y (issue 15)", met=below(trends_bound), sized=True,
            repeat=max(3, ctx.repeat // 3)),
        Row(name="History to the end: slowest page", target=lambda: probe(ctx, "history")["seconds"],
            floor=bare, floor_name="push a one-line screen, redraw on a key",
            goal="every page < 100 ms (issue 15)", met=below(0.100), sized=True, repeat=1, warm=False, slow=True),
        Row(name="History to the end: peak memory", unit="MiB", target=lambda: probe_memory(ctx, "history"),
            floor=lambda: probe_memory(ctx, "bare"), floor_name="push a one-line screen, redraw on a key",
            goal="< 60 MiB at any size (issue 15)", met=lambda value, base: value < 60 * MiB, sized=True,
            repeat=1, warm=False, slow=True),
    ]
