"""Pilot tests: the overview screen and the profile switcher (in a small host app and in the app),
and read-only review in the app."""

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList, Static

from osteotrack.domain.records import Entry, Event, Profile
from osteotrack.store import Diary
from osteotrack.tui.commands import DiaryCommands
from osteotrack.tui.dialogs.profile_switcher import ProfileSwitcher
from osteotrack.tui.screens.overview import OverviewScreen
from tests.conftest import NOW, TZ
from tests.functional.tui_host import whose
from tests.functional.tui_support import app_for, pilot_test, settle


class Host(App):
    """Stands in for the app shell: the attributes every screen reads, and a fixed clock."""

    def __init__(self, diary_path: Path, profile: str | None = None, read_only: bool = False):
        super().__init__()
        self.diary_path, self.profile, self.read_only = diary_path, profile, read_only
        self.profile_id, self.profile_problem = whose(diary_path, profile)
        self.chosen: list[Profile | None] = []

    def now(self) -> datetime:
        return NOW


@pytest.fixture
def two_people(db_path):
    with Diary.open(db_path) as diary:
        dad = diary.profile_by_id(diary.add_profile("Dad"))
        dad.add_entry(Entry(at=datetime(2026, 11, 17, 9, 0, tzinfo=TZ), pain=3), now=NOW)
        dad.add_entry(Entry(at=datetime(2026, 11, 23, 9, 0, tzinfo=TZ), pain=6), now=NOW)
        dad.add_event(Event(kind="fall", at=datetime(2026, 11, 22, 9, 0, tzinfo=TZ)), now=NOW)
        diary.profile("me").add_entry(Entry(at=datetime(2026, 11, 24, 8, 0, tzinfo=TZ), pain=2), now=NOW)
    return db_path


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
        assert "Alert: Pain is up by 3.0 points: average daily pain 6.0 this week, 3.0 last week." in texts[1]
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
        assert [p and p.name for p in app.chosen] == ["Dad"]
        app.push_screen(ProfileSwitcher(), app.chosen.append)
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count == 2)
        await pilot.press("escape")
        await pilot.pause()
        assert [p and p.name for p in app.chosen] == ["Dad", None]


def footer_actions(app) -> set[str]:
    """The actions the footer offers on the current screen."""
    return {binding.action for _, binding, enabled, _ in app.screen.active_bindings.values() if enabled}


@pilot_test
async def test_read_only_app_says_so_offers_no_editing_and_changes_nothing(two_people, tmp_path):
    before = hashlib.sha256(two_people.read_bytes()).hexdigest()
    app = app_for(two_people, tmp_path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "read-only" in app.title and type(app.screen).__name__ == "TodayScreen"
        assert "log_pain" not in footer_actions(app) and "edit" not in footer_actions(app)
        assert not app.screen.query_one("#log").display
        await pilot.press("l")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"  # no entry form
        app.screen.query_one("#entries").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"  # today's entry does not open for editing
        titles = [title for title, _, _ in DiaryCommands(app.screen)._commands()]  # the command palette's
        assert "Log pain" not in titles and "Switch profile" in titles
        await pilot.press("v")  # the overview reads the diary read-only too
        await settle(pilot)
        assert len(app.screen.query(".person")) == 2 and "read-only" in app.screen.title
        await pilot.press("h")  # history: its delete key is not offered either
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen" and "read-only" in app.screen.title
        assert "delete_entry" not in footer_actions(app)
    assert hashlib.sha256(two_people.read_bytes()).hexdigest() == before
    wal = two_people.with_name(two_people.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@pilot_test
async def test_the_app_switches_profile_with_s(two_people, tmp_path):
    app = app_for(two_people, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "read-only" not in app.title and "log_pain" in footer_actions(app)
        assert app.screen.sub_title == "me · Today"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ProfileSwitcher)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.profile == "Dad" and app.screen.sub_title == "Dad · Today"
    with Diary.open(two_people) as diary:  # the switch is for the session: the active profile stays
        assert diary.active_profile() == "me"
