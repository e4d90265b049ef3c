"""The breathing screen driven by Pilot on a fake clock, in a tiny host App."""

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from osteotrack.domain.when import now_local
from osteotrack.store import Diary
from osteotrack.tui.screens.breathe import BreatheScreen
from osteotrack.tui.widgets.pacer import BAR_CELL, Pacer
from tests.functional.tui_host import run_screen, whose
from tests.functional.tui_host import settle as host_settle
from tests.functional.tui_support import person, pilot_test


class FakeClock:
    def __init__(self):
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


class Host(App):
    """Stands in for the osteotrack app: the attributes screens read, and the screen pushed."""

    def __init__(self, diary_path: Path, clock, read_only: bool = False):
        super().__init__()
        self.diary_path, self.profile, self.read_only = diary_path, None, read_only
        self.profile_id, self.profile_problem = whose(diary_path)
        self.config_path = diary_path.with_name("tui.json")
        self.breathe = BreatheScreen(clock=clock)

    def now(self):
        return now_local()

    def on_mount(self) -> None:
        self.push_screen(self.breathe)


@pytest.fixture
def host(db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    Diary.open(db_path).close()
    clock = FakeClock()
    return Host(db_path, clock), clock


async def set_up(pilot, pain="6", pattern="4-7-8", minutes="2", kind=None):
    screen = pilot.app.breathe
    await pilot.pause()
    screen.query_one("#pain-before", Input).value = pain
    screen.query_one("#pattern", Input).value = pattern
    screen.query_one("#minutes", Input).value = minutes
    if kind:
        screen.query_one("#kind").value = kind
        await pilot.pause()
    await pilot.click("#start")
    await pilot.pause()
    return screen


def pacer_text(screen) -> str:
    return str(screen.query_one(Pacer).render())


async def at(pilot, clock, seconds):
    clock.now = 500.0 + seconds
    pilot.app.breathe.tick()
    await pilot.pause()


@pilot_test
async def test_phases_change_at_the_right_times_for_4_7_8(host):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        assert screen.step == "run"
        assert "Breathe in · 4" in pacer_text(screen)
        await at(pilot, clock, 3.5)
        assert "Breathe in · 1" in pacer_text(screen)
        await at(pilot, clock, 4)
        assert "Hold · 7" in pacer_text(screen)
        await at(pilot, clock, 11)
        assert "Breathe out · 8" in pacer_text(screen)
        await at(pilot, clock, 19)
        text = pacer_text(screen)
        # 2 minutes of 19 s breaths: 6 whole breaths, 114 s; 19 s done leaves 1:35.
        assert "Breathe in · 4" in text and "Breath 2 · 1:35 left" in text


@pilot_test
async def test_the_bar_grows_breathing_in_and_is_full_on_the_hold(host):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        empty = pacer_text(screen).splitlines()[0].count(BAR_CELL)
        await at(pilot, clock, 2)
        half = pacer_text(screen).splitlines()[0].count(BAR_CELL)
        await at(pilot, clock, 5)
        full = pacer_text(screen).splitlines()[0].count(BAR_CELL)
        assert empty == 0 < half < full
        await at(pilot, clock, 15)  # half-way out: back to about half
        assert pacer_text(screen).splitlines()[0].count(BAR_CELL) == half


@pilot_test
async def test_pause_freezes_the_pacer_and_p_again_goes_on(host):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await at(pilot, clock, 2)
        await pilot.press("p")
        await at(pilot, clock, 60)  # a minute away from the screen
        text = pacer_text(screen)
        assert "Breathe in · 2" in text and "Paused" in text
        await pilot.press("p")
        await at(pilot, clock, 62)
        assert "Hold · 7" in pacer_text(screen)


@pilot_test
async def test_stop_then_pain_again_stores_the_session_with_before_and_after(host, db_path):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot, pain="6")
        await at(pilot, clock, 30)
        await pilot.press("s")
        await pilot.pause()
        assert screen.step == "after"
        await pilot.click("#pain-after")
        await pilot.press("4")
        screen.query_one("#note", Input).value = "jaw looser"
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "relief 30%" in str(screen.query_one("#message").render())
    with person(db_path) as diary:
        [session] = diary.sessions()
        entry = diary.get_entry(session.entry_id)
    assert (session.therapy, session.pain_before, session.pain_after, session.duration_seconds) == (
        "relaxation", 6, 4, 30)
    assert (session.completed, session.pattern, session.planned_seconds) == (False, "4-7-8", 114)
    assert entry.note == "jaw looser" and [(t.therapy, t.relief) for t in entry.therapies] == [("relaxation", 30)]


@pilot_test
async def test_the_session_ends_by_itself_when_the_time_is_up(host, db_path):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot, pain="5", pattern="slow", minutes="1")
        await at(pilot, clock, 59)
        assert screen.step == "run"
        await at(pilot, clock, 60)
        assert screen.step == "after"
        assert "Well done: 1 minute." in str(screen.query_one("#after-summary").render())
        await pilot.click("#pain-after")
        await pilot.press("5", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    with person(db_path) as diary:
        [session] = diary.sessions()
    assert (session.duration_seconds, session.completed, session.pain_after) == (60, True, 5)


@pilot_test
async def test_guided_imagery_is_a_timer_with_prompts(host, db_path):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot, kind="guided-imagery", minutes="2")
        from osteotrack.domain.selfcare import SESSION_KINDS

        prompts = SESSION_KINDS["guided-imagery"].prompts
        assert prompts[0] in pacer_text(screen) and "2:00 left" in pacer_text(screen)
        await at(pilot, clock, 45)
        assert prompts[1] in pacer_text(screen) and "1:15 left" in pacer_text(screen)
        await pilot.press("s")
        await pilot.click("#pain-after")
        await pilot.press("3", "enter")
        await app.workers.wait_for_complete()
    with person(db_path) as diary:
        [session] = diary.sessions()
    assert (session.therapy, session.pattern, session.duration_seconds) == ("guided-imagery", None, 45)


@pytest.mark.parametrize("field, value, words", [
    ("#pain-before", "", "Pain now must be a whole number from 0 to 10"),
    ("#pain-before", "11", "Pain now must be a whole number from 0 to 10; got '11'."),
    ("#pattern", "4-x", "Unknown breathing pattern '4-x'"),
    ("#minutes", "0", "whole number of minutes from 1 to 60"),
])
@pilot_test
async def test_bad_set_up_is_one_sentence_inline_and_nothing_starts(host, field, value, words):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        await pilot.pause()
        screen = app.breathe
        screen.query_one("#pain-before", Input).value = "6"
        screen.query_one(field, Input).value = value
        await pilot.click("#start")
        await pilot.pause()
        assert screen.step == "setup"
        assert words in str(screen.query_one("#message").render())


@pilot_test
async def test_plain_mode_with_no_color_shows_words_and_a_counter_only(host, monkeypatch):
    app, clock = host
    monkeypatch.setenv("NO_COLOR", "1")
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await at(pilot, clock, 6)
        text = pacer_text(screen)
        assert BAR_CELL not in text
        assert text.splitlines()[:2] == ["Hold · 5", "Breath 1 · 1:48 left"]


@pilot_test
async def test_reduced_motion_is_a_setting_that_is_remembered(host, db_path):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await at(pilot, clock, 6)
        assert BAR_CELL in pacer_text(screen)
        await pilot.press("m")
        await pilot.pause()
        assert BAR_CELL not in pacer_text(screen)
    again = Host(db_path, FakeClock())
    async with again.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        assert screen.reduced_motion and BAR_CELL not in pacer_text(screen)


@pilot_test
async def test_read_only_diary_lets_you_breathe_but_not_save(db_path, monkeypatch):
    Diary.open(db_path).close()
    clock = FakeClock()
    app = Host(db_path, clock, read_only=True)
    async with app.run_test(size=(90, 36)) as pilot:
        assert "read-only" in str(app.breathe.query_one("#message").render())
        screen = await set_up(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert screen.query_one("#save").disabled
    with person(db_path) as diary:
        assert diary.sessions() == []


@pilot_test
async def test_typing_a_note_with_the_letters_of_the_keys_does_not_pause_or_toggle(host):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#note")
        await pilot.press(*"map spot")
        assert screen.query_one("#note", Input).value == "map spot"
        assert not screen.reduced_motion and screen.step == "after"


@pilot_test
async def test_a_second_save_while_saving_stores_nothing_more_and_enter_then_closes(host, db_path):
    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await pilot.press("s")
        await pilot.click("#pain-after")
        await pilot.press("3")
        screen.save()
        screen.save()  # Enter pressed again before the first save is back
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.saved is not None
        await pilot.press("enter")  # focus is on Close now
        await pilot.pause()
        assert app.screen is not screen
    with person(db_path) as diary:
        assert len(diary.sessions()) == 1 and diary.count_entries() == 1


@pilot_test
async def test_escape_after_an_unsaved_session_asks_before_leaving(host, db_path):
    from osteotrack.tui.dialogs.confirm import ConfirmDialog

    app, clock = host
    async with app.run_test(size=(90, 36)) as pilot:
        screen = await set_up(pilot)
        await pilot.press("escape")  # during the session: stops it and asks the pain
        await pilot.pause()
        assert screen.step == "after" and app.screen is screen
        await pilot.press("escape")  # not saved yet: ask first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


def test_a_refused_pain_is_in_sight_at_80_by_24(empty):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        screen.query_one("#pain-before", Input).value = "11"
        screen.start()  # the Start button
        await host_settle(pilot)
        message = screen.query_one("#message")
        seen["text"] = str(message.render())
        seen["region"] = message.region
        seen["visible"] = screen.find_widget(message).region.intersection(screen.region) == message.region

    run_screen(empty, BreatheScreen, scenario, size=(80, 24))
    assert "got '11'" in seen["text"]
    region = seen["region"]
    assert region.height >= 1 and region.bottom <= 23 and seen["visible"], region  # above the footer's row
