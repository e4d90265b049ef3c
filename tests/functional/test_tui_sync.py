"""The app's sync (issue 18): key y on Today, the other copy's path, what would change, then the sync;
kept conflicts shown with both versions side by side."""

from __future__ import annotations

from datetime import datetime, timezone

from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from osteotrack.store.sync_files import sync_file
from osteotrack.tui.screens.sync import SyncScreen
from tests.functional.tui_support import app_for, pilot_test, settle

AT = datetime(2026, 11, 20, 8, tzinfo=timezone.utc)


def _no_passphrase() -> str:
    raise AssertionError("nothing here is encrypted")


@pilot_test
async def test_key_y_on_today_previews_then_syncs_and_shows_a_kept_conflict(db_path, tmp_path):
    anna = tmp_path / "anna.db"
    with Diary.open(db_path) as diary:
        first = diary.profile("me").add_entry(Entry(at=AT, pain=5, note="first"))
        diary.backup(anna)  # Anna's copy
    for path, pain in ((db_path, 7), (anna, 8)):  # both edit; Anna's edit is the later one
        with Diary.open(path) as diary:
            entry = diary.profile("me").get_entry(first.id)
            entry.pain = pain
            diary.profile("me").update_entry(entry)
    with Diary.open(anna) as diary:
        diary.profile("me").add_entry(Entry(at=AT.replace(hour=9), pain=3, note="anna's"))
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(110, 44)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SyncScreen)
        assert str(screen.query_one("#sync-conflicts").render()) == "No kept conflicts."
        screen.query_one("#sync-file").value = str(anna)
        await pilot.pause()
        assert screen.query_one("#sync-button").disabled
        await pilot.press("ctrl+o")
        await settle(pilot)
        shown = str(screen.query_one("#sync-preview-text").render())
        assert "This diary: 1 new entry, 1 changed, 0 deleted, 1 conflict" in shown
        assert f"{anna}: 0 new records, 0 changed, 0 deleted, 0 conflicts" in shown
        with Diary.open(db_path, read_only=True) as diary:  # the preview wrote nothing
            assert [e.pain for e in diary.profile("me").entries()] == [7]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Synced. This diary: 1 new entry" in str(screen.query_one("#sync-preview-text").render())
        # The kept conflict is listed below, its two versions side by side.
        assert str(screen.query_one("#sync-conflicts").render()) != "No kept conflicts."
    with Diary.open(db_path, read_only=True) as diary:
        assert sorted(e.pain for e in diary.profile("me").entries()) == [3, 8]
        [kept] = diary.sync_conflicts()
        assert (kept.winner["pain"], kept.loser["pain"]) == (8, 7)
    # Syncing again from the other side changes nothing.
    with Diary.open(anna) as diary:
        again = sync_file(diary, db_path, passphrase=_no_passphrase)
    assert not again.here.anything


@pilot_test
async def test_an_encrypted_backup_from_the_app_asks_the_passphrase_twice(db_path, tmp_path):
    from pyrage import passphrase

    with Diary.open(db_path) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=5))
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(110, 44)) as pilot:
        await settle(pilot)
        app.action_backup_encrypted()
        await settle(pilot)
        assert app.screen.query_one("#text").password  # typed characters are not shown
        await pilot.press(*"open sesame", "enter")
        await settle(pilot)
        await pilot.press(*"open sesam", "enter")  # a slip: refused in a sentence, the dialog stays
        await settle(pilot)
        assert "differ" in str(app.screen.query_one("#error").render())
        await pilot.press("e", "enter")
        await settle(pilot)
    [sealed] = db_path.parent.glob("*.db.age")
    assert sealed.stat().st_mode & 0o777 == 0o600
    # The age format, openable with the passphrase alone: inside, the diary as an SQLite file.
    assert passphrase.decrypt(sealed.read_bytes(), "open sesame").startswith(b"SQLite format 3\x00")
