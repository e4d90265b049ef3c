"""One frame on every main screen: a header saying what and whose, a footer with its keys, Esc back to Today,
``?`` for every key, and no key typed into a text box ever taken for a shortcut."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Input, TextArea
from textual.widgets._header import HeaderTitle

from osteotrack.store import Diary
from osteotrack.tui.app import OsteoApp, available_places
from osteotrack.tui.screens.today import TodayScreen
from osteotrack.tui.widgets.keys_footer import KeyLine, KeysFooter
from tests.functional.tui_support import app_for, pilot_test, settle

MAIN = [name for name in available_places() if name != "today"]
WIDTH = 80


def demo_diary(path) -> None:
    with Diary.open(path) as diary:
        diary.set_setting("demo", "1")
        diary.rename_profile("me", "Margaret")


def header_text(screen) -> str:
    return str(screen.query_one(HeaderTitle).render())


def footer_keys(screen) -> list[tuple[str, str]]:
    """The footer's keys wholly inside the terminal's width: (key as shown, what it does)."""
    line = screen.query_one(KeyLine)
    return [(key.display, key.description) for key, _, end in line.spans() if line.region.x + end <= WIDTH]


def as_text(renderable) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def show(app, pilot, name: str) -> None:
    app.action_show_screen(name)
    await settle(pilot)


@pilot_test
async def test_every_main_screen_has_the_frame_and_esc_goes_back_to_today(db_path, tmp_path):
    demo_diary(db_path)
    app = app_for(db_path, tmp_path)
    seen = {}
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        seen["today"] = (header_text(app.screen), footer_keys(app.screen))
        for name in MAIN:
            await show(app, pilot, name)
            screen = app.screen
            title = available_places()[name].title
            seen[name] = (header_text(screen), footer_keys(screen), len(screen.query(KeysFooter)))
            assert title.split()[0].lower() in header_text(screen).lower(), name
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, TodayScreen), name
    today_header, today_keys = seen.pop("today")
    assert "DEMO" in today_header and "Margaret" in today_header
    assert ("?", "All keys") in today_keys and ("l", "Log pain") in today_keys
    for name, (header, keys, footers) in seen.items():
        assert header.startswith("DEMO · "), (name, header)
        # Whose diary: the profile's name (the overview shows every profile, and says so).
        assert ("every profile" if name == "overview" else "Margaret") in header, (name, header)
        assert footers == 1, name
        # A way back and a way to every key are always in sight at 80 columns, whatever else is cut.
        assert keys[0] == ("esc", "Back"), (name, keys)
        assert keys[1][1] == "All keys", (name, keys)


@pilot_test
async def test_no_key_typed_into_a_text_box_triggers_a_shortcut(existing, tmp_path):
    letters = sorted({key for binding in OsteoApp.BINDINGS for key in binding.key.split(",") if len(key) == 1}
                     | set("adkworuxsnpm") | {"question_mark"})
    app = app_for(existing, tmp_path)
    boxes_tried = []
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        for name in MAIN:
            await show(app, pilot, name)
            screen = app.screen
            kinds_tried: set[type] = set()
            for box in list(screen.query(Input)) + list(screen.query(TextArea)):
                # One box of each kind per screen: the keys a box takes are its kind's (Input, TextArea),
                # the shortcuts it must not trigger are its screen's and the app's.
                if not (box.display and box.focusable) or type(box) in kinds_tried:
                    continue
                kinds_tried.add(type(box))
                box.focus()
                await pilot.pause()
                await pilot.press(*letters)
                await settle(pilot)
                assert app.screen is screen and not screen.query("HelpPanel"), (name, box.id)
                boxes_tried.append((name, box.id))
                if isinstance(box, Input):
                    box.value = ""
                else:
                    box.text = ""
            await pilot.press("escape")
            await settle(pilot)
            if app.screen is not screen and not isinstance(app.screen, TodayScreen):
                await pilot.press("y")  # leave without saving what was typed
                await settle(pilot)
    names = {name for name, _ in boxes_tried}
    assert {"questions", "trends", "report", "breathe"} <= names, boxes_tried


@pilot_test
async def test_question_mark_lists_every_key_of_the_screen_and_the_app(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        for name in ["today", *MAIN]:
            await show(app, pilot, name)
            screen = app.screen
            screen.set_focus(None)
            await pilot.pause()
            await pilot.press("question_mark")
            await settle(pilot)
            [panel] = screen.query("HelpPanel")
            listed = " ".join(as_text(table.render()) for table in panel.query("BindingsTable"))
            own_keys = {key for b in type(screen).BINDINGS for key in b.key.split(",")}
            shadowed = [b for b in OsteoApp.BINDINGS if set(b.key.split(",")) <= own_keys]  # History's g
            offered = [(b, screen) for b in type(screen).BINDINGS] + [(b, app) for b in OsteoApp.BINDINGS]
            # Every key offered here (an action not offered, e.g. leaving the demo outside it, is not listed).
            expected = [b.description for b, where in offered
                        if b.description and b not in shadowed and app._check_action_state(b.action, where)]
            missing = [d for d in expected if d not in listed]
            assert not missing, (name, missing)
            await pilot.press("question_mark")  # again: the panel goes
            await settle(pilot)
            assert not screen.query("HelpPanel"), name
        # From inside a text box "?" is text; F1 lists the keys.
        await show(app, pilot, "questions")
        await pilot.press("question_mark")
        assert app.screen.query_one("#new", Input).value == "?" and not app.screen.query("HelpPanel")
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen.query("HelpPanel")


@pilot_test
async def test_a_key_clicked_in_the_footer_does_what_pressing_it_does(existing, tmp_path):
    from osteotrack.tui.screens.entry import EntryScreen

    app = app_for(existing, tmp_path)
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        line = app.screen.query_one(KeyLine)
        [(_, start, _)] = [span for span in line.spans() if span[0].description == "Log pain"]
        await pilot.click(KeyLine, offset=(start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)


@pilot_test
async def test_a_footer_under_another_screen_waits_until_its_screen_is_back(db_path, tmp_path):
    """Issue 15: a screen opened over Today took Today's focus and changed which app keys apply, and Today's hidden
    footer laid itself out again twice while the new screen opened; it now waits, and is right when Today is back."""
    demo_diary(db_path)
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        today = app.screen
        line = today.query_one(KeyLine)
        before = list(line.keys)
        shown_while_hidden = []
        showing = line.show_keys
        line.show_keys = lambda keys: (shown_while_hidden.append(keys), showing(keys))  # type: ignore[method-assign]
        await show(app, pilot, "history")
        assert app.screen is not today
        hidden_calls = list(shown_while_hidden)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is today
    assert hidden_calls == []  # nothing worked out for a footer nobody could see
    assert line.keys == before  # and Today's keys are as they were once it is back
