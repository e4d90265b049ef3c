"""A tiny host app for testing one screen before (and apart from) the real app shell."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.screen import Screen


class Host(App):
    """Sets the three attributes every screen reads, then pushes the screen under test."""

    def __init__(self, diary_path: Path, make_screen, profile: str | None = None, read_only: bool = False):
        super().__init__()
        self.diary_path = diary_path
        self.profile = profile
        self.read_only = read_only
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


async def settle(pilot) -> None:
    """Wait until every worker has finished and the screen has caught up with their results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_of(app: App) -> Screen:
    return app.screen
