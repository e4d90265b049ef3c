"""Whose diary the app shows: one profile, never another's data; a profile renamed or removed
behind the app's back; and a worker's result that comes back after its screen has gone."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.dialogs.profile_switcher import ProfileSwitcher
from osteotrack.tui.screens.entry import EntryScreen
from osteotrack.tui.screens.today import TodayScreen
from osteotrack.tui.widgets.row_list import RowList
from tests.conftest import NOW
from tests.functional.tui_support import app_for, pilot_test, settle

# What only "me" wrote: none of it may show on Dad's screens.
ME_ONLY = ("ibuprofen", "400 mg", "me only", "Me only", "8/10", "8 severe")
GONE = str(DiaryError("profile.gone"))


@pytest.fixture
def dad_and_me(db_path):
    """'me' (the active profile) with a medication entry, a check-in, an event and a question today;
    'Dad' with one entry of his own."""
    with Diary.open(db_path) as diary:
        me = diary.profile("me")
        me.add_entry(Entry(at=NOW - timedelta(hours=1), pain=8, sites=[Site("neck", 8)], triggers=["lifting"],
                           therapies=[TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")],
                           note="me only"), now=NOW)
        me.save_checkin(CheckIn(day=NOW.date(), peg_pain=8, peg_enjoyment=8, peg_activity=8, note="me only"),
                        today=NOW.date())
        me.add_event(Event("fall", NOW - timedelta(days=1), note="me only"), now=NOW)
        me.add_question(Question("Me only: can I swim?", NOW - timedelta(days=2)))
        dad = diary.profile_by_id(diary.add_profile("Dad"))
        dad.add_entry(Entry(at=NOW - timedelta(hours=2), pain=3, sites=[Site("lower-back", 3)],
                            therapies=[TherapyUse("heat", 50)]), now=NOW)
    return db_path


def shown(screen) -> str:
    """Every text the screen shows: its lines and labels, list options and table cells."""
    parts = [str(w.render()) for w in screen.query(Static) if w.display]
    parts += [w.value for w in screen.query(Input)]
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    for table in [*screen.query(DataTable), *screen.query(RowList)]:
        parts += [str(cell) for i in range(table.row_count) for cell in table.get_row_at(i)]
    return "\n".join(parts)


def assert_nothing_of_me(screen) -> None:
    text = shown(screen)
    leaked = [word for word in ME_ONLY if word in text]
    assert not leaked, (type(screen).__name__, leaked, text)


async def go(pilot, key: str):
    """Press a screen's key from Today, wait for its data, and return the screen."""
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


async def back_to_today(pilot) -> None:
    pilot.app.action_show_screen("today")
    await settle(pilot)
    while isinstance(pilot.app.screen, ConfirmDialog):  # a form left with something typed
        await pilot.press("y")
        await settle(pilot)
    assert isinstance(pilot.app.screen, TodayScreen), pilot.app.screen


@pytest.mark.slow
@pilot_test
async def test_nothing_of_another_profile_shows_on_any_screen(dad_and_me, tmp_path):
    app = app_for(dad_and_me, tmp_path, profile="Dad")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        today = app.screen
        assert today.sub_title == "Dad · Today"
        assert today.query_one("#entries", OptionList).option_count == 1  # Dad's, not me's later one
        assert "Check-in: not done yet" in shown(today)  # me checked in today; Dad did not
        assert "Pain today: 3.0 on average (1 entry)" in shown(today)
        assert_nothing_of_me(today)

        history = await go(pilot, "h")
        assert history.table.row_count == 1 and history.entries[0].pain == 3
        assert_nothing_of_me(history)
        await back_to_today(pilot)

        checkin = await go(pilot, "c")
        assert "not checked in yet" in shown(checkin)
        assert checkin.query_one("#peg_pain").value is None and checkin.query_one("#note", Input).value == ""
        assert_nothing_of_me(checkin)
        await back_to_today(pilot)

        events = await go(pilot, "e")
        assert events.query_one(DataTable).row_count == 0 and "No events yet." in shown(events)
        assert_nothing_of_me(events)
        await back_to_today(pilot)

        questions = await go(pilot, "q")
        assert questions.query_one(DataTable).row_count == 0 and "No questions yet." in shown(questions)
        assert_nothing_of_me(questions)
        await back_to_today(pilot)

        trends = await go(pilot, "g")
        summary = str(trends.query_one("#summary", Static).render())
        assert summary.startswith("Dad · ") and "· 1 entry · average daily pain 3.0, worst 3, least 3" in summary
        assert_nothing_of_me(trends)
        await back_to_today(pilot)

        report = await go(pilot, "p")
        assert "-Dad-" in report.query_one("#file", Input).value
        await pilot.press("s")
        await settle(pilot)
        summary = str(report.query_one("#summary", Static).render())
        assert "for Dad:" in summary and "Average daily pain 3.0 of 10" in summary
        assert_nothing_of_me(report)
        await back_to_today(pilot)

        # The entry form: choosing a medication suggests nothing me used; "same as last time" is Dad's.
        form = await go(pilot, "l")
        assert isinstance(form, EntryScreen)
        await pilot.press("2", "tab", "tab", "tab", "o", "5")  # Over-the-counter pain medication, 50 %
        await settle(pilot)
        medication = form.query_one("#medication", Input)
        assert medication.value == ""
        medication.focus()
        await pilot.press("i", "right")  # → would take a remembered "ibuprofen 400 mg"
        assert medication.value == "i"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert form.query_one("#pain").value == 3  # Dad's last entry, not me's (pain 8, an hour later)
        assert_nothing_of_me(form)
        await back_to_today(pilot)

        # The same steps on me's own diary do fill in her medication: the test would see a leak.
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("up", "enter")
        await settle(pilot)
        assert app.profile == "me" and app.screen.sub_title == "me · Today"
        form = await go(pilot, "l")
        await pilot.press("2", "tab", "tab", "tab", "o", "5")
        await settle(pilot)
        assert form.query_one("#medication", Input).value == "ibuprofen 400 mg"


# Every key that opens a screen or acts on one, pressed from Today; each opens what it opens, then back.
SCREEN_KEYS = ["ctrl+r", "t", "h", "c", "e", "q", "g", "p", "b", "v", "s", "l", "enter"]
# Keys whose screen reads this profile's diary as it opens: after the profile is removed, they say so.
SAYS_GONE = {"ctrl+r", "t", "h", "c", "e", "q", "g", "p", "l", "enter"}


async def press_every_key(pilot, said: list[str]) -> dict[str, str]:
    """Press each of SCREEN_KEYS from Today; what each screen showed and the app said, by key."""
    seen = {}
    for key in SCREEN_KEYS:
        said.clear()
        await pilot.press(key)
        await settle(pilot)
        assert pilot.app.is_running, key
        seen[key] = shown(pilot.app.screen) + "\n" + "\n".join(said)
        if isinstance(pilot.app.screen, ProfileSwitcher):
            await pilot.press("escape")
            await settle(pilot)
        await back_to_today(pilot)
    return seen


@pytest.mark.slow
@pilot_test
async def test_the_shown_profile_renamed_then_removed_elsewhere(dad_and_me, tmp_path):
    app = app_for(dad_and_me, tmp_path, profile="Dad")
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, *args, **kwargs: (said.append(str(message)), notify(message, *args, **kwargs))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.sub_title == "Dad · Today"

        with Diary.open(dad_and_me) as other:  # `osteotrack profile rename Dad Frank` in another terminal
            other.rename_profile("Dad", "Frank")
        seen = await press_every_key(pilot, said)
        assert "Frank · Today" in seen["ctrl+r"]  # Today read again shows the new name
        assert app.screen.sub_title == "Frank · Today" and app.profile == "Frank"
        assert "Frank · " in seen["g"]  # the trends summary
        assert "-Frank-" in seen["p"]  # the report's file is named after the profile as it is now
        for key, text in seen.items():
            assert GONE not in text and "no profile named" not in text, (key, text)
            assert "Could not read" not in text, (key, text)
        today = app.screen
        assert today.query_one("#entries", OptionList).option_count == 1  # still Dad's (Frank's) entry

        with Diary.open(dad_and_me) as other:  # `osteotrack profile remove Frank` in another terminal
            other.remove_profile("Frank")
        seen = await press_every_key(pilot, said)
        assert app.is_running
        for key in SAYS_GONE:
            assert GONE in seen[key], (key, seen[key])
        assert "Could not read the diary: " + GONE in shown(app.screen)

        # Choosing another profile puts everything right again.
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")  # the only profile left: me
        await settle(pilot)
        assert app.profile == "me" and app.screen.sub_title == "me · Today"
        assert GONE not in shown(app.screen)


# Each screen's key, and the method that puts what its first read found on screen. (History is not among them: it
# reads its first page before it is first drawn, a page whatever the diary's size, and this small diary whole.)
FIRST_SHOWN = {
    "e": ("osteotrack.tui.screens.events:EventsScreen", "_show"),
    "q": ("osteotrack.tui.screens.questions:QuestionsScreen", "_show"),
    "c": ("osteotrack.tui.screens.checkin:CheckInScreen", "_loaded"),
    "p": ("osteotrack.tui.screens.report:ReportScreen", "_profile_read"),
    "l": ("osteotrack.tui.screens.entry:EntryScreen", "_fill_from_diary"),
    "v": ("osteotrack.tui.screens.overview:OverviewScreen", "_show"),
}


@pilot_test
async def test_a_result_that_comes_back_after_its_screen_has_gone_is_dropped(dad_and_me, tmp_path, monkeypatch):
    """A screen key, then Escape before its first read is back: the late result is not put on the gone screen."""
    import importlib

    applied: list[str] = []
    screens = {}
    for key, (target, method) in FIRST_SHOWN.items():
        module, _, name = target.partition(":")
        screens[key] = screen_class = getattr(importlib.import_module(module), name)

        def record(screen, *args, _key=key, _show=getattr(screen_class, method), **kwargs):  # noqa: B008
            applied.append(_key)
            return _show(screen, *args, **kwargs)

        monkeypatch.setattr(screen_class, method, record)

    held, release, finished = threading.Event(), threading.Event(), threading.Event()
    slow_reads: list[Diary] = []
    opening, closing = Diary.profile_by_id, Diary.close

    def slow(diary, profile_id):  # as on a diary so big that the first read takes a while
        if not release.is_set():
            slow_reads.append(diary)
            held.set()
            release.wait(10)
        return opening(diary, profile_id)

    def close(diary):  # the held read is over once its worker closes its connection
        closing(diary)
        if diary in slow_reads:
            finished.set()

    async def until(event: threading.Event) -> None:  # without holding up the app
        deadline = time.monotonic() + 10
        while not event.is_set() and time.monotonic() < deadline:
            await pilot.pause(0.01)
        assert event.is_set()

    app = app_for(dad_and_me, tmp_path, profile="Dad")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Diary, "profile_by_id", slow)
        monkeypatch.setattr(Diary, "close", close)
        for key, screen_class in screens.items():
            for event in (held, release, finished):
                event.clear()
            applied.clear()
            await pilot.press(key)
            await until(held)
            screen = app.screen
            assert isinstance(screen, screen_class), key  # its read is under way…
            screen.action_leave()  # …Escape leaves the screen (it is still being taken down)…
            assert isinstance(app.screen, TodayScreen), key
            release.set()
            assert finished.wait(10), key  # …and the read is back before the app could finish taking it down
            for _ in range(3):  # time for the late result to be handed to the screen, were it to be
                await settle(pilot)
            assert app.is_running and isinstance(app.screen, TodayScreen), key
            assert applied == [], key
            # The same screen opened again shows its data as usual.
            await pilot.press(key)
            await settle(pilot)
            assert applied == [key] and isinstance(app.screen, screen_class), key
            await back_to_today(pilot)
