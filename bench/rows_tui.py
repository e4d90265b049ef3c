"""The app: process start to the first painted Today screen, against a bare Textual app.

Both run headless (no terminal to draw on, the same for both) and exit right after
their first screen has been composed, laid out and rendered: the app once the
Today screen shows the diary's data (OSTEOTRACK_EXIT_AFTER_PAINT), the bare app
once its one line is on screen. Peak memory is the child process's maximum RSS.
"""

from __future__ import annotations

import subprocess
import sys

from bench import Row  # bench/ is on sys.path when bench.py runs

BARE_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('one line')\n"
    "    def on_mount(self):\n"
    "        self.call_after_refresh(self.exit)\n"
    "Bare().run(headless=True)\n"
)
EXIT_ENV = {"OSTEOTRACK_EXIT_AFTER_PAINT": "1"}


def peak_rss(command: list[str], env: dict) -> float:
    """Peak resident memory (bytes) of ``command``, measured from a fresh parent."""
    probe = (
        "import resource, subprocess, sys; "
        f"subprocess.run({command!r}, check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=env)
    kib = int(out.stdout.strip())
    return kib * 1024 if sys.platform != "darwin" else kib  # ru_maxrss is KiB on Linux, bytes on macOS


def rows(ctx):
    app_env = {**ctx.env, **EXIT_ENV}
    app_command = [ctx.python, "-m", "osteotrack", "--db", str(ctx.diary)]
    bare_command = [ctx.python, "-c", BARE_APP]
    return [
        Row(
            name="app: start to first painted Today",
            target=lambda: ctx.run(env=EXIT_ENV),
            floor=lambda: ctx.python_c(BARE_APP),
            floor_name="bare Textual app, one line",
            goal="≤ 1.5× (PRODUCT.md)",
        ),
        Row(
            name="app: peak memory to first Today",
            target=lambda: peak_rss(app_command, app_env),
            floor=lambda: peak_rss(bare_command, ctx.env),
            floor_name="bare Textual app, one line",
            unit="MiB",
            goal="≤ 120 MiB (issue)",
            repeat=3,
        ),
    ]
