"""Drive one app screen headless at 100×30 and print what a user would wait for, as JSON.

    python screen_probe.py trends DIARY   # open Trends on "All", then `r`, then the Calendar tab
    python screen_probe.py history DIARY  # open History, then to its last row, page after page
    python screen_probe.py bare DIARY     # the floor: push a one-line screen, press a key that redraws it

Times run from the key press (or the push) to the frame drawn after the figures or rows arrived.
Run by bench/rows_screens.py from the bench's own installed copy.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

HISTORY_CAP_SECONDS = 600.0  # scrolling stops here (60 years are ~660 pages); the pages so far are reported


def main(mode: str, diary_path: Path) -> dict:
    from textual.screen import Screen
    from textual.widgets import Static

    from osteotrack.tui.app import make_app

    class Bare(Screen):
        BINDINGS = [("x", "redraw", "")]

        def compose(self):
            yield Static("one line", id="line")

        def action_redraw(self):
            self.query_one("#line", Static).update(f"{time.perf_counter()}")

    async def until(pilot, ready) -> None:
        give_up = time.perf_counter() + 300
        while not ready():
            if time.perf_counter() > give_up:
                raise TimeoutError("the screen never showed what it read")
            await asyncio.sleep(0.001)
        await pilot.pause()

    async def trends(app, pilot) -> dict:
        from osteotrack.tui.screens.trends import TrendsScreen

        screen = TrendsScreen()
        screen.range_ = "all"
        start = time.perf_counter()
        await app.push_screen(screen)
        await until(pilot, lambda: screen.result is not None and not screen.query_one("#tabs").loading)
        opened = time.perf_counter() - start
        first = screen.result
        start = time.perf_counter()
        await pilot.press("r")
        await until(pilot, lambda: screen.result is not first and not screen.query_one("#tabs").loading)
        refreshed = time.perf_counter() - start
        start = time.perf_counter()
        screen.query_one("#tabs").active = "tab-calendar"
        await pilot.pause()
        calendar = time.perf_counter() - start
        return {"seconds": max(opened, refreshed, calendar), "open_all": opened, "refresh": refreshed,
                "calendar": calendar}

    async def history(app, pilot) -> dict:
        from osteotrack.tui.screens.history import HistoryScreen

        screen = HistoryScreen()
        start = time.perf_counter()
        await app.push_screen(screen)
        await until(pilot, lambda: screen.total and screen.entries)
        pages = [time.perf_counter() - start]
        began = time.perf_counter()
        while not screen.at_oldest and time.perf_counter() - began < HISTORY_CAP_SECONDS:
            last = screen.entries[-1]
            start = time.perf_counter()
            screen.table.move_cursor(row=len(screen.entries) - 1)  # as page-down held to the last row would
            await until(pilot, lambda last=last: screen.entries[-1] is not last and not screen._reading)
            pages.append(time.perf_counter() - start)
        return {"seconds": max(pages), "pages": len(pages), "total": time.perf_counter() - began,
                "reached_end": screen.at_oldest, "held": len(screen.entries),
                "first": pages[0], "median_page": sorted(pages)[len(pages) // 2],
                "slowest_after_first": max(pages[1:], default=0.0)}

    async def bare(app, pilot) -> dict:
        screen = Bare()
        start = time.perf_counter()
        await app.push_screen(screen)
        await pilot.pause()
        pushed = time.perf_counter() - start
        start = time.perf_counter()
        await pilot.press("x")
        await pilot.pause()
        return {"seconds": max(pushed, time.perf_counter() - start)}

    async def run() -> dict:
        app = make_app(diary_path, read_only=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return await {"trends": trends, "history": history, "bare": bare}[mode](app, pilot)

    return asyncio.run(run())


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
