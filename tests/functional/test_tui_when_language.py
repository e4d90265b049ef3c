"""The app's When field reads the time in the app's language, through the parser `--at` uses (domain.when)."""

from __future__ import annotations

from datetime import datetime

import pytest

from osteotrack import i18n
from tests.conftest import TZ
from tests.functional.tui_support import app_for, open_entry_form, person, pilot_test, settle


@pytest.fixture
def spanish():
    i18n.choose("es")
    yield
    i18n.choose(None)


@pilot_test
async def test_the_when_field_reads_spanish_and_shows_the_time_as_spanish_writes_it(existing, tmp_path, spanish):
    app = app_for(existing, tmp_path)  # its clock: Tuesday 24 November 2026, 10:00 at UTC+01:00
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_entry_form(pilot)
        await pilot.press("4")
        form.query_one("#when").value = "ayer 19:00"
        await settle(pilot)
        # CLDR's Spanish: abbreviated "lun" and "nov", the date and the time joined by ", "
        assert str(form.query_one("#when-preview").render()) == "= lun 23 nov 2026, 19:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with person(existing) as diary:
        [entry] = diary.entries()
    assert entry.at == datetime(2026, 11, 23, 19, 0, tzinfo=TZ) and entry.pain == 4
