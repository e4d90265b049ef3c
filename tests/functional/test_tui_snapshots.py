"""Snapshots of the main screens at 80×24 with a fixed clock (update with --snapshot-update).

Snapshots depend on the Textual version, which pyproject.toml pins exactly.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, TextArea

from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from tests.conftest import NOW
from tests.functional.tui_support import app_for, settle

SIZE = (80, 24)


@pytest.fixture
def small_diary(db_path):
    """Two entries today and three in the week before, all at fixed times."""
    with Diary.open(db_path) as diary:
        diary.rename_profile("me", "Margaret")
        margaret = diary.profile("Margaret")
        for days_ago, hour, pain, site, trigger, therapy in [
            (0, 8, 5, Site("mid-back", 6, "T8"), "getting-up", TherapyUse("heat", 50)),
            (0, 9, 3, Site("lower-back", 3), "bending", TherapyUse("physical-therapy", 40)),
            (1, 19, 6, Site("mid-back", 6), "lifting", TherapyUse("otc-pain-medication", 30, "ibuprofen", "400 mg")),
            (3, 12, 4, Site("rib-left", 4), "coughing-sneezing", TherapyUse("ice", 20)),
            (6, 18, 5, Site("lower-back", 5), "standing", TherapyUse("heat", 60)),
        ]:
            margaret.add_entry(Entry(at=NOW.replace(hour=hour, minute=0) - timedelta(days=days_ago), pain=pain,
                                     sites=[site], triggers=[trigger], therapies=[therapy]), now=NOW)
    return db_path


def steady(*keys: str):
    """A run_before that waits for the diary, presses ``keys`` (waiting after each) and stops blinking."""

    async def run(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
        await pilot.pause()

    return run


def test_today_snapshot(snap_compare, small_diary, tmp_path):
    assert snap_compare(app_for(small_diary, tmp_path), terminal_size=SIZE, run_before=steady())


def test_entry_form_snapshot(snap_compare, small_diary, tmp_path):
    app = app_for(small_diary, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady("l", "6", "tab", "m", "7", "]", "]", "]", "]",
                                                                    "]", "]", "]", "]"))


def test_welcome_snapshot(snap_compare, db_path, tmp_path):
    assert snap_compare(app_for(db_path, tmp_path), terminal_size=SIZE, run_before=steady())
