"""History: the first page of the 10-year diary on screen, against one DataTable filled with every entry.

Both run headless in this process at 80×24. The baseline is what the issue warns
against (about 0.8 s for 10,000 rows); its rows are prepared before the clock starts,
so it measures the table alone and flatters the baseline, not the screen.
"""

from __future__ import annotations

import asyncio
import time

from bench import Row  # bench/ is on sys.path when bench.py runs

REPEAT = 5  # each run opens a headless app; a few are enough for a stable median


def _time_screen(ctx, make_screen, ready) -> float:
    """Seconds from pushing ``make_screen()`` until ``ready(screen)`` holds and the screen has painted."""
    from textual.app import App

    from osteotrack.store import Diary

    with Diary.open(ctx.diary, read_only=True) as diary:
        shown = diary.profile_id(diary.active_profile())

    class Bench(App):
        """Stands in for the app: what the screen reads (its diary, profile and mode)."""

        def __init__(self):
            super().__init__()
            self.diary_path, self.profile, self.read_only = ctx.diary, None, True
            self.profile_id, self.profile_problem = shown, None

        def now(self):
            from datetime import datetime

            return datetime.now().astimezone()

    async def run() -> float:
        app = Bench()
        async with app.run_test(size=(80, 24)) as pilot:
            start = time.perf_counter()
            await app.push_screen(make_screen())
            while not ready(app.screen):
                await asyncio.sleep(0.002)
            await pilot.pause()
            return time.perf_counter() - start

    return asyncio.run(run())


def rows(ctx):
    from textual.screen import Screen
    from textual.widgets import DataTable

    from osteotrack.store import Diary
    from osteotrack.tui.screens.history import COLUMNS, HistoryScreen, entry_cells

    with Diary.open(ctx.diary, read_only=True) as diary:
        vocab = diary.vocabulary()
        every_row = [entry_cells(e, vocab, True) for e in diary.profile(diary.active_profile()).entries()]

    class EveryEntry(Screen):
        def compose(self):
            table = DataTable()
            table.add_columns(*COLUMNS)
            table.add_rows(every_row)
            yield table

    def history_ready(screen) -> bool:
        return isinstance(screen, HistoryScreen) and screen.table.row_count > 0

    def table_ready(screen) -> bool:
        return isinstance(screen, EveryEntry) and screen.query_one(DataTable).row_count == len(every_row)

    return [
        Row(
            name="History: first page on screen",
            target=lambda: _time_screen(ctx, HistoryScreen, history_ready),
            floor=lambda: _time_screen(ctx, EveryEntry, table_ready),
            floor_name=f"one DataTable with all {len(every_row):,} rows",
            goal="well under 1× (read a page, not everything)",
            repeat=REPEAT,
        )
    ]
