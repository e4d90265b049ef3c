"""The app on a diary in a folder the user may not write: it reads it and says so in the header (issue 12)."""

from __future__ import annotations

import os

from osteotrack.domain.records import Entry
from tests.conftest import NOW
from tests.functional.tui_support import app_for, person, pilot_test, settle


@pilot_test
async def test_the_app_reads_a_diary_whose_folder_it_cannot_write(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    db_path = share / "diary.db"
    with person(db_path) as diary:
        diary.add_entry(Entry(at=NOW.replace(hour=8), pain=6), now=NOW)
    # Tests run as root, who may write anywhere: the folder is made unwritable for os.access, as
    # for any user of a read-only share (the command-line test drops root's capabilities instead).
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (str(p) == str(share) and mode & os.W_OK)
                        else real(p, mode, **kw))
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert app.read_only and "read-only (its folder cannot be written)" in app.title
        assert app.screen.query_one("#entries").option_count == 1
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.query_one("#entries")  # logging is not offered: still on Today
