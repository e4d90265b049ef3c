"""Questions for my doctor: add, mark asked, answer (with the answer), reopen, delete."""

from __future__ import annotations

from datetime import datetime

from osteotrack.domain.records import Question
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.questions import QuestionsScreen
from tests.conftest import TZ
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import app_for, person, pilot_test
from tests.functional.tui_support import settle as tui_settle


def stored(path) -> list[tuple[str, str, str]]:
    with person(path) as diary:
        return [(q.text, q.status, q.answer) for q in diary.questions()]


def test_a_question_goes_from_open_to_asked_to_answered_and_back(empty):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        await pilot.press(*"Can I carry the shopping?", "enter")  # the cursor starts in the question's box
        await settle(pilot)
        seen["added"] = stored(empty)
        seen["input cleared"] = screen.query_one("#new").value == ""
        screen.query_one("#questions").focus()
        await pilot.press("k")
        await settle(pilot)
        seen["asked"] = stored(empty)
        await pilot.press("w")
        await pilot.pause()
        seen["dialog"] = isinstance(pilot.app.screen, AskTextDialog)
        await pilot.press(*"Up to 5 kg", "enter")
        await settle(pilot)
        seen["answered"] = stored(empty)
        seen["detail"] = str(screen.query_one("#detail").render())
        await pilot.press("o")
        await settle(pilot)
        seen["reopened"] = stored(empty)

    run_screen(empty, QuestionsScreen, scenario)
    text = "Can I carry the shopping?"
    assert seen["added"] == [(text, "open", "")]
    assert seen["input cleared"]
    assert seen["asked"] == [(text, "asked", "")]
    assert seen["dialog"]
    assert seen["answered"] == [(text, "answered", "Up to 5 kg")]
    assert seen["detail"] == f"Answered: {text}\nAnswer: Up to 5 kg"
    assert seen["reopened"] == [(text, "open", "Up to 5 kg")]


def test_open_questions_come_first_and_delete_asks(empty):
    with person(empty) as diary:
        diary.add_question(Question("Is it safe to keep gardening?", datetime(2026, 1, 5, 20, 0, tzinfo=TZ),
                                    status="answered", answer="Yes, kneeling"))
        diary.add_question(Question("Should I have another DXA scan?", datetime(2026, 2, 1, 20, 0, tzinfo=TZ)))
        diary.add_question(Question("Would kyphoplasty help me?", datetime(2026, 3, 1, 20, 0, tzinfo=TZ),
                                    status="asked"))
    seen = {}

    async def scenario(pilot):
        table = pilot.app.screen.query_one("#questions")
        seen["rows"] = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        seen["status"] = str(pilot.app.screen.query_one("#status").render())
        table.focus()
        await pilot.press("d")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)

    run_screen(empty, QuestionsScreen, scenario)
    assert seen["rows"] == [
        ["To ask", "1 Feb 2026", "Should I have another DXA scan?"],
        ["Asked", "1 Mar 2026", "Would kyphoplasty help me?"],
        ["Answered", "5 Jan 2026", "Is it safe to keep gardening?"],
    ]
    assert seen["status"] == "1 open of 3 questions."
    assert seen["asked"]
    assert [t for t, _, _ in stored(empty)] == ["Is it safe to keep gardening?", "Would kyphoplasty help me?"]


def test_an_empty_question_is_refused_under_the_field(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press(" ", "enter")
        await settle(pilot)
        error = pilot.app.screen.query_one("#new-error")
        seen["error"] = (str(error.render()), error.display)

    run_screen(empty, QuestionsScreen, scenario)
    assert seen["error"] == ("A question for the doctor cannot be empty.", True)
    assert stored(empty) == []


def test_leaving_with_a_question_typed_but_not_added_asks_first(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press(*"How long", "escape")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        seen["kept"] = pilot.app.screen.query_one("#new").value

    run_screen(empty, QuestionsScreen, scenario)
    assert seen == {"asked": True, "kept": "How long"}


def test_read_only_lists_but_offers_no_changes(empty):
    with person(empty) as diary:
        diary.add_question(Question("Would kyphoplasty help me?", datetime(2026, 3, 1, 20, 0, tzinfo=TZ)))
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        await pilot.press("k")
        await settle(pilot)
        seen["offered"] = {active.binding.id for active in screen.active_bindings.values()}
        seen["new row shown"] = screen.query_one("#new-row").display

    run_screen(empty, QuestionsScreen, scenario, read_only=True)
    assert not seen["offered"] & {"questions-add", "questions-asked", "questions-answered", "questions-delete"}
    assert not seen["new row shown"]
    assert stored(empty) == [("Would kyphoplasty help me?", "open", "")]


def test_refresh_shows_a_question_added_from_elsewhere(empty):
    seen = {}

    async def scenario(pilot):
        with person(empty) as other:  # e.g. `osteotrack question "…"` in another terminal
            other.add_question(Question("Can I swim?", datetime(2026, 11, 23, 9, 0, tzinfo=TZ)))
        pilot.app.screen.action_refresh()
        await settle(pilot)
        seen["rows"] = pilot.app.screen.query_one("#questions").row_count

    run_screen(empty, QuestionsScreen, scenario)
    assert seen["rows"] == 1


@pilot_test
async def test_typing_a_question_in_the_app_triggers_no_shortcut(existing, tmp_path):
    # Every letter of the app's screen keys (h, p, g, t, c, e, l, s …) and "?" is typed into the box.
    text = "Can I carry the shopping? Help, gp, bone: t-score vs pain?"
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await tui_settle(pilot)
        await pilot.press("q")
        await tui_settle(pilot)
        await pilot.press(*text)
        await tui_settle(pilot)
        assert isinstance(app.screen, QuestionsScreen) and not app.screen.query("HelpPanel")
        await pilot.press("enter")
        await tui_settle(pilot)
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("tab")  # as the box says: Tab goes to the list, where k marks it asked
        assert app.focused.id == "questions"
        await pilot.press("k")
        await tui_settle(pilot)
    assert stored(existing) == [(text, "asked", "")]
