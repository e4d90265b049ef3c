"""Pilot tests: the overview screen and the profile switcher, in a small host app."""

import asyncio
import functools
from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList, Static

from osteotrack.domain.records import Entry, Event
from osteotrack.store import Diary
from osteotrack.tui.dialogs.profile_switcher import ProfileSwitcher
from osteotrack.tui.screens.overview import OverviewScreen
from tests.conftest import NOW, TZ


class Host(App):
    """Stands in for the app shell: the three attributes every screen reads, and a fixed clock."""

    def __init__(self, diary_path: Path, profile: str | None = None, read_only: bool = False):
        super().__init__()
        self.diary_path, self.profile, self.read_only = diary_path, profile, read_only
        self.chosen: list[str | None] = []

    def now(self) -> datetime:
        return NOW


@pytest.fixture
def two_people(db_path):
    with Diary.open(db_path) as diary:
        dad = diary.add_profile("Dad")
        diary.add_entry(Entry(at=datetime(2026, 11, 17, 9, 0, tzinfo=TZ), pain=3), dad, now=NOW)
        diary.add_entry(Entry(at=datetime(2026, 11, 23, 9, 0, tzinfo=TZ), pain=6), dad, now=NOW)
        diary.add_event(Event(kind="fall", at=datetime(2026, 11, 22, 9, 0, tzinfo=TZ)), dad, now=NOW)
        diary.add_entry(Entry(at=datetime(2026, 11, 24, 8, 0, tzinfo=TZ), pain=2), diary.profile_id("me"),
                        now=NOW)
    return db_path


def pilot_test(test):
    """Run an async Pilot test in its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def wait_for(pilot, condition, tries: int = 50) -> None:
    """Workers read the diary in a thread: give them a moment."""
    for _ in range(tries):
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("the screen did not show its data in time")


@pilot_test
async def test_the_overview_shows_every_profile_with_its_alerts_in_words(two_people):
    app = Host(two_people, read_only=True)
    async with app.run_test(size=(110, 36)) as pilot:
        app.push_screen(OverviewScreen())
        await wait_for(pilot, lambda: len(app.screen.query(".person")) == 2)
        texts = [str(w.render()) for w in app.screen.query(".person")]
        assert texts[0].startswith("me (active): last entry Tue 24 Nov 2026 08:00, pain 2/10 (mild)")
        assert "Dad: last entry Mon 23 Nov 2026 09:00, pain 6/10 (moderate)" in texts[1]
        assert "Alert: Pain is up by 3.0 points: mean 6.0 this week, 3.0 last week." in texts[1]
        assert "Alert: Fall logged on Sun 22 Nov." in texts[1]
        assert app.screen.query(".person")[1].has_class("alerting")
        assert "2 profiles" in str(app.screen.query_one("#overview-status", Static).render())


@pilot_test
async def test_the_overview_says_so_when_there_is_no_diary(tmp_path):
    app = Host(tmp_path / "none.db", read_only=True)
    async with app.run_test() as pilot:
        app.push_screen(OverviewScreen())
        status = lambda: str(app.screen.query_one("#overview-status", Static).render())  # noqa: E731
        await wait_for(pilot, lambda: "There is no diary" in status())


@pilot_test
async def test_the_switcher_offers_every_profile_and_returns_the_choice(two_people):
    app = Host(two_people, profile="me")
    async with app.run_test() as pilot:
        app.push_screen(ProfileSwitcher(), app.chosen.append)
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count == 2)
        options = app.screen.query_one(OptionList)
        assert "me — 1 entry, last Tue 24 Nov 2026 08:00 (shown now)" in str(options.get_option_at_index(0).prompt)
        assert str(options.get_option_at_index(1).prompt).startswith("Dad — 2 entries")
        assert options.highlighted == 0
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.chosen == ["Dad"]
        app.push_screen(ProfileSwitcher(), app.chosen.append)
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count == 2)
        await pilot.press("escape")
        await pilot.pause()
        assert app.chosen == ["Dad", None]
