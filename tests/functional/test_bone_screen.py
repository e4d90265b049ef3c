"""The Bone care screen, driven by Pilot in a host app: treatments with next due and days late, one key for
"taken now", the height and falls lines, and nothing written when read-only."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Static

from osteotrack.domain.bone import Dose, Height, Treatment
from osteotrack.store import Diary
from osteotrack.tui.screens.bone import BoneCareScreen
from tests.conftest import NOW, TZ
from tests.functional.helpers import digest
from tests.functional.tui_host import run_screen, settle


def filled(db_path):
    with Diary.open(db_path) as diary:
        me = diary.profile("me")
        me.add_treatment(Treatment("alendronate", "1w", date(2026, 11, 2), dose="70 mg"), now=NOW)
        me.add_dose(Dose("alendronate", datetime(2026, 11, 16, 8, tzinfo=TZ)), now=NOW)  # due Mon 23 Nov
        me.add_height(Height(datetime(2026, 11, 20, 9, tzinfo=TZ), 1612), now=NOW)
    return db_path


def cells(app) -> list[list[str]]:
    table = app.screen.query_one("#treatments", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def test_the_screen_shows_where_each_treatment_stands(db_path):
    seen = {}

    async def look(pilot):
        seen["rows"] = cells(pilot.app)
        seen["lines"] = str(pilot.app.screen.query_one("#bone-lines", Static).render())

    run_screen(filled(db_path), BoneCareScreen, look, profile="me")
    # Taken Mon 16 Nov → due Mon 23 Nov; on Tue 24 Nov (the tests' now) 1 day late.
    assert seen["rows"] == [["Alendronate 70 mg", "every week", "16 Nov 2026", "23 Nov 2026", "1"]]
    assert "Height: 1 measurement, last 161.2 cm on 20 Nov 2026." in seen["lines"]
    assert "Falls: 0; near-falls: 0." in seen["lines"]


def test_one_key_records_a_dose_taken_now(db_path):
    seen = {}

    async def take(pilot):
        await pilot.press("x")
        await settle(pilot)
        seen["rows"] = cells(pilot.app)

    run_screen(filled(db_path), BoneCareScreen, take, profile="me")
    assert seen["rows"][0][2:] == ["24 Nov 2026", "1 Dec 2026", "0"]
    with Diary.open(db_path, read_only=True) as diary:
        assert [d.at for d in diary.profile("me").doses()][-1] == NOW


def test_read_only_hides_the_key_and_writes_nothing(db_path):
    before = digest(filled(db_path))

    seen = {}

    async def take(pilot):
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("m")  # the monthly questions: no form opens
        await settle(pilot)
        seen["screen"] = type(pilot.app.screen)

    run_screen(db_path, BoneCareScreen, take, profile="me", read_only=True)
    assert seen["screen"] is BoneCareScreen
    assert digest(db_path) == before
