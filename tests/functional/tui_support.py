"""Helpers for the app's Pilot tests: a fixed clock, private config, and waiting for workers."""

from __future__ import annotations

import asyncio
import functools
from contextlib import contextmanager
from pathlib import Path

from osteotrack.store import Diary
from osteotrack.tui.app import make_app
from tests.conftest import NOW


def app_for(db_path: Path, tmp_path: Path, **options):
    """The app on ``db_path`` at the tests' fixed "now", with its config and demo kept in ``tmp_path``."""
    options.setdefault("clock", lambda: NOW)
    options.setdefault("config_path", tmp_path / "config" / "tui.json")
    options.setdefault("demo_path", tmp_path / "data" / "demo.db")
    return make_app(db_path, **options)


@contextmanager
def person(path: Path, profile: str | None = None, read_only: bool = False):
    """The diary at ``path`` seen through ``profile`` (else the active one), as the app shows it."""
    with Diary.open(path, read_only=read_only) as diary:
        yield diary.profile(profile or diary.active_profile())


async def settle(pilot) -> None:
    """Let screens mount and every database worker finish and report back."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pilot_test(test):
    """Run an async Pilot test in its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def open_entry_form(pilot):
    """From the app's start: wait for Today, press ``l`` and wait for the form; return the form."""
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    return pilot.app.screen
