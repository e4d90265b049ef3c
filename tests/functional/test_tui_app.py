"""The app shell: first run, the Today screen, moving between screens, refresh, themes, the palette."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

import pytest

from osteotrack.domain.records import CheckIn, Entry, Site
from osteotrack.store import Diary
from osteotrack.tui.app import SCREENS, OsteoApp, available_places
from osteotrack.tui.commands import DiaryCommands
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.entry import EntryScreen
from osteotrack.tui.screens.today import TodayScreen
from osteotrack.tui.screens.welcome import WelcomeScreen
from tests.conftest import NOW
from tests.functional.tui_support import app_for, person, pilot_test, settle


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pilot_test
async def test_first_run_start_my_diary(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert not db_path.exists()
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, AskTextDialog) and "Whose diary is this?" in app.screen.prompt
        await pilot.press("escape")  # the name may be skipped
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Nothing logged today yet" in text_of(app.screen, "#reminder")
        assert "DEMO" not in app.title
        assert not app.screen.query_one("#own-diary").display
    assert db_path.exists() and stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert not (tmp_path / "data" / "demo.db").exists()
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.active_profile() == "me"


@pilot_test
async def test_the_first_start_asks_whose_diary_and_the_report_carries_the_name(db_path, tmp_path):
    from osteotrack.report.model import build_report
    from osteotrack.report.output import default_period

    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Margaret Lee", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.profile == "Margaret Lee" and "Margaret Lee" in app.screen.sub_title
    with Diary.open(db_path, read_only=True) as diary:
        report = build_report(diary.profile(diary.active_profile()), default_period(today=NOW.date()))
    assert report.profile == "Margaret Lee"


@pilot_test
async def test_from_the_demo_one_starts_ones_own_diary_without_quitting(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.demo and app.screen.query_one("#own-diary").display
        titles = [title for title, _, _ in DiaryCommands(app.screen)._commands()]
        assert "Start my own diary" in titles
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Margaret", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and len(app.screen_stack) == 2
        assert not app.demo and "DEMO" not in app.title and app.diary_path == db_path
        assert "Nothing logged today yet" in text_of(app.screen, "#reminder")
        assert not app.screen.query_one("#own-diary").display
        titles = [title for title, _, _ in DiaryCommands(app.screen)._commands()]
        assert "Start my own diary" not in titles
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.active_profile() == "Margaret" and diary.setting("demo") != "1"


@pilot_test
async def test_first_run_explore_the_demo_in_a_file_of_its_own(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    demo = tmp_path / "data" / "demo.db"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.diary_path == demo and app.demo
        assert "DEMO" in app.title
        assert "Pain today" in text_of(app.screen, "#trend") or "Nothing logged today" in text_of(app.screen, "#trend")
    assert not db_path.exists()  # the real diary is never created or touched by the demo
    with Diary.open(demo, read_only=True) as diary:
        assert diary.setting("demo") == "1"
        # The demo ends at the app's (fixed) present moment, 10:00 today: nothing in it is later.
        demo_person = diary.profile(diary.active_profile())
        assert demo_person.entries(limit=1)[0].at.date() == NOW.date()
        assert all(entry.at <= NOW for entry in demo_person.entries(since=NOW.date(), until=NOW.date()))
        assert all(event.at <= NOW for event in demo_person.events())


@pilot_test
async def test_today_shows_entries_checkin_and_trend(db_path, tmp_path):
    with person(db_path) as diary:
        # Today 6 and 2 (mean 4.0); in the 7 days before, 7 and 5 on two days (average daily pain 6.0): lower.
        for days_ago, hour, pain in [(0, 8, 6), (0, 9, 2), (2, 12, 7), (5, 12, 5)]:
            diary.add_entry(Entry(at=NOW.replace(hour=hour) - timedelta(days=days_ago), pain=pain,
                                  sites=[Site("lower-back", pain)]), now=NOW)
        diary.save_checkin(CheckIn(day=NOW.date(), peg_pain=4, peg_enjoyment=5, peg_activity=6), today=NOW.date())
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert text_of(screen, "#trend") == (
            "Pain today: 4.0 on average (2 entries); the 7 days before: average daily pain 6.0 (2 entries) — lower.")
        assert text_of(screen, "#checkin-status").startswith("Check-in: done — average pain 4")
        assert not screen.query_one("#reminder").display
        options = screen.query_one("#entries")
        assert options.option_count == 2
        assert str(options.get_option_at_index(0).prompt).startswith("09:00  pain 2/10 (mild)")


@pilot_test
async def test_refresh_shows_a_log_from_another_terminal(existing, tmp_path, run_process):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#entries").option_count == 0
        # A real `osteotrack log` process writing while the app has the diary open.
        result = run_process("log", "--pain", "4", "--where", "neck:3", "--at", "2026-11-24T09:30+01:00")
        assert result.returncode == 0, result.stderr
        await pilot.press("ctrl+r")
        await settle(pilot)
        options = app.screen.query_one("#entries")
        assert options.option_count == 1
        assert "pain 4/10 (moderate)" in str(options.get_option_at_index(0).prompt)


@pilot_test
async def test_theme_is_remembered_in_a_private_file(existing, tmp_path):
    config = tmp_path / "config" / "tui.json"
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not config.exists()  # the default theme needs no file
        app.theme = "high-contrast"
        await settle(pilot)
    assert json.loads(config.read_text()) == {"theme": "high-contrast"}
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    again = app_for(existing, tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "high-contrast"


@pilot_test
async def test_no_color_starts_in_high_contrast(existing, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color and app.theme == "high-contrast"


@pilot_test
async def test_palette_offers_every_action(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        from osteotrack.tui.commands import DiaryCommands

        titles = [title for title, _, _ in DiaryCommands(app.screen)._commands()]
        for wanted in ["Log pain", "Refresh", "Check in", "Add event", "Add question", "Go to History",
                       "Theme: high-contrast"]:
            assert wanted in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"log pain", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)


def test_screens_that_do_not_exist_yet_are_not_offered(monkeypatch):
    from osteotrack.tui.app import Place

    monkeypatch.setitem(SCREENS, "someday", Place("osteotrack.tui.screens.someday:SomedayScreen", "z", "Someday"))
    assert "someday" not in available_places()
    assert {"today", "history", "checkin", "events", "questions"} <= set(available_places())
    keys = {binding.key for binding in OsteoApp.BINDINGS}
    assert {"l", "t", "h", "c", "e", "q"} <= keys
    assert all(binding.id for binding in OsteoApp.BINDINGS)


@pytest.mark.slow
@pilot_test
async def test_moving_between_screens_and_back_to_today(db_path, tmp_path):
    with person(db_path) as diary:
        diary.add_entry(Entry(at=NOW - timedelta(hours=1), pain=5), now=NOW)
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Questions last: its cursor starts in the question box, where letters are text, not keys.
        for name in ("history", "events", "checkin", "questions"):
            await pilot.press(SCREENS[name].key)
            await settle(pilot)
            assert isinstance(app.screen, SCREENS[name].load()), name
            assert len(app.screen_stack) == 3  # default, Today, this screen: never a growing pile
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        # History opens the entry form for editing; saving returns to History.
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("7", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SCREENS["history"].load())
    with person(db_path) as diary:
        assert [e.pain for e in diary.entries()] == [7]


@pilot_test
async def test_switching_screens_with_unsaved_check_in_asks_first(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("5", "h")  # answer the first question, then try to go to History
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SCREENS["checkin"].load())
        assert app.screen.dirty  # the answer is still there


@pilot_test
async def test_read_only_cannot_log(existing, tmp_path):
    app = app_for(existing, tmp_path, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


def test_the_bare_command_opens_the_app_on_today(db_path, run_process):
    with person(db_path) as diary:
        diary.add_entry(Entry(at=NOW - timedelta(days=1), pain=3), now=NOW)
    # The benchmark's switch: run headless and exit once Today has painted the diary's data.
    result = run_process(env={"OSTEOTRACK_EXIT_AFTER_PAINT": "1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pilot_test
async def test_palette_add_event_opens_the_events_form(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"add event", "enter")
        await settle(pilot)
        from osteotrack.tui.screens.events import EventFormScreen, EventsScreen

        assert isinstance(app.screen, EventFormScreen)
        assert isinstance(app.screen_stack[-2], EventsScreen)


@pilot_test
async def test_backup_action_writes_a_private_checked_copy(existing, tmp_path):
    with person(existing) as diary:
        diary.add_entry(Entry(at=NOW - timedelta(hours=1), pain=5), now=NOW)
    app = app_for(existing, tmp_path, read_only=True)  # a reviewer may back up too: it only reads
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
    copies = [p for p in existing.parent.glob("diary*.db") if p != existing]
    assert len(copies) == 1 and stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    with person(copies[0], read_only=True) as copy:
        assert [e.pain for e in copy.entries()] == [5]


@pilot_test
async def test_screen_keys_pressed_faster_than_screens_build(existing, tmp_path):
    # A key for another screen can arrive before the last one is built; asking a half-built
    # screen whether it holds unsaved input must not crash the app.
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "e", "q")
        await settle(pilot)
        assert type(app.screen).__name__ == "QuestionsScreen"
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["TodayScreen", "QuestionsScreen"]


@pilot_test
async def test_f9_says_which_theme_it_changed_to(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        shown = app.theme
        assert [n.message for n in app._notifications] == [f"Theme: {shown} (F9 for the next one; remembered)"]
