"""A tiny host app for testing one screen apart from the app shell, and helpers for Pilot tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.widgets import Input

from osteotrack.domain.errors import DiaryError
from osteotrack.store import Diary
from tests.conftest import NOW


def whose(diary_path: Path, profile: str | None = None) -> tuple[int | None, DiaryError | None]:
    """What the app resolves once on start: the id of ``profile`` (else the active one), or why there is none."""
    if not Path(diary_path).exists():
        return None, None  # the screen's own read says there is no diary
    try:
        with Diary.open(diary_path, read_only=True) as diary:
            return diary.profile_id(profile or diary.active_profile()), None
    except DiaryError as error:
        return None, error


class Host(App):
    """Sets what every screen reads (the app's diary, profile id, mode and ``now()``), then pushes the screen."""

    def __init__(self, diary_path: Path, make_screen, profile: str | None = None, read_only: bool = False,
                 clock: Callable[[], datetime] = lambda: NOW):
        super().__init__()
        self.diary_path = diary_path
        self.profile = profile
        self.profile_id, self.profile_problem = whose(diary_path, profile)
        self.read_only = read_only
        self.config_path = diary_path.with_name("tui.json")
        self.make_screen = make_screen
        self.clock = clock

    def now(self) -> datetime:
        return self.clock()

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


async def settle(pilot) -> None:
    """Wait until every worker has finished and the screen has caught up with their results."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def still(pilot) -> None:
    """Settle, and stop text cursors blinking so a snapshot is the same every time."""
    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def run_screen(diary_path: Path, make_screen, scenario, size=(80, 24), **host) -> Host:
    """Run ``scenario(pilot)`` against ``make_screen()`` hosted at ``size`` (at the tests' fixed now)."""
    app = Host(diary_path, make_screen, **host)

    async def main():
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())
    return app
