"""The daily check-in: digits answer, Ctrl+S saves, a missed day is easy to fill in."""

from __future__ import annotations

from datetime import date

import pytest

from osteotrack.domain.records import CheckIn
from osteotrack.store import Diary
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.checkin import CheckInScreen
from tests.conftest import NOW
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import person

TODAY = NOW.date()  # Tuesday 24 November 2026


def stored(path) -> list[CheckIn]:
    with person(path) as diary:
        return diary.checkins()


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def test_digits_answer_and_ctrl_s_saves_today_with_its_peg_score(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press("6", "tab", "4", "tab", "7", "tab", "8", "tab", "5", "ctrl+s")
        await settle(pilot)
        seen["peg"] = text_of(pilot.app.screen, "#peg")
        seen["dirty"] = pilot.app.screen.dirty

    run_screen(empty, CheckInScreen, scenario)
    # The three PEG answers were asked about the past 7 days (no PEG in the week before, so it was due).
    assert stored(empty) == [CheckIn(day=TODAY, peg_pain=6, peg_enjoyment=4, peg_activity=7, sleep=8, mood=5,
                                     id=stored(empty)[0].id, peg_week=True)]
    # (6 + 4 + 7) / 3 = 5.67, shown to one decimal.
    assert "PEG score 5.7 of 10" in seen["peg"]
    assert "Saved for Tue 24 Nov" in seen["peg"]
    assert not seen["dirty"]


def test_one_then_zero_gives_ten_and_arrows_nudge(empty):
    # An unanswered scale starts at 0 whichever arrow is pressed.
    async def scenario(pilot):
        await pilot.press("1", "0", "tab", "3", "right", "right", "tab", "left", "ctrl+s")
        await settle(pilot)

    run_screen(empty, CheckInScreen, scenario)
    (saved,) = stored(empty)
    assert (saved.peg_pain, saved.peg_enjoyment, saved.peg_activity) == (10, 5, 0)


def began_on(path, utc_text: str) -> None:
    """Make the diary's (only) profile look as if it was started at ``utc_text``."""
    with Diary.open(path) as diary:
        diary.backdate_profile(diary.profile(diary.active_profile()).id, utc_text)


def test_a_missed_day_is_filled_in_with_the_day_before_key(empty):
    began_on(empty, "2026-11-01T09:00:00Z")
    with person(empty) as diary:
        diary.save_checkin(CheckIn(day=date(2026, 11, 23), peg_pain=4), today=TODAY)
    seen = {}

    async def scenario(pilot):
        seen["missed"] = text_of(pilot.app.screen, "#missed")
        await pilot.press("[", "[")
        await settle(pilot)
        seen["day"] = pilot.app.screen.query_one("#day").value
        seen["due"] = text_of(pilot.app.screen, "#peg-due")
        seen["asked"] = not pilot.app.screen.query_one("#peg_pain").disabled
        await pilot.press("3", "ctrl+s")
        await settle(pilot)

    run_screen(empty, CheckInScreen, scenario)
    # The two weeks before today, less Mon 23, which has a check-in; newest first.
    assert seen["missed"] == "Missed in the last two weeks: Sun 22 Nov, Sat 21 Nov, Fri 20 Nov and 10 more."
    assert seen["day"] == "2026-11-22"
    # The PEG of Mon 23 covers the week: on Sun 22 it is not asked again (next from 23 + 7 = Mon 30 Nov), and the
    # cursor waits on sleep, which is asked every day.
    assert not seen["asked"]
    assert seen["due"] == ("The weekly questions were answered on Mon 23 Nov; next from Mon 30 Nov. "
                           "Sleep and mood are asked every day.")
    assert [(c.day, c.peg_pain, c.sleep) for c in stored(empty)] == [(date(2026, 11, 22), None, 3),
                                                                     (date(2026, 11, 23), 4, None)]


def test_typing_a_day_loads_its_check_in_and_saving_replaces_it(empty):
    with person(empty) as diary:
        diary.save_checkin(CheckIn(day=date(2026, 11, 23), peg_pain=4, sleep=6, note="slept badly"), today=TODAY)
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        screen.query_one("#day").value = ""
        screen.query_one("#day").focus()
        await pilot.press(*"yesterday")
        await settle(pilot)
        seen["pain"] = screen.query_one("#peg_pain").value
        seen["day words"] = text_of(screen, "#day-words")
        screen.query_one("#peg_pain").focus()
        await pilot.press("2", "ctrl+s")
        await settle(pilot)

    run_screen(empty, CheckInScreen, scenario)
    assert seen["pain"] == 4
    assert seen["day words"] == "Mon 23 Nov 2026 · already checked in; saving replaces it"
    (saved,) = stored(empty)
    assert (saved.day, saved.peg_pain, saved.sleep, saved.note) == (date(2026, 11, 23), 2, 6, "slept badly")


@pytest.mark.parametrize("typed, message", [
    ("next week", "Could not read the day 'next week'; use a date like 2026-11-23, 'today', 'yesterday' or a weekday."),
    ("2026-11-25", "The day 2026-11-25 is in the future; only days up to today can be used."),
])
def test_a_bad_day_is_named_next_to_the_day_and_nothing_is_stored(empty, typed, message):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        await pilot.press("5")
        screen.query_one("#day").value = typed
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["error"] = text_of(screen, "#day-error")
        seen["shown"] = screen.query_one("#day-error").display

    run_screen(empty, CheckInScreen, scenario)
    assert seen["error"] == message and seen["shown"]
    assert stored(empty) == []


def test_saving_with_no_answer_says_what_is_needed(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["error"] = text_of(pilot.app.screen, "#form-error")

    run_screen(empty, CheckInScreen, scenario)
    assert seen["error"] == ("A check-in needs at least one answer: average pain, enjoyment, activity, sleep or mood.")
    assert stored(empty) == []


def test_leaving_with_answers_not_saved_asks_first(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press("5", "escape")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        seen["stayed"] = type(pilot.app.screen).__name__
        seen["kept"] = pilot.app.screen.query_one("#peg_pain").value
        await pilot.press("escape", "y")
        await pilot.pause()
        seen["left"] = type(pilot.app.screen).__name__

    run_screen(empty, CheckInScreen, scenario)
    assert seen["asked"] and seen["stayed"] == "CheckInScreen" and seen["kept"] == 5
    assert seen["left"] != "CheckInScreen"
    assert stored(empty) == []


def test_read_only_shows_but_cannot_save(empty):
    with person(empty) as diary:
        diary.save_checkin(CheckIn(day=TODAY, peg_pain=4), today=TODAY)
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        seen["pain"] = screen.query_one("#peg_pain").value
        seen["offered"] = {active.binding.id for active in screen.active_bindings.values()}

    run_screen(empty, CheckInScreen, scenario, read_only=True)
    assert seen["pain"] == 4
    assert "checkin-save" not in seen["offered"]


def test_days_before_the_diary_began_are_not_missed(empty):
    began_on(empty, "2026-11-21T09:00:00Z")  # started on Saturday 21 November; today is Tuesday 24
    seen = {}

    async def scenario(pilot):
        seen["missed"] = text_of(pilot.app.screen, "#missed")

    run_screen(empty, CheckInScreen, scenario)
    # Only the days from the diary's first day to yesterday: Mon 23, Sun 22, Sat 21 — not Fri 20 and before.
    assert seen["missed"] == "Missed in the last two weeks: Mon 23 Nov, Sun 22 Nov, Sat 21 Nov."


def test_a_diary_started_today_has_no_missed_days(empty):
    began_on(empty, "2026-11-24T08:00:00Z")
    seen = {}

    async def scenario(pilot):
        seen["missed"] = text_of(pilot.app.screen, "#missed")

    run_screen(empty, CheckInScreen, scenario)
    assert seen["missed"] == "No missed days in the last two weeks."
