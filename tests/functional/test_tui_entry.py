"""The entry form, driven by keys as a patient would: log, edit, leave, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.entry import NO_PAIN_CHOSEN, EntryScreen
from osteotrack.tui.screens.today import TodayScreen
from osteotrack.tui.widgets.body_map import BodyMap
from tests.conftest import NOW
from tests.functional.tui_support import app_for, open_entry_form, person, pilot_test, settle


def stored(db_path) -> list[Entry]:
    with person(db_path) as diary:
        return diary.entries()


@pilot_test
async def test_a_typical_entry_takes_twelve_keys_from_today(existing, tmp_path):
    keys = [
        "l",            # log pain: the form opens with the pain scale focused
        "6",            # pain 6
        "tab", "l", "7",  # body map: type "l" for Lower back, intensity 7
        "tab", "b", "enter",  # triggers: filter "b", choose Bending
        "tab", "h", "6",  # therapies: filter "h", Heat with 60 % relief
        "ctrl+s",       # save
    ]
    assert len(keys) == 12
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press(*keys)  # typed straight through, without waiting for the form to load
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [entry] = stored(existing)
    assert entry.pain == 6
    assert entry.sites == [Site("lower-back", 7, None)]
    assert entry.triggers == ["bending"]
    assert entry.therapies == [TherapyUse("heat", 60)]
    assert entry.at == NOW
    assert entry.note == "" and not entry.for_doctor


@pilot_test
async def test_log_with_every_part_of_the_form(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_entry_form(pilot)
        await pilot.press("1", "0")  # 1 then 0 quickly: pain 10
        await pilot.press("tab", "m", "8", "]", "]", "]", "]", "]", "]", "]", "]")  # Mid back 8 at T8
        await pilot.press("down", "down", "space")  # two rows down from Mid back: Tailbone, at the pain (10)
        await pilot.press("tab", "t", "w", "enter")  # triggers: "tw" → Twisting
        await pilot.press("tab", "o", "4")  # therapies: "o" → Over-the-counter pain medication, 40 %
        await settle(pilot)
        form.query_one("#medication").value = "ibuprofen 400 mg"
        form.query_one("#qualities").focus()
        await pilot.press("s", "h", "space")  # "sh" → Sharp (and not Shooting, which comes later)
        form.query_one("#when").value = "yesterday evening"
        form.query_one("#note").text = "after gardening\nworse when standing"
        await pilot.press("ctrl+d")  # for my doctor
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [entry] = stored(existing)
    assert entry.pain == 10
    assert entry.sites == [Site("mid-back", 8, "T8"), Site("tailbone", 10, None)]
    assert entry.triggers == ["twisting"]
    assert entry.qualities == ["sharp"]
    assert entry.therapies == [TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")]
    assert entry.at == (NOW - timedelta(days=1)).replace(hour=19, minute=0)
    assert entry.note == "after gardening\nworse when standing"
    assert entry.for_doctor


@pilot_test
async def test_edit_an_entry_from_today(existing, tmp_path):
    with person(existing) as diary:
        original = diary.add_entry(
            Entry(at=NOW - timedelta(hours=2), pain=5, sites=[Site("lower-back", 5)], triggers=["bending"],
                  therapies=[TherapyUse("heat", 50)], note="kept"), now=NOW)
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")  # from "Log pain" to today's first entry, and open it
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen) and app.screen.entry_id == original.id
        assert not app.screen.dirty
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [entry] = stored(existing)
    assert entry.id == original.id
    assert entry.pain == 3
    # Everything not touched stays as it was, the time included.
    assert (entry.at, entry.sites, entry.triggers, entry.therapies, entry.note) == (
        original.at, original.sites, original.triggers, original.therapies, original.note)


@pilot_test
async def test_leaving_with_unsaved_input_asks_first(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry_form(pilot)
        await pilot.press("escape")  # nothing typed: leaves at once
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)

        await pilot.press("l")
        await settle(pilot)
        await pilot.press("5", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing: the input is still there
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.query_one("#pain").value == 5
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")  # discard
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert stored(existing) == []


@pilot_test
async def test_quitting_with_unsaved_input_asks_first(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry_form(pilot)
        await pilot.press("4", "ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, EntryScreen)


@pilot_test
async def test_bad_input_is_named_beside_its_field_and_nothing_is_stored(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_entry_form(pilot)
        await pilot.press("ctrl+s")  # no pain chosen
        await settle(pilot)
        assert str(form.query_one("#pain-error").render()) == NO_PAIN_CHOSEN
        assert form.query_one("#pain-error").display

        await pilot.press("4")
        form.query_one("#when").value = "tomorrow 9:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not form.query_one("#pain-error").display
        message = str(form.query_one("#when-error").render())
        assert message.startswith("The time 'tomorrow 9:00' is in the future")

        form.query_one("#when").value = "2026-11-25 09:00"  # the day after the fixed "now"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is in the future" in str(form.query_one("#when-error").render())

        form.query_one("#when").value = "now"
        form.query_one("#medication").value = "ibuprofen 400 mg"  # but no medication therapy chosen
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "goes with a medication therapy" in str(form.query_one("#medication-error").render())
        assert isinstance(app.screen, EntryScreen)
    assert stored(existing) == []


@pytest.mark.slow
@pilot_test
async def test_same_as_last_time_and_remembered_medication(existing, tmp_path):
    with person(existing) as diary:
        diary.add_entry(Entry(at=NOW - timedelta(days=1), pain=7, sites=[Site("mid-back", 7, "T8")],
                              triggers=["lifting"], qualities=["aching"],
                              therapies=[TherapyUse("otc-pain-medication", 30, "paracetamol", "1 g")],
                              note="yesterday's note", for_doctor=True), now=NOW)
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry_form(pilot)
        await pilot.press("ctrl+l", "ctrl+s")
        await settle(pilot)

        await pilot.press("l")
        await settle(pilot)
        form = app.screen
        await pilot.press("2", "tab", "tab", "tab", "o", "5")  # choose the OTC medication again
        await settle(pilot)
        assert form.query_one("#medication").value == "paracetamol 1 g"  # remembered from before
        await pilot.press("ctrl+s")
        await settle(pilot)
    newest, copy, _ = stored(existing)
    # "Same as last time" copies what happened, not when, the note or the doctor flag.
    assert (copy.pain, copy.sites, copy.triggers, copy.qualities, copy.therapies) == (
        7, [Site("mid-back", 7, "T8")], ["lifting"], ["aching"],
        [TherapyUse("otc-pain-medication", 30, "paracetamol", "1 g")])
    assert (copy.at, copy.note, copy.for_doctor) == (NOW, "", False)
    assert newest.therapies == [TherapyUse("otc-pain-medication", 50, "paracetamol", "1 g")]


@pilot_test
async def test_body_map_by_name_arrows_and_mouse(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_entry_form(pilot)
        body_map = app.screen.query_one(BodyMap)
        await pilot.press("tab", "k", "n")  # "kn": Knee, left — the first knee in the vocabulary
        assert body_map.cursor == "knee-left"
        await pilot.press("left")  # across the figure to the other knee
        assert body_map.cursor == "knee-right"
        await pilot.press("down", "3")
        assert body_map.cursor == "foot-right"
        chip = next(c for c in body_map.chips if c.slug == "wrist-left")
        await pilot.click(BodyMap, offset=(chip.left + 2 + 1, chip.row))  # +1 for the map's padding
        await pilot.press("a", "l", "9")  # "al": All over, intensity 9
        assert {s.location: s.intensity for s in body_map.value()} == {
            "wrist-left": body_map.default_intensity, "foot-right": 3, "all-over": 9}


@pilot_test
async def test_body_map_shows_the_diarys_own_places_and_not_hidden_ones(existing, tmp_path):
    with Diary.open(existing) as diary:
        diary.add_term("location", "jaw", "Jaw")
        diary.set_hidden("location", "foot-left", True)
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_entry_form(pilot)
        body_map = app.screen.query_one(BodyMap)
        slugs = [chip.slug for chip in body_map.chips]
        assert "jaw" in slugs and "foot-left" not in slugs
        await pilot.press("3", "tab", "j", "a", "4", "ctrl+s")
        await settle(pilot)
    [entry] = stored(existing)
    assert (entry.pain, entry.sites) == (3, [Site("jaw", 4, None)])


@pilot_test
async def test_a_zero_after_a_pause_starts_a_new_pain_not_ten(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_entry_form(pilot)
        scale = form.query_one("#pain")
        ticks = iter([100.0, 100.4, 200.0, 202.0])  # 1 then 0 after 0.4 s; later 1 then 0 after 2 s
        scale.digits.clock = lambda: next(ticks)
        await pilot.press("1", "0")
        assert scale.value == 10  # quick: ten
        await pilot.press("1", "0")
        assert scale.value == 0  # the 0 came 2 s after the 1 (more than 1.5 s): a new value, 0
