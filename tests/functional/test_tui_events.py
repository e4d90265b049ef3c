"""Events: add each kind with the fields it needs; bad input is named next to its field."""

from __future__ import annotations

from datetime import datetime

import pytest

from osteotrack.domain.records import Event
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.events import EventFormScreen, EventsScreen
from tests.conftest import NOW, TZ
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import person


def stored(path) -> list[Event]:
    with person(path) as diary:
        return diary.events()


async def fill(pilot, kind: str, when: str, choices: dict, typed: dict) -> None:
    """Open the form with ``a``, fill in the fields, and save with Ctrl+S."""
    await pilot.press("a")
    await settle(pilot)
    form = pilot.app.screen
    form.query_one("#kind").value = kind
    await pilot.pause()
    for key, value in {**choices, "when": when, **typed}.items():
        form.query_one(f"#{key}").value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


KINDS = [
    ("fall", {"site": "hip-left"}, {"note": "slipped"}, {"site": "hip-left", "note": "slipped"}),
    ("fracture", {"site": "mid-back"}, {"level": "t8"}, {"site": "mid-back", "level": "T8"}),
    ("procedure", {"procedure": "kyphoplasty"}, {"level": "T8"},
     {"procedure": "kyphoplasty", "site": "mid-back", "level": "T8"}),
    ("imaging", {"site": "lower-back"}, {"note": "MRI"}, {"site": "lower-back", "note": "MRI"}),
    ("dxa", {"dxa-site": "lumbar-spine"}, {"t-score": "-2.7"}, {"t_score": -2.7, "dxa_site": "lumbar-spine"}),
    ("appointment", {}, {"note": "GP review"}, {"note": "GP review"}),
]


@pytest.mark.slow
def test_each_kind_of_event_is_added_with_its_own_fields(empty):
    # One app session adds all six kinds, one after another (an app start costs about a second).
    seen = []

    async def scenario(pilot):
        for kind, choices, typed, _ in KINDS:
            await fill(pilot, kind, "2026-03-02 10:00", choices, typed)
            seen.append((type(pilot.app.screen).__name__, pilot.app.screen.query_one("#events").row_count))

    run_screen(empty, EventsScreen, scenario)
    assert seen == [("EventsScreen", n) for n in range(1, 7)]
    events = stored(empty)
    assert [e.kind for e in events] == [kind for kind, *_ in KINDS]
    blank = {"site": None, "level": None, "procedure": None, "t_score": None, "dxa_site": None, "note": ""}
    for event, (_, _, _, expected) in zip(events, KINDS):
        assert event.at.replace(tzinfo=None) == datetime(2026, 3, 2, 10, 0)
        assert {f: getattr(event, f) for f in blank} == {**blank, **expected}


BAD = [
    ("dxa", {}, {}, "t-score", "A DXA result needs its T-score, e.g. -2.7."),
    ("dxa", {}, {"t-score": "low"}, "t-score", "A T-score is a number from -6.0 to 4.0; got 'low'."),
    ("dxa", {}, {"t-score": "-9"}, "t-score", "A T-score is a number from -6.0 to 4.0; got -9.0."),
    ("fracture", {"site": "wrist-left"}, {"level": "T8"}, "level",
     "A vertebral level can only be given for the neck, upper, mid or lower back, not 'wrist-left'."),
    ("fracture", {}, {}, "site",
     "A fracture needs its place: choose it under Where (and the vertebra for the spine, e.g. T8)."),
    ("fracture", {"site": "lower-back"}, {"level": "T2"}, "level",
     "Vertebral level 'T2' does not belong to lower-back; use one of L1–L5."),
    ("procedure", {}, {}, "procedure",
     "A procedure event needs its procedure: choose vertebroplasty, kyphoplasty or other under Procedure."),
    ("fall", {}, {}, "when", "The time '2099-01-01 10:00' is in the future (2099-01-01 10:00); "
                             "only times up to now can be logged."),
]


def test_bad_input_is_named_next_to_its_field_and_nothing_is_stored(empty):
    seen = []

    async def scenario(pilot):
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        for kind, choices, typed, _, _ in BAD:
            form.query_one("#kind").value = kind
            await pilot.pause()
            for key in ("site", "procedure", "dxa-site"):
                form.query_one(f"#{key}").clear()
            for key in ("level", "t-score"):
                form.query_one(f"#{key}").value = ""
            when = "2099-01-01 10:00" if kind == "fall" else "2026-03-02"
            for key, value in {**choices, "when": when, **typed}.items():
                form.query_one(f"#{key}").value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
            shown = {label.id: str(label.render()) for label in form.query(".error") if label.display}
            seen.append((type(pilot.app.screen).__name__, shown, pilot.app.focused.id))

    run_screen(empty, EventsScreen, scenario)
    assert seen == [("EventFormScreen", {f"{field}-error": message}, field) for *_, field, message in BAD]
    assert stored(empty) == []


def test_the_form_says_which_moment_it_read_the_time_as(empty):
    seen = []

    async def scenario(pilot):
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        for typed in ("", "yesterday 17:00", "someday"):
            form.query_one("#when").value = typed
            await pilot.pause()
            seen.append(str(form.query_one("#when-preview").render()))

    run_screen(empty, EventsScreen, scenario)
    # The tests' now is Tuesday 24 November 2026, 10:00.
    assert seen == ["= Tue 24 Nov 2026 10:00", "= Mon 23 Nov 2026 17:00",
                    "e.g. now, yesterday 17:00, 3d ago, 2026-03-02"]


def test_leaving_a_half_filled_form_asks_first(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press("a")
        await settle(pilot)
        pilot.app.screen.query_one("#note").focus()
        await pilot.press("x", "escape")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        seen["back on"] = type(pilot.app.screen).__name__
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: leaves at once
        await pilot.pause()
        seen["untouched form leaves"] = type(pilot.app.screen).__name__

    run_screen(empty, EventsScreen, scenario)
    assert seen == {"asked": True, "back on": "EventsScreen", "untouched form leaves": "EventsScreen"}


def test_events_are_listed_newest_first_and_delete_asks(empty):
    with person(empty) as diary:
        old = diary.add_event(Event("fracture", datetime(2026, 3, 2, 10, 0, tzinfo=TZ), site="mid-back",
                                    level="T8"), now=NOW)
        new = diary.add_event(Event("dxa", datetime(2026, 6, 1, 9, 0, tzinfo=TZ), t_score=-2.7,
                                    dxa_site="lumbar-spine"), now=NOW)
    seen = {}

    async def scenario(pilot):
        table = pilot.app.screen.query_one("#events")
        seen["rows"] = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        await pilot.press("d")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)

    run_screen(empty, EventsScreen, scenario)
    assert seen["rows"] == [
        ["Mon 1 Jun 2026 09:00", "Bone density (DXA) result (T-score -2.7 at lumbar spine)"],
        ["Mon 2 Mar 2026 10:00", "Fracture diagnosed (mid back T8)"],
    ]
    assert seen["asked"]
    assert [e.id for e in stored(empty)] == [old.id]
    assert new.id != old.id


def test_read_only_cannot_add(empty):
    seen = {}

    async def scenario(pilot):
        await pilot.press("a")
        await pilot.pause()
        seen["screen"] = type(pilot.app.screen).__name__
        pilot.app.screen.action_add_event()  # as the command palette calls it
        await pilot.pause()
        seen["from the palette"] = type(pilot.app.screen).__name__

    run_screen(empty, EventsScreen, scenario, read_only=True)
    assert seen == {"screen": "EventsScreen", "from the palette": "EventsScreen"}
    assert EventFormScreen.EDITING_ACTIONS == {"save"}


def test_an_appointment_may_be_in_the_future_and_a_fall_may_not(empty):
    seen = []

    async def scenario(pilot):
        await fill(pilot, "fall", "in 2 days", {"site": "hip-left"}, {})
        form = pilot.app.screen
        seen.append((type(form).__name__, str(form.query_one("#when-error").render())))
        form.query_one("#kind").value = "appointment"
        await pilot.pause()
        seen.append(str(form.query_one("#when-preview").render()))  # read again for an appointment
        form.query_one("#note").value = "Dr Lee"
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen.append(type(pilot.app.screen).__name__)

    run_screen(empty, EventsScreen, scenario)
    # The tests' now is Tuesday 24 November 2026, 10:00: in 2 days is Thursday 26 November, 10:00.
    assert seen[0][0] == "EventFormScreen" and "is in the future" in seen[0][1]
    assert seen[1:] == ["= Thu 26 Nov 2026 10:00", "EventsScreen"]
    [visit] = stored(empty)
    assert (visit.kind, visit.at, visit.note) == ("appointment", datetime(2026, 11, 26, 10, 0, tzinfo=TZ), "Dr Lee")
