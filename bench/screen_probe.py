"""Drive one app screen headless at 100×30 and print what a user would wait for, as JSON.

    python screen_probe.py trends DIARY   # open Trends on "All", then `r`, then the Calendar tab
    python screen_probe.py history DIARY  # open History, then to its last row, page after page
    python screen_probe.py bare DIARY     # the floor: push a one-line screen, press a key that redraws it

Times run from the key press (or the push) to the frame that shows the figures or rows, the first drawn once
they are there: the app's frames are stamped as it hands each to the terminal (``App._display``; headless, each
is still composed). Textual lays a screen out again when its first layout resized a widget, and that frame
(a scroll bar comes, its thumb moves) follows tens of milliseconds later: the time to the last frame before the
app draws nothing for ``QUIET`` seconds is reported as ``last``. Pilot's own wait until the process is idle (it
sleeps in slices of 20 ms until one passes without work), which no user waits for, is reported as ``settled``.
Run by bench/rows_screens.py from the bench's own installed copy.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

HISTORY_CAP_SECONDS = 600.0  # scrolling stops here (60 years are ~660 pages); the pages so far are reported
QUIET = 0.1  # seconds without a frame after which a step has drawn its last


def main(mode: str, diary_path: Path) -> dict:
    from textual import events
    from textual._wait import wait_for_idle
    from textual.screen import Screen
    from textual.widgets import Static

    from osteotrack.tui.app import make_app

    class Bare(Screen):
        BINDINGS = [("x", "redraw", "")]

        def compose(self):
            yield Static("one line", id="line")

        def action_redraw(self):
            self.query_one("#line", Static).update(f"{time.perf_counter()}")

    frames: list[float] = []  # when the app drew each frame (headless, each is still composed and handed over)

    async def settle(pilot) -> None:
        """Pilot's pause (until the process is idle) without its last step, a screen update of its own that could
        draw a frame nothing in the app asked for."""
        await pilot._wait_for_screen()
        await wait_for_idle(0)

    def press(key: str) -> None:
        """The key as the terminal sends it, without Pilot's waits for idle after it (``waited`` does the waiting)."""
        event = events.Key(key, key)
        event.set_sender(app)
        app._driver.send_message(event)

    async def waited(pilot, start: float, ready=lambda: True) -> tuple[float, float, float]:
        """Seconds from ``start`` (drawn, last, settled).

        drawn: to the first frame drawn once ``ready()`` holds, the one that shows what it waited for (or to that
        moment itself when nothing needed drawing: ``r`` on the same figures draws nothing). last: to the last
        frame before the app draws nothing for QUIET seconds (Textual lays a screen out a second time when the
        first layout resized its widgets: a scroll bar comes, a moment later). settled: to the app being idle.
        """
        while not ready():
            if time.perf_counter() > start + 300:
                raise TimeoutError("the screen never showed what it read")
            await asyncio.sleep(0.001)
        ready_at = time.perf_counter()
        await settle(pilot)
        settled = time.perf_counter() - start
        while (quiet := max(frames[-1] if frames else start, ready_at) + QUIET - time.perf_counter()) > 0:
            await asyncio.sleep(quiet)
        drawn = min((t for t in frames if t >= ready_at), default=ready_at)
        last = max((t for t in frames if t >= ready_at), default=ready_at)
        return drawn - start, last - start, settled

    async def trends(app, pilot) -> dict:
        from osteotrack.tui.screens.trends import TrendsScreen

        screen = TrendsScreen()
        screen.range_ = "all"
        start = time.perf_counter()
        await app.push_screen(screen)
        # Opened once the tab in sight shows its figures (the first tab's are drawn before the other tabs' are
        # worked out); `r` below waits for every figure.
        opened = await waited(pilot, start, lambda: screen.pain is not None and not screen.query_one("#tabs").loading)
        first = screen.result
        start = time.perf_counter()
        press("r")
        refreshed = await waited(pilot, start,
                                 lambda: screen.result is not first and not screen.query_one("#tabs").loading)
        start = time.perf_counter()
        screen.query_one("#tabs").active = "tab-calendar"
        calendar = await waited(pilot, start, lambda: bool(screen.query("#heat-map"))
                                and bool(str(screen.query_one("#heat-map", Static).content)))
        steps = {"open_all": opened, "refresh": refreshed, "calendar": calendar}
        return {"seconds": max(drawn for drawn, _, _ in steps.values()),
                "last": max(last for _, last, _ in steps.values()),
                "settled": max(settled for _, _, settled in steps.values()),
                **{name: drawn for name, (drawn, _, _) in steps.items()},
                **{f"{name}_last": last for name, (_, last, _) in steps.items()},
                **{f"{name}_settled": settled for name, (_, _, settled) in steps.items()}}

    async def history(app, pilot) -> dict:
        from osteotrack.tui.screens.history import HistoryScreen

        screen = HistoryScreen()
        start = time.perf_counter()
        await app.push_screen(screen)
        pages = [await waited(pilot, start, lambda: screen.total and screen.entries)]
        began = time.perf_counter()
        while not screen.at_oldest and time.perf_counter() - began < HISTORY_CAP_SECONDS:
            last = screen.entries[-1]
            start = time.perf_counter()
            screen.table.move_cursor(row=len(screen.entries) - 1)  # as page-down held to the last row would
            pages.append(await waited(pilot, start,
                                      lambda last=last: screen.entries[-1] is not last and not screen._reading))
        drawn = [d for d, _, _ in pages]
        last = [la for _, la, _ in pages]
        settled = [s for _, _, s in pages]
        return {"seconds": max(drawn), "last": max(last), "settled": max(settled), "pages": len(pages),
                "total": time.perf_counter() - began, "reached_end": screen.at_oldest, "held": len(screen.entries),
                "first": drawn[0], "first_last": last[0], "first_settled": settled[0],
                "median_page": sorted(drawn)[len(drawn) // 2], "median_page_last": sorted(last)[len(last) // 2],
                "median_page_settled": sorted(settled)[len(settled) // 2],
                "slowest_after_first": max(drawn[1:], default=0.0),
                "slowest_after_first_last": max(last[1:], default=0.0),
                "slowest_after_first_settled": max(settled[1:], default=0.0)}

    async def bare(app, pilot) -> dict:
        screen = Bare()
        start = time.perf_counter()
        await app.push_screen(screen)
        pushed = await waited(pilot, start)
        start = time.perf_counter()
        press("x")
        line = screen.query_one("#line", Static)
        redrawn = await waited(pilot, start, lambda: str(line.content) != "one line")
        return {"seconds": max(pushed[0], redrawn[0]), "last": max(pushed[1], redrawn[1]),
                "settled": max(pushed[2], redrawn[2]), "push": pushed[0], "key": redrawn[0],
                "push_last": pushed[1], "key_last": redrawn[1]}

    app = make_app(diary_path, read_only=True)

    async def run() -> dict:
        shown = app._display

        def display(screen, renderable) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
            shown(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return await {"trends": trends, "history": history, "bare": bare}[mode](app, pilot)

    return asyncio.run(run())


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
