"""The app: process start to the first painted Today screen, against a bare Textual app.

Both run headless (no terminal to draw on, the same for both) and exit right after
their first screen has been composed, laid out and rendered: the app once the
Today screen shows the diary's data (OSTEOTRACK_EXIT_AFTER_PAINT), the bare app
once its one line is on screen. Peak memory is each process's own peak RSS (ctx.peak_memory).
"""

from __future__ import annotations

from bench import MiB, Row, ratio_at_most  # bench/ is on sys.path when bench.py runs

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


def rows(ctx):
    return [
        Row(
            name="app: start to first painted Today",
            target=lambda: ctx.run(env=EXIT_ENV),
            floor=lambda: ctx.python_c(BARE_APP),
            floor_name="bare Textual app, one line",
            goal="≤ 1.5× (PRODUCT.md, issue 15)", met=ratio_at_most(1.5),
        ),
        Row(
            name="app: peak memory to first Today",
            target=lambda: ctx.peak_memory(env=EXIT_ENV),
            floor=lambda: ctx.python_c_memory(BARE_APP),
            floor_name="bare Textual app, one line",
            unit="MiB",
            goal="≤ 120 MiB (issue)", met=lambda value, base: value <= 120 * MiB,
            repeat=3,
        ),
    ]
