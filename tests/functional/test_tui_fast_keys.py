"""Keys typed faster than the app draws are never lost (issue 12).

``pilot.press`` waits for the app to be idle after every key, which hides races; a person (or a
terminal replaying typed-ahead input) does not wait. ``typed_ahead`` hands the keys to the
driver back to back, as a terminal delivers them.
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events

from osteotrack.tui.screens.today import TodayScreen
from tests.functional.tui_support import app_for, open_entry_form, person, pilot_test, settle


def typed_ahead(app, *keys: tuple[str, str | None]) -> None:
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


async def _until_today(pilot, app) -> None:
    for _ in range(40):
        await pilot.pause(0.05)
        if isinstance(app.screen, TodayScreen):
            break
    await settle(pilot)


@pytest.mark.parametrize("after_l", [None, 0.002, 0.01, 0.03])
@pilot_test
async def test_a_save_right_after_a_digit_saves_it(existing, tmp_path, after_l):
    # Ctrl+S was a priority binding: the app ran it before the digit typed just before it had
    # reached the pain scale, found no pain, and the digit then cleared the error: nothing saved,
    # nothing shown.
    with person(existing) as diary:
        before = diary.count_entries()
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        if after_l is None:  # the form is open and drawn
            await open_entry_form(pilot)
        else:  # the form is still being built (a moment after l)
            await settle(pilot)
            typed_ahead(app, ("l", "l"))
            await asyncio.sleep(after_l)
        typed_ahead(app, ("5", "5"), ("ctrl+s", None))
        await _until_today(pilot, app)
        assert isinstance(app.screen, TodayScreen)
    with person(existing) as diary:
        assert diary.count_entries() == before + 1
        assert diary.entries()[0].pain == 5


@pilot_test
async def test_leaving_history_at_once_leaves_the_app_running(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for gap in (0, 0.005, 0.02):
            typed_ahead(app, ("h", "h"))
            await asyncio.sleep(gap)
            typed_ahead(app, ("escape", None))
            await _until_today(pilot, app)
            assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)


@pilot_test
async def test_a_message_from_history_after_it_has_gone_is_dropped(existing, tmp_path):
    # h then Esc at once: the history table's "row highlighted" can still be waiting in the screen's
    # queue when the screen and its table are gone; handling it asked for '#entries' (NoMatches).
    from osteotrack.tui.screens.history import HistoryScreen
    from osteotrack.tui.widgets.row_list import RowList

    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        late = RowList.RowHighlighted(history.table, 0)
        await pilot.press("escape")
        await _until_today(pilot, app)
        history.on_row_list_row_highlighted(late)  # arrives after the screen has gone: nothing happens
        assert isinstance(app.screen, TodayScreen)
