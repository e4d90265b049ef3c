"""Every form marks the field an error names (``error.field``), never the one its words happen to mention."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.messages import FACE_MESSAGES
from osteotrack.domain.records import Question, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.screens.breathe import BreatheScreen
from osteotrack.tui.screens.checkin import CheckInScreen
from osteotrack.tui.screens.entry import EntryScreen
from osteotrack.tui.screens.events import EventFormScreen
from osteotrack.tui.screens.questions import QuestionsScreen
from tests.conftest import TZ
from tests.functional.tui_host import run_screen, settle
from tests.support import active

# Its words name the site and the level ("A fracture needs its site, e.g. --site mid-back --level T8 …"):
# matching words would put it under one of those, whatever field it is about.
MISLEADING = "site.missing"


def shown(screen) -> dict[str, str]:
    """The inline errors on show, by label id."""
    return {label.id: str(label.render()) for label in screen.query(".error") if label.display}


@pytest.mark.parametrize("make_screen", [EntryScreen, EventFormScreen, CheckInScreen, QuestionsScreen])
def test_an_error_shows_under_the_widget_of_its_field_whatever_its_words(empty, make_screen):
    seen = []

    async def scenario(pilot):
        screen = pilot.app.screen
        for field in [*screen.FIELD_WIDGETS, "no-such-field", None]:
            screen.show_error(ValidationError(MISLEADING, field=field))
            await pilot.pause()
            seen.append((field, shown(screen)))

    run_screen(empty, make_screen, scenario)
    sentence = FACE_MESSAGES["app"][MISLEADING]  # the app says it in its own words
    fallback = f"{make_screen.ERROR_FALLBACK}-error"
    assert seen == [(field, {f"{widget}-error": sentence}) for field, widget in make_screen.FIELD_WIDGETS.items()] + [
        ("no-such-field", {fallback: sentence}),
        (None, {fallback: sentence}),
    ]


def test_events_the_domain_refusal_names_its_field_for_the_form(empty):
    seen = []

    async def scenario(pilot):
        form = pilot.app.screen
        for kind, typed in (("fracture", {}), ("dxa", {"t-score": "-9"}), ("dxa", {"t-score": "low"})):
            form.query_one("#kind").value = kind
            await pilot.pause()
            for key, value in {"when": "2026-03-02", **typed}.items():
                form.query_one(f"#{key}").value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
            seen.append((shown(form), pilot.app.focused.id))

    run_screen(empty, EventFormScreen, scenario)
    assert seen == [
        ({"site-error": FACE_MESSAGES["app"][MISLEADING]}, "site"),
        ({"t-score-error": "A T-score is a number from -6.0 to 4.0; got -9.0."}, "t-score"),
        ({"t-score-error": "A T-score is a number from -6.0 to 4.0; got 'low'."}, "t-score"),
    ]
    with Diary.open(empty) as diary:
        assert active(diary).events() == []


def test_entry_a_refusal_about_a_therapy_is_marked_at_the_therapies_though_it_says_medication(empty):
    # "The therapy 'otc-pain-medication' is given twice": the word "medication" would have put it at the
    # medication field; the error is about the therapies.
    seen = {}

    async def scenario(pilot):
        form = pilot.app.screen
        form.refused(ValidationError("therapy.twice", field="therapy", therapy="otc-pain-medication"))
        await pilot.pause()
        seen["shown"] = shown(form)

    run_screen(empty, EntryScreen, scenario)
    assert seen["shown"] == {
        "therapies-error": "The therapy 'otc-pain-medication' is given twice; give each therapy once."
    }


def test_entry_the_medication_goes_through_the_domains_one_rule(empty):
    seen = []

    async def scenario(pilot):
        form = pilot.app.screen
        form.query_one("#pain").value = 5
        form.query_one("#therapies").set_chosen({"otc-pain-medication": 40, "prescription-pain-medication": None})
        await pilot.pause()
        for typed in ("tramadol 50 mg", "prescription-pain-medication=tramadol 50 mg"):
            form.query_one("#medication", Input).value = typed
            await pilot.press("ctrl+s")
            await settle(pilot)
            seen.append((shown(form), pilot.app.focused.id if pilot.app.focused else None))

    run_screen(empty, EntryScreen, scenario)
    # Two medication therapies and a name: which one? The app asks in its own words (no --med).
    ambiguous = FACE_MESSAGES["app"]["medication.ambiguous"]
    assert seen[0] == ({"medication-error": ambiguous}, "medication")
    with Diary.open(empty) as diary:
        [entry] = active(diary).entries()
    assert entry.therapies == [
        TherapyUse("otc-pain-medication", 40),
        TherapyUse("prescription-pain-medication", None, "tramadol", "50 mg"),
    ]


def test_check_in_a_future_day_is_marked_at_the_day(empty):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        await pilot.press("5")
        screen.query_one("#day").value = "2026-11-25"
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["shown"] = shown(screen)

    run_screen(empty, CheckInScreen, scenario)
    assert seen["shown"] == {"day-error": "The day 2026-11-25 is in the future; only days up to today can be used."}


def test_questions_a_question_gone_from_the_diary_is_said_on_the_error_line(empty):
    with Diary.open(empty) as diary:
        gone = active(diary).add_question(
            Question(text="Is swimming safe?", created=datetime(2026, 11, 1, 9, tzinfo=TZ))
        )
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        with Diary.open(empty) as diary:  # deleted in another terminal while the list shows it
            active(diary).delete_question(gone.id)
        screen.query_one("#questions").focus()
        await pilot.press("k")
        await settle(pilot)
        seen["shown"] = shown(screen)

    run_screen(empty, QuestionsScreen, scenario)
    assert seen["shown"] == {"new-error": f"There is no question with id '{gone.id}'."}


@pytest.mark.parametrize(
    "field, value, marked",
    [
        ("#pain-before", "11", "pain-before"),
        ("#pattern", "4-x", "pattern"),
        ("#pattern", "4-30-8", "pattern"),
        ("#minutes", "0", "minutes"),
    ],
)
def test_breathe_says_the_refusal_and_marks_its_field(empty, field, value, marked):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        screen.query_one("#pain-before", Input).value = "6"
        screen.query_one(field, Input).value = value
        await pilot.click("#start")
        await pilot.pause()
        seen["marked"] = [w.id for w in screen.query(".-invalid")]
        seen["focused"] = pilot.app.focused.id
        seen["step"] = screen.step
        seen["message"] = str(screen.query_one("#message").render())

    run_screen(empty, BreatheScreen, scenario, size=(90, 36))
    assert seen["marked"] == [marked] and seen["focused"] == marked and seen["step"] == "setup"
    assert seen["message"].endswith(".") and value in seen["message"]
