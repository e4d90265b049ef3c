"""A fracture at two levels is common: two vertebral levels of one spine region in one entry
(`--where T8:6 --where T9:5`) are stored, kept through an edit in the app, and older diaries take them."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Entry, Site
from osteotrack.store import Diary
from osteotrack.tui.screens.today import TodayScreen
from tests.conftest import NOW, ROOT
from tests.functional.helpers import assert_refused_unchanged, entries
from tests.functional.tui_support import app_for, person, pilot_test, settle


def test_log_stores_two_levels_of_the_mid_back(run_cli, db_path):
    result = run_cli("log", "--pain", "6", "--where", "T8:6", "--where", "T9:5")
    assert result.exit_code == 0, result.output
    assert entries(db_path)[0].sites == [Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]
    assert "Where: Mid back T8 6; Mid back T9 5" in result.stdout


@pytest.mark.parametrize("where, message", [
    (["T8:6", "T8:5"], "The vertebral level T8 is given twice"),
    (["mid-back:6", "T9:5"], "The location 'mid-back' is given twice"),  # one without a level: which is which?
    (["hip-left:3", "hip-left:4"], "The location 'hip-left' is given twice"),
])
def test_the_same_place_twice_is_still_refused(run_cli, db_path, where, message):
    args = [a for w in where for a in ("--where", w)]
    assert_refused_unchanged(run_cli, db_path, ["log", "--pain", "3"], ["log", "--pain", "6", *args], message)


def test_a_diary_of_the_previous_schema_takes_two_levels_after_migrating(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema-m004_bone_care.db", path)
    with Diary.open(path) as diary:
        me = diary.profile("me")
        [old] = me.entries()
        assert old.sites == [Site("mid-back", 8, "T8"), Site("rib-left", 4)]  # kept by the rebuilt table
        stored = me.add_entry(Entry(at=NOW, pain=6, sites=[Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]),
                              now=NOW)
        assert me.get_entry(stored.id).sites == [Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]
        with pytest.raises(ValidationError):
            me.add_entry(Entry(at=NOW, pain=6, sites=[Site("mid-back", 6, "T8"), Site("mid-back", 5, "T8")]), now=NOW)


@pilot_test
async def test_editing_in_the_app_keeps_both_levels(db_path, tmp_path):
    with person(db_path) as me:
        me.add_entry(Entry(at=NOW - timedelta(hours=1), pain=6,
                           sites=[Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]), now=NOW)
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        app.screen.query_one("#entries").focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("5", "ctrl+s")  # the form opens on the pain scale
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [saved] = entries(db_path)
    assert saved.pain == 5 and saved.sites == [Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]
