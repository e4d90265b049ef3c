"""The app's "Bring my history from another app or a spreadsheet": the preview, then one import.

The app is started without a diary (on the welcome screen) and what the welcome screen hands on is
recorded, so these tests are about this screen and its two ways in, not about the screens after it.
"""

from __future__ import annotations

from osteotrack.store import Diary
from osteotrack.tui.screens.bring_history import BringHistoryScreen
from osteotrack.tui.screens.welcome import WelcomeScreen
from tests.functional.tui_support import app_for, pilot_test, settle
from tests.import_support import FIXTURES, local_zone
from tests.support import active


async def _fill(pilot, source: str, path: str) -> BringHistoryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, BringHistoryScreen)
    screen.query_one("#source").value = source
    screen.query_one("#file").value = path
    await pilot.pause()
    return screen


@pilot_test
async def test_from_the_welcome_screen_preview_then_import(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    chosen: list = []
    app._welcomed = chosen.append  # what the welcome screen hands the app once history is in
    with local_zone("Europe/Berlin"):
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, WelcomeScreen)
            await pilot.press("b")
            await settle(pilot)
            screen = await _fill(pilot, "flaredown", str(FIXTURES / "flaredown-2023.csv"))
            assert screen.query_one("#import").disabled
            await pilot.click("#preview")
            await settle(pilot)
            shown = str(screen.query_one("#preview-text").render())
            assert "entries to create: 3" in shown
            assert "line 2: Flaredown saved this check-in without its day" in shown
            assert not db_path.exists()  # the preview writes nothing, not even a diary
            assert not screen.query_one("#import").disabled
            await pilot.click("#import")
            await settle(pilot)
            assert chosen == ["start"]  # the app now opens the diary the import made
    with Diary.open(db_path, read_only=True) as diary:
        assert active(diary).count_entries() == 3
        assert "coughing-bad-day" in diary.vocabulary().terms["trigger"]


@pilot_test
async def test_from_the_palette_a_sheet_with_its_columns_and_a_sentence_for_a_bad_one(db_path, tmp_path):
    sheet = tmp_path / "pain.csv"
    sheet.write_text("Day,Pain,Place\n2026-03-09,6,neck\n2026-03-10,mild,gardening shed\n", encoding="utf-8")
    app = app_for(db_path, tmp_path)
    app._welcomed = lambda choice: None
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        from osteotrack.tui.commands import bring_history

        bring_history(app)
        await settle(pilot)
        screen = await _fill(pilot, "sheet", str(sheet))
        assert screen.query_one("#columns").has_class("shown")
        await pilot.click("#preview")
        await settle(pilot)
        error = str(screen.query_one("#bring-error").render())
        assert error == ("There is no column 'Date' for the date column; name one by its header or letter: A 'Day', "
                         "B 'Pain', C 'Place'.")
        screen.query_one("#col-date").value = "A"
        screen.query_one("#col-where").value = "Place"
        await pilot.pause()
        await pilot.click("#preview")
        await settle(pilot)
        shown = str(screen.query_one("#preview-text").render())
        assert "entries to create: 2" in shown and "'Gardening shed' (where, 1 entry)" in shown
        screen.query_one("#add-terms").value = False
        await pilot.click("#import")
        await settle(pilot)
        assert not isinstance(app.screen, BringHistoryScreen)
    with Diary.open(db_path, read_only=True) as diary:
        found = active(diary).entries(newest_first=False)
        assert [(e.pain, [s.location for s in e.sites]) for e in found] == [(6, ["neck"]), (2, [])]
        assert found[1].note.endswith("Also: gardening shed.")


@pilot_test
async def test_read_only_offers_no_import(db_path, tmp_path):
    app = app_for(db_path, tmp_path, read_only=True)
    app._welcomed = lambda choice: None
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        from osteotrack.tui.commands import BRING, DiaryCommands

        titles = [title for title, _, _ in DiaryCommands(app.screen)._commands()]
        assert BRING[0] not in titles
        assert app.screen.query_one("#bring").disabled
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)


def test_the_preview_against_a_diary_counts_what_it_has_already(db_path):
    from osteotrack.tui.screens.bring_history import read_plan

    request = {"source": "pain-diary", "path": str(FIXTURES / "paindiary-decrypted.json"), "columns": {},
               "day_first": None}
    plan, shown = read_plan(db_path, None, request)
    assert "  entries to create: 3" in shown.lines and not db_path.exists()
    with Diary.open(db_path) as diary:
        me = active(diary)
        entries, checkins, terms = plan.records(me.id, True)
        me.import_records(entries, checkins, terms)
    plan, shown = read_plan(db_path, None, request)
    assert "  entries to create: 0 (3 already in the diary)" in shown.lines
    assert (shown.new_entries, shown.new_checkins) == (0, 0)
